/**
 * Office's watch over an add-in's use of the processor, as "Resource limits and performance
 * optimization for Office Add-ins" (learn.microsoft.com/office/dev/add-ins/concepts/
 * resource-limits-and-performance-optimization) describes it for Excel on Windows and Mac:
 *
 * - "CPU core usage - A single CPU core usage threshold of 90%, observed three times in
 *   five-second intervals by default": Office then asks the user whether to keep running it.
 * - "Application blocking - A prolonged unresponsiveness threshold of five seconds [...] the
 *   Office application automatically restarts all the active add-ins [...] Add-ins reach this
 *   threshold when they don't regularly yield processing while performing long-running tasks."
 *
 * Here the add-in shares its thread with the simulated Excel, so Excel's work inside syncs (which
 * real Excel does in its own process) is taken out of what is measured: the share of each
 * interval the thread was active (Node's event loop utilisation, so the watch runs in Node only),
 * and the longest time a short timer was kept waiting. Intervals can be scaled down for tests.
 */
import type { HostSession } from './host-session';

export interface ResponsivenessLimits {
  /** How often the share of the thread the add-in used is looked at (Office: 5,000 ms). */
  intervalMs: number;
  /** The share above which an interval counts (Office: 0.9). */
  busyShare: number;
  /** Consecutive intervals over the share that make Office warn (Office: 3). */
  intervals: number;
}

export const OFFICE_LIMITS: ResponsivenessLimits = { intervalMs: 5_000, busyShare: 0.9, intervals: 3 };

export interface ResponsivenessReport {
  /** The longest time the add-in kept the thread without yielding (Office restarts it at 5,000 ms). */
  longestBlockMs: number;
  /** The share of each whole interval the add-in kept the thread. */
  busyShares: number[];
  /** Times `intervals` consecutive intervals were over `busyShare`: the warnings Office would show. */
  warnings: number;
}

/**
 * The timer the watch sets, again and again: it fires late by as long as the thread was held.
 * Not more often, so that the watch's own work is little beside the add-in's.
 */
const TICK_MS = 5;
/** Lateness below this is the timer's own jitter, not the thread being held. */
const JITTER_MS = 5;

/** Node's measure of how long its event loop was active and idle (performance.eventLoopUtilization). */
interface LoopUse {
  idle: number;
  active: number;
}
type LoopUtilization = (since?: LoopUse) => LoopUse;

export class ResponsivenessWatch {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last = 0;
  private lastHost = 0;
  private intervalStart = 0;
  private intervalHost = 0;
  private intervalLoop: LoopUse = { idle: 0, active: 0 };
  private readonly loopUse: LoopUtilization;
  private overInARow = 0;
  private readonly report: ResponsivenessReport = { longestBlockMs: 0, busyShares: [], warnings: 0 };

  constructor(
    private readonly session: HostSession,
    private readonly limits: ResponsivenessLimits,
  ) {
    const loopUse = (performance as { eventLoopUtilization?: LoopUtilization }).eventLoopUtilization;
    if (!loopUse) throw new Error('Watching responsiveness needs Node (performance.eventLoopUtilization).');
    this.loopUse = loopUse.bind(performance);
  }

  start(): void {
    this.session.watched = true;
    this.last = performance.now();
    this.lastHost = this.session.hostBusyMs;
    this.startInterval(this.last);
    this.schedule();
  }

  private startInterval(now: number): void {
    this.intervalStart = now;
    this.intervalHost = this.session.hostBusyMs;
    this.intervalLoop = this.loopUse();
  }

  stop(): ResponsivenessReport {
    this.session.watched = false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    return { ...this.report, busyShares: [...this.report.busyShares] };
  }

  private schedule(): void {
    this.timer = setTimeout(() => this.tick(), TICK_MS);
    // In Node, a watch left running does not keep the process alive.
    (this.timer as { unref?: () => void }).unref?.();
  }

  private tick(): void {
    const now = performance.now();
    const host = this.session.hostBusyMs;
    const late = now - this.last - TICK_MS - (host - this.lastHost);
    const held = late < JITTER_MS ? 0 : late;
    this.last = now;
    this.lastHost = host;
    this.report.longestBlockMs = Math.max(this.report.longestBlockMs, held);
    if (now - this.intervalStart >= this.limits.intervalMs) {
      const use = this.loopUse(this.intervalLoop);
      const share = Math.max(0, use.active - (host - this.intervalHost)) / (use.active + use.idle);
      this.report.busyShares.push(share);
      this.overInARow = share > this.limits.busyShare ? this.overInARow + 1 : 0;
      if (this.overInARow === this.limits.intervals) {
        this.report.warnings++;
        this.overInARow = 0;
      }
      this.startInterval(now);
    }
    this.schedule();
  }
}
