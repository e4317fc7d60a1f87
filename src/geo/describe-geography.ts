/**
 * The geography line of the Method sheet, in its own module so that the task pane can write it
 * without loading the pack reader before a pack is needed.
 */
import { joinNames } from '../core/areas';
import type { GeoPack } from './geo-pack';

/** The geography line of the Method sheet: the pack's release, and what its source lacked. */
export function describeGeography(pack: GeoPack | undefined): string {
  if (!pack) return 'No offline geography pack: postcodes answered from the lookup cache only';
  const release = `${pack.release} (offline pack)`;
  if (pack.sourceLacks.length === 0) return release;
  return `${release}. Its source lacks ${joinNames(pack.sourceLacks)}: the district of a postcode there is unknown until the pack is rebuilt from the full ONS file or online lookup is on.`;
}
