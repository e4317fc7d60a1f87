/**
 * The fields a spend table may have and the header words finance systems name them with: what
 * the table finder looks for and the mapping starts from.
 */

export const FIELDS = [
  'supplier',
  'amount',
  'postcode',
  'address',
  'category',
  'categoryGroup',
  'description',
  'serviceArea',
  'institution',
  'date',
  'supplierId',
  'sme',
  'localityOverride',
  'influenceOverride',
] as const;
export type Field = (typeof FIELDS)[number];

/** The add-in's own result columns: output of an earlier run, never input to this one. */
export const RESULT_COLUMN_HEADERS = [
  'Locality',
  'Local authority',
  'Locality basis',
  'Influenceable',
  'Influence reason',
  'Supplier type',
  'Supplier key',
  'Co-op potential',
] as const;

/** Lower case, every run of other characters one space: "Net Amount(£)" → "net amount". */
export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const RESULT_HEADERS = new Set<string>(RESULT_COLUMN_HEADERS.map(normaliseHeader));

export function isResultColumnHeader(text: string): boolean {
  return RESULT_HEADERS.has(normaliseHeader(text));
}

interface HeaderRule {
  field: Field;
  confidence: number;
  pattern: RegExp;
  /** Words that make the rule not apply (a "Supplier ID" is not the supplier's name). */
  unless?: RegExp;
}

