/**
 * The influenceability rules: a table of rules, each matching one field of a payment by words,
 * phrases or a pattern, read from a CSV file or a worksheet, and compiled into a rule book that
 * judges a payment by the first rule that matches it (lowest priority number first; ties in
 * table order). Every verdict carries the reason of the rule that gave it.
 *
 * A rule's value is read according to its match:
 * - words: any one of the words matches ("cleaning cleaner hygiene"); "recruit*" matches any
 *   word that starts "recruit";
 * - phrase: the words in this order, next to each other; several phrases are separated by ";"
 *   ("grass cutting; weed control");
 * - pattern: a regular expression tested against the text as written, ignoring case.
 * A supplier_type rule lists supplier types (and "redacted", an individual whose name was
 * withheld); a supplier_activity rule lists kinds of spend that a supplier's registered SIC 2007
 * activities describe (known only for suppliers matched in Companies House); an "any" rule reads the supplier, category, description and service area, each on
 * its own. "{supplier}" in a reason is replaced by the supplier's name.
 *
 * Finance systems abbreviate and misspell ("Purch of Comp Equip", "nonuv Build Rp&Maint",
 * "Paymnets to H A"), so words and phrases are compared after both sides are normalised: case,
 * punctuation, plurals, initials ("H A" is "ha"), little words ("and", "of", "to"…) and common
 * ledger abbreviations.
 */
import { z } from 'zod';
import { fitInCell, isBlank, type Cell } from './cell';
import { INFLUENCES, SUPPLIER_TYPES, type Influence, type SupplierType } from './codes';
import { csvField, parseCsv, type Delimiter } from './csv';
import { BaselineError } from './errors';
import { columnLetter } from './mapping';
import { SPEND_KIND_CODES } from './register-facts';
import { isRedacted } from './supplier-type';

