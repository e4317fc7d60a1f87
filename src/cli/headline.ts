/**
 * What the command prints when done: the headline (every locality's spend and share, adding up to
 * the total), then the rows left out and outside the dates, and what was carried from an
 * earlier analysis in the output; after it, what to add when much of the spend is of unknown
 * locality.
 */
import { countOf, leftOutLines, muchUnknownShare, poundsText, type AnalysisOutcome, type Summary } from '../core';
import type { CliOptions } from './args';

export function headlineLines(analysis: Pick<AnalysisOutcome, 'summary' | 'areas' | 'skipped' | 'rows'>, outFile: string, carried: readonly string[] = []): string[] {
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
  const fileRows = analysis.rows.length + skipped.length;
  const notCounted = fileRows - rows;
  const leftOut = notCounted > 0 ? ` (${notCounted.toLocaleString('en-GB')} of ${countOf(fileRows, 'row')} not in the totals: see below)` : '';
  const story = [...leftOutLines(skipped, analysis.rows), ...carried];
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

/**
 * When much of the spend has no known locality, the ways to place more of it, those this run did
 * not use first: the finance system's supplier list, the public registers, online lookup, and
 * postcodes typed on the Suppliers sheet.
 */
export function unknownSpendAdvice(summary: Summary, options: Pick<CliOptions, 'creditors' | 'companies' | 'charities' | 'online'>, outFile: string): string[] {
  const share = muchUnknownShare(summary);
  if (share === undefined) return [];
  const routes = [
    !options.creditors && "--creditors FILE: your finance system's supplier list (supplier id, name, address lines, postcode)",
    options.companies.length + options.charities.length === 0 &&
      '--companies / --charities: Companies House and the charity register (downloads or a pack built by npm run registers:build), by supplier name or number',
    !options.online && '--online: postcodes.io for postcodes the offline pack does not hold (postcodes only are sent)',
    `or type postcodes on the Suppliers sheet of ${outFile}, then run on it again`,
  ].filter((route): route is string => Boolean(route));
  return ['', `${(share * 100).toFixed(0)}% of spend has no known locality. To place more of it:`, ...routes.map((route) => `  ${route}`)];
}
