import * as fs from 'fs';
import * as path from 'path';
import { readCreditorFile } from '../../src/taskpane/creditor-file';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'e2e');
const bytes = (text: string) => new TextEncoder().encode(text);

describe('readCreditorFile', () => {
  it('reads a finance system supplier list: ids, names, postcodes and addresses', () => {
    const read = readCreditorFile(new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'creditors.csv'))), 'creditors.csv');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.records[0]).toEqual({ supplier: 'Ribble Valley Joinery Ltd', supplierId: 'V1001', postcode: 'BB7 2EP' });
    expect(read.records).toContainEqual({ supplier: 'Harbour Lights Catering', supplierId: 'V1004', address: '1 Quay Street, Lancaster LA1 1AA' });
    expect(read.records).toHaveLength(4);
  });

  it('reads Windows-1252 text with title lines above the header', () => {
    const text = 'Creditor master file\r\nExported 01/04/2025\r\n\r\nSupplier Name,Post Code\r\nCaf\xe9 Nero Ltd,PR1 2HE\r\n';
    const raw = Uint8Array.from(text, (c) => c.charCodeAt(0));
    const read = readCreditorFile(raw, 'master.csv');
    expect(read).toEqual({ ok: true, records: [{ supplier: 'Café Nero Ltd', postcode: 'PR1 2HE' }] });
  });

  it('says what is missing, naming the file', () => {
    expect(readCreditorFile(bytes('Supplier,Town\nAcme,Preston\n'), 'towns.csv')).toEqual({
      ok: false,
      message: 'towns.csv: no postcode or address column was found. Give the column a header such as "Postcode" or "Address" and try again.',
    });
    expect(readCreditorFile(bytes(''), 'empty.csv')).toEqual({ ok: false, message: 'empty.csv is empty.' });
    expect(readCreditorFile(bytes('x'), 'suppliers.xlsx')).toMatchObject({ ok: false, message: expect.stringContaining('is not a CSV file') });
  });
});
