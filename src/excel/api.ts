/**
 * What the task pane can ask of the workbook: the one door to Excel. Everything behind it is in
 * src/excel and is the only code that calls the Excel API; the pane and the command line are
 * thin hosts around the same core analysis. Failures are the core's BaselineError, with a code.
 */
import {
  BaselineError,
  type Anchor,
  type Areas,
  type CreditorRecord,
  type EarlierWorkbook,
  type Field,
  type HeadlineSnapshot,
  type Lm3,
  type Mapping,
  type Progress,
  type PublishOptions,
  type Registers,
  type RegisterStep,
  type Settings,
  type SheetRole,
  type Summary,
  type SupplierToReview,
  type WorkbookState,
} from '../core';
import type { GeoPack } from '../geo/geo-pack';

/** Where the spend data is, and how its columns were understood. */
export interface DataFound {
  sheet: string;
  /** The Excel table holding the selection, when the data is a table. */
  table?: string;
  /** The data's address without the sheet, e.g. "A4:I3406". */
  address: string;
  /** 1-based Excel row of the header, or null when the data has none. */
  headerRow: number | null;
  /** One label per column of the data: its header, or "Column F" when there is none. */
  headers: string[];
  /** The proposed mapping (or the saved one, when its headers are still there). */
  mapping: Mapping;
  /** Required fields (supplier, amount) that no column was found for. */
  missing: Field[];
  /** Data rows below the header. */
  rows: number;
}

export interface HostCapabilities {
  /** The highest ExcelApi requirement set supported, e.g. "1.17". */
  excelApi: string;
  readOnly: boolean;
}

export interface WorkbookOverview {
  data?: DataFound;
  /** Why no data was found, in plain words with what to do. */
  dataProblem?: string;
  state: WorkbookState;
  host: HostCapabilities;
}

export interface AnalyseRequest {
  /** Field → header label (as in DataFound.headers), as the user confirmed it. */
  mapping: Partial<Record<Field, string>>;
  areas: Areas;
  /** What the user typed or picked, remembered for next time. */
  areaQueries: { local: string; wider: string };
  threshold: number;
  /** Online postcode lookup allowed by the user (postcodes only, to postcodes.io). */
  online: boolean;
  /** An earlier workbook the user chose to measure progress against, like for like. */
  earlier?: EarlierWorkbook;
}

export type AnalysePhase = 'checking' | 'reading' | 'preparing' | 'registers' | 'geography' | 'online' | 'classifying' | 'comparing' | 'writing';

export interface AnalyseProgress {
  phase: AnalysePhase;
  /** Rows done of total in this phase (reading, classifying, writing). */
  done: number;
  total: number;
}

export interface AnalyseHooks {
  onProgress?: (progress: AnalyseProgress) => void;
  /** Cancels while reading and classifying; the short write phase is not cancellable. */
  signal?: AbortSignal;
  /** The offline geography pack (fetched from geo/ beside the pane), when deployed. */
  pack?: GeoPack;
  /** Companies House and the charity register (registers/ beside the pane), when deployed and switched on. */
  registers?: Registers;
  /** The default rules CSV shipped with the add-in, for a first run or a reset. */
  defaultRulesCsv: string;
  /** postcodes.io base URL (tests use a local stand-in). */
  onlineBaseUrl?: string;
}

export interface AnalyseResult {
  summary: Summary;
  /** Each anchor institution's baseline, the largest first; null when the data names none (`noAnchors` says why). */
  anchors: Anchor[] | null;
  noAnchors?: string;
  lm3: Lm3;
  areas: Areas;
  /** The headline of the previous run, for "what changed since the last run". */
  previous?: HeadlineSnapshot;
  current: HeadlineSnapshot;
  /** The comparison with the earlier workbook chosen, when one was. */
  progress?: Progress;
  toReview: SupplierToReview[];
  /** Things the user should know: overrides not understood (with cells), rules skipped, online failures. */
  warnings: string[];
  /** What the registers gave, when they were used. */
  registers?: RegisterStep;
  skippedRows: number;
  sheetNames: Record<SheetRole, string>;
}

export interface DiagnosticCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface WorkbookService {
  inspect(): Promise<WorkbookOverview>;
  /**
   * Re-maps the data with the header row the user chose (1-based), or none. The choice holds
   * for later `inspect` and `analyse` calls on the same sheet (until the pane is reloaded).
   */
  remap(headerRow: number | null): Promise<WorkbookOverview>;
  saveSettings(settings: Settings): Promise<void>;
  /** Rejects with AnalysisCancelled when `hooks.signal` aborts before the write phase. */
  analyse(request: AnalyseRequest, hooks: AnalyseHooks): Promise<AnalyseResult>;
  /** Shows one of the add-in's sheets. */
  showSheet(role: SheetRole): Promise<void>;
  /** Shows the Suppliers sheet with the line of this supplier selected. */
  showSupplier(key: string): Promise<void>;
  /**
   * "Reset the add-in's settings" (after the pane has asked the user): deletes the very hidden
   * state sheet, damaged or not, and nothing else.
   */
  resetSettings(): Promise<void>;
  /** Replaces the Rules sheet with the default rules (after the pane has asked the user). */
  resetRules(defaultRulesCsv: string): Promise<void>;
  /** Fills blank postcodes on the Suppliers sheet from a creditor master file. */
  importCreditors(records: CreditorRecord[]): Promise<{ matched: number; filled: number }>;
  /** "Check this Excel": a small round trip on a scratch sheet, deleted afterwards. */
  checkHost(): Promise<DiagnosticCheck[]>;
  /**
   * Opens a copy to publish of the last analysis in this session as a new workbook (ExcelApi
   * 1.8): the summary sheets and the analysis data, individuals redacted, payments under
   * `minimum` added up. Rejects with code not-analysed before an analysis.
   */
  publish(options: PublishOptions): Promise<PublishedCopy>;
}

/** The user cancelled while the data was being read or classified: nothing was written. */
export class AnalysisCancelled extends BaselineError {
  override name = 'AnalysisCancelled';
  constructor() {
    super('cancelled', 'Analysis cancelled; the workbook was not changed.');
  }
}

/** What the copy to publish did to the data. */
export interface PublishedCopy {
  /** Payments whose supplier is shown as "Individual (redacted)". */
  redacted: number;
  /** Payments under the minimum, and the lines they became. */
  aggregated: { payments: number; lines: number };
}
