/**
 * The copy to publish (`--publish FILE.xlsx`), written as a new workbook by the same writer as
 * the annotated copy: the summary sheets and the analysis data the core planned for it, and
 * nothing of the input (no data sheets, user sheets, hidden state or lookup cache).
 */
import type { Publication } from '../core';
import { summarySheetEdit, tableEdit, tableExtent, writeWhole, type WriteOutcome } from './write-workbook';
import type { DroppedCharacters } from './xlsx-cells';
import { XlsxPackage } from './xlsx-package';
import { EMPTY_WORKSHEET, patchWorksheet, type SheetEdit } from './xlsx-sheet';
import { addStyles } from './xlsx-styles';

export async function writePublication(outFile: string, publication: Publication): Promise<WriteOutcome> {
  const dropped: DroppedCharacters = { count: 0 };
  const pkg = XlsxPackage.blank();
  const stylesPart = pkg.stylesPart();
  const { xml, styles } = addStyles(pkg.text(stylesPart));
  pkg.setText(stylesPart, xml);
  const add = (name: string, edit: SheetEdit) => pkg.setChunks(pkg.addSheet(name), () => patchWorksheet(EMPTY_WORKSHEET, edit, dropped));
  for (const layout of publication.summaries) add(layout.plan.name, summarySheetEdit(layout, styles, undefined));
  const { analysisTable } = publication;
  const extent = tableExtent(analysisTable);
  add(analysisTable.sheet, tableEdit(analysisTable, styles, extent));
  pkg.setFilterRange(analysisTable.sheet, extent);
  await writeWhole(pkg, outFile);
  return { droppedCharacters: dropped.count };
}
