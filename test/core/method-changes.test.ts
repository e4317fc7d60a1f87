/** How an earlier analysis's method differed from this run's: each difference in one line, none when they agree. */
import * as fs from 'fs';
import * as path from 'path';
import type { EarlierWorkbook } from '../../src/core/analysis/earlier-workbook';
import { methodChanges, type MethodNow } from '../../src/core/analysis/method-changes';
import { directoryFromSheet } from '../../src/core/directory';
import { parseRulesCsv, rulesToCsv } from '../../src/core/rule-table';
import { parseCsv } from '../../src/core/csv';
import { emptyState } from '../../src/core/settings';

const RULES_CSV = fs.readFileSync(path.join(__dirname, '..', '..', 'rules', 'default-rules.csv'), 'utf8');
const RULES = parseRulesCsv(RULES_CSV, 'default-rules.csv');
const SUPPLIERS_HEADER = ['Supplier key', 'Supplier name', 'Postcode', 'Postcode source', 'Supplier type', 'Locality override'];
const AREAS = {
  local: { name: 'Preston', districts: ['E07000123'] },
  wider: { name: 'Lancashire', districts: ['E07000123', 'E07000126'] },
};

function earlierWith(threshold: number, suppliers: string[][]): EarlierWorkbook {
  const state = emptyState();
  state.settings.areas = { local: { query: 'Preston', ...AREAS.local }, wider: { query: 'Lancashire', ...AREAS.wider } };
  state.settings.threshold = threshold;
  return { name: 'baseline-2023.xlsx', state, rulesSheet: parseCsv(rulesToCsv(RULES)), suppliersSheet: [SUPPLIERS_HEADER, ...suppliers] };
}

function now(suppliers: string[][]): MethodNow {
  return { areas: AREAS, threshold: 0.95, rules: RULES, suppliers: directoryFromSheet([SUPPLIERS_HEADER, ...suppliers], 'Suppliers').directory };
}

describe('methodChanges', () => {
  test('none when the areas, threshold, rules and supplier corrections agree (postcodes the payments gave are no correction)', () => {
    const lines = [['ACME', 'Acme Ltd', 'PR1 2AA', 'payments', '', '']];
    expect(methodChanges(earlierWith(0.95, lines), now([['ACME', 'Acme Ltd', 'M1 1AE', 'payments', '', '']]))).toEqual([]);
  });

  test('a threshold and supplier corrections that differ, each said once', () => {
    const earlier = earlierWith(0.9, [
      ['ACME', 'Acme Ltd', 'PR1 2AA', '', '', ''],
      ['BETA', 'Beta Ltd', '', '', 'Charity', ''],
      ['GAMMA', 'Gamma Ltd', '', '', '', 'Local'],
    ]);
    const today = now([
      ['ACME', 'Acme Ltd', 'PR1 2AA', '', '', ''],
      ['BETA', 'Beta Ltd', '', '', '', ''],
      ['GAMMA', 'Gamma Ltd', '', '', '', 'local'],
      ['DELTA', 'Delta Ltd', 'FY1 1AA', '', '', ''],
    ]);
    expect(methodChanges(earlier, today)).toEqual([
      'Partial postcode threshold: 90% then, 95% now',
      'Supplier corrections: 2 suppliers with a postcode, type or override different from the earlier Suppliers sheet',
    ]);
  });
});
