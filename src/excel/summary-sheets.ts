/**
 * A summary sheet as the core plans and lays it out (the same places as the command line
 * writes): title, subtitle, then each block with its title, note, header and rows, and how it
 * prints (frozen title rows; the page setup, header and footer where this Excel has pageLayout). Only the area
 * the add-in wrote last time is cleared first, so the user's additions beside it survive.
 */
import type { Extent, PrintSetup, SheetLayout } from '../core';
import type { BatchWriter } from './batch-writer';
import { rowsOf, writeRows } from './grid-write';
import { supportsExcelApi } from './host-check';
import { headerStyleOp, smallOp, widthsOp } from './sheet-style';

/** Points per line of Excel's default 11pt font, for rows whose text wraps. */
const LINE_HEIGHT = 15;
/** Worksheet.pageLayout and its header and footer (learn.microsoft.com/javascript/api/excel/excel.pagelayout). */
const PAGE_LAYOUT_EXCEL_API = '1.9';
const POINTS_PER_INCH = 72;

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
      // Text longer than its column wraps onto more lines, in rows made tall enough (as laid out).
      const wrapped = block.columns.map((column, i) => layout.wrap[i] && column.format === 'text');
      await writer.add(
        smallOp(() => {
          wrapped.forEach((wraps, i) => {
            if (wraps) sheet.getRangeByIndexes(placed.firstRow, i, block.rows.length, 1).format.wrapText = true;
          });
          placed.rowLines.forEach((lines, r) => {
            if (lines > 1) sheet.getRangeByIndexes(placed.firstRow + r, 0, 1, 1).format.rowHeight = LINE_HEIGHT * lines;
          });
        }),
      );
    }
  }
  await writer.add(smallOp(() => sheet.freezePanes.freezeRows(layout.print.titleRows)));
  if (supportsExcelApi(PAGE_LAYOUT_EXCEL_API)) await writer.add(smallOp(() => applyPrintSetup(sheet.pageLayout, layout.print)));
}

/** The print settings the layout plans, where this Excel has Worksheet.pageLayout (ExcelApi 1.9). */
function applyPrintSetup(page: Excel.PageLayout, print: PrintSetup): void {
  page.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  page.paperSize = print.paper;
  // One page wide, as many long as it takes (0: not fitted in that direction).
  page.zoom = { horizontalFitToPages: print.fitToPagesWide, verticalFitToPages: 0 };
  page.centerHorizontally = true;
  page.leftMargin = print.margins.left * POINTS_PER_INCH;
  page.rightMargin = print.margins.right * POINTS_PER_INCH;
  page.topMargin = print.margins.top * POINTS_PER_INCH;
  page.bottomMargin = print.margins.bottom * POINTS_PER_INCH;
  page.headerMargin = print.margins.header * POINTS_PER_INCH;
  page.footerMargin = print.margins.footer * POINTS_PER_INCH;
  page.setPrintTitleRows(`$1:$${print.titleRows}`);
  const all = page.headersFooters.defaultForAllPages;
  all.leftHeader = print.header.left;
  all.centerHeader = print.header.center;
  all.rightHeader = print.header.right;
  all.leftFooter = print.footer.left;
  all.centerFooter = print.footer.center;
  all.rightFooter = print.footer.right;
}
