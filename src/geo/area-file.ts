/**
 * One area file of the geography pack: every postcode of one postcode area (PR, M, …) and its
 * district, exactly. The layout is described in README.md beside this file.
 */
import { INWARD_LETTERS } from '../core/postcode';
import { ByteReader, ByteWriter, MalformedBytes } from './bytes';
import { crc32 } from './crc32';

/** Units a sector can hold: the last two characters of a postcode, 20 letters each. */
export const SLOTS_PER_SECTOR = INWARD_LETTERS.length * INWARD_LETTERS.length;

const MAGIC = 'LSBGEO';
export const AREA_FORMAT_VERSION = 1;

/**
 * The postcodes of one area as plain data. `units` holds a slot per possible unit of every
 * sector, in the order of `sectors`: 0 where there is no postcode, else 1 + the index of its
 * district in `districts` (whose entries are ONS codes, or NO_DISTRICT).
 */
export interface AreaPostcodes {
  area: string;
  districts: string[];
  /** "PR1 2", "PR1 3", … grouped by outward code, digits ascending. */
  sectors: string[];
  units: Uint8Array;
}

const LETTER_INDEX = (() => {
  const index = new Int8Array(128).fill(-1);
  for (let i = 0; i < INWARD_LETTERS.length; i++) index[INWARD_LETTERS.charCodeAt(i)] = i;
  return index;
})();

/**
 * The slot of the unit that ends a normalised postcode ("PR1 2HE" → slot of "HE"), or -1 when
 * its last two characters are not letters a postcode uses.
 */
export function unitSlot(postcode: string): number {
  const first = LETTER_INDEX[postcode.charCodeAt(postcode.length - 2)] ?? -1;
  const second = LETTER_INDEX[postcode.charCodeAt(postcode.length - 1)] ?? -1;
  return first < 0 || second < 0 ? -1 : first * INWARD_LETTERS.length + second;
}

export function slotUnit(slot: number): string {
  return INWARD_LETTERS[Math.floor(slot / INWARD_LETTERS.length)] + INWARD_LETTERS[slot % INWARD_LETTERS.length];
}

function splitSector(sector: string): { outward: string; digit: number } {
  const match = /^([A-Z0-9]+) ([0-9])$/.exec(sector);
  if (!match) throw new RangeError(`not a postcode sector: ${JSON.stringify(sector)}`);
  return { outward: match[1], digit: Number(match[2]) };
}

/**
 * The area's postcodes in the file layout, without the header: outward codes with their sectors,
 * then runs of present units, then runs of districts. Separate sections keep like numbers
 * together, which is what lets gzip shrink them.
 */
export function encodeAreaBody(postcodes: AreaPostcodes): Uint8Array {
  const { area, districts, sectors, units } = postcodes;
  if (units.length !== sectors.length * SLOTS_PER_SECTOR) throw new RangeError(`${area}: units do not match sectors`);
  if (districts.length > 255) throw new RangeError(`${area}: more than 255 districts in one postcode area`);
  const writer = new ByteWriter();
  writer.ascii(area);
  writer.varint(districts.length);
  for (const code of districts) writer.ascii(code);

  const outwards: { outward: string; mask: number }[] = [];
  for (const sector of sectors) {
    const { outward, digit } = splitSector(sector);
    const last = outwards[outwards.length - 1];
    if (last && last.outward === outward) {
      if (last.mask >> digit !== 0) throw new RangeError(`${area}: sectors of ${outward} out of order at ${sector}`);
      last.mask |= 1 << digit;
    } else {
      if (outwards.some((o) => o.outward === outward)) throw new RangeError(`${area}: sectors of ${outward} not together`);
      outwards.push({ outward, mask: 1 << digit });
    }
  }
  writer.varint(outwards.length);
  for (const { outward, mask } of outwards) {
    writer.ascii(outward);
    writer.varint(mask);
  }

  let total = 0;
  for (let s = 0; s < sectors.length; s++) {
    const base = s * SLOTS_PER_SECTOR;
    const runs: number[] = [];
    let position = 0;
    for (let slot = 0; slot < SLOTS_PER_SECTOR; ) {
      if (units[base + slot] === 0) {
        slot++;
        continue;
      }
      let end = slot;
      while (end < SLOTS_PER_SECTOR && units[base + end] !== 0) end++;
      runs.push(slot - position, end - slot);
      total += end - slot;
      position = slot = end;
    }
    if (runs.length === 0) throw new RangeError(`${area}: sector ${sectors[s]} has no postcodes`);
    writer.varint(runs.length / 2);
    for (const n of runs) writer.varint(n);
  }

  for (let s = 0; s < sectors.length; s++) {
    const base = s * SLOTS_PER_SECTOR;
    const runs: { district: number; length: number }[] = [];
    for (let slot = 0; slot < SLOTS_PER_SECTOR; slot++) {
      const value = units[base + slot];
      if (value === 0) continue;
      if (value > districts.length) throw new RangeError(`${area}: unit with no district entry in ${sectors[s]}`);
      const last = runs[runs.length - 1];
      if (last && last.district === value - 1) last.length++;
      else runs.push({ district: value - 1, length: 1 });
    }
    writer.varint(runs.length);
    for (const run of runs) writer.varint(run.district);
    for (const run of runs.slice(0, -1)) writer.varint(run.length);
  }
  writer.varint(total);
  return writer.result();
}

