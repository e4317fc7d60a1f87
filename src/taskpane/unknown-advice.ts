/**
 * What the pane says when much of the spend has no known locality: the ways to place more of it,
 * those this run did not use first (a creditor file, the public registers, online lookup) and
 * postcodes typed on the Suppliers sheet.
 */
import { muchUnknownShare, type Summary } from '../core';
import { formatShare } from './format';

export interface PlacingRoutes {
  /** The registers: used in this run, deployed but switched off, or not deployed. */
  registers: 'used' | 'off' | 'absent';
  online: boolean;
}

export function unknownSpendAdvice(summary: Summary, routes: PlacingRoutes): { title: string; routes: string[] } | undefined {
  const share = muchUnknownShare(summary);
  if (share === undefined) return undefined;
  const registers = {
    used: undefined,
    off: 'Switch on Companies House and the charity register under Options: a supplier found there by name is placed by its registered office.',
    absent: 'Ask your IT team to deploy Companies House and the charity register with the add-in: a supplier found there by name is placed by its registered office.',
  }[routes.registers];
  return {
    title: `${formatShare(share)} of spend has no known locality`,
    routes: [
      "Import your finance system's supplier list under Options (Import a creditor file): supplier id, name, address lines and postcode.",
      ...(registers ? [registers] : []),
      ...(routes.online ? [] : ["Allow online postcode lookup under Options, for postcodes the add-in's own data does not hold."]),
      'Type postcodes on the Suppliers sheet, then analyse again: a postcode there applies to every payment to that supplier.',
    ],
  };
}
