/**
 * Step 2: the local area and the wider area, picked from the geography pack's list and
 * remembered in the workbook. Without the pack, the areas saved in the workbook are used and
 * the pane says what is missing.
 */
import { Body1, Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import type { AreasResult, AreaSelection } from '../core/areas';
import { AreaPicker } from './AreaPicker';
import { Notice } from './Notice';
import { Step } from './Step';
import type { Geography } from './use-geography';

const useStyles = makeStyles({
  choices: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
  note: { color: tokens.colorNeutralForeground2 },
});

export interface AreasStepProps {
  geography: Geography;
  queries: { local: string; wider: string };
  resolution: AreasResult | undefined;
  savedAreas: { local: AreaSelection; wider: AreaSelection } | undefined;
  disabled: boolean;
  onCommit: (which: 'local' | 'wider', text: string) => void;
}

function districts(n: number): string {
  return `${n} ${n === 1 ? 'district' : 'districts'}`;
}

export function AreasStep({ geography, queries, resolution, savedAreas, disabled, onCommit }: AreasStepProps) {
  const styles = useStyles();
  const intro = (
    <Body1>
      The <strong>local area</strong> is the place you want spend to stay in, such as a city or borough. The <strong>wider area</strong> is the
      county or sub-region around it; it always includes the local area.
    </Body1>
  );

  if (geography.status === 'failed') {
    return (
      <Step number={2} title="Your areas">
        {intro}
        <Notice
          intent="warning"
          title="The list of areas could not be loaded"
          message={
            `${
              savedAreas
                ? `The add-in's postcode data did not load. The areas saved in this workbook are used — local: ${savedAreas.local.name}; wider: ${savedAreas.wider.name} — but without the postcode data most suppliers will show as unknown.`
                : "The add-in's postcode data did not load, and this workbook has no saved areas, so it cannot be analysed yet."
            } Close the pane and open it again to retry; if this keeps happening, ask your IT team to check that the add-in's geo folder was published. (For IT: ${geography.message})`
          }
        />
      </Step>
    );
  }

  const options = geography.status === 'ready' ? geography.options : [];
  const failed = resolution && !resolution.ok ? resolution : undefined;
  const validation = (which: 'local' | 'wider') => (failed?.field === which ? { state: 'error' as const, message: failed.message } : undefined);

  return (
    <Step number={2} title="Your areas">
      {intro}
      {geography.status === 'loading' ? <Spinner size="tiny" labelPosition="after" label="Loading the list of areas…" /> : null}
      <AreaPicker
        label="Local area"
        hint="A district, or several separated by commas."
        value={queries.local}
        options={options}
        disabled={disabled || geography.status !== 'ready'}
        validation={validation('local')}
        onCommit={(text) => onCommit('local', text)}
      />
      <AreaPicker
        label="Wider area"
        hint="A county, combined authority, region or list of districts. Leave blank to use the local area."
        value={queries.wider}
        options={options}
        disabled={disabled || geography.status !== 'ready'}
        validation={validation('wider')}
        onCommit={(text) => onCommit('wider', text)}
      />
      {failed && failed.choices.length > 0 ? (
        <div className={styles.choices} role="group" aria-label={`Choose the ${failed.field} area`}>
          {failed.choices.slice(0, 8).map((choice) => (
            <Button key={choice.label} size="small" appearance="secondary" disabled={disabled} onClick={() => onCommit(failed.field, choice.label)}>
              {choice.label}
            </Button>
          ))}
        </div>
      ) : null}
      {resolution?.ok ? (
        <>
          <Text size={200} className={styles.note} role="status">
            Local: {resolution.areas.local.name} ({districts(resolution.areas.local.districts.length)}). Wider: {resolution.areas.wider.name} (
            {districts(resolution.areas.wider.districts.length)}).
          </Text>
          {resolution.messages.map((message) => (
            <Text key={message} size={200} className={styles.note}>
              {message}
            </Text>
          ))}
        </>
      ) : null}
    </Step>
  );
}
