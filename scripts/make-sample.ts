/**
 * Makes sample/preston-anchors-2024-25.xlsx: an illustrative year of supplier payments by six
 * anchor institutions in Preston (invented suppliers and payments; real postcodes), laid out the
 * way real exports are (title lines above the header, messy postcodes, credits, a total row).
 *
 * Like any workbook analysed before, it carries the add-in's settings (local area Preston, wider
 * area the 14 districts of ceremonial Lancashire) and the lookup cache for its own postcodes, so
 * `npx local-spend-baseline` runs on it fully offline, even without a geography pack.
 *
 * Run with `npx tsx scripts/make-sample.ts` where ../shared/geo is present; the file is committed.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as readline from 'readline';
import * as zlib from 'zlib';
import ExcelJS from 'exceljs';
import { buildAreas } from '../src/core/areas';
import { emptyState, STATE_SHEET, stateToCells, type WorkbookState } from '../src/core/settings';
import { openGeoPack } from '../src/geo/geo-pack';
import { nodePackSource } from '../src/geo/node-pack-source';
import { seededRandom } from '../test/support/seeded-random';

const ROOT = path.resolve(__dirname, '..');
const SOURCE = path.resolve(ROOT, '..', 'shared', 'geo', 'nspl-2024-08-extract.csv.gz');
const OUT = path.join(ROOT, 'sample', 'preston-anchors-2024-25.xlsx');

const PRESTON = 'E07000123';
const LANCASHIRE_OTHERS = ['E07000117', 'E07000118', 'E07000119', 'E07000120', 'E07000121', 'E07000122', 'E07000124', 'E07000125', 'E07000126', 'E07000127', 'E07000128', 'E06000008', 'E06000009'];
const ELSEWHERE = ['E08000003', 'E08000035', 'E08000025', 'E09000033', 'E09000001', 'E08000021', 'E06000023', 'E08000012', 'W06000015', 'S12000049', 'E07000178', 'E06000018', 'E08000019', 'E08000001', 'E06000042'];

const rand = seededRandom(20240401);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];

/** A few hundred real postcodes of each wanted district, sampled evenly through the extract. */
async function postcodesByDistrict(wanted: Set<string>): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  const lines = readline.createInterface({ input: fs.createReadStream(SOURCE).pipe(zlib.createGunzip()) });
  let n = 0;
  for await (const line of lines) {
    if (n++ === 0) continue;
    const [postcode, district] = line.split(',');
    if (!wanted.has(district) || n % 7 !== 0) continue;
    const list = found.get(district) ?? [];
    if (list.length < 400) list.push(postcode);
    found.set(district, list);
  }
  return found;
}

interface Supplier {
  name: string;
  postcode: string;
  trade: Trade;
  weight: number;
}

interface Trade {
  name: string;
  category: string;
  descriptions: string[];
  typical: number;
}