export const RULE_FIELDS = ['supplier', 'supplier_type', 'supplier_activity', 'category', 'description', 'service_area', 'any'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

export const RULE_MATCHES = ['words', 'phrase', 'pattern'] as const;
export type RuleMatch = (typeof RULE_MATCHES)[number];

/** The columns of a rules table, in the order they are written. */
export const RULE_COLUMNS = ['priority', 'field', 'match', 'value', 'within', 'verdict', 'reason', 'coop'] as const;
type RuleColumn = (typeof RULE_COLUMNS)[number];
/** Tables written before `within` existed have none: a rule without it applies anywhere. */
const OPTIONAL_COLUMNS: readonly RuleColumn[] = ['within'];

/** A supplier_type rule may also name this: an individual whose name was withheld. */
export const REDACTED_TYPE = 'redacted';

/** Replaced in a reason by the supplier's name: "Payment to a public body: {supplier}". */
export const SUPPLIER_PLACEHOLDER = '{supplier}';

function listOr(values: readonly string[]): string {
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** "Not influenceable", "service area" → "not_influenceable", "service_area". */
function asCode(value: unknown): unknown {
  return typeof value === 'string' ? value.trim().toLowerCase().replace(/[\s-]+/g, '_') : value;
}

function asText(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? value.trim() : value;
}

/** A blank cell is no value at all. */
function asOptionalText(value: unknown): unknown {
  const text = asText(value);
  return text === null || text === '' ? undefined : text;
}

function asNumber(value: unknown): unknown {
  if (typeof value !== 'string' || value.trim() === '') return value;
  const number = Number(value.trim());
  return Number.isNaN(number) ? value : number;
}

const YES = new Set(['yes', 'y', 'true', '1', 'x']);
const NO = new Set(['no', 'n', 'false', '0', '']);

/** A blank coop cell means no: finance officers leave it empty for most rules. */
function asBoolean(value: unknown): unknown {
  if (value === null || value === undefined) return false;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : value;
  if (typeof value !== 'string') return value;
  const text = value.trim().toLowerCase();
  return YES.has(text) ? true : NO.has(text) ? false : value;
}

function missing(input: unknown): boolean {
  return input === undefined || input === null || (typeof input === 'string' && input.trim() === '');
}

export const ruleSchema = z
  .object({
    priority: z.preprocess(
      asNumber,
      z
        .number({ error: (issue) => (missing(issue.input) ? 'priority is missing' : 'priority must be a number') })
        .finite('priority must be a number'),
    ),
    field: z.preprocess(asCode, z.enum(RULE_FIELDS, { error: `field must be ${listOr(RULE_FIELDS)}` })),
    match: z.preprocess(asCode, z.enum(RULE_MATCHES, { error: `match must be ${listOr(RULE_MATCHES)}` })),
    value: z.preprocess(asText, z.string({ error: 'value is missing' }).min(1, 'value is missing')),
    within: z.preprocess(asOptionalText, z.string({ error: 'within must be text' }).optional()),
    verdict: z.preprocess(asCode, z.enum(INFLUENCES, { error: `verdict must be ${listOr(INFLUENCES)}` })),
    reason: z.preprocess(asText, z.string({ error: 'reason is missing' }).min(1, 'reason is missing')),
    coop: z.preprocess(asBoolean, z.boolean({ error: 'coop must be yes or no' })),
  })
  .superRefine((rule, context) => {
    const problem = valueProblem(rule.field, rule.match, rule.value);
    if (problem) context.addIssue({ code: 'custom', path: ['value'], message: problem });
    if (rule.within !== undefined && phraseMatchers(rule.within).every((phrase) => phrase.length === 0)) {
      context.addIssue({ code: 'custom', path: ['within'], message: 'within has no words to match' });
    }
  });

export type Rule = z.infer<typeof ruleSchema>;

function valueProblem(field: RuleField, match: RuleMatch, value: string): string | null {
  if (field === 'supplier_type') {
    if (match !== 'words') return 'supplier_type rules must match by words';
    const known: readonly string[] = [...SUPPLIER_TYPES, REDACTED_TYPE];
    const unknown = typeWords(value).filter((word) => !known.includes(word));
    if (unknown.length > 0) return `value "${unknown[0]}" is not a supplier type (${listOr(known)})`;
    return null;
  }
  if (field === 'supplier_activity') {
    if (match !== 'words') return 'supplier_activity rules must match by words';
    const unknown = typeWords(value).filter((word) => !(SPEND_KIND_CODES as readonly string[]).includes(word));
    if (unknown.length > 0) return `value "${unknown[0]}" is not a kind of registered activity (${listOr(SPEND_KIND_CODES)})`;
    return null;
  }
  if (match === 'pattern') {
    try {
      new RegExp(value, 'i');
    } catch (error) {
      return `value is not a valid pattern: ${(error as Error).message}`;
    }
    return null;
  }
  const empty = match === 'words' ? wordMatchers(value).length === 0 : phraseMatchers(value).every((p) => p.length === 0);
  return empty ? 'value has no words to match' : null;
}

function typeWords(value: string): string[] {
  return value
    .split(/[\s,;|]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}

// ---------------------------------------------------------------------------------------------
// Reading and writing rules tables.

/** Something wrong in a rules table; `row` and `column` are 0-based indexes into its cells. */
export interface RuleProblem {
  row: number;
  column: number | null;
  message: string;
}

const COLUMN_ALIASES: Record<string, RuleColumn> = {
  priority: 'priority',
  field: 'field',
  match: 'match',
  value: 'value',
  verdict: 'verdict',
  reason: 'reason',
  within: 'within',
  context: 'within',
  coop: 'coop',
  cooperative: 'coop',
  cooppotential: 'coop',
  cooperativepotential: 'coop',
};

/**
 * Reads a rules table (a header row naming the columns in any order, then one rule a row;
 * blank rows are skipped). Valid rules are returned in table order together with every
 * problem found, so that a host can report them all at once.
 */
export function readRuleTable(rows: readonly (readonly Cell[])[]): { rules: Rule[]; problems: RuleProblem[] } {
  const rules: Rule[] = [];
  const problems: RuleProblem[] = [];
  const headerRow = rows.findIndex((row) => !row.every((cell) => isBlank(cell)));
  if (headerRow < 0) {
    problems.push({ row: 0, column: null, message: `no header row (${RULE_COLUMNS.join(', ')})` });
    return { rules, problems };
  }
  const columnOf = new Map<RuleColumn, number>();
  rows[headerRow].forEach((cell, index) => {
    if (isBlank(cell)) return;
    const alias = String(cell).toLowerCase().replace(/[^a-z]/g, '');
    const name = Object.hasOwn(COLUMN_ALIASES, alias) ? COLUMN_ALIASES[alias] : undefined;
    if (!name) {
      problems.push({ row: headerRow, column: index, message: `unknown column "${String(cell).trim()}"; the columns are ${RULE_COLUMNS.join(', ')}` });
    } else if (columnOf.has(name)) {
      problems.push({ row: headerRow, column: index, message: `column "${name}" appears twice` });
    } else {
      columnOf.set(name, index);
    }
  });
  const absent = RULE_COLUMNS.filter((name) => !columnOf.has(name) && !OPTIONAL_COLUMNS.includes(name));
  if (absent.length > 0) {
    problems.push({ row: headerRow, column: null, message: `missing column${absent.length > 1 ? 's' : ''} ${absent.join(', ')}` });
  }
  if (problems.length > 0) return { rules, problems };

  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.every((cell) => isBlank(cell))) continue;
    const input: Partial<Record<RuleColumn, Cell>> = {};
    for (const [name, index] of columnOf) input[name] = row[index] ?? null;
    const parsed = ruleSchema.safeParse(input);
    if (parsed.success) {
      rules.push(parsed.data);
      continue;
    }
    for (const issue of parsed.error.issues) {
      const name = issue.path[0] as RuleColumn | undefined;
      problems.push({ row: r, column: name ? (columnOf.get(name) ?? null) : null, message: issue.message });
    }
  }
  return { rules, problems };
}

/** A rules CSV file that cannot be used; the message names the file, line and column. */
export class RulesError extends BaselineError {
  override name = 'RulesError';

  constructor(
    message: string,
    readonly source: string,
    readonly line: number,
    readonly column: string | null,
  ) {
    super('rules-invalid', message, { file: source, line, ...(column === null ? {} : { column }) });
  }
}

/**
 * Parses a rules CSV (text with or without a byte-order mark; comma, semicolon or tab
 * delimited, as the header line shows). `source` names the file
 * in messages. Throws a RulesError for the first problem.
 */
export function parseRulesCsv(text: string, source: string): Rule[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records = parseCsv(body, headerDelimiter(body));
  const { rules, problems } = readRuleTable(records);
  const first = problems[0];
  if (first) {
    const line = first.row + 1;
    const header = records.find((record) => record.some((cell) => cell.trim() !== ''));
    const column = first.column === null ? null : (header?.[first.column]?.trim() ?? null);
    const where = column === null ? `${source} line ${line}` : `${source} line ${line}, column "${column}"`;
    throw new RulesError(`${where}: ${first.message}`, source, line, column);
  }
  return rules;
}

/**
 * The delimiter of the header line: values may hold semicolons ("edf; sefe") that would
 * mislead a guess made from the whole file.
 */
function headerDelimiter(text: string): Delimiter {
  const header = text.split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? '';
  const count = (delimiter: Delimiter) => header.split(delimiter).length;
  return ([';', '\t'] as const).reduce<Delimiter>((best, d) => (count(d) > count(best) ? d : best), ',');
}

/** A rule as the cells of its row, in RULE_COLUMNS order: the priority a number, the rest text. */
export function ruleCells(rule: Rule): [number, ...string[]] {
  return [rule.priority, rule.field, rule.match, rule.value, rule.within ?? '', rule.verdict, rule.reason, rule.coop ? 'yes' : 'no'];
}

/** The CSV text of a rules table; parseRulesCsv reads it back to the same rules. */
export function rulesToCsv(rules: readonly Rule[]): string {
  const lines = [RULE_COLUMNS.join(',')];
  for (const rule of rules) lines.push(ruleCells(rule).map((cell) => csvField(String(cell))).join(','));
  return lines.join('\n') + '\n';
}

/**
 * Validates the rules of a worksheet whose cells start at A1. Each error names its cell, e.g.
 * "Rules!D7: verdict must be influenceable, not_influenceable or review"; the valid rules are
 * returned so that a host may go on without the invalid ones.
 */
export function validateRulesSheet(rows: readonly (readonly Cell[])[], sheet: string): { rules: Rule[]; errors: string[] } {
  const { rules, problems } = readRuleTable(rows);
  const prefix = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  const errors = problems.map((problem) => {
    const where = problem.column === null ? `row ${problem.row + 1}` : `${columnLetter(problem.column)}${problem.row + 1}`;
    return `${prefix}!${where}: ${problem.message}`;
  });
  return { rules, errors };
}

// ---------------------------------------------------------------------------------------------
// Normalising text for words and phrases.

/**
 * Ledger abbreviations and misspellings, and words kept as written (mapped to themselves) so
 * that the plural rule does not fold them into another word ("works" is not "work").
 */
const ABBREVIATIONS = new Map<string, string[]>(
  Object.entries({
    maint: 'maintenance', mtce: 'maintenance', mntce: 'maintenance', maintce: 'maintenance', maintnce: 'maintenance',
    rm: 'repair maintenance', rp: 'repair', rpr: 'repair', rprs: 'repair',
    equip: 'equipment', eqt: 'equipment', eqpt: 'equipment', equipt: 'equipment', equipmt: 'equipment', eqp: 'equipment',
    purch: 'purchase', purchs: 'purchase',
    pmt: 'payment', pmnt: 'payment', pymt: 'payment', payt: 'payment', pyt: 'payment', paymt: 'payment',
    pymnt: 'payment', paymnet: 'payment', paymnt: 'payment',
    prof: 'professional', profl: 'professional',
    mgt: 'management', mgmt: 'management', mngt: 'management', mgmnt: 'management', mngmt: 'management',
    svc: 'service', serv: 'service',
    veh: 'vehicle', vehcle: 'vehicle', vehicl: 'vehicle',
    comp: 'computer', cmputer: 'computer', computr: 'computer',
    insur: 'insurance', insce: 'insurance',
    exe: 'expense', exp: 'expense',
    ext: 'external',
    misc: 'miscellaneous',
    govt: 'government',
    dept: 'department',
    auth: 'authority',
    assoc: 'association', assn: 'association',
    org: 'organisation', organ: 'organisation', orgn: 'organisation', organization: 'organisation',
    vol: 'voluntary',
    chartble: 'charitable',
    agenc: 'agency', agcy: 'agency', agncy: 'agency', agencie: 'agency',
    admin: 'administration',
    accom: 'accommodation', accomm: 'accommodation', accomodation: 'accommodation', acommodation: 'accommodation',
    transp: 'transport',
    advert: 'advertising', advt: 'advertising',
    bldg: 'building', bld: 'building', build: 'building',
    furn: 'furniture',
    refurb: 'refurbishment',
    devt: 'development',
    mkt: 'marketing', mktg: 'marketing',
    trng: 'training',
    subs: 'subscription', subscr: 'subscription',
    lic: 'licence', licen: 'licence', licenc: 'licence', license: 'licence',
    privt: 'private', priv: 'private',
    resid: 'residential',
    spec: 'special',
    schl: 'school', sch: 'school',
    tel: 'telephone', tele: 'telephone', phone: 'telephone',
    elec: 'electricity', electric: 'electricity',
    hsg: 'housing',
    ctr: 'contractor',
    chg: 'charge', chgs: 'charge', indep: 'independent', edu: 'education', educ: 'education', vouch: 'voucher', contruction: 'construction',
    improv: 'improvement',
    reapir: 'repair', rep: 'repair', pment: 'payment', util: 'utility', utils: 'utility', sals: 'salary', wags: 'wage', repaymt: 'repayment', val: 'valuation',
    bus: 'bus', buse: 'bus',
    works: 'works', parts: 'parts', gas: 'gas', plus: 'plus', news: 'news', premises: 'premises', series: 'series',
  }).map(([word, expansion]) => [word, expansion.split(' ')]),
);

/** Little words that say nothing about what was bought; they are dropped. */
for (const word of ['and', 'of', 'the', 'for', 'to', 'in']) ABBREVIATIONS.set(word, []);

/** A plural made singular, well enough that text and rule agree ("services", "utilities"). */
function singular(word: string): string {
  const n = word.length;
  if (n <= 3 || word.charCodeAt(n - 1) !== 115 /* s */) return word;
  const before = word[n - 2];
  if (before === 's' || before === 'u' || before === 'i' || /\d/.test(word)) return word;
  if (word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.endsWith('sses') || word.endsWith('xes') || word.endsWith('ches') || word.endsWith('shes')) return word.slice(0, -2);
  return word.slice(0, -1);
}

/**
 * The comparable terms of a text: lower case, split at anything not a letter or digit, runs
 * of single letters joined ("R&M" → "rm", "H A" → "ha"), abbreviations expanded, little words
 * dropped, plurals made singular. It runs once for every new text, so it scans by hand.
 */
export function matchTerms(text: string): string[] {
  const lower = text.toLowerCase();
  const terms: string[] = [];
  let initials = '';
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    const word = lower.slice(start, i);
    start = -1;
    if (word.length === 1 && word >= 'a') {
      initials += word;
      continue;
    }
    if (initials) addTerm(terms, initials);
    initials = '';
    addTerm(terms, word);
  }
  if (initials) addTerm(terms, initials);
  return terms;
}

