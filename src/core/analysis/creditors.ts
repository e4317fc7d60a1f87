/**
 * A creditor master file (the finance system's supplier list with addresses), read the same way
 * for the command line's `--creditors` and the task pane's import: its table found, its columns
 * mapped by the vocabulary of spend files, one record per supplier line.
 */
import type { Grid } from '../cell';
import { creditorRecords, type CreditorRecord } from '../directory';
import { BaselineError } from '../errors';
import { proposeMapping } from '../mapping-proposal';
import { findTable } from '../table';

export function creditorsFromGrid(grid: Grid, fileName: string): CreditorRecord[] {
  const fail = (message: string) => new BaselineError('creditors-invalid', message, { file: fileName });
  const layout = findTable(grid);
  if (layout.lastDataRow < layout.firstDataRow) throw fail(`${fileName} is empty.`);
  const { mapping } = proposeMapping(grid, layout);
  if (!mapping.supplier) throw fail(`${fileName}: no column of supplier names was found. Give the column a header such as "Supplier name" and try again.`);
  if (!mapping.postcode && !mapping.address) {
    throw fail(`${fileName}: no postcode or address column was found. Give the column a header such as "Postcode" or "Address" and try again.`);
  }
  const records = creditorRecords(grid, layout, mapping);
  if (records.length === 0) throw fail(`${fileName}: no supplier lines were found below the header.`);
  return records;
}
