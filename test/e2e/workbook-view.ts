/**
 * What the test reads back from the simulated workbook in the page (`window.__excelSim`), and
 * what it types there "as the user": small helpers over the simulator's inspection API.
 */
import type { Page } from 'playwright-core';
import { STATE_SHEET, stateFromCells, type WorkbookState } from '../../src/core/settings';

type CellValue = string | number | boolean;
type Rows = (CellValue | '')[][];

interface SimInPage {
  values(sheet: string, address?: string): Rows;
  writeCells(sheet: string, at: string, rows: (CellValue | null)[][]): void;
  sheetNames(): string[];
  activeSheetName: string;
  selection: string;
  syncDelayMs: number;
}

declare global {
  interface Window {
    __excelSim: SimInPage;
  }
}

export function values(page: Page, sheet: string): Promise<Rows> {
  return page.evaluate((name) => window.__excelSim.values(name), sheet);
}

export function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__excelSim.sheetNames());
}

export function selection(page: Page): Promise<{ sheet: string; address: string }> {
  return page.evaluate(() => ({ sheet: window.__excelSim.activeSheetName, address: window.__excelSim.selection }));
}

export function setSyncDelay(page: Page, ms: number): Promise<void> {
  return page.evaluate((delay) => {
    window.__excelSim.syncDelayMs = delay;
  }, ms);
}

/** Types one value into a cell, as the user would in Excel. */
export function typeInCell(page: Page, sheet: string, address: string, value: CellValue): Promise<void> {
  return page.evaluate(([name, at, text]) => window.__excelSim.writeCells(name as string, at as string, [[text]]), [sheet, address, value] as const);
}

/** "A1"-style address of a 0-based row and column. */
export function cellAddress(row: number, column: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

/** The 0-based row and column of the first cell holding exactly `text`. */
export function find(rows: Rows, text: string): { row: number; column: number } {
  for (let row = 0; row < rows.length; row++) {
    const column = rows[row].indexOf(text);
    if (column >= 0) return { row, column };
  }
  throw new Error(`"${text}" is not on the sheet`);
}

/** The settings the add-in keeps on its very hidden state sheet. */
export async function savedState(page: Page): Promise<WorkbookState> {
  const rows = await values(page, STATE_SHEET);
  return stateFromCells(rows.map((row) => String(row[0] ?? '')).filter((cell) => cell !== ''));
}

/** The headline block of the summary sheet (under its "Headline" title): measure → spend and share, as the cells hold them. */
export async function workbookHeadline(page: Page, sheet: string, measures: readonly string[]): Promise<Map<string, { spend: number; share: number | string }>> {
  const rows = await values(page, sheet);
  const title = find(rows, 'Headline');
  const block: (CellValue | '')[][] = [];
  for (let r = title.row + 1; r < rows.length && rows[r][title.column] !== ''; r++) block.push(rows[r].slice(title.column));
  const headline = new Map<string, { spend: number; share: number | string }>();
  for (const measure of measures) {
    // The sheet indents the part line ("  of which influenceable").
    const line = block.find((cells) => typeof cells[0] === 'string' && cells[0].trim() === measure);
    if (!line) throw new Error(`The headline on the ${sheet} sheet has no line "${measure}"`);
    headline.set(measure, { spend: line[1] as number, share: line[2] as number | string });
  }
  return headline;
}
