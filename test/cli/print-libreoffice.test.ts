/**
 * The summary sheets printed: LibreOffice prints the command line's workbook to PDF (with Carlito,
 * the font metric-compatible with Excel's Calibri), and every word on the pages of the summary
 * sheets, read with pdftotext -bbox, is at least 8 pt; the pages are A4 landscape and carry the
 * page header and footer. Needs LibreOffice, poppler-utils and Carlito; skipped without them.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { convert, describeWithPrinting, recalculatingProfile } from '../support/libreoffice';
import { runIn, temporaryFolder } from './cli-harness';
import { writePrintedSpend } from './print-fixture';

/** pdftotext's box around a word is 1.3 times its font size in Carlito (an unscaled 11 pt sheet gives 14.3 points). */
const BOX_PER_POINT = 1.3;

interface PrintedPage {
  width: number;
  height: number;
  words: { text: string; size: number; box: { left: number; top: number; right: number; bottom: number } }[];
}

function printedPages(pdf: string): PrintedPage[] {
  const html = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
  return html
    .split('<page ')
    .slice(1)
    .map((page) => ({
      width: Number(/width="([\d.]+)"/.exec(page)![1]),
      height: Number(/height="([\d.]+)"/.exec(page)![1]),
      words: [...page.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)].map(([, left, top, right, bottom, text]) => ({
        text,
        size: (Number(bottom) - Number(top)) / BOX_PER_POINT,
        box: { left: Number(left), top: Number(top), right: Number(right), bottom: Number(bottom) },
      })),
    }));
}

describeWithPrinting('the summary sheets printed', () => {
  let pages: PrintedPage[];
  beforeAll(async () => {
    const folder = temporaryFolder('print-pdf');
    writePrintedSpend(folder);
    expect((await runIn(folder, ['spend.csv', '--local', 'Preston', '--wider', 'Lancashire (ceremonial county)'])).code).toBe(0);
    const pdf = convert(recalculatingProfile(folder), path.join(folder, 'spend-baseline.xlsx'), 'pdf', path.join(folder, 'pdf'));
    // The pages of the summary sheets are those with the page header that names the areas.
    pages = printedPages(pdf).filter((page) => page.words.some((word) => word.text === 'Wider') && page.words.some((word) => word.text === 'Analysed'));
  }, 120_000);

  test('every summary sheet is there, on A4 landscape pages with its page numbers', () => {
    const text = pages.map((page) => page.words.map((word) => word.text).join(' '));
    for (const title of ['Local spend baseline', 'All 80 suppliers by spend', 'Method and coverage', 'Opportunities']) expect(text.filter((page) => page.includes(title)).length).toBeGreaterThan(0);
    for (const page of pages) expect([Math.round(page.width), Math.round(page.height)]).toEqual([842, 595]);
    // The footer (pdftotext gives a page's words by where they were drawn, not always in reading order).
    for (const page of text) expect([/Page \d+ of \d+/.test(page), page.includes('Local Spend Baseline')]).toEqual([true, true]);
  });

  test('no printed text is smaller than 8 pt', () => {
    const smallest = Math.min(...pages.flatMap((page) => page.words.map((word) => word.size)));
    expect(smallest).toBeGreaterThanOrEqual(8);
  });

  test('no printed word is drawn over another (a wrapped cell in a row too short runs into the next)', () => {
    const overlaps: string[] = [];
    for (const page of pages) {
      const { words } = page;
      for (let i = 0; i < words.length; i++) {
        for (let j = i + 1; j < words.length; j++) {
          const [a, b] = [words[i].box, words[j].box];
          // A point's overlap is the boxes' own margin; a third of a line is text drawn over text.
          const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (across > 1 && down > (a.bottom - a.top) / 3) overlaps.push(`${words[i].text} / ${words[j].text}`);
        }
      }
    }
    expect(overlaps).toEqual([]);
  });

  test('a long table repeats its title and header rows on every page', () => {
    const top = pages.map((page) => page.words.map((word) => word.text)).filter((words) => words.join(' ').includes('All 80 suppliers by spend'));
    expect(top.length).toBeGreaterThan(1);
    for (const words of top) expect(words).toEqual(expect.arrayContaining(['Top', 'Rank', 'Supplier', 'Spend', '(£)', 'Share', 'Payments', 'Locality', 'Influence', 'reason']));
  });
});
