/**
 * A copy to publish, from the results: a new workbook of the summary sheets and the analysis data
 * (individuals redacted, small payments added up when asked), opened by Excel for the user to
 * save where they choose. Their own workbook is not changed.
 */
import { useId, useState } from 'react';
import { Body1Strong, Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { PublishedCopy, WorkbookService } from '../excel/api';
import { formatCount, formatCounted } from './format';
import { plainError } from './plain-error';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  amount: { maxWidth: '10em' },
});

export interface PublishCopyProps {
  service: WorkbookService;
  disabled: boolean;
  onProblem: (message: string) => void;
}

/** The minimum typed ("500", "£1,000"), or undefined when blank; NaN when it is not an amount above 0. */
function minimumOf(text: string): number | undefined {
  const cleaned = text.replace(/[£,\s]/g, '');
  if (cleaned === '') return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) && value > 0 ? value : NaN;
}

export function PublishCopy({ service, disabled, onProblem }: PublishCopyProps) {
  const styles = useStyles();
  const helpId = useId();
  const [minimumText, setMinimumText] = useState('');
  const [working, setWorking] = useState(false);
  const [done, setDone] = useState<{ copy: PublishedCopy; minimum?: number } | undefined>();
  const minimum = minimumOf(minimumText);
  const invalid = minimum !== undefined && Number.isNaN(minimum);

  const publish = () => {
    setWorking(true);
    setDone(undefined);
    service
      .publish({ minimum })
      .then((copy) => setDone({ copy, minimum }))
      .catch((error) => onProblem(plainError(error, 'open a copy to publish')))
      .finally(() => setWorking(false));
  };

  return (
    <div className={styles.group}>
      <Body1Strong as="h3">A copy to publish</Body1Strong>
      <Text id={helpId} size={200} className={styles.muted}>
        A new workbook for a partner or a committee paper: the summary sheets and the analysis data, every figure a value. It leaves out your data sheet, the Suppliers, Rules, Local register and
        Re-spend survey sheets and the add-in&rsquo;s hidden settings; payments to individuals show &ldquo;Individual (redacted)&rdquo;.
      </Text>
      <Field label="Add up payments under (£, optional)" validationState={invalid ? 'error' : 'none'} validationMessage={invalid ? 'An amount above 0, such as 500.' : undefined}>
        <Input className={styles.amount} inputMode="decimal" value={minimumText} disabled={disabled || working} onChange={(_, data) => setMinimumText(data.value)} />
      </Field>
      <Button appearance="secondary" disabled={disabled || working || invalid} aria-describedby={helpId} onClick={publish}>
        {working ? 'Making the copy…' : 'Open a copy to publish'}
      </Button>
      {done ? (
        <Text size={200} role="status">
          Opened as a new workbook: save it where you choose. {formatCounted(done.copy.redacted, 'payment')} to individuals redacted
          {done.minimum ? `; ${formatCounted(done.copy.aggregated.payments, 'payment')} under £${formatCount(done.minimum)} added up into ${formatCounted(done.copy.aggregated.lines, 'line')} by category` : ''}.
        </Text>
      ) : null}
    </div>
  );
}
