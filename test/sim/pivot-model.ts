/**
 * PivotTables as inspectable structures whose output is computed from their source.
 *
 * Modelled on Excel.PivotTable (ExcelApi 1.8): a source (a range with a header row, or a table),
 * row / column / data hierarchies, and a layout. The output is written into the destination sheet
 * in a tabular layout: one header row (row field names, then one column per column-field key and
 * data field), one row per distinct row key in ascending order, and a "Grand Total" row and column
 * when `showColumnGrandTotals` / `showRowGrandTotals` are on. Excel's compact layout, subtotals
 * and "Row Labels" captions are not reproduced; the numbers are.
 */
import type { CellValue } from './cell-entry';
import { HostError } from './host-error';
import type { Rect } from './grid-address';
import type { SheetModel, TableModel } from './workbook-model';

export type AggregationFunction = 'Sum' | 'Count' | 'Average' | 'Max' | 'Min' | 'Product' | 'CountNumbers' | 'Automatic';

export const AGGREGATION_FUNCTIONS: readonly string[] = ['Automatic', 'Sum', 'Count', 'Average', 'Max', 'Min', 'Product', 'CountNumbers'];

export type PivotSource = { kind: 'range'; sheet: SheetModel; rect: Rect } | { kind: 'table'; table: TableModel };

export interface DataField {
  id: string;
  field: string;
  name: string;
  /** Whether the name is still Excel's default ("Sum of X"), so it follows summarizeBy. */
  defaultName: boolean;
  summarizeBy: AggregationFunction;
  numberFormat: string;
}

export interface PivotOutput {
  rect: Rect;
  values: (CellValue | '')[][];
  /** Where the numbers are within `rect` (for layout.getDataBodyRange). */
  dataRect: Rect | null;
  rowLabelRect: Rect | null;
  columnLabelRect: Rect | null;
}

export interface SourceData {
  fields: string[];
  rows: (CellValue | '')[][];
}

export class PivotModel {
  rowFields: string[] = [];
  columnFields: string[] = [];
  filterFields: string[] = [];
  dataFields: DataField[] = [];
  showRowGrandTotals = true;
  showColumnGrandTotals = true;
  layoutType = 'Compact';
  output: PivotOutput | null = null;
  deleted = false;

  constructor(
    readonly id: string,
    public name: string,
    readonly sheet: SheetModel,
    readonly anchor: { row: number; column: number },
    readonly source: PivotSource,
  ) {}
}

export const aggregationLabel = (fn: AggregationFunction): string =>
  fn === 'CountNumbers' ? 'Count' : fn === 'Automatic' ? 'Sum' : fn;

type KeyPart = CellValue | '';

function compareKeys(a: KeyPart[], b: KeyPart[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    const rank = (v: KeyPart): number => (typeof v === 'number' ? 0 : typeof v === 'string' && v !== '' ? 1 : typeof v === 'boolean' ? 2 : 3);
    if (rank(x) !== rank(y)) return rank(x) - rank(y);
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    const order = String(x).toLowerCase().localeCompare(String(y).toLowerCase());
    if (order !== 0) return order;
  }
  return 0;
}

class Accumulator {
  sum = 0;
  product = 1;
  count = 0;
  numbers = 0;
  max = -Infinity;
  min = Infinity;

  add(value: KeyPart): void {
    if (value === '') return;
    this.count++;
    if (typeof value !== 'number') return;
    this.numbers++;
    this.sum += value;
    this.product *= value;
    this.max = Math.max(this.max, value);
    this.min = Math.min(this.min, value);
  }

  result(fn: AggregationFunction): KeyPart {
    switch (fn) {
      case 'Count': return this.count;
      case 'CountNumbers': return this.numbers;
      case 'Average': return this.numbers === 0 ? '#DIV/0!' : this.sum / this.numbers;
      case 'Max': return this.numbers === 0 ? 0 : this.max;
      case 'Min': return this.numbers === 0 ? 0 : this.min;
      case 'Product': return this.numbers === 0 ? 0 : this.product;
      default: return this.sum;
    }
  }
}

