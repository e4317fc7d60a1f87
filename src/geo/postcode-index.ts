/**
 * The PostcodeIndex the core classifies with, over the decoded area files that are loaded.
 * Sector and outward shares are counted from the postcodes themselves on first use, so they
 * always equal the source's counts.
 */
import type { DistrictInfo, DistrictShare, PostcodeIndex } from '../core/geography';
import { SLOTS_PER_SECTOR, unitSlot, type AreaPostcodes } from './area-file';

interface SectorRef {
  units: Uint8Array;
  offset: number;
  districts: readonly string[];
}

export function createPostcodeIndex(
  release: string,
  districts: ReadonlyMap<string, DistrictInfo>,
  areas: readonly AreaPostcodes[],
): PostcodeIndex {
  const loaded = new Set<string>();
  const sectors = new Map<string, SectorRef>();
  const sectorsOfOutward = new Map<string, SectorRef[]>();
  for (const area of areas) {
    loaded.add(area.area);
    area.sectors.forEach((sector, i) => {
      const ref = { units: area.units, offset: i * SLOTS_PER_SECTOR, districts: area.districts };
      sectors.set(sector, ref);
      const outward = sector.slice(0, -2);
      const list = sectorsOfOutward.get(outward);
      if (list) list.push(ref);
      else sectorsOfOutward.set(outward, [ref]);
    });
  }
  const sectorMemo = new Map<string, readonly DistrictShare[]>();
  const outwardMemo = new Map<string, readonly DistrictShare[]>();

  return {
    release,
    districts,
    hasArea: (area) => loaded.has(area),
    districtOf(postcode) {
      if (postcode.charCodeAt(postcode.length - 4) !== 32) return undefined;
      const ref = sectors.get(postcode.slice(0, -2));
      if (!ref) return undefined;
      const slot = unitSlot(postcode);
      if (slot < 0) return undefined;
      const value = ref.units[ref.offset + slot];
      if (value === 0) return undefined;
      const code = ref.districts[value - 1];
      return code === '' ? null : code;
    },
    sectorShares(sector) {
      const ref = sectors.get(sector);
      if (!ref) return undefined;
      let shares = sectorMemo.get(sector);
      if (!shares) sectorMemo.set(sector, (shares = sharesOf([ref])));
      return shares;
    },
    outwardShares(outward) {
      const refs = sectorsOfOutward.get(outward);
      if (!refs) return undefined;
      let shares = outwardMemo.get(outward);
      if (!shares) outwardMemo.set(outward, (shares = sharesOf(refs)));
      return shares;
    },
  };
}

/** Shares per district of the postcodes of some sectors, largest first, then by code. */
function sharesOf(refs: readonly SectorRef[]): DistrictShare[] {
  const counts = new Map<string, number>();
  let total = 0;
  for (const { units, offset, districts } of refs) {
    const tally = new Uint32Array(districts.length + 1);
    for (let slot = offset; slot < offset + SLOTS_PER_SECTOR; slot++) tally[units[slot]]++;
    for (let d = 1; d < tally.length; d++) {
      if (tally[d] === 0) continue;
      counts.set(districts[d - 1], (counts.get(districts[d - 1]) ?? 0) + tally[d]);
      total += tally[d];
    }
  }
  return [...counts]
    .map(([district, count]) => ({ district, count, share: count / total }))
    .sort((a, b) => b.count - a.count || (a.district < b.district ? -1 : a.district > b.district ? 1 : 0));
}
