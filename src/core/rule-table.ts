/**
 * Rules tables read and written: a CSV file (the command line's --rules and the defaults) or a
 * Rules sheet's cells, with each problem named by its row and column.
 */
import { isBlank, type Cell } from './cell';
import { csvField, parseCsv, type Delimiter } from './csv';
import { BaselineError } from './errors';
import { columnLetter } from './mapping';
import { OPTIONAL_COLUMNS, RULE_COLUMNS, ruleSchema, type Rule, type RuleColumn } from './rule-schema';

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
