/**
 * A small evaluator for the formulas an add-in writes (totals, SUMIFS summaries, HYPERLINK).
 * It knows literals, cell and range references (also on other sheets, whole columns, defined
 * names and `Table[Column]` structured references), arithmetic, comparison, `&`, and the
 * functions listed in FUNCTIONS. Anything else evaluates to "#NAME?", as Excel shows for an
 * unknown name; a formula that does not parse does too. Formula references are not adjusted when
 * rows or columns are inserted or deleted.
 */
import type { CellValue } from './cell-entry';
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
type Operand = Scalar | RangeRef;

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
  constructor(private readonly tokens: Token[], private readonly scope: FormulaScope) {}

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
      const a = this.scalar(left);
      const b = this.scalar(this.concatenation());
      if (isError(a)) return a;
      if (isError(b)) return b;
      left = compare(a, op, b);
    }
    return left;
  }

  private concatenation(): Operand {
    let left = this.additive();
    while (this.peekOp('&')) {
      this.pos++;
      const a = this.scalar(left);
      const b = this.scalar(this.additive());
      left = isError(a) ? a : isError(b) ? b : textOf(a) + textOf(b);
    }
    return left;
  }

  private additive(): Operand {
    let left = this.multiplicative();
    for (let op = this.peekOp('+', '-'); op; op = this.peekOp('+', '-')) {
      this.pos++;
      left = arithmetic(this.scalar(left), op, this.scalar(this.multiplicative()));
    }
    return left;
  }

  private multiplicative(): Operand {
    let left = this.power();
    for (let op = this.peekOp('*', '/'); op; op = this.peekOp('*', '/')) {
      this.pos++;
      left = arithmetic(this.scalar(left), op, this.scalar(this.power()));
    }
    return left;
  }

  private power(): Operand {
    const left = this.unary();
    if (this.peekOp('^')) {
      this.pos++;
      return arithmetic(this.scalar(left), '^', this.scalar(this.power()));
    }
    return left;
  }

  private unary(): Operand {
    const op = this.peekOp('-', '+');
    if (op) {
      this.pos++;
      const value = this.scalar(this.unary());
      return op === '-' ? arithmetic(0, '-', value) : value;
    }
    let value = this.primary();
    while (this.peekOp('%')) {
      this.pos++;
      value = arithmetic(this.scalar(value), '/', 100);
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
    if (!this.peekOp(')')) {
      for (;;) {
        args.push(this.comparison());
        if (!this.peekOp(',')) break;
        this.pos++;
      }
    }
    this.expectOp(')');
    const fn = FUNCTIONS[name];
    return fn ? fn(args, this) : new FormulaError('#NAME?');
  }

  scalar(operand: Operand): Scalar {
    if (typeof operand !== 'object' || isError(operand)) return operand;
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

/** SUMIF-style criteria: a value, or a string such as ">5", "<>x", "=abc", "=a*" (wildcards with = and <>). */
function matchesCriterion(value: Scalar, criterion: Scalar): boolean {
  if (isError(value)) return false;
  if (typeof criterion === 'string') {
    const m = /^(<=|>=|<>|<|>|=)?(.*)$/.exec(criterion)!;
    const op = m[1] ?? '=';
    const operand = m[2];
    const asNumber = operand.trim() !== '' && Number.isFinite(Number(operand)) ? Number(operand) : null;
    if (asNumber !== null && (typeof value === 'number' || op !== '=')) {
      return typeof value === 'number' && compare(value, op, asNumber);
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
  for (let i = 0; i < length; i++) {
    if (!pairs.every(([cells, criterion]) => matchesCriterion(cells[i] ?? '', criterion))) continue;
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
  COUNTIF: (args, ev) => conditional(args, ev, null),
  COUNTIFS: (args, ev) => conditional(args, ev, null),
  // ROWS(reference): the rows of the reference, used or not (a single value has one).
  ROWS: (args) => {
    const arg = args[0];
    if (arg === undefined) return new FormulaError('#VALUE!');
    if (isError(arg)) return arg;
    return typeof arg === 'object' ? arg.rect.bottom - arg.rect.top + 1 : 1;
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
