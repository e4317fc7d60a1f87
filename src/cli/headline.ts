/**
 * What the command prints when done: the headline (every locality's spend and share, adding up to
 * the total), then the rows left out and outside the dates, what to add when much of the spend
 * is of unknown locality, and what was carried from an earlier analysis in the output.
 */
import { countOf, leftOutLines, poundsText, unknownSpendAdvice, type AnalysisOutcome } from '../core';

export function headlineLines(analysis: Pick<AnalysisOutcome, 'summary' | 'areas' | 'skipped'>, outFile: string, carried: readonly string[] = []): string[] {
  const { summary, areas, skipped } = analysis;
  const total = summary.totals.spend;
  const l = summary.locality;
  const split: [string, number][] = [
    [`Local (${areas.local.name})`, l.local.spend],
    ['Wider area, outside the local area', l.wider.spend],
    ['Rest of UK', l.rest_of_uk.spend],
    ['Outside UK', l.outside_uk.spend],
    ['Unknown', l.unknown.spend],
    ['Total spend (net of credits)', total],
  ];
  const measures: [string, number][] = [
    [`Wider area including local (${areas.wider.name})`, l.local.spend + l.wider.spend],
    ['Leakage (rest of UK + outside UK)', summary.leakage.spend],
    ['  of which influenceable', summary.leakage.influenceableSpend],
    ['Review (influenceability to be judged)', summary.influence.review.spend],
  ];
  // Every label padded to the longest, so the figures line up whatever the areas are called.
  const labelWidth = Math.max(...[...split, ...measures].map(([label]) => label.length));
  const share = (value: number) => (summary.shares ? `${((value / total) * 100).toFixed(1).padStart(5)}%` : '');
  const line = ([label, value]: [string, number]) => `  ${label.padEnd(labelWidth)}  ${poundsText(value).padStart(18)}  ${share(value)}`.trimEnd();
  const rows = summary.totals.rows;
  const leftOut = skipped.length > 0 ? ` (${skipped.length.toLocaleString('en-GB')} of ${countOf(rows + skipped.length, 'row')} left out: see below)` : '';
  const story = [...leftOutLines(skipped, rows), ...[unknownSpendAdvice(summary)].filter((advice) => advice !== undefined), ...carried];
  return [
    `Spend baseline: ${countOf(rows, 'payment')}, ${countOf(summary.totals.suppliers, 'supplier')}${leftOut}`,
    `Local area ${areas.local.name} (${countOf(areas.local.districts.length, 'district')}); wider area ${areas.wider.name} (${countOf(areas.wider.districts.length, 'district')})`,
    ...split.map(line),
    '',
    ...measures.map(line),
    ...(summary.sharesNote ? [summary.sharesNote] : []),
    ...(story.length > 0 ? ['', ...story] : []),
    '',
    `Written: ${outFile}`,
  ];
}
