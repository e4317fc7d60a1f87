/**
 * What to add when much of the spend is of unknown locality: the ways the analysis can be given
 * a supplier's postcode, in one list, so that a new source joins it here and is offered wherever
 * the advice is shown.
 */
import type { Summary } from '../summary';
import { percentText } from '../wording';

/** Above this share of total spend in Unknown, the user is told what to add. */
export const UNKNOWN_SHARE_ADVISED = 0.2;

/** The ways to give suppliers postcodes, most direct first. */
const WAYS_TO_ADD_POSTCODES = [
  'postcodes on the Suppliers sheet (largest suppliers first)',
  "the finance system's supplier list with addresses (--creditors FILE)",
];

/** One line, or undefined when unknown spend is at most UNKNOWN_SHARE_ADVISED of the total (or shares are not computed). */
export function unknownSpendAdvice(summary: Summary): string | undefined {
  const share = summary.shares?.unknown;
  if (share === undefined || share <= UNKNOWN_SHARE_ADVISED) return undefined;
  return `Unknown locality is ${percentText(share)} of total spend: add ${WAYS_TO_ADD_POSTCODES.join(', or ')}, and run again.`;
}
