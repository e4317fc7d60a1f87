/**
 * A worksheet part patched in place: rows and cells written into its sheetData in order, areas
 * of it erased, and the few sheet settings the add-in owns (dimension, column widths, a frozen
 * header row, a filter, one page wide). Every row, cell and element it does not touch is copied
 * as the text it was, so what the user made (merged cells, conditional formats, validation,
 * drawings, tables) survives. A new sheet is the same patch over an empty one.
 */
import { columnLetter, type OutCell, type PageSections, type PrintSetup } from '../core';
import { CellXml, columnOfReference } from './cells';
import { attribute, childElements, escapeXml, rootElement, rootPrefix, withAttribute, type DroppedCharacters, type ElementSpan } from './xml';

export interface CellWrite {
  /** 0-based. */
  column: number;
  value: OutCell;
  /** Cell format index; without one, a cell written over an existing cell keeps that cell's format. */
  style?: number;
}

export interface RowWrite {
  /** 0-based. */
  row: number;
  /** Ascending by column. */
  cells: CellWrite[];
  /** Points, for a header whose text wraps onto several lines. */
  height?: number;
}

/** 0-based and inclusive; `lastRow` may be Infinity. */
export interface Area {
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
  /** The rows' heights are the add-in's too: reset unless written. */
  rowHeights?: boolean;
}

export interface ColumnSetting {
  /** 0-based. */
  column: number;
  /** Characters. */
  width: number;
  /** Never narrower than the user left it. */
  widenOnly?: boolean;
  /** Format of the column's empty cells (and of cells Excel adds there). */
  style?: number;
}

export interface SheetEdit {
  /** Every existing row goes: the sheet is wholly the add-in's. */
  replaceRows?: boolean;
  /** Existing cells removed before the rows are written. */
  erase?: Area[];
  /** Ascending by row. */
  rows: Iterable<RowWrite>;
  /** Rows and columns from A1 that the written cells reach, for the sheet's dimension. */
  extent: { rows: number; columns: number };
  columns?: ColumnSetting[];
  /** Rows from the top frozen on screen. */
  freezeRows?: number;
  /** A filter over the range written from A1 (none when a table on the sheet has its own). */
  autoFilter?: string;
  /** Landscape A4, one page wide, as many long as it takes. */
  onePageWide?: boolean;
  /** How the sheet prints, with its margins, page header and footer (instead of onePageWide). */
  print?: PrintSetup;
  /** The relationship id of a drawing (charts) the sheet is to show, when it shows none yet. */
  drawing?: string;
}

export const EMPTY_WORKSHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<sheetData/></worksheet>';

const NS_RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The elements of a worksheet in the order the schema requires. */
const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios',
  'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations',
  'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches',
  'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems',
  'tableParts', 'extLst',
];

/**
 * Output is handed on in pieces about this long. Text built by appending is a tree of pieces
 * until it is encoded; past this size encoding it falls out of the processor's cache and costs
 * several times as much.
 */
const CHUNK = 1 << 15;

/**
 * A worksheet as the patcher reads it: the text before and after its sheetData element whole (it
 * is small), the rows in pieces, so that a large sheet is never one string (worksheet-source.ts
 * reads a part so as it inflates).
 */
export interface WorksheetSource {
  /** The part before its sheetData element. */
  head: string;
  /** The sheetData's rows, in pieces that each hold whole rows. */
  rows(): AsyncIterable<string> | Iterable<string>;
  /** Passes over the rows without reading them. */
  skipRows(): Promise<void> | void;
  /** The part after its sheetData element, once the rows have been read or passed over. */
  tail(): Promise<string> | string;
}

/** A worksheet held as one string, as a patcher's source. */
export function worksheetText(xml: string): WorksheetSource {
  const sheetData = childElements(xml, undefined, rootPrefix(xml)).find((child) => child.name === 'sheetData');
  if (!sheetData) throw new Error('a worksheet without sheetData');
  const rows = sheetData.selfClosing ? [] : [xml.slice(sheetData.contentStart, xml.lastIndexOf('</', sheetData.end - 1))];
  return { head: xml.slice(0, sheetData.start), rows: () => rows, skipRows: () => undefined, tail: () => xml.slice(sheetData.end) };
}

/**
 * The patched worksheet, in pieces of text: the elements before the rows (the add-in's replaced,
 * missing ones inserted where the schema puts them), the rows, then the elements after them.
 */
