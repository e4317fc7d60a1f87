/**
 * The settings the pane saves in the workbook (SPEC.md, "Workbook state"): what the user confirmed
 * on screen, laid over what the workbook already remembered, so nothing the pane does not show
 * (e.g. the number of top suppliers) is lost.
 */
import type { Areas } from '../core/areas';
import type { Field } from '../core/mapping';
import type { Settings } from '../core/settings';

export interface PaneChoices {
  /** The data's sheet, remembered with the mapping. */
  sheet?: string;
  mapping: Partial<Record<Field, string>>;
  /** What the user typed or picked, and what it resolved to; undefined until both resolve. */
  areas?: { queries: { local: string; wider: string }; resolved: Areas };
  threshold: number;
  online: boolean;
}

export function settingsFromChoices(saved: Settings, choices: PaneChoices, now: Date): Settings {
  const onlineChanged = saved.online.allowed !== choices.online;
  return {
    ...saved,
    mapping: { ...(choices.sheet ? { sheet: choices.sheet } : {}), fields: { ...choices.mapping } },
    areas: choices.areas
      ? {
          local: { query: choices.areas.queries.local, ...choices.areas.resolved.local },
          wider: { query: choices.areas.queries.wider, ...choices.areas.resolved.wider },
        }
      : saved.areas,
    threshold: choices.threshold,
    // When the user decided is kept for the record: consent has a date.
    online: onlineChanged ? { allowed: choices.online, decidedAt: now.toISOString() } : saved.online,
  };
}