function addTerm(terms: string[], word: string): void {
  let expansion = ABBREVIATIONS.get(word);
  if (expansion === undefined) {
    const one = singular(word);
    expansion = one === word ? undefined : ABBREVIATIONS.get(one);
    if (expansion === undefined) {
      terms.push(one);
      return;
    }
  }
  for (const part of expansion) terms.push(part);
}

/** One word of a rule: a whole term, or the start of one when written with "*". */
type Term = { exact: string } | { prefix: string };

function wordMatchers(value: string): Term[] {
  const terms: Term[] = [];
  for (const word of value.split(/[\s,;|]+/)) {
    if (word.endsWith('*')) {
      const prefix = word.toLowerCase().replace(/[^a-z0-9]/g, '');
      if (prefix) terms.push({ prefix });
    } else {
      for (const exact of matchTerms(word)) terms.push({ exact });
    }
  }
  return terms;
}

/** The phrases of a value ("a; b"), each as its terms in order. */
function phraseMatchers(value: string): Term[][] {
  return value.split(/[;|]/).map((phrase) => {
    const terms: Term[] = [];
    let plain: string[] = [];
    const flush = () => {
      for (const exact of matchTerms(plain.join(' '))) terms.push({ exact });
      plain = [];
    };
    for (const word of phrase.split(/\s+/)) {
      if (word.endsWith('*')) {
        flush();
        const prefix = word.toLowerCase().replace(/[^a-z0-9]/g, '');
        if (prefix) terms.push({ prefix });
      } else {
        plain.push(word);
      }
    }
    flush();
    return terms;
  });
}