/** Computes the pivot's output grid (anchored at its destination) from `data`. */
export function computePivotOutput(pivot: PivotModel, data: SourceData): PivotOutput {
  const indexOf = (field: string): number => {
    const i = data.fields.findIndex((f) => f.toLowerCase() === field.toLowerCase());
    if (i < 0) throw new HostError('InvalidArgument', `The PivotTable "${pivot.name}" has no source field "${field}".`);
    return i;
  };
  const rowIdx = pivot.rowFields.map(indexOf);
  const colIdx = pivot.columnFields.map(indexOf);
  const dataIdx = pivot.dataFields.map((d) => indexOf(d.field));

  const rowKeys = new Map<string, KeyPart[]>();
  const colKeys = new Map<string, KeyPart[]>();
  const cells = new Map<string, Accumulator[]>();
  const cellFor = (key: string): Accumulator[] => {
    let acc = cells.get(key);
    if (!acc) {
      acc = dataIdx.map(() => new Accumulator());
      cells.set(key, acc);
    }
    return acc;
  };
  for (const row of data.rows) {
    const rk = rowIdx.map((i) => row[i] ?? '');
    const ck = colIdx.map((i) => row[i] ?? '');
    const rks = JSON.stringify(rk);
    const cks = JSON.stringify(ck);
    rowKeys.set(rks, rk);
    colKeys.set(cks, ck);
    for (const key of [`${rks}|${cks}`, `${rks}|*`, `*|${cks}`, '*|*']) {
      const acc = cellFor(key);
      dataIdx.forEach((i, d) => acc[d].add(row[i] ?? ''));
    }
  }
  const sortedRows = [...rowKeys.entries()].sort((a, b) => compareKeys(a[1], b[1]));
  const sortedCols = colIdx.length > 0 ? [...colKeys.entries()].sort((a, b) => compareKeys(a[1], b[1])) : [];

  const showGrandColumn = colIdx.length > 0 && pivot.showRowGrandTotals;
  const showGrandRow = rowIdx.length > 0 && pivot.showColumnGrandTotals;
  const label = (d: DataField, prefix: string): string =>
    pivot.dataFields.length > 1 || prefix === '' ? (prefix ? `${prefix} ${d.name}` : d.name) : prefix;

  const header: KeyPart[] = [...pivot.rowFields];
  const columnSpecs: Array<{ key: string; data: number }> = [];
  for (const [cks, ck] of sortedCols) {
    pivot.dataFields.forEach((d, i) => {
      header.push(label(d, ck.map((v) => (v === '' ? '(blank)' : String(v))).join(' - ')));
      columnSpecs.push({ key: cks, data: i });
    });
  }
  if (colIdx.length === 0 || showGrandColumn) {
    pivot.dataFields.forEach((d, i) => {
      header.push(colIdx.length === 0 ? d.name : label(d, 'Grand Total'));
      columnSpecs.push({ key: '*', data: i });
    });
  }

  const values: KeyPart[][] = [header];
  const bodyRows: Array<{ labels: KeyPart[]; rks: string }> = rowIdx.length > 0
    ? sortedRows.map(([rks, rk]) => ({ labels: rk.map((v) => (v === '' ? '(blank)' : v)), rks }))
    : [{ labels: [], rks: '*' }];
  if (showGrandRow) bodyRows.push({ labels: ['Grand Total', ...rowIdx.slice(1).map(() => '' as const)], rks: '*' });
  for (const { labels, rks } of bodyRows) {
    const line: KeyPart[] = [...labels];
    for (const spec of columnSpecs) {
      const acc = cells.get(`${rks}|${spec.key}`);
      line.push(acc ? acc[spec.data].result(pivot.dataFields[spec.data].summarizeBy) : '');
    }
    values.push(line);
  }
  const width = Math.max(header.length, 1);
  for (const line of values) while (line.length < width) line.push('');

  const top = pivot.anchor.row;
  const left = pivot.anchor.column;
  const rect: Rect = { top, left, bottom: top + values.length - 1, right: left + width - 1 };
  const firstDataColumn = left + rowIdx.length;
  return {
    rect,
    values,
    dataRect: columnSpecs.length > 0 && values.length > 1 ? { top: top + 1, left: firstDataColumn, bottom: rect.bottom, right: rect.right } : null,
    rowLabelRect: rowIdx.length > 0 && values.length > 1 ? { top: top + 1, left, bottom: rect.bottom, right: firstDataColumn - 1 } : null,
    columnLabelRect: columnSpecs.length > 0 ? { top, left: firstDataColumn, bottom: top, right: rect.right } : null,
  };
}
