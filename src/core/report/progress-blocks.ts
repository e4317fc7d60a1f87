/**
 * The Baseline sheet's progress blocks: the change in spend and in each share since an earlier
 * analysis, how that analysis's method differed (with its own stored figures), the change per
 * institution, and the suppliers that moved the figures most.
 */
import type { InstitutionFigures, Progress, ProgressFigures } from '../analysis/progress';
import { LOCALITIES, type Locality } from '../codes';
import { localityLabel, type AreaNames } from '../labels';
import type { Shares } from '../summary';
import { formatDateTime, longText, money, pct, text, type Block } from './blocks';
import type { OutCell } from './columns';

/** The measures compared, each a spend and the share of total spend it is. */
function measures(names: AreaNames): { label: string; spend: (f: ProgressFigures) => number; share?: keyof Shares }[] {
  const byLocality = (l: Locality) => ({ label: localityLabel(l, names), spend: (f: ProgressFigures) => f.spendByLocality[l], share: LOCALITY_SHARE[l] });
  return [
    { label: 'Total spend (net of credits)', spend: (f) => f.totals.spend },
    byLocality('local'),
    { label: `Wider area including local (${names.wider})`, spend: (f) => f.spendByLocality.local + f.spendByLocality.wider, share: 'widerIncludingLocal' },
    ...LOCALITIES.filter((l) => l !== 'local' && l !== 'wider').map(byLocality),
    { label: 'Leakage (rest of UK + outside UK)', spend: (f) => f.leakage.spend, share: 'leakage' },
    { label: '  of which influenceable', spend: (f) => f.leakage.influenceableSpend, share: 'influenceableLeakage' },
  ];
}

const LOCALITY_SHARE: Record<Locality, keyof Shares> = { local: 'local', wider: 'widerIncludingLocal', rest_of_uk: 'restOfUk', outside_uk: 'outsideUk', unknown: 'unknown' };

const shareCell = (figures: ProgressFigures, share: keyof Shares | undefined): OutCell => (share === undefined ? null : (figures.shares?.[share] ?? 'n/a'));

const pennies = (amount: number) => Math.round(amount * 100) / 100;

function earlierTitle(progress: Progress): string {
  const at = progress.earlier.analysedAt ? ` (analysed ${formatDateTime(progress.earlier.analysedAt)})` : '';
  return `Progress since ${progress.earlier.name}${at}`;
}

function overallBlock(progress: Progress, names: AreaNames): Block {
  const { before, after, change } = progress;
  const reclassified = progress.method === 'reclassified';
  return {
    id: 'progress',
    title: reclassified ? `${earlierTitle(progress)}: its payments classified again, like for like` : `${earlierTitle(progress)}: the figures it stored`,
    note: reclassified
      ? "The earlier payments were classified again with this run's areas, threshold, rules and Suppliers sheet, so a change here is a change of spending, not of method."
      : `Compared with the figures it stored, because ${progress.why}. A change of areas, rules or supplier corrections since then shows here as a change too.`,
    columns: [text('Measure', 44), money('Earlier (£)', 18), money('This run (£)', 18), money('Change (£)', 16), pct('Earlier share'), pct('This run share'), pct('Change in share')],
    rows: measures(names).map(({ label, spend, share }) => {
      const a = shareCell(before, share);
      const b = shareCell(after, share);
      return [label, spend(before), spend(after), pennies(spend(after) - spend(before)), a, b, share === undefined ? null : (change.shares?.[share] ?? 'n/a')];
    }),
  };
}

function methodBlock(progress: Progress): Block {
  return {
    id: 'progress_method',
    title: 'How the earlier analysis differed from this one',
    note: progress.method === 'reclassified' ? 'These no longer matter to the comparison above: its payments were classified again. They explain why its own figures (below) differ.' : undefined,
    columns: [longText('Difference')],
    rows: progress.methodChanges.map((line) => [line]),
  };
}