const TRADES: Trade[] = [
  { name: 'Building Services', category: 'Building Repairs & Maintenance', descriptions: ['Roof repairs', 'Boiler replacement', 'Damp works', 'Reactive repairs'], typical: 4200 },
  { name: 'Construction', category: 'Capital Works', descriptions: ['Stage payment', 'Extension works', 'Refurbishment phase 2'], typical: 38000 },
  { name: 'Cleaning', category: 'Cleaning Services', descriptions: ['Office cleaning', 'Deep clean', 'Window cleaning'], typical: 2100 },
  { name: 'Catering', category: 'Catering', descriptions: ['Event catering', 'School meals', 'Vending supplies'], typical: 1500 },
  { name: 'Security', category: 'Security Services', descriptions: ['Key holding', 'Guarding', 'CCTV maintenance'], typical: 1900 },
  { name: 'Grounds Maintenance', category: 'Grounds Maintenance', descriptions: ['Grass cutting', 'Tree works', 'Winter gritting'], typical: 2600 },
  { name: 'Waste Management', category: 'Waste Disposal', descriptions: ['Skip hire', 'Trade waste collection', 'Tipping charges'], typical: 3100 },
  { name: 'Coaches', category: 'Transport & Vehicle Hire', descriptions: ['Coach hire', 'Minibus hire', 'Home to school transport'], typical: 1700 },
  { name: 'Vehicle Parts', category: 'Vehicle Parts & Repairs', descriptions: ['Brake pads', 'Service and MOT', 'Tyres'], typical: 900 },
  { name: 'Care Services', category: 'Care & Support Services', descriptions: ['Domiciliary care', 'Supported living', 'Respite care'], typical: 8500 },
  { name: 'Consulting', category: 'Consultancy', descriptions: ['Feasibility study', 'Project management', 'Audit support'], typical: 6400 },
  { name: 'Legal Services', category: 'Legal Fees', descriptions: ['Counsel fees', 'Conveyancing', 'Contract advice'], typical: 3300 },
  { name: 'Print', category: 'Printing & Stationery', descriptions: ['Leaflets', 'Annual report print', 'Stationery order'], typical: 800 },
  { name: 'IT Solutions', category: 'ICT Equipment & Services', descriptions: ['Laptops', 'Network support', 'Licence renewal'], typical: 5200 },
  { name: 'Recruitment', category: 'Agency Staff', descriptions: ['Agency staff w/e', 'Interim manager', 'Temporary cover'], typical: 2400 },
  { name: 'Training', category: 'Training', descriptions: ['Course fees', 'First aid training', 'Leadership programme'], typical: 1200 },
  { name: 'Furniture', category: 'Furniture & Equipment', descriptions: ['Office chairs', 'Desks', 'Lab equipment'], typical: 2200 },
  { name: 'Events', category: 'Events & Marketing', descriptions: ['Stage hire', 'Exhibition stand', 'Advertising campaign'], typical: 1800 },
];

const NAME_PARTS = ['Ribble', 'Fishergate', 'Red Rose', 'Pennine', 'Bowland', 'Lune', 'Wyre', 'Fylde', 'Avenham', 'Moor Park', 'Guild', 'Millstone', 'Kingfisher', 'Northern', 'Summit', 'Meridian', 'Harbour', 'Phoenix', 'Crown', 'Atlas', 'Oakfield', 'Riverside', 'Brookside', 'Beacon'];
const SURNAMES = ['Whittle', 'Holden', 'Ashworth', 'Nuttall', 'Patel', 'Walsh', 'Hughes', 'Khan', 'Barton', 'Singh', 'Parkinson', 'Cowell'];
const SUFFIXES = ['Ltd', 'Limited', 'LTD', 'Ltd.', 'LLP', '& Sons Ltd', 'CIC', 'Co-operative Ltd'];

const INSTITUTIONS = [
  { name: 'Preston City Council', weight: 3 },
  { name: 'Lancashire County Council', weight: 5 },
  { name: 'University of Central Lancashire', weight: 4 },
  { name: "Preston's College", weight: 1 },
  { name: 'Community Gateway Association', weight: 2 },
  { name: 'Lancashire Constabulary', weight: 2 },
];

