/**
 * The annotated copy as a file: a single .xlsx input's package (the one it was read from, copied
 * part for part), or a new one for CSV inputs and several files, with the plan written into it by
 * the workbook package, then written to the file given (the command writes it beside its
 * destination, and moves it into place with the other outputs); a failure removes what was written.
 * The copy to publish, a new package, is written the same way.
 */
import * as fs from 'fs';
import type { AnalysisOutcome, Grid, Publication } from '../core';
import { writePlan, writePublication, XlsxPackage, ZipWriter, type WriteOutcome } from '../workbook';
import type { LoadedInputs } from './inputs';
import { fileSink, zlibCodec } from './zlib-codec';

/** `onWritten` hears how much of the copy has been written. */
export async function writeWorkbook(outFile: string, loaded: LoadedInputs, analysis: AnalysisOutcome, onWritten?: (fraction: number) => void): Promise<WriteOutcome> {
  const input = loaded.copied;
  const pkg = input?.workbook ?? (await XlsxPackage.blank());
  // The user's sheets as the input has them, so that only the cells the run changes are written.
  const userGrids = new Map<string, Grid>();
  for (const { sheet: name } of [analysis.plan.suppliers, analysis.plan.rules, analysis.plan.register, analysis.plan.respend]) {
    const sheet = input?.sheets.find((s) => s.name === name);
    if (sheet) userGrids.set(name, await sheet.grid());
  }
  const written = await writePlan(pkg, analysis, {
    userGrid: (sheetName) => userGrids.get(sheetName),
    dataToCopy: (sheetName) => (input ? undefined : loaded.dataSheets.find((sheet) => sheet.outputSheet === sheetName)?.grid),
    onWritten,
  });
  await writePackageFile(pkg, outFile);
  onWritten?.(1);
  return written;
}

/** The copy to publish: a new package of the summaries and the analysis data alone. */
export async function writePublished(outFile: string, publication: Publication): Promise<WriteOutcome> {
  const pkg = await XlsxPackage.blank();
  const written = await writePublication(pkg, publication);
  await writePackageFile(pkg, outFile);
  return written;
}

/** A package written to the file given; a failure removes what was written. */
async function writePackageFile(pkg: XlsxPackage, outFile: string): Promise<void> {
  const fd = fs.openSync(outFile, 'w');
  try {
    await pkg.write(new ZipWriter(fileSink(fd), zlibCodec, new Date()));
    fs.closeSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(outFile, { force: true });
    throw error;
  }
}
