/**
 * The analysis with the public registers as a lookup: a spend file with no postcodes, matched by
 * name (or number) to Companies House and the charity register. Every supplier whose name
 * matches exactly one organisation lands in its registered office's district; no look-alike
 * lands anyone in a wrong district; ambiguous names stay unknown with their candidates listed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyse } from '../../src/core/analysis/analyse';
import type { AnalysisInput } from '../../src/core/analysis/input';
import { createSpendReader, type DataSheet } from '../../src/core/analysis/spend-data';
import { proposedMapping, withOverrideColumns } from '../../src/core/analysis/data-sheet';
import { buildAreas } from '../../src/core/areas';
import type { Grid } from '../../src/core/cell';
import { emptyState } from '../../src/core/settings';
import { findTable } from '../../src/core/table';
import { openGeoPack, type GeoPack } from '../../src/geo/geo-pack';
import { nodePackSource } from '../../src/geo/node-pack-source';
import { openRegisterPack, type RegisterPack } from '../../src/registers/register-pack';
import { buildFixturePack } from '../geo/fixture-pack';
import { buildFixtureRegisterPack } from '../registers/fixture-files';

const DEFAULT_RULES = fs.readFileSync(path.join(__dirname, '..', '..', 'rules', 'default-rules.csv'), 'utf8');

/** Payments as councils publish them: no postcode, no address. */
const SPEND: Grid = [
  ['Supplier Name', 'Expense Type', 'Net Amount'],
  ['Acme Widgets Ltd', 'Building Repairs', 1000],
  ['ACME WIDGETS LIMITED', 'Building Repairs', 500],
  ['Acme Widgets Holdings Ltd', 'Consultancy', 2000],
  ['Acme Widgets (Scotland) Ltd', 'Equipment', 300],
  ['Acme Widgets North Ltd', 'Equipment', 200],
  ['Ribble Homes Ltd', 'Repairs', 800],
  ['Preston Foodbank', 'Grants', 400],
  ['Green Shoots CIC', 'Grounds maintenance', 700],
  ['Preston Workers Co-operative Ltd', 'Cleaning', 600],
  ['Never Registered Traders', 'Supplies', 100],
];

let geography: GeoPack;
let registers: RegisterPack;
beforeAll(async () => {
  geography = await openGeoPack(nodePackSource(await buildFixturePack()));
  registers = await openRegisterPack(nodePackSource((await buildFixtureRegisterPack()).pack));
});

function readSheet(grid: Grid) {
  const layout = findTable(grid);
  const firstColumn = layout.headers.length;
  const mapping = withOverrideColumns(proposedMapping(grid, layout, firstColumn, emptyState(), 'Spend'), undefined);
  const sheet: DataSheet = { sheet: 'Spend', source: '', headerRow: layout.headerRow, firstRow: layout.headerRow! + 1, lastRow: layout.lastDataRow, mapping, block: { firstColumn, existed: false, present: 0 } };
  const reader = createSpendReader();
  reader.sheet(sheet, grid[layout.headerRow!]).read(grid.slice(layout.firstDataRow, layout.lastDataRow + 1), layout.firstDataRow);
  return reader.finish();
}

function input(extra: Partial<AnalysisInput> = {}, grid: Grid = SPEND): AnalysisInput {
  const built = buildAreas('Preston', 'Lancashire', geography.districts);
  if (!built.ok) throw new Error(built.message);
  return {
    data: readSheet(grid),
    state: emptyState(),
    existingSheets: ['Spend'],
    choices: { areas: { local: { query: 'Preston', ...built.areas.local }, wider: { query: 'Lancashire', ...built.areas.wider } }, online: false, crossTabs: 'formula_tables' },
    rules: { defaults: DEFAULT_RULES },
    lookups: { geography, registers },
    pause: () => undefined,
    analysedAt: '2025-03-01T12:00:00.000Z',
    ...extra,
  };
}

/** Each supplier's locality, district, basis and type, by name as written. */
async function bySupplier(analysisInput: AnalysisInput) {
  const outcome = await analyse(analysisInput);
  const seen = new Map<string, { locality: string; district?: string; basis: string; coverage: string; type: string }>();
  outcome.rows.forEach((row, i) => {
    const r = outcome.results[i];
    seen.set(row.supplier, { locality: r.locality, district: r.district, basis: r.basis, coverage: r.coverage, type: r.supplierType });
  });
  return { outcome, seen };
}

/** The Suppliers sheet the analysis plans, as objects by header. */
function suppliersSheet(after: Grid): Map<string, Record<string, unknown>> {
  const [header, ...rows] = after;
  return new Map(rows.map((row) => [String(row[1]), Object.fromEntries(header.map((h, i) => [String(h), row[i]]))]));
}

