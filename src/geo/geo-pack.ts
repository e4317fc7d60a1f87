/**
 * Opening a geography pack and loading the postcode areas a sheet uses. Where the bytes come
 * from (a folder in Node, a URL in the browser) and how gzip is undone are the PackSource's
 * business; everything here is plain code that runs in both.
 */
import { BaselineError } from '../core/errors';
import type { DistrictInfo, PostcodeIndex } from '../core/geography';
import { AreaFileError, decodeAreaFile, looksLikeAreaFile, type DecodedAreaFile } from './area-file';
import { PACK_INDEX_FILE, packIndexSchema, type PackIndex } from './pack-index';
import { readPackFile, readPackIndex, type PackDescription, type PackSource } from './pack-files';
import { createPostcodeIndex } from './postcode-index';

export type { PackSource } from './pack-files';

/** A pack that cannot be read or is damaged. Its message says which file and what to do. */
export class GeoPackError extends BaselineError {
  override name = 'GeoPackError';

  constructor(message: string) {
    super('geography-damaged', message);
  }
}

const REBUILD = 'rebuild the pack with `npm run geo:build`';
const GEOGRAPHY_PACK: PackDescription = { what: 'geography pack', rebuild: REBUILD, error: (message) => new GeoPackError(message) };

export interface GeoPack {
  readonly release: string;
  readonly attribution: string;
  /**
   * What the pack's source lacked that a full ONS directory has, each in words ("Northern
   * Ireland (postcode area BT)"): the pack does not know the district of a postcode there.
   */
  readonly sourceLacks: readonly string[];
  readonly districts: ReadonlyMap<string, DistrictInfo>;
  /** The postcode areas the pack covers ("AB", "AL", …). */
  readonly areas: readonly string[];
  /**
   * Loads the given postcode areas (those the pack does not cover are left out: `hasArea`
   * then says false) and returns an index over them and every area loaded before.
   */
  loadAreas(areas: Iterable<string>): Promise<PostcodeIndex>;
}

export async function openGeoPack(source: PackSource): Promise<GeoPack> {
  const index = await readPackIndex(GEOGRAPHY_PACK, source, PACK_INDEX_FILE, packIndexSchema);
  const districts = new Map<string, DistrictInfo>(index.districts.map((d) => [d.code, d]));
  const fileOf = new Map(index.areas.map((a) => [a.area, a]));
  const decoded = new Map<string, Promise<DecodedAreaFile>>();

  return {
    release: index.release,
    attribution: index.attribution,
    sourceLacks: index.source.lacks,
    districts,
    areas: index.areas.map((a) => a.area),
    async loadAreas(wanted) {
      for (const area of wanted) {
        const entry = fileOf.get(area);
        if (!entry || decoded.has(area)) continue;
        const loading = loadArea(source, index, entry);
        // A failed load is not remembered, so that a retry can succeed.
        loading.catch(() => decoded.delete(area));
        decoded.set(area, loading);
      }
      const areas = await Promise.all(decoded.values());
      return createPostcodeIndex(index.release, districts, areas);
    },
  };
}

async function loadArea(source: PackSource, index: PackIndex, entry: PackIndex['areas'][number]): Promise<DecodedAreaFile> {
  const where = `${entry.file} in ${source.location}`;
  const bytes = await readPackFile(GEOGRAPHY_PACK, source, entry.file, looksLikeAreaFile);
  let area: DecodedAreaFile;
  try {
    area = decodeAreaFile(bytes);
  } catch (error) {
    if (error instanceof AreaFileError) throw new GeoPackError(`The geography pack file ${where} cannot be used: ${error.message}; ${REBUILD}.`);
    throw error;
  }
  if (area.packId !== index.packId) {
    throw new GeoPackError(`The geography pack file ${where} belongs to a different build of the pack than its index.json; ${REBUILD}.`);
  }
  if (area.area !== entry.area || area.postcodeCount !== entry.postcodes) {
    throw new GeoPackError(
      `The geography pack file ${where} holds ${area.postcodeCount} postcodes of area ${area.area}, but index.json expects ${entry.postcodes} of ${entry.area}; ${REBUILD}.`,
    );
  }
  return area;
}
