/**
 * Where each part of a summary sheet goes, and how it prints, the same in both hosts. A sheet
 * prints legibly on A4 landscape, one page wide: its columns are kept within what fits at 85%
 * or more (text that is longer wraps onto more lines rather than widening its column), the
 * title rows are frozen on screen and repeated on every page, the page header names the areas
 * and the analysis date, and the footer numbers the pages.
 */
import type { Block } from './blocks';
import { fittedWidth } from './columns';
import type { SheetPlan } from './plan';

export interface PlacedBlock {
  block: Block;
  /** 0-based sheet row of the block's title; its header row is titleRow + 1 (+1 more with a note). */
  titleRow: number;
  headerRow: number;
  /** 0-based sheet row of the first data row. */
  firstRow: number;
  /** Lines each data row takes with its wrapped text (1 for most). */
  rowLines: number[];
}

/** A page header or footer, each section in Excel's header and footer codes (&P the page number, &N the pages). */
export interface PageSections {
  left: string;
  center: string;
  right: string;
}

export interface PrintSetup {
  paper: 'A4';
  orientation: 'landscape';
  /** Scaled to one page wide, as many pages long as it takes. */
  fitToPagesWide: 1;
  /** Inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Rows from the top frozen on screen and repeated at the top of every printed page. */
  titleRows: number;
  header: PageSections;
  footer: PageSections;
}

export interface SheetLayout {
  plan: SheetPlan;
  /** Rows 0.. of the title and subtitle lines. */
  titleRows: number;
  blocks: PlacedBlock[];
  /** The extent of everything the add-in writes on the sheet, from A1. */
  rows: number;
  columns: number;
  /** Width in characters of each column, the widest any block asks for within what prints legibly. */
  widths: number[];
  /** The columns whose text wraps within its width. */
  wrap: boolean[];
  print: PrintSetup;
}

const MARGINS = { left: 0.4, right: 0.4, top: 0.8, bottom: 0.6, header: 0.3, footer: 0.3 };
/** A4 landscape is 11.69 inches wide; what is left within the margins, in points. */
const PRINTABLE_POINTS = (11.69 - MARGINS.left - MARGINS.right) * 72;
/** Printed no smaller than this (11 pt text at 9.35 pt), a sheet's columns fit the page. */
const MIN_PRINT_SCALE = 0.85;
/**
 * A column of w characters is about 5.25w + 3.75 points wide in Excel's default font (7 pixels a
 * character, 5 of padding, at 96 an inch); a little more is allowed for, as other programs lay
 * the same widths out a little wider.
 */
const POINTS_PER_CHARACTER = 5.5;
const POINTS_PER_COLUMN = 3.75;
/** How wide a wrapped column of sentences may be, and how narrow a column is ever made to fit the page. */
const WRAPPED_WIDTH = 80;
const NARROWEST = 12;
/** More lines than this a row never takes: a cell longer than that is read on screen. */
const MAX_LINES = 15;

/** The most characters of column width that print at MIN_PRINT_SCALE or larger. */
function printableCharacters(columns: number): number {
  return Math.floor((PRINTABLE_POINTS / MIN_PRINT_SCALE - POINTS_PER_COLUMN * columns) / POINTS_PER_CHARACTER);
}

const textLength = (value: unknown) => (typeof value === 'string' ? value.length : 0);

/**
 * About how many pixels text takes in Excel's default font (Calibri 11 at 96 an inch, whose
 * column widths count characters 7 pixels wide): capitals and digits about 7.5 and 7, small
 * letters 6, spaces and stops 3. A little over, rather than under: a row too short hides text
 * (at 5.5 a small letter, a 65-character sentence in a 50-wide column was given one line and
 * printed its last word over the next row).
 */
