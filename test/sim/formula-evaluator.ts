/**
 * A small evaluator for the formulas an add-in writes (totals, SUMIFS and SUMPRODUCT summaries,
 * HYPERLINK). It knows literals, cell and range references (also on other sheets, whole columns,
 * defined names and `Table[Column]` structured references), arithmetic, comparison, `&`, and the
 * functions listed in FUNCTIONS; inside SUMPRODUCT's arguments an operator applies to every cell
 * of a range, as Excel evaluates them as arrays. Anything else evaluates to "#NAME?", as Excel
 * shows for an unknown name; a formula that does not parse does too. Formula references are not
 * adjusted when rows or columns are inserted or deleted.
 */
import { parseTypedText, type CellValue } from './cell-entry';
import { parseAddress, MAX_ROWS, type Rect } from './grid-address';

export interface RangeRef {
  kind: 'range';
  sheet: string;
  rect: Rect;
}

export interface FormulaScope {
  /** The sheet the formula is on, for unqualified references. */
  readonly sheetName: string;
  /** A cell's value, formulas evaluated; "" for empty; "#REF!" for a missing sheet. */
  cellValue(sheet: string, row: number, column: number): CellValue | '';
  /** The last row holding anything on a sheet, to bound whole-column references. */
  lastUsedRow(sheet: string): number;
  /** A defined name or a `Table[Column]` reference, as a range. */
  resolveName(name: string, column?: string): RangeRef | null;
}

class FormulaError {
  constructor(readonly code: string) {}
}

type Scalar = CellValue | '' | FormulaError;
/** The values an operator gave for every cell of a range, inside SUMPRODUCT. */
interface ArrayValue {
  kind: 'array';
  values: Scalar[];
}
type Operand = Scalar | RangeRef | ArrayValue;

const isArrayValue = (v: unknown): v is ArrayValue => typeof v === 'object' && v !== null && (v as ArrayValue).kind === 'array';
const isRange = (v: unknown): v is RangeRef => typeof v === 'object' && v !== null && (v as RangeRef).kind === 'range';

/** `fn` for two values, cell by cell when either is an array (a single value goes with every cell). */
function elementwise(a: Scalar | ArrayValue, b: Scalar | ArrayValue, fn: (x: Scalar, y: Scalar) => Scalar): Scalar | ArrayValue {
  if (!isArrayValue(a) && !isArrayValue(b)) return fn(a, b);
  const length = isArrayValue(a) ? a.values.length : (b as ArrayValue).values.length;
  if (isArrayValue(a) && isArrayValue(b) && a.values.length !== b.values.length) return new FormulaError('#VALUE!');
  const at = (v: Scalar | ArrayValue, i: number): Scalar => (isArrayValue(v) ? v.values[i] : v);
  return { kind: 'array', values: Array.from({ length }, (_, i) => fn(at(a, i), at(b, i))) };
}

type Token =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'ref'; v: string }
  | { t: 'name'; v: string }
  | { t: 'op'; v: string };

const REF = /^(?:(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(?:\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)/;
const NAME = /^[A-Za-z_\\][\w.]*(?:\[[^\]]*\])?/;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const ch = source[i];
    if (ch === ' ') { i++; continue; }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(rest);
    if (num) { tokens.push({ t: 'num', v: Number(num[0]) }); i += num[0].length; continue; }
    if (ch === '"') {
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= source.length) throw new FormulaError('#NAME?');
        if (source[j] === '"') {
          if (source[j + 1] === '"') { text += '"'; j += 2; continue; }
          break;
        }
        text += source[j++];
      }
      tokens.push({ t: 'str', v: text });
      i = j + 1;
      continue;
    }
    const ref = REF.exec(rest);
    if (ref && !/^[\w.(]/.test(rest.slice(ref[0].length))) { tokens.push({ t: 'ref', v: ref[0] }); i += ref[0].length; continue; }
    const name = NAME.exec(rest);
    if (name) { tokens.push({ t: 'name', v: name[0] }); i += name[0].length; continue; }
    const op = /^(?:<>|<=|>=|[-+*/^&=<>(),%])/.exec(rest);
    if (op) { tokens.push({ t: 'op', v: op[0] }); i += op[0].length; continue; }
    throw new FormulaError('#NAME?');
  }
  return tokens;
}

const isError = (v: unknown): v is FormulaError => v instanceof FormulaError;

class Evaluation {
  private pos = 0;
  /** Above 0 inside SUMPRODUCT's arguments, where an operator takes a range as all its cells. */
  private arrayDepth = 0;
  constructor(private readonly tokens: Token[], private readonly scope: FormulaScope) {}

