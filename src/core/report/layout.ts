/** Where each part of a summary sheet goes, the same in both hosts. */
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
}

export interface SheetLayout {
  plan: SheetPlan;
  /** Rows 0.. of the title and subtitle lines. */
  titleRows: number;
  blocks: PlacedBlock[];
  /** The extent of everything the add-in writes on the sheet, from A1. */
  rows: number;
  columns: number;
  /** Width in characters of each column, the widest any block asks for. */
  widths: number[];
}

/** Blocks stacked down the sheet under its title, one blank row between them. */
export function layoutSheet(plan: SheetPlan): SheetLayout {
  let row = 1 + plan.subtitle.length + 1;
  const blocks: PlacedBlock[] = [];
  const widths: number[] = [];
  for (const block of plan.blocks) {
    const titleRow = row;
    const headerRow = titleRow + 1 + (block.note ? 1 : 0);
    blocks.push({ block, titleRow, headerRow, firstRow: headerRow + 1 });
    block.columns.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, fittedWidth(c, block.rows.map((cells) => cells[i])))));
    row = headerRow + 1 + Math.max(block.rows.length, 1) + 1;
  }
  const columns = Math.max(1, widths.length);
  for (let i = 0; i < columns; i++) widths[i] = widths[i] ?? 10;
  return { plan, titleRows: 1 + plan.subtitle.length, blocks, rows: row, columns, widths };
}
