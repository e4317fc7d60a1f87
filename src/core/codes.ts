/** The machine codes every row is given (SPEC.md, "What every row gets"). */

export const LOCALITIES = ['local', 'wider', 'rest_of_uk', 'outside_uk', 'unknown'] as const;
export type Locality = (typeof LOCALITIES)[number];

export const INFLUENCES = ['influenceable', 'not_influenceable', 'review'] as const;
export type Influence = (typeof INFLUENCES)[number];

export const SUPPLIER_TYPES = [
  'company',
  'public_body',
  'charity',
  'social_enterprise',
  'cooperative',
  'individual',
  'unknown',
] as const;
export type SupplierType = (typeof SUPPLIER_TYPES)[number];
