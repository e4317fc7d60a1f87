/**
 * Seeded register downloads in the exact layouts Companies House and the Charity Commission
 * publish: Basic Company Data's 55-column CSV (every field quoted, header names with leading
 * spaces), and publicextract.charity as JSON (an array of flat objects, with a byte order mark)
 * and as tab-separated text. Planted among random filler: look-alikes of one company in other
 * districts, names that two organisations share once normalised, a charitable company in both
 * registers, a linked charity and a removed one named like companies, names with commas and
 * quotes. `cases` says what matching each supplier name must give.
 */
import { seededRandom } from './seeded-random';

/** The header line as the download writes it (Companies House, Basic Company Data): 55 names, some after a space. */
export const COMPANIES_HEADER =
  'CompanyName, CompanyNumber,RegAddress.CareOf,RegAddress.POBox,RegAddress.AddressLine1,' +
  ' RegAddress.AddressLine2,RegAddress.PostTown,RegAddress.County,RegAddress.Country,' +
  'RegAddress.PostCode,CompanyCategory,CompanyStatus,CountryOfOrigin,DissolutionDate,' +
  'IncorporationDate,Accounts.AccountRefDay,Accounts.AccountRefMonth,Accounts.NextDueDate,' +
  'Accounts.LastMadeUpDate,Accounts.AccountCategory,Returns.NextDueDate,Returns.LastMadeUpDate,' +
  'Mortgages.NumMortCharges,Mortgages.NumMortOutstanding,Mortgages.NumMortPartSatisfied,' +
  'Mortgages.NumMortSatisfied,SICCode.SicText_1,SICCode.SicText_2,SICCode.SicText_3,' +
  'SICCode.SicText_4,LimitedPartnerships.NumGenPartners,LimitedPartnerships.NumLimPartners,URI,' +
  'PreviousName_1.CONDATE, PreviousName_1.CompanyName, PreviousName_2.CONDATE,' +
  ' PreviousName_2.CompanyName,PreviousName_3.CONDATE, PreviousName_3.CompanyName,' +
  'PreviousName_4.CONDATE, PreviousName_4.CompanyName,PreviousName_5.CONDATE,' +
  ' PreviousName_5.CompanyName,PreviousName_6.CONDATE, PreviousName_6.CompanyName,' +
  'PreviousName_7.CONDATE, PreviousName_7.CompanyName,PreviousName_8.CONDATE,' +
  ' PreviousName_8.CompanyName,PreviousName_9.CONDATE, PreviousName_9.CompanyName,' +
  'PreviousName_10.CONDATE, PreviousName_10.CompanyName,ConfStmtNextDueDate, ConfStmtLastMadeUpDate';

/** The fields of publicextract.charity, in the order the Commission publishes them. */
export const CHARITY_FIELDS = [
  'date_of_extract',
  'organisation_number',
  'registered_charity_number',
  'linked_charity_number',
  'charity_name',
  'charity_type',
  'charity_registration_status',
  'date_of_registration',
  'date_of_removal',
  'charity_reporting_status',
  'latest_acc_fin_period_start_date',
  'latest_acc_fin_period_end_date',
  'latest_income',
  'latest_expenditure',
  'charity_contact_address1',
  'charity_contact_address2',
  'charity_contact_address3',
  'charity_contact_address4',
  'charity_contact_address5',
  'charity_contact_postcode',
  'charity_contact_phone',
  'charity_contact_email',
  'charity_contact_web',
  'charity_company_registration_number',
  'charity_insolvent',
  'charity_in_administration',
  'charity_previously_excepted',
  'charity_is_cdf_or_cif',
  'charity_is_cio',
  'cio_is_dissolved',
  'date_cio_dissolution_notice',
  'charity_activities',
  'charity_gift_aid',
  'charity_has_land',
] as const;

export const EXTRACT_DATE = '2024-08-15';
export const COMPANIES_DATE = '2024-08-01';

