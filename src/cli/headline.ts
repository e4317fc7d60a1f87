/** The headline the command prints: every locality's spend and share, adding up to the total. */
import type { Areas } from '../core/areas';
import type { Summary } from '../core/summary';

const gbp = (value: number) =>
  `${value < 0 ? '-' : ''}£${Math.abs(value).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export function headlineLines(summary: Summary, areas: Areas, outFile: string): string[] {
  const total = summary.totals.spend;
  const share = (value: number) => (summary.shares ? `${((value / total) * 100).toFixed(1).padStart(5)}%` : '');
  const line = (label: string, value: number) => `  ${label.padEnd(44)} ${gbp(value).padStart(18)}  ${share(value)}`;
  const l = summary.locality;
  return [
    `Spend baseline: ${summary.totals.rows.toLocaleString('en-GB')} payments, ${summary.totals.suppliers.toLocaleString('en-GB')} suppliers`,
    `Local area ${areas.local.name} (${areas.local.districts.length} district${areas.local.districts.length === 1 ? '' : 's'}); wider area ${areas.wider.name} (${areas.wider.districts.length} districts)`,
    line(`Local (${areas.local.name})`, l.local.spend),
    line('Wider area, outside the local area', l.wider.spend),
    line('Rest of UK', l.rest_of_uk.spend),
    line('Outside UK', l.outside_uk.spend),
    line('Unknown', l.unknown.spend),
    line('Total spend (net of credits)', total),
    '',
    line(`Wider area including local (${areas.wider.name})`, l.local.spend + l.wider.spend),
    line('Leakage (rest of UK + outside UK)', summary.leakage.spend),
    line('  of which influenceable', summary.leakage.influenceableSpend),
    line('Review (influenceability to be judged)', summary.influence.review.spend),
    ...(summary.sharesNote ? [summary.sharesNote] : []),
    '',
    `Written: ${outFile}`,
  ];
}
