/**
 * The partnership on the Baseline sheet: each anchor institution's headline beside the others',
 * and every headline figure of each anchor and of the partnership, each a formula over the
 * analysis table's rows of that anchor (its Institution column), with the value it has.
 */
import type { Anchor } from '../anchors';
import type { AreaNames } from '../labels';
import type { Summary } from '../summary';
import { count, money, pct, text, type Block } from './blocks';
import { ANALYSIS_COLUMN, type OutCell } from './columns';
import type { AnalysisRefs } from './formulas';
import { headlineMeasures, measureFormula, shareOf, type HeadlineMeasure } from './measures';

/** What the last line of each partnership block is called. */
export const PARTNERSHIP = 'Partnership';

interface Line {
  name: string;
  summary: Summary;
  /** The analysis table's rows of this line: an anchor's, or all of them for the partnership. */
  within: [number, string][];
}

function lines(anchors: readonly Anchor[], partnership: Summary): Line[] {
  return [
    ...anchors.map((anchor): Line => ({ name: anchor.name, summary: anchor.summary, within: [[ANALYSIS_COLUMN.institution, anchor.name]] })),
    { name: PARTNERSHIP, summary: partnership, within: [] },
  ];
}

/** A measure's spend and its share of the line's own total spend, as formulas with their values. */
function figures(line: Line, measure: HeadlineMeasure, refs: AnalysisRefs): { spend: OutCell; share: OutCell } {
  const formula = measureFormula(refs, measure, line.within);
  const spend = measure.spend(line.summary);
  return {
    spend: { formula, value: spend },
    share: { formula: refs.share(formula, refs.sum(line.within)), value: shareOf(spend, line.summary.totals.spend) },
  };
}

const SIDE_BY_SIDE: HeadlineMeasure['key'][] = ['local', 'wider_including_local', 'leakage', 'influenceable_leakage', 'unknown'];

export function partnershipBlocks(anchors: readonly Anchor[], partnership: Summary, refs: AnalysisRefs, names: AreaNames): Block[] {
  const measures = headlineMeasures(names);
  const measure = (key: HeadlineMeasure['key']) => measures.find((m) => m.key === key)!;
  const total = measure('total');
  const all = lines(anchors, partnership);
  return [
    {
      id: 'partnership_side_by_side',
      title: 'The partnership: anchors side by side',
      note: "Each anchor's shares are of its own total spend; the last line is the whole partnership.",
      columns: [text('Anchor institution', 44), money('Total spend (£)', 18), pct(`Local (${names.local})`), pct('Wider area including local'), pct('Leakage'), pct('Influenceable leakage'), pct('Unknown locality')],
      rows: all.map((line) => [line.name, figures(line, total, refs).spend, ...SIDE_BY_SIDE.map((key) => figures(line, measure(key), refs).share)]),
    },
    {
      id: 'partnership_headlines',
      title: 'The partnership: every headline figure by anchor',
      note: "Shares are of the anchor's own total spend. An anchor's suppliers are those it paid, so a supplier of two anchors counts for each.",
      columns: [text('Anchor institution and measure', 44), money('Spend (£)', 18), pct("Share of the anchor's spend"), count('Number')],
      rows: all.flatMap((line) => [
        [line.name, null, null, null],
        ...measures.map((m): OutCell[] => {
          const { spend, share } = figures(line, m, refs);
          return [`${m.part ? '    ' : '  '}${m.label}`, spend, share, null];
        }),
        ['  Payments', null, null, { formula: refs.count(line.within), value: line.summary.totals.rows }],
        ['  Suppliers', null, null, line.summary.totals.suppliers],
      ]),
    },
  ];
}
