import * as fs from 'fs';
import * as path from 'path';
import type { Influence } from '../../src/core/codes';
import { compileRules } from '../../src/core/rule-book';
import { parseRulesCsv, rulesToCsv } from '../../src/core/rule-table';
import { supplierType } from '../../src/core/supplier-type';

const RULES_FILE = path.join(__dirname, '..', '..', 'rules', 'default-rules.csv');
const rules = parseRulesCsv(fs.readFileSync(RULES_FILE, 'utf8'), 'rules/default-rules.csv');
const book = compileRules(rules);

type PaymentText = { category?: string; categoryGroup?: string; description?: string; serviceArea?: string };

function judge(supplier: string, text: PaymentText = {}) {
  return book.judge({ supplier, supplierType: supplierType(supplier), ...text });
}

describe('rules/default-rules.csv', () => {
  test('is a readable rules file that round-trips', () => {
    expect(fs.readFileSync(RULES_FILE, 'utf8').split('\n')[0]).toBe('priority,field,match,value,within,verdict,reason,coop');
    expect(rules.length).toBeGreaterThan(50);
    expect(parseRulesCsv(rulesToCsv(rules), 'copy.csv')).toEqual(rules);
  });

  test('a public body, a utility or a lender is judged before anything the category says', () => {
    // Facts about the supplier alone; a rule about a supplier within a context is evidence of the category's kind.
    const supplierLevel = rules.filter((rule) => (rule.field === 'supplier' || rule.field === 'supplier_type') && rule.verdict === 'not_influenceable' && !rule.within);
    const categoryLevel = rules.filter((rule) => rule.field !== 'supplier' && rule.field !== 'supplier_type');
    expect(Math.max(...supplierLevel.filter((rule) => rule.reason !== 'Payment to an individual — name withheld as personal data').map((r) => r.priority))).toBeLessThan(
      Math.min(...categoryLevel.map((rule) => rule.priority)),
    );
    expect(judge('Lancashire County Council', { description: 'Landscape Architects Professional Fees' }).reason).toBe(
      'Payment to a public body: Lancashire County Council',
    );
    expect(judge('Stockport M.B.C.', { category: 'Payts to Agencies' }).verdict).toBe('not_influenceable');
    expect(judge('EDF - 682823573 Vehicle Maintenance Depot', { description: 'Charges - 01.04.24 - 30.04.24' }).reason).toMatch(/^Utility supply/);
    expect(judge('Water Plus.Co.Uk', { category: 'Gas' }).reason).toMatch(/^Utility supply/);
    expect(judge('Public Works Loan Board', { description: 'Repayment' }).verdict).toBe('not_influenceable');
    expect(judge('Barclays Capital', { description: 'Barclays LOBO interest repayment' }).verdict).toBe('not_influenceable');
    expect(judge('Zurich Insurance Plc', { description: 'Insurance Crime 01.04.24 - 31.03.25' }).reason).toMatch(/^Insurance/);
  });

  const cases: [string, string, PaymentText, Influence, string][] = [
    ['levy', 'Greater Manchester Waste Ltd', { description: 'Waste disposal levy 2024/25' }, 'not_influenceable', 'Levy or precept'],
    ['precept in the service area', 'Anyone Ltd', { category: 'Payments', serviceArea: 'Precepts And Charges - dummy level' }, 'not_influenceable', 'Levy or precept'],
    ['business rates', 'Anyone Ltd', { description: 'Lancashire Business Rates Pool 23/24' }, 'not_influenceable', 'Business rates or council tax transfer'],
    ['NNDR', 'Anyone Ltd', { category: 'NNDR' }, 'not_influenceable', 'Business rates or council tax transfer'],
    ['VAT', 'Bristow & Sutor', { category: 'VAT Adjustment' }, 'not_influenceable', 'Tax'],
    ['electricity by category', 'Anyone Ltd', { category: 'Electricity' }, 'not_influenceable', 'Utility supply'],
    ['postage', 'Whistl Uk Ltd', { category: 'Postage' }, 'not_influenceable', 'National infrastructure (telecoms or post): Whistl Uk Ltd'],
    ['PFI', 'Anyone Ltd', { category: 'Unitary Charge' }, 'not_influenceable', 'Financing (loans, interest, leases, PFI)'],
    ['PFI special-purpose company', 'S & W Tlp (Project Co One) Ltd', { category: 'Building works' }, 'not_influenceable', 'Special-purpose company of a PFI, LIFT or regeneration partnership (unitary charges, loans or equity): S & W Tlp (Project Co One) Ltd'],
    ['business improvement district', 'Halifax Bid Ltd', { category: 'Services' }, 'not_influenceable', 'Business improvement district (the BID levy passed on): Halifax Bid Ltd'],
    ['car lease', 'Lex Autolease Ltd', { description: 'Lease car rental' }, 'not_influenceable', 'Financing (loans, interest, leases, PFI)'],
    ['rent', 'Cromwood Housing Ltd', { category: 'Rents' }, 'not_influenceable', 'Rent or property purchase'],
    ['property purchase', 'Kashmir Property Investments', { description: 'Freehold cost' }, 'not_influenceable', 'Rent or property purchase'],
    ['relief payment', 'Maundy Relief', { description: 'Cold weather payment - March 24' }, 'not_influenceable', 'Payment to an individual — not trade'],
    ['grant', 'Rhea Projects', { description: 'Affordable Warmth Grant' }, 'not_influenceable', 'Grant — not procurement'],
    ['grant to a builder', 'Joseph Holt Limited', { category: 'Grants' }, 'not_influenceable', 'Grant — not procurement'],
    ['subscription', 'Local Government Association', { description: 'Annual subscription 2024/25' }, 'not_influenceable', 'Subscription or membership'],
    ['redacted, no trade', 'Redacted Data', { category: 'Miscellaneous' }, 'not_influenceable', 'Payment to an individual — name withheld as personal data'],
    ['children in need', 'Redacted Data', { category: 'Children Act-Sect 17' }, 'not_influenceable', 'Payment to an individual — not trade'],
    ['redacted direct payment', 'Redacted Personal Data', { category: 'CWD Care Packages' }, 'not_influenceable', "Payment to a person for their own care or as a carer (direct payment, carer's payment) — name withheld"],
    ['redacted home care', 'Redacted Data', { category: 'Home Helps' }, 'influenceable', 'Care and support services'],
    ['named sole trader', 'Mr J Smith', { description: 'Window cleaning at the depot' }, 'influenceable', 'Cleaning'],
    ['works', 'Seddon Construction Limited', { category: 'Other Works' }, 'influenceable', 'Building works and construction'],
    ['repairs', 'Anyone Ltd', { category: 'nonuv Build Rp&Maint' }, 'influenceable', 'Repairs and maintenance'],
    ['grounds', 'Grounds Gardens & Trees Ltd', { description: 'Grass cutting of highway verges' }, 'influenceable', 'Grounds maintenance'],
    ['agency staff', 'Vivid Resourcing', { description: 'Agency staff - w/e 07.04.24' }, 'influenceable', 'Agency staff'],
    ['legal', 'Womble Bond Dickinson (Uk) LLP', { description: 'Provision of legal services' }, 'influenceable', 'Professional services (consultancy, legal, surveys, valuations, architects)'],
    ['vehicles', 'JDS Trucks Ltd', { description: '8 X ISUZU 3.5T TIPPERS' }, 'influenceable', 'Vehicles and parts'],
    ['IT equipment', 'Cdw Ltd', { category: 'Purch of Comp Equip' }, 'influenceable', 'IT services and equipment'],
    ['landfill tax is part of disposal', 'Suez Recycling And Recovery Uk Ltd', { description: 'Landfill Tax' }, 'influenceable', 'Waste collection and disposal'],
    ['construction from the name', 'Morgan Sindall Construction & Infrastructure Ltd', { description: 'Accrington Town Square' }, 'influenceable', "Building works and construction (from the supplier's name)"],
    ['software vendor', 'Bytes Software Services Ltd', { description: 'Annual Renewal of Microsoft Licences' }, 'review', 'Software from a national vendor — review: Bytes Software Services Ltd'],
    ['software licence', 'Anyone Ltd', { category: 'IT  Licence Fee' }, 'review', 'Software or licence — review'],
    ['purchase card', 'Barclaycard', { description: 'Statement March' }, 'review', 'Purchase-card statement: the purchases behind it need review'],
    ['framework', 'YPO', { description: 'Stationery' }, 'review', 'Buying consortium or framework — review: YPO'],
    ['management fee', 'Aspire', { category: 'Mgt Fee' }, 'review', "Management fee to an arm's-length company or trust: review what it pays for, since the services behind it may be bought locally"],
    ['childcare vouchers are staff pay', 'Anyone Ltd', { category: 'Child Care Vouchers' }, 'not_influenceable', 'Pay, travel and expenses of staff — not procurement'],
    ['an accrual says nothing of the purchase: the supplier does', 'Bermar Building Co Ltd', { category: 'Goods Rec Not Invoic' }, 'influenceable', "Building works and construction (from the supplier's name)"],
    ['unmatched', 'White Orchid', { description: 'Costs' }, 'review', 'No rule matched'],
    // CIPFA's subjective analysis as councils write it, in its context.
    ['private contractors within adult social care', 'Anyone Ltd', { category: 'Private Contractors', serviceArea: 'Adult Services and Wellbeing-Adult Health & Social Care' }, 'influenceable', 'Care and support services bought within social care'],
    ['private contractors elsewhere', 'Anyone Ltd', { category: 'Private Contractors', serviceArea: 'Highways' }, 'influenceable', 'Building works and construction'],
    ['contractor within home care', 'Anyone Ltd', { category: 'Home Care - Private Contractor' }, 'influenceable', 'Care and support services bought within social care'],
    ['third party payments within children\'s care', 'Anyone Ltd', { category: 'Third Party Payments', serviceArea: "Childrens Care Services" }, 'influenceable', 'Care and support services bought within social care'],
    ['residential within social care', 'Anyone Ltd', { category: 'Residential', categoryGroup: 'Adult Social Care' }, 'influenceable', 'Care and support services bought within social care'],
    ['voluntary associations outside care', 'Anyone Ltd', { category: 'Voluntary Associations', serviceArea: 'Economic Development' }, 'not_influenceable', 'Grant or contribution to a voluntary organisation — not procurement'],
    ['transfer payments', 'Anyone Ltd', { category: 'Transfer Payments - Social Services Clients' }, 'not_influenceable', 'Transfer payment to people (benefits, personal budgets, direct payments) — not procurement'],
    ['other local authorities', 'Anyone Ltd', { category: 'Other Local Authorities' }, 'not_influenceable', 'Payment to a public body'],
    ['client receipts outside care', 'Anyone Ltd', { category: 'Customer And Client Receipts', serviceArea: 'Markets' }, 'not_influenceable', 'Income, client contributions or refunds netted off — not a purchase'],
    ['schools budget', 'Anyone Ltd', { category: 'Services', categoryGroup: 'Monthly payment of school budgets to schools' }, 'not_influenceable', 'Funding to schools and early-years providers (the schools budget) — not procurement'],
    ['top-ups within special educational needs', 'Anyone Ltd', { category: 'Special Schools InYear Top Ups' }, 'not_influenceable', 'Funding to schools and early-years providers (the schools budget) — not procurement'],
    ['independent special school', 'Anyone Ltd', { category: 'SB Independent Schools' }, 'influenceable', 'Care and education placements with independent providers'],
    ['COVID-19 funds passed on', 'Anyone', { category: 'Contain Outbreak Mangt Fund' }, 'not_influenceable', 'Government grant passed on to providers or people — not procurement'],
    ['employer costs', 'Anyone Ltd', { category: 'Employee Related Charges' }, 'not_influenceable', 'Pay, travel and expenses of staff — not procurement'],
    // The supplier's name, where the payment says nothing.
    ['a care home named after its house, within social care', 'Kirkwood Court', { category: 'Sundries', serviceArea: 'Adult Social Care' }, 'influenceable', 'Care home or supported housing, named after its house (within social care)'],
    ['a voluntary-sector provider', 'Coquet Trust', { category: 'Sundries' }, 'influenceable', 'Voluntary-sector provider paid for its services (a grant would say so in the category): Coquet Trust'],
    ['a company, nothing else known', 'White Orchid Ltd', { description: 'Costs' }, 'influenceable', 'A company paid for goods or services, with nothing in the payment to say otherwise: White Orchid Ltd'],
    ['an academy trust is a public body', 'Prosper Learning Trust', { category: 'Alternative Provision' }, 'not_influenceable', 'Payment to a public body: Prosper Learning Trust'],
  ];
  test.each(cases)('%s', (_name, supplier, text, verdict, reason) => {
    expect(judge(supplier, text)).toMatchObject({ verdict, reason });
  });

  test('care, catering, cleaning, transport, grounds and repairs carry co-operative potential; consultancy does not', () => {
    expect(judge('Anyone Ltd', { category: 'Resid Care Home' }).coop).toBe(true);
    expect(judge('Anyone Ltd', { category: 'Food and refreshment' }).coop).toBe(true);
    expect(judge('Anyone Ltd', { description: 'Cleaning - September 24' }).coop).toBe(true);
    expect(judge('Anyone Ltd', { description: 'Home to school transport' }).coop).toBe(true);
    expect(judge('Anyone Ltd', { description: 'Grass cutting' }).coop).toBe(true);
    expect(judge('Anyone Ltd', { category: 'UV Day to Day' }).coop).toBe(true);
    expect(judge('Anyone Ltd', { category: 'Consultants' }).coop).toBe(false);
    for (const rule of rules) if (rule.verdict !== 'influenceable') expect([rule.reason, rule.coop]).toEqual([rule.reason, false]);
  });
});