  /** What an operator works on: a single value, or, inside SUMPRODUCT, every cell of a range. */
  private operandValue(operand: Operand): Scalar | ArrayValue {
    if (this.arrayDepth > 0 && (isRange(operand) || isArrayValue(operand))) return isRange(operand) ? { kind: 'array', values: this.rangeCells(operand) } : operand;
    return this.scalar(operand);
  }

  run(): Operand {
    const value = this.comparison();
    if (this.pos < this.tokens.length) throw new FormulaError('#NAME?');
    return value;
  }

  private peekOp(...ops: string[]): string | null {
    const token = this.tokens[this.pos];
    return token?.t === 'op' && ops.includes(token.v) ? token.v : null;
  }

  private expectOp(op: string): void {
    if (!this.peekOp(op)) throw new FormulaError('#NAME?');
    this.pos++;
  }

  private comparison(): Operand {
    let left = this.concatenation();
    for (let op = this.peekOp('=', '<>', '<', '>', '<=', '>='); op; op = this.peekOp('=', '<>', '<', '>', '<=', '>=')) {
      this.pos++;
      const comparator = op;
      left = elementwise(this.operandValue(left), this.operandValue(this.concatenation()), (a, b) => (isError(a) ? a : isError(b) ? b : compare(a, comparator, b)));
    }
    return left;
  }

  private concatenation(): Operand {
    let left = this.additive();
    while (this.peekOp('&')) {
      this.pos++;
      left = elementwise(this.operandValue(left), this.operandValue(this.additive()), (a, b) => (isError(a) ? a : isError(b) ? b : textOf(a) + textOf(b)));
    }
    return left;
  }

  private additive(): Operand {
    let left = this.multiplicative();
    for (let op = this.peekOp('+', '-'); op; op = this.peekOp('+', '-')) {
      this.pos++;
      const operator = op;
      left = elementwise(this.operandValue(left), this.operandValue(this.multiplicative()), (a, b) => arithmetic(a, operator, b));
    }
    return left;
  }

  private multiplicative(): Operand {
    let left = this.power();
    for (let op = this.peekOp('*', '/'); op; op = this.peekOp('*', '/')) {
      this.pos++;
      const operator = op;
      left = elementwise(this.operandValue(left), this.operandValue(this.power()), (a, b) => arithmetic(a, operator, b));
    }
    return left;
  }

  private power(): Operand {
    const left = this.unary();
    if (this.peekOp('^')) {
      this.pos++;
      return elementwise(this.operandValue(left), this.operandValue(this.power()), (a, b) => arithmetic(a, '^', b));
    }
    return left;
  }

  private unary(): Operand {
    const op = this.peekOp('-', '+');
    if (op) {
      this.pos++;
      const value = this.operandValue(this.unary());
      return op === '-' ? elementwise(0, value, (a, b) => arithmetic(a, '-', b)) : value;
    }
    let value = this.primary();
    while (this.peekOp('%')) {
      this.pos++;
      value = elementwise(this.operandValue(value), 100, (a, b) => arithmetic(a, '/', b));
    }
    return value;
  }

  private primary(): Operand {
    const token = this.tokens[this.pos++];
    if (!token) throw new FormulaError('#NAME?');
    switch (token.t) {
      case 'num':
      case 'str':
        return token.v;
      case 'ref':
        return this.reference(token.v);
      case 'op':
        if (token.v === '(') {
          const inner = this.comparison();
          this.expectOp(')');
          return inner;
        }
        throw new FormulaError('#NAME?');
      case 'name': {
        const upper = token.v.toUpperCase();
        if (this.peekOp('(')) return this.call(upper);
        if (upper === 'TRUE' || upper === 'FALSE') return upper === 'TRUE';
        const structured = /^([^[]+)\[([^\]]*)\]$/.exec(token.v);
        const resolved = structured
          ? this.scope.resolveName(structured[1], structured[2])
          : this.scope.resolveName(token.v);
        if (!resolved) return new FormulaError('#NAME?');
        return resolved;
      }
    }
  }

  private reference(text: string): Operand {
    const parsed = parseAddress(text);
    if (!parsed) return new FormulaError('#REF!');
    return { kind: 'range', sheet: parsed.sheetName ?? this.scope.sheetName, rect: parsed.rect };
  }

