/**
 * The searchable area picker's choices: every district, county, combined authority, region,
 * nation and preset, filtered by what the user types, best matches first.
 */
import type { AreaOption } from '../core/areas';

function plain(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Lower is better: whole label, start of the label, start of a word, anywhere; undefined: no match. */
function rank(option: AreaOption, wanted: string, code: string): number | undefined {
  if (code !== '' && option.code === code) return 0;
  const label = plain(option.label);
  if (label === wanted || plain(option.name) === wanted) return 0;
  if (label.startsWith(wanted)) return 1;
  if (` ${label}`.includes(` ${wanted}`)) return 2;
  if (label.includes(wanted)) return 3;
  return undefined;
}

/**
 * The options matching `query` (all of them, alphabetically, when it is blank), at most `limit`;
 * presets and larger areas before districts of the same rank, since those are what a wider area
 * usually is.
 */
export function searchAreaOptions(options: readonly AreaOption[], query: string, limit: number): AreaOption[] {
  const wanted = plain(query);
  if (wanted === '') return options.slice(0, limit);
  const code = query.trim().toUpperCase();
  const ranked: { option: AreaOption; rank: number }[] = [];
  for (const option of options) {
    const r = rank(option, wanted, code);
    if (r !== undefined) ranked.push({ option, rank: r });
  }
  ranked.sort((a, b) => a.rank - b.rank || b.option.districts.length - a.option.districts.length || a.option.label.localeCompare(b.option.label, 'en-GB'));
  return ranked.slice(0, limit).map((r) => r.option);
}
