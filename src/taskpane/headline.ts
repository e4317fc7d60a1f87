/**
 * The headline the pane shows, line for line the headline block of the summary sheet (same
 * measures, same arithmetic from SPEC.md), so that what the pane says and what the workbook says
 * can be compared, and are the same.
 */
import type { AreaNames } from '../core/labels';
import type { Summary } from '../core/summary';

export const HEADLINE_KEYS = [
  'total',
  'local',
  'wider',
  'rest_of_uk',
  'outside_uk',
  'unknown',
  'leakage',
  'influenceable_leakage',
  'review',
] as const;
export type HeadlineKey = (typeof HEADLINE_KEYS)[number];

export interface HeadlineLine {
  key: HeadlineKey;
  /** The measure as the summary sheet names it. */
  measure: string;
  spend: number;
  /** Share of total spend, or null when total spend is not positive. */
  share: number | null;
  /** A part of the line above it ("of which influenceable"). */
  part: boolean;
}

export function headlineMeasures(areas: AreaNames): Record<HeadlineKey, string> {
  return {
    total: 'Total spend (net of credits)',
    local: `Local (${areas.local})`,
    wider: `Wider area including local (${areas.wider})`,
    rest_of_uk: 'Rest of UK',
    outside_uk: 'Outside UK',
    unknown: 'Unknown locality',
    leakage: 'Leakage (rest of UK + outside UK)',
    influenceable_leakage: 'of which influenceable',
    review: 'Review (influenceability to be judged)',
  };
}

export function headlineLines(summary: Summary, areas: AreaNames): HeadlineLine[] {
  const total = summary.totals.spend;
  const spendOf = (key: HeadlineKey): number => {
    const l = summary.locality;
    switch (key) {
      case 'total':
        return total;
      case 'local':
        return l.local.spend;
      case 'wider':
        return l.local.spend + l.wider.spend;
      case 'rest_of_uk':
        return l.rest_of_uk.spend;
      case 'outside_uk':
        return l.outside_uk.spend;
      case 'unknown':
        return l.unknown.spend;
      case 'leakage':
        return summary.leakage.spend;
      case 'influenceable_leakage':
        return summary.leakage.influenceableSpend;
      case 'review':
        return summary.influence.review.spend;
    }
  };
  const measures = headlineMeasures(areas);
  return HEADLINE_KEYS.map((key) => {
    const spend = spendOf(key);
    return { key, measure: measures[key], spend, share: total > 0 ? spend / total : null, part: key === 'influenceable_leakage' };
  });
}

export type ChartSegmentKey = 'local' | 'wider_only' | 'rest_of_uk' | 'outside_uk' | 'unknown';

export interface ChartSegment {
  key: ChartSegmentKey;
  label: string;
  spend: number;
  /** Of total spend, 0–1; negative spend (net credits) counts as none. */
  share: number;
}

/**
 * Where the money went, as parts of one bar that add up to the whole: local, the rest of the
 * wider area, rest of UK, outside UK and unknown. Empty when total spend is not positive.
 */
export function chartSegments(summary: Summary, areas: AreaNames): ChartSegment[] {
  const l = summary.locality;
  const parts: [ChartSegmentKey, string, number][] = [
    ['local', `Local (${areas.local})`, l.local.spend],
    ['wider_only', `Rest of ${areas.wider}`, l.wider.spend],
    ['rest_of_uk', 'Rest of UK', l.rest_of_uk.spend],
    ['outside_uk', 'Outside UK', l.outside_uk.spend],
    ['unknown', 'Unknown', l.unknown.spend],
  ];
  const positive = parts.reduce((sum, [, , spend]) => sum + Math.max(0, spend), 0);
  if (summary.totals.spend <= 0 || positive <= 0) return [];
  return parts.map(([key, label, spend]) => ({ key, label, spend, share: Math.max(0, spend) / positive }));
}
