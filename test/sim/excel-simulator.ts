/**
 * An in-memory Excel for adapter tests: `createExcelSimulator(setup)` returns the `Excel`,
 * `Office` and `OfficeExtension` globals of a simulated host, plus a setup and inspection API
 * (not part of Office.js) to arrange a workbook, read it back, count syncs and bytes, and
 * inject failures.
 */
import type { CellValue } from './cell-entry';
import { createColumnHasher } from './column-hash';
import { createExcelNamespace, type ExcelNamespace } from './excel-namespace';
import { formatAddress, parseAddress, type Rect } from './grid-address';
import { DEFAULT_LIMITS, emptyStats, HostSession, type InjectedFailure, type SimLimits, type SimStats, type SyncListener } from './host-session';
import { ClientResult, OfficeExtensionError, OfficeExtensionErrorCodes, TrackedObjects } from './office-extension';
import { DARK_THEME, LIGHT_THEME, createOfficeNamespace, type HostInfo, type OfficeNamespace } from './office-namespace';
import type { PivotModel } from './pivot-model';
import { OFFICE_LIMITS, ResponsivenessWatch, type ResponsivenessLimits } from './responsiveness';
import { resolveAddress } from './proxies/proxy-support';
import type { CellStyle } from './sheet-cells';
import {
  parseSimulatorSetup, sheetSetupSchema, hostSetupSchema,
  type HostSetup, type SetupCell, type SheetSetup, type SimulatorSetup,
} from './simulator-setup';
import { DEFAULT_STYLE, WorkbookModel, type PageLayoutModel, type SheetModel } from './workbook-model';

export interface SheetSummary {
  name: string;
  position: number;
  visibility: string;
  protected: boolean;
  /** The used range (values and formats), e.g. "Data!A4:F120", or null when blank. */
  usedRange: string | null;
  frozenRows: number;
  frozenColumns: number;
  /** Rows hidden by hand or by a filter (1-based). */
  hiddenRows: number[];
  tables: string[];
  charts: string[];
  merges: string[];
}

export interface TableSummary {
  name: string;
  sheet: string;
  address: string;
  columns: string[];
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
}

export interface NameSummary {
  name: string;
  scope: string;
  formula: string;
  comment: string;
  visible: boolean;
}

export interface PivotSummary {
  name: string;
  sheet: string;
  /** A table name or a sheet-qualified address. */
  source: string;
  rows: string[];
  columns: string[];
  filters: string[];
  data: Array<{ name: string; field: string; summarizeBy: string; numberFormat: string }>;
  showRowGrandTotals: boolean;
  showColumnGrandTotals: boolean;
  /** The output on its sheet and the values shown there (see pivot-model.ts for the layout). */
  address: string | null;
  values: (CellValue | '')[][];
}

export interface ChartSummary {
  name: string;
  sheet: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  position: { startCell?: string; endCell?: string; top: number; left: number; width: number; height: number };
}

export interface OfficeExtensionNamespace {
  Error: typeof OfficeExtensionError;
  ErrorCodes: typeof OfficeExtensionErrorCodes;
  ClientResult: typeof ClientResult;
  TrackedObjects: typeof TrackedObjects;
}

export interface SimulatorOptions {
  /** Resolves when add-in code could run (the DOM is ready, in a browser); default: at once. */
  hostReady?: Promise<void>;
}

function describeSource(pivot: PivotModel): string {
  return pivot.source.kind === 'table' ? pivot.source.table.name : formatAddress(pivot.source.sheet.name, pivot.source.rect);
}

function toHostInfo(setup: ReturnType<typeof hostSetupSchema.parse>): HostInfo {
  return {
    platform: setup.platform,
    documentMode: setup.documentMode,
    reportsReadOnly: setup.reportsReadOnly,
    theme: setup.theme === 'light' ? LIGHT_THEME : setup.theme === 'dark' ? DARK_THEME : setup.theme,
    otherRequirementSets: setup.otherRequirementSets,
    displayLanguage: setup.displayLanguage,
  };
}

