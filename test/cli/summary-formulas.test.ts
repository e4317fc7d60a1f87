/**
 * Every summary figure is a formula over the analysis sheet, written with the value it has.
 * Here each formula is computed again from the written analysis sheet, the way Excel computes
 * it (SUMIFS and COUNTIFS match text ignoring case), and must give the value written beside it.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { runIn, temporaryFolder } from './cli-harness';

type Value = number | string;

/** Just the formula language the report writes: SUM, SUMIFS, COUNTIFS, ROWS, IF, + - * / and >. */
class FormulaEvaluator {
  private text = '';
  private at = 0;

  constructor(private readonly workbook: ExcelJS.Workbook) {}

  evaluate(formula: string): Value {
    this.text = formula;
    this.at = 0;
    const value = this.comparison();
    if (this.at !== this.text.length) throw new Error(`cannot read "${formula}" at ${this.at}`);
    return value as Value;
  }

  private peek(): string {
    return this.text[this.at];
  }

  private expect(ch: string): void {
    if (this.text[this.at] !== ch) throw new Error(`expected ${ch} at ${this.at} of ${this.text}`);
    this.at++;
  }

  private comparison(): Value | string[] {
    const left = this.sum();
    if (this.peek() !== '>') return left;
    this.at++;
    return Number(left) > Number(this.sum()) ? 1 : 0;
  }

  private sum(): Value {
    let value = this.product();
    while (this.peek() === '+' || this.peek() === '-') {
      const op = this.text[this.at++];
      const right = Number(this.product());
      value = op === '+' ? Number(value) + right : Number(value) - right;
    }
    return value;
  }

  private product(): Value {
    let value = this.factor();
    while (this.peek() === '*' || this.peek() === '/') {
      const op = this.text[this.at++];
      const right = Number(this.factor());
      value = op === '*' ? Number(value) * right : Number(value) / right;
    }
    return value;
  }

  private factor(): Value {
    const ch = this.peek();
    if (ch === '(') {
      this.at++;
      const value = this.comparison() as Value;
      this.expect(')');
      return value;
    }
    if (ch === '"') return this.stringLiteral();
    const number = /^\d+(\.\d+)?/.exec(this.text.slice(this.at));
    if (number) {
      this.at += number[0].length;
      return Number(number[0]);
    }
    const name = /^[A-Z]+\(/.exec(this.text.slice(this.at));
    if (!name) throw new Error(`cannot read "${this.text}" at ${this.at}`);
    this.at += name[0].length;
    return this.call(name[0].slice(0, -1));
  }

  private stringLiteral(): string {
    this.expect('"');
    let value = '';
    for (;;) {
      const ch = this.text[this.at++];
      if (ch === '"') {
        if (this.peek() !== '"') return value;
        this.at++;
      }
      value += ch;
    }
  }

  /** A range such as 'Analysis data'!$E$2:$E$3401, as its cells' values. */
  private range(): Value[] {
    const match = /^('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)/.exec(this.text.slice(this.at));
    if (!match) throw new Error(`expected a range at ${this.at} of ${this.text}`);
    this.at += match[0].length;
    const sheetName = match[1].startsWith("'") ? match[1].slice(1, -1).replace(/''/g, "'") : match[1];
    const sheet = this.workbook.getWorksheet(sheetName)!;
    const values: Value[] = [];
    for (let r = Number(match[3]); r <= Number(match[5]); r++) {
      const value = sheet.getCell(`${match[2]}${r}`).value;
      values.push(typeof value === 'number' || typeof value === 'string' ? value : '');
    }
    return values;
  }

  private call(name: string): Value {
    const args: (Value | Value[])[] = [];
    while (this.peek() !== ')') {
      args.push(this.peek() === "'" || /^[A-Za-z_][A-Za-z0-9_.]*!/.test(this.text.slice(this.at)) ? this.range() : (this.comparison() as Value));
      if (this.peek() === ',') this.at++;
    }
    this.at++;
    const ranges = args as Value[][];
    switch (name) {
      case 'SUM':
        return ranges[0].reduce<number>((a, v) => a + (typeof v === 'number' ? v : 0), 0);
      case 'ROWS':
        return ranges[0].length;
      case 'IF':
        return args[0] ? (args[1] as Value) : (args[2] as Value);
      case 'SUMIFS':
      case 'COUNTIFS': {
        const [sumRange, pairs] = name === 'SUMIFS' ? [ranges[0], args.slice(1)] : [undefined, args];
        const length = (pairs[0] as Value[]).length;
        let total = 0;
        for (let i = 0; i < length; i++) {
          let all = true;
          for (let p = 0; p < pairs.length; p += 2) {
            if (!matches((pairs[p] as Value[])[i], pairs[p + 1] as string)) all = false;
          }
          if (all) total += sumRange ? (typeof sumRange[i] === 'number' ? (sumRange[i] as number) : 0) : 1;
        }
        return total;
      }
      default:
        throw new Error(`the report does not write ${name}`);
    }
  }
}

/** Excel's "=text" criterion: equal ignoring case, with ~ escaping * ? and ~ (no wildcards are written unescaped). */
function matches(value: Value, criterion: string): boolean {
  if (!criterion.startsWith('=')) throw new Error(`unexpected criterion ${criterion}`);
  const wanted = criterion.slice(1).replace(/~([*?~])/g, '$1');
  return String(value).toLowerCase() === wanted.toLowerCase();
}

test('every formula on the summary sheets computes to the value written beside it', async () => {
  const folder = temporaryFolder('formulas');
  // Categories that differ only in case, payments without a category or an institution, a
  // supplier whose name holds a wildcard, and a credit.
  fs.writeFileSync(
    path.join(folder, 'spend.csv'),
    [
      'Body,Supplier Name,Supplier Postcode,Expense Type,Net Amount',
      'Preston City Council,Fishergate Cleaning Ltd,PR1 2AA,Cleaning Services,100.00',
      'Preston City Council,Fishergate Cleaning Ltd,PR1 2AA,CLEANING SERVICES,50.00',
      'Lancashire County Council,Star * Roofing Ltd,PR25 1AA,Building Repairs,400.00',
      ',Manchester Legal LLP,M1 1AE,,200.00',
      'Preston City Council,EDF Energy Customers Ltd,M3 5AB,Electricity,-25.00',
      'Preston City Council,Nowhere Ltd,,Printing ~ copying,10.00',
    ].join('\r\n'),
  );
  const run = await runIn(folder, ['spend.csv', '--local', 'Preston', '--wider', 'Lancashire']);
  expect(run.code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(folder, 'spend-baseline.xlsx'));
  const evaluator = new FormulaEvaluator(workbook);
  let checked = 0;
  for (const name of ['Baseline', 'Top suppliers', 'Method', 'Opportunities']) {
    workbook.getWorksheet(name)!.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value as ExcelJS.CellFormulaValue;
        if (!value || typeof value !== 'object' || !('formula' in value)) return;
        const computed = evaluator.evaluate(value.formula);
        // ExcelJS reads a cached result of 0 back as no result (the file holds <v>0</v>).
        const written = (value.result ?? 0) as Value;
        if (typeof written === 'number') expect({ cell: `${name}!${cell.address}`, value: Number(computed).toFixed(6) }).toEqual({ cell: `${name}!${cell.address}`, value: written.toFixed(6) });
        else expect({ cell: `${name}!${cell.address}`, value: computed }).toEqual({ cell: `${name}!${cell.address}`, value: written });
        checked++;
      }),
    );
  }
  expect(checked).toBeGreaterThan(100);
});
