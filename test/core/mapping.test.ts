import * as fs from 'fs';
import * as path from 'path';
import type { Grid } from '../../src/core/cell';
import { parseCsv } from '../../src/core/csv';
import { columnIndex, columnLetter } from '../../src/core/column-letters';
import { FIELDS, matchHeader, RESULT_COLUMN_HEADERS } from '../../src/core/header-vocabulary';
import { likeliestColumns } from '../../src/core/likeliest-columns';
import { applyMapOverrides, parseMapOption } from '../../src/core/map-overrides';
import type { Mapping } from '../../src/core/mapping';
import { proposeMapping } from '../../src/core/mapping-proposal';
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

  /** A file of `count` payments, each column filled by a function of the row number. */
  function payments(columns: Record<string, (i: number) => string>, count = 60): Grid {
    const headers = Object.keys(columns);
    return [headers, ...Array.from({ length: count }, (_, i) => headers.map((header) => columns[header](i)))];
  }
  const SUPPLIERS = ['Acme Ltd', 'Beta Care Ltd', 'Gamma Construction Ltd', 'Delta Cleaning Services', 'Epsilon Plc', 'Zeta LLP', 'Eta Motors Ltd', 'Theta Trust', 'Iota Group Ltd', 'Kappa Solutions Ltd', 'Lambda Hire Ltd', 'Mu Associates'];
  const SUBJECTIVES = ['Private Contractors', 'Equipment Furniture And Materials', 'Repairs Alterations And Maintenance', 'Consultant Fees', 'Grants And Subscriptions', 'Agency Costs', 'Voluntary Associations', 'Catering', 'Printing Stationery', 'Communications And Computers', 'Rents', 'Transfer Payments'];
  const GROUPS = ['Third Party Payments', 'Supplies And Services', 'Premises', 'Supplies And Services', 'Supplies And Services', 'Employees', 'Third Party Payments', 'Supplies And Services', 'Supplies And Services', 'Supplies And Services', 'Premises', 'Transfer Payments'];
  const pick = (list: readonly string[]) => (i: number) => list[(i * 7) % list.length];
  const amount = (i: number) => `${(100 + i * 13.37).toFixed(2)}`;

  test('an empty column is never the category, and a column of codes is not one either', () => {
    const grid = payments({
      'Supplier(Beneficiary) Name': pick(SUPPLIERS),
      'Net Amount': amount,
      "Procurement Classification: Council's Procurement Category Name": pick(SUBJECTIVES),
      'Expense Code': (i) => `5772${1000 + i}PTSI`,
      Proclass: () => '',
      BVACOP: () => '',
    });
    const { mapping } = propose(grid);
    expect(mapping.category?.header).toBe("Procurement Classification: Council's Procurement Category Name");
    expect(Object.values(headersOf(mapping))).not.toContain('Proclass');
  });

  test('of two classification columns the finer is the category and the coarser its group', () => {
    const grid = payments({ Supplier: pick(SUPPLIERS), Amount: amount, 'Expense Type': (i) => GROUPS[(i * 7) % 12], 'Detailed Expense Type': pick(SUBJECTIVES) });
    expect(headersOf(propose(grid).mapping)).toMatchObject({ category: 'Detailed Expense Type', categoryGroup: 'Expense Type' });
    const cipfa = payments({ Supplier: pick(SUPPLIERS), Net: amount, 'Cipfsubj(T)': pick(SUBJECTIVES), 'Subjective Group': (i) => GROUPS[(i * 7) % 12] });
    expect(headersOf(propose(cipfa).mapping)).toMatchObject({ category: 'Cipfsubj(T)', categoryGroup: 'Subjective Group' });
  });

  test('without a classification, a cost-centre column finer than the service area is the category', () => {
    const centres = Array.from({ length: 30 }, (_, i) => `Cost centre ${['Residential Care OP', 'Minor Works', 'Home Care', 'ITA Levy', 'Street Lighting PFI'][i % 5]} ${String.fromCharCode(65 + i)}`);
    const grid = payments({
      Directorate: (i) => ['Place', 'Resources', 'Adults'][i % 3],
      'Service Area': (i) => ['Adult Social Care', 'Transport', 'ICT', 'Education', 'Housing', 'Parks', 'Libraries', 'Finance', 'Legal'][i % 9],
      'Group Description': (i) => ['Revenue Expenditure', 'Capital Expenditure'][i % 2],
      'Supplier Name': pick(SUPPLIERS),
      'Cost Centre': (i) => `1MK${10 + (i % 30)}`,
      'Cost Centre Name': (i) => centres[i % 30],
      'Total (excludes VAT)': amount,
    }, 120);
    expect(headersOf(propose(grid).mapping)).toMatchObject({ serviceArea: 'Service Area', category: 'Cost Centre Name', supplier: 'Supplier Name' });
  });

  test('a "description" of repeated headings, with no category beside it, is the category', () => {
    const grid = payments({ 'Vendor Name': pick(SUPPLIERS), Net: amount, 'Purpose of Spend': pick(SUBJECTIVES) });
    const { mapping } = propose(grid);
    expect(mapping.category?.header).toBe('Purpose of Spend');
    expect(mapping.description).toBeUndefined();
  });

  test('a column headed like an id that holds names is the supplier; one that holds codes is the id', () => {
    const named = payments({ 'Supplier ID(T)': pick(SUPPLIERS), 'Amount(T)': amount, 'Cipfsubs(T)': pick(SUBJECTIVES) });
    expect(headersOf(propose(named).mapping)).toMatchObject({ supplier: 'Supplier ID(T)', category: 'Cipfsubs(T)' });
    const coded = payments({ 'Supplier ID': (i) => `S${113120 + (i % 12)}`, 'Supplier Name': pick(SUPPLIERS), Amount: amount });
    expect(headersOf(propose(coded).mapping)).toMatchObject({ supplier: 'Supplier Name', supplierId: 'Supplier ID' });
  });

  test('required fields that cannot be found are listed as missing', () => {
    const { missing } = propose(csv('Supplier,Description\nAcme Ltd,Cleaning\nBeta Ltd,Repairs\n'));
    expect(missing).toEqual(['amount']);
    expect(propose([]).missing).toEqual(['supplier', 'amount']);
  });
});

describe('likeliestColumns', () => {
  test('names the columns likeliest to hold a field not found, best first, with values from them', () => {
    const grid = csv('Ref,Who,Dept,Net\nINV-1,J Smith 1,Finance,5.00\nINV-2,K Jones 2,Finance,6.00\nINV-3,L Brown 3,Housing,7.00\n');
    const layout = findTable(grid);
    expect(likeliestColumns(grid, layout, 'supplier')).toEqual([
      { column: 1, header: 'Who', samples: ['J Smith 1', 'K Jones 2'] },
      { column: 2, header: 'Dept', samples: ['Finance', 'Housing'] },
    ]);
    expect(likeliestColumns(grid, layout, 'amount').map((c) => c.header)).toEqual(['Net']);
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