function termMatches(term: Term, word: string): boolean {
  return 'exact' in term ? term.exact === word : word.startsWith(term.prefix);
}

// ---------------------------------------------------------------------------------------------
// Compiling and judging.

/** What a payment's own texts say, beside its supplier. */
export interface PaymentText {
  category?: string;
  /** The coarser heading the category sits under: read with the category, and as its context. */
  categoryGroup?: string;
  description?: string;
  serviceArea?: string;
}

export interface PaymentFacts extends PaymentText {
  supplier: string;
  supplierType: SupplierType;
  /** The kinds of spend the supplier's registered activities describe (SPEND_KIND_CODES). */
  supplierActivities?: readonly string[];
}

/** What a supplier's name and type decide, found once for all the payments to it. */
export interface SupplierRule {
  readonly supplier: string;
  /** The first rule (by order tried) the name, type or registered activities match. */
  readonly first: number;
  /** Judgements whose reason names this supplier, by rule. */
  readonly named: Map<number, Judgement>;
  /** The rules with a context (`within`) that the name, type or activities match, in order. */
  readonly inContext: readonly number[];
}

export interface Judgement {
  verdict: Influence;
  reason: string;
  /** The rule that decided, absent when none matched. */
  rule?: Rule;
  /** Whether the category has co-operative potential (from the deciding rule). */
  coop: boolean;
  /** Where the deciding rule is in the book's order (`RuleBook.rules`), or -1 when none matched. */
  position: number;
}

