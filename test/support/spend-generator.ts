/**
 * Seeded, realistic spend CSV for tests and benchmarks: a council's payments over a year, with
 * suppliers across Lancashire and the rest of the UK (some without a postcode), ledger categories,
 * service areas, amounts written the ways finance exports write them, and some credit notes.
 * The same (rows, seed) always gives the same text.
 */
import { seededRandom } from './seeded-random';

const LANCASHIRE_OUTWARDS = [
  'PR1', 'PR2', 'PR3', 'PR4', 'PR5', 'PR6', 'PR7', 'PR8', 'PR9', 'PR25', 'PR26',
  'BB1', 'BB2', 'BB3', 'BB4', 'BB5', 'BB6', 'BB7', 'BB8', 'BB9', 'BB10', 'BB11', 'BB12', 'BB18',
  'LA1', 'LA2', 'LA3', 'LA4', 'LA5', 'LA6', 'FY1', 'FY2', 'FY3', 'FY4', 'FY5', 'FY6', 'FY7', 'FY8',
  'L39', 'L40', 'WN6', 'WN8', 'OL12', 'OL13', 'OL14',
];
const UK_OUTWARDS = [
  'M1', 'M2', 'M3', 'M4', 'M15', 'M17', 'M50', 'L1', 'L2', 'L3', 'WA1', 'WA3', 'BL1', 'BL9', 'WN1', 'OL1', 'SK1',
  'LS1', 'LS11', 'BD1', 'HX1', 'S1', 'S9', 'NG1', 'DE1', 'B1', 'B3', 'CV1', 'NE1', 'NE4', 'CA1', 'YO1',
  'CH1', 'ST1', 'LE1', 'MK9', 'OX1', 'RG1', 'GU1', 'BS1', 'CF10', 'SA1', 'EH1', 'G2', 'AB10',
  'SW1P', 'SE1', 'EC2A', 'WC1X', 'N1', 'E14', 'CB1', 'NR1', 'PL1', 'EX1', 'BT1',
];
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

const NAME_PARTS = [
  'Pennine', 'Ribble', 'Preston', 'Lancashire', 'Fylde', 'Hyndburn', 'Red Rose', 'Northern', 'Pendle',
  'Bowland', 'Lune', 'Wyre', 'Chorley', 'Calder', 'Rossendale', 'Coastal', 'Central', 'Premier', 'Atlas',
  'Kingfisher', 'Oak', 'Summit', 'Harbour', 'Crown', 'Phoenix', 'Meridian', 'Vale', 'Millstone',
  'Smith', 'Patel', 'Walsh', 'Hughes', 'Khan', 'Barton', 'Whittle', 'Holden', 'Ashworth', 'Nuttall',
];
const TRADES = [
  'Roofing', 'Building Services', 'Catering', 'Cleaning', 'Security', 'Grounds Maintenance', 'Waste Management',
  'Print', 'Consulting', 'Legal Services', 'IT Solutions', 'Recruitment', 'Care Services', 'Coaches',
  'Plant Hire', 'Electrical', 'Plumbing & Heating', 'Joinery', 'Surveyors', 'Office Supplies', 'Training',
  'Vehicle Repairs', 'Events', 'Scaffolding', 'Landscapes', 'Fencing', 'Signs', 'Architects',
];
const SUFFIXES = ['Ltd', 'Limited', 'LTD', 'Ltd.', 'LLP', 'plc', '& Sons', 'CIC', ''];
const PUBLIC_BODIES = [
  'Lancashire County Council', 'Preston City Council', 'HM Revenue & Customs', 'Lancashire Fire & Rescue Service',
  'Lancashire Teaching Hospitals NHS Foundation Trust', 'Environment Agency', 'Police & Crime Commissioner for Lancashire',
];
const UTILITIES = ['Water Plus', 'EDF Energy', 'British Gas Business', 'SEFE Energy', 'BT plc', 'Royal Mail Group Ltd'];

