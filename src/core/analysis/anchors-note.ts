/** What the user is told when the data names no anchor institution: the figures are one organisation's. */
import type { DataSheet } from './spend-data';

export function noAnchorsNote(sheets: readonly DataSheet[]): string {
  const sheet = sheets[0];
  const where = sheet.headerRow === null ? `"${sheet.sheet}" (no header row)` : `the header of "${sheet.sheet}" (row ${sheet.headerRow + 1})`;
  return (
    `No institution column in ${where}: the baseline is one organisation's, with no figures per anchor. ` +
    'For a partnership, map the column that names each anchor institution (on the command line --map institution=COLUMN, or --institution NAME for each input).'
  );
}