function textPixels(text: string): number {
  let pixels = 0;
  for (const ch of text) pixels += /[A-Z]/.test(ch) ? 7.5 : /[0-9]/.test(ch) ? 7 : /[a-z]/.test(ch) ? 6 : /[\s.,;:'|!]/.test(ch) ? 3 : 6;
  return pixels;
}

/**
 * Lines a text takes wrapped in a column `width` characters wide. Whole words move to the next
 * line, and LibreOffice's substitute font runs a little wider: a tenth more (a twentieth let a
 * 59-character label that just fitted a 50-wide column by the estimate print over the row above).
 */
function wrappedLines(value: unknown, width: number): number {
  if (typeof value !== 'string' || value === '') return 1;
  return Math.ceil((textPixels(value) * 1.1) / Math.max(1, width * 7 - 5));
}

/** Text for a header or footer section: an ampersand is a code there, so one of the user's is doubled. */
const pageText = (text: string) => text.replace(/&/g, '&&');

/** Blocks stacked down the sheet under its title, one blank row between them, within the width a page prints. */
export function layoutSheet(plan: SheetPlan): SheetLayout {
  const widths: number[] = [];
  const planned: number[] = [];
  const longest: number[] = [];
  const isText: boolean[] = [];
  for (const block of plan.blocks) {
    block.columns.forEach((c, i) => {
      const values = block.rows.map((cells) => cells[i]);
      // Sentences and lists (overflow columns) wrap in a wide column instead of running on past the printed page.
      const wanted = c.overflow ? Math.max(c.width, Math.min(WRAPPED_WIDTH, Math.max(0, ...values.map(textLength)) + 2)) : fittedWidth(c, values);
      widths[i] = Math.max(widths[i] ?? 0, wanted);
      planned[i] = Math.max(planned[i] ?? 0, Math.min(c.width, wanted));
      if (c.format === 'text') {
        isText[i] = true;
        longest[i] = Math.max(longest[i] ?? 0, ...values.map(textLength));
      }
    });
  }
  const columns = Math.max(1, widths.length);
  for (let i = 0; i < columns; i++) widths[i] = widths[i] ?? 10;
  // Narrow the widest text columns, one character at a time, until the sheet fits the page.
  const budget = printableCharacters(columns);
  let total = widths.reduce((sum, w) => sum + w, 0);
  while (total > budget) {
    let widest = -1;
    for (let i = 0; i < columns; i++) {
      if (isText[i] && widths[i] > Math.max(NARROWEST, planned[i]) && (widest < 0 || widths[i] > widths[widest])) widest = i;
    }
    if (widest < 0) break;
    widths[widest]--;
    total--;
  }
  const wrap = widths.map((width, i) => isText[i] === true && (longest[i] ?? 0) + 2 > width);

  let row = 1 + plan.subtitle.length + 1;
  const blocks: PlacedBlock[] = [];
  for (const block of plan.blocks) {
    const titleRow = row;
    const headerRow = titleRow + 1 + (block.note ? 1 : 0);
    const rowLines = block.rows.map((cells) => {
      let lines = 1;
      block.columns.forEach((c, i) => {
        if (wrap[i] && c.format === 'text') lines = Math.max(lines, wrappedLines(cells[i], widths[i]));
      });
      return Math.min(lines, MAX_LINES);
    });
    blocks.push({ block, titleRow, headerRow, firstRow: headerRow + 1, rowLines });
    row = headerRow + 1 + Math.max(block.rows.length, 1) + 1;
  }
  // One table: its title and header rows stay in view and head every page; several: the sheet's title.
  const titleRows = blocks.length === 1 ? blocks[0].headerRow + 1 : 1;
  const print: PrintSetup = {
    paper: 'A4',
    orientation: 'landscape',
    fitToPagesWide: 1,
    margins: MARGINS,
    titleRows,
    header: { left: pageText(plan.title), center: '', right: `${pageText(plan.page.areas)}\n${pageText(plan.page.analysed)}` },
    footer: { left: pageText(plan.name), center: 'Page &P of &N', right: 'Local Spend Baseline' },
  };
  return { plan, titleRows: 1 + plan.subtitle.length, blocks, rows: row, columns, widths, wrap, print };
}
