/**
 * What this Excel supports, from its requirement sets; whether it lets the add-in change the
 * workbook; and "Check this Excel": a small round trip on a scratch sheet (write, read back, text
 * stays text, a table, a PivotTable) that shows on a first run in real Excel what the host does.
 * The scratch sheet is deleted whatever happens.
 */
import { BaselineError } from '../core';
import type { DiagnosticCheck, HostCapabilities } from './api';

/**
 * What the manifest requires (PivotTables came with ExcelApi 1.8): Office does not load the
 * add-in into an Excel without it. Members of later sets are checked for where they are used.
 */
export const MINIMUM_EXCEL_API = '1.8';
/** Table.resize keeps the analysis table (and the PivotTables over it) from run to run. */
export const RESIZE_EXCEL_API = '1.13';
/** Range.getMergedAreasOrNullObject, for the merged-header check. */
export const MERGED_AREAS_EXCEL_API = '1.13';

const HIGHEST_MINOR_TRIED = 40;

export function supportsExcelApi(version: string): boolean {
  return Office.context.requirements.isSetSupported('ExcelApi', version);
}

/** Excel on the web, which has limits desktop Excel does not. */
export function onTheWeb(): boolean {
  return Office.context.platform === Office.PlatformType.OfficeOnline;
}

export function isReadOnly(): boolean {
  return Office.context.document.mode === Office.DocumentMode.ReadOnly;
}

export function hostCapabilities(): HostCapabilities {
  let excelApi = '1.0';
  for (let minor = HIGHEST_MINOR_TRIED; minor >= 1; minor--) {
    if (supportsExcelApi(`1.${minor}`)) {
      excelApi = `1.${minor}`;
      break;
    }
  }
  return { excelApi, readOnly: isReadOnly() };
}

const SCRATCH_SHEET = 'LSB_Check';
/**
 * Text the adapter writes into Text ("@") cells. The last one is the case the documentation leaves
 * open: whether a leading apostrophe in a Text cell is kept or taken as Excel's quote prefix.
 */
const TRICKY_TEXT = ['=HYPERLINK("http://x","pay")', '+44 Ltd', '-5 Ltd', '@home', '\tTabbed', '01234', '3/4', "'t Hoen BV"];

export const READ_ONLY_MESSAGE = 'The workbook is open read-only. Save a copy you can edit (or click Edit Workbook), then try again.';

function describe(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return e.code ? `${e.code}: ${e.message ?? ''}`.trim() : String(e.message ?? error);
}

/** Excel would not add the scratch sheet: the workbook cannot be changed. */
class ScratchSheetRefused extends Error {
  constructor(readonly refusal: unknown) {
    super(describe(refusal));
  }
}

/**
 * Runs `body` on a scratch sheet added for it, and deletes the sheet afterwards whatever the body
 * did (one left by an interrupted run is deleted first). Rejects with ScratchSheetRefused when
 * Excel will not add it.
 */
async function onScratchSheet<T>(context: Excel.RequestContext, body: (sheet: Excel.Worksheet) => Promise<T>): Promise<T> {
  const stale = context.workbook.worksheets.getItemOrNullObject(SCRATCH_SHEET);
  await context.sync();
  if (!stale.isNullObject) stale.delete();
  const sheet = context.workbook.worksheets.add(SCRATCH_SHEET);
  try {
    await context.sync();
  } catch (error) {
    throw new ScratchSheetRefused(error);
  }
  try {
    return await body(sheet);
  } finally {
    sheet.delete();
    await context.sync();
  }
}

/**
 * Writes the tricky texts into Text ("@") cells of the scratch sheet and reads them back: those
 * Excel did not keep as they were written, with what it made of them.
 */
async function textChanges(context: Excel.RequestContext, sheet: Excel.Worksheet): Promise<{ written: string; read: unknown }[]> {
  const range = sheet.getRangeByIndexes(4, 0, TRICKY_TEXT.length, 1);
  range.numberFormat = TRICKY_TEXT.map(() => ['@']);
  range.values = TRICKY_TEXT.map((t) => [t]);
  range.load('values,valueTypes');
  await context.sync();
  return TRICKY_TEXT.flatMap((written, i) => (range.values[i][0] !== written || range.valueTypes[i][0] !== 'String' ? [{ written, read: range.values[i][0] }] : []));
}

const describeChanges = (changed: readonly { written: string; read: unknown }[]) => changed.map(({ written, read }) => `${JSON.stringify(written)} became ${JSON.stringify(read)}`).join('; ');

/**
 * Stops with a BaselineError (read-only) unless Excel lets the add-in change the workbook.
 * Office's document mode does not always tell a read-only or view-only document (office-js
 * #6209, #3831), so a scratch sheet is added and deleted too. Checked after workbook protection,
 * which would also stop it.
 *
 * With `checkText`, the scratch sheet also shows whether this Excel keeps text written to a Text
 * cell as it was written. That is not documented: Range.values documents that a string starting
 * with =, + or - is taken as a formula, and an apostrophe may be taken as the quote prefix
 * (office-js #6687). The add-in writes suppliers' names so, and must not corrupt them: if this
 * Excel changes any, it stops (host-unsupported) saying what changed.
 */
