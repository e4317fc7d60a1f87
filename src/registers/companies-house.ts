/**
 * Companies House's free "Basic Company Data" download: one CSV of every live company (or the
 * same in parts), read by its column names, which the real file writes with leading spaces
 * (` CompanyNumber`). Every field is quoted; a name may hold commas.
 */
import { splitCsvLine } from '../core/csv-line';
import { normalisePostcode } from '../core/postcode';
import { companyNumber, sicCode, type RegisterRecord } from '../core/register-record';
import { lineBatches, RegisterSourceError, type RecordSink, type SourceSummary, type SourceText } from './source-text';

const COLUMNS = {
  name: 'CompanyName',
  number: 'CompanyNumber',
  postcode: 'RegAddress.PostCode',
  category: 'CompanyCategory',
  status: 'CompanyStatus',
  accounts: 'Accounts.AccountCategory',
  sic1: 'SICCode.SicText_1',
  sic2: 'SICCode.SicText_2',
  sic3: 'SICCode.SicText_3',
  sic4: 'SICCode.SicText_4',
} as const;
type Column = keyof typeof COLUMNS;

/** Whether a header line is Companies House's. */
export function isCompaniesHeader(line: string): boolean {
  const names = (splitCsvLine(line) ?? []).map((name) => name.trim());
  return names.includes(COLUMNS.number) && names.includes(COLUMNS.name);
}

/** Lines a record may run over (a quoted field holding line breaks) before it is taken for an unclosed quote. */
const MAX_RECORD_LINES = 20;

/** Statuses of companies that no longer exist; the download leaves them out, but a file may not. */
const GONE = /dissolved|removed|converted|closed/i;

/** "Companies House Basic Company Data 2024-08-01", from a file named like BasicCompanyData-2024-08-01-part1_7.csv. */
export function companiesRelease(fileName: string): string {
  const date = /(\d{4}-\d{2}-\d{2})/.exec(fileName)?.[1];
  return `Companies House Basic Company Data ${date ?? `(${fileName})`}`;
}

export async function readCompanies(source: SourceText, text: AsyncIterable<string>, add: RecordSink): Promise<SourceSummary> {
  let at: Record<Column, number> | undefined;
  let needed = 0;
  let lineNumber = 0;
  let rows = 0;
  let records = 0;
  let skipped = 0;
  let carried = '';
  let carriedFrom = 0;

  const handle = (fields: string[], line: number) => {
    if (!at) {
      const names = fields.map((name) => name.trim());
      const index = (column: Column) => names.indexOf(COLUMNS[column]);
      const missing = (Object.keys(COLUMNS) as Column[]).filter((column) => index(column) < 0);
      if (missing.length > 0) {
        throw new RegisterSourceError(`${source.name}, line 1: no ${missing.map((c) => COLUMNS[c]).join(', ')} column; is it Companies House's Basic Company Data?`);
      }
      at = Object.fromEntries((Object.keys(COLUMNS) as Column[]).map((column) => [column, index(column)])) as Record<Column, number>;
      needed = Math.max(...Object.values(at)) + 1;
      return;
    }
    rows++;
    const number = fields.length >= needed ? companyNumber(fields[at.number]) : undefined;
    if (!number) {
      skipped++;
      if (skipped > 1000 && skipped > rows / 10) {
        throw new RegisterSourceError(`${source.name}, line ${line}: most lines so far have no company number in column ${COLUMNS.number}; is the file damaged?`);
      }
      return;
    }
    if (GONE.test(fields[at.status])) return;
    const sic: number[] = [];
    for (const column of ['sic1', 'sic2', 'sic3', 'sic4'] as const) {
      const code = sicCode(fields[at[column]]);
      if (code !== undefined) sic.push(code);
    }
    const record: RegisterRecord = {
      register: 'companies',
      number,
      postcode: normalisePostcode(fields[at.postcode]) ?? '',
      category: fields[at.category].trim(),
      accounts: fields[at.accounts].trim(),
      sic,
      companyNumber: '',
    };
    if (add(fields[at.name], record)) records++;
  };

  for await (const lines of lineBatches(text)) {
    for (const line of lines) {
      lineNumber++;
      const whole = carried ? `${carried}\n${line}` : line;
      if (whole === '') continue;
      // The header is split whole; a data line only as far as the columns the pack needs.
      const fields = splitCsvLine(whole, at ? needed : undefined);
      if (!fields) {
        // A quoted field holds a line break: the record goes on on the next line.
        if (!carried) carriedFrom = lineNumber;
        else if (lineNumber - carriedFrom >= MAX_RECORD_LINES) {
          throw new RegisterSourceError(`${source.name}, line ${carriedFrom}: a quote is not closed within ${MAX_RECORD_LINES} lines.`);
        }
        carried = whole;
        continue;
      }
      handle(fields, carried ? carriedFrom : lineNumber);
      carried = '';
    }
  }
  if (carried) throw new RegisterSourceError(`${source.name}, line ${carriedFrom}: a quote is not closed before the end of the file.`);
  if (!at) throw new RegisterSourceError(`${source.name} is empty: no header line.`);
  return { register: 'companies', release: companiesRelease(source.fileName), rows, records, skipped };
}
