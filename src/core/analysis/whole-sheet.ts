/**
 * A data sheet handed over whole (a file's sheet, not Excel's chunks): where its table and the
 * result block are, its mapping as the core proposes it (the saved mapping while its headers are
 * there), and its rows read by the core's reader. The command line reads its inputs this way, and
 * both hosts read an earlier workbook to compare with this way.
 */
import type { Cell, Grid } from '../cell';
import type { Field } from '../header-vocabulary';
import type { Mapping } from '../mapping';
import { RESULT_WIDTH } from '../report/columns';
import type { WorkbookState } from '../settings';
import { findTable, type TableLayout } from '../table';
import { dataWidthOf, locateBlock, missingFields, proposedMapping, withOverrideColumns, type BlockPlace } from './data-sheet';
import { createSpendReader, type Period, type SpendData } from './spend-data';

export interface MappedSheet {
  layout: TableLayout;
  /** The data's columns, then the result block's two override columns when the block is there. */
  mapping: Mapping;
  block: BlockPlace;
  /** The Excel table an earlier run recorded the data in. */
  table?: string;
  missing: Field[];
}

/** A whole sheet mapped, to be read. */
export interface WholeSheet {
  /** Its name in the workbook the results are written to. */
  sheet: string;
  table?: string;
  /** The source its rows carry when several inputs are combined; '' for one. */
  source: string;
  /** The anchor institution the user named for every row of this sheet (by its file). */
  institution?: string;
  grid: Grid;
  layout: TableLayout;
  mapping: Mapping;
  block: BlockPlace;
  /** 0-based rows hidden or filtered out (a file's `<row hidden>`), counted on the Method sheet. */
  hiddenRows?: ReadonlySet<number>;
}

/** The last column with a value in any row, + 1: the result columns of a new block go right of it. */
function usedWidth(grid: Grid): number {
  let width = 0;
  for (const row of grid) {
    for (let c = row.length - 1; c >= width; c--) {
      const cell: Cell = row[c];
      if (cell !== null && cell !== '') {
        width = c + 1;
        break;
      }
    }
  }
  return width;
}

/** A sheet's table, result block and mapping, as the core works them out from its cells and the workbook's state. */
export function mapWholeSheet(grid: Grid, sheetName: string, state: WorkbookState | undefined): MappedSheet {
  const layout = findTable(grid);
  const recorded = state?.owned.resultColumns.find((r) => r.sheet === sheetName);
  const region = { sheet: sheetName, ...(recorded?.table ? { table: recorded.table } : {}), top: 0, left: 0, bottom: grid.length - 1, right: usedWidth(grid) - 1 };
  const block = locateBlock(grid, region, recorded);
  const proposed = proposedMapping(grid, layout, dataWidthOf(region, block), state, sheetName);
  const mapping = withOverrideColumns(proposed, block.existed ? block.firstColumn + RESULT_WIDTH : undefined);
  return { layout, mapping, block, ...(recorded?.table ? { table: recorded.table } : {}), missing: missingFields(mapping) };
}

/** Every sheet's rows, read by the core's reader (a whole sheet at once), within the period given. */
export function readWholeSheets(sheets: readonly WholeSheet[], period: Period = {}): SpendData {
  const reader = createSpendReader(period);
  for (const input of sheets) {
    const { layout, grid } = input;
    const headerRow = layout.headerRow;
    const sheet = reader.sheet(
      {
        sheet: input.sheet,
        ...(input.table ? { table: input.table } : {}),
        source: input.source,
        ...(input.institution ? { institution: input.institution } : {}),
        headerRow,
        firstRow: headerRow === null ? layout.firstDataRow : headerRow + 1,
        lastRow: layout.lastDataRow,
        mapping: input.mapping,
        block: input.block,
      },
      headerRow === null ? undefined : grid[headerRow],
    );
    if (layout.lastDataRow >= layout.firstDataRow) sheet.read(grid.slice(layout.firstDataRow, layout.lastDataRow + 1), layout.firstDataRow, input.hiddenRows);
  }
  return reader.finish();
}