export interface PatchOutcome {
  /** Counts the characters XML cannot hold, left out. */
  dropped?: DroppedCharacters;
  /** Hears each row written, for progress. */
  onRow?: () => void;
}

export async function* patchWorksheet(worksheet: WorksheetSource, edit: SheetEdit, outcome: PatchOutcome = {}): AsyncGenerator<string> {
  const root = rootElement(worksheet.head);
  // The head closed after its last element, so that its elements can be listed.
  const head = `${worksheet.head}</${root.qname}>`;
  const p = rootPrefix(head);
  const headChildren = childElements(head, undefined, p);
  const text = (source: string, span: ElementSpan | undefined) => (span ? source.slice(span.start, span.end) : undefined);
  const findIn = (children: readonly ElementSpan[], name: string) => children.find((child) => child.name === name);

  const replaced = new Map<string, string>();
  replaced.set('dimension', `<${p}dimension ref="${dimension(text(head, findIn(headChildren, 'dimension')), edit)}"/>`);
  if (edit.columns?.length) replaced.set('cols', columnsXml(text(head, findIn(headChildren, 'cols')), edit.columns, p));
  if (edit.freezeRows) {
    const views = frozenViews(text(head, findIn(headChildren, 'sheetViews')), p, edit.freezeRows);
    if (views) replaced.set('sheetViews', views);
  }
  if (edit.onePageWide || edit.print) replaced.set('sheetPr', fitToPage(text(head, findIn(headChildren, 'sheetPr')), p));

  /** The elements of `source` from `from`, the add-in's replaced and the missing inserted before anything of a later order than theirs, up to `before`; returns where they end. */
  const elements = function* (source: string, children: readonly ElementSpan[], from: number, before: number): Generator<string, number> {
    const pending = [...replaced.keys()].filter((name) => !findIn(children, name)).sort((a, b) => WORKSHEET_ORDER.indexOf(a) - WORKSHEET_ORDER.indexOf(b));
    const insertBefore = function* (order: number) {
      while (pending.length > 0 && WORKSHEET_ORDER.indexOf(pending[0]) < order) yield replaced.get(pending.shift()!)!;
    };
    let at = from;
    for (const child of children) {
      const order = WORKSHEET_ORDER.indexOf(child.name);
      if (order >= 0) yield* insertBefore(order);
      yield source.slice(at, child.start);
      yield replaced.get(child.name) ?? source.slice(child.start, child.end);
      at = child.end;
    }
    yield* insertBefore(before);
    return at;
  };

  const first = headChildren.length > 0 ? headChildren[0].start : worksheet.head.length;
  yield head.slice(0, first);
  const headEnd = yield* elements(head, headChildren, first, WORKSHEET_ORDER.indexOf('sheetData'));
  yield worksheet.head.slice(headEnd);

  if (edit.replaceRows) await worksheet.skipRows();
  yield* patchSheetData(edit.replaceRows ? [] : worksheet.rows(), edit, p, outcome);

  // The elements after the rows, in the root's start tag so that they can be listed.
  const rootTag = head.slice(root.start, root.contentStart);
  const tail = rootTag + (await worksheet.tail());
  const tailChildren = childElements(tail, undefined, p);
  replaced.clear();
  if (edit.autoFilter) replaced.set('autoFilter', `<${p}autoFilter ref="${edit.autoFilter}"/>`);
  if (edit.onePageWide || edit.print) replaced.set('pageSetup', onePageWide(text(tail, findIn(tailChildren, 'pageSetup')), p));
  if (edit.print) for (const [name, xml] of printElements(edit.print, p)) replaced.set(name, xml);
  if (edit.drawing && !findIn(tailChildren, 'drawing')) replaced.set('drawing', `<${p}drawing xmlns:r="${NS_RELATIONSHIPS}" r:id="${edit.drawing}"/>`);
  const tailEnd = yield* elements(tail, tailChildren, rootTag.length, Infinity);
  yield tail.slice(tailEnd);
}

