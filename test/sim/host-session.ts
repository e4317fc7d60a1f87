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

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
  /** The error code when the sync failed. */
  failedWith?: string;
}

export interface SimStats {
  syncs: number;
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
  return { syncs: 0, operations: 0, requestBytes: 0, responseBytes: 0, largestRequestBytes: 0, largestResponseBytes: 0, history: [] };
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
  /** The workbooks opened with Excel.createWorkbook: the Base64 .xlsx each was made from ('' for an empty one). */
  readonly createdWorkbooks: string[] = [];

  constructor(
    readonly workbook: WorkbookModel,
    public limits: SimLimits,
    public excelApiVersion: string,
  ) {}

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