export interface RuleBook {
  /** The rules in the order they are tried. */
  readonly rules: readonly Rule[];
  judge(facts: PaymentFacts): Judgement;
  /** For judging many payments to one supplier: its name, type and activities are read once, here. */
  supplierRule(supplier: string, supplierType: SupplierType, activities?: readonly string[]): SupplierRule;
  judgePayment(supplier: SupplierRule, payment: PaymentText): Judgement;
}

const NO_RULE = Number.POSITIVE_INFINITY;
const NO_MATCH: Judgement = Object.freeze({ verdict: 'review', reason: 'No rule matched', coop: false, position: -1 });

/**
 * Values seen per field are remembered in two generations of up to this many each: when the newer
 * fills it replaces the older, so texts that keep coming back stay and one-off texts (most
 * descriptions) pass through, with memory bounded.
 */
const CACHE_LIMIT = 50_000;

type TextField = 'supplier' | 'category' | 'description' | 'service_area';

/** What was worked out for each text, kept in two generations (see CACHE_LIMIT). */
class TextCache<T> {
  private recent = new Map<string, T>();
  private older = new Map<string, T>();

  constructor(private readonly compute: (text: string) => T) {}

  get(text: string): T {
    let found = this.recent.get(text);
    if (found !== undefined) return found;
    found = this.older.get(text) ?? this.compute(text);
    if (this.recent.size >= CACHE_LIMIT) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(text, found);
    return found;
  }
}

