/**
 * The analysis progress as one bar over the whole run, with words for the phase it is in. Each
 * phase owns a slice of the bar, sized by how long it usually takes beside the others.
 */
import type { AnalysePhase, AnalyseProgress } from '../excel/api';
import { formatCount } from './format';

/** `rows`: the phase counts rows, which are worth showing; the others count steps of their own. */
const PHASES: readonly { phase: AnalysePhase; weight: number; words: string; rows: boolean }[] = [
  { phase: 'checking', weight: 0.02, words: 'Checking the sheet', rows: false },
  { phase: 'reading', weight: 0.23, words: 'Reading rows', rows: true },
  { phase: 'preparing', weight: 0.03, words: 'Preparing rows', rows: false },
  { phase: 'registers', weight: 0.04, words: 'Looking suppliers up in the registers', rows: false },
  { phase: 'geography', weight: 0.05, words: 'Loading postcode data', rows: false },
  { phase: 'online', weight: 0.08, words: 'Looking up postcodes online', rows: false },
  { phase: 'classifying', weight: 0.3, words: 'Classifying rows', rows: true },
  { phase: 'comparing', weight: 0.05, words: 'Classifying the earlier workbook’s rows', rows: true },
  { phase: 'writing', weight: 0.2, words: 'Writing results', rows: true },
];

export interface ProgressView {
  /** 0–1 over the whole analysis. */
  fraction: number;
  /** e.g. "Reading rows: 1,200 of 3,400". */
  text: string;
  /** Whether Cancel still has an effect (the write phase runs to the end). */
  cancellable: boolean;
}

export function progressView(progress: AnalyseProgress): ProgressView {
  const at = PHASES.findIndex((p) => p.phase === progress.phase);
  const before = PHASES.slice(0, at).reduce((sum, p) => sum + p.weight, 0);
  const { weight, words, rows } = PHASES[at];
  const within = progress.total > 0 ? Math.min(1, Math.max(0, progress.done / progress.total)) : 0;
  const counted = rows && progress.total > 0 ? `${words}: ${formatCount(progress.done)} of ${formatCount(progress.total)}` : `${words}…`;
  const writing = progress.phase === 'writing';
  return {
    fraction: before + weight * within,
    text: writing ? `${counted} (this last step cannot be cancelled)` : counted,
    cancellable: !writing,
  };
}
