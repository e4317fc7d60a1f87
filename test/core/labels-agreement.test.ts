/**
 * The yardstick for the default rules: a practitioner's judgements of real council files
 * (../shared/data/labels/). Agreement is the share of absolute spend over the labelled rows
 * whose verdict is one the practitioner allows.
 *
 * Column roles are stated here rather than taken from the mapping module, so that this test
 * measures the rules alone: Hyndburn 2024/25 (normalised) has supplier "Supplier Name", amount
 * "Amount Paid", description "Description" and service area "Service Area", and no category;
 * Salford 2021/22 has supplier "Vendor Name", amount "Net", category "GL Description" and
 * service area "Service Area".
 */
import * as fs from 'fs';
import * as zlib from 'zlib';
import { parseCsv } from '../../src/core/csv';
import { compileRules, parseRulesCsv, type Judgement, type PaymentFacts } from '../../src/core/rules';
import { supplierType } from '../../src/core/supplier-type';
import { describeWithShared, sharedPath } from '../support/shared';

const book = compileRules(parseRulesCsv(fs.readFileSync(`${__dirname}/../../rules/default-rules.csv`, 'utf8'), 'rules/default-rules.csv'));

type Record_ = Record<string, string>;

function readTable(text: string): Record_[] {
  const [header, ...records] = parseCsv(text.replace(/^\uFEFF/, ''));
  return records.filter((record) => record.length > 1).map((record) => Object.fromEntries(header.map((name, i) => [name, record[i] ?? ''])));
}

interface Roles {
  supplier: string;
  amount: string;
  category?: string;
  description?: string;
  serviceArea: string;
}

interface Judged {
  row: Record_;
  facts: PaymentFacts;
  amount: number;
  judgement: Judgement;
}

function judgeAll(rows: Record_[], roles: Roles): Judged[] {
  return rows.map((row) => {
    const supplier = row[roles.supplier];
    const facts: PaymentFacts = {
      supplier,
      supplierType: supplierType(supplier),
      category: roles.category ? row[roles.category] : undefined,
      description: roles.description ? row[roles.description] : undefined,
      serviceArea: row[roles.serviceArea],
    };
    return { row, facts, amount: Math.abs(Number(row[roles.amount])), judgement: book.judge(facts) };
  });
}

/**
 * The labels README: "supplier-level facts (public bodies, utilities) still override" the
 * category labels, so a row judged not influenceable by a rule about its supplier agrees.
 */
function decidedBySupplier(judgement: Judgement): boolean {
  const field = judgement.rule?.field;
  return judgement.verdict === 'not_influenceable' && (field === 'supplier' || field === 'supplier_type');
}

interface Agreement {
  strict: number;
  withSupplierFacts: number;
  labelledShare: number;
}

function measure(name: string, judged: Judged[], labelOf: (row: Record_) => { allowed: string[] } | undefined): Agreement {
  let labelled = 0;
  let strict = 0;
  let withSupplierFacts = 0;
  const all = judged.reduce((sum, j) => sum + j.amount, 0);
  const misses = new Map<string, number>();
  const credited = new Map<string, number>();
  for (const { row, facts, amount, judgement } of judged) {
    const label = labelOf(row);
    if (!label) continue;
    labelled += amount;
    const agrees = label.allowed.includes(judgement.verdict);
    if (agrees) strict += amount;
    const what = facts.category ?? facts.description ?? '';
    const key = `${facts.supplier} / ${what.slice(0, 40)} — allowed ${label.allowed.join('|')}, got ${judgement.verdict} (${judgement.reason})`;
    if (agrees || decidedBySupplier(judgement)) {
      withSupplierFacts += amount;
      if (!agrees) credited.set(key, (credited.get(key) ?? 0) + amount);
    } else {
      misses.set(key, (misses.get(key) ?? 0) + amount);
    }
  }
  const result = { strict: strict / labelled, withSupplierFacts: withSupplierFacts / labelled, labelledShare: labelled / all };
  const percent = (x: number) => `${(x * 100).toFixed(2)}%`;
  const largest = (tally: Map<string, number>, count: number) =>
    [...tally]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([key, amount]) => `    ${percent(amount / labelled)}  ${key}`);
  console.log(
    [
      `${name}: labelled rows hold ${percent(result.labelledShare)} of spend`,
      `  agreement ${percent(result.withSupplierFacts)} (${percent(result.strict)} counting only the category labels)`,
      '  largest disagreements (share of labelled spend):',
      ...largest(misses, 10),
      '  largest agreements only because the supplier decides (public body, utility, lender):',
      ...largest(credited, 5),
    ].join('\n'),
  );
  return result;
}