  private call(name: string): Operand {
    this.expectOp('(');
    const args: Operand[] = [];
    const arrays = ARRAY_ARGUMENT_FUNCTIONS.has(name);
    if (arrays) this.arrayDepth++;
    try {
      if (!this.peekOp(')')) {
        for (;;) {
          args.push(this.comparison());
          if (!this.peekOp(',')) break;
          this.pos++;
        }
      }
    } finally {
      if (arrays) this.arrayDepth--;
    }
    this.expectOp(')');
    const fn = FUNCTIONS[name];
    return fn ? fn(args, this) : new FormulaError('#NAME?');
  }

  scalar(operand: Operand): Scalar {
    if (typeof operand !== 'object' || isError(operand)) return operand;
    if (isArrayValue(operand)) return operand.values[0] ?? '';
    const { rect } = operand;
    // A multi-cell range used as a single value is Excel's implicit intersection; the top-left cell stands in.
    return this.scope.cellValue(operand.sheet, rect.top, rect.left);
  }

  /** Every value an argument stands for: the cells of a range (bounded to the used rows) or the value itself. */
  *cells(operand: Operand): Generator<Scalar> {
    if (typeof operand !== 'object' || isError(operand)) {
      yield operand;
      return;
    }
    if (isArrayValue(operand)) {
      yield* operand.values;
      return;
    }
    const bottom = operand.rect.bottom === MAX_ROWS - 1 ? Math.min(operand.rect.bottom, this.scope.lastUsedRow(operand.sheet)) : operand.rect.bottom;
    for (let r = operand.rect.top; r <= bottom; r++) {
      for (let c = operand.rect.left; c <= operand.rect.right; c++) yield this.scope.cellValue(operand.sheet, r, c);
    }
  }

  rangeCells(operand: Operand): Scalar[] {
    return [...this.cells(operand)];
  }
}

function textOf(value: Scalar): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isError(value)) return value.code;
  return String(value);
}

function numberOf(value: Scalar): number | FormulaError {
  if (isError(value)) return value;
  if (value === '') return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  const n = Number(value.trim());
  return value.trim() !== '' && Number.isFinite(n) ? n : new FormulaError('#VALUE!');
}

function arithmetic(a: Scalar, op: string, b: Scalar): Scalar {
  const x = numberOf(a);
  const y = numberOf(b);
  if (isError(x)) return x;
  if (isError(y)) return y;
  switch (op) {
    case '+': return x + y;
    case '-': return x - y;
    case '*': return x * y;
    case '/': return y === 0 ? new FormulaError('#DIV/0!') : x / y;
    default: return x ** y;
  }
}

function compare(a: Scalar, op: string, b: Scalar): boolean {
  // A blank cell equals 0 beside a number, FALSE beside a boolean, and "" beside text.
  const blankAs = (other: Scalar): CellValue => (typeof other === 'number' ? 0 : typeof other === 'boolean' ? false : '');
  const x = (a === '' ? blankAs(b) : a) as CellValue;
  const y = (b === '' ? blankAs(a) : b) as CellValue;
  const rank = (v: CellValue): number => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  let order: number;
  if (rank(x) !== rank(y)) order = rank(x) - rank(y);
  else if (typeof x === 'string') order = x.toLowerCase().localeCompare(String(y).toLowerCase());
  else order = Number(x) - Number(y);
  switch (op) {
    case '=': return order === 0;
    case '<>': return order !== 0;
    case '<': return order < 0;
    case '>': return order > 0;
    case '<=': return order <= 0;
    default: return order >= 0;
  }
}

/**
 * A text criterion's pattern: "?" is any one character, "*" any run of them, and "~" before
 * either (or before "~") makes it literal. SUMIFS function (support.microsoft.com): "Use wildcard
 * characters such as the question mark (?) and asterisk (*) in criteria [...] If you want to find
 * an actual question mark or asterisk, type a tilde (~) before the character."
 */
function wildcardPattern(text: string): RegExp {
  let source = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '~' && i + 1 < text.length && '*?~'.includes(text[i + 1])) source += `\\${text[++i]}`;
    else if (ch === '*') source += '[\\s\\S]*';
    else if (ch === '?') source += '[\\s\\S]';
    else source += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'i');
}

/** Text criteria longer than this do not match (see `matchesCriterion`). */
const MAX_CRITERION_CHARACTERS = 255;

/**
 * SUMIF-style criteria: a value, or a string such as ">5", "<>x", "=abc", "=a*" (wildcards with
 * = and <>).
 *
 * A criterion that reads as a number, percentage, date or boolean is that value: the criteria can
 * be "32", ">32" or "apples" (WorksheetFunction.CountIf, learn.microsoft.com), "32" standing for
 * the number. With = and <> it also matches text cells that read as that value ("0032", "32.0"),
 * as COUNTIF and SUMIF are reported to do with numbers stored as text (they turn such text into
 * numbers, so long digit strings that differ only after the 15th digit count as one). The reading
 * is the host culture's (en-US here, see cell-entry.ts).
 *
 * "The SUMIF function returns incorrect results when you use it to match strings longer than 255
 * characters" (SUMIF and COUNTIF, support.microsoft.com): here such a criterion is #VALUE!.
 */
