/**
 * The Charity Commission for England and Wales's register extract, `publicextract.charity`, as
 * the Commission publishes it: JSON (an array of one flat object per charity) or tab-separated
 * text with a header line, each in a zip. Only main charities (`linked_charity_number` 0) that
 * are registered are kept; a linked charity shares its main charity's number.
 */
import { normalisePostcode } from '../core/postcode';
import { charityNumber, companyNumber, type RegisterRecord } from '../core/register-record';
import { lineBatches, RegisterSourceError, type RecordSink, type SourceSummary, type SourceText } from './source-text';

const FIELDS = {
  number: 'registered_charity_number',
  linked: 'linked_charity_number',
  name: 'charity_name',
  type: 'charity_type',
  status: 'charity_registration_status',
  postcode: 'charity_contact_postcode',
  company: 'charity_company_registration_number',
  extracted: 'date_of_extract',
} as const;
type Field = keyof typeof FIELDS;

/** Whether the beginning of a file is the charity extract, and in which form. */
export function charityExtractForm(head: string): 'json' | 'text' | undefined {
  if (!head.includes(FIELDS.number)) return undefined;
  return /^\s*[[{]/.test(head) ? 'json' : head.split('\n', 1)[0].includes('\t') ? 'text' : undefined;
}

/** Lines a record may run over (a field holding line breaks) before the file is taken for damaged. */
const MAX_RECORD_LINES = 50;

class CharityReader {
  rows = 0;
  records = 0;
  skipped = 0;
  extracted = '';

  constructor(private readonly add: RecordSink) {}

  /** One row of the extract, its fields by name (JSON values as they come: numbers, strings, null). */
  row(value: (field: Field) => unknown): void {
    this.rows++;
    const text = (field: Field) => {
      const v = value(field);
      return v === null || v === undefined ? '' : String(v).trim();
    };
    const date = text('extracted').slice(0, 10);
    if (date > this.extracted) this.extracted = date;
    if (text('linked') !== '0') return;
    if (text('status').toLowerCase() !== 'registered') return;
    const number = charityNumber(text('number'));
    const name = text('name');
    if (!number || !name) {
      this.skipped++;
      return;
    }
    const record: RegisterRecord = {
      register: 'charities',
      number,
      postcode: normalisePostcode(text('postcode')) ?? '',
      category: text('type'),
      accounts: '',
      sic: [],
      companyNumber: companyNumber(text('company')) ?? '',
    };
    if (this.add(name, record)) this.records++;
  }

  summary(source: SourceText): SourceSummary {
    const release = `Charity Commission register extract ${this.extracted || `(${source.fileName})`}`;
    return { register: 'charities', release, rows: this.rows, records: this.records, skipped: this.skipped };
  }
}

export async function readCharities(source: SourceText, text: AsyncIterable<string>, form: 'json' | 'text', add: RecordSink): Promise<SourceSummary> {
  const reader = new CharityReader(add);
  if (form === 'json') await readJson(source, text, reader);
  else await readTabbed(source, text, reader);
  return reader.summary(source);
}

async function readTabbed(source: SourceText, text: AsyncIterable<string>, reader: CharityReader): Promise<void> {
  let header: string[] | undefined;
  let at: Record<Field, number> = {} as Record<Field, number>;
  let lineNumber = 0;
  let carried: string[] | undefined;
  let carriedFrom = 0;
  for await (const lines of lineBatches(text)) {
    for (const line of lines) {
      lineNumber++;
      if (!header) {
        header = line.replace(/^\uFEFF/, '').split('\t').map((name) => name.trim());
        const missing = (['number', 'linked', 'name', 'status', 'postcode'] as Field[]).filter((field) => !header!.includes(FIELDS[field]));
        if (missing.length > 0) throw new RegisterSourceError(`${source.name}, line 1: no ${missing.map((f) => FIELDS[f]).join(', ')} column.`);
        at = Object.fromEntries((Object.keys(FIELDS) as Field[]).map((field) => [field, header!.indexOf(FIELDS[field])])) as Record<Field, number>;
        continue;
      }
      let fields = line.split('\t');
      if (carried) {
        // A field held a line break: the row goes on.
        carried[carried.length - 1] += `\n${fields[0]}`;
        fields = carried.concat(fields.slice(1));
      } else if (line === '') {
        continue;
      }
      if (fields.length < header.length) {
        if (!carried) carriedFrom = lineNumber;
        else if (lineNumber - carriedFrom >= MAX_RECORD_LINES) {
          throw new RegisterSourceError(`${source.name}, line ${carriedFrom}: the row has ${fields.length} fields where the header has ${header.length}.`);
        }
        carried = fields;
        continue;
      }
      carried = undefined;
      reader.row((field) => (at[field] >= 0 ? fields[at[field]] : undefined));
    }
  }
  if (!header) throw new RegisterSourceError(`${source.name} is empty: no header line.`);
  if (carried) throw new RegisterSourceError(`${source.name}, line ${carriedFrom}: the last row has ${carried.length} fields where the header has ${header.length}.`);
}

/**
 * The JSON extract, a top-level array of flat objects, read one object at a time: each object's
 * text is found by following strings and braces, then parsed on its own.
 */
async function readJson(source: SourceText, text: AsyncIterable<string>, reader: CharityReader): Promise<void> {
  let pending = '';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let objectStart = -1;
  let objects = 0;
  const fail = (why: string): never => {
    throw new RegisterSourceError(`${source.name}, object ${objects + 1}: ${why}.`);
  };
  for await (const chunk of text) {
    const data = pending + chunk;
    for (let i = pending.length; i < data.length; i++) {
      const c = data.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 0x5c) escaped = true;
        else if (c === 0x22) inString = false;
      } else if (c === 0x22) {
        inString = true;
      } else if (c === 0x7b) {
        if (depth++ === 0) objectStart = i;
      } else if (c === 0x7d) {
        if (--depth < 0) fail('a closing brace with no object open');
        if (depth === 0) {
          let row: Record<string, unknown>;
          try {
            row = JSON.parse(data.slice(objectStart, i + 1)) as Record<string, unknown>;
          } catch (error) {
            return fail(`not valid JSON (${(error as Error).message})`);
          }
          objects++;
          reader.row((field) => row[FIELDS[field]]);
          objectStart = -1;
        }
      }
    }
    // Keep only an object still open; what came before it is done with.
    pending = objectStart >= 0 ? data.slice(objectStart) : '';
    if (objectStart >= 0) objectStart = 0;
  }
  if (depth !== 0) fail('the file ends inside an object (cut short?)');
  if (objects === 0) throw new RegisterSourceError(`${source.name} holds no charity objects.`);
}
