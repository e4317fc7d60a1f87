import { readDistrictTables } from '../../scripts/geo-build';
import { buildAreas, listAreaOptions, resolveArea } from '../../src/core/areas';
import type { DistrictInfo } from '../../src/core/geography';
import { FIXTURE_SOURCE_DIR } from '../geo/fixture-pack';

const LANCASHIRE_12 = ['E07000117', 'E07000118', 'E07000119', 'E07000120', 'E07000121', 'E07000122', 'E07000123', 'E07000124', 'E07000125', 'E07000126', 'E07000127', 'E07000128'];
const CEREMONIAL_14 = ['E06000008', 'E06000009', ...LANCASHIRE_12];

let districts: Map<string, DistrictInfo>;
beforeAll(async () => {
  districts = await readDistrictTables(FIXTURE_SOURCE_DIR);
});

function resolved(text: string) {
  const result = resolveArea(text, districts);
  if (!result.ok) throw new Error(`${text}: ${result.message}`);
  return result;
}

describe('resolveArea', () => {
  it.each(['Preston', 'E07000123', 'e07000123', 'preston city council', 'Preston (district)'])('%s → Preston', (text) => {
    expect(resolved(text).selection).toEqual({ name: 'Preston', districts: ['E07000123'] });
  });

  it.each(['Lancashire', 'Lancashire County Council', 'E10000017', 'Lancashire (county)'])("%s → the county council's 12 districts", (text) => {
    const { selection, notes } = resolved(text);
    expect(selection).toEqual({ name: 'Lancashire', districts: LANCASHIRE_12 });
    expect(notes).toEqual([
      'Lancashire here is the county council\'s area (12 districts); for Lancashire with Blackburn with Darwen and Blackpool, choose "Lancashire (ceremonial county)".',
    ]);
  });

  it.each(['Lancashire (ceremonial county)', 'Lancashire Combined County Authority (2025)'])('%s → 14 districts', (text) => {
    expect(resolved(text).selection.districts).toEqual(CEREMONIAL_14);
  });

  it('resolves combined authorities, regions and nations', () => {
    expect(resolved('Greater Manchester').selection.districts).toEqual(['E08000003', 'E08000006']);
    expect(resolved('E47000001').selection.name).toBe('Greater Manchester');
    expect(resolved('North West').selection.districts).toEqual([...CEREMONIAL_14, 'E08000003', 'E08000006'].sort());
    expect(resolved('Wales').selection).toEqual({ name: 'Wales', districts: ['W06000003'] });
  });

  it('resolves a list, and names with a comma in them', () => {
    expect(resolved('Preston, South Ribble').selection).toEqual({ name: 'Preston and South Ribble', districts: ['E07000123', 'E07000126'] });
    expect(resolved('Bristol, City of').selection.districts).toEqual(['E06000023']);
    expect(resolved('Bristol').selection.districts).toEqual(['E06000023']);
    expect(resolved('Preston; Bristol, City of; Blackpool').selection.districts).toEqual(['E06000009', 'E06000023', 'E07000123']);
  });

  it('offers ambiguous names as choices, never guessing', () => {
    const result = resolveArea('North East', districts);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe('"North East" could mean 2 areas: "North East (combined authority)" or "North East (region)"; choose one.');
    expect(result.choices.map((c) => c.label).sort()).toEqual(['North East (combined authority)', 'North East (region)']);
    // Each choice's label then resolves to exactly it.
    expect(resolved('North East (region)').selection.districts).toEqual(['E06000047', 'E08000021']);
  });

  it('suggests near names and says when nothing matches', () => {
    const newcastle = resolveArea('Newcastle', districts);
    expect(newcastle.ok).toBe(false);
    if (!newcastle.ok) expect(newcastle.choices.map((c) => c.name).sort()).toEqual(['Newcastle upon Tyne', 'Newcastle-under-Lyme']);
    // A slip of the keyboard: the nearest names in spelling, the whole name or its start.
    expect(resolveArea('Prestn', districts)).toMatchObject({ ok: false, message: '"Prestn" is not an area name or code; did you mean "Preston (district)"?' });
    expect(resolveArea('Lancashre', districts)).toMatchObject({ ok: false, message: '"Lancashre" is not an area name or code; did you mean "Lancashire (county)"?' });
    const newcastle2 = resolveArea('Newcastel', districts);
    expect(newcastle2.ok === false && newcastle2.choices.map((c) => c.name).sort()).toEqual(['Newcastle upon Tyne', 'Newcastle-under-Lyme']);
    const nowhere = resolveArea('Atlantis', districts);
    expect(nowhere).toEqual({ ok: false, message: '"Atlantis" is not a local authority district, county, combined authority, region or nation, nor an ONS code of one.', choices: [] });
    const inList = resolveArea('Preston, Atlantis', districts);
    expect(inList.ok === false && inList.message).toMatch(/^"Atlantis" is not/);
  });
});

describe('listAreaOptions', () => {
  it('lists every kind with unique labels that resolve back to the same districts', () => {
    const options = listAreaOptions(districts);
    expect(new Set(options.map((o) => o.kind))).toEqual(new Set(['district', 'county', 'combined_authority', 'region', 'nation', 'preset']));
    expect(new Set(options.map((o) => o.label)).size).toBe(options.length);
    for (const option of options) expect(resolved(option.label).selection.districts).toEqual(option.districts);
  });

  it('offers a preset only when the table has all its districts', () => {
    const labels = listAreaOptions(districts).map((o) => o.label);
    expect(labels).toContain('Lancashire (ceremonial county)');
    expect(labels).not.toContain('Cheshire (ceremonial county)');
  });
});

describe('buildAreas', () => {
  it('with no wider area, wider = local, and says so', () => {
    const result = buildAreas('Preston', '', districts);
    expect(result).toEqual({
      ok: true,
      areas: { local: { name: 'Preston', districts: ['E07000123'] }, wider: { name: 'Preston', districts: ['E07000123'] } },
      messages: ['No wider area given: the wider area is the local area (Preston).'],
    });
  });

  it('adds the local area to a wider area that leaves it out, and says so', () => {
    const result = buildAreas('Preston, Manchester', 'Lancashire', districts);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.areas.wider).toEqual({ name: 'Lancashire and Manchester', districts: [...LANCASHIRE_12, 'E08000003'].sort() });
    expect(result.messages).toContain(
      'The wider area (Lancashire) did not include Manchester, part of the local area; it has been added, since the wider area always contains the local area.',
    );
  });

  it('the usual Preston case needs no correction', () => {
    const result = buildAreas('Preston', 'Lancashire (ceremonial county)', districts);
    expect(result).toEqual({
      ok: true,
      areas: { local: { name: 'Preston', districts: ['E07000123'] }, wider: { name: 'Lancashire (ceremonial county)', districts: CEREMONIAL_14 } },
      messages: [],
    });
  });

  it('says which input is wrong', () => {
    expect(buildAreas('', 'Lancashire', districts)).toMatchObject({ ok: false, field: 'local', message: 'Local area: No area given.' });
    expect(buildAreas('Preston', 'North East', districts)).toMatchObject({
      ok: false,
      field: 'wider',
      message: 'Wider area: "North East" could mean 2 areas: "North East (combined authority)" or "North East (region)"; choose one.',
    });
  });
});