describe('locality from the public registers, for payments with no postcode', () => {
  test("a supplier matching exactly one company lands in its registered office's district, said so", async () => {
    const { seen } = await bySupplier(input());
    expect(seen.get('Acme Widgets Ltd')).toEqual({
      locality: 'local',
      district: 'E07000123',
      basis: 'Registered office PR1 2HE (Companies House 01000001, name match)',
      coverage: 'registered_office',
      type: 'company',
    });
    expect(seen.get('ACME WIDGETS LIMITED')).toEqual(seen.get('Acme Widgets Ltd'));
  });

  test("look-alikes are other companies: each is placed by its own registered office, or not at all", async () => {
    const { seen } = await bySupplier(input());
    expect(seen.get('Acme Widgets Holdings Ltd')).toMatchObject({ locality: 'rest_of_uk', district: 'E08000003', basis: 'Registered office M1 1AE (Companies House 01000002, name match)' });
    expect(seen.get('Acme Widgets (Scotland) Ltd')).toMatchObject({ locality: 'rest_of_uk', district: 'S12000006' });
    expect(seen.get('Acme Widgets North Ltd')).toMatchObject({ locality: 'unknown', district: undefined, coverage: 'unknown' });
    expect(seen.get('Never Registered Traders')).toMatchObject({ locality: 'unknown', basis: 'No postcode for this payment or its supplier' });
  });

  test('an ambiguous name stays unknown, with its candidates on the Suppliers sheet for the user to choose from', async () => {
    const { outcome, seen } = await bySupplier(input());
    expect(seen.get('Ribble Homes Ltd')).toMatchObject({ locality: 'unknown', coverage: 'unknown' });
    const line = suppliersSheet(outcome.plan.suppliers.after).get('Ribble Homes Ltd')!;
    expect(line['Register candidates']).toBe('Companies House 01000005 PR1 9AA; Companies House 01000006 M3 5AB');
    expect(line['Postcode']).toBe('');
    expect(line['Register number']).toBe('');
  });

  test('what the registers say of the supplier: a charity, a social enterprise, a co-operative; SME and activities in its details', async () => {
    const { outcome, seen } = await bySupplier(input());
    expect(seen.get('Preston Foodbank')).toMatchObject({ locality: 'local', type: 'charity', basis: 'Registered office PR1 9AB (Companies House 01000012, charity 1100001, name match)' });
    expect(seen.get('Green Shoots CIC')).toMatchObject({ locality: 'local', type: 'social_enterprise' });
    expect(seen.get('Preston Workers Co-operative Ltd')).toMatchObject({ type: 'cooperative' });
    const sheet = suppliersSheet(outcome.plan.suppliers.after);
    expect(sheet.get('Acme Widgets Ltd')).toMatchObject({
      Postcode: 'PR1 2HE',
      'Postcode source': 'Registered office (Companies House 01000001, name match)',
      'Register number': '01000001',
      'Register details': 'Private Limited Company; SME (micro entity accounts); activity: Building works and construction',
    });
    expect(sheet.get('Preston Foodbank')).toMatchObject({ 'Register number': '01000012', 'Register details': expect.stringContaining('Registered charity (Charitable company)') });
  });

  test("what Companies House says a company does judges a payment whose category says nothing", async () => {
    const grid: Grid = [
      ['Supplier Name', 'Expense Type', 'Net Amount'],
      ['Acme Widgets Ltd', 'Miscellaneous', 100],
      ['Acme Widgets Ltd', 'Rents', 40],
      ['Northern Trains PLC', 'Miscellaneous', 50],
      ['Community Gateway Association Ltd', 'Miscellaneous', 30],
      ['Parkside Trust Ltd', 'Miscellaneous', 20],
    ];
    const outcome = await analyse(input({}, grid));
    const judged = outcome.results.map((result) => [result.influence, result.reason]);
    expect(judged).toEqual([
      ['influenceable', 'Building works and construction (its activity at Companies House): Acme Widgets Ltd'],
      ['not_influenceable', expect.stringMatching(/^Rent/)],
      ['influenceable', 'Transport (its activity at Companies House): Northern Trains PLC'],
      ['not_influenceable', 'Rents and property (its activity at Companies House): Community Gateway Association Ltd'],
      // A dormant company's code describes no activity: the company fallback decides.
      ['influenceable', 'A company paid for goods or services, with nothing in the payment to say otherwise: Parkside Trust Ltd'],
    ]);
    // Without the registers nothing is known of what a company does.
    const without = await analyse(input({ lookups: { geography } }, grid));
    expect(without.results[0].reason).toMatch(/^A company paid for goods or services/);
  });

  test("spend placed by a registered office is counted apart, and the Method sheet says what the evidence is worth", async () => {
    const { outcome } = await bySupplier(input());
    expect(outcome.summary.coverage.registered_office).toEqual({ spend: 1000 + 500 + 2000 + 300 + 400 + 700 + 600, rows: 7 });
    expect(outcome.registers).toEqual({ releases: ['Companies House Basic Company Data 2024-08-01', 'Charity Commission register extract 2024-08-15'], matched: 6, ambiguous: 1, placed: 6 });
    const method = outcome.plan.summaries.find((s) => s.layout.plan.role === 'method')!.layout.plan;
    const line = method.blocks[0].rows.find((row) => row[0] === 'Public registers')![1] as string;
    expect(line).toMatch(/^Companies House Basic Company Data 2024-08-01; Charity Commission register extract 2024-08-15: 6 suppliers matched/);
    expect(line).toMatch(/weaker evidence than the supplier's own address/);
    const coverage = method.blocks.find((b) => b.id === 'coverage')!.rows.map((row) => row[0]);
    expect(coverage).toContain('Registered office or charity address (public register)');
  });

  test("a payment's own postcode, the Suppliers sheet and the creditor file come before the registers", async () => {
    const grid: Grid = [['Supplier Name', 'Postcode', 'Net Amount'], ['Acme Widgets Ltd', 'FY1 1AA', 100], ['Green Shoots CIC', '', 50]];
    const creditors = [{ supplier: 'GREEN SHOOTS CIC', postcode: 'M3 5AB' }];
    const { seen } = await bySupplier(input({ creditors }, grid));
    expect(seen.get('Acme Widgets Ltd')).toMatchObject({ locality: 'rest_of_uk', basis: 'Full postcode FY1 1AA in Blackpool', coverage: 'exact_postcode' });
    expect(seen.get('Green Shoots CIC')).toMatchObject({ district: 'E08000006', coverage: 'creditor_file', type: 'social_enterprise' });
  });

  test('a company number column is used when present', async () => {
    const grid: Grid = [['Supplier Name', 'Company Registration Number', 'Net Amount'], ['Ribble Homes Ltd', '1000006', 100], ['R Homes', 'SC100003', 50]];
    const { seen } = await bySupplier(input({}, grid));
    expect(seen.get('Ribble Homes Ltd')).toMatchObject({ district: 'E08000006', basis: 'Registered office M3 5AB (Companies House 01000006, number match)' });
    expect(seen.get('R Homes')).toMatchObject({ district: 'S12000006' });
  });

  test("a finance system's own supplier ids are not taken for company numbers", async () => {
    const grid: Grid = [['Supplier Name', 'Supplier ID', 'Net Amount'], ['Ribble Homes Ltd', '1000006', 100]];
    const { seen } = await bySupplier(input({}, grid));
    expect(seen.get('Ribble Homes Ltd')).toMatchObject({ locality: 'unknown' });
  });

  test("the user's choice among the candidates is kept like any correction, and a match stays on the sheet without the registers", async () => {
    const first = await analyse(input());
    const sheet = first.plan.suppliers.after.map((row) => [...row]);
    const header = sheet[0].map(String);
    const ribble = sheet.findIndex((row) => row[1] === 'Ribble Homes Ltd');
    sheet[ribble][header.indexOf('Register number')] = 1000006;

    const chosen = await bySupplier(input({ suppliersSheet: sheet }));
    expect(chosen.seen.get('Ribble Homes Ltd')).toMatchObject({ district: 'E08000006', basis: 'Registered office M3 5AB (Companies House 01000006, chosen on the Suppliers sheet)' });
    const after = suppliersSheet(chosen.outcome.plan.suppliers.after).get('Ribble Homes Ltd')!;
    expect(after).toMatchObject({ Postcode: 'M3 5AB', 'Register number': 1000006, 'Register candidates': '' });

    // Without the registers, what the sheet keeps still places the suppliers, as registered offices.
    const without = await bySupplier(input({ suppliersSheet: chosen.outcome.plan.suppliers.after, lookups: { geography } }));
    expect(without.seen.get('Ribble Homes Ltd')).toMatchObject({ district: 'E08000006', coverage: 'registered_office' });
    expect(without.seen.get('Acme Widgets Ltd')).toMatchObject({ basis: 'Registered office PR1 2HE (Companies House 01000001, name match)' });
    expect(without.outcome.plan.summaries.find((s) => s.layout.plan.role === 'method')!.layout.plan.blocks[0].rows.find((row) => row[0] === 'Public registers')![1]).toMatch(/^Not used/);
  });

  test('a later choice of another number replaces the postcode an earlier match wrote', async () => {
    const first = await analyse(input());
    const sheet = first.plan.suppliers.after.map((row) => [...row]);
    const header = sheet[0].map(String);
    const acme = sheet.findIndex((row) => row[1] === 'Acme Widgets Ltd');
    sheet[acme][header.indexOf('Register number')] = 'SC100003';
    const { outcome, seen } = await bySupplier(input({ suppliersSheet: sheet }));
    expect(seen.get('Acme Widgets Ltd')).toMatchObject({ district: 'S12000006', basis: 'Registered office DG1 1AA (Companies House SC100003, chosen on the Suppliers sheet)' });
    expect(suppliersSheet(outcome.plan.suppliers.after).get('Acme Widgets Ltd')).toMatchObject({ Postcode: 'DG1 1AA', 'Postcode source': 'Registered office (Companies House SC100003, chosen on the Suppliers sheet)' });
  });
});
