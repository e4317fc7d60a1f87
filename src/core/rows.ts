/**
 * The table's rows as payments. A row that is not a payment is reported with its row number and
 * why (a total, no supplier, a note, the header again), never dropped unseen; only wholly blank
 * rows pass silently, and they still count in the row numbers. A payment whose amount is blank,
 * "-" or text is still a payment: it is placed and judged, and adds nothing to the totals.
 */
import type { Cell, Grid } from './cell';
import { matchHeader, normaliseHeader, type Field, type Mapping } from './mapping';
import type { TableLayout } from './table';
import { amountValue, dateSerial, parseAmount } from './values';

export interface SpendRow {
  /** The row number as Excel shows it (grid index + firstRowNumber). */
  row: number;
  /** Set by the caller when several files are combined. */
  source?: string;
  supplier: string;
  /** 0 when the row has no amount (see `amountMissing`). */
  amount: number;
  /**
   * Why the row has no amount ("amount is blank", "-", text): it is still placed and judged,
   * and adds nothing to the totals.
   */
  amountMissing?: string;
  postcode?: string;
  address?: string;
  category?: string;
  /** The coarser heading the category sits under, where the file has one. */
  categoryGroup?: string;
  description?: string;
  serviceArea?: string;
  institution?: string;
  /** Excel serial number. */
  date?: number;
  supplierId?: string;
  sme?: string;
  localityOverride?: string;
  influenceOverride?: string;
}

/** Why a row is not a payment, in kinds the user is told about together. */
export type SkipKind = 'total' | 'header' | 'no_supplier' | 'note' | 'period';

export interface SkippedRow {
  row: number;
  kind: SkipKind;
  reason: string;
  source?: string;
}

/**
 * "Total", "Sub-total", "Grand Total", "TOTAL:", "Total for April", and Excel's own subtotal
 * labels ("Acme Ltd Total") — but not a supplier such as "Total Gas & Power".
 */
const TOTAL_LABEL =
  /^(?:(?:grand|sub|overall|page|report|net|monthly|period)[\s-]*)?totals?(?:\s*[:=].*|\s+[-–]\s.*|\s+(?:for|of|spend|amount|paid|payments?|value|to date)\b.*)?$|\stotals?$/i;

export function isTotalLabel(text: string): boolean {
  // Cheap screen first: this runs on the supplier cell of every row.
  return (text.includes('otal') || text.includes('OTAL')) && TOTAL_LABEL.test(text.trim());
}

function text(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

/** The trimmed text of an optional field's cell; undefined when the field is unmapped or blank. */
function optionalText(cells: Cell[], column: number): string | undefined {
  if (column < 0) return undefined;
  const value = text(cells[column]);
  return value === '' ? undefined : value;
}

function isBlankRow(row: Cell[] | undefined): boolean {
  if (!row) return true;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (cell !== null && cell !== '' && !(typeof cell === 'string' && cell.trim() === '')) return false;
  }
  return true;
}

/** Rows with this many filled cells or fewer are a label and its figures, not a payment. */
const MAX_TOTAL_ROW_CELLS = 3;

/**
 * A total row: the supplier column says so, or another cell does on a row that has no supplier
 * or little else (a payment described as "Total for works" is still a payment).
 */
function isTotalRow(row: Cell[], supplierColumn: number): boolean {
  const supplier = row[supplierColumn];
  if (typeof supplier === 'string' && isTotalLabel(supplier)) return true;
  let filled = 0;
  for (let c = 0; c < row.length; c++) if (row[c] !== null && row[c] !== '') filled++;
  // A full row with a supplier is a payment whatever its other cells say: no need to look.
  if (filled > MAX_TOTAL_ROW_CELLS && text(supplier) !== '') return false;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (typeof cell === 'string' && isTotalLabel(cell)) return true;
  }
  return false;
}

/** Whether a cell reads as the header of a field: the header line repeated in the data. */
function namesField(cell: Cell | undefined, field: Field, header: string | undefined): boolean {
  if (typeof cell !== 'string') return false;
  if (header !== undefined && normaliseHeader(cell) === normaliseHeader(header) && cell.trim() !== '') return true;
  return matchHeader(cell).some((match) => match.field === field && match.confidence >= 0.8);
}

