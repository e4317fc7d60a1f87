/**
 * The headline's measures (SPEC.md, "Areas and the headline arithmetic"), each with the figure a
 * summary gives it and the formula over the analysis table that proves it: one list for the
 * partnership's headline and for every anchor's.
 */
import type { Influence, Locality } from '../codes';
import { INFLUENCE_LABELS, localityLabel, type AreaNames } from '../labels';
import type { Summary } from '../summary';
import { ANALYSIS_COLUMN } from './columns';
import type { AnalysisRefs } from './formulas';

type Criterion = [number, string];

export interface HeadlineMeasure {
  key: 'total' | Locality | 'wider_including_local' | 'leakage' | 'influenceable_leakage' | 'review';
  label: string;
  /** The figure, from a summary (the partnership's or an anchor's). */
  spend(summary: Summary): number;
  /** The analysis table's rows it adds up: the sum of one SUMIFS per list of criteria. */
  parts: Criterion[][];
  /** Shown indented, as a part of the measure above it. */
  part?: boolean;
}

export function headlineMeasures(names: AreaNames): HeadlineMeasure[] {
  const at = (l: Locality): Criterion => [ANALYSIS_COLUMN.locality, localityLabel(l, names)];
  const judged = (i: Influence): Criterion => [ANALYSIS_COLUMN.influence, INFLUENCE_LABELS[i]];
  const locality = (l: Locality, label: string): HeadlineMeasure => ({ key: l, label, spend: (s) => s.locality[l].spend, parts: [[at(l)]] });
  return [
    { key: 'total', label: 'Total spend (net of credits)', spend: (s) => s.totals.spend, parts: [[]] },
    locality('local', `Local (${names.local})`),
    {
      key: 'wider_including_local',
      label: `Wider area including local (${names.wider})`,
      spend: (s) => s.locality.local.spend + s.locality.wider.spend,
      parts: [[at('local')], [at('wider')]],
    },
    locality('rest_of_uk', 'Rest of UK'),
    locality('outside_uk', 'Outside UK'),
    locality('unknown', 'Unknown locality'),
    { key: 'leakage', label: 'Leakage (rest of UK + outside UK)', spend: (s) => s.leakage.spend, parts: [[at('rest_of_uk')], [at('outside_uk')]] },
    {
      key: 'influenceable_leakage',
      label: 'of which influenceable',
      part: true,
      spend: (s) => s.leakage.influenceableSpend,
      parts: [
        [at('rest_of_uk'), judged('influenceable')],
        [at('outside_uk'), judged('influenceable')],
      ],
    },
    { key: 'review', label: 'Review (influenceability to be judged)', spend: (s) => s.influence.review.spend, parts: [[judged('review')]] },
  ];
}

/** The measure's formula, over the rows that also meet `within` (an anchor's), as one term of a sum. */
export function measureFormula(refs: AnalysisRefs, measure: HeadlineMeasure, within: Criterion[] = []): string {
  const sums = measure.parts.map((criteria) => refs.sum([...within, ...criteria]));
  return sums.length > 1 ? `(${sums.join('+')})` : sums[0];
}

/** A part's share of a total, or "n/a" when the total is not positive (as the formulas say it). */
export function shareOf(part: number, total: number): number | string {
  return total > 0 ? part / total : 'n/a';
}
