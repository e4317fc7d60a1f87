/**
 * What the rest of the core needs to know about UK geography. The offline pack (src/geo) and the
 * online-lookup cache both answer through these shapes, so classification stays synchronous and
 * pure once the host has loaded what a sheet needs.
 */

export interface DistrictInfo {
  /** ONS GSS code, e.g. "E07000123", or a pseudo-code such as "L99999999". */
  code: string;
  name: string;
  countyCode?: string;
  countyName?: string;
  combinedAuthorityCode?: string;
  combinedAuthorityName?: string;
  regionCode?: string;
  regionName?: string;
  nation: string;
}

/**
 * The `district` of a share that counts postcodes the source lists with no district (mostly
 * non-geographic ones). Such a share is in the total but never inside or outside any area.
 */
export const NO_DISTRICT = '';

export interface DistrictShare {
  district: string;
  /** Postcodes of the sector or postcode district that lie in this local authority district. */
  count: number;
  /** count / all postcodes of the sector or postcode district; shares of one key add up to 1. */
  share: number;
}

/** The geography the classifier looks postcodes up in: the offline pack, for the areas loaded. */
export interface PostcodeIndex {
  /** Human description of the source, e.g. "ONS NSPL August 2024". */
  readonly release: string;
  readonly districts: ReadonlyMap<string, DistrictInfo>;
  /** Whether the pack covers this postcode area ("PR", "M") and it has been loaded. */
  hasArea(area: string): boolean;
  /**
   * The district of an exact, normalised full postcode ("PR1 2HE"): the code; null when the
   * source lists the postcode with no district; undefined when the postcode is not in the source.
   */
  districtOf(postcode: string): string | null | undefined;
  /** Shares per district of a sector ("PR1 2"), or undefined when the sector has no postcodes. */
  sectorShares(sector: string): readonly DistrictShare[] | undefined;
  /** Shares per district of a postcode district ("PR1"), or undefined when it has none. */
  outwardShares(outward: string): readonly DistrictShare[] | undefined;
}
