/** How the machine codes are shown to people (SPEC.md, "What every row gets"). */
import type { Influence, Locality, SupplierType } from './codes';

export interface AreaNames {
  local: string;
  wider: string;
}

export function localityLabel(locality: Locality, areas: AreaNames): string {
  switch (locality) {
    case 'local':
      return `Local (${areas.local})`;
    case 'wider':
      return `Wider area (${areas.wider})`;
    case 'rest_of_uk':
      return 'Rest of UK';
    case 'outside_uk':
      return 'Outside UK';
    case 'unknown':
      return 'Unknown';
  }
}

export const INFLUENCE_LABELS: Record<Influence, string> = {
  influenceable: 'Influenceable',
  not_influenceable: 'Not influenceable',
  review: 'Review',
};

export const SUPPLIER_TYPE_LABELS: Record<SupplierType, string> = {
  company: 'Company',
  public_body: 'Public body',
  charity: 'Charity',
  social_enterprise: 'Social enterprise',
  cooperative: 'Co-operative',
  individual: 'Individual',
  unknown: 'Unknown',
};

/** "Preston (E07000123)", or the code alone when the name is not known. */
export function districtLabel(code: string, name: string | undefined): string {
  return name ? `${name} (${code})` : code;
}
