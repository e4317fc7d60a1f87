/**
 * Excel.RequestContext: the queue of pending commands and `sync()`.
 *
 * From "Application-specific API model" (learn.microsoft.com/office/dev/add-ins/develop/
 * application-specific-api-model): methods invoked and properties set or loaded on proxy objects
 * are "added to a queue of pending commands"; `sync()` "runs any commands that are queued on the
 * request context and retrieves values for any properties that should be loaded".
 *
 * A sync here: the request (the JSON of every queued operation) is measured and refused whole
 * with RequestPayloadSizeLimitExceeded when over the limit; then the operations run in order.
 * Batches are not transactional: when one fails, the ones before it stay applied, the rest are
 * dropped, and the sync rejects with an OfficeExtension.Error carrying Excel's code. Loaded
 * values are delivered only when the whole sync succeeds and the response (the JSON of the loaded
 * values) is within the limit (else ResponsePayloadSizeLimitExceeded, with the operations applied).
 */
import { HostError } from './host-error';
import type { HostSession, SyncRecord } from './host-session';
import { OfficeExtensionError, TrackedObjects } from './office-extension';
import { WorkbookProxy } from './proxies/workbook-proxy';

export interface OperationResult {
  responseBytes: number;
  /** Hands loaded values to their proxies; called only when the sync succeeds. */
  deliver(): void;
  /** Hands them over with every cell property null, for a host that answers an oversized response so. */
  deliverOversized?(): void;
}

export interface Operation {
  /** "Range.values", "WorksheetCollection.getItem"…, reported as the error location. */
  label: string;
  requestBytes: number;
  run(): OperationResult | void;
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class RequestContext {
  readonly workbook: WorkbookProxy;
  readonly trackedObjects = new TrackedObjects();
  readonly requestHeaders: Record<string, string> = {};
  readonly debugInfo = {};
  private queue: Operation[] = [];
  private traces: Array<{ afterOperation: number; message: string }> = [];

  constructor(readonly session: HostSession) {
    this.workbook = new WorkbookProxy(this);
  }

  get application(): WorkbookProxy['application'] {
    return this.workbook.application;
  }

  enqueue(operation: Operation): void {
    this.queue.push(operation);
  }

  /** context.load(object, option) is object.load(option). */
  load<T extends { load(option?: unknown): T }>(object: T, option?: unknown): T {
    return object.load(option);
  }

  /** context.trace: the messages reach `traceMessages` of an error raised later in the same sync. */
  trace(message: string): void {
    this.traces.push({ afterOperation: this.queue.length, message });
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const operations = this.queue;
    const traces = this.traces;
    this.queue = [];
    this.traces = [];
    if (operations.length === 0) return passThroughValue as T;
    const session = this.session;
    if (session.syncDelayMs > 0) await wait(session.syncDelayMs);
    // A sync is a round trip to Excel: while the add-in's use of the thread is watched, other
    // tasks (the watch's timer) run before it completes, as they would while Excel works.
    else if (session.watched) await wait(0);
    else await Promise.resolve();
    // What follows is Excel's work, done here in the add-in's thread: it is timed, so that the
    // add-in's own use of the thread can be told from it (see responsiveness.ts).
    const started = performance.now();
    try {
      return this.run(operations, traces, passThroughValue);
    } finally {
      session.hostBusyMs += performance.now() - started;
    }
  }

  private run<T>(operations: Operation[], traces: Array<{ afterOperation: number; message: string }>, passThroughValue?: T): T {
    const session = this.session;
    const stats = session.stats;
    stats.syncs++;
    const requestBytes = 2 + operations.reduce((sum, op) => sum + op.requestBytes + 1, 0);
    const record: SyncRecord = { requestBytes, responseBytes: 0, operations: 0 };
    stats.history.push(record);
    stats.requestBytes += requestBytes;
    stats.largestRequestBytes = Math.max(stats.largestRequestBytes, requestBytes);
    const fail = (error: OfficeExtensionError, ranUpTo: number): never => {
      record.failedWith = error.code;
      // A request refused before any of it ran changed nothing, and is not a sync Excel calculates after.
      if (ranUpTo > 0) session.settleCalculation();
      error.traceMessages = traces.filter((t) => t.afterOperation <= ranUpTo).map((t) => t.message);
      this.notify(record);
      throw error;
    };

    if (requestBytes > session.limits.payloadBytes) {
      fail(new OfficeExtensionError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${requestBytes} bytes > ${session.limits.payloadBytes}).`, 'RequestContext.sync'), 0);
    }

    const deliveries: OperationResult[] = [];
    for (let i = 0; i < operations.length; i++) {
      const op = operations[i];
      const injected = session.takeFailure(i);
      if (injected) fail(new OfficeExtensionError(injected.code, injected.message, op.label), i);
      try {
        const result = op.run();
        if (result) {
          record.responseBytes += result.responseBytes;
          deliveries.push(result);
        }
      } catch (error) {
        if (error instanceof HostError) fail(new OfficeExtensionError(error.code, error.message, op.label), i);
        if (error instanceof OfficeExtensionError) fail(error, i);
        throw error;
      } finally {
        record.operations = i + 1;
      }
      stats.operations++;
    }
    const late = session.takeLateFailure();
    if (late) fail(new OfficeExtensionError(late.code, late.message, 'RequestContext.sync'), operations.length);

    stats.responseBytes += record.responseBytes;
    stats.largestResponseBytes = Math.max(stats.largestResponseBytes, record.responseBytes);
    const oversized = record.responseBytes > session.limits.payloadBytes;
    if (oversized && session.oversizedReads !== 'null-values') {
      const code = session.oversizedReads === 'general-exception' ? 'GeneralException' : 'ResponsePayloadSizeLimitExceeded';
      fail(new OfficeExtensionError(code, `The response payload size has exceeded the limit (${record.responseBytes} bytes > ${session.limits.payloadBytes}).`, 'RequestContext.sync'), operations.length);
    }
    session.settleCalculation();
    for (const result of deliveries) (oversized ? result.deliverOversized ?? result.deliver : result.deliver)();
    this.notify(record);
    return passThroughValue as T;
  }

  private notify(record: SyncRecord): void {
    for (const listener of this.session.syncListeners) listener(record, this.session.stats);
  }
}