function matchesCriterion(value: Scalar, criterion: Scalar): boolean | FormulaError {
  if (isError(value)) return false;
  if (typeof criterion === 'string') {
    if (criterion.length > MAX_CRITERION_CHARACTERS) return new FormulaError('#VALUE!');
    const m = /^(<=|>=|<>|<|>|=)?(.*)$/.exec(criterion)!;
    const op = m[1] ?? '=';
    const operand = m[2];
    const typed = parseTypedText(operand)?.value;
    if (typed !== undefined) {
      if (op === '=' || op === '<>') {
        const read = typeof value === 'string' ? parseTypedText(value)?.value : value;
        return (read === typed) === (op === '=');
      }
      return typeof value === typeof typed && compare(value, op, typed);
    }
    if (op === '=' && operand === '') return value === '';
    if ((op === '=' || op === '<>') && typeof value === 'string') {
      return wildcardPattern(operand).test(value) === (op === '=');
    }
    return compare(typeof value === 'number' ? String(value) : value, op, operand);
  }
  return compare(value, '=', criterion);
}

type Fn = (args: Operand[], ev: Evaluation) => Operand;

/** Functions whose arguments are evaluated as arrays. */
const ARRAY_ARGUMENT_FUNCTIONS = new Set(['SUMPRODUCT']);

/**
 * SUMPRODUCT(array1, …): the sum of the products of corresponding entries; "treats array entries
 * that are not numeric as if they were zeros" (support.microsoft.com), so TRUE/FALSE count only
 * once arithmetic has made numbers of them.
 */
function sumProduct(args: Operand[], ev: Evaluation): Operand {
  const arrays = args.map((arg) => ev.rangeCells(arg));
  const length = arrays[0]?.length ?? 0;
  if (arrays.some((a) => a.length !== length)) return new FormulaError('#VALUE!');
  let total = 0;
  for (let i = 0; i < length; i++) {
    let product = 1;
    for (const array of arrays) {
      const v = array[i];
      if (isError(v)) return v;
      product *= typeof v === 'number' ? v : 0;
    }
    total += product;
  }
  return total;
}

/** SUBTOTAL's function numbers for the functions known here. */
const SUBTOTAL_FUNCTIONS: Record<number, string> = { 1: 'AVERAGE', 2: 'COUNT', 3: 'COUNTA', 4: 'MAX', 5: 'MIN', 9: 'SUM' };

function numbersIn(args: Operand[], ev: Evaluation): number[] | FormulaError {
  const numbers: number[] = [];
  for (const arg of args) {
    const direct = typeof arg !== 'object' || isError(arg);
    for (const v of ev.cells(arg)) {
      if (isError(v)) return v;
      if (typeof v === 'number') numbers.push(v);
      else if (direct && v !== '') {
        const n = numberOf(v);
        if (isError(n)) return n;
        numbers.push(n);
      }
    }
  }
  return numbers;
}

function conditional(args: Operand[], ev: Evaluation, sumRange: Operand | null): Operand {
  const pairs: Array<[Scalar[], Scalar]> = [];
  for (let i = 0; i + 1 < args.length; i += 2) pairs.push([ev.rangeCells(args[i]), ev.scalar(args[i + 1])]);
  const target = sumRange ? ev.rangeCells(sumRange) : null;
  let total = 0;
  let count = 0;
  const length = pairs[0]?.[0].length ?? 0;
  for (const [, criterion] of pairs) {
    const checked = matchesCriterion('', criterion);
    if (isError(checked)) return checked;
  }
  for (let i = 0; i < length; i++) {
    if (!pairs.every(([cells, criterion]) => matchesCriterion(cells[i] ?? '', criterion) === true)) continue;
    count++;
    const v = target?.[i];
    if (typeof v === 'number') total += v;
  }
  return sumRange ? total : count;
}