/** The dimension: what the sheet held (unless replaced) and what is written, from A1. */
function dimension(existing: string | undefined, edit: SheetEdit): string {
  let rows = edit.extent.rows;
  let columns = edit.extent.columns;
  const ref = !edit.replaceRows && existing ? attribute(existing, 'ref') : undefined;
  const last = ref?.split(':').pop();
  if (last && /^[A-Z]+\d+$/i.test(last)) {
    rows = Math.max(rows, Number(/\d+/.exec(last)![0]));
    columns = Math.max(columns, columnOfReference(last) + 1);
  }
  return rows === 0 || columns === 0 ? 'A1' : `A1:${columnLetter(columns - 1)}${rows}`;
}

interface ColumnRange {
  min: number;
  max: number;
  tag: string;
}

/** The <cols> element with the add-in's widths (and formats) set, ranges split where they must be. */
function columnsXml(existing: string | undefined, settings: ColumnSetting[], p: string): string {
  let ranges: ColumnRange[] = [];
  if (existing) {
    for (const match of existing.matchAll(new RegExp(`<${p}col\\s[^>]*>`, 'g'))) {
      const tag = match[0].endsWith('/>') ? match[0] : `${match[0].slice(0, -1)}/>`;
      ranges.push({ min: Number(attribute(tag, 'min')), max: Number(attribute(tag, 'max')), tag });
    }
  }
  for (const setting of settings) {
    const column = setting.column + 1;
    const covering = ranges.find((range) => range.min <= column && column <= range.max);
    const current = covering?.tag ?? `<${p}col min="${column}" max="${column}"/>`;
    const width = setting.widenOnly ? Math.max(setting.width, Number(attribute(current, 'width') ?? 0)) : setting.width;
    let tag = withAttribute(withAttribute(withAttribute(current, 'min', String(column)), 'max', String(column)), 'width', String(width));
    tag = withAttribute(tag, 'customWidth', '1');
    if (setting.style !== undefined) tag = withAttribute(tag, 'style', String(setting.style));
    const rest = ranges.filter((range) => range !== covering);
    if (covering && covering.min < column) rest.push({ ...covering, max: column - 1, tag: withAttribute(covering.tag, 'max', String(column - 1)) });
    if (covering && column < covering.max) rest.push({ ...covering, min: column + 1, tag: withAttribute(covering.tag, 'min', String(column + 1)) });
    rest.push({ min: column, max: column, tag });
    ranges = rest;
  }
  ranges.sort((a, b) => a.min - b.min);
  return `<${p}cols>${ranges.map((range) => range.tag).join('')}</${p}cols>`;
}

/** Sheet views with the top `rows` frozen; undefined when they already are. */
function frozenViews(existing: string | undefined, p: string, rows: number): string | undefined {
  const view = existing ? new RegExp(`<${p}sheetView[\\s>/][^>]*>`).exec(existing)?.[0] : undefined;
  if (existing && /state="frozen"/.test(existing) && existing.includes(`ySplit="${rows}"`) && !/xSplit=/.test(existing)) return undefined;
  const open = (view ?? `<${p}sheetView workbookViewId="0">`).replace(/\/>$/, '>');
  const below = `A${rows + 1}`;
  return (
    `<${p}sheetViews>${open}` +
    `<${p}pane ySplit="${rows}" topLeftCell="${below}" activePane="bottomLeft" state="frozen"/>` +
    `<${p}selection pane="bottomLeft" activeCell="${below}" sqref="${below}"/>` +
    `</${p}sheetView></${p}sheetViews>`
  );
}

/** The print elements of a sheet printed as planned: centred on the page, its margins, the page header and footer. */
function printElements(print: PrintSetup, p: string): [string, string][] {
  const { margins } = print;
  const sections = (parts: PageSections) => escapeXml(`&L${parts.left}&C${parts.center}&R${parts.right}`);
  return [
    ['printOptions', `<${p}printOptions horizontalCentered="1"/>`],
    [
      'pageMargins',
      `<${p}pageMargins left="${margins.left}" right="${margins.right}" top="${margins.top}" bottom="${margins.bottom}" header="${margins.header}" footer="${margins.footer}"/>`,
    ],
    ['headerFooter', `<${p}headerFooter><${p}oddHeader>${sections(print.header)}</${p}oddHeader><${p}oddFooter>${sections(print.footer)}</${p}oddFooter></${p}headerFooter>`],
  ];
}

