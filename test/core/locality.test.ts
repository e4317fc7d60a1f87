import { readDistrictTables } from '../../scripts/geo-build';
import type { Areas } from '../../src/core/areas';
import type { DistrictInfo, PostcodeIndex } from '../../src/core/geography';
import { decideLocality, postcodeAreasNeeded, postcodesToLookUpOnline, type LocalityContext, type OnlineAnswer } from '../../src/core/locality';
import { openGeoPack } from '../../src/geo/geo-pack';
import { nodePackSource } from '../../src/geo/node-pack-source';
import { buildFixturePack, FIXTURE_SOURCE_DIR } from '../geo/fixture-pack';

const LANCASHIRE_14 = ['E06000008', 'E06000009', 'E07000117', 'E07000118', 'E07000119', 'E07000120', 'E07000121', 'E07000122', 'E07000123', 'E07000124', 'E07000125', 'E07000126', 'E07000127', 'E07000128'];
const PRESTON_IN_LANCASHIRE: Areas = {
  local: { name: 'Preston', districts: ['E07000123'] },
  wider: { name: 'Lancashire', districts: LANCASHIRE_14 },
};
const PRESTON_ONLY: Areas = { local: PRESTON_IN_LANCASHIRE.local, wider: PRESTON_IN_LANCASHIRE.local };
const WYRE_IN_WYRE_AND_FYLDE: Areas = { local: { name: 'Wyre', districts: ['E07000128'] }, wider: { name: 'Wyre and Fylde', districts: ['E07000119', 'E07000128'] } };
const MANCHESTER: Areas = { local: { name: 'Manchester', districts: ['E08000003'] }, wider: { name: 'Greater Manchester', districts: ['E08000003', 'E08000006'] } };

let index: PostcodeIndex;
let districts: Map<string, DistrictInfo>;
beforeAll(async () => {
  const geo = await openGeoPack(nodePackSource(await buildFixturePack()));
  index = await geo.loadAreas(['PR', 'FY', 'M', 'GY']);
  districts = await readDistrictTables(FIXTURE_SOURCE_DIR);
});

function ctx(overrides: Partial<LocalityContext> = {}): LocalityContext {
  return { index, online: new Map(), districts, areas: PRESTON_IN_LANCASHIRE, threshold: 0.95, ...overrides };
}

describe('exact full postcodes', () => {
  it.each([
    ['PR1 2HE', 'local', 'E07000123', 'Full postcode PR1 2HE in Preston'],
    ['FY1 1AA', 'wider', 'E06000009', 'Full postcode FY1 1AA in Blackpool'],
    ['M1 1AE', 'rest_of_uk', 'E08000003', 'Full postcode M1 1AE in Manchester'],
    ['GY1 1AA', 'rest_of_uk', 'L99999999', 'Full postcode GY1 1AA in Channel Islands'],
  ])('%s', (postcode, locality, district, basis) => {
    expect(decideLocality({ postcode }, ctx())).toEqual({ locality, district, basis, basisKind: 'postcode' });
  });

  it('in messy spellings and inside an address', () => {
    for (const text of [{ postcode: 'pr12he' }, { postcode: 'PR1-2HE' }, { address: 'Unit 3, Foo St, Preston, PR1 2HE, UK' }, { postcode: 'PR3', address: 'Preston pr1  2he' }]) {
      expect(decideLocality(text, ctx())).toMatchObject({ locality: 'local', district: 'E07000123', basisKind: 'postcode' });
    }
  });

  it('the Crown dependencies are local when the user\'s areas include them', () => {
    const channel: Areas = { local: { name: 'Channel Islands', districts: ['L99999999'] }, wider: { name: 'Channel Islands', districts: ['L99999999'] } };
    expect(decideLocality({ postcode: 'GY1 1AA' }, ctx({ areas: channel })).locality).toBe('local');
  });
});