export async function assertWorkbookCanChange(context: Excel.RequestContext, options: { checkText?: boolean } = {}): Promise<void> {
  if (isReadOnly()) throw new BaselineError('read-only', READ_ONLY_MESSAGE);
  let changed: { written: string; read: unknown }[] = [];
  try {
    await onScratchSheet(context, async (sheet) => {
      if (options.checkText) changed = await textChanges(context, sheet);
    });
  } catch (error) {
    if (!(error instanceof ScratchSheetRefused)) throw error;
    throw new BaselineError(
      'read-only',
      `Excel would not let the add-in change this workbook (${error.message}): it is probably open read-only or in Viewing mode. Save a copy you can edit (or switch to Editing), then try again.`,
    );
  }
  if (changed.length > 0) {
    throw new BaselineError(
      'host-unsupported',
      `This Excel changes text written into text cells (${describeChanges(changed)}): a supplier's name or a setting could become a formula or lose a character, so the add-in has written nothing. "Check this Excel" under Options shows what this Excel does; send it to your IT team.`,
    );
  }
}

/**
 * A change Excel refused, explained as a workbook that cannot be changed when that is the cause
 * (Office's document mode may not have said so); otherwise passed on as it is.
 */
export async function explainRefusedChange(error: unknown): Promise<never> {
  if (!(error instanceof BaselineError)) {
    try {
      await Excel.run(assertWorkbookCanChange);
    } catch (cannotChange) {
      if (cannotChange instanceof BaselineError) throw cannotChange;
    }
  }
  throw error;
}

/** Runs the round trip; every check is reported, passed or not, and the scratch sheet is removed. */
export async function checkHost(): Promise<DiagnosticCheck[]> {
  const capabilities = hostCapabilities();
  const checks: DiagnosticCheck[] = [
    {
      name: 'Excel API',
      ok: supportsExcelApi(MINIMUM_EXCEL_API),
      detail: `ExcelApi ${capabilities.excelApi} (the add-in needs ${MINIMUM_EXCEL_API}; keeping the PivotTables between runs needs ${RESIZE_EXCEL_API})`,
    },
  ];
  if (capabilities.readOnly) checks.push({ name: 'Document can be changed', ok: false, detail: 'The workbook is open read-only.' });
  if (!checks[0].ok || capabilities.readOnly) return checks;

  await Excel.run(async (context) => {
    const check = async (name: string, run: () => Promise<string>) => {
      try {
        checks.push({ name, ok: true, detail: await run() });
      } catch (error) {
        checks.push({ name, ok: false, detail: describe(error) });
      }
    };
    try {
      await onScratchSheet(context, async (sheet) => {
        checks.push({ name: 'Document can be changed', ok: true, detail: `The workbook is open for editing: the scratch sheet ${SCRATCH_SHEET} was added.` });
        await roundTrip(context, sheet, check);
      });
      checks.push({ name: 'Delete the scratch sheet', ok: true, detail: `${SCRATCH_SHEET} removed.` });
    } catch (error) {
      if (error instanceof ScratchSheetRefused) {
        checks.push({ name: 'Document can be changed', ok: false, detail: `Excel would not add a sheet (${error.message}): the workbook is open read-only or in Viewing mode, or its structure is protected.` });
      } else {
        checks.push({ name: 'Delete the scratch sheet', ok: false, detail: describe(error) });
      }
    }
  });
  return checks;
}

async function roundTrip(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  check: (name: string, run: () => Promise<string>) => Promise<void>,
): Promise<void> {
  await check('Add a sheet, write and read back', async () => {
    const range = sheet.getRange('A1:B2');
    range.values = [['Supplier', 'Amount'], ['Acme Ltd', 1234.5]];
    range.load('values');
    await context.sync();
    const ok = range.values[1][0] === 'Acme Ltd' && range.values[1][1] === 1234.5;
    if (!ok) throw new Error(`read back ${JSON.stringify(range.values)}`);
    return 'Values written and read back unchanged.';
  });
  await check('Text stays text', async () => {
    const changed = await textChanges(context, sheet);
    if (changed.length > 0) throw new Error(`changed on the way in: ${describeChanges(changed)}`);
    return `Kept as text: ${TRICKY_TEXT.map((t) => JSON.stringify(t)).join(', ')}.`;
  });
  await check('A table', async () => {
    const table = sheet.tables.add(`${SCRATCH_SHEET}!A1:B2`, true);
    table.load('name');
    await context.sync();
    return `Table ${table.name} made.`;
  });
  await check('A PivotTable', async () => {
    const tables = sheet.tables;
    tables.load('items/name');
    await context.sync();
    const pivot = sheet.pivotTables.add('LSB_CheckPivot', tables.items[0], sheet.getRange('D1'));
    pivot.rowHierarchies.add(pivot.hierarchies.getItem('Supplier'));
    const data = pivot.dataHierarchies.add(pivot.hierarchies.getItem('Amount'));
    data.summarizeBy = 'Sum';
    await context.sync();
    pivot.delete();
    await context.sync();
    return 'PivotTable made, summed and deleted.';
  });
}