const SIC = [
  '43390 - Other building completion and finishing',
  '41202 - Construction of domestic buildings',
  '87100 - Residential nursing care activities',
  '88100 - Social work activities without accommodation for the elderly and disabled',
  '56101 - Licensed restaurants',
  '62020 - Information technology consultancy activities',
  '70229 - Management consultancy activities other than financial management',
  '81210 - General cleaning of buildings',
  '68209 - Other letting and operating of own or leased real estate',
  '82990 - Other business support service activities n.e.c.',
  '47110 - Retail sale in non-specialised stores with food, beverages or tobacco predominating',
  '49410 - Freight transport by road',
  '96020 - Hairdressing and other beauty treatment',
  '85590 - Other education n.e.c.',
];
const DORMANT = '99999 - Dormant Company';

const CATEGORIES: [string, number][] = [
  ['Private Limited Company', 0.86],
  ['PRI/LBG/NSC (Private, Limited by guarantee, no share capital, use of \'Limited\' exemption)', 0.04],
  ['Limited Liability Partnership', 0.03],
  ['Community Interest Company', 0.02],
  ['PLC', 0.01],
  ['Registered Society', 0.01],
  ['Limited Partnership', 0.01],
  ['Private Unlimited Company', 0.02],
];
const ACCOUNTS: [string, number][] = [
  ['MICRO ENTITY', 0.35],
  ['TOTAL EXEMPTION FULL', 0.2],
  ['UNAUDITED ABRIDGED', 0.12],
  ['NO ACCOUNTS FILED', 0.12],
  ['DORMANT', 0.08],
  ['SMALL', 0.05],
  ['FULL', 0.04],
  ['GROUP', 0.02],
  ['MEDIUM', 0.01],
  ['AUDIT EXEMPTION SUBSIDIARY', 0.01],
];

const AREAS = ['AB', 'B', 'BB', 'BD', 'BL', 'BS', 'CF', 'CH', 'CV', 'DN', 'E', 'EH', 'FY', 'G', 'HU', 'L', 'LA', 'LS', 'M', 'N', 'NE', 'NG', 'OL', 'PR', 'S', 'SE', 'SK', 'SW', 'W', 'WA', 'WN'];
const LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
const SYLLABLES = ['ar', 'bel', 'cor', 'dan', 'el', 'fer', 'gar', 'hol', 'in', 'jen', 'kel', 'lan', 'mor', 'nor', 'ol', 'pen', 'quin', 'ros', 'sel', 'tor', 'ul', 'ven', 'wil', 'yar', 'zen', 'ash', 'brook', 'field', 'ley', 'ton', 'by', 'ham', 'wick', 'stead'];
const TRADES = ['BUILDERS', 'CONSULTING', 'PROPERTIES', 'SERVICES', 'TRADING', 'DESIGN', 'CARE', 'ELECTRICAL', 'PLUMBING', 'HOLDINGS', 'ENTERPRISES', 'SOLUTIONS', 'MEDIA', 'LOGISTICS', 'DEVELOPMENTS', 'INVESTMENTS', 'TECHNOLOGY', 'CATERING', 'CLEANING', 'GROUP'];
const TOWNS = ['PRESTON', 'MANCHESTER', 'LEEDS', 'LONDON', 'BLACKPOOL', 'BOLTON', 'BIRMINGHAM', 'CARDIFF', 'GLASGOW'];

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function weighted(random: Random, items: readonly [string, number][]): string {
  let r = random();
  for (const [item, weight] of items) {
    if ((r -= weight) < 0) return item;
  }
  return items[items.length - 1][0];
}

function word(random: Random): string {
  const parts = 2 + Math.floor(random() * 2);
  let text = '';
  for (let i = 0; i < parts; i++) text += pick(random, SYLLABLES);
  return text.toUpperCase();
}

function randomPostcode(random: Random): string {
  const outward = pick(random, AREAS) + (1 + Math.floor(random() * 20));
  return `${outward} ${Math.floor(random() * 10)}${pick(random, [...LETTERS])}${pick(random, [...LETTERS])}`;
}