function fitToPage(existing: string | undefined, p: string): string {
  const setUp = `<${p}pageSetUpPr fitToPage="1"/>`;
  if (!existing) return `<${p}sheetPr>${setUp}</${p}sheetPr>`;
  const current = new RegExp(`<${p}pageSetUpPr[^>]*>`).exec(existing);
  if (current) return existing.replace(current[0], () => withAttribute(current[0], 'fitToPage', '1'));
  if (existing.endsWith('/>')) return `${existing.slice(0, -2)}>${setUp}</${p}sheetPr>`;
  return existing.replace(new RegExp(`</${p}sheetPr>$`), () => `${setUp}</${p}sheetPr>`);
}

function onePageWide(existing: string | undefined, p: string): string {
  let tag = existing ?? `<${p}pageSetup/>`;
  for (const [name, value] of [['paperSize', '9'], ['orientation', 'landscape'], ['fitToWidth', '1'], ['fitToHeight', '0']]) tag = withAttribute(tag, name, value);
  return tag;
}

// ---------------------------------------------------------------------------------------------
// sheetData

interface ExistingCell {
  column: number;
  start: number;
  end: number;
  /** The cell's format index attribute, when it has one. */
  style?: string;
  /** Whether the cell names its own position (cells may leave it implicit). */
  referenced: boolean;
}

/** Rows of the sheetData, existing (in pieces of whole rows) and written, merged in row order. */
async function* patchSheetData(existing: AsyncIterable<string> | Iterable<string>, edit: SheetEdit, p: string, { dropped, onRow }: PatchOutcome): AsyncGenerator<string> {
  const rows = new RowPatcher(p, edit.erase ?? [], new CellXml(p, dropped));
  const rowTag = `<${p}row`;
  const rowClose = `</${p}row>`;
  let out = `<${p}sheetData>`;
  const written = edit.rows[Symbol.iterator]();
  let next = written.next();

  const writeNewRowsBefore = function* (row: number) {
    while (!next.done && next.value.row < row) {
      out += rows.newRow(next.value);
      onRow?.();
      next = written.next();
      if (out.length >= CHUNK) {
        yield out;
        out = '';
      }
    }
  };

  let previousRow = 0;
  for await (const source of existing) {
    let at = source.indexOf(rowTag);
    while (at >= 0) {
      const openEnd = source.indexOf('>', at) + 1;
      const selfClosing = source.charCodeAt(openEnd - 2) === 47; // "/"
      const rowEnd = selfClosing ? openEnd : source.indexOf(rowClose, openEnd) + rowClose.length;
      const openTag = source.slice(at, openEnd);
      const r = attribute(openTag, 'r');
      const rowNumber = r === undefined ? previousRow + 1 : Number(r);
      previousRow = rowNumber;
      yield* writeNewRowsBefore(rowNumber - 1);
      const write = !next.done && next.value.row === rowNumber - 1 ? next.value : undefined;
      if (write) next = written.next();
      out += rows.patch({ source, at, openEnd, rowEnd, selfClosing, openTag, rowNumber, hasReference: r !== undefined }, write);
      onRow?.();
      if (out.length >= CHUNK) {
        yield out;
        out = '';
      }
      at = source.indexOf(rowTag, rowEnd);
    }
  }
  yield* writeNewRowsBefore(Infinity);
  out += `</${p}sheetData>`;
  yield out;
}

interface ExistingRow {
  /** The piece of the sheetData the row is in. */
  source: string;
  at: number;
  openEnd: number;
  rowEnd: number;
  selfClosing: boolean;
  openTag: string;
  /** 1-based. */
  rowNumber: number;
  hasReference: boolean;
}

/** Existing rows merged with what is written into them. */
class RowPatcher {
  private readonly rowClose: string;
  private readonly cellStart: string;

  constructor(
    private readonly p: string,
    private readonly erase: readonly Area[],
    private readonly cells: CellXml,
  ) {
    this.rowClose = `</${p}row>`;
    this.cellStart = `<${p}c `;
  }

  newRow(row: RowWrite): string {
    const height = row.height ? ` ht="${row.height}" customHeight="1"` : '';
    return `<${this.p}row r="${row.row + 1}"${height}>${this.render(row)}${this.rowClose}`;
  }

  private render(row: RowWrite): string {
    const number = row.row + 1;
    let xml = '';
    for (const cell of row.cells) xml += this.cells.cell(cell.column, number, cell.value, cell.style);
    return xml;
  }

