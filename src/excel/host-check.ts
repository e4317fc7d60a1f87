/**
 * What this Excel supports, from its requirement sets, and "Check this Excel": a small round
 * trip on a scratch sheet (write, read back, text stays text, a table, a PivotTable) that shows
 * on a first run in real Excel what the host does, then deletes the scratch sheet.
 */
import type { DiagnosticCheck, HostCapabilities } from './api';

/** The adapter reads and writes by index (Worksheet.getRangeByIndexes) and freezes panes. */
export const MINIMUM_EXCEL_API = '1.7';
const PIVOT_EXCEL_API = '1.8';
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
  return { excelApi, pivotTables: supportsExcelApi(PIVOT_EXCEL_API), readOnly: isReadOnly() };
}

const SCRATCH_SHEET = 'LSB_Check';
/**
 * Text the adapter writes into Text ("@") cells. The last one is the case the documentation leaves
 * open: whether a leading apostrophe in a Text cell is kept or taken as Excel's quote prefix.
 */
const TRICKY_TEXT = ['=HYPERLINK("http://x","pay")', '+44 Ltd', '-5 Ltd', '@home', '\tTabbed', '01234', '3/4', "'t Hoen BV"];

function describe(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return e.code ? `${e.code}: ${e.message ?? ''}`.trim() : String(e.message ?? error);
}

/** Runs the round trip; every check is reported, passed or not, and the scratch sheet is removed. */
export async function checkHost(): Promise<DiagnosticCheck[]> {
  const capabilities = hostCapabilities();
  const checks: DiagnosticCheck[] = [
    {
      name: 'Excel API',
      ok: supportsExcelApi(MINIMUM_EXCEL_API),
      detail: `ExcelApi ${capabilities.excelApi} (the add-in needs ${MINIMUM_EXCEL_API}; PivotTables need ${PIVOT_EXCEL_API}; keeping them between runs needs ${RESIZE_EXCEL_API})`,
    },
    { name: 'Document can be changed', ok: !capabilities.readOnly, detail: capabilities.readOnly ? 'The workbook is open read-only.' : 'The workbook is open for editing.' },
  ];
  if (!checks[0].ok || capabilities.readOnly) return checks;

  await Excel.run(async (context) => {
    const check = async (name: string, run: () => Promise<string>) => {
      try {
        checks.push({ name, ok: true, detail: await run() });
      } catch (error) {
        checks.push({ name, ok: false, detail: describe(error) });
      }
    };
    const stale = context.workbook.worksheets.getItemOrNullObject(SCRATCH_SHEET);
    await context.sync();
    if (!stale.isNullObject) stale.delete();
    const sheet = context.workbook.worksheets.add(SCRATCH_SHEET);
    await check('Add a sheet, write and read back', async () => {
      const range = sheet.getRange('A1:B2');
      range.values = [['Supplier', 'Amount'], ['Acme Ltd', 1234.5]];
      range.load('values');
      await context.sync();
      const ok = range.values[1][0] === 'Acme Ltd' && range.values[1][1] === 1234.5;
      if (!ok) throw new Error(`read back ${JSON.stringify(range.values)}`);
      return 'Values written and read back unchanged.';
    });
    if (!checks[checks.length - 1].ok) return;
    await check('Text stays text', async () => {
      const range = sheet.getRangeByIndexes(4, 0, TRICKY_TEXT.length, 1);
      range.numberFormat = TRICKY_TEXT.map(() => ['@']);
      range.values = TRICKY_TEXT.map((t) => [t]);
      range.load('values,valueTypes');
      await context.sync();
      const wrong = TRICKY_TEXT.filter((t, i) => range.values[i][0] !== t || range.valueTypes[i][0] !== 'String');
      if (wrong.length > 0) throw new Error(`changed on the way in: ${wrong.join(', ')}`);
      return `Kept as text: ${TRICKY_TEXT.map((t) => JSON.stringify(t)).join(', ')}.`;
    });
    await check('A table', async () => {
      const table = sheet.tables.add(`${SCRATCH_SHEET}!A1:B2`, true);
      table.load('name');
      await context.sync();
      return `Table ${table.name} made.`;
    });
    if (capabilities.pivotTables) {
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
        return 'PivotTable made, summed and deleted: summaries will be PivotTables.';
      });
    } else {
      checks.push({ name: 'A PivotTable', ok: false, detail: `Needs ExcelApi ${PIVOT_EXCEL_API}; summaries will be formula tables instead.` });
    }
    await check('Delete the scratch sheet', async () => {
      sheet.delete();
      await context.sync();
      return `${SCRATCH_SHEET} removed.`;
    });
  });
  return checks;
}