const FUNCTIONS: Record<string, Fn> = {
  SUM: (args, ev) => {
    const n = numbersIn(args, ev);
    return isError(n) ? n : n.reduce((a, b) => a + b, 0);
  },
  COUNT: (args, ev) => args.reduce<number>((count, arg) => count + ev.rangeCells(arg).filter((v) => typeof v === 'number').length, 0),
  COUNTA: (args, ev) => args.reduce<number>((count, arg) => count + ev.rangeCells(arg).filter((v) => v !== '').length, 0),
  AVERAGE: (args, ev) => {
    const n = numbersIn(args, ev);
    if (isError(n)) return n;
    return n.length === 0 ? new FormulaError('#DIV/0!') : n.reduce((a, b) => a + b, 0) / n.length;
  },
  MIN: (args, ev) => {
    const n = numbersIn(args, ev);
    return isError(n) ? n : n.length === 0 ? 0 : Math.min(...n);
  },
  MAX: (args, ev) => {
    const n = numbersIn(args, ev);
    return isError(n) ? n : n.length === 0 ? 0 : Math.max(...n);
  },
  ABS: (args, ev) => {
    const n = numberOf(ev.scalar(args[0] ?? ''));
    return isError(n) ? n : Math.abs(n);
  },
  ROUND: (args, ev) => {
    const n = numberOf(ev.scalar(args[0] ?? ''));
    const digits = numberOf(ev.scalar(args[1] ?? 0));
    if (isError(n)) return n;
    if (isError(digits)) return digits;
    const factor = 10 ** Math.trunc(digits);
    return (Math.sign(n) * Math.round(Math.abs(n) * factor + 1e-9)) / factor;
  },
  IF: (args, ev) => {
    const test = ev.scalar(args[0] ?? false);
    if (isError(test)) return test;
    const truthy = typeof test === 'string' ? test !== '' : Boolean(test);
    return truthy ? (args[1] ?? true) : (args[2] ?? false);
  },
  IFERROR: (args, ev) => {
    const value = ev.scalar(args[0] ?? '');
    return isError(value) ? (args[1] ?? '') : value;
  },
  AND: (args, ev) => args.every((a) => Boolean(ev.scalar(a))),
  OR: (args, ev) => args.some((a) => Boolean(ev.scalar(a))),
  NOT: (args, ev) => !ev.scalar(args[0] ?? false),
  SUMIF: (args, ev) => conditional([args[0], args[1]], ev, args[2] ?? args[0]),
  SUMIFS: (args, ev) => conditional(args.slice(1), ev, args[0]),
  SUMPRODUCT: sumProduct,
  COUNTIF: (args, ev) => conditional(args, ev, null),
  COUNTIFS: (args, ev) => conditional(args, ev, null),
  // ROWS(reference): the rows of the reference, used or not (a single value has one).
  ROWS: (args) => {
    const arg = args[0];
    if (arg === undefined) return new FormulaError('#VALUE!');
    if (isError(arg)) return arg;
    return isRange(arg) ? arg.rect.bottom - arg.rect.top + 1 : isArrayValue(arg) ? arg.values.length : 1;
  },
  // SUBTOTAL(function_num, ref…): 1-11 count hidden rows, 101-111 do not (no row is hidden here).
  SUBTOTAL: (args, ev) => {
    const code = numberOf(ev.scalar(args[0] ?? ''));
    if (isError(code)) return code;
    const fn = FUNCTIONS[SUBTOTAL_FUNCTIONS[Math.trunc(code) % 100] ?? ''];
    return fn ? fn(args.slice(1), ev) : new FormulaError('#VALUE!');
  },
  CONCATENATE: (args, ev) => args.map((a) => textOf(ev.scalar(a))).join(''),
  CONCAT: (args, ev) => args.flatMap((a) => ev.rangeCells(a)).map(textOf).join(''),
  LEN: (args, ev) => textOf(ev.scalar(args[0] ?? '')).length,
  UPPER: (args, ev) => textOf(ev.scalar(args[0] ?? '')).toUpperCase(),
  LOWER: (args, ev) => textOf(ev.scalar(args[0] ?? '')).toLowerCase(),
  TRIM: (args, ev) => textOf(ev.scalar(args[0] ?? '')).trim().replace(/ +/g, ' '),
  // A link's cell value is its friendly name (or the address when there is none).
  HYPERLINK: (args, ev) => ev.scalar(args[1] ?? args[0] ?? ''),
};

/** The value of `formula` (with its leading "="), as Excel would show it in `Range.values`. */
export function evaluateFormula(formula: string, scope: FormulaScope): CellValue | '' {
  try {
    const evaluation = new Evaluation(tokenize(formula.slice(1)), scope);
    const result = evaluation.scalar(evaluation.run());
    if (isError(result)) return result.code;
    return result;
  } catch (error) {
    if (error instanceof FormulaError) return error.code;
    throw error;
  }
}