describe('partial postcodes, decided by the shares of their postcodes', () => {
  // PR3 0: 19 Preston, 1 Wyre. PR3 1: 9 Preston, 1 Ribble Valley. PR3 2: 10 Preston, 10 Wyre.
  it.each([
    ['PR3 0', 0.95, PRESTON_IN_LANCASHIRE, 'local', 'Postcode sector PR3 0: 95% Preston, 5% Wyre — 95% inside Preston'],
    ['PR3 0', 0.96, PRESTON_IN_LANCASHIRE, 'wider', 'Postcode sector PR3 0: 95% Preston, 5% Wyre — 100% inside Lancashire'],
    ['PR3 1', 0.9, PRESTON_IN_LANCASHIRE, 'local', 'Postcode sector PR3 1: 90% Preston, 10% Ribble Valley — 90% inside Preston'],
    ['PR3 1', 0.95, PRESTON_IN_LANCASHIRE, 'wider', 'Postcode sector PR3 1: 90% Preston, 10% Ribble Valley — 100% inside Lancashire'],
    ['PR3 1', 0.95, PRESTON_ONLY, 'unknown', 'Postcode sector PR3 1: 90% Preston, 10% Ribble Valley — too mixed to decide: 90% inside Preston; 95% is needed'],
    ['PR3 2', 0.95, PRESTON_IN_LANCASHIRE, 'wider', 'Postcode sector PR3 2: 50% Preston, 50% Wyre — 100% inside Lancashire'],
    ['PR3 2', 0.5, PRESTON_ONLY, 'local', 'Postcode sector PR3 2: 50% Preston, 50% Wyre — 50% inside Preston'],
    ['PR3 2', 0.95, WYRE_IN_WYRE_AND_FYLDE, 'unknown',
      'Postcode sector PR3 2: 50% Preston, 50% Wyre — too mixed to decide: 50% inside Wyre, 50% inside Wyre and Fylde; 95% is needed'],
    ['PR3 1', 0.95, MANCHESTER, 'rest_of_uk',
      'Postcode sector PR3 1: 90% Preston, 10% Ribble Valley — 100% outside Greater Manchester'],
    ['PR1 9', 0.95, PRESTON_IN_LANCASHIRE, 'local', 'Postcode sector PR1 9: 95% Preston, 5% no local authority — 95% inside Preston'],
    ['PR1 9', 0.96, PRESTON_IN_LANCASHIRE, 'unknown', 'Postcode sector PR1 9: 95% Preston, 5% no local authority — too mixed to decide: 95% inside Preston, 95% inside Lancashire; 96% is needed'],
    ['PR3', 0.95, PRESTON_IN_LANCASHIRE, 'wider', 'Postcode district PR3: 76% Preston, 22% Wyre, 2% Ribble Valley — 100% inside Lancashire'],
  ] as const)('%s at %s', (postcode, threshold, areas, locality, basis) => {
    const decision = decideLocality({ postcode }, ctx({ threshold, areas }));
    expect(decision).toEqual({ locality, basis, basisKind: locality === 'unknown' ? 'unknown' : 'partial' });
  });

  it('gives the district when every postcode of the partial is in one', () => {
    expect(decideLocality({ postcode: 'PR25' }, ctx())).toEqual({
      locality: 'wider',
      district: 'E07000126',
      basis: 'Postcode district PR25: 100% South Ribble — 100% inside Lancashire',
      basisKind: 'partial',
    });
  });

  it('a full postcode not in the pack falls back to its sector, then its district, and says so', () => {
    expect(decideLocality({ postcode: 'PR3 0ZZ' }, ctx())).toEqual({
      locality: 'local',
      basis: 'Full postcode PR3 0ZZ is not in ONS NSPL fixture; postcode sector PR3 0: 95% Preston, 5% Wyre — 95% inside Preston',
      basisKind: 'partial',
    });
    expect(decideLocality({ postcode: 'PR3 9AA' }, ctx())).toMatchObject({
      locality: 'wider',
      basis: 'Full postcode PR3 9AA is not in ONS NSPL fixture; postcode district PR3: 76% Preston, 22% Wyre, 2% Ribble Valley — 100% inside Lancashire',
    });
    expect(decideLocality({ postcode: 'PR7 1AA' }, ctx())).toEqual({
      locality: 'unknown',
      basis: 'Full postcode PR7 1AA is not in ONS NSPL fixture; nor are its sector PR7 1 or district PR7',
      basisKind: 'unknown',
    });
  });

  it('a postcode listed with no district is never placed', () => {
    expect(decideLocality({ postcode: 'PR0 2AA' }, ctx())).toEqual({
      locality: 'unknown',
      basis: 'Full postcode PR0 2AA is listed in ONS NSPL fixture with no local authority; postcode sector PR0 2: 100% no local authority — none of its postcodes has a local authority',
      basisKind: 'unknown',
    });
  });
});

describe('online answers', () => {
  const online = new Map<string, OnlineAnswer>([
    ['PR1 2ZZ', { district: 'E07000123', districtName: 'Preston' }],
    ['B1 1AA', { district: 'E08000025', districtName: 'Birmingham' }],
    ['PR3 0ZZ', { district: null }],
    ['BT1 5GS', { district: 'N09000003', districtName: 'Belfast' }],
  ]);

  it('answer what the pack does not hold', () => {
    expect(decideLocality({ postcode: 'PR1 2ZZ' }, ctx({ online }))).toEqual({
      locality: 'local',
      district: 'E07000123',
      basis: 'Online lookup (postcodes.io): PR1 2ZZ in Preston',
      basisKind: 'online',
    });
    expect(decideLocality({ postcode: 'B1 1AA' }, ctx({ online }))).toMatchObject({ locality: 'rest_of_uk', basis: 'Online lookup (postcodes.io): B1 1AA in Birmingham' });
    expect(decideLocality({ postcode: 'BT1 5GS' }, ctx({ online }))).toMatchObject({ locality: 'rest_of_uk', district: 'N09000003', basisKind: 'online' });
  });

  it('never override an exact answer of the pack', () => {
    const wrong = new Map<string, OnlineAnswer>([['PR1 2HE', { district: 'E08000003' }]]);
    expect(decideLocality({ postcode: 'PR1 2HE' }, ctx({ online: wrong })).district).toBe('E07000123');
  });

  it('"not known" online still falls back to the sector', () => {
    expect(decideLocality({ postcode: 'PR3 0ZZ' }, ctx({ online })).basis).toMatch(/^Full postcode PR3 0ZZ is not in ONS NSPL fixture nor known to postcodes.io; postcode sector PR3 0/);
  });
});

