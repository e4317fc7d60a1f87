/**
 * The annotated copy as a file: a single .xlsx input's package (copied part for part), or a new
 * one for CSV inputs and several files, with the plan written into it by the workbook package,
 * then written to the file given (the command writes it beside its destination, and moves it into
 * place with the other outputs); a failure removes what was written.
 */
import * as fs from 'fs';
import { BaselineError, type AnalysisOutcome } from '../core';
import { writePlan, XlsxPackage, ZipError, ZipWriter, type WriteOutcome } from '../workbook';
import type { LoadedInputs } from './inputs';
import { fileSink, zlibCodec, zlibInflate } from './zlib-codec';

export async function writeWorkbook(outFile: string, loaded: LoadedInputs, analysis: AnalysisOutcome): Promise<WriteOutcome> {
  const input = loaded.copied;
  const pkg = input ? await openInput(input.file) : await XlsxPackage.blank();
  const written = await writePlan(pkg, analysis, {
    userGrid: (sheetName) => input?.sheets.find((sheet) => sheet.name === sheetName)?.grid,
    dataToCopy: (sheetName) => (input ? undefined : loaded.dataSheets.find((sheet) => sheet.outputSheet === sheetName)?.grid),
  });
  const fd = fs.openSync(outFile, 'w');
  try {
    await pkg.write(new ZipWriter(fileSink(fd), zlibCodec, new Date()));
    fs.closeSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(outFile, { force: true });
    throw error;
  }
  return written;
}

async function openInput(file: string): Promise<XlsxPackage> {
  try {
    return await XlsxPackage.open(fs.readFileSync(file), zlibInflate);
  } catch (error) {
    if (error instanceof ZipError) throw new BaselineError('file-unreadable', `Cannot copy ${JSON.stringify(file)}: ${error.message}.`, { file });
    throw new BaselineError('file-unreadable', `Cannot copy ${JSON.stringify(file)}: its package is not as Excel writes one (${(error as Error).message}).`, { file });
  }
}