const LEVY_OR_PRECEPT = /\b(?:levy|levies|precepts?)\b/i;
const UTILITY_NAME = /^(?:water ?plus|edf|sefe|sse|british gas|e[.-]?on|united utilities|scottish power|smartest energy|corona energy|crown gas|opus energy|haven power|gazprom|yu energy|wave utilities)\b/i;

/** No public body, utility, levy or precept may be judged influenceable. */
function expectNothingNotInfluenceableMarkedInfluenceable(judged: Judged[], labelWhy: (row: Record_) => string | undefined): void {
  const wrong = judged
    .filter(({ row, facts, judgement }) => {
      if (judgement.verdict !== 'influenceable') return false;
      const why = labelWhy(row) ?? '';
      const text = [facts.category, facts.description, facts.serviceArea].join(' ');
      return (
        facts.supplierType === 'public_body' ||
        /public body|government department|utility|^tax/.test(why) ||
        LEVY_OR_PRECEPT.test(text) ||
        UTILITY_NAME.test(facts.supplier)
      );
    })
    .map(({ facts, judgement }) => `${facts.supplier} / ${facts.category ?? facts.description}: ${judgement.reason}`);
  expect(wrong).toEqual([]);
}

describeWithShared('the default rules against the practitioner labels', () => {
  test('Hyndburn 2024/25: at least 90% of labelled spend agrees', () => {
    const rows = readTable(fs.readFileSync(sharedPath('data', 'real', 'hyndburn_spend_over_250_2024-25.csv'), 'utf8'));
    const labels = new Map(
      readTable(fs.readFileSync(sharedPath('data', 'labels', 'hyndburn-2024-25-influence.csv'), 'utf8')).map((label) => [
        label.supplier,
        { allowed: label.allowed.split('|'), why: label.why },
      ]),
    );
    const judged = judgeAll(rows, { supplier: 'Supplier Name', amount: 'Amount Paid', description: 'Description', serviceArea: 'Service Area' });
    expect(judged).toHaveLength(8988);
    const agreement = measure('Hyndburn 2024/25', judged, (row) => labels.get(row['Supplier Name']));
    expect(agreement.labelledShare).toBeGreaterThan(0.95);
    expect(agreement.strict).toBeGreaterThanOrEqual(0.9);
    expect(agreement.withSupplierFacts).toBeGreaterThanOrEqual(0.9);
    expectNothingNotInfluenceableMarkedInfluenceable(judged, (row) => labels.get(row['Supplier Name'])?.why);
  });

  test('Salford 2021/22: at least 90% of labelled spend agrees', () => {
    const text = zlib.gunzipSync(fs.readFileSync(sharedPath('data', 'real', 'salford_spend_2021-22.csv.gz'))).toString('utf8');
    const rows = readTable(text);
    const labels = new Map(
      readTable(fs.readFileSync(sharedPath('data', 'labels', 'salford-2021-22-gl-influence.csv'), 'utf8')).map((label) => [
        label.gl_description,
        { allowed: label.allowed.split('|'), why: label.why },
      ]),
    );
    const judged = judgeAll(rows, { supplier: 'Vendor Name', amount: 'Net', category: 'GL Description', serviceArea: 'Service Area' });
    expect(judged).toHaveLength(22918);
    const agreement = measure('Salford 2021/22', judged, (row) => labels.get(row['GL Description']));
    expect(agreement.labelledShare).toBeGreaterThan(0.95);
    expect(agreement.strict).toBeGreaterThanOrEqual(0.9);
    expect(agreement.withSupplierFacts).toBeGreaterThanOrEqual(0.9);
    expectNothingNotInfluenceableMarkedInfluenceable(judged, (row) => labels.get(row['GL Description'])?.why);
  });
});
