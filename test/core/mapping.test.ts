import * as fs from 'fs';
import * as path from 'path';
import type { Grid } from '../../src/core/cell';
import { parseCsv } from '../../src/core/csv';
import {
  applyMapOverrides,
  columnIndex,
  columnLetter,
  FIELDS,
  matchHeader,
  parseMapOption,
  proposeMapping,
  RESULT_COLUMN_HEADERS,
  type Mapping,
} from '../../src/core/mapping';
import { findTable } from '../../src/core/table';
import { decodeText } from '../../src/core/text-decode';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'input');
const fixture = (name: string): Grid => parseCsv(decodeText(fs.readFileSync(path.join(FIXTURES, name))).text);
const csv = (text: string): Grid => parseCsv(text, ',');

function propose(grid: Grid) {
  const layout = findTable(grid);
  return { layout, ...proposeMapping(grid, layout) };
}

/** field → header, for comparing mappings at a glance. */
function headersOf(mapping: Mapping): Record<string, string> {
  return Object.fromEntries(Object.entries(mapping).map(([field, mapped]) => [field, mapped!.header]));
}

describe('matchHeader', () => {
  test.each([
    ['Supplier Name', 'supplier'],
    ['Vendor Name', 'supplier'],
    ['Payee', 'supplier'],
    ['Creditor', 'supplier'],
    ['Name:  ', 'supplier'],
    ['Net Amount(£)', 'amount'],
    ['Amount Paid', 'amount'],
    ['Value (£)', 'amount'],
    ['Total excl VAT', 'amount'],
    ['Supplier Postcode', 'postcode'],
    ['Supplier Address', 'address'],
    ['Expense Type', 'category'],
    ['Account Detail', 'category'],
    ['GL Description', 'category'],
    ['ProClass Description', 'category'],
    ['Service Area', 'serviceArea'],
    ['Service Cost Centre', 'serviceArea'],
    ['Directorate', 'serviceArea'],
    ['Expense Area', 'serviceArea'],
    ['Authority Name', 'institution'],
    ['Organisation name', 'institution'],
    ['Date of Payment', 'date'],
    ['Purpose of Expenditure', 'description'],
    ['Supplier ID', 'supplierId'],
    ['Company Registration Number', 'supplierId'],
    ['SME Flag', 'sme'],
    ['Locality override', 'localityOverride'],
    ['Influence Override', 'influenceOverride'],
  ])('%p names %s', (header, field) => {
    expect(matchHeader(header)[0]?.field).toBe(field);
  });

  test('headers that must not be taken for the supplier or the amount', () => {
    expect(matchHeader('VAT')).toEqual([]);
    expect(matchHeader('VAT Amount').map((m) => m.field)).not.toContain('amount');
    expect(matchHeader('HBC ref no')).toEqual([]);
    expect(matchHeader('Supplier Number').map((m) => m.field)).not.toContain('supplier');
    expect(matchHeader('Authority Name').map((m) => m.field)).not.toContain('supplier');
  });

  test('gross is a weaker claim than net', () => {
    expect(matchHeader('Gross')[0].confidence).toBeLessThan(matchHeader('Net')[0].confidence);
  });

  test("the add-in's own result columns are never input", () => {
    expect(RESULT_COLUMN_HEADERS).toEqual([
      'Locality', 'Local authority', 'Locality basis', 'Influenceable', 'Influence reason', 'Supplier type',
      'Supplier key', 'Co-op potential',
    ]);
    for (const header of RESULT_COLUMN_HEADERS) expect(matchHeader(header)).toEqual([]);
  });
});

