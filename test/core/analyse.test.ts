/**
 * The one analysis, called as a host calls it: cells read by the core's reader, the workbook's
 * state and sheets, the choices and injected lookups; what it returns is what both hosts write.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyse } from '../../src/core/analysis/analyse';
import type { AnalysisInput, AnalysisProgress, OnlineLookup } from '../../src/core/analysis/input';
import { createSpendReader, type DataSheet } from '../../src/core/analysis/spend-data';
import { buildAreas } from '../../src/core/areas';
import type { Grid } from '../../src/core/cell';
import { BaselineError } from '../../src/core/errors';
import { findTable } from '../../src/core/table';
import { proposedMapping, withOverrideColumns } from '../../src/core/analysis/data-sheet';
import { emptyState, stateSchema, type WorkbookState } from '../../src/core/settings';
import { openGeoPack, type GeoPack } from '../../src/geo/geo-pack';
import { nodePackSource } from '../../src/geo/node-pack-source';
import { buildFixturePack } from '../geo/fixture-pack';

const DEFAULT_RULES = fs.readFileSync(path.join(__dirname, '..', '..', 'rules', 'default-rules.csv'), 'utf8');
const AT = '2025-03-01T12:00:00.000Z';

/** A spend sheet: a title line, the header on row 3, payments, a blank row, a payment without an amount, a total row. */
const SHEET: Grid = [
  ['Payments over £500'],
  [],
  ['Supplier Name', 'Postcode', 'Expense Type', 'Net Amount', 'Institution'],
  ['Acme Cleaning Ltd', 'PR1 2HE', 'Cleaning Services', 1000, 'Council'],
  ['Kingfisher Catering Ltd', 'SW1A 1AA', 'Catering', 500, 'Council'],
  ['Pennine Print Ltd', '', 'Printing & Stationery', 250, 'College'],
  [],
  ['Blackpool Coaches Ltd', 'FY1 1AA', 'Transport', 'twelve', 'College'],
  ['', 'Total', '', 1750, ''],
];

let pack: GeoPack;
beforeAll(async () => {
  pack = await openGeoPack(nodePackSource(await buildFixturePack()));
});

/** The sheet read by the core's reader, as a host hands over its cells. */
function readSheet(grid: Grid, state: WorkbookState = emptyState(), hidden?: ReadonlySet<number>) {
  const layout = findTable(grid);
  const firstColumn = layout.headers.length;
  const block = { firstColumn, existed: false, present: 0 };
  const mapping = withOverrideColumns(proposedMapping(grid, layout, firstColumn, state, 'Spend'), undefined);
  const sheet: DataSheet = { sheet: 'Spend', source: '', headerRow: layout.headerRow, firstRow: layout.headerRow! + 1, lastRow: layout.lastDataRow, mapping, block };
  const reader = createSpendReader();
  reader.sheet(sheet, grid[layout.headerRow!]).read(grid.slice(layout.firstDataRow, layout.lastDataRow + 1), layout.firstDataRow, hidden);
  return reader.finish();
}

function input(extra: Partial<AnalysisInput> = {}): AnalysisInput {
  const built = buildAreas('Preston', 'Lancashire', pack.districts);
  if (!built.ok) throw new Error(built.message);
  return {
    data: readSheet(SHEET),
    state: emptyState(),
    existingSheets: ['Spend', 'Method'],
    choices: {
      areas: { local: { query: 'Preston', ...built.areas.local }, wider: { query: 'Lancashire', ...built.areas.wider } },
      online: false,
      crossTabs: 'formula_tables',
    },
    rules: { defaults: DEFAULT_RULES },
    lookups: { geography: pack },
    pause: () => undefined,
    analysedAt: AT,
    ...extra,
  };
}