/**
 * The rules that read one text field, indexed so that finding the first rule to match a text
 * costs a few lookups per word rather than a test per rule. Rules are numbered by the order in
 * which they are tried; the lowest number that matches wins.
 */
class FieldMatcher {
  /** By word: the first rule that the word alone matches, and the phrases that start with it. */
  private readonly byWord = new Map<string, { rule: number; phrases: { terms: Term[]; rule: number }[] }>();
  private readonly prefixes: { prefix: string; rule: number }[] = [];
  private readonly otherPhrases: { terms: Term[]; rule: number }[] = [];
  private readonly patterns: { regex: RegExp; rule: number }[] = [];
  private readonly found = new TextCache((text) => this.search(text));
  /** What each term met so far starts: the first rule it alone matches, and the phrases to try from it. */
  private readonly starts = new Map<string, TermStart>();
  /** The first rule this field has: a text need not be searched once a better rule has matched. */
  lowest = NO_RULE;

  add(rule: Rule, index: number): void {
    this.lowest = Math.min(this.lowest, index);
    if (rule.match === 'pattern') {
      this.patterns.push({ regex: new RegExp(rule.value, 'i'), rule: index });
      return;
    }
    const phrases = rule.match === 'words' ? wordMatchers(rule.value).map((term) => [term]) : phraseMatchers(rule.value);
    for (const terms of phrases) {
      if (terms.length === 0) continue;
      const first = terms[0];
      if ('prefix' in first) {
        if (terms.length === 1) this.prefixes.push({ prefix: first.prefix, rule: index });
        else this.otherPhrases.push({ terms, rule: index });
        continue;
      }
      let entry = this.byWord.get(first.exact);
      if (!entry) {
        entry = { rule: NO_RULE, phrases: [] };
        this.byWord.set(first.exact, entry);
      }
      if (terms.length === 1) entry.rule = Math.min(entry.rule, index);
      else entry.phrases.push({ terms, rule: index });
    }
  }

  firstMatch(text: string): number {
    return this.found.get(text);
  }

  private search(text: string): number {
    let best = NO_RULE;
    const words = matchTerms(text);
    for (let i = 0; i < words.length; i++) {
      const start = this.startOf(words[i]);
      if (start.rule < best) best = start.rule;
      if (start.phrases.length > 0) best = firstPhraseAt(start.phrases, words, i, best);
    }
    for (const pattern of this.patterns) {
      if (pattern.rule >= best) break;
      if (pattern.regex.test(text)) return pattern.rule;
    }
    return best;
  }

  /** Texts are mostly new but their words are not: what a word starts is worked out once. */
  private startOf(word: string): TermStart {
    let start = this.starts.get(word);
    if (start) return start;
    const entry = this.byWord.get(word);
    let rule = entry ? entry.rule : NO_RULE;
    for (const prefix of this.prefixes) if (prefix.rule < rule && word.startsWith(prefix.prefix)) rule = prefix.rule;
    const phrases = [...(entry ? entry.phrases : []), ...this.otherPhrases.filter((phrase) => termMatches(phrase.terms[0], word))];
    start = { rule, phrases };
    if (this.starts.size >= CACHE_LIMIT) this.starts.clear();
    this.starts.set(word, start);
    return start;
  }
}

interface TermStart {
  rule: number;
  phrases: { terms: Term[]; rule: number }[];
}

function firstPhraseAt(phrases: readonly { terms: Term[]; rule: number }[], words: string[], at: number, best: number): number {
  let found = best;
  for (const phrase of phrases) {
    if (phrase.rule >= found || at + phrase.terms.length > words.length) continue;
    let k = 0;
    while (k < phrase.terms.length && termMatches(phrase.terms[k], words[at + k])) k++;
    if (k === phrase.terms.length) found = phrase.rule;
  }
  return found;
}

/** Whether a text (with its terms) meets a rule's words, phrases or pattern. */
type TextTest = (text: string, terms: readonly string[]) => boolean;

function textTest(match: RuleMatch, value: string): TextTest {
  if (match === 'pattern') {
    const regex = new RegExp(value, 'i');
    return (text) => regex.test(text);
  }
  const phrases = match === 'words' ? wordMatchers(value).map((term) => [term]) : phraseMatchers(value).filter((terms) => terms.length > 0);
  return (_text, terms) => phrases.some((phrase) => phraseAt(phrase, terms));
}

