import { readDistrictTables } from '../../scripts/geo-build';
import { listAreaOptions, type AreaOption } from '../../src/core/areas';
import { searchAreaOptions } from '../../src/taskpane/area-search';
import { FIXTURE_SOURCE_DIR } from '../geo/fixture-pack';

let options: AreaOption[];
beforeAll(async () => {
  options = listAreaOptions(await readDistrictTables(FIXTURE_SOURCE_DIR));
});

const labels = (query: string, limit = 10) => searchAreaOptions(options, query, limit).map((o) => o.label);

describe('searchAreaOptions', () => {
  it('puts the exact name first, then larger areas that start with it, then words inside names', () => {
    expect(labels('Lancashire')).toEqual([
      'Lancashire (county)',
      'Lancashire (ceremonial county)',
      'Lancashire Combined County Authority (2025)',
      'West Lancashire (district)',
    ]);
  });

  it('finds an area from the start of its name, in any case', () => {
    expect(labels('prest')).toEqual(['Preston (district)']);
    expect(labels('ribble')).toEqual(['Ribble Valley (district)', 'South Ribble (district)']);
  });

  it('finds an area by its ONS code', () => {
    expect(labels('e07000123')).toEqual(['Preston (district)']);
  });

  it('lists everything (up to the limit) for a blank query, and nothing for a stranger', () => {
    expect(labels('', 5)).toHaveLength(5);
    expect(labels('Atlantis')).toEqual([]);
  });
});
