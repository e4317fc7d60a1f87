/**
 * What the command prints when done: the headline (every locality's spend and share, adding up to
 * the total), then the rows not in the totals and outside the dates, and what was carried from
 * an earlier analysis in the output; the progress since --baseline's workbook; after it all, what
 * to add when much of the spend is of unknown locality.
 */
import { countOf, leftOutLines, muchUnknownShare, poundsText, type AnalysisOutcome, type Areas, type Progress, type Summary } from '../core';
import type { CliOptions } from './args';

export function headlineLines(analysis: Pick<AnalysisOutcome, 'summary' | 'areas' | 'skipped' | 'rows' | 'progress'>, outFile: string, carried: readonly string[] = []): string[] {
  const { summary, areas, skipped, progress } = analysis;
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
    ...(progress ? [...progressLines(progress, areas), ''] : []),
    `Written: ${outFile}`,
  ];
}

const percent = (share: number | undefined) => (share === undefined ? 'n/a' : `${(share * 100).toFixed(1)}%`);
const points = (change: number | undefined) => (change === undefined ? '' : `${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)} points`);
const signed = (value: number) => `${value >= 0 ? '+' : '-'}${poundsText(Math.abs(value))}`;

/** The change since --baseline's workbook, and how it was measured. */
function progressLines(progress: Progress, areas: Areas): string[] {
  const { before, after, change } = progress;
  const how = progress.method === 'reclassified' ? 'its payments classified again, like for like' : `its stored figures, because ${progress.why}`;
  const shares: [string, 'local' | 'widerIncludingLocal' | 'unknown'][] = [
    [`Local (${areas.local.name})`, 'local'],
    [`Wider area including local (${areas.wider.name})`, 'widerIncludingLocal'],
    ['Unknown', 'unknown'],
  ];
  const labelWidth = Math.max(...shares.map(([label]) => label.length), 'Influenceable leakage'.length);
  return [
    `Progress since ${progress.earlier.name} (${how}):`,
    ...shares.map(([label, key]) => `  ${label.padEnd(labelWidth)}  ${percent(before.shares?.[key]).padStart(6)} → ${percent(after.shares?.[key]).padStart(6)}  ${points(change.shares?.[key])}`),
    `  ${'Leakage'.padEnd(labelWidth)}  ${poundsText(before.leakage.spend)} → ${poundsText(after.leakage.spend)}  ${signed(change.leakage.spend)}`,
    `  ${'Influenceable leakage'.padEnd(labelWidth)}  ${poundsText(before.leakage.influenceableSpend)} → ${poundsText(after.leakage.influenceableSpend)}  ${signed(change.leakage.influenceableSpend)}`,
    ...(progress.methodChanges.length > 0 ? [`  Its own analysis differed: ${progress.methodChanges.join('; ')}.`] : []),
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