/** Patterns over normalised headers, as UK councils, NHS bodies and central government write them. */
const HEADER_RULES: readonly HeaderRule[] = [
  // Supplier
  {
    field: 'supplier',
    confidence: 1,
    pattern: /^(supplier|vendor|payee|creditor|merchant|beneficiary|recipient|contractor)( (trading )?name)?$/,
  },
  { field: 'supplier', confidence: 0.9, pattern: /^(company name|trading name|paid to|pay to|supplier details|payee details)$/ },
  { field: 'supplier', confidence: 0.85, pattern: /^name$/ },
  {
    field: 'supplier',
    confidence: 0.8,
    pattern: /\b(supplier|vendor|payee|creditor|merchant)\b/,
    unless: /\b(id|no|number|num|code|ref|reference|post ?code|postal|address|type|category|sme|vat|account|acc|town|city|county|country|status|group|key|site|count)\b/,
  },
  // Amount: net before anything else; gross only when there is no net.
  {
    field: 'amount',
    confidence: 1,
    pattern: /^nett?( (amount|value|total|spend|cost|paid|payment|sum))?( paid)?( (gbp|pounds|sterling|in gbp))?$/,
  },
  { field: 'amount', confidence: 1, pattern: /^(amount|value|total|spend|cost|sum)( paid)? (excl?|excluding|ex|net of|before) vat$/ },
  {
    field: 'amount',
    confidence: 0.9,
    pattern:
      /^(amount|amount paid|paid amount|payment amount|payment value|value|transaction amount|transaction value|invoice amount|invoice value|line amount|line value|total|total amount|total paid|spend|expenditure|sum|paid|amount gbp|amount in gbp|value gbp|amount in sterling)$/,
  },
  {
    field: 'amount',
    confidence: 0.85,
    pattern: /\bnett?\b/,
    unless: /\b(gross|vat amount|date|code|ref|reference|number|no|id|work|book)\b/,
  },
  {
    field: 'amount',
    confidence: 0.7,
    pattern: /\b(amount|value)\b/,
    unless: /\b(vat|tax|gross|inc|incl|including|code|date|number|no|id|type|band|contract)\b/,
  },
  { field: 'amount', confidence: 0.6, pattern: /^(gross|gross (amount|value|total|paid|spend))$|\b(inc|incl|including) vat\b/ },
  // Postcode and address
  { field: 'postcode', confidence: 0.95, pattern: /\b(post ?code|postal code|zip( code)?|pcode)\b/ },
  { field: 'address', confidence: 0.9, pattern: /\baddress\b/, unless: /\b(e ?mail|web|ip|url)\b/ },
  // Category: what was bought, in the ledger's words
  {
    field: 'category',
    confidence: 0.95,
    pattern:
      /^(expense type|expenses type|expenditure type|expenditure category|expense category|spend category|purchase category|procurement category|category|category description|account detail|account description|account name|gl description|gl account description|gl account name|general ledger description|ledger description|ledger account|nominal description|nominal|subjective|subjective description|subjective name|cost element|cost element description|proclass|proclass description|proclass code|merchant category|detailed expenditure type)$/,
  },
  {
    field: 'category',
    confidence: 0.75,
    pattern: /\b(proclass|subjective|nominal|gl|ledger|expense|expenses|expenditure|category|cost element)\b/,
    unless: /\b(date|amount|value|number|no|num|id|area|vat|payable)\b/,
  },
  // CIPFA's subjective analysis (SeRCOP, formerly BVACOP) and ProClass as finance systems
  // abbreviate them: "Cipfsubj(T)", "SeRCOP Expenditure Category", "Subjective Description".
  { field: 'category', confidence: 0.9, pattern: /\b(cipf\w*|sercop|bvacop|subj\w*|proclass\w*)\b/, unless: /\b(date|amount|value|group|level 1|summary)\b/ },
  { field: 'category', confidence: 0.6, pattern: /^account$/ },
  // The coarser heading of a two-level classification: "Expense Group", "Subjective Group",
  // "ProClass Level 1"; the finer one is the category.
  {
    field: 'categoryGroup',
    confidence: 0.9,
    pattern:
      /\b(cipf\w*|sercop|bvacop|subj\w*|proclass\w*|expense|expenses|expenditure|category|spend|account|cost element)\b.*\b(group|groups|grouping|level 1|summary|main|type group|heading)\b|^(category|expense|expenditure) (group|heading)$/,
    unless: /\b(date|amount|value|number|no|num|id|code|area|vat)\b/,
  },
  // Description of the individual payment
  {
    field: 'description',
    confidence: 0.95,
    pattern:
      /^(description|desc|details|detail|narrative|item|item description|transaction description|payment description|line description|invoice description|purpose|purpose of expenditure|purpose of spend|summary of purpose|reason|reason for payment|comments|notes|goods services|goods and services|service description)$/,
  },
  {
    field: 'description',
    confidence: 0.7,
    pattern: /\b(description|narrative|purpose)\b/,
    unless: /\b(proclass|subjective|nominal|gl|ledger|expense|expenditure|category|account|cost element|cost centre|cost center|service area|department)\b/,
  },
  // Service area: who in the institution spent it
  { field: 'serviceArea', confidence: 1, pattern: /^service areas?( (description|name))?$/ },
  {
    field: 'serviceArea',
    confidence: 0.9,
    pattern:
      /^(service|service division|service label|service cost centre|service cost center|cost centre|cost center|cost centre (description|name)|department|department area|department name|dept|directorate|division|business unit|portfolio|expense area|service department|responsible unit)$/,
  },
  {
    field: 'serviceArea',
    confidence: 0.7,
    pattern: /\b(service|department|directorate|division|cost cent(re|er))\b/,
    unless: /\b(date|amount|value|family|type|provider|description|detail)\b/,
  },
  // Institution: the body that paid
  {
    field: 'institution',
    confidence: 0.95,
    pattern:
      /^(authority|authority name|local authority name|organisation|organisation name|organization|organization name|organisation label|body|body name|council|council name|institution|institution name|entity|department family|public body|anchor|anchor institution|buyer|buyer name|paying body)$/,
  },
  {
    field: 'institution',
    confidence: 0.7,
    pattern: /\b(authority|organisation|organization|institution|entity)\b/,
    unless: /\b(code|id|type|number|no|ref)\b/,
  },
  // Payment date
  {
    field: 'date',
    confidence: 1,
    pattern:
      /^(date|payment date|date of payment|paid date|date paid|pay date|payment run date|transaction date|date of transaction|posting date|posted date|effective date|clearing date|cleared date|value date|process date|processed date|cheque date)$/,
  },
  { field: 'date', confidence: 0.8, pattern: /^(invoice date|date of invoice|document date|invoice payment date)$/ },
  { field: 'date', confidence: 0.7, pattern: /\bdate\b/ },
  // Supplier identifiers
  {
    field: 'supplierId',
    confidence: 0.95,
    pattern:
      /^(supplier|vendor|creditor|payee|company) ?(id|no|number|num|code|ref|reference|account|account no|account number)$|^(company registration number|company reg no|company registration no|companies house (number|no|id)|crn|registration number|charity (registration )?(number|no)|duns( number)?)$/,
  },
  {
    field: 'supplierId',
    confidence: 0.8,
    pattern: /\b(supplier|vendor|creditor|payee|company)\b.*\b(id|no|number|num|code|ref|reference)\b/,
  },
  // SME flag and the add-in's row overrides
  { field: 'sme', confidence: 0.95, pattern: /\bsme\b/ },
  { field: 'localityOverride', confidence: 1, pattern: /^locality override$/ },
  { field: 'influenceOverride', confidence: 1, pattern: /^influence override$/ },
];

export interface HeaderMatch {
  field: Field;
  confidence: number;
}

/** Every field a header could name, best first; none for the add-in's own result columns. */
export function matchHeader(text: string): HeaderMatch[] {
  const header = normaliseHeader(text);
  if (header === '' || RESULT_HEADERS.has(header)) return [];
  const best = new Map<Field, number>();
  for (const rule of HEADER_RULES) {
    if (!rule.pattern.test(header) || rule.unless?.test(header)) continue;
    if ((best.get(rule.field) ?? 0) < rule.confidence) best.set(rule.field, rule.confidence);
  }
  return [...best]
    .map(([field, confidence]) => ({ field, confidence }))
    .sort((a, b) => b.confidence - a.confidence);
}