export class ExcelSimulator {
  readonly Excel: ExcelNamespace;
  readonly Office: OfficeNamespace;
  readonly OfficeExtension: OfficeExtensionNamespace = {
    Error: OfficeExtensionError,
    ErrorCodes: OfficeExtensionErrorCodes,
    ClientResult,
    TrackedObjects,
  };
  private readonly workbook = new WorkbookModel();
  private readonly session: HostSession;
  private readonly host: HostInfo;

  constructor(setup: SimulatorSetup = {}, options: SimulatorOptions = {}) {
    const parsed = parseSimulatorSetup(setup);
    this.host = toHostInfo(parsed.host);
    this.session = new HostSession(this.workbook, { ...DEFAULT_LIMITS }, parsed.host.excelApiVersion);
    this.setLimits(parsed.limits);
    this.session.syncDelayMs = parsed.syncDelayMs;
    this.session.oversizedReads = parsed.host.oversizedReads;
    // Sheets are hidden only once all exist: a workbook always keeps one visible sheet.
    for (const sheet of parsed.sheets) this.addSheet({ ...sheet, visibility: 'Visible' });
    for (const sheet of parsed.sheets) {
      if (sheet.visibility !== 'Visible') this.workbook.setSheetVisibility(this.sheet(sheet.name), sheet.visibility);
    }
    for (const name of parsed.names) this.workbook.addName(null, name.name, name.reference, name.comment);
    if (parsed.activeSheet) this.setActiveSheet(parsed.activeSheet);
    if (parsed.selection) this.setSelection(parsed.selection);
    this.workbook.structureProtected = parsed.workbookProtected;
    this.workbook.documentReadOnly = this.host.documentMode === 'ReadOnly';
    this.workbook.onTheWeb = this.host.platform === 'OfficeOnline';
    this.workbook.textCellEntry = parsed.host.textCellEntry;
    this.Excel = createExcelNamespace(this.session);
    this.Office = createOfficeNamespace(this.session, this.host, options.hostReady ?? Promise.resolve());
  }

  // -------------------------------------------------------------------------------------------
  // Installing the globals

  /** Sets `Excel`, `Office` and `OfficeExtension` on `target` (default globalThis); returns a function that restores them. */
  installGlobals(target: object = globalThis): () => void {
    const holder = target as Record<string, unknown>;
    const previous = { Excel: holder.Excel, Office: holder.Office, OfficeExtension: holder.OfficeExtension };
    holder.Excel = this.Excel;
    holder.Office = this.Office;
    holder.OfficeExtension = this.OfficeExtension;
    return () => Object.assign(holder, previous);
  }

  // -------------------------------------------------------------------------------------------
  // Setup (what the user's workbook held before the add-in ran; no Excel entry rules apply)

  addSheet(setup: SheetSetup): void {
    const sheetSetup = sheetSetupSchema.parse(setup);
    const sheet = this.workbook.addSheet(sheetSetup.name);
    this.writeCells(sheet.name, sheetSetup.at, sheetSetup.cells);
    for (const [address, format] of Object.entries(sheetSetup.numberFormats)) this.setNumberFormat(sheet.name, address, format);
    for (const table of sheetSetup.tables) this.addTable(sheet.name, table.address, table);
    sheet.frozenRows = sheetSetup.frozenRows;
    for (const row of sheetSetup.hiddenRows) sheet.hiddenRows.add(row - 1);
    if (sheetSetup.visibility !== 'Visible') this.workbook.setSheetVisibility(sheet, sheetSetup.visibility);
    if (sheetSetup.protected) sheet.protected = true;
  }

