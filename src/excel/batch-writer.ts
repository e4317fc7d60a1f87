/**
 * Writes to the workbook gathered into as few requests as the request budget allows. Each write
 * is an operation that knows its size and can queue itself again, so a request Excel refuses as
 * too large is sent again in halves (a refused request is applied not at all, so resending it
 * is safe).
 *
 * A writer may suspend Excel's calculation for each request it sends, so that formulas over the
 * cells being written (a previous run's summaries) are not recalculated after every batch:
 * Application.suspendApiCalculationUntilNextSync "Suspends calculation until the next
 * context.sync() is called. Once set, it is the developer's responsibility to re-calc the
 * workbook" (ExcelApi 1.6), which `finish` does.
 */
import { BaselineError } from '../core';
import { isPayloadLimitError, REQUEST_BUDGET_BYTES } from './request-size';

export interface WriteOp {
  /** Estimated JSON bytes of the request it adds. */
  bytes: number;
  /** Queues its commands on the request context. */
  queue(): void;
  /** The same writes as smaller operations, when it is too large alone. */
  split?(): WriteOp[];
}

export class BatchWriter {
  private pending: WriteOp[] = [];
  private pendingBytes = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly options: { suspendCalculation?: boolean } = {},
  ) {}

  /** Queues the operation, sending what is queued first when the two would not fit one request. */
  async add(op: WriteOp): Promise<void> {
    if (this.pending.length > 0 && this.pendingBytes + op.bytes > REQUEST_BUDGET_BYTES) await this.flush();
    if (this.pending.length === 0) this.suspendCalculation();
    op.queue();
    this.pending.push(op);
    this.pendingBytes += op.bytes;
  }

  /** Sends everything queued, then has Excel calculate what the suspended requests left uncalculated. */
  async finish(): Promise<void> {
    await this.flush();
    if (!this.options.suspendCalculation) return;
    this.context.workbook.application.calculate(Excel.CalculationType.recalculate);
    await this.context.sync();
  }

  /** Sends everything queued. */
  async flush(): Promise<void> {
    const ops = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    if (ops.length > 0) await this.send(ops);
  }

  /** Starts a request: with calculation suspended until it is sent, when the writer does that. */
  private suspendCalculation(): void {
    if (this.options.suspendCalculation) this.context.workbook.application.suspendApiCalculationUntilNextSync();
  }

  private async send(ops: WriteOp[]): Promise<void> {
    try {
      await this.context.sync();
    } catch (error) {
      if (!isPayloadLimitError(error)) throw error;
      const parts = ops.length > 1 ? [ops.slice(0, ops.length >> 1), ops.slice(ops.length >> 1)] : ops[0].split?.().map((op) => [op]);
      if (!parts || parts.length < 2) throw new BaselineError('row-too-large', 'Excel refused a write as too large even when split; this host’s request limit is unusually small.');
      for (const part of parts) {
        this.suspendCalculation();
        for (const op of part) op.queue();
        await this.send(part);
      }
    }
  }
}
