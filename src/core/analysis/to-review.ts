/** The suppliers the user should look at first: unknown locality or influenceability to review, largest spend first. */
import { directoryEntry, type SupplierDirectory } from '../directory';
import type { Summary } from '../summary';

export interface SupplierToReview {
  key: string;
  name: string;
  spend: number;
  /** Why it needs a look: its locality is unknown, or its influenceability is to be reviewed. */
  why: 'unknown_locality' | 'review';
  detail: string;
}

/** Suppliers listed for the user to look at. */
const MAX_TO_REVIEW = 50;

export function suppliersToReview(summary: Summary, directory: SupplierDirectory): SupplierToReview[] {
  const lines = [...summary.suppliers.values()].filter((s) => s.locality === 'unknown' || s.influence === 'review');
  lines.sort((a, b) => b.spend - a.spend || a.key.localeCompare(b.key));
  return lines.slice(0, MAX_TO_REVIEW).map((s) => {
    if (s.locality !== 'unknown') return { key: s.key, name: s.name, spend: s.spend, why: 'review', detail: s.reason };
    const payments = `${s.rows} payment${s.rows === 1 ? '' : 's'}`;
    const postcode = directoryEntry(directory, s.key)?.postcode;
    const detail = postcode
      ? `Locality unknown across ${payments}, although its postcode is ${postcode} (the Locality basis column says why): correct the postcode or set a locality override on the Suppliers sheet.`
      : `Locality unknown across ${payments}: add its postcode on the Suppliers sheet.`;
    return { key: s.key, name: s.name, spend: s.spend, why: 'unknown_locality', detail };
  });
}