describe('areas the pack does not hold or has not loaded', () => {
  it('an area not loaded, or no pack at all, is unknown with why', () => {
    expect(decideLocality({ postcode: 'B1 1AA' }, ctx())).toEqual({
      locality: 'unknown',
      basis: 'Postcode B1 1AA: the geography for postcode area B is not loaded and there is no online answer',
      basisKind: 'unknown',
    });
    expect(decideLocality({ postcode: 'PR1 2HE' }, ctx({ index: undefined })).basis).toBe('Postcode PR1 2HE: no geography pack is loaded and there is no online answer');
    expect(decideLocality({ postcode: 'B1 1' }, ctx()).basis).toBe('Postcode sector B1 1: the geography for postcode area B is not loaded');
  });

  it('Northern Ireland is rest of UK unless the areas include it', () => {
    expect(decideLocality({ address: '1 Donegall Sq, Belfast BT1 5GS' }, ctx())).toEqual({
      locality: 'rest_of_uk',
      basis: 'Postcode BT1 5GS: Northern Ireland, outside Lancashire',
      basisKind: 'partial',
    });
    const belfast: Areas = { local: { name: 'Belfast', districts: ['N09000003'] }, wider: { name: 'Belfast', districts: ['N09000003'] } };
    expect(decideLocality({ postcode: 'BT1 5GS' }, ctx({ areas: belfast }))).toEqual({
      locality: 'unknown',
      basis: 'Postcode BT1 5GS: Northern Ireland, but its district is not in the geography pack (an online lookup can tell)',
      basisKind: 'unknown',
    });
  });

  it('the Isle of Man and Channel Islands are placed by their letters when not loaded', () => {
    expect(decideLocality({ postcode: 'IM1 1AA' }, ctx())).toEqual({
      locality: 'rest_of_uk',
      district: 'M99999999',
      basis: 'Postcode IM1 1AA: Isle of Man, outside Lancashire',
      basisKind: 'partial',
    });
    expect(decideLocality({ postcode: 'JE2 3AB' }, ctx({ index: undefined })).district).toBe('L99999999');
  });
});

describe('no usable postcode', () => {
  it.each([
    [{ address: '12 rue de la Paix, 75002 Paris, France' }, 'outside_uk', 'Outside the UK: France (from "France")'],
    [{ postcode: 'D02 P820' }, 'outside_uk', 'Outside the UK: Ireland (from "D02 P820")'],
    [{ postcode: 'PR1 2CE' }, 'unknown', 'Invalid postcode "PR1 2CE": the last two letters of a postcode are never C, I, K, M, O or V (found C)'],
    [{ postcode: '' }, 'unknown', 'No postcode'],
    [{ address: 'Unit 3, Foo St, Preston' }, 'unknown', 'No postcode in the address'],
  ] as const)('%j', (text, locality, basis) => {
    expect(decideLocality(text, ctx())).toEqual({ locality, basis, basisKind: locality });
  });
});

describe('what to load and what to look up online', () => {
  const rows = [{ postcode: 'PR1 2HE' }, { address: 'x, B1 1AA' }, { postcode: 'PR3 0ZZ' }, { postcode: 'pr1 2he' }, { postcode: 'LA1' }, { postcode: 'BT1 5GS' }, { postcode: 'PR1 2ZZ' }, { address: 'Paris, France' }];

  it('lists the postcode areas the rows need', () => {
    expect(postcodeAreasNeeded(rows)).toEqual(['B', 'BT', 'LA', 'PR']);
  });

  it('lists the full postcodes neither the pack nor the cache answers', () => {
    const online = new Map<string, OnlineAnswer>([['PR1 2ZZ', { district: 'E07000123' }]]);
    expect(postcodesToLookUpOnline(rows, { index, online })).toEqual(['B1 1AA', 'BT1 5GS', 'PR3 0ZZ']);
    expect(postcodesToLookUpOnline(rows, { index: undefined, online: new Map() })).toEqual(['B1 1AA', 'BT1 5GS', 'PR1 2HE', 'PR1 2ZZ', 'PR3 0ZZ']);
  });
});
