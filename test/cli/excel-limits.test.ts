/**
 * Excel's limits in every file written: text over 32,767 characters is cut, ending with a mark,
 * and said on the Method sheet and the console; no formula is over 8,192 characters (a summary
 * figure whose formula would be is written as its value, and that is said too).
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { CUT_MARK, fitText, MAX_CELL_TEXT, MAX_FORMULA_LENGTH } from '../../src/core/analysis/excel-limits';
import { unescapeXml } from '../../src/workbook/xml';
import { runIn, temporaryFolder, workbookCells } from './cli-harness';
import { LONG_CATEGORY, LONG_DESCRIPTION, LONG_NAME, writeLongTexts } from './long-texts';

test('fitText cuts at the limit with the mark, never through a surrogate pair', () => {
  expect(fitText('short')).toBe('short');
  const exact = 'x'.repeat(MAX_CELL_TEXT);
  expect(fitText(exact)).toBe(exact);
  const cut = fitText('x'.repeat(MAX_CELL_TEXT + 1));
  expect(cut).toHaveLength(MAX_CELL_TEXT);
  expect(cut.endsWith(CUT_MARK)).toBe(true);
  // The cut would fall between the two halves of 😀: it falls before it.
  const emoji = fitText(`${'x'.repeat(MAX_CELL_TEXT - CUT_MARK.length - 1)}😀${'y'.repeat(1000)}`);
  expect(emoji === `${'x'.repeat(MAX_CELL_TEXT - CUT_MARK.length - 1)}${CUT_MARK}`).toBe(true);
});

describe('a payment with texts longer than a cell holds', () => {
  let folder: string;
  let run: Awaited<ReturnType<typeof runIn>>;
  beforeAll(async () => {
    folder = temporaryFolder('limits');
    writeLongTexts(folder);
    run = await runIn(folder, ['long.csv', '--local', 'Preston', '--wider', 'Lancashire (ceremonial county)']);
  });

  test('the console says which cells were cut and which figures are values', () => {
    const n = (count: number) => count.toLocaleString('en-GB');
    expect(run.code).toBe(0);
    expect(run.err).toEqual([
      `note: 3 cells of the data held more text than an Excel cell can (32,767 characters): long!A3 (${n(LONG_NAME.length)} characters), long!C3 (${n(LONG_CATEGORY.length)} characters), long!D3 (${n(LONG_DESCRIPTION.length)} characters). ` +
        'Wherever that text is written it is cut to fit, ending "[…cut: a cell holds 32,767 characters]"; nothing else of your text is ever changed.',
      'note: 6 summary figures are written as values, not formulas: their formulas would be longer than the 8,192 characters Excel allows (a label that long).',
    ]);
  });

  test('no text in any sheet is longer than a cell holds, and no formula longer than Excel allows', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(folder, 'long-baseline.xlsx')));
    const parts = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name));
    expect(parts.length).toBeGreaterThanOrEqual(9);
    let longest = 0;
    for (const part of parts) {
      const xml = await zip.file(part)!.async('string');
      for (const match of xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) longest = Math.max(longest, unescapeXml(match[1]).length);
      for (const match of xml.matchAll(/<f(?:\s[^>]*)?>([^<]*)<\/f>/g)) expect(unescapeXml(match[1]).length).toBeLessThanOrEqual(MAX_FORMULA_LENGTH);
    }
    expect(longest).toBe(MAX_CELL_TEXT);
  });

  test('the cut texts end with the mark, and the Method sheet says what was done', async () => {
    const sheets = await workbookCells(path.join(folder, 'long-baseline.xlsx'));
    expect(sheets.get('long')!.cells.get('A3')?.value === `${LONG_NAME.slice(0, MAX_CELL_TEXT - CUT_MARK.length)}${CUT_MARK}`).toBe(true);
    const method = [...sheets.get('Method')!.cells.values()].map((cell) => cell.value);
    expect(method).toContain("Excel's limits");
    expect(method).toContain(run.err[0].replace(/^note: /, ''));
  });
});
