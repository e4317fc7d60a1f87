/**
 * The geography pack: lookups per second against plain Map lookups of the same keys, the pack's
 * size gzipped (goal: the whole of Great Britain in at most 400 KB), and the time to load the
 * postcode areas of a typical Lancashire anchor's sheet (goal: well under 100 ms).
 */
import * as fs from 'fs';
import * as path from 'path';
import { gunzipSync, gzipSync } from 'zlib';
import { DEFAULT_OUT, PROJECT_ROOT } from '../scripts/geo-build';
import { findPostcode } from '../src/core/postcode';
import { decodeAreaFile, SLOTS_PER_SECTOR, slotUnit } from '../src/geo/area-file';
import { openGeoPack } from '../src/geo/geo-pack';
import { nodePackSource } from '../src/geo/node-pack-source';
import { PACK_INDEX_FILE, packIndexSchema } from '../src/geo/pack-index';
import { bestTime, type Figure, type Suite } from './harness';

const SHEET_AREAS = ['PR', 'BB', 'FY', 'LA', 'BL', 'M', 'L', 'WN'];

/** The ONS extract the shipped pack was built from, where ../shared is beside the project. */
const SHARED_SOURCE = path.resolve(PROJECT_ROOT, '..', 'shared', 'geo', 'nspl-2024-08-extract.csv.gz');

/** Every postcode of the given area files, read back from the pack itself. */
function postcodesOf(packDir: string, files: string[]): { postcode: string; district: string | null }[] {
  const all: { postcode: string; district: string | null }[] = [];
  for (const file of files) {
    const area = decodeAreaFile(gunzipSync(fs.readFileSync(path.join(packDir, file))));
    area.sectors.forEach((sector, s) => {
      for (let slot = 0; slot < SLOTS_PER_SECTOR; slot++) {
        const value = area.units[s * SLOTS_PER_SECTOR + slot];
        if (value !== 0) all.push({ postcode: `${sector}${slotUnit(slot)}`, district: area.districts[value - 1] || null });
      }
    });
  }
  return all;
}

export const suite: Suite = {
  name: 'geography pack (geo)',
  async run(): Promise<Figure[]> {
    // The pack that ships with the project.
    const packDir = DEFAULT_OUT;
    const index = packIndexSchema.parse(JSON.parse(fs.readFileSync(path.join(packDir, PACK_INDEX_FILE), 'utf8')));
    const files = index.areas.filter((a) => SHEET_AREAS.includes(a.area)).map((a) => a.file);
    const figures: Figure[] = [];

    // Lookups: the pack's districtOf against a Map holding the same postcodes.
    const geo = await openGeoPack(nodePackSource(packDir));
    const loaded = await geo.loadAreas(SHEET_AREAS);
    const entries = postcodesOf(packDir, files);
    const keys = entries.map((e) => e.postcode);
    const plainMap = new Map(entries.map((e) => [e.postcode, e.district]));
    let sink = 0;
    const packMs = await bestTime(() => {
      for (const key of keys) if (loaded.districtOf(key)) sink++;
    });
    const mapMs = await bestTime(() => {
      for (const key of keys) if (plainMap.get(key)) sink++;
    });
    const messy = keys.map((k) => k.toLowerCase().replace(' ', ''));
    const messyMs = await bestTime(() => {
      for (const text of messy) {
        const found = findPostcode({ postcode: text });
        if (found.kind === 'full' && loaded.districtOf(found.postcode)) sink++;
      }
    });
    if (sink === 0) throw new Error('no lookups answered');
    const perSecond = (ms: number) => (keys.length / ms) * 1000;
    const floor = { name: `Map.get of the same ${keys.length.toLocaleString('en-GB')} postcodes`, value: perSecond(mapMs), unit: 'lookups/s' };
    figures.push({
      name: 'pack lookups (districtOf, normalised postcode)',
      value: perSecond(packMs),
      unit: 'lookups/s',
      floor,
      ratio: perSecond(packMs) / floor.value,
      goal: 'ratio ≥ 0.3 of a plain Map',
      met: perSecond(packMs) / floor.value >= 0.3,
    });
    figures.push({ name: 'lookups from messy text (findPostcode + districtOf)', value: perSecond(messyMs), unit: 'lookups/s', floor, ratio: perSecond(messyMs) / floor.value });

    // Size: every stored file, the index gzipped as a web server would send it.
    const indexGz = gzipSync(fs.readFileSync(path.join(packDir, PACK_INDEX_FILE)), { level: 9 }).length;
    const areaBytes = index.areas.reduce((n, a) => n + a.bytes, 0);
    const total = (areaBytes + indexGz) / 1024;
    const sourceKb = fs.existsSync(SHARED_SOURCE) ? fs.statSync(SHARED_SOURCE).size / 1024 : undefined;
    figures.push({
      name: `whole pack gzipped (${index.areas.length} areas + index)`,
      value: total,
      unit: 'KB',
      ...(sourceKb ? { floor: { name: `the ONS extract it was built from, gzipped CSV`, value: sourceKb, unit: 'KB' }, ratio: total / sourceKb } : {}),
      goal: '≤ 400 KB',
      met: total <= 400,
    });
    const largest = [...index.areas].sort((a, b) => b.bytes - a.bytes)[0];
    figures.push({ name: `largest area file (${largest.area}, ${largest.postcodes.toLocaleString('en-GB')} postcodes)`, value: largest.bytes / 1024, unit: 'KB' });
    for (const area of index.areas.filter((a) => SHEET_AREAS.includes(a.area))) {
      figures.push({ name: `area ${area.area} (${area.postcodes.toLocaleString('en-GB')} postcodes)`, value: area.bytes / 1024, unit: 'KB' });
    }
    figures.push({ name: 'index.json gzipped', value: indexGz / 1024, unit: 'KB' });

    // Loading a sheet's areas from scratch, against just reading and unzipping the same files.
    const loadMs = await bestTime(async () => {
      const fresh = await openGeoPack(nodePackSource(packDir));
      await fresh.loadAreas(SHEET_AREAS);
    });
    const readMs = await bestTime(() => {
      fs.readFileSync(path.join(packDir, PACK_INDEX_FILE));
      for (const file of files) gunzipSync(fs.readFileSync(path.join(packDir, file)));
    });
    figures.push({
      name: `open the pack and load ${SHEET_AREAS.join(', ')} (${keys.length.toLocaleString('en-GB')} postcodes)`,
      value: loadMs,
      unit: 'ms',
      floor: { name: 'read and gunzip the same files', value: readMs, unit: 'ms' },
      ratio: loadMs / readMs,
      goal: '< 100 ms',
      met: loadMs < 100,
    });
    return figures;
  },
};
