/**
 * A summary sheet as the core plans and lays it out (the same places as the command line
 * writes): title, subtitle, then each block with its title, note, header and rows. Only the area
 * the add-in wrote last time is cleared first, so the user's additions beside it survive.
 */
import type { Extent, SheetLayout } from '../core';
import type { BatchWriter } from './batch-writer';
import { rowsOf, writeRows } from './grid-write';
import { headerStyleOp, smallOp, widthsOp } from './sheet-style';

/** Clears the area from A1 the add-in wrote last time (values and formats). */
export async function clearExtent(writer: BatchWriter, sheet: Excel.Worksheet, extent: Extent | undefined): Promise<void> {
  if (!extent || extent.rows <= 0 || extent.columns <= 0) return;
  await writer.add(smallOp(() => sheet.getRangeByIndexes(0, 0, extent.rows, extent.columns).clear('All')));
}

/** Writes the sheet as laid out. */
export async function writeSummarySheet(writer: BatchWriter, sheet: Excel.Worksheet, layout: SheetLayout): Promise<void> {
  const { plan } = layout;
  await writer.add(widthsOp(sheet, 0, layout.widths));
  await writeRows(writer, sheet, 0, 0, rowsOf([[plan.title], ...plan.subtitle.map((line) => [line])]));
  await writer.add(
    smallOp(() => {
      const title = sheet.getRangeByIndexes(0, 0, 1, 1).format.font;
      title.bold = true;
      title.size = 14;
      if (plan.subtitle.length > 0) {
        const subtitle = sheet.getRangeByIndexes(1, 0, plan.subtitle.length, 1).format.font;
        subtitle.italic = true;
        subtitle.color = '#555555';
      }
    }),
  );
  for (const placed of layout.blocks) {
    const { block } = placed;
    await writeRows(writer, sheet, placed.titleRow, 0, rowsOf(block.note ? [[block.title], [block.note]] : [[block.title]]));
    await writer.add(
      smallOp(() => {
        const font = sheet.getRangeByIndexes(placed.titleRow, 0, 1, 1).format.font;
        font.bold = true;
        font.size = 12;
        if (block.note) sheet.getRangeByIndexes(placed.titleRow + 1, 0, 1, 1).format.font.italic = true;
      }),
    );
    await writeRows(writer, sheet, placed.headerRow, 0, rowsOf([block.columns.map((c) => c.header)]));
    await writer.add(headerStyleOp(() => sheet.getRangeByIndexes(placed.headerRow, 0, 1, block.columns.length), undefined, true));
    if (block.rows.length > 0) {
      await writeRows(writer, sheet, placed.firstRow, 0, {
        count: block.rows.length,
        width: block.columns.length,
        row: (i) => block.rows[i],
        formats: block.columns.map((c) => c.format),
      });
    }
  }
}