function phraseAt(phrase: readonly Term[], terms: readonly string[]): boolean {
  for (let at = 0; at + phrase.length <= terms.length; at++) {
    let k = 0;
    while (k < phrase.length && termMatches(phrase[k], terms[at + k])) k++;
    if (k === phrase.length) return true;
  }
  return false;
}

/**
 * The rules that hold only within a context: "Private Contractors" within adult social care is
 * care. A rule's own field is tested as any rule's is; its `within` phrases are looked for in
 * the payment's service area, category group and category. There are few such rules and the
 * texts repeat, so what each text meets is worked out once.
 */
class ContextRules {
  private readonly rules: { index: number; fields: readonly TextField[]; types: readonly string[]; activities: readonly string[]; test: TextTest; within: TextTest }[] = [];
  /** By field: the context rules (positions in `rules`) that a text matches, in order. */
  private readonly matching = new Map<TextField, TextCache<number[]>>();
  /** By context text: which context rules (by position) it satisfies. */
  private readonly satisfies = new TextCache((text) => {
    const terms = matchTerms(text);
    return this.rules.map((rule) => rule.within(text, terms));
  });
  lowest = NO_RULE;

  add(rule: Rule, within: string, index: number): void {
    this.lowest = Math.min(this.lowest, index);
    const field = rule.field;
    const bySupplierFacts = field === 'supplier_type' || field === 'supplier_activity';
    const fields: readonly TextField[] = bySupplierFacts ? [] : field === 'any' ? ['supplier', 'category', 'description', 'service_area'] : [field];
    this.rules.push({
      index,
      fields,
      types: field === 'supplier_type' ? typeWords(rule.value) : [],
      activities: field === 'supplier_activity' ? typeWords(rule.value) : [],
      test: bySupplierFacts ? () => false : textTest(rule.match, rule.value),
      within: textTest('phrase', within),
    });
    for (const field of fields) {
      if (this.matching.has(field)) continue;
      this.matching.set(
        field,
        new TextCache((text) => {
          const terms = matchTerms(text);
          const found: number[] = [];
          this.rules.forEach((candidate, at) => {
            if (candidate.fields.includes(field) && candidate.test(text, terms)) found.push(at);
          });
          return found;
        }),
      );
    }
  }

  /** The context rules (by position, in order) that a supplier's name, types or activities match. */
  ofSupplier(supplier: string, types: readonly string[], activities: readonly string[]): number[] {
    const byName = supplier ? (this.matching.get('supplier')?.get(supplier) ?? []) : [];
    const found: number[] = [];
    this.rules.forEach((rule, at) => {
      if (byName.includes(at) || rule.types.some((type) => types.includes(type)) || rule.activities.some((kind) => activities.includes(kind))) found.push(at);
    });
    return found;
  }

  /** The first context rule (by book order, and before `best`) that the payment meets; else `best`. */
  first(ofSupplier: readonly number[], payment: PaymentText, best: number): number {
    // Field by field, without building a list per payment: this runs for every row.
    let found = ofSupplier.length > 0 ? this.firstOf(ofSupplier, payment, best) : best;
    found = this.firstIn('category', payment.category, payment, found);
    found = this.firstIn('category', payment.categoryGroup, payment, found);
    found = this.firstIn('description', payment.description, payment, found);
    return this.firstIn('service_area', payment.serviceArea, payment, found);
  }

  private firstIn(field: TextField, text: string | undefined, payment: PaymentText, best: number): number {
    if (!text) return best;
    const matching = this.matching.get(field);
    if (!matching) return best;
    const positions = matching.get(text);
    return positions.length > 0 ? this.firstOf(positions, payment, best) : best;
  }

  private firstOf(positions: readonly number[], payment: PaymentText, best: number): number {
    for (const at of positions) {
      const index = this.rules[at].index;
      if (index >= best) break;
      if (this.holds(at, payment.serviceArea) || this.holds(at, payment.categoryGroup) || this.holds(at, payment.category)) return index;
    }
    return best;
  }

  private holds(at: number, context: string | undefined): boolean {
    return context !== undefined && context !== '' && this.satisfies.get(context)[at];
  }
}

