/**
 * What the hosts may use of the workbook package (lint holds them to this module): opening an
 * .xlsx and reading its sheets' values, writing the analysis's plan into a package, and writing
 * the package out through the host's deflate.
 */
export { streamInflate, type DeflateCodec, type DeflateStream, type Inflate } from './codec';
export { NotAWorkbookError, XlsxPackage, type SheetInfo, type SheetState } from './package';
export type { SheetValues } from './sheet-values';
export { writePlan, type PlanSheets, type WriteOutcome } from './write-plan';
export { writePublication } from './write-publication';
export { ZipError, ZipWriter, type ByteSink } from './zip';