describe('proposeMapping', () => {
  test("Hyndburn's 2017–2023 layout", () => {
    const { mapping, missing } = propose(fixture('cp1252-cr.csv'));
    expect(missing).toEqual([]);
    expect(headersOf(mapping)).toEqual({
      serviceArea: 'Service Cost Centre',
      category: 'Account Detail',
      description: 'Description',
      supplier: 'Name',
      date: 'Payment date',
      amount: 'Net Amount(£)',
    });
  });

  test("Hyndburn's 2024 layout with blank columns between: Service Area over Department Area", () => {
    const { mapping } = propose(fixture('interleaved-blank-columns.csv'));
    expect(headersOf(mapping)).toEqual({
      serviceArea: 'Service Area',
      description: 'Description',
      supplier: 'Name:',
      date: 'Payment Date',
      amount: 'Amount Paid',
    });
    expect(mapping.supplier!.column).toBe(11);
    expect(mapping.amount!.column).toBe(16);
  });

  test('net wins over gross, VAT is never the amount, and gross serves when there is no net', () => {
    const salford = csv(
      'Authority Name,Date of Payment,DocumentNo,Gross,VAT,Net,Vendor Name,Service Area,GL Description\n' +
        'Salford City Council,2021-04-01,601315458,840,140,700,Abc Coach Ltd,Service Reform,Grants\n',
    );
    expect(headersOf(propose(salford).mapping)).toEqual({
      institution: 'Authority Name',
      date: 'Date of Payment',
      amount: 'Net',
      supplier: 'Vendor Name',
      serviceArea: 'Service Area',
      category: 'GL Description',
    });
    const grossOnly = csv('Supplier,VAT,Gross\nAcme Ltd,20.00,120.00\n');
    expect(propose(grossOnly).mapping.amount?.header).toBe('Gross');
  });

  test('result columns of an earlier run are left alone; the override columns are input', () => {
    const grid = csv(
      'Supplier,Amount,Locality,Local authority,Supplier key,Supplier type,Locality override,Influence override\n' +
        'Acme Ltd,5.00,local,Preston (E07000123),ACME,company,,review\n',
    );
    const { mapping } = propose(grid);
    expect(headersOf(mapping)).toEqual({
      supplier: 'Supplier',
      amount: 'Amount',
      localityOverride: 'Locality override',
      influenceOverride: 'Influence override',
    });
  });

  test('content overrules a header: an "Amount" column of text is not the amount', () => {
    const grid = csv('Supplier,Amount,Paid\nAcme Ltd,see note,5.00\nBeta Ltd,see note,"1,250.00"\nGamma Ltd,n/a,7.25\n');
    const { mapping } = propose(grid);
    expect(mapping.amount?.header).toBe('Paid');
  });

  test('a column the header does not name is recognised by content, with less confidence', () => {
    const grid = csv(
      'Supplier,Supplier PC,Sum (GBP)\nAcme Ltd,PR1 2HE,5.00\nBeta Ltd,BB5 1AA,6.00\nGamma Ltd,M1 1AE,7.00\n',
    );
    const { mapping } = propose(grid);
    expect(mapping.postcode).toMatchObject({ header: 'Supplier PC', column: 1 });
    expect(mapping.postcode!.confidence).toBeLessThan(0.7);
  });

  test('a header over an empty column maps to the filled neighbour without a header (merged header cells)', () => {
    const grid = csv('Supplier,,Amount,\nAcme Ltd,,,5.00\nBeta Ltd,,,6.00\n');
    expect(propose(grid).mapping.amount).toMatchObject({ header: 'Column D', column: 3 });
  });

  test('a file without a header is mapped by content: names, money, dates, text', () => {
    const { layout, mapping, missing } = propose(fixture('no-header.csv'));
    expect(layout.headerRow).toBeNull();
    expect(missing).toEqual([]);
    expect(headersOf(mapping)).toEqual({
      supplier: 'Column L',
      amount: 'Column Q',
      date: 'Column O',
      description: 'Column E',
    });
    for (const mapped of Object.values(mapping)) expect(mapped!.confidence).toBeLessThanOrEqual(0.6);
  });

  test('a header with no data rows under it is mapped from the header alone', () => {
    const { layout, mapping, missing } = propose(csv('Supplier,Net Amount\n'));
    expect(layout).toEqual({ headerRow: 0, headers: ['Supplier', 'Net Amount'], firstDataRow: 1, lastDataRow: 0 });
    expect(missing).toEqual([]);
    expect(headersOf(mapping)).toEqual({ supplier: 'Supplier', amount: 'Net Amount' });
  });

  test('required fields that cannot be found are listed as missing', () => {
    const { missing } = propose(csv('Supplier,Description\nAcme Ltd,Cleaning\nBeta Ltd,Repairs\n'));
    expect(missing).toEqual(['amount']);
    expect(propose([]).missing).toEqual(['supplier', 'amount']);
  });
});

describe('applyMapOverrides', () => {
  const grid = csv('Supplier Name,Payee Ref,Description,Net Amount\nAcme Ltd,A1,Cleaning,5.00\n');
  const layout = findTable(grid);
  const { mapping } = proposeMapping(grid, layout);

  test('by header, ignoring case and spaces, or by column letter; chosen columns have confidence 1', () => {
    const result = applyMapOverrides(mapping, [
      { field: 'supplierId', column: 'payeeref' },
      { field: 'category', column: 'c' },
    ], layout);
    expect(result.supplierId).toEqual({ column: 1, header: 'Payee Ref', confidence: 1 });
    expect(result.category).toEqual({ column: 2, header: 'Description', confidence: 1 });
    // The proposal had put description on column C; one column does not feed two fields.
    expect(result.description).toBeUndefined();
    expect(result.supplier).toEqual(mapping.supplier);
  });

  test('an unknown field or column is an error that names it and lists what there is', () => {
    expect(() => applyMapOverrides(mapping, [{ field: 'vendor' as never, column: 'A' }], layout)).toThrow(
      `Unknown field "vendor" in the column mapping; fields are: ${FIELDS.join(', ')}`,
    );
    expect(() => applyMapOverrides(mapping, [{ field: 'amount', column: 'Gross' }], layout)).toThrow(
      'No column "Gross" for amount; the columns are: A "Supplier Name", B "Payee Ref", C "Description", D "Net Amount"',
    );
    expect(() => applyMapOverrides(mapping, [{ field: 'amount', column: 'Z' }], layout)).toThrow('No column "Z"');
  });
});

describe('parseMapOption', () => {
  test.each([
    ['supplier="Vendor Name"', { field: 'supplier', column: 'Vendor Name' }],
    ["amount='Net Amount(£)'", { field: 'amount', column: 'Net Amount(£)' }],
    ['amount=F', { field: 'amount', column: 'F' }],
    ['service-area=Directorate', { field: 'serviceArea', column: 'Directorate' }],
    ['SupplierId = Vendor No', { field: 'supplierId', column: 'Vendor No' }],
  ])('%p', (text, expected) => {
    expect(parseMapOption(text)).toEqual(expected);
  });

  test('malformed options say what was expected', () => {
    expect(() => parseMapOption('supplier')).toThrow('--map "supplier": expected field="Column header" or field=F');
    expect(() => parseMapOption('vendor=B')).toThrow('--map "vendor=B": unknown field "vendor"; fields are: supplier, amount');
    expect(() => parseMapOption('amount=""')).toThrow('--map "amount=\\"\\"": no column given for amount');
  });
});

describe('column letters', () => {
  test('round trip', () => {
    expect([0, 5, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'F', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(['A', 'f', 'Z', 'aa', 'ZZ', 'AAA'].map(columnIndex)).toEqual([0, 5, 25, 26, 701, 702]);
    expect(columnIndex('A1')).toBe(-1);
  });
});