describe('the analysis', () => {
  test('classifies the rows and plans the result block beside the data: results, why a row was not analysed, blank rows cleared', async () => {
    const outcome = await analyse(input());
    expect(outcome.rows.map((row) => row.supplier)).toEqual(['Acme Cleaning Ltd', 'Kingfisher Catering Ltd', 'Pennine Print Ltd', 'Blackpool Coaches Ltd']);
    expect(outcome.skipped).toEqual([{ row: 9, kind: 'total', reason: 'total or subtotal row' }]);
    const [block] = outcome.plan.resultBlocks;
    expect(block).toMatchObject({ sheet: 'Spend', firstColumn: 5, existed: false, headerRow: 2, firstRow: 3 });
    expect(block.header).toEqual(['Locality', 'Local authority', 'Locality basis', 'Influenceable', 'Influence reason', 'Supplier type', 'Supplier key', 'Co-op potential', 'Locality override', 'Influence override']);
    const cells = Array.from({ length: block.rows.count }, (_, i) => block.rows.row(i));
    expect(cells).toHaveLength(6);
    expect(cells[0].slice(0, 2)).toEqual(['Local (Preston)', 'Preston (E07000123)']);
    expect(cells[3]).toEqual(['', '', '', '', '', '', '', '', null, null]);
    expect(cells[5][2]).toMatch(/^Not analysed: /);
    expect(outcome.plan.analysisTable.rows.count).toBe(3);
  });

  test('a payment without an amount is placed and judged, adds nothing to the totals, and is listed on the Method sheet', async () => {
    const outcome = await analyse(input());
    const block = outcome.plan.resultBlocks[0];
    // Row 8: Blackpool Coaches Ltd, FY1 1AA, Transport, "twelve".
    expect(block.rows.row(4).slice(0, 5)).toEqual(['Rest of UK', 'Blackpool (E06000009)', expect.stringMatching(/FY1 1AA/), 'Influenceable', 'Transport']);
    expect(outcome.summary.totals).toMatchObject({ spend: 1750, rows: 3, suppliers: 3 });
    const method = outcome.plan.summaries.find((s) => s.layout.plan.role === 'method')!.layout.plan;
    expect(method.blocks.find((b) => b.id === 'without_amount')).toMatchObject({ rows: [['', 8, 'amount "twelve" is not a number']] });
  });

  test('plans every sheet the add-in owns, named around the user\'s own sheets, with the charts of the summary blocks below them', async () => {
    const { plan } = await analyse(input());
    expect(plan.sheetNames).toMatchObject({ summary: 'Baseline', method: 'Method (2)', suppliers: 'Suppliers' });
    expect(plan.newSheets).toEqual(['Baseline', 'Top suppliers', 'Method (2)', 'Opportunities', 'Analysis data', 'Suppliers', 'Rules', 'Local register', 'Re-spend survey']);
    expect(plan.summaries.map((s) => s.layout.plan.role)).toEqual(['summary', 'top_suppliers', 'method', 'opportunities']);
    const summary = plan.summaries[0].layout;
    expect(summary.plan.blocks.map((b) => b.id)).toContain('category_by_locality');
    expect(plan.crossTabs).toEqual([]);
    const byLocality = summary.blocks.find((b) => b.block.id === 'by_locality')!;
    expect(plan.charts.map((c) => [c.name, c.source.top])).toEqual([
      ['LSB_HeadlineSplit', byLocality.headerRow],
      ['LSB_LeakageByKind', summary.blocks.find((b) => b.block.id === 'leakage_by_kind')!.headerRow],
    ]);
    // Below the summary's blocks and as wide as them (so the page prints at its own size); the
    // leakage chart's 18 rows are room for this file's few kinds of spend.
    const last = String.fromCharCode(64 + summary.columns);
    const below = summary.rows + 2;
    expect(plan.charts.map((c) => [c.from, c.to, c.series.labels.length])).toEqual([
      [`A${below}`, `${last}${below + 15}`, 5],
      [`A${below + 17}`, `${last}${below + 34}`, expect.any(Number)],
    ]);
    expect(plan.charts[1].series.labels.length).toBeLessThanOrEqual(9);
    expect(plan.rules).toMatchObject({ sheet: 'Rules', isNew: true });
    expect(plan.rules.after[1][0]).toEqual(expect.any(Number));
    expect(plan.register).toMatchObject({ isNew: true, after: [['Name', 'Postcode', 'Categories', 'SME', 'VCSE', 'Co-operative', 'Notes']] });
    expect(plan.suppliers.after.slice(1).map((row) => row[1])).toEqual(['Acme Cleaning Ltd', 'Kingfisher Catering Ltd', 'Pennine Print Ltd', 'Blackpool Coaches Ltd']);
  });

  test('with PivotTables, the cross-tabulations are theirs rather than formula blocks', async () => {
    const { plan } = await analyse(input({ choices: { ...input().choices, crossTabs: 'pivot_tables' } }));
    expect(plan.summaries[0].layout.plan.blocks.map((b) => b.id)).not.toContain('category_by_locality');
    expect(plan.crossTabs.map((spec) => spec?.name)).toEqual(['LSB_SpendByLocality', 'LSB_CategoryByLocality', 'LSB_TypeByLocality', 'LSB_InstitutionByLocality', 'LSB_LeakageByKind']);
  });

  test('gives the next state: the settings used, the columns and sheets written, what to clear next time, the headline', async () => {
    const outcome = await analyse(input());
    const { state } = outcome;
    expect(stateSchema.parse(state)).toEqual(state);
    expect(state.settings).toMatchObject({ mapping: { sheet: 'Spend', fields: { supplier: 'Supplier Name', amount: 'Net Amount', postcode: 'Postcode' } }, threshold: 0.95, online: { allowed: false } });
    expect(state.settings.areas?.local).toMatchObject({ query: 'Preston', name: 'Preston' });
    expect(state.owned.resultColumns).toEqual([expect.objectContaining({ sheet: 'Spend', firstColumn: 5, headerRow: 2 })]);
    expect(state.owned.extents.summary).toEqual({ rows: outcome.plan.summaries[0].layout.rows, columns: outcome.plan.summaries[0].layout.columns });
    expect(state.history.last).toEqual(outcome.headline);
    expect(outcome.headline).toMatchObject({ at: AT, totalSpend: 1750, rows: 3 });

    // A second run clears the area the first wrote, and while it writes the state holds both extents.
    const again = await analyse(input({ state: { ...state, owned: { ...state.owned, extents: { ...state.owned.extents, method: { rows: 500, columns: 3 } } } } }));
    expect(again.plan.summaries.find((s) => s.layout.plan.role === 'method')!.clear).toEqual({ rows: 500, columns: 3 });
    expect(again.stateWhileWriting.owned.extents.method).toEqual({ rows: 500, columns: Math.max(3, again.state.owned.extents.method!.columns) });
    expect(again.previous).toEqual(outcome.headline);
  });

  test('reports an invalid rule on the Rules sheet with its cell and goes on without it', async () => {
    const rules = [
      ['priority', 'field', 'match', 'value', 'verdict', 'reason', 'coop'],
      [10, 'category', 'words', 'cleaning', 'influenceable', 'Cleaning', 'no'],
      [20, 'category', 'words', 'catering', 'maybe', 'Catering', 'no'],
    ];
    const outcome = await analyse(input({ rules: { defaults: DEFAULT_RULES, sheet: rules } }));
    expect(outcome.problems).toEqual([{ cell: 'Rules!E3', message: expect.stringMatching(/verdict.*; this rule was skipped$/) }]);
    expect(outcome.plan.rules).toMatchObject({ isNew: false, after: rules });
    const method = outcome.plan.summaries[2].layout.plan.blocks[0].rows;
    expect(method.find((row) => row[0] === 'Influenceability rules')![1]).toMatch(/^1 rules from the Rules sheet \(edited: 1 rule added or changed, \d+ default rules removed\)$/);
  });

  test('stops on a rules file that cannot be read, and on default rules that cannot be', async () => {
    const file = { name: 'mine.csv', text: 'priority,field,match,value,verdict,reason,coop\n10,colour,words,red,influenceable,Red,no\n' };
    await expect(analyse(input({ rules: { defaults: DEFAULT_RULES, file } }))).rejects.toMatchObject({ code: 'rules-invalid', where: { file: 'mine.csv', line: 2 } });
    await expect(analyse(input({ rules: { defaults: 'nonsense' } }))).rejects.toMatchObject({ code: 'default-rules-invalid' });
  });

  test('analyses rows hidden or filtered out like the others, and the Method sheet says how many there were', async () => {
    const methodLine = (outcome: Awaited<ReturnType<typeof analyse>>) =>
      outcome.plan.summaries.find((s) => s.layout.plan.role === 'method')!.layout.plan.blocks[0].rows.find((row) => row[0] === 'Hidden or filtered rows')![1];
    // Sheet rows 5 (Kingfisher, a payment) and 9 (the total line) hidden, 0-based 4 and 8. Row 8
    // ("twelve") has no amount: it is placed and judged, in no total.
    const outcome = await analyse(input({ data: readSheet(SHEET, emptyState(), new Set([4, 8])) }));
    expect(outcome.rows).toHaveLength(4);
    expect(outcome.summary.totals.spend).toBe(1750);
    expect(methodLine(outcome)).toBe('1 payment (£500.00) on rows hidden or filtered out in the sheet, analysed like every other row');
    expect(methodLine(await analyse(input()))).toBe('None');
  });

  test('stops when no row is a payment', async () => {
    const read = readSheet(SHEET);
    const data = { ...read, rows: [] };
    const error = await analyse(input({ data })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BaselineError);
    expect(error).toMatchObject({ code: 'no-payments', where: { sheet: 'Spend' } });
  });

  test('names a row override it cannot understand by its cell on the sheet, however the host read the columns', async () => {
    const data = readSheet(SHEET);
    const sheet = data.sheets[0];
    // The host handed over the data columns, then two override cells it read from columns J and K.
    sheet.mapping = { ...sheet.mapping, localityOverride: { column: 5, header: 'Locality override', confidence: 1 } };
    sheet.sheetColumns = [0, 1, 2, 3, 4, 9, 10];
    data.rows[0].localityOverride = 'somewhere nice';
    const outcome = await analyse(input({ data }));
    expect(outcome.problems).toEqual([{ cell: 'Spend!J4', message: expect.stringMatching(/"somewhere nice" is not a locality.*; ignored$/) }]);
  });

  test('asks the online lookup only when allowed, only for what the pack cannot answer, and keeps the answers for this workbook\'s postcodes', async () => {
    const asked: string[][] = [];
    const lookUpOnline = async (postcodes: readonly string[]): Promise<OnlineLookup> => {
      asked.push([...postcodes]);
      return { answers: new Map([['SW1A 1AA', { district: 'E09000033', districtName: 'Westminster', country: 'England' }]]), complete: false, summary: 'Some postcodes could not be asked.' };
    };
    const knownAnswers = { 'ZZ1 1ZZ': { district: null } };
    const offline = await analyse(input({ lookups: { geography: pack, lookUpOnline, knownAnswers } }));
    expect(asked).toEqual([]);
    expect(offline.state.onlineCache).toEqual({});

    const online = await analyse(input({ choices: { ...input().choices, online: true }, lookups: { geography: pack, lookUpOnline, knownAnswers } }));
    expect(asked).toEqual([['SW1A 1AA']]);
    expect(online.results[1]).toMatchObject({ locality: 'rest_of_uk', districtLabel: 'Westminster (E09000033)' });
    expect(online.state.onlineCache).toEqual({ 'SW1A 1AA': { district: 'E09000033', districtName: 'Westminster', country: 'England' } });
    expect(online.state.settings.online).toEqual({ allowed: true, decidedAt: AT });
    expect(online.notes).toEqual(['Some postcodes could not be asked.']);
  });

  test('pauses between steps with its progress, and stops when a pause throws (a cancel)', async () => {
    const seen: AnalysisProgress[] = [];
    await analyse(input({ pause: (progress) => void seen.push(progress) }));
    expect(seen[0]).toEqual({ phase: 'preparing', done: 0, total: 1 });
    expect(seen).toContainEqual({ phase: 'geography', done: 0, total: 1 });
    expect(seen.at(-1)).toEqual({ phase: 'classifying', done: 4, total: 4 });
    const cancel = new Error('cancelled');
    await expect(analyse(input({ pause: ({ phase }) => { if (phase === 'classifying') throw cancel; } }))).rejects.toBe(cancel);
  });

  test('reads the Local register (a file given, else the sheet) and places its suppliers for the Opportunities sheet', async () => {
    const register = [
      ['Name', 'Postcode', 'Categories'],
      ['Ribble Caterers', 'PR1 2HE', 'Catering'],
    ];
    const data = readSheet([...SHEET.slice(0, 3), ['Manchester Caterers Ltd', 'M1 1AE', 'Catering', 700, 'Council'], ['Acme Cleaning Ltd', 'PR1 2HE', 'Cleaning Services', 1000, 'Council']]);
    const outcome = await analyse(input({ data, registerFile: register }));
    expect(outcome.plan.register).toMatchObject({ isNew: true, after: register });
    const opportunities = outcome.plan.summaries[3].layout.plan.blocks[0].rows;
    expect(opportunities.find((row) => String(row[5]).includes('Ribble Caterers'))).toBeDefined();
    const kept = await analyse(input({ data, registerSheet: register }));
    expect(kept.plan.register).toMatchObject({ isNew: false, before: register, after: register });
  });
});