const CATEGORIES = [
  'Repairs & Maintenance', 'Building Works', 'Cleaning Services', 'Catering', 'Security Services',
  'Grounds Maintenance', 'Waste Disposal', 'Vehicle Hire', 'Vehicle Parts', 'Agency Staff', 'Consultancy',
  'Legal Fees', 'Printing & Stationery', 'Advertising', 'Training Expenses', 'IT Software Licences',
  'IT Hardware', 'Equipment Purchase', 'Furniture', 'Electricity', 'Gas', 'Water Charges', 'Postage',
  'Telephones', 'Insurance', 'Rents', 'Grants to Voluntary Organisations', 'Subscriptions', 'Levies',
  'Precepts', 'Temporary Accommodation', 'Care Packages',
];
const SERVICE_AREAS = [
  'Environmental Services', 'Housing Advice', 'Regeneration', 'Planning', 'Legal & Democratic', 'Finance',
  'Human Resources', 'ICT', 'Leisure & Culture', 'Parks & Cemeteries', 'Waste Services', 'Facilities',
  'Revenues & Benefits', 'Community Safety', 'Town Centre & Markets',
];
const DESCRIPTION_WORDS = [
  'works', 'at', 'depot', 'town hall', 'annual', 'service', 'contract', 'supply', 'of', 'repair', 'to',
  'invoice', 'period', 'April', 'May', 'June', 'July', 'phase', 'replacement', 'monthly', 'charges', 'site',
  'visit', 'materials', 'hire', 'licence', 'renewal', 'support', 'staff', 'w/e', 'ref', 'order',
];

interface Supplier {
  name: string;
  postcode: string;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function postcode(random: () => number, local: boolean): string {
  const outward = pick(random, local ? LANCASHIRE_OUTWARDS : UK_OUTWARDS);
  const inward = `${Math.floor(random() * 10)}${pick(random, [...INWARD_LETTERS])}${pick(random, [...INWARD_LETTERS])}`;
  return `${outward} ${inward}`;
}

function makeSuppliers(random: () => number, count: number): Supplier[] {
  const suppliers: Supplier[] = [];
  for (let i = 0; i < count; i++) {
    const kind = random();
    let name: string;
    if (kind < 0.04) name = pick(random, PUBLIC_BODIES);
    else if (kind < 0.1) name = `${pick(random, UTILITIES)} - ${1000000000 + Math.floor(random() * 8999999999)} - Site ${1 + Math.floor(random() * 40)}`;
    else if (kind < 0.18) name = `${pick(random, ['J', 'A', 'M', 'S', 'R', 'D'])} ${pick(random, NAME_PARTS)}`;
    else name = `${pick(random, NAME_PARTS)} ${pick(random, TRADES)} ${pick(random, SUFFIXES)}`.trim();
    // About half local to Lancashire, one in ten with no postcode at all.
    const where = random();
    suppliers.push({ name, postcode: where < 0.1 ? '' : postcode(random, where < 0.55) });
  }
  return suppliers;
}

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function formatPounds(pence: number): string {
  const pounds = String(Math.floor(pence / 100)).replace(/\B(?=(\d{3})+$)/g, ',');
  return `${pounds}.${String(pence % 100).padStart(2, '0')}`;
}

/** Payments mostly between £250 and £20,000 with a long tail; about 3% credit notes. */
function amount(random: () => number): string {
  const pence = Math.round(25000 * Math.exp(random() * random() * 9));
  const text = formatPounds(pence);
  if (random() >= 0.03) return text;
  return pick(random, [`-${text}`, `(${text})`, `${text}-`]);
}

function paymentDate(random: () => number): string {
  // 2024/25 financial year.
  const day = new Date(Date.UTC(2024, 3, 1) + Math.floor(random() * 365) * 86400000);
  const dd = String(day.getUTCDate()).padStart(2, '0');
  const mm = String(day.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${day.getUTCFullYear()}`;
}

export const GENERATED_HEADER =
  'Payment Date,Supplier Name,Supplier Postcode,Expense Type,Description,Service Area,Net Amount';

export function generateSpendCsv(rows: number, seed: number): string {
  const random = seededRandom(seed);
  const suppliers = makeSuppliers(random, Math.max(50, Math.min(5000, Math.round(rows / 50))));
  const lines: string[] = [GENERATED_HEADER];
  for (let i = 0; i < rows; i++) {
    // Squaring skews towards the first suppliers: a few are paid often, most rarely.
    const supplier = suppliers[Math.floor(random() * random() * suppliers.length)];
    const words = 2 + Math.floor(random() * 4);
    const description: string[] = [];
    for (let w = 0; w < words; w++) description.push(pick(random, DESCRIPTION_WORDS));
    lines.push(
      [
        paymentDate(random),
        field(supplier.name),
        supplier.postcode,
        field(pick(random, CATEGORIES)),
        field(description.join(' ')),
        field(pick(random, SERVICE_AREAS)),
        field(amount(random)),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
