import { crc32 } from '../../src/geo/crc32';
import { decodeAreaFile, encodeAreaBody, encodeAreaFile, SLOTS_PER_SECTOR, slotUnit, unitSlot, type AreaPostcodes } from '../../src/geo/area-file';

/** A seeded generator, so the random sectors are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function randomArea(random: () => number): AreaPostcodes {
  const districts = ['E07000123', 'E07000126', '', 'E07000128'];
  const sectors = ['PR1 0', 'PR1 2', 'PR1 9', 'PR25 1', 'PR3 2'];
  const units = new Uint8Array(sectors.length * SLOTS_PER_SECTOR);
  sectors.forEach((_, s) => {
    let district = 1;
    for (let slot = 0; slot < SLOTS_PER_SECTOR; slot++) {
      if (random() < 0.1) district = 1 + Math.floor(random() * districts.length);
      if (random() < 0.6 || slot === 0) units[s * SLOTS_PER_SECTOR + slot] = district;
    }
  });
  return { area: 'PR', districts, sectors, units };
}

describe('area file', () => {
  it('maps units to slots and back', () => {
    expect(unitSlot('PR1 2AA')).toBe(0);
    expect(unitSlot('PR1 2ZZ')).toBe(SLOTS_PER_SECTOR - 1);
    expect(slotUnit(unitSlot('PR1 2HE'))).toBe('HE');
    expect(unitSlot('PR1 2HC')).toBe(-1);
  });

  it('decodes exactly what was encoded', () => {
    const random = seeded(42);
    for (let i = 0; i < 20; i++) {
      const area = randomArea(random);
      const decoded = decodeAreaFile(encodeAreaFile(encodeAreaBody(area), 'abcd1234'));
      expect(decoded.packId).toBe('abcd1234');
      expect(decoded.sectors).toEqual(area.sectors);
      expect(decoded.districts).toEqual(area.districts);
      expect(Buffer.from(decoded.units).equals(Buffer.from(area.units))).toBe(true);
      expect(decoded.postcodeCount).toBe(area.units.filter((v) => v !== 0).length);
    }
  });

  describe('never decodes a damaged file into an answer', () => {
    const good = encodeAreaFile(encodeAreaBody(randomArea(seeded(7))), 'abcd1234');

    it('every single flipped byte is caught', () => {
      for (let at = 0; at < good.length; at++) {
        const bad = good.slice();
        bad[at] ^= 0x21;
        expect(() => decodeAreaFile(bad)).toThrow(/not a geography pack area file|checksum mismatch/);
      }
    });

    it('every truncation is caught', () => {
      for (let length = 0; length < good.length; length++) {
        expect(() => decodeAreaFile(good.subarray(0, length))).toThrow(/not a geography pack area file|truncated|checksum/);
      }
    });

    it('a file of another format version is refused by name', () => {
      const body = encodeAreaBody(randomArea(seeded(1)));
      const file = encodeAreaFile(body, 'abcd1234');
      const other = file.slice();
      other[6] = 9;
      // Recompute the checksum so only the version differs.
      const sum = crc32(other, 0, other.length - 4);
      for (let i = 0; i < 4; i++) other[other.length - 4 + i] = (sum >>> (8 * i)) & 0xff;
      expect(() => decodeAreaFile(other)).toThrow('it has format version 9; this program reads version 1');
    });
  });
});