const OVERHEADS: { name: string; category: string; description: string; typical: number; district: string }[] = [
  { name: 'Lancashire County Council', category: 'Payments to Other Local Authorities', description: 'Joint service contribution', typical: 45000, district: PRESTON },
  { name: 'HM Revenue & Customs', category: 'Tax and National Insurance', description: 'PAYE and NIC', typical: 120000, district: 'E08000021' },
  { name: 'Lancashire County Pension Fund', category: 'Pension Contributions', description: 'Employer contributions', typical: 90000, district: PRESTON },
  { name: 'United Utilities Water Ltd', category: 'Water Charges', description: 'Water and sewerage', typical: 3800, district: 'E06000008' },
  { name: 'British Gas Business', category: 'Gas', description: 'Gas supply', typical: 5200, district: 'E06000018' },
  { name: 'EDF Energy Customers Ltd', category: 'Electricity', description: 'Electricity supply', typical: 9100, district: 'E06000042' },
  { name: 'Royal Mail Group Ltd', category: 'Postage', description: 'Franking and postage', typical: 1400, district: 'E09000033' },
  { name: 'BT plc', category: 'Telephones', description: 'Lines and calls', typical: 1300, district: 'E09000001' },
  { name: 'Zurich Municipal', category: 'Insurance', description: 'Insurance premium', typical: 26000, district: 'E07000178' },
  { name: 'Public Works Loan Board', category: 'Interest Payable', description: 'Loan interest', typical: 60000, district: 'E09000033' },
  { name: 'Preston Foodbank', category: 'Grants to Voluntary Organisations', description: 'Community grant', typical: 5000, district: PRESTON },
  { name: 'Local Government Association', category: 'Subscriptions', description: 'Annual subscription', typical: 9000, district: 'E09000033' },
  { name: 'Microsoft Ireland Operations Ltd', category: 'Software Licences', description: 'Microsoft 365 licences', typical: 48000, district: 'IRELAND' },
  { name: 'YPO', category: 'Purchasing Consortium', description: 'Framework supplies', typical: 2500, district: 'E08000035' },
];

function supplierName(trade: Trade): string {
  const shape = rand();
  if (shape < 0.12) return `${pick(SURNAMES).charAt(0)}. ${pick(SURNAMES)} ${trade.name === 'Building Services' ? 'Joinery' : trade.name}`;
  return `${pick(NAME_PARTS)} ${rand() < 0.3 ? `${pick(SURNAMES)} ` : ''}${trade.name} ${pick(SUFFIXES)}`.trim();
}

/** Postcodes as people type them: mostly tidy, some lower case, squashed, a partial, a gap. */
function messy(postcode: string): string {
  const r = rand();
  if (r < 0.06) return postcode.toLowerCase();
  if (r < 0.1) return postcode.replace(' ', '');
  if (r < 0.12) return postcode.replace(' ', '  ');
  if (r < 0.15) return postcode.split(' ')[0];
  return postcode;
}

function logNormal(typical: number): number {
  const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  return Math.max(50, Math.round(typical * Math.exp(0.8 * z) * 100) / 100);
}

