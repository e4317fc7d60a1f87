/**
 * The copy to publish written into a new package by the same sheet writers as the annotated
 * copy: the summary sheets and the analysis data the core planned for it, and nothing else. The
 * command line writes the package to a file; the task pane opens it as a new workbook.
 */
import type { Publication } from '../core';
import type { XlsxPackage } from './package';
import { addStyles } from './styles';
import { patchWorksheet, type SheetEdit } from './worksheet';
import { summarySheetEdit, tableEdit, tableExtent, type WriteOutcome } from './write-plan';
import type { DroppedCharacters } from './xml';

export async function writePublication(pkg: XlsxPackage, publication: Publication): Promise<WriteOutcome> {
  const dropped: DroppedCharacters = { count: 0 };
  const stylesPart = await pkg.stylesPart();
  const { xml, styles } = addStyles(await pkg.text(stylesPart));
  pkg.setText(stylesPart, xml);
  const add = (name: string, edit: SheetEdit) => pkg.patchSheet(pkg.addSheet(name), (source) => patchWorksheet(source, edit, { dropped }));
  for (const layout of publication.summaries) {
    add(layout.plan.name, summarySheetEdit(layout, styles, undefined));
    pkg.setPrintTitles(layout.plan.name, `$1:$${layout.print.titleRows}`);
  }
  const { analysisTable } = publication;
  const extent = tableExtent(analysisTable);
  add(analysisTable.sheet, tableEdit(analysisTable, styles, extent));
  pkg.setFilterRange(analysisTable.sheet, extent);
  return { droppedCharacters: dropped.count };
}