  patch(row: ExistingRow, write: RowWrite | undefined): string {
    let erasing: Area[] | undefined;
    for (const area of this.erase) if (area.firstRow < row.rowNumber && row.rowNumber - 1 <= area.lastRow) (erasing ??= []).push(area);
    if (!write && !erasing && row.hasReference) return row.source.slice(row.at, row.rowEnd);

    let openTag = row.hasReference ? row.openTag : withAttribute(row.openTag, 'r', String(row.rowNumber));
    // The spans hint would no longer be true once cells are added.
    if (write) openTag = withAttribute(openTag, 'spans', undefined);
    if (write?.height) openTag = withAttribute(withAttribute(openTag, 'ht', String(write.height)), 'customHeight', '1');
    else if (erasing?.some((area) => area.rowHeights)) openTag = withAttribute(withAttribute(openTag, 'ht', undefined), 'customHeight', undefined);
    if (row.selfClosing) openTag = openTag.replace(/\s*\/>$/, '>');
    const inner = row.selfClosing ? '' : row.source.slice(row.openEnd, row.rowEnd - this.rowClose.length);

    // Usually every existing cell lies left of everything written or erased: the new cells go on the end.
    let firstTouched = write && write.cells.length > 0 ? write.cells[0].column : Infinity;
    for (const area of erasing ?? []) firstTouched = Math.min(firstTouched, area.firstColumn);
    const lastCell = inner.lastIndexOf(this.cellStart);
    if (lastCell < 0 && inner.indexOf('<') < 0) return `${openTag}${write ? this.render(write) : ''}${this.rowClose}`;
    const lastReference = lastCell >= 0 ? attribute(inner.slice(lastCell, inner.indexOf('>', lastCell)), 'r') : undefined;
    if (lastReference !== undefined && columnOfReference(lastReference) < firstTouched && inner.indexOf(`<${this.p}c>`, lastCell) < 0) {
      return `${openTag}${inner}${write ? this.render(write) : ''}${this.rowClose}`;
    }
    return `${openTag}${this.merge(inner, row.rowNumber, write?.cells ?? [], erasing ?? [])}${this.rowClose}`;
  }

  /** The row's cells, existing and written, in column order; a written cell without a format keeps the one of the cell it replaces. */
  private merge(inner: string, number: number, writes: readonly CellWrite[], erasing: readonly Area[]): string {
    const kept = existingCells(inner, this.p).filter((cell) => !erasing.some((area) => area.firstColumn <= cell.column && cell.column <= area.lastColumn));
    let xml = '';
    let k = 0;
    for (const cell of writes) {
      while (k < kept.length && kept[k].column < cell.column) xml += this.copy(inner, kept[k++], number);
      let style = cell.style;
      if (k < kept.length && kept[k].column === cell.column) {
        style ??= kept[k].style === undefined ? undefined : Number(kept[k].style);
        k++;
      }
      xml += this.cells.cell(cell.column, number, cell.value, style);
    }
    while (k < kept.length) xml += this.copy(inner, kept[k++], number);
    return xml;
  }

  /** An existing cell as it was, given its position when it left it implicit (cells around it may move). */
  private copy(inner: string, cell: ExistingCell, number: number): string {
    const text = inner.slice(cell.start, cell.end);
    return cell.referenced ? text : text.replace(/^<\S+?(?=[\s/>])/, (name) => `${name} r="${this.cells.letter(cell.column)}${number}"`);
  }
}

/** The cells of a row's content, with their columns (implicit ones counted on from the previous). */
function existingCells(inner: string, p: string): ExistingCell[] {
  const cells: ExistingCell[] = [];
  const cellTag = `<${p}c`;
  const cellClose = `</${p}c>`;
  let previous = -1;
  let at = inner.indexOf(cellTag);
  while (at >= 0) {
    const after = inner[at + cellTag.length];
    if (after !== ' ' && after !== '>' && after !== '/') {
      at = inner.indexOf(cellTag, at + 1);
      continue;
    }
    const openEnd = inner.indexOf('>', at) + 1;
    const end = inner[openEnd - 2] === '/' ? openEnd : inner.indexOf(cellClose, openEnd) + cellClose.length;
    const tag = inner.slice(at, openEnd);
    const reference = attribute(tag, 'r');
    const column = reference === undefined ? previous + 1 : columnOfReference(reference);
    cells.push({ column, start: at, end, style: attribute(tag, 's'), referenced: reference !== undefined });
    previous = column;
    at = inner.indexOf(cellTag, end);
  }
  return cells;
}
