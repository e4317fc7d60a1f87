/**
 * No default rule names a local supplier. A supplier phrase names a body, and every body a
 * default rule names is in rules/national-bodies.csv with its reason: one that any council pays
 * (a utility, a bank, a national software vendor…). Kinds of supplier are described by words and
 * patterns ("construction", "care home"), never by phrases. Naming the suppliers of one file
 * would be tuning the rules to it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { z } from 'zod';
import { parseCsv } from '../../src/core/csv';
import { compileRules } from '../../src/core/rule-book';
import { type Rule } from '../../src/core/rule-schema';
import { parseRulesCsv } from '../../src/core/rule-table';
import { matchTerms } from '../../src/core/rule-terms';
import { readLabels } from '../../scripts/label-agreement';
import { describeWithShared, sharedPath } from '../support/shared';

const RULES_DIR = path.join(__dirname, '..', '..', 'rules');
const rules = parseRulesCsv(fs.readFileSync(path.join(RULES_DIR, 'default-rules.csv'), 'utf8'), 'rules/default-rules.csv');

const nationalBodySchema = z.object({ name: z.string().min(1), kind: z.string().min(1), reason: z.string().min(10) });

function readNationalBodies() {
  const [header, ...records] = parseCsv(fs.readFileSync(path.join(RULES_DIR, 'national-bodies.csv'), 'utf8'));
  return records
    .filter((record) => record.some((cell) => cell.trim() !== ''))
    .map((record, i) => {
      const parsed = nationalBodySchema.safeParse(Object.fromEntries(header.map((name, c) => [name, record[c]])));
      if (!parsed.success) throw new Error(`rules/national-bodies.csv line ${i + 2}: ${parsed.error.issues[0].message}`);
      return parsed.data;
    });
}

const comparable = (phrase: string) => matchTerms(phrase).join(' ');

/** Every phrase of the default rules that names a supplier. */
function supplierPhrases(): { phrase: string; rule: Rule }[] {
  return rules
    .filter((rule) => rule.field === 'supplier' && rule.match === 'phrase')
    .flatMap((rule) => rule.value.split(/[;|]/).map((phrase) => ({ phrase: phrase.trim(), rule })))
    .filter(({ phrase }) => phrase !== '');
}

describe('rules/national-bodies.csv', () => {
  const bodies = readNationalBodies();
  const listed = new Set(bodies.map((body) => comparable(body.name)));

  test('lists each national body once, with its kind and a reason', () => {
    expect(bodies.length).toBeGreaterThan(100);
    expect(listed.size).toBe(bodies.length);
  });

  test('holds every body a default rule names', () => {
    const unlisted = supplierPhrases()
      .filter(({ phrase }) => !listed.has(comparable(phrase)))
      .map(({ phrase, rule }) => `"${phrase}" (priority ${rule.priority}: ${rule.reason})`);
    expect(unlisted).toEqual([]);
  });
});

describeWithShared('the default rules name no supplier of the practitioner-labelled files', () => {
  test('a supplier phrase that matches a labelled supplier is a listed national body', () => {
    const listed = new Set(readNationalBodies().map((body) => comparable(body.name)));
    const folder = sharedPath('data', 'labels');
    const suppliers = fs
      .readdirSync(folder)
      .filter((file) => file.endsWith('.csv'))
      .flatMap((file) => [...readLabels(fs.readFileSync(path.join(folder, file), 'utf8'), file).bySupplier.keys()]);
    expect(suppliers.length).toBeGreaterThan(300);
    const offending: string[] = [];
    for (const { phrase } of supplierPhrases()) {
      const book = compileRules([{ priority: 1, field: 'supplier', match: 'phrase', value: phrase, verdict: 'review', reason: 'named', coop: false }]);
      for (const supplier of suppliers) {
        if (book.judge({ supplier, supplierType: 'company' }).position === 0 && !listed.has(comparable(phrase))) offending.push(`"${phrase}" names ${supplier}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
