/**
/**
 * What the command prints when done: the headline (every locality's spend and share, adding up to
 * the total); a line per anchor institution of a partnership (or why there are none) and LM3;
 * then the rows not in the totals and outside the dates, and what was carried from an earlier
 * analysis in the output; the progress since --baseline's workbook; the copy to publish; after it
 * all, what to add when much of the spend is of unknown locality.
 */
import { countOf, leftOutLines, muchUnknownShare, poundsText, type AnalysisOutcome, type Areas, type Progress, type Publication, type Summary } from '../core';
import type { CliOptions } from './args';

type Printed = Pick<AnalysisOutcome, 'summary' | 'areas' | 'skipped' | 'rows' | 'progress' | 'anchors' | 'noAnchors' | 'lm3'>;

export function headlineLines(analysis: Printed, outFile: string, carried: readonly string[] = []): string[] {
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
    '',
    ...anchorLines(analysis),
    lm3Line(analysis),
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

/** One line per anchor: its total spend, and the shares of it that are local, in the wider area, and leakage. */
function anchorLines({ anchors, noAnchors }: Printed): string[] {
  if (!anchors) return noAnchors ? [`${noAnchors.replace(/\.$/, '')} (--map institution=COLUMN), or name each input's with --institution NAME.`, ''] : [];
  const nameWidth = Math.max(...anchors.map((a) => a.name.length));
  return [
    `Anchor institutions (${anchors.length}): total spend; shares of it local, in the wider area including local, and leakage`,
    ...anchors.map(({ name, summary: { totals, shares } }) =>
      `  ${name.padEnd(nameWidth)}  ${poundsText(totals.spend).padStart(18)}  ${percent(shares?.local).padStart(6)}  ${percent(shares?.widerIncludingLocal).padStart(6)}  ${percent(shares?.leakage).padStart(6)}`.trimEnd(),
    ),
    '',
  ];
}

function lm3Line({ lm3 }: Printed): string {
  if (lm3.value === null) return 'LM3: needs re-spend survey answers (the Re-spend survey sheet, or --respend FILE.csv).';
  return `LM3: ${lm3.value.toFixed(2)} (each £1 spent is worth £${lm3.value.toFixed(2)} locally; ${lm3.surveyed.length} of ${lm3.localSuppliers} local suppliers surveyed, ${(lm3.surveyedShare * 100).toFixed(1)}% of R2).`;
}

/** What the copy to publish holds, and what it redacted and added up. */
export function publishedLine({ redacted, aggregated }: Pick<Publication, 'redacted' | 'aggregated'>, file: string, minimum: number | undefined): string {
  const small = minimum ? `; ${countOf(aggregated.payments, 'payment')} under £${minimum.toLocaleString('en-GB')} added up into ${countOf(aggregated.lines, 'line')} by category` : '';
  return `Copy to publish: ${file} (the summaries and the analysis data, every figure a value; ${countOf(redacted, 'payment')} to individuals redacted${small}).`;
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
