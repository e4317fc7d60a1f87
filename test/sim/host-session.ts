/**
 * What every request context of one simulated Excel shares: the workbook, the host's limits and
 * requirement-set version, the counters the tests read, and injected failures.
 */
import type { WorkbookModel } from './workbook-model';

export interface SimLimits {
  /**
   * Largest request and response, in bytes. "Excel on the web limits requests and responses to
   * 5 MB" (Excel performance article); read strictly as 5,000,000 bytes.
   */
  payloadBytes: number;
  /** "On all platforms, a range is limited to five million cells for get operations." */
  cellReadLimit: number;
}

export const DEFAULT_LIMITS: SimLimits = { payloadBytes: 5_000_000, cellReadLimit: 5_000_000 };

/**
 * What a read over the cell limit or the response limit gets. Documented: RangeExceedsLimit and
 * ResponsePayloadSizeLimitExceeded. Observed otherwise:
 * - 'null-values': `Range.values` (and the other cell properties) come back `null`, no error.
 *   OfficeDev/office-js #6781 ("Range.values returns null on large spill ranges instead of
 *   throwing an error", desktop, Mac and web alike), #4783 (values and text null over five
 *   million cells on Mac), and the note proposed for the performance article in
 *   OfficeDev/office-js-docs-pr #5821: "the API doesn't always throw an error. In some cases,
 *   Range.values returns null instead", depending on the number of cells or the size of the data.
 * - 'general-exception': the read fails with GeneralException ("An internal error has
 *   occurred"), as Excel on the web answered large payloads in OfficeDev/office-js #1012 and
 *   #1314 and OfficeDev/office-js-docs #1247 ("Internal Server Error when getting values of a
 *   huge range in Excel Online").
 */
export type OversizedReads = 'documented' | 'null-values' | 'general-exception';

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
  /** The error code when the sync failed. */
  failedWith?: string;
}

export interface SimStats {
  syncs: number;
  /** Times Excel recalculated the workbook's formulas, and the formula cells it computed. */
  recalculations: number;
  formulaCellsCalculated: number;
  operations: number;
  requestBytes: number;
  responseBytes: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  history: SyncRecord[];
}

export interface InjectedFailure {
  /** Fail the Nth sync from now (1 = the next one)… */
  nthSyncFromNow?: number;
  /** …after this many of its operations have run (0 = before any; default 0). */
  afterOperations?: number;
  /** Or fail the Nth operation to run from now (1 = the next one), whichever sync it is in. */
  nthOperationFromNow?: number;
  /** The error code to report (default GeneralException). */
  code?: string;
  message?: string;
}

export interface PendingFailure {
  atSync?: number;
  afterOperations: number;
  atOperation?: number;
  code: string;
  message: string;
}

export type SyncListener = (record: SyncRecord, stats: Readonly<SimStats>) => void;

export function emptyStats(): SimStats {
  return { syncs: 0, recalculations: 0, formulaCellsCalculated: 0, operations: 0, requestBytes: 0, responseBytes: 0, largestRequestBytes: 0, largestResponseBytes: 0, history: [] };
}

/** "1.17" >= "1.8": requirement-set versions compare part by part. */
export function versionAtLeast(actual: string, wanted: string): boolean {
  const a = actual.split('.').map(Number);
  const w = wanted.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, w.length); i++) {
    const x = a[i] ?? 0;
    const y = w[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export class HostSession {
  stats: SimStats = emptyStats();
  failures: PendingFailure[] = [];
  readonly syncListeners = new Set<SyncListener>();
  /** Milliseconds each sync takes, so a page can show progress as it would against a real host. */
  syncDelayMs = 0;
  oversizedReads: OversizedReads = 'documented';
  /** Milliseconds spent running syncs, Excel's side of the work. */
  hostBusyMs = 0;
  /** A watch over the add-in's use of the thread is running (see responsiveness.ts). */
  watched = false;
  /** Application.suspendApiCalculationUntilNextSync was called in the sync now running. */
  calculationSuspended = false;
  /** The workbooks opened with Excel.createWorkbook: the Base64 .xlsx each was made from ('' for an empty one). */
  readonly createdWorkbooks: string[] = [];

  constructor(
    readonly workbook: WorkbookModel,
    public limits: SimLimits,
    public excelApiVersion: string,
  ) {}

  /** Excel computes the workbook's formulas (only their dependents, in Excel; every one of them is counted here). */
  recalculate(): void {
    this.stats.recalculations++;
    this.stats.formulaCellsCalculated += this.workbook.formulaCellCount();
    this.workbook.needsCalculation = false;
  }

  /**
   * After a sync, a workbook in automatic calculation whose cells changed is recalculated, unless
   * the sync suspended calculation; then it waits for the next sync ("Range value should be [10,
   * 20, 30] when we load the property, because calculation is resumed after last sync",
   * "Performance optimization using the Excel JavaScript API", learn.microsoft.com).
   */
  settleCalculation(): void {
    if (this.workbook.needsCalculation && !this.calculationSuspended && this.workbook.calculationMode === 'Automatic') this.recalculate();
    this.calculationSuspended = false;
  }

  supports(version: string): boolean {
    return versionAtLeast(this.excelApiVersion, version);
  }

  inject(failure: InjectedFailure): void {
    const code = failure.code ?? 'GeneralException';
    const message = failure.message ?? `Injected failure (${code}).`;
    if (failure.nthOperationFromNow !== undefined) {
      this.failures.push({ atOperation: this.stats.operations + failure.nthOperationFromNow, afterOperations: 0, code, message });
    } else {
      this.failures.push({ atSync: this.stats.syncs + (failure.nthSyncFromNow ?? 1), afterOperations: failure.afterOperations ?? 0, code, message });
    }
  }

  /** The failure due before the operation at `indexInSync` of the current sync runs, if any (removed once due). */
  takeFailure(indexInSync: number): PendingFailure | undefined {
    const i = this.failures.findIndex(
      (f) =>
        (f.atSync === this.stats.syncs && f.afterOperations === indexInSync) ||
        (f.atOperation !== undefined && f.atOperation === this.stats.operations + 1),
    );
    return i < 0 ? undefined : this.failures.splice(i, 1)[0];
  }

  /** A sync-level failure planned after more operations than the sync had: it fails at the end. */
  takeLateFailure(): PendingFailure | undefined {
    const i = this.failures.findIndex((f) => f.atSync === this.stats.syncs);
    return i < 0 ? undefined : this.failures.splice(i, 1)[0];
  }
}
