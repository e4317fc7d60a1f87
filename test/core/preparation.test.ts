import { prepareRows, startPreparation } from '../../src/core/analysis/prepare';
import { emptyDirectory } from '../../src/core/directory';
import type { SpendRow } from '../../src/core/rows';

const POSTCODES = ['PR1 2HE', 'M1 1AE', '', 'PR3 2', 'FY1 1AA'];

function rows(): SpendRow[] {
  return Array.from({ length: 500 }, (_, i) => ({ row: i + 2, supplier: `Supplier ${i % 37} Ltd`, amount: i, postcode: POSTCODES[i % POSTCODES.length] || undefined, address: i % 11 === 0 ? `1 High St, Leeds LS${i % 7} 1AB` : undefined }));
}

describe('preparing rows in steps', () => {
  it('gives what preparing them at once gives, whatever the steps', () => {
    const whole = prepareRows(rows(), emptyDirectory());
    for (const size of [1, 7, 100]) {
      const preparation = startPreparation(rows(), emptyDirectory());
      let steps = 0;
      while (!preparation.step(size)) steps++;
      expect(steps).toBeGreaterThan(500 / size - 1);
      expect(preparation.finish()).toEqual(whole);
    }
  });
});
