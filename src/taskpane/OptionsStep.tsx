/**
 * Step 3, options (loaded when first opened): online postcode lookup, stating exactly what is
 * sent and to whom; the partial-postcode threshold; a creditor master file for suppliers'
 * postcodes; Companies House and the charity register, when the deployment has them; an earlier
 * workbook to compare with; the Rules sheet; and "Check this Excel".
 */
import { useId, useRef, useState, type RefObject } from 'react';
import {
  Body1,
  Button,
  Field,
  makeStyles,
  SpinButton,
  Body1Strong,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { EarlierWorkbook } from '../core';
import type { DiagnosticCheck, WorkbookService } from '../excel/api';
import { ConfirmDialog } from './ConfirmDialog';
import { readCreditorFile } from './creditor-file';
import { readEarlierFile } from './earlier-file';
import { formatCount } from './format';
import { Notice } from './Notice';
import { plainError } from './plain-error';
import type { RegistersState } from './use-registers';

const useStyles = makeStyles({
  options: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
  checks: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  spin: { width: '7em' },
});

export interface OptionsStepProps {
  service: WorkbookService;
  online: boolean;
  threshold: number;
  disabled: boolean;
  defaultRulesCsv: string;
  registers: RegistersState;
  registersOn: boolean;
  onRegistersChange: (on: boolean) => void;
  onOnlineChange: (online: boolean) => void;
  onThresholdChange: (threshold: number) => void;
  /** The earlier workbook chosen to compare with, if any. */
  earlier?: EarlierWorkbook;
  onEarlierChange: (earlier: EarlierWorkbook | undefined) => void;
}

type Outcome = { intent: 'success' | 'error' | 'info'; message: string } | undefined;

const MIN_PERCENT = 51;
const MAX_PERCENT = 100;

/** A file input the user never sees (a button opens it): the file chosen is handed on, and the input cleared so that the same file can be chosen again. */
function HiddenFileInput({ inputRef, name, accept, onFile }: { inputRef: RefObject<HTMLInputElement | null>; name: string; accept: string; onFile: (file: File) => void }) {
  return (
    <input
      ref={inputRef}
      type="file"
      accept={accept}
      hidden
      aria-hidden="true"
      tabIndex={-1}
      data-file={name}
      onChange={(event) => {
        const file = event.target.files?.[0];
        event.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
}

export default function OptionsStep({
  service,
  online,
  threshold,
  disabled,
  defaultRulesCsv,
  registers,
  registersOn,
  onRegistersChange,
  onOnlineChange,
  onThresholdChange,
  earlier,
  onEarlierChange,
}: OptionsStepProps) {
  const styles = useStyles();
  const onlineHelpId = useId();
  const registersHelpId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const earlierInput = useRef<HTMLInputElement>(null);
  const [working, setWorking] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<{ about: string; outcome: Outcome }>({ about: '', outcome: undefined });
  const [checks, setChecks] = useState<DiagnosticCheck[] | undefined>();
  const [percentText, setPercentText] = useState<string | undefined>();
  const locked = disabled || working !== undefined;
  const percent = Math.round(threshold * 100);

  const act = async (about: string, doing: string, action: () => Promise<Outcome>) => {
    setWorking(about);
    setOutcome({ about, outcome: undefined });
    try {
      setOutcome({ about, outcome: await action() });
    } catch (error) {
      setOutcome({ about, outcome: { intent: 'error', message: plainError(error, doing) } });
    } finally {
      setWorking(undefined);
    }
  };
  const outcomeFor = (about: string) => {
    const shown = outcome.about === about ? outcome.outcome : undefined;
    return shown ? <Notice intent={shown.intent} message={shown.message} onDismiss={() => setOutcome({ about: '', outcome: undefined })} /> : null;
  };

  const setPercent = (value: number | null | undefined) => {
    if (value === null || value === undefined || !Number.isFinite(value)) return;
    const clamped = Math.min(MAX_PERCENT, Math.max(MIN_PERCENT, Math.round(value)));
    setPercentText(undefined);
    if (clamped !== percent) onThresholdChange(clamped / 100);
  };

  const importFile = (file: File) =>
    act('creditors', 'import the creditor file', async () => {
      const read = await readCreditorFile(new Uint8Array(await file.arrayBuffer()), file.name);
      if (!read.ok) return { intent: 'error', message: read.message };
      const { matched, filled } = await service.importCreditors(read.records);
      return {
        intent: 'success',
        message: `${file.name}: ${formatCount(read.records.length)} suppliers read, ${formatCount(matched)} found on the Suppliers sheet, ${formatCount(filled)} blank ${filled === 1 ? 'postcode' : 'postcodes'} filled. Analyse again to use them.`,
      };
    });

  const chooseEarlier = (file: File) =>
    act('earlier', 'read the earlier workbook', async () => {
      const read = await readEarlierFile(new Uint8Array(await file.arrayBuffer()), file.name);
      if (!read.ok) return { intent: 'error', message: read.message };
      onEarlierChange(read.earlier);
      const { data, why } = read.earlier;
      return data
        ? { intent: 'success', message: `${file.name}: ${formatCount(data.rows.length)} payments, to be classified again with this workbook's areas and rules when you analyse.` }
        : { intent: 'info', message: `${file.name}: its payments cannot be read again (${why}), so the figures it stored will be compared when you analyse.` };
    });

  return (
    <div className={styles.options}>
      <div className={styles.group}>
        <Body1Strong as="h3">Online postcode lookup</Body1Strong>
        <Switch
          checked={online}
          disabled={locked}
          label="Look up postcodes online"
          aria-describedby={onlineHelpId}
          onChange={(_, data) => onOnlineChange(data.checked)}
        />
        <Text id={onlineHelpId} size={200} className={styles.muted}>
          Off unless you turn it on; while off, nothing leaves this workbook. When on, full postcodes that the add-in&rsquo;s own postcode data does not know (new postcodes, for example) are sent to postcodes.io
          (api.postcodes.io), a free public postcode service. Only the postcodes are sent: no supplier names, amounts or other data from your sheet.
          The answers are kept in this workbook, so the next run needs no connection.
        </Text>
      </div>

      <div className={styles.group}>
        <Body1Strong as="h3">Part postcodes</Body1Strong>
        <Field
          label="Share that must agree"
          hint={`A supplier with only part of a postcode (such as PR3 2) is placed in an area only when at least this share of the postcodes starting that way are in it. Default 95%.`}
        >
          <SpinButton
            className={styles.spin}
            disabled={locked}
            min={MIN_PERCENT}
            max={MAX_PERCENT}
            value={percent}
            displayValue={percentText ?? `${percent}%`}
            onChange={(_, data) => {
              if (data.value !== undefined) setPercent(data.value);
              else if (data.displayValue !== undefined) setPercent(parseFloat(data.displayValue));
            }}
            onInput={(event) => setPercentText((event.target as HTMLInputElement).value)}
          />
        </Field>
      </div>

      <div className={styles.group}>
        <Body1Strong as="h3">Creditor file</Body1Strong>
        <Body1>
          If your spend sheet has no postcodes, import the supplier list from your finance system (CSV or Excel, with supplier names and postcodes or
          addresses). Blank postcodes on the Suppliers sheet are filled from it; nothing you typed there is replaced.
        </Body1>
        <HiddenFileInput inputRef={fileInput} name="creditors" accept=".csv,.txt,.xlsx,.xlsm,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onFile={importFile} />
        <div className={styles.actions}>
          <Button disabled={locked} onClick={() => fileInput.current?.click()}>
            {working === 'creditors' ? 'Importing…' : 'Import a creditor file…'}
          </Button>
        </div>
        {outcomeFor('creditors')}
      </div>

      {registers.status === 'absent' ? null : (
        <div className={styles.group}>
          <Body1Strong as="h3">Companies House and the charity register</Body1Strong>
          {registers.status === 'failed' ? <Notice intent="error" message={registers.message} /> : null}
          <Switch
            checked={registers.status === 'ready' && registersOn}
            disabled={locked || registers.status !== 'ready'}
            label={registers.status === 'loading' ? 'Look suppliers up in the registers (loading…)' : 'Look suppliers up in the registers'}
            aria-describedby={registersHelpId}
            onChange={(_, data) => onRegistersChange(data.checked)}
          />
          <Text id={registersHelpId} size={200} className={styles.muted}>
            A supplier with no postcode on the sheet, the Suppliers sheet or a creditor file is placed by the registered office of the one company
            or charity whose name (or number) matches exactly; names several organisations share are listed on the Suppliers sheet for you to
            choose. A registered office is weaker evidence than a supplier&rsquo;s own address, so it is counted apart on the Method sheet. The
            registers are files on your organisation&rsquo;s own web server: no supplier name leaves it.
            {registers.status === 'ready' ? ` ${registers.releases.join('; ')}.` : ''}
          </Text>
        </div>
      )}

      <div className={styles.group}>
        <Body1Strong as="h3">Compare with an earlier workbook</Body1Strong>
        <Body1>
          To measure progress, choose the workbook an earlier analysis wrote (last year&rsquo;s baseline, say). Its payments are classified again with
          this workbook&rsquo;s areas, rules and Suppliers sheet, so the change shown is a change of spending, not of method; the Baseline sheet shows
          it, with the earlier workbook&rsquo;s own figures beside when its method differed. The file is read here, in the pane.
        </Body1>
        <HiddenFileInput inputRef={earlierInput} name="earlier" accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onFile={chooseEarlier} />
        <div className={styles.actions}>
          <Button disabled={locked} onClick={() => earlierInput.current?.click()}>
            {working === 'earlier' ? 'Reading…' : earlier ? 'Choose another earlier workbook…' : 'Choose an earlier workbook…'}
          </Button>
          {earlier ? (
            <Button
              disabled={locked}
              onClick={() => {
                onEarlierChange(undefined);
                setOutcome({ about: '', outcome: undefined });
              }}
            >
              Stop comparing with {earlier.name}
            </Button>
          ) : null}
        </div>
        {outcomeFor('earlier')}
      </div>

      <div className={styles.group}>
        <Body1Strong as="h3">Rules</Body1Strong>
        <Body1>
          The Rules sheet decides which spend could be redirected to local suppliers (influenceable). Edit it if your organisation judges this
          differently, then analyse again.
        </Body1>
        <div className={styles.actions}>
          <Button disabled={locked} onClick={() => act('rules', 'open the Rules sheet', async () => (await service.showSheet('rules'), undefined))}>
            Open the Rules sheet
          </Button>
          <ConfirmDialog
            trigger="Reset rules to defaults…"
            title="Reset the rules?"
            keep="Keep my rules"
            confirm="Reset rules"
            disabled={locked}
            onConfirm={() =>
              act('rules', 'reset the rules', async () => {
                await service.resetRules(defaultRulesCsv);
                return { intent: 'success', message: 'The Rules sheet now holds the default rules. Analyse again to use them.' };
              })
            }
          >
            The Rules sheet will be replaced by the default rules. Any rule you added or changed there will be lost.
          </ConfirmDialog>
        </div>
        {outcomeFor('rules')}
      </div>

      <div className={styles.group}>
        <Body1Strong as="h3">Check this Excel</Body1Strong>
        <Body1>Tries what the add-in needs on a scratch sheet (deleted afterwards) and reports what this version of Excel supports.</Body1>
        <div className={styles.actions}>
          <Button
            disabled={locked}
            onClick={() =>
              act('check', 'check this Excel', async () => {
                const results = await service.checkHost();
                setChecks(results);
                const failed = results.filter((c) => !c.ok).length;
                return failed === 0 ? { intent: 'success', message: 'Everything the add-in needs works here.' } : { intent: 'error', message: `${failed} of ${results.length} checks failed: see below.` };
              })
            }
          >
            {working === 'check' ? 'Checking…' : 'Check this Excel'}
          </Button>
        </div>
        {outcomeFor('check')}
        {checks ? (
          <ul className={styles.checks} aria-label="Results of the check">
            {checks.map((check) => (
              <li key={check.name}>
                <Text size={200}>
                  <strong>{check.ok ? 'OK' : 'Failed'}:</strong> {check.name}. {check.detail}
                </Text>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
