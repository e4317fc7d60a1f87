import { fullPostcodesMentioned, postcodesForOnlineLookup, prepareRows } from '../../src/core/analysis/prepare';
import { directoryEntry, emptyDirectory } from '../../src/core/directory';
import type { SpendRow } from '../../src/core/rows';

const rows: SpendRow[] = [
  { row: 2, supplier: 'Acme Ltd', amount: 1, postcode: 'pr1 2he' },
  { row: 3, supplier: 'ACME LIMITED', amount: 2 },
  { row: 4, supplier: 'Beta Ltd', amount: 3, address: '1 High St, Leeds LS1 4AP', localityOverride: 'M1 1AE' },
  { row: 5, supplier: 'Gamma Ltd', amount: 4, postcode: 'PR3 2' },
];

describe('prepareRows', () => {
  test('one supplier key per spelling, the directory filled from the rows, and the postcode areas needed', () => {
    const prepared = prepareRows(rows, emptyDirectory());
    expect(prepared.suppliers[0].key).toBe(prepared.suppliers[1].key);
    expect(prepared.suppliers.map((s) => s.name)).toEqual(rows.map((row) => row.supplier));
    expect(directoryEntry(prepared.directory, prepared.suppliers[0].key)).toMatchObject({ name: 'Acme Ltd', otherNames: ['ACME LIMITED'], postcode: 'PR1 2HE', postcodeSource: 'payments' });
    expect(prepared.postcodeAreas).toEqual(['LS', 'M', 'PR']);
  });
});

describe('the postcodes an analysis mentions', () => {
  test('full postcodes only, from rows, overrides, the directory and other texts given', () => {
    const prepared = prepareRows(rows, emptyDirectory());
    expect([...fullPostcodesMentioned(prepared, [{ postcode: 'FY1 1AA' }])].sort()).toEqual(['FY1 1AA', 'LS1 4AP', 'M1 1AE', 'PR1 2HE']);
  });

  test('an online lookup is asked only for what neither the pack nor the cache answers', () => {
    const prepared = prepareRows(rows, emptyDirectory());
    expect(postcodesForOnlineLookup(prepared, undefined, new Map([['M1 1AE', { district: 'E08000003' }]]))).toEqual(['LS1 4AP', 'PR1 2HE']);
  });
});
