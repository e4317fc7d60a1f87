/**
 * A creditor master file (the finance system's supplier list with addresses) read from CSV bytes,
 * the way the command line reads `--creditors`: the table is found, its columns mapped by the
 * same vocabulary as spend files, and one record made per supplier line.
 */
import type { Grid } from '../core/cell';
import { parseCsv } from '../core/csv';
import type { CreditorRecord } from '../core/directory';
import { proposeMapping } from '../core/mapping';
import { findTable } from '../core/table';
import { decodeText } from '../core/text-decode';

export type CreditorFileResult = { ok: true; records: CreditorRecord[] } | { ok: false; message: string };

export function readCreditorFile(bytes: Uint8Array, fileName: string): CreditorFileResult {
  if (!/\.(csv|txt|tsv)$/i.test(fileName)) {
    return { ok: false, message: `${fileName} is not a CSV file. Save the supplier list from your finance system (or from Excel) as CSV, then choose it again.` };
  }
  const grid: Grid = parseCsv(decodeText(bytes).text);
  const layout = findTable(grid);
  if (layout.lastDataRow < layout.firstDataRow) return { ok: false, message: `${fileName} is empty.` };
  const { mapping } = proposeMapping(grid, layout);
  if (!mapping.supplier) {
    return { ok: false, message: `${fileName}: no column of supplier names was found. Give the column a header such as "Supplier name" and try again.` };
  }
  if (!mapping.postcode && !mapping.address) {
    return { ok: false, message: `${fileName}: no postcode or address column was found. Give the column a header such as "Postcode" or "Address" and try again.` };
  }
  const cell = (row: number, column: number | undefined): string | undefined => {
    if (column === undefined) return undefined;
    const text = String(grid[row]?.[column] ?? '').trim();
    return text === '' ? undefined : text;
  };
  const records: CreditorRecord[] = [];
  for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) {
    const supplier = cell(r, mapping.supplier.column);
    if (!supplier) continue;
    const record: CreditorRecord = { supplier };
    const supplierId = cell(r, mapping.supplierId?.column);
    const postcode = cell(r, mapping.postcode?.column);
    const address = cell(r, mapping.address?.column);
    if (supplierId) record.supplierId = supplierId;
    if (postcode) record.postcode = postcode;
    if (address) record.address = address;
    records.push(record);
  }
  if (records.length === 0) return { ok: false, message: `${fileName}: no supplier lines were found below the header.` };
  return { ok: true, records };
}
