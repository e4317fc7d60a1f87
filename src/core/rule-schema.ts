/**
 * What a rule of influenceability is: the columns of a rules table and the schema each row
 * must meet. A rule matches one field of a payment by words, phrases or a pattern:
 * - words: any one of the words matches ("cleaning cleaner hygiene"); "recruit*" matches any
 *   word that starts "recruit";
 * - phrase: the words in this order, next to each other; several phrases are separated by ";"
 *   ("grass cutting; weed control");
 * - pattern: a regular expression tested against the text as written, ignoring case.
 * A supplier_type rule lists supplier types (and "redacted", an individual whose name was
 * withheld); a supplier_activity rule lists kinds of spend that a supplier's registered SIC 2007
 * activities describe (known only for suppliers matched in Companies House); an "any" rule reads
 * the supplier, category, description and service area, each on its own. "{supplier}" in a
 * reason is replaced by the supplier's name.
 */
import { z } from 'zod';
import { INFLUENCES, SUPPLIER_TYPES } from './codes';
import { SPEND_KIND_CODES } from './register-facts';
import { phraseMatchers, wordMatchers } from './rule-terms';

export const RULE_FIELDS = ['supplier', 'supplier_type', 'supplier_activity', 'category', 'description', 'service_area', 'any'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

export const RULE_MATCHES = ['words', 'phrase', 'pattern'] as const;
export type RuleMatch = (typeof RULE_MATCHES)[number];

/** The columns of a rules table, in the order they are written. */
export const RULE_COLUMNS = ['priority', 'field', 'match', 'value', 'within', 'verdict', 'reason', 'coop'] as const;
export type RuleColumn = (typeof RULE_COLUMNS)[number];
/** Tables written before `within` existed have none: a rule without it applies anywhere. */
export const OPTIONAL_COLUMNS: readonly RuleColumn[] = ['within'];

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

export function typeWords(value: string): string[] {
  return value
    .split(/[\s,;|]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}