  /** Writes rows of cells from `at` exactly as given (strings stay strings; `{ formula }` stores a formula; null skips). */
  writeCells(sheetName: string, at: string, rows: SetupCell[][]): void {
    const sheet = this.sheet(sheetName);
    const { top, left } = this.rect(sheet, at);
    rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell === null || cell === '') return;
        if (typeof cell === 'object') sheet.cells.setFormula(top + r, left + c, cell.formula);
        else sheet.cells.setValue(top + r, left + c, cell);
      }),
    );
  }

  /** Fills rowCount x columnCount cells from `at` with cellAt(row, column), without building a 2-D array (for million-row sheets). */
  fillCells(sheetName: string, at: string, rowCount: number, columnCount: number, cellAt: (row: number, column: number) => CellValue | null): void {
    const sheet = this.sheet(sheetName);
    const { top, left } = this.rect(sheet, at);
    for (let c = 0; c < columnCount; c++) {
      sheet.cells.fillColumn(left + c, top, rowCount, (r) => {
        const value = cellAt(r, c);
        return value === null || value === '' ? undefined : value;
      });
    }
  }

  setNumberFormat(sheetName: string, address: string, format: string): void {
    const sheet = this.sheet(sheetName);
    this.workbook.writeNumberFormats({ sheet, rect: this.rect(sheet, address) }, format);
  }

  formatCells(sheetName: string, address: string, style: CellStyle): void {
    const sheet = this.sheet(sheetName);
    this.workbook.patchStyle({ sheet, rect: this.rect(sheet, address) }, style);
  }

  addTable(sheetName: string, address: string, options: { name?: string; hasHeaders?: boolean; showHeaders?: boolean; showTotals?: boolean } = {}): void {
    const sheet = this.sheet(sheetName);
    const table = this.workbook.addTable({ sheet, rect: this.rect(sheet, address) }, options.hasHeaders ?? true);
    if (options.name) this.workbook.renameTable(table, options.name);
    if (options.showTotals) this.workbook.setShowTotals(table, true);
    if (options.showHeaders === false) this.workbook.setShowHeaders(table, false);
  }

  /**
   * The user deletes a sheet from its tab, as Worksheet.delete does (and with its rules), at
   * any moment: between two of the add-in's syncs, say.
   */
  deleteSheet(sheetName: string): void {
    this.workbook.deleteSheet(this.sheet(sheetName));
  }

  protectSheet(sheetName: string, isProtected = true): void {
    this.sheet(sheetName).protected = isProtected;
  }

  protectWorkbook(isProtected = true): void {
    this.workbook.structureProtected = isProtected;
  }

  setActiveSheet(sheetName: string): void {
    this.workbook.activateSheet(this.sheet(sheetName));
  }

  /** Selects "Sheet!B5:C9" (activating that sheet) or "B5" on the active sheet; "B5,D9:E10" selects several areas. */
  setSelection(address: string): void {
    const [first, ...more] = address.split(',');
    const target = resolveAddress(this.workbook, first, null, 'selection');
    this.workbook.activateSheet(target.sheet);
    target.sheet.selection = target.rect;
    target.sheet.moreSelected = more.map((area) => resolveAddress(this.workbook, area.trim(), target.sheet, 'selection').rect);
  }

  /** Changes the host: requirement set, platform, document mode, theme… */
  setHost(host: HostSetup): void {
    const parsed = hostSetupSchema.parse({ ...this.hostSetup(), ...host });
    Object.assign(this.host, toHostInfo(parsed));
    this.session.excelApiVersion = parsed.excelApiVersion;
    this.workbook.documentReadOnly = parsed.documentMode === 'ReadOnly';
    this.workbook.onTheWeb = parsed.platform === 'OfficeOnline';
    this.session.oversizedReads = parsed.oversizedReads;
    this.workbook.textCellEntry = parsed.textCellEntry;
  }

  private hostSetup(): HostSetup {
    return {
      excelApiVersion: this.session.excelApiVersion,
      platform: this.host.platform,
      documentMode: this.host.documentMode,
      reportsReadOnly: this.host.reportsReadOnly,
      theme: this.host.theme,
      otherRequirementSets: this.host.otherRequirementSets,
      displayLanguage: this.host.displayLanguage,
      oversizedReads: this.session.oversizedReads,
      textCellEntry: this.workbook.textCellEntry,
    };
  }

  setLimits(limits: Partial<SimLimits> & { operationCellLimit?: number }): void {
    const { operationCellLimit, ...rest } = limits;
    this.session.limits = { ...this.session.limits, ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) };
    if (operationCellLimit !== undefined) this.workbook.operationCellLimit = operationCellLimit;
  }

  set syncDelayMs(ms: number) {
    this.session.syncDelayMs = ms;
  }

  /** Makes a coming sync or operation fail with an OfficeExtension.Error (see InjectedFailure). */
  injectFailure(failure: InjectedFailure): void {
    this.session.inject(failure);
  }

  /** Starts watching the add-in's use of the thread as Office does (see responsiveness.ts); `stop` gives the report. */
  watchResponsiveness(limits: ResponsivenessLimits = OFFICE_LIMITS): ResponsivenessWatch {
    const watch = new ResponsivenessWatch(this.session, limits);
    watch.start();
    return watch;
  }

  /** Calls `listener` after every sync (failed ones too); returns a function that stops it. */
  onSync(listener: SyncListener): () => void {
    this.session.syncListeners.add(listener);
    return () => this.session.syncListeners.delete(listener);
  }

  // -------------------------------------------------------------------------------------------
  // Inspection

  /** The workbooks the add-in opened with Excel.createWorkbook, as the Base64 .xlsx each was made from. */
  get createdWorkbooks(): readonly string[] {
    return this.session.createdWorkbooks;
  }

  get stats(): SimStats {
    const stats = this.session.stats;
    return { ...stats, history: [...stats.history] };
  }

  resetStats(): void {
    this.session.stats = emptyStats();
  }

  /** Cells changed since Excel last calculated, with calculation suspended or off: the workbook shows stale results. */
  get calculationPending(): boolean {
    return this.workbook.needsCalculation;
  }

  get limits(): SimLimits {
    return { ...this.session.limits };
  }

  sheetNames(): string[] {
    return this.workbook.sheets.map((s) => s.name);
  }

  sheets(): SheetSummary[] {
    return this.workbook.sheets.map((sheet, position) => {
      const used = sheet.cells.usedRect(false);
      return {
        name: sheet.name,
        position,
        visibility: sheet.visibility,
        protected: sheet.protected,
        usedRange: used ? formatAddress(sheet.name, used) : null,
        frozenRows: sheet.frozenRows,
        frozenColumns: sheet.frozenColumns,
        hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b).map((row) => row + 1),
        tables: this.workbook.tables.filter((t) => t.sheet === sheet).map((t) => t.name),
        charts: sheet.charts.map((c) => c.name),
        merges: sheet.merges.map((m) => formatAddress(sheet.name, m)),
      };
    });
  }

  get activeSheetName(): string {
    return this.workbook.activeSheet.name;
  }

  get selection(): string {
    return formatAddress(this.workbook.activeSheet.name, this.workbook.activeSheet.selection);
  }

  get workbookProtected(): boolean {
    return this.workbook.structureProtected;
  }

  /** The used range of a sheet (e.g. "Data!A4:F120"), or null when it is blank. */
  usedRange(sheetName: string, valuesOnly = false): string | null {
    const sheet = this.sheet(sheetName);
    const used = sheet.cells.usedRect(valuesOnly);
    return used ? formatAddress(sheet.name, used) : null;
  }

  /** Cell values as Range.values gives them ("" for empty, formulas computed); default: the used range. */
  values(sheetName: string, address?: string): (CellValue | '')[][] {
    const target = this.target(sheetName, address);
    return target ? this.workbook.readValues(target) : [];
  }

  formulas(sheetName: string, address?: string): (CellValue | '')[][] {
    const target = this.target(sheetName, address);
    return target ? this.workbook.readFormulas(target) : [];
  }

  /** The cells of a sheet that hold formulas (0-based), as distinct from text that merely starts with "=". */
  formulaCells(sheetName: string): { row: number; column: number; formula: string }[] {
    return this.sheet(sheetName).cells.formulaCells();
  }

  numberFormats(sheetName: string, address?: string): string[][] {
    const target = this.target(sheetName, address);
    return target ? this.workbook.readNumberFormats(target) : [];
  }

  text(sheetName: string, address?: string): string[][] {
    const target = this.target(sheetName, address);
    return target ? this.workbook.readText(target) : [];
  }

  /** The full format of one cell, e.g. style("Data", "B2").bold. */
  /** How a sheet prints: its page layout, header and footer as the add-in left them. */
  pageLayout(sheetName: string): PageLayoutModel {
    return structuredClone(this.sheet(sheetName).pageLayout);
  }

  style(sheetName: string, cell: string): Required<CellStyle> {
    const sheet = this.sheet(sheetName);
    const { top, left } = this.rect(sheet, cell);
    const style = { ...DEFAULT_STYLE };
    for (const key of Object.keys(style) as (keyof CellStyle)[]) {
      (style as Record<string, unknown>)[key] = sheet.cells.styleValue(top, left, key) ?? DEFAULT_STYLE[key];
    }
    return style;
  }

  /** Column width in points, by letter ("C") or zero-based index. */
  columnWidth(sheetName: string, column: string | number): number {
    const sheet = this.sheet(sheetName);
    const index = typeof column === 'number' ? column : this.rect(sheet, `${column}1`).left;
    return this.workbook.columnWidth({ sheet, rect: { top: 0, bottom: 0, left: index, right: index } }) ?? 0;
  }

  /** One hash per column of the range (default: the used range), for comparing large sheets. */
  columnHashes(sheetName: string, address?: string): string[] {
    const target = this.target(sheetName, address);
    if (!target) return [];
    const { sheet, rect } = target;
    const hasher = createColumnHasher(rect.right - rect.left + 1);
    // Read in slices so a million-row sheet is never copied whole.
    for (let top = rect.top; top <= rect.bottom; top += 10_000) {
      const slice = { ...rect, top, bottom: Math.min(rect.bottom, top + 9_999) };
      for (const row of this.workbook.readValues({ sheet, rect: slice })) hasher.addRow(row);
    }
    return hasher.digest();
  }

  tables(): TableSummary[] {
    return this.workbook.tables.map((t) => ({
      name: t.name,
      sheet: t.sheet.name,
      address: formatAddress(t.sheet.name, t.rect),
      columns: t.columns.map((c) => c.name),
      showHeaders: t.showHeaders,
      showTotals: t.showTotals,
      style: t.style,
    }));
  }

  names(): NameSummary[] {
    const all = [...this.workbook.names, ...this.workbook.sheets.flatMap((s) => s.names)];
    return all.map((n) => ({ name: n.name, scope: n.scope, formula: this.workbook.nameFormula(n), comment: n.comment, visible: n.visible }));
  }

  pivotTables(): PivotSummary[] {
    return this.workbook.pivots.map((p) => ({
      name: p.name,
      sheet: p.sheet.name,
      source: describeSource(p),
      rows: [...p.rowFields],
      columns: [...p.columnFields],
      filters: [...p.filterFields],
      data: p.dataFields.map((d) => ({ name: d.name, field: d.field, summarizeBy: d.summarizeBy, numberFormat: d.numberFormat })),
      showRowGrandTotals: p.showRowGrandTotals,
      showColumnGrandTotals: p.showColumnGrandTotals,
      address: p.output ? formatAddress(p.sheet.name, p.output.rect) : null,
      values: p.output ? p.output.values.map((row) => [...row]) : [],
    }));
  }

  charts(): ChartSummary[] {
    return this.workbook.sheets.flatMap((sheet) =>
      sheet.charts.map((c) => ({
        name: c.name,
        sheet: sheet.name,
        type: c.type,
        source: formatAddress(c.source.sheet.name, c.source.rect),
        seriesBy: c.seriesBy,
        title: c.title,
        position: { startCell: c.startCell, endCell: c.endCell, top: c.top, left: c.left, width: c.width, height: c.height },
      })),
    );
  }

  // -------------------------------------------------------------------------------------------

  private sheet(name: string): SheetModel {
    return this.workbook.requireSheet(name);
  }

  private rect(sheet: SheetModel, address: string): Rect {
    const parsed = parseAddress(address);
    if (!parsed) throw new Error(`"${address}" is not an A1 address (sheet "${sheet.name}").`);
    return parsed.rect;
  }

  private target(sheetName: string, address: string | undefined): { sheet: SheetModel; rect: Rect } | null {
    const sheet = this.sheet(sheetName);
    if (address !== undefined) return { sheet, rect: this.rect(sheet, address) };
    const used = sheet.cells.usedRect(false);
    return used ? { sheet, rect: used } : null;
  }
}

export function createExcelSimulator(setup: SimulatorSetup = {}, options: SimulatorOptions = {}): ExcelSimulator {
  return new ExcelSimulator(setup, options);
}