function date(random: Random): string {
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  return `${day}/${month}/${1990 + Math.floor(random() * 34)}`;
}

export interface CompanyRow {
  name: string;
  number: string;
  postcode: string;
  category: string;
  status?: string;
  accounts: string;
  sic: string[];
  town?: string;
  /** A former name, as the download keeps up to ten of them. */
  previousName?: string;
}

const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** One data line of the download: 55 quoted fields. */
export function companyLine(row: CompanyRow, random: Random): string {
  const sic = [...row.sic, '', '', '', ''].slice(0, 4);
  const previous = Array.from({ length: 20 }, () => '');
  if (row.previousName) {
    previous[0] = date(random);
    previous[1] = row.previousName;
  }
  const fields = [
    row.name,
    row.number,
    '',
    '',
    `${1 + Math.floor(random() * 200)} ${pick(random, ['MARKET STREET', 'HIGH STREET', 'CHURCH ROAD', 'STATION ROAD', 'MILL LANE'])}`,
    random() < 0.3 ? 'UNIT 4' : '',
    row.town ?? pick(random, TOWNS),
    random() < 0.4 ? 'LANCASHIRE' : '',
    pick(random, ['UNITED KINGDOM', 'ENGLAND', '']),
    row.postcode,
    row.category,
    row.status ?? 'Active',
    'United Kingdom',
    '',
    date(random),
    '31',
    '3',
    '31/12/2024',
    '31/03/2023',
    row.accounts,
    '',
    '',
    '0',
    '0',
    '0',
    '0',
    ...sic,
    '0',
    '0',
    `http://business.data.gov.uk/id/company/${row.number}`,
    ...previous,
    '14/07/2025',
    '30/06/2024',
  ];
  return fields.map(quote).join(',');
}

/** A random live company, numbered from `number`. */
export function randomCompany(random: Random, number: number): CompanyRow {
  // Two made-up words: names as varied as the register's, where two companies rarely share a key.
  const words = [word(random), word(random)];
  if (random() < 0.5) words.push(pick(random, TRADES));
  const dormant = random() < 0.08;
  const sic = dormant ? [DORMANT] : Array.from({ length: random() < 0.8 ? 1 : 2 + Math.floor(random() * 3) }, () => pick(random, SIC));
  return {
    name: `${words.join(' ')} ${random() < 0.9 ? 'LIMITED' : 'LTD'}`,
    number: String(number).padStart(8, '0'),
    postcode: random() < 0.01 ? '' : randomPostcode(random),
    category: weighted(random, CATEGORIES),
    accounts: dormant ? 'DORMANT' : weighted(random, ACCOUNTS),
    sic,
  };
}

/**
 * A generated download of `rows` companies, as chunks of text of about `chunkRows` lines each,
 * never held whole: the benchmark builds a pack from 5.7 million rows this way. `onRow` sees
 * each company as it is written.
 */
