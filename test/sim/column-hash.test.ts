import { createColumnHasher, hashColumns } from './column-hash';

describe('per-column hashes', () => {
  it('tells apart values that look alike', () => {
    const [empty, zeroText, zero, falseValue, nullCell] = hashColumns([['', '0', 0, false, null]]);
    expect(new Set([empty, zeroText, zero, falseValue]).size).toBe(4);
    expect(nullCell).toBe(empty);
  });

  it('depends on order and on cell boundaries', () => {
    expect(hashColumns([['a'], ['b']])).not.toEqual(hashColumns([['b'], ['a']]));
    expect(hashColumns([['ab'], ['']])).not.toEqual(hashColumns([['a'], ['b']]));
  });

  it('gives the same result streamed row by row', () => {
    const rows = Array.from({ length: 100 }, (_, i) => [`s${i}`, i, i % 2 === 0]);
    const hasher = createColumnHasher(3);
    rows.forEach((row) => hasher.addRow(row));
    expect(hasher.digest()).toEqual(hashColumns(rows));
    expect(hasher.digest()[0]).toMatch(/^100:[0-9a-f]{16}$/);
  });
});
