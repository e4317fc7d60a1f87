/**
 * The look of what the add-in writes, as small write operations: bold filled header rows, titles,
 * column widths, frozen header rows.
 */
import type { WriteOp } from './batch-writer';

export const HEADER_FILL = '#DDEBE7';
export const RESULT_HEADER_FILL = '#FCE9B2';

/** Points per character of the default font, and the cell padding. */
const POINTS_PER_CHARACTER = 6;
const PADDING_POINTS = 6;

export function columnPoints(characters: number): number {
  return Math.round(characters * POINTS_PER_CHARACTER + PADDING_POINTS);
}

/** A small write: a format or a single cell. */
export function smallOp(queue: () => void): WriteOp {
  return { bytes: 400, queue };
}

export function headerStyleOp(range: () => Excel.Range, fill = HEADER_FILL, wrap = false): WriteOp {
  return smallOp(() => {
    const format = range().format;
    format.font.bold = true;
    format.fill.color = fill;
    if (wrap) {
      format.wrapText = true;
      format.verticalAlignment = 'Top';
    }
  });
}

export function widthsOp(sheet: Excel.Worksheet, firstColumn: number, characters: readonly number[]): WriteOp {
  return {
    bytes: 200 * characters.length,
    queue() {
      characters.forEach((width, i) => {
        sheet.getRangeByIndexes(0, firstColumn + i, 1, 1).format.columnWidth = columnPoints(width);
      });
    },
  };
}

export function freezeHeaderOp(sheet: Excel.Worksheet): WriteOp {
  return smallOp(() => sheet.freezePanes.freezeRows(1));
}