export function* companiesCsvChunks(rows: number, seed: number, onRow?: (row: CompanyRow) => void, chunkRows = 20_000): Generator<string> {
  const random = seededRandom(seed);
  let lines = [COMPANIES_HEADER];
  for (let i = 0; i < rows; i++) {
    const row = randomCompany(random, 10_000_000 + i);
    onRow?.(row);
    lines.push(companyLine(row, random));
    if (lines.length >= chunkRows) {
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join('\n')}\n`;
}

export interface CharityRow {
  name: string;
  number: number;
  linked?: number;
  status?: string;
  type?: string;
  postcode: string;
  companyNumber?: string;
  activities?: string;
}

function charityValues(row: CharityRow, organisation: number): Record<(typeof CHARITY_FIELDS)[number], string | number | boolean | null> {
  const removed = row.status === 'Removed';
  return {
    date_of_extract: `${EXTRACT_DATE}T00:00:00`,
    organisation_number: organisation,
    registered_charity_number: row.number,
    linked_charity_number: row.linked ?? 0,
    charity_name: row.name,
    charity_type: row.linked ? null : row.type ?? 'Other',
    charity_registration_status: row.status ?? 'Registered',
    date_of_registration: '1995-04-01T00:00:00',
    date_of_removal: removed ? '2019-01-31T00:00:00' : null,
    charity_reporting_status: removed ? null : 'Submission Received',
    latest_acc_fin_period_start_date: '2023-04-01T00:00:00',
    latest_acc_fin_period_end_date: '2024-03-31T00:00:00',
    latest_income: 125000,
    latest_expenditure: 119250.5,
    charity_contact_address1: '1 Church Street',
    charity_contact_address2: 'Preston',
    charity_contact_address3: null,
    charity_contact_address4: null,
    charity_contact_address5: null,
    charity_contact_postcode: row.postcode,
    charity_contact_phone: '01772 000000',
    charity_contact_email: null,
    charity_contact_web: null,
    charity_company_registration_number: row.companyNumber ?? null,
    charity_insolvent: false,
    charity_in_administration: false,
    charity_previously_excepted: null,
    charity_is_cdf_or_cif: null,
    charity_is_cio: row.type === 'CIO',
    cio_is_dissolved: null,
    date_cio_dissolution_notice: null,
    charity_activities: row.activities ?? 'Relief of poverty, sickness and distress in the area of benefit.',
    charity_gift_aid: true,
    charity_has_land: false,
  };
}

/** publicextract.charity.json: a byte order mark and an array of flat objects. */
export function charitiesJson(rows: readonly CharityRow[]): string {
  return `\uFEFF[${rows.map((row, i) => JSON.stringify(charityValues(row, 5000000 + i))).join(',')}]`;
}

/** publicextract.charity.txt: a header line, then a tab-separated line a charity (CRLF line ends). */
export function charitiesText(rows: readonly CharityRow[]): string {
  const lines = [CHARITY_FIELDS.join('\t')];
  rows.forEach((row, i) => {
    const values = charityValues(row, 5000000 + i);
    lines.push(CHARITY_FIELDS.map((field) => {
      const value = values[field];
      return value === null ? '' : typeof value === 'boolean' ? (value ? 'True' : 'False') : String(value).replace('T00:00:00', ' 00:00:00');
    }).join('\t'));
  });
  return `${lines.join('\r\n')}\r\n`;
}

export type FixtureExpectation =
  | { status: 'matched'; company?: string; charity?: string; postcode: string }
  | { status: 'ambiguous'; numbers: string[] }
  | { status: 'none' };

export interface FixtureCase {
  /** The supplier as a spend file names it. */
  supplier: string;
  expect: FixtureExpectation;
}

export interface RegisterFixture {
  companies: CompanyRow[];
  charities: CharityRow[];
  companiesCsv: string;
  cases: FixtureCase[];
}

/** The planted companies: each name says what it tests. */
const PLANTED_COMPANIES: CompanyRow[] = [
  { name: 'ACME WIDGETS LIMITED', number: '01000001', postcode: 'PR1 2HE', category: 'Private Limited Company', accounts: 'MICRO ENTITY', sic: [SIC[0]], town: 'PRESTON' },
  { name: 'ACME WIDGETS HOLDINGS LIMITED', number: '01000002', postcode: 'M1 1AE', category: 'Private Limited Company', accounts: 'GROUP', sic: ['70100 - Activities of head offices'] },
  { name: 'ACME WIDGETS (SCOTLAND) LIMITED', number: 'SC100003', postcode: 'DG1 1AA', category: 'Private Limited Company', accounts: 'SMALL', sic: [SIC[0]] },
  { name: 'ACME WIDGETS GROUP LTD', number: '01000004', postcode: 'FY1 1AA', category: 'Private Limited Company', accounts: 'FULL', sic: [SIC[6]] },
  { name: 'RIBBLE HOMES LIMITED', number: '01000005', postcode: 'PR1 9AA', category: 'Private Limited Company', accounts: 'SMALL', sic: [SIC[1]] },
  { name: 'RIBBLE HOMES (UK) LIMITED', number: '01000006', postcode: 'M3 5AB', category: 'Private Limited Company', accounts: 'MICRO ENTITY', sic: [SIC[1]] },
  { name: 'SMITH, JONES & PARTNERS LLP', number: 'OC100007', postcode: 'PR3 2AS', category: 'Limited Liability Partnership', accounts: 'FULL', sic: ['69102 - Solicitors'] },
  { name: 'THE "BEST" CAFE LTD', number: '01000008', postcode: 'PR25 1AA', category: 'Private Limited Company', accounts: 'MICRO ENTITY', sic: [SIC[4]] },
  { name: 'GREEN SHOOTS COMMUNITY INTEREST COMPANY', number: '01000009', postcode: 'PR1 2AB', category: 'Community Interest Company', accounts: 'MICRO ENTITY', sic: ['81300 - Landscape service activities'] },
  { name: 'PRESTON WORKERS CO-OPERATIVE LIMITED', number: 'RS100010', postcode: 'PR1 2AD', category: 'Registered Society', accounts: 'SMALL', sic: [SIC[7]] },
  { name: 'COMMUNITY GATEWAY ASSOCIATION LIMITED', number: 'RS100011', postcode: 'PR1 2HQ', category: 'Registered Society', accounts: 'FULL', sic: ['68201 - Renting and operating of Housing Association real estate'] },
  { name: 'PRESTON FOODBANK', number: '01000012', postcode: 'PR1 9AB', category: "PRI/LBG/NSC (Private, Limited by guarantee, no share capital, use of 'Limited' exemption)", accounts: 'MICRO ENTITY', sic: ['88990 - Other social work activities without accommodation n.e.c.'] },
  { name: 'PARKSIDE TRUST LIMITED', number: '01000013', postcode: 'LA1 1AA', category: 'Private Limited Company', accounts: 'DORMANT', sic: [DORMANT] },
  { name: 'NORTHERN TRAINS PUBLIC LIMITED COMPANY', number: '01000014', postcode: 'M1 1AE', category: 'PLC', accounts: 'FULL', sic: ['49100 - Passenger rail transport, interurban'] },
  { name: 'CWMNI TEG CYFYNGEDIG', number: '01000015', postcode: 'LL30 1AA', category: 'Private Limited Company', accounts: 'UNAUDITED ABRIDGED', sic: [SIC[9]] },
  { name: 'LOOKALIKE FREE CARE LIMITED', number: '01000016', postcode: 'PR3 0AA', category: 'Private Limited Company', accounts: 'SMALL', sic: [SIC[2], SIC[3]], previousName: 'ACME WIDGETS NORTH LIMITED' },
  { name: 'DISSOLVED TRADERS LIMITED', number: '01000017', postcode: 'PR1 9AD', category: 'Private Limited Company', status: 'Dissolved', accounts: 'DORMANT', sic: [DORMANT] },
];

const PLANTED_CHARITIES: CharityRow[] = [
  { name: 'PRESTON FOODBANK', number: 1100001, type: 'Charitable company', postcode: 'PR1 9AE', companyNumber: '1000012', activities: 'Emergency food parcels.\nAdvice on debt and benefits.' },
  { name: 'LANCASHIRE WILDLIFE TRUST', number: 229325, type: 'Trust', postcode: 'PR5 6AU' },
  { name: 'PARKSIDE TRUST', number: 1100002, type: 'CIO', postcode: 'BB2 2BB' },
  // A linked charity named like a company: read, it would make ACME WIDGETS ambiguous.
  { name: 'ACME WIDGETS', number: 229325, linked: 1, postcode: 'PR1 9AF' },
  // A removed charity named like a company that does not exist: read, it would match.
  { name: 'RIBBLE CLEANING', number: 500001, status: 'Removed', postcode: 'PR1 9AG' },
];

/** Names a spend file would use, and what matching must give for each. */
const PLANTED_CASES: FixtureCase[] = [
  { supplier: 'Acme Widgets Ltd', expect: { status: 'matched', company: '01000001', postcode: 'PR1 2HE' } },
  { supplier: 'ACME WIDGETS LIMITED', expect: { status: 'matched', company: '01000001', postcode: 'PR1 2HE' } },
  { supplier: 'The Acme Widgets Ltd', expect: { status: 'matched', company: '01000001', postcode: 'PR1 2HE' } },
  { supplier: 'Acme Widgets (UK) Ltd', expect: { status: 'matched', company: '01000001', postcode: 'PR1 2HE' } },
  { supplier: 'Acme Widgets Holdings Ltd', expect: { status: 'matched', company: '01000002', postcode: 'M1 1AE' } },
  { supplier: 'Acme Widgets (Scotland) Ltd', expect: { status: 'matched', company: 'SC100003', postcode: 'DG1 1AA' } },
  { supplier: 'Acme Widgets Group Ltd', expect: { status: 'matched', company: '01000004', postcode: 'FY1 1AA' } },
  { supplier: 'Acme Widgets North Ltd', expect: { status: 'none' } },
  { supplier: 'Ribble Homes Ltd', expect: { status: 'ambiguous', numbers: ['01000005', '01000006'] } },
  { supplier: 'Smith Jones and Partners LLP', expect: { status: 'matched', company: 'OC100007', postcode: 'PR3 2AS' } },
  { supplier: 'The Best Cafe Ltd', expect: { status: 'matched', company: '01000008', postcode: 'PR25 1AA' } },
  { supplier: 'Green Shoots CIC', expect: { status: 'matched', company: '01000009', postcode: 'PR1 2AB' } },
  { supplier: 'Preston Workers Co-op Ltd', expect: { status: 'none' } },
  { supplier: 'Preston Workers Co-operative Ltd', expect: { status: 'matched', company: 'RS100010', postcode: 'PR1 2AD' } },
  { supplier: 'Community Gateway Association', expect: { status: 'matched', company: 'RS100011', postcode: 'PR1 2HQ' } },
  { supplier: 'Preston Foodbank', expect: { status: 'matched', company: '01000012', charity: '1100001', postcode: 'PR1 9AB' } },
  { supplier: 'Lancashire Wildlife Trust', expect: { status: 'matched', charity: '229325', postcode: 'PR5 6AU' } },
  { supplier: 'Parkside Trust', expect: { status: 'ambiguous', numbers: ['01000013', '1100002'] } },
  { supplier: 'Northern Trains plc', expect: { status: 'matched', company: '01000014', postcode: 'M1 1AE' } },
  { supplier: 'Cwmni Teg Cyf', expect: { status: 'matched', company: '01000015', postcode: 'LL30 1AA' } },
  { supplier: 'Ribble Cleaning', expect: { status: 'none' } },
  { supplier: 'Dissolved Traders Ltd', expect: { status: 'none' } },
];

/** The planted rows among `filler` random companies and charities, in a seeded order. */
export function registerFixture(seed = 1, filler = 300): RegisterFixture {
  const random = seededRandom(seed);
  const companies = [...PLANTED_COMPANIES];
  for (let i = 0; i < filler; i++) companies.splice(Math.floor(random() * (companies.length + 1)), 0, randomCompany(random, 20_000_000 + i));
  const charities = [...PLANTED_CHARITIES];
  for (let i = 0; i < filler / 5; i++) {
    charities.splice(Math.floor(random() * (charities.length + 1)), 0, {
      name: `${word(random)} ${pick(random, ['TRUST', 'FOUNDATION', 'COMMUNITY ASSOCIATION', 'HOSPICE', 'SCOUT GROUP'])}`,
      number: 1_110_000 + i,
      type: pick(random, ['Other', 'Trust', 'CIO']),
      postcode: randomPostcode(random),
    });
  }
  const companiesCsv = `${[COMPANIES_HEADER, ...companies.map((row) => companyLine(row, random))].join('\n')}\n`;
  return { companies, charities, companiesCsv, cases: PLANTED_CASES };
}
