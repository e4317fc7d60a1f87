/**
 * Step 4: Analyse, with what is still needed before it can run, a progress bar with the rows
 * done and a Cancel button while it runs, and how it ended.
 */
import { Body1, Button, Field, makeStyles, ProgressBar, Text, tokens } from '@fluentui/react-components';
import type { Areas } from '../core/areas';
import type { Field as SpendField } from '../core/mapping';
import type { AnalyseProgress, WorkbookOverview } from '../excel/api';
import { REQUIRED_LABELS } from './field-labels';
import { formatWhen } from './format';
import { Notice } from './Notice';
import { progressView } from './progress-text';
import { Step } from './Step';
import type { Geography } from './use-geography';

export type RunState =
  | { status: 'idle' }
  | { status: 'running'; controller: AbortController; progress?: AnalyseProgress }
  | { status: 'done' }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string };

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  needs: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface AnalyseStepProps {
  overview: WorkbookOverview;
  mapping: Partial<Record<SpendField, string>>;
  areas: Areas | undefined;
  geography: Geography;
  run: RunState;
  disabled: boolean;
  onAnalyse: () => void;
  onCancel: () => void;
}

/** What must be done before Analyse can run, in the user's words. */
function stillNeeded(overview: WorkbookOverview, mapping: Partial<Record<SpendField, string>>, areas: Areas | undefined, geography: Geography): string[] {
  const needs: string[] = [];
  if (overview.host.readOnly) needs.push('Open a copy of the workbook you can edit.');
  if (!overview.data) return [...needs, 'Select a cell in your spend data and choose "Find the data again".'];
  for (const [field, words] of Object.entries(REQUIRED_LABELS)) {
    if (!mapping[field as SpendField]) needs.push(`Choose the column with ${words} (step 1).`);
  }
  if (geography.status === 'loading') needs.push('Wait for the list of areas to load.');
  else if (!areas) needs.push('Choose your local area (step 2).');
  return needs;
}

export function AnalyseStep({ overview, mapping, areas, geography, run, disabled, onAnalyse, onCancel }: AnalyseStepProps) {
  const styles = useStyles();
  const needs = stillNeeded(overview, mapping, areas, geography);
  const last = overview.state.history.last;
  const running = run.status === 'running';
  const view = running && run.progress ? progressView(run.progress) : undefined;

  return (
    <Step number={4} title="Analyse">
      {needs.length > 0 && !running ? (
        <>
          <Body1>Before you can analyse:</Body1>
          <ul className={styles.needs}>
            {needs.map((need) => (
              <li key={need}>
                <Body1>{need}</Body1>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <Body1>
          Result columns are added to the right of your data, and the summary sheets are created or refreshed. Nothing you typed in the workbook is
          changed.
        </Body1>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={disabled || running || needs.length > 0} onClick={onAnalyse}>
          {last || run.status === 'done' ? 'Analyse again' : 'Analyse'}
        </Button>
        {running ? (
          <Button disabled={view ? !view.cancellable : false} onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
      {running ? (
        <Field label="Progress" validationState="none" validationMessage={view?.text ?? 'Starting…'}>
          <ProgressBar value={view?.fraction} max={1} thickness="large" aria-valuetext={view?.text ?? 'Starting'} />
        </Field>
      ) : null}
      {run.status === 'cancelled' ? <Notice intent="info" message="Analysis cancelled. Nothing in the workbook was changed." /> : null}
      {run.status === 'failed' ? <Notice intent="error" title="The analysis did not finish" message={run.message} /> : null}
      {run.status !== 'running' && last ? (
        <Text size={200} className={styles.muted}>
          Last analysed {formatWhen(last.at)}.
        </Text>
      ) : null}
    </Step>
  );
}
