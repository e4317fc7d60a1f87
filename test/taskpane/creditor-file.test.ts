import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { readCreditorFile } from '../../src/taskpane/creditor-file';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'e2e');
const bytes = (text: string) => new TextEncoder().encode(text);

/** A supplier list as a finance system exports it to Excel: a title, a hidden sheet first, numbers as ids. */
async function creditorWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const hidden = workbook.addWorksheet('Lookups');
  hidden.state = 'hidden';
  hidden.addRow(['Supplier Name', 'Post Code']);
  hidden.addRow(['Not This Ltd', 'M1 1AA']);
  const sheet = workbook.addWorksheet('Suppliers');
  sheet.addRow(['Creditor master file']);
  sheet.addRow([]);
  sheet.addRow(['Vendor No', 'Supplier Name', 'Address', 'Post Code']);
  sheet.addRow([1001, 'Ribble Valley Joinery Ltd', 'Unit 4, Clitheroe', 'BB7 2EP']);
  sheet.addRow([1002, 'Harbour Lights & Co', '1 Quay Street, Lancaster LA1 1AA', null]);
  sheet.addRow([1003, { richText: [{ text: 'Café ' }, { text: 'Nero', font: { bold: true } }, { text: ' Ltd' }] }, null, 'PR1 2HE']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('readCreditorFile', () => {
  it('reads a finance system supplier list: ids, names, postcodes and addresses', async () => {
    const read = await readCreditorFile(new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'creditors.csv'))), 'creditors.csv');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.records[0]).toEqual({ supplier: 'Ribble Valley Joinery Ltd', supplierId: 'V1001', postcode: 'BB7 2EP' });
    expect(read.records).toContainEqual({ supplier: 'Harbour Lights Catering', supplierId: 'V1004', address: '1 Quay Street, Lancaster LA1 1AA' });
    expect(read.records).toHaveLength(4);
  });

  it('reads Windows-1252 text with title lines above the header', async () => {
    const text = 'Creditor master file\r\nExported 01/04/2025\r\n\r\nSupplier Name,Post Code\r\nCaf\xe9 Nero Ltd,PR1 2HE\r\n';
    const raw = Uint8Array.from(text, (c) => c.charCodeAt(0));
    const read = await readCreditorFile(raw, 'master.csv');
    expect(read).toEqual({ ok: true, records: [{ supplier: 'Café Nero Ltd', postcode: 'PR1 2HE' }] });
  });

  it('reads the first visible sheet of an Excel workbook, rich text and numeric ids included', async () => {
    const read = await readCreditorFile(await creditorWorkbook(), 'Creditors.XLSX');
    expect(read).toEqual({
      ok: true,
      records: [
        { supplier: 'Ribble Valley Joinery Ltd', supplierId: '1001', address: 'Unit 4, Clitheroe', postcode: 'BB7 2EP' },
        { supplier: 'Harbour Lights & Co', supplierId: '1002', address: '1 Quay Street, Lancaster LA1 1AA' },
        { supplier: 'Café Nero Ltd', supplierId: '1003', postcode: 'PR1 2HE' },
      ],
    });
  });

  it('says what is missing or unreadable, naming the file', async () => {
    expect(await readCreditorFile(bytes('Supplier,Town\nAcme,Preston\n'), 'towns.csv')).toEqual({
      ok: false,
      message: 'towns.csv: no postcode or address column was found. Give the column a header such as "Postcode" or "Address" and try again.',
    });
    expect(await readCreditorFile(bytes(''), 'empty.csv')).toEqual({ ok: false, message: 'empty.csv is empty.' });
    expect(await readCreditorFile(bytes('x'), 'suppliers.xlsx')).toMatchObject({ ok: false, message: expect.stringContaining('suppliers.xlsx could not be read as an Excel workbook') });
    expect(await readCreditorFile(bytes('x'), 'suppliers.pdf')).toMatchObject({ ok: false, message: expect.stringContaining('is not a CSV or .xlsx file') });
  });

  it('says a password-protected workbook is one, and what to do', async () => {
    const encrypted = new Uint8Array(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'cli', 'password-protected.xlsx')));
    expect(await readCreditorFile(encrypted, 'creditors.xlsx')).toEqual({
      ok: false,
      message: 'creditors.xlsx cannot be read: it is password-protected: save an unprotected copy (in Excel, File › Info › Protect Workbook › Encrypt with Password, and clear the password) and use that.',
    });
  });
});
