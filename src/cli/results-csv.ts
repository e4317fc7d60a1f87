/**
 * `--results-csv`: one line per analysed row, with a fixed header (documented in the README).
 * People open these files in Excel, so text that Excel would take as a formula is prefixed
 * with an apostrophe; numbers are written as numbers.
 */
import * as fs from 'fs';
import { csvField, needsTextProtection, type RowResult, type SpendRow } from '../core';

export const RESULTS_CSV_COLUMNS = ['row', 'supplier', 'amount', 'locality', 'lad_code', 'lad_name', 'basis', 'influence', 'reason', 'supplier_type', 'supplier_key'];

const text = (value: string) => csvField(needsTextProtection(value) ? `'${value}` : value);

export function resultsCsvText(rows: readonly SpendRow[], results: readonly RowResult[], districtName: (code: string) => string, withSource: boolean): string {
  const lines = [[...RESULTS_CSV_COLUMNS, ...(withSource ? ['source'] : [])].join(',')];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const r = results[i];
    const fields = [
      String(row.row),
      text(row.supplier),
      row.amountMissing === undefined ? String(row.amount) : '',
      r.locality,
      r.district ?? '',
      text(r.district ? districtName(r.district) : ''),
      text(r.basis),
      r.influence,
      text(r.reason),
      r.supplierType,
      text(r.supplierKey),
    ];
    if (withSource) fields.push(text(row.source ?? ''));
    lines.push(fields.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function writeResultsCsv(file: string, rows: readonly SpendRow[], results: readonly RowResult[], districtName: (code: string) => string, withSource: boolean): void {
  fs.writeFileSync(file, resultsCsvText(rows, results, districtName, withSource));
}
