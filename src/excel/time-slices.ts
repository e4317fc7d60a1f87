/**
 * Long work done in slices that leave Excel and the task pane room. "Resource limits and
 * performance optimization for Office Add-ins" (learn.microsoft.com): Office restarts an add-in
 * that has not yielded for five seconds ("they don't regularly yield processing while performing
 * long-running tasks"), and asks the user whether to go on with one that keeps 90% of a core
 * through three five-second intervals. So each slice works for about SLICE_MS, in steps sized to
 * fit it, and is followed by IDLE_MS with the thread left alone: a third of the time idle, so
 * that slices overrunning or timers firing late still leave the add-in well under 90%.
 */
import { throwIfCancelled } from './grid-read';

const SLICE_MS = 30;
const IDLE_MS = 15;
/** Steps are sized to take about this long, so a slice does not overrun much. */
const STEP_MS = SLICE_MS / 4;
const FIRST_STEP = 64;

const idle = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Calls `step(count)`, which does about `count` units of work and says whether all is done, in
 * slices; `afterSlice` hears each slice end (to show progress). Rejects with AnalysisCancelled
 * when `signal` aborts between slices.
 */
export async function inSlices(step: (count: number) => boolean, options: { signal?: AbortSignal; afterSlice?: () => void } = {}): Promise<void> {
  let count = FIRST_STEP;
  for (;;) {
    const sliceStart = performance.now();
    let finished = false;
    let took = 0;
    // A step is begun only if one as long as the last still fits the slice.
    while (!finished && performance.now() - sliceStart + took <= SLICE_MS) {
      const stepStart = performance.now();
      finished = step(count);
      took = performance.now() - stepStart;
      count = Math.max(1, Math.round(count * Math.min(2, Math.max(0.25, STEP_MS / Math.max(took, 0.01)))));
    }
    options.afterSlice?.();
    if (finished) return;
    await idle(IDLE_MS);
    throwIfCancelled(options.signal);
  }
}
