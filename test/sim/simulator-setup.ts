/**
 * The setup of a simulated workbook and host, as plain data (so a browser test page can define it
 * as `window.__excelSimSetup` before the simulator loads). Validated with zod; a bad setup fails
 * with a message naming the field.
 */
import { z } from 'zod';

/** A cell as stored: strings are kept exactly as given (no Excel entry rules); `{ formula }` stores a formula. */
export const setupCellSchema = z.union([
  z.string(),
  z.number().refine(Number.isFinite, 'a cell number must be finite'),
  z.boolean(),
  z.null(),
  z.object({ formula: z.string().startsWith('=') }),
]);

export const tableSetupSchema = z.object({
  /** Address on the sheet, header row first, e.g. "A4:F120". */
  address: z.string(),
  name: z.string().optional(),
  hasHeaders: z.boolean().default(true),
  /** Table.showHeaders set to false after the table is made: its header row removed. */
  showHeaders: z.boolean().default(true),
  /** Table.showTotals set to true after the table is made: a total row added below. */
  showTotals: z.boolean().default(false),
});

export const sheetSetupSchema = z.object({
  name: z.string().min(1).max(31),
  /** Rows of cells written from `at` (default A1), e.g. a header on row 4 with at: "A4". */
  cells: z.array(z.array(setupCellSchema)).default([]),
  at: z.string().default('A1'),
  /** Number formats by address, e.g. { "C5:C100": "@" }. */
  numberFormats: z.record(z.string(), z.string()).default({}),
  visibility: z.enum(['Visible', 'Hidden', 'VeryHidden']).default('Visible'),
  protected: z.boolean().default(false),
  tables: z.array(tableSetupSchema).default([]),
  frozenRows: z.number().int().min(0).default(0),
  /** Rows hidden by hand or by a filter, as Excel numbers them (1-based). */
  hiddenRows: z.array(z.number().int().min(1)).default([]),
});

const themeSchema = z.object({
  bodyBackgroundColor: z.string(),
  bodyForegroundColor: z.string(),
  controlBackgroundColor: z.string(),
  controlForegroundColor: z.string(),
});

export const hostSetupSchema = z.object({
  /** The ExcelApi requirement set the host supports, e.g. "1.7" for a host without PivotTables. */
  excelApiVersion: z.string().regex(/^\d+\.\d+$/, 'a requirement-set version such as "1.17"').default('1.17'),
  platform: z.enum(['PC', 'OfficeOnline', 'Mac', 'iOS', 'Android', 'Universal']).default('OfficeOnline'),
  documentMode: z.enum(['ReadWrite', 'ReadOnly']).default('ReadWrite'),
  /**
   * Whether Office.context.document.mode says "readOnly" for a read-only document. It does not
   * always: OfficeDev/office-js #6209 (a file set to open read-only keeps reporting read-write),
   * #3831 ("Same for Excel": a SharePoint view-only mode cannot be detected), #5484
   * ("Office.context.document.mode always returns 'readWrite'" in Viewing mode).
   */
  reportsReadOnly: z.boolean().default(true),
  theme: z.union([z.enum(['light', 'dark']), themeSchema]).default('light'),
  otherRequirementSets: z.record(z.string(), z.string()).default({}),
  displayLanguage: z.string().default('en-GB'),
  /**
   * How a read over the limits is answered: with the documented errors (RangeExceedsLimit,
   * ResponsePayloadSizeLimitExceeded), with `null` values and no error, or with GeneralException
   * (see host-session.ts for the sources).
   */
  oversizedReads: z.enum(['documented', 'null-values', 'general-exception']).default('documented'),
  /** What a string written to a Text ("@") cell becomes: kept as typed, or read as Range.values documents (see cell-entry.ts). */
  textCellEntry: z.enum(['kept', 'as-documented']).default('kept'),
});

export const limitsSetupSchema = z.object({
  payloadBytes: z.number().int().positive().optional(),
  cellReadLimit: z.number().int().positive().optional(),
  /** Excel on the web's cap on cells moved by TableColumnCollection.add. */
  operationCellLimit: z.number().int().positive().optional(),
});

export const simulatorSetupSchema = z.object({
  sheets: z.array(sheetSetupSchema).min(1).prefault([{ name: 'Sheet1' }]),
  activeSheet: z.string().optional(),
  /** The selection, e.g. "Data!B5:D9" or "B5" (on the active sheet). */
  selection: z.string().optional(),
  workbookProtected: z.boolean().default(false),
  names: z.array(z.object({ name: z.string(), reference: z.string(), comment: z.string().optional() })).default([]),
  host: hostSetupSchema.prefault({}),
  limits: limitsSetupSchema.default({}),
  /** Milliseconds each sync takes (0: the next microtask). */
  syncDelayMs: z.number().min(0).default(0),
});

export type SetupCell = z.input<typeof setupCellSchema>;
export type SheetSetup = z.input<typeof sheetSetupSchema>;
export type HostSetup = z.input<typeof hostSetupSchema>;
export type SimulatorSetup = z.input<typeof simulatorSetupSchema>;
export type ParsedSimulatorSetup = z.output<typeof simulatorSetupSchema>;

/** Parses a setup, or throws an Error listing each problem with its path (e.g. "sheets.0.name"). */
export function parseSimulatorSetup(input: unknown): ParsedSimulatorSetup {
  const result = simulatorSetupSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(setup)'}: ${issue.message}`);
  throw new Error(`Invalid Excel simulator setup:\n${problems.join('\n')}`);
}