/** Orders the rules (by priority, ties in table order) and indexes them for judging. */
export function compileRules(rules: readonly Rule[]): RuleBook {
  const ordered = rules
    .map((rule, position) => ({ rule, position }))
    .sort((a, b) => a.rule.priority - b.rule.priority || a.position - b.position)
    .map(({ rule }) => rule);

  const matchers: Record<TextField, FieldMatcher> = {
    supplier: new FieldMatcher(),
    category: new FieldMatcher(),
    description: new FieldMatcher(),
    service_area: new FieldMatcher(),
  };
  const typeRule = new Map<string, number>();
  const activityRule = new Map<string, number>();
  const inContext = new ContextRules();
  ordered.forEach((rule, index) => {
    if (rule.within !== undefined) {
      inContext.add(rule, rule.within, index);
    } else if (rule.field === 'supplier_type') {
      for (const type of typeWords(rule.value)) if (!typeRule.has(type)) typeRule.set(type, index);
    } else if (rule.field === 'supplier_activity') {
      for (const kind of typeWords(rule.value)) if (!activityRule.has(kind)) activityRule.set(kind, index);
    } else if (rule.field === 'any') {
      for (const matcher of Object.values(matchers)) matcher.add(rule, index);
    } else {
      matchers[rule.field].add(rule, index);
    }
  });
  const redactedRule = typeRule.get(REDACTED_TYPE) ?? NO_RULE;
  // A judgement that does not name the supplier is the same for every payment its rule decides.
  const namesSupplier = ordered.map((rule) => rule.reason.includes(SUPPLIER_PLACEHOLDER));
  const fixed: readonly Judgement[] = ordered.map((rule, position) => Object.freeze({ verdict: rule.verdict, reason: rule.reason, rule, coop: rule.coop, position }));
  const { supplier: supplierField, category, description, service_area: serviceArea } = matchers;

  function supplierRule(supplier: string, supplierType: SupplierType, activities: readonly string[] = []): SupplierRule {
    let first = typeRule.get(supplierType) ?? NO_RULE;
    for (const kind of activities) first = Math.min(first, activityRule.get(kind) ?? NO_RULE);
    if (supplier && supplierField.lowest < first) first = Math.min(first, supplierField.firstMatch(supplier));
    const redacted = supplierType === 'individual' && isRedacted(supplier);
    if (redactedRule < first && redacted) first = redactedRule;
    const types = redacted ? [supplierType, REDACTED_TYPE] : [supplierType];
    return { supplier, first, named: new Map(), inContext: inContext.lowest < NO_RULE ? inContext.ofSupplier(supplier, types, activities) : [] };
  }

  function judgePayment(supplier: SupplierRule, payment: PaymentText): Judgement {
    let best = supplier.first;
    // A field is searched only when it has a rule that could still come first.
    if (payment.category && category.lowest < best) best = Math.min(best, category.firstMatch(payment.category));
    if (payment.categoryGroup && category.lowest < best) best = Math.min(best, category.firstMatch(payment.categoryGroup));
    if (payment.description && description.lowest < best) best = Math.min(best, description.firstMatch(payment.description));
    if (payment.serviceArea && serviceArea.lowest < best) best = Math.min(best, serviceArea.firstMatch(payment.serviceArea));
    if (inContext.lowest < best) best = inContext.first(supplier.inContext, payment, best);
    if (best === NO_RULE) return NO_MATCH;
    if (!namesSupplier[best]) return fixed[best];
    let judgement = supplier.named.get(best);
    if (!judgement) {
      const rule = ordered[best];
      const reason = fitInCell(rule.reason.split(SUPPLIER_PLACEHOLDER).join(supplier.supplier.trim()));
      judgement = Object.freeze({ verdict: rule.verdict, reason, rule, coop: rule.coop, position: best });
      supplier.named.set(best, judgement);
    }
    return judgement;
  }

  // What each supplier name decides, by the type it was given with, so one-off judging stays quick.
  const supplierRules = new Map<SupplierType, Map<string, SupplierRule>>();
  function judge(facts: PaymentFacts): Judgement {
    let ofType = supplierRules.get(facts.supplierType);
    if (!ofType) supplierRules.set(facts.supplierType, (ofType = new Map()));
    const activities = facts.supplierActivities ?? [];
    const key = activities.length > 0 ? `${facts.supplier}\u0000${activities.join(' ')}` : facts.supplier;
    let supplier = ofType.get(key);
    if (!supplier) {
      if (ofType.size >= CACHE_LIMIT) ofType.clear();
      supplier = supplierRule(facts.supplier, facts.supplierType, activities);
      ofType.set(key, supplier);
    }
    return judgePayment(supplier, facts);
  }

  return { rules: ordered, judge, supplierRule, judgePayment };
}