export function readSpendRows(
  grid: Grid,
  layout: TableLayout,
  mapping: Mapping,
  options: { firstRowNumber?: number; source?: string } = {},
): { rows: SpendRow[]; skipped: SkippedRow[] } {
  const supplierColumn = mapping.supplier?.column;
  const amountColumn = mapping.amount?.column;
  if (supplierColumn === undefined || amountColumn === undefined) {
    throw new Error('readSpendRows needs the supplier and amount columns mapped');
  }
  const firstRowNumber = options.firstRowNumber ?? 1;
  const source = options.source;
  const column = (field: Field) => mapping[field]?.column ?? -1;
  const postcode = column('postcode');
  const address = column('address');
  const category = column('category');
  const categoryGroup = column('categoryGroup');
  const description = column('description');
  const serviceArea = column('serviceArea');
  const institution = column('institution');
  const date = column('date');
  const supplierId = column('supplierId');
  const sme = column('sme');
  const localityOverride = column('localityOverride');
  const influenceOverride = column('influenceOverride');
  const headerCells = layout.headerRow === null ? undefined : grid[layout.headerRow];
  const supplierHeader = headerCells === undefined ? undefined : text(headerCells[supplierColumn]);
  const amountHeader = headerCells === undefined ? undefined : text(headerCells[amountColumn]);

  const rows: SpendRow[] = [];
  const skipped: SkippedRow[] = [];
  const skip = (r: number, { kind, reason }: { kind: SkipKind; reason: string }) => {
    skipped.push(source === undefined ? { row: r + firstRowNumber, kind, reason } : { row: r + firstRowNumber, kind, reason, source });
  };

  for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) {
    const cells = grid[r];
    if (isBlankRow(cells)) continue;
    if (isTotalRow(cells, supplierColumn)) {
      skip(r, { kind: 'total', reason: 'total or subtotal row' });
      continue;
    }
    const supplierCell = cells[supplierColumn];
    const amountCell = cells[amountColumn] ?? null;
    const amount = amountValue(amountCell);
    const supplier = text(supplierCell);
    const withoutAmount = Number.isNaN(amount);
    if (supplier === '' || (withoutAmount && (isRepeatedHeader(supplierCell, amountCell, supplierHeader, amountHeader) || isNoteLine(cells)))) {
      skip(r, whyNotAPayment(supplierCell, amountCell, supplierHeader, amountHeader));
      continue;
    }
    // Only the fields a row has: adding them in a fixed order is faster than a literal with
    // every field, most of them absent, and a million rows take less memory.
    const spend: SpendRow = { row: r + firstRowNumber, supplier, amount: withoutAmount ? 0 : amount };
    // A payment without an amount (a contracts register's blank value, "-") is still placed and judged.
    if (withoutAmount) spend.amountMissing = whyNotAPayment(supplierCell, amountCell, supplierHeader, amountHeader).reason;
    if (source !== undefined) spend.source = source;
    let value: string | undefined;
    if ((value = optionalText(cells, postcode)) !== undefined) spend.postcode = value;
    if ((value = optionalText(cells, address)) !== undefined) spend.address = value;
    const group = optionalText(cells, categoryGroup);
    // A payment without a category is described by its group, where it has one.
    if ((value = optionalText(cells, category) ?? group) !== undefined) spend.category = value;
    if (group !== undefined) spend.categoryGroup = group;
    if ((value = optionalText(cells, description)) !== undefined) spend.description = value;
    if ((value = optionalText(cells, serviceArea)) !== undefined) spend.serviceArea = value;
    if ((value = optionalText(cells, institution)) !== undefined) spend.institution = value;
    if (date >= 0) {
      const serial = dateSerial(cells[date] ?? null);
      if (!Number.isNaN(serial)) spend.date = serial;
    }
    if ((value = optionalText(cells, supplierId)) !== undefined) spend.supplierId = value;
    if ((value = optionalText(cells, sme)) !== undefined) spend.sme = value;
    if ((value = optionalText(cells, localityOverride)) !== undefined) spend.localityOverride = value;
    if ((value = optionalText(cells, influenceOverride)) !== undefined) spend.influenceOverride = value;
    rows.push(spend);
  }
  return { rows, skipped };
}

/** Cells a line without an amount needs to be a payment (the supplier and details of it), not a note. */
const MIN_PAYMENT_CELLS_WITHOUT_AMOUNT = 3;

/** A line of text under the data ("Figures are net of VAT."): too few cells to be a payment. */
function isNoteLine(row: Cell[]): boolean {
  let filled = 0;
  for (let c = 0; c < row.length && filled < MIN_PAYMENT_CELLS_WITHOUT_AMOUNT; c++) if (text(row[c]) !== '') filled++;
  return filled < MIN_PAYMENT_CELLS_WITHOUT_AMOUNT;
}

function isRepeatedHeader(supplierCell: Cell | undefined, amountCell: Cell, supplierHeader: string | undefined, amountHeader: string | undefined): boolean {
  return namesField(supplierCell, 'supplier', supplierHeader) && namesField(amountCell, 'amount', amountHeader);
}

function whyNotAPayment(
  supplierCell: Cell | undefined,
  amountCell: Cell,
  supplierHeader: string | undefined,
  amountHeader: string | undefined,
): { kind: SkipKind; reason: string } {
  const amount = parseAmount(amountCell);
  if (!amount.ok && isRepeatedHeader(supplierCell, amountCell, supplierHeader, amountHeader)) return { kind: 'header', reason: 'repeated header line' };
  if (text(supplierCell) === '') return { kind: 'no_supplier', reason: amount.ok ? 'no supplier name' : `no supplier name, and ${amount.reason}` };
  // A supplier without an amount: for a payment, why it has none; for a note line, why it is left out.
  return amount.ok ? { kind: 'no_supplier', reason: 'no supplier name' } : { kind: 'note', reason: amount.reason };
}