/** A whole area file (before gzip): header with the pack's id, the body, and its checksum. */
export function encodeAreaFile(body: Uint8Array, packId: string): Uint8Array {
  const writer = new ByteWriter();
  for (const c of MAGIC) writer.byte(c.charCodeAt(0));
  writer.byte(AREA_FORMAT_VERSION);
  writer.ascii(packId);
  writer.bytes(body);
  const withoutChecksum = writer.result();
  writer.uint32(crc32(withoutChecksum));
  return writer.result();
}

export interface DecodedAreaFile extends AreaPostcodes {
  packId: string;
  postcodeCount: number;
}

/** Why decoding stopped; the loader adds which file it was. */
export class AreaFileError extends Error {}

/** Whether these bytes start like an area file (rather than gzip or an HTML error page). */
export function looksLikeAreaFile(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && [...MAGIC].every((c, i) => bytes[i] === c.charCodeAt(0));
}

export function decodeAreaFile(bytes: Uint8Array): DecodedAreaFile {
  if (!looksLikeAreaFile(bytes)) throw new AreaFileError('it is not a geography pack area file');
  if (bytes.length < MAGIC.length + 5) throw new AreaFileError('it is truncated');
  const checksumAt = bytes.length - 4;
  const expected = new ByteReader(bytes.subarray(checksumAt)).uint32();
  if (crc32(bytes, 0, checksumAt) !== expected) throw new AreaFileError('it is damaged or truncated (checksum mismatch)');
  const reader = new ByteReader(bytes, checksumAt);
  reader.offset = MAGIC.length;
  try {
    const version = reader.byte();
    if (version !== AREA_FORMAT_VERSION) {
      throw new AreaFileError(`it has format version ${version}; this program reads version ${AREA_FORMAT_VERSION}`);
    }
    const packId = reader.ascii();
    return { packId, ...decodeBody(reader) };
  } catch (error) {
    if (error instanceof MalformedBytes) throw new AreaFileError(`its contents are malformed (${error.message})`);
    throw error;
  }
}

function decodeBody(reader: ByteReader): Omit<DecodedAreaFile, 'packId'> {
  const area = reader.ascii();
  const districtCount = reader.varint();
  if (districtCount > 255) throw new MalformedBytes(`${districtCount} districts`);
  const districts: string[] = [];
  for (let i = 0; i < districtCount; i++) districts.push(reader.ascii());

  const sectors: string[] = [];
  const outwardCount = reader.varint();
  for (let i = 0; i < outwardCount; i++) {
    const outward = reader.ascii();
    const mask = reader.varint();
    if (!outward.startsWith(area) || mask === 0 || mask >= 1 << 10) throw new MalformedBytes(`bad outward code ${outward}`);
    for (let digit = 0; digit < 10; digit++) if (mask & (1 << digit)) sectors.push(`${outward} ${digit}`);
  }

  const units = new Uint8Array(sectors.length * SLOTS_PER_SECTOR);
  const counts = new Uint16Array(sectors.length);
  for (let s = 0; s < sectors.length; s++) {
    const base = s * SLOTS_PER_SECTOR;
    const runCount = reader.varint();
    let position = 0;
    for (let r = 0; r < runCount; r++) {
      const start = position + reader.varint();
      const end = start + reader.varint();
      if (end > SLOTS_PER_SECTOR || end === start) throw new MalformedBytes(`bad run in ${sectors[s]}`);
      units.fill(1, base + start, base + end);
      counts[s] += end - start;
      position = end;
    }
    if (counts[s] === 0) throw new MalformedBytes(`empty sector ${sectors[s]}`);
  }

  let total = 0;
  for (let s = 0; s < sectors.length; s++) {
    const base = s * SLOTS_PER_SECTOR;
    const runCount = reader.varint();
    if (runCount === 0 || runCount > counts[s]) throw new MalformedBytes(`bad district runs in ${sectors[s]}`);
    const runDistricts: number[] = [];
    for (let r = 0; r < runCount; r++) {
      const district = reader.varint();
      if (district >= districtCount) throw new MalformedBytes(`bad district in ${sectors[s]}`);
      runDistricts.push(district + 1);
    }
    let slot = 0;
    for (let r = 0; r < runCount; r++) {
      let length = r < runCount - 1 ? reader.varint() : Infinity;
      for (; slot < SLOTS_PER_SECTOR && length > 0; slot++) {
        if (units[base + slot] === 0) continue;
        units[base + slot] = runDistricts[r];
        length--;
      }
      if (length > 0 && length !== Infinity) throw new MalformedBytes(`district runs overrun ${sectors[s]}`);
    }
    total += counts[s];
  }
  if (reader.varint() !== total || reader.remaining !== 0) throw new MalformedBytes('postcode count does not match');
  return { area, districts, sectors, units, postcodeCount: total };
}