async function main(): Promise<void> {
  if (!fs.existsSync(SOURCE)) throw new Error('The sample is made from ../shared/geo, which is not here.');
  const byDistrict = await postcodesByDistrict(new Set([PRESTON, ...LANCASHIRE_OTHERS, ...ELSEWHERE]));
  const pack = await openGeoPack(nodePackSource(path.join(ROOT, 'geography', 'pack')));

  const suppliers: Supplier[] = [];
  for (let i = 0; i < 360; i++) {
    const trade = pick(TRADES);
    const where = rand();
    const district = where < 0.16 ? PRESTON : where < 0.48 ? pick(LANCASHIRE_OTHERS) : pick(ELSEWHERE);
    const noPostcode = rand() < 0.07;
    suppliers.push({ name: supplierName(trade), postcode: noPostcode ? '' : pick(byDistrict.get(district)!), trade, weight: rand() ** 2 });
  }
  const overheadPostcodes = OVERHEADS.map((o) => (o.district === 'IRELAND' ? 'D02 X285' : pick(byDistrict.get(o.district)!)));

  const rows: (string | number | Date | null)[][] = [];
  const start = Date.UTC(2024, 3, 1);
  const days = 365;
  for (let i = 0; i < 3400; i++) {
    const institution = pickWeighted(INSTITUTIONS.map((x) => [x.name, x.weight]));
    const date = new Date(start + Math.floor(rand() * days) * 86400000);
    const ref = `${institution.split(' ').map((w) => w[0]).join('')}${String(100000 + i)}`;
    if (rand() < 0.18) {
      const o = OVERHEADS[Math.floor(rand() * OVERHEADS.length)];
      const postcode = overheadPostcodes[OVERHEADS.indexOf(o)];
      rows.push([institution, date, ref, o.name, postcode, o.category, 'Corporate', o.description, logNormal(o.typical)]);
      continue;
    }
    const supplier = pickWeighted(suppliers.map((s) => [s, s.weight]));
    const credit = rand() < 0.02;
    const amount = logNormal(supplier.trade.typical);
    rows.push([
      institution,
      date,
      ref,
      supplier.name,
      supplier.postcode ? messy(supplier.postcode) : '',
      supplier.trade.category,
      pick(['Estates', 'Facilities', 'Adult Services', 'Highways', 'Student Services', 'Housing Repairs', 'Corporate', 'Operations']),
      pick(supplier.trade.descriptions),
      credit ? -amount : amount,
    ]);
  }
  rows.sort((a, b) => (a[1] as Date).getTime() - (b[1] as Date).getTime());

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Payments 2024-25');
  sheet.getCell('A1').value = 'Preston anchor institutions: payments to suppliers, April 2024 to March 2025';
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = 'Illustrative sample for Local Spend Baseline: invented suppliers and payments with real postcodes. Not real spend data.';
  const header = ['Body', 'Payment Date', 'Transaction No', 'Supplier Name', 'Supplier Postcode', 'Expense Type', 'Service Area', 'Description', 'Net Amount (£)'];
  sheet.getRow(4).values = header;
  sheet.getRow(4).font = { bold: true };
  rows.forEach((row, i) => (sheet.getRow(5 + i).values = row));
  const totalRow = 5 + rows.length + 1;
  sheet.getCell(totalRow, 8).value = 'Total';
  sheet.getCell(totalRow, 9).value = { formula: `SUM(I5:I${totalRow - 2})`, result: Math.round(rows.reduce((s, r) => s + (r[8] as number), 0) * 100) / 100 };
  sheet.getColumn(2).numFmt = 'dd/mm/yyyy';
  sheet.getColumn(9).numFmt = '#,##0.00';
  [30, 12, 14, 40, 12, 32, 18, 28, 14].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.views = [{ state: 'frozen', ySplit: 4 }];

  // What an earlier run would have left: the areas and the answers for the sample's postcodes.
  const built = buildAreas('Preston', 'Lancashire (ceremonial county)', pack.districts);
  if (!built.ok) throw new Error(built.message);
  const allPostcodes = new Set([...suppliers.map((s) => s.postcode), ...overheadPostcodes].filter((p) => p && !p.startsWith('D02')));
  const index = await pack.loadAreas(new Set([...allPostcodes].map((p) => /^[A-Z]+/.exec(p)![0])));
  const state: WorkbookState = emptyState();
  state.settings.areas = {
    local: { query: 'Preston', ...built.areas.local },
    wider: { query: 'Lancashire (ceremonial county)', ...built.areas.wider },
  };
  for (const postcode of [...allPostcodes].sort()) {
    const district = index.districtOf(postcode);
    if (!district) throw new Error(`${postcode} is not in the pack`);
    const info = pack.districts.get(district)!;
    state.onlineCache[postcode] = { district, districtName: info.name, country: info.nation };
  }
  const stateSheet = workbook.addWorksheet(STATE_SHEET);
  stateSheet.state = 'veryHidden';
  stateToCells(state).forEach((text, i) => (stateSheet.getCell(i + 1, 1).value = text));

  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  await workbook.xlsx.writeFile(OUT);
  console.log(`wrote ${path.relative(ROOT, OUT)}: ${rows.length} payments, ${suppliers.length + OVERHEADS.length} suppliers, ${allPostcodes.size} postcodes cached`);
}

function pickWeighted<T>(items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r <= 0) return item;
  }
  return items[items.length - 1][0];
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