function storedBlock(stored: ProgressFigures, names: AreaNames): Block {
  return {
    id: 'progress_stored',
    title: 'The earlier workbook’s own figures, as its analysis stored them',
    columns: [text('Measure', 44), money('Spend (£)', 18), pct('Share of total')],
    rows: measures(names).map(({ label, spend, share }) => [label, spend(stored), shareCell(stored, share)]),
  };
}

const INSTITUTION_SHARES: { label: (names: AreaNames) => string; of: (f: InstitutionFigures) => number }[] = [
  { label: (names) => `Local (${names.local})`, of: (f) => f.local },
  { label: (names) => `Wider area including local (${names.wider})`, of: (f) => f.widerIncludingLocal },
  { label: () => 'Unknown locality', of: (f) => f.unknown },
];

function institutionBlocks(progress: Progress, names: AreaNames): Block[] {
  const share = (figures: InstitutionFigures | undefined, of: (f: InstitutionFigures) => number): number | string =>
    figures === undefined ? '' : figures.spend > 0 ? of(figures) / figures.spend : 'n/a';
  const shareRows: OutCell[][] = [];
  for (const line of progress.institutions) {
    INSTITUTION_SHARES.forEach(({ label, of }, i) => {
      const a = share(line.before, of);
      const b = share(line.after, of);
      shareRows.push([i === 0 ? line.institution : '', label(names), a, b, typeof a === 'number' && typeof b === 'number' ? b - a : '']);
    });
  }
  const pounds = (figures: InstitutionFigures | undefined, of: (f: InstitutionFigures) => number): OutCell => (figures === undefined ? null : of(figures));
  const change = (line: Progress['institutions'][number], of: (f: InstitutionFigures) => number) => pennies((line.after ? of(line.after) : 0) - (line.before ? of(line.before) : 0));
  const shares: Block = {
    id: 'progress_institution_shares',
    title: 'Progress by institution: shares of its spend',
    note: progress.institutionsNote,
    columns: [text('Institution', 44), text('Share of its spend', 30), pct('Earlier'), pct('This run'), pct('Change')],
    rows: shareRows,
  };
  if (progress.institutions.length === 0) return [shares];
  return [
    shares,
    {
      id: 'progress_institution_leakage',
      title: 'Progress by institution: leakage',
      columns: [
        text('Institution', 44),
        money('Earlier leakage (£)', 18),
        money('Leakage now (£)', 18),
        money('Change in leakage (£)'),
        money('Earlier influenceable (£)'),
        money('Influenceable now (£)'),
        money('Change in influenceable (£)'),
      ],
      rows: progress.institutions.map((line) => [
        line.institution,
        pounds(line.before, (f) => f.leakage),
        pounds(line.after, (f) => f.leakage),
        change(line, (f) => f.leakage),
        pounds(line.before, (f) => f.influenceableLeakage),
        pounds(line.after, (f) => f.influenceableLeakage),
        change(line, (f) => f.influenceableLeakage),
      ]),
    },
  ];
}

function moversBlock(progress: Progress, names: AreaNames): Block {
  return {
    id: 'progress_movers',
    title: 'Suppliers that moved the figures most',
    note: 'Ranked by the largest change in their spend in the local area, in the wider area, or leaking out of it; each placed where this run places it.',
    columns: [
      text('Supplier', 44),
      text('Locality now', 22),
      money('Earlier (£)', 18),
      money('This run (£)', 18),
      money('Change in local (£)'),
      money('Change in wider area (£)'),
      money('Change in leakage (£)'),
    ],
    rows: progress.movers.map((move) => [move.name, localityLabel(move.locality, names), move.before, move.after, move.local, move.widerIncludingLocal, move.leakage]),
  };
}

export function progressBlocks(progress: Progress | undefined, names: AreaNames): Block[] {
  if (!progress) return [];
  const blocks = [overallBlock(progress, names)];
  if (progress.methodChanges.length > 0) blocks.push(methodBlock(progress));
  if (progress.stored) blocks.push(storedBlock(progress.stored, names));
  if (progress.method === 'reclassified') {
    if (progress.institutions.length > 0 || progress.institutionsNote) blocks.push(...institutionBlocks(progress, names));
    blocks.push(moversBlock(progress, names));
  }
  return blocks;
}
