/**
 * index.json, the one small file of the geography pack every host reads first: the release, the
 * districts with their county, combined authority, region and nation, and the area files.
 */
import { z } from 'zod';

export const PACK_INDEX_FILE = 'index.json';
export const PACK_FORMAT = 'local-spend-baseline geography pack';
export const PACK_FORMAT_VERSION = 2;

export function areaFileName(area: string): string {
  return `postcodes-${area}.bin.gz`;
}

const code = z.string().min(1);

export const districtInfoSchema = z.object({
  code,
  name: z.string().min(1),
  countyCode: code.optional(),
  countyName: z.string().optional(),
  combinedAuthorityCode: code.optional(),
  combinedAuthorityName: z.string().optional(),
  regionCode: code.optional(),
  regionName: z.string().optional(),
  nation: z.string().min(1),
});

export const packIndexSchema = z.object({
  format: z.literal(PACK_FORMAT),
  version: z.literal(PACK_FORMAT_VERSION),
  /** Ties the area files to this index: each file carries the same id. */
  packId: z.string().regex(/^[0-9a-f]{8}$/),
  /** "ONS NSPL August 2024". */
  release: z.string().min(1),
  attribution: z.string(),
  source: z.object({
    /** The download, and for a zip the data CSV in it. */
    file: z.string(),
    rows: z.number().int().nonnegative(),
    terminatedDropped: z.number().int().nonnegative(),
    /**
     * What the source lacks that a full ONS directory has ("Northern Ireland (postcode area
     * BT)", …): the pack does not know the district of a postcode there. Empty for a full
     * directory.
     */
    lacks: z.array(z.string()),
  }),
  districts: z.array(districtInfoSchema),
  areas: z.array(
    z.object({
      area: z.string().regex(/^[A-Z]{1,2}$/),
      file: z.string(),
      postcodes: z.number().int().positive(),
      /** Size of the file as stored (gzipped), for the benchmark and the README. */
      bytes: z.number().int().positive(),
    }),
  ),
});

export type PackIndex = z.infer<typeof packIndexSchema>;
export type PackArea = PackIndex['areas'][number];
