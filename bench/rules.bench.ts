/**
 * Judging payments with the default rules, against a floor of one precompiled regular
 * expression tested once per row on the same rows: the ratio says how many such tests one
 * judgement costs, on any machine. Rows are seeded and realistic: a few hundred suppliers,
 * sixty ledger categories, descriptions that are mostly unique (dates, weeks, references).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { SupplierType } from '../src/core/codes';
import { compileRules, type PaymentFacts } from '../src/core/rule-book';
import { parseRulesCsv } from '../src/core/rule-table';
import { supplierKey } from '../src/core/supplier-key';
import { supplierType } from '../src/core/supplier-type';
import { seededRandom } from '../test/support/seeded-random';
import { bestTime, type Figure, type Suite } from './harness';

const ROWS = 200_000;


const FIRST = ['Northern', 'Pennine', 'Ribble', 'Acme', 'Castle', 'Victoria', 'Summit', 'Oak', 'Bridge', 'Premier', 'Red Rose', 'Moorland'];
const TRADE = ['Construction', 'Cleaning Services', 'Catering', 'Security', 'Landscapes', 'Recruitment', 'Solicitors', 'Consulting', 'Motors', 'Printing', 'Care', 'Plumbing & Heating', 'Software', 'Hire', 'Supplies', 'Events'];
const FORM = ['Ltd', 'Limited', 'LLP', 'Plc', '(UK) Ltd', '', 'CIC'];
const PUBLIC = ['Lancashire County Council', 'Stockport M.B.C.', 'NHS CCG', 'HM Revenue & Customs (Direct Debit)', 'Salford Royal Nhs Foundation Trust', 'Greater Manchester Combined'];
const UTILITY = ['Water Plus - 40823 - Market Hall', 'EDF - 893361461 Leisure Centre', 'SEFE Energy - 10174064 Consolidated', 'British Gas Lite BGL499730'];
const CATEGORIES = [
  'Other Works', 'Payts to Agencies', 'Grants', 'Ext Fees-Other', 'Pmnts Privt Provider', 'Rents', 'Pupil Assistance', 'Works & Building',
  'Resid Care Home', 'Other Prof Fees', 'Contractors', 'Agency Fees', 'Electricity', 'Home Helps', 'Miscellaneous Exes', 'Purch of Veh/Plant',
  'Gas', 'Management Fee', 'IT  Licence Fee', 'Computer Software', 'Improvement Grants', 'Computer Maintenance', 'Consultants', 'Purch of Comp Equip',
  'Food and refreshment', 'Liability Insurance', 'Equipment Purchase', 'Legal Fees', 'Materials', 'UV Day to Day', 'Furniture', 'Security Services',
  'Postage', 'nonuv Build Rp&Maint', 'Telephones & Fax', 'Unitary Charge', 'Payments to H A', 'Release of Provision', 'Training of Staff', 'Hire of Facilities',
];
const DESCRIPTIONS = [
  'Agency staff - w/e {d}', 'Grass cutting of highway verges {n}', 'Valuation {n}', 'Charges - {d} - {d}', 'Affordable Warmth Grant {n}', 'Provision of legal services',
  'Repairs to chapel door {n}', 'Parts', 'Accommodation - {n} nights', 'Professional fees - {d}', 'Annual subs {n}', 'LCC NDR Surplus {n}', 'Ref {n} various',
];

function realisticRows(count: number): PaymentFacts[] {
  const random = seededRandom(20240401);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const suppliers: string[] = [];
  for (let i = 0; i < 400; i++) suppliers.push(`${pick(FIRST)} ${pick(TRADE)} ${pick(FORM)}`.trim());
  suppliers.push(...PUBLIC, ...UTILITY, 'Redacted Data', 'Mr J Smith T/A Smith Joinery');
  const types = new Map<string, SupplierType>(suppliers.map((name) => [name, supplierType(name)]));
  const rows: PaymentFacts[] = [];
  for (let i = 0; i < count; i++) {
    const supplier = pick(suppliers);
    const date = () => `${1 + Math.floor(random() * 28)}.${1 + Math.floor(random() * 12)}.24`;
    const withCategory = random() < 0.5;
    rows.push({
      supplier,
      supplierType: types.get(supplier) ?? 'unknown',
      category: withCategory ? pick(CATEGORIES) : undefined,
      description: withCategory ? undefined : pick(DESCRIPTIONS).replace(/\{d\}/g, date).replace(/\{n\}/g, () => String(Math.floor(random() * 5000))),
      serviceArea: pick(['AAF - Finance', 'CAA - Environmental Maint', 'People (Adults) - CHSC', 'Place Directorate']),
    });
  }
  return rows;
}

export const suite: Suite = {
  name: 'Influenceability rules (default rule book)',
  async run(): Promise<Figure[]> {
    const rulesText = fs.readFileSync(path.join(__dirname, '..', 'rules', 'default-rules.csv'), 'utf8');
    const rules = parseRulesCsv(rulesText, 'rules/default-rules.csv');
    const rows = realisticRows(ROWS);
    const descriptions = rows.map((row) => row.description ?? row.category ?? '');
    let sink = 0;

    const floorRegex = /\b(?:grant|levy|precept)\b/i;
    const floorMs = await bestTime(() => {
      for (const text of descriptions) if (floorRegex.test(text)) sink++;
    }, 1500);
    const floor = { name: 'one precompiled regex test per row', value: ROWS / (floorMs / 1000), unit: 'rows/s' };

    // A fresh rule book per run, so every distinct text is met for the first time once.
    const judgeMs = await bestTime(() => {
      const book = compileRules(rules);
      for (const row of rows) if (book.judge(row).verdict === 'influenceable') sink++;
    }, 1500);
    const judgements = ROWS / (judgeMs / 1000);

    const names = [...new Set(rows.map((row) => row.supplier))];
    const distinct = Array.from({ length: 20_000 }, (_, i) => `${names[i % names.length]} ${i}`);
    const keyFloorMs = await bestTime(() => {
      for (const name of distinct) if (floorRegex.test(name)) sink++;
    }, 1500);
    const keyMs = await bestTime(() => {
      for (const name of distinct) sink += supplierKey(name).length + supplierType(name).length;
    }, 1500);
    if (sink < 0) console.log(sink);

    const keyFloor = { name: 'one precompiled regex test per name', value: distinct.length / (keyFloorMs / 1000), unit: 'names/s' };
    const keys = distinct.length / (keyMs / 1000);
    return [
      {
        name: `judgements per second (${ROWS.toLocaleString('en-GB')} seeded rows, ${rules.length} rules)`,
        value: judgements,
        unit: 'rows/s',
        floor,
        ratio: judgements / floor.value,
        // The index must beat the obvious engine, which tests every rule in turn.
        goal: `ratio ≥ 1/${rules.length} (cheaper than one test per rule)`,
        met: judgements / floor.value >= 1 / rules.length,
      },
      {
        name: 'supplier key and type per distinct name (no memo)',
        value: keys,
        unit: 'names/s',
        floor: keyFloor,
        ratio: keys / keyFloor.value,
      },
    ];
  },
};
