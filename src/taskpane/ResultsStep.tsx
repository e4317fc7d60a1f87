/**
 * Step 5, the results (loaded after the first analysis): the headline as the summary sheet has
 * it, a chart of where the money went, each anchor of a partnership and LM3, links to the summary
 * sheets, the suppliers most worth checking, progress since an earlier workbook when one was
 * chosen, what changed since the last run, and a copy to publish.
 */
import { useEffect, useRef, useState } from 'react';
import { Body1, Body1Strong, Button, Link, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { countOf } from '../core';
import type { SheetRole } from '../core/settings';
import type { AnalyseResult, WorkbookService } from '../excel/api';
import { changesSinceLastRun } from './changes';
import { formatCount, formatPounds, formatShare, formatWhen } from './format';
import { chartSegments, headlineLines } from './headline';
import { HeadlineChart } from './HeadlineChart';
import { Notice } from './Notice';
import { PartnershipResults } from './PartnershipResults';
import { PublishCopy } from './PublishCopy';
import { plainError } from './plain-error';
import { progressView } from './progress-view';
import { Step } from './Step';
import { unknownSpendAdvice } from './unknown-advice';

/** Enough to start with; the Top suppliers sheet has the rest. */
const SHOWN_TO_REVIEW = 10;
const SHOWN_WARNINGS = 5;

const SHEET_LINKS: readonly { role: SheetRole; what: string }[] = [
  { role: 'summary', what: 'headline, PivotTables and charts' },
  { role: 'top_suppliers', what: 'largest suppliers' },
  { role: 'opportunities', what: 'influenceable leakage by category' },
  { role: 'method', what: 'areas, rules and coverage' },
  { role: 'suppliers', what: 'one line per supplier, to correct' },
  { role: 'respend', what: "local suppliers' re-spending, for LM3" },
];

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  measure: { textAlign: 'left', fontWeight: tokens.fontWeightRegular, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalXXS} 0` },
  part: { paddingLeft: tokens.spacingHorizontalL },
  number: { textAlign: 'right', whiteSpace: 'nowrap', padding: `${tokens.spacingVerticalXXS} 0 ${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, fontVariantNumeric: 'tabular-nums' },
  head: { textAlign: 'right', fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  headLeft: { textAlign: 'left' },
  row: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  total: { fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bullets: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  muted: { color: tokens.colorNeutralForeground2 },
  item: { display: 'flex', flexDirection: 'column' },
});

export interface ResultsStepProps {
  result: AnalyseResult;
  service: WorkbookService;
  disabled: boolean;
  onProblem: (message: string) => void;
  /** Whether the deployment has the registers (for what to say when much spend is unknown). */
  registersDeployed: boolean;
  /** Whether online lookup was allowed for this run. */
  online: boolean;
}

/** A table's header row: the measure's column left, the figures' right. */
function TableHead({ columns }: { columns: string[] }) {
  const styles = useStyles();
  return (
    <thead>
      <tr>
        {columns.map((column, i) => (
          <th key={column} scope="col" className={i === 0 ? mergeClasses(styles.measure, styles.head, styles.headLeft) : mergeClasses(styles.number, styles.head)}>
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export default function ResultsStep({ result, service, disabled, onProblem, registersDeployed, online }: ResultsStepProps) {
  const styles = useStyles();
  const [allWarnings, setAllWarnings] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // New results are announced by taking the reader (and the keyboard) to them.
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
  }, [result]);
  const { summary, areas } = result;
  const names = { local: areas.local.name, wider: areas.wider.name };
  const lines = headlineLines(summary, names);
  const changes = changesSinceLastRun(result.previous, result.current, names);
  const progress = result.progress ? progressView(result.progress, names) : undefined;
  const toReview = result.toReview.slice(0, SHOWN_TO_REVIEW);
  const advice = unknownSpendAdvice(summary, { registers: result.registers ? 'used' : registersDeployed ? 'off' : 'absent', online });
  const matched = result.registers;

  const show = (action: () => Promise<void>, doing: string) => {
    action().catch((error) => onProblem(plainError(error, doing)));
  };

  return (
    <Step number={5} title="Results" headingRef={heading}>
      <Body1>
        {countOf(summary.totals.rows, 'payment')} to {countOf(summary.totals.suppliers, 'supplier')} analysed.
        {result.skippedRows > 0 ? ` ${formatCount(result.skippedRows)} ${result.skippedRows === 1 ? 'row was' : 'rows were'} skipped (totals, blank or unreadable amounts): the Method sheet lists them.` : ''}
      </Body1>
      {matched ? (
        <Text size={200} className={styles.muted} data-registers>
          {matched.releases.join('; ')}: {formatCount(matched.matched)} {matched.matched === 1 ? 'supplier' : 'suppliers'} matched by name or number,{' '}
          {formatCount(matched.placed)} placed by a registered office or charity address (counted apart on the Method sheet)
          {matched.ambiguous > 0 ? `; ${formatCount(matched.ambiguous)} matching several organisations: choose one in Register number on the Suppliers sheet` : ''}.
        </Text>
      ) : null}
      {summary.sharesNote ? <Notice intent="warning" message={summary.sharesNote} /> : null}
      {advice ? (
        <Notice
          intent="info"
          title={advice.title}
          message={
            <>
              To place more of it:
              <ul className={styles.bullets}>
                {advice.routes.map((route) => (
                  <li key={route}>{route}</li>
                ))}
              </ul>
            </>
          }
        />
      ) : null}

      <table className={styles.table}>
        <caption className={styles.caption}>Headline</caption>
        <TableHead columns={['Measure', 'Spend', 'Share']} />
        <tbody>
          {lines.map((line) => (
            <tr key={line.key} className={mergeClasses(styles.row, line.key === 'total' && styles.total)} data-headline={line.key}>
              <th scope="row" className={mergeClasses(styles.measure, line.part && styles.part, line.key === 'total' && styles.total)}>
                {line.measure}
              </th>
              <td className={styles.number}>{formatPounds(line.spend)}</td>
              <td className={styles.number}>{formatShare(line.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <Text size={200} className={styles.muted}>
        Leakage is spend with suppliers known to be outside the wider area. Its influenceable part is spend of a kind that could realistically go to
        local suppliers (works, cleaning, catering, care and so on), unlike levies, utilities or payments to other public bodies.
      </Text>

      <HeadlineChart segments={chartSegments(summary, names)} />

      <PartnershipResults
        anchors={result.anchors}
        noAnchors={result.noAnchors}
        lm3={result.lm3}
        areaNames={names}
        surveySheet={result.sheetNames.respend}
        disabled={disabled}
        onShowSurvey={() => show(() => service.showSheet('respend'), `show the ${result.sheetNames.respend} sheet`)}
      />

      <div className={styles.group}>
        <Body1Strong as="h3">Summary sheets</Body1Strong>
        <ul className={styles.list}>
          {SHEET_LINKS.map(({ role, what }) => (
            <li key={role} className={styles.item}>
              <Link as="button" disabled={disabled} onClick={() => show(() => service.showSheet(role), `show the ${result.sheetNames[role]} sheet`)}>
                {result.sheetNames[role]}
              </Link>
              <Text size={200} className={styles.muted}>
                {what}
              </Text>
            </li>
          ))}
        </ul>
      </div>

      <div className={styles.group}>
        <Body1Strong as="h3">Suppliers to check</Body1Strong>
        {toReview.length === 0 ? (
          <Body1>Every supplier has a known place and a verdict: nothing to check.</Body1>
        ) : (
          <>
            <Text size={200}>
              The largest suppliers whose place is unknown or whose spend needs your judgement. Open one to correct it on the Suppliers sheet: a
              postcode or override there applies to all of its payments.
            </Text>
            <ul className={styles.list}>
              {toReview.map((supplier) => (
                <li key={supplier.key} className={styles.item}>
                  <Link as="button" disabled={disabled} onClick={() => show(() => service.showSupplier(supplier.key), `show ${supplier.name} on the Suppliers sheet`)}>
                    {supplier.name}
                  </Link>
                  <Text size={200} className={styles.muted}>
                    {formatPounds(supplier.spend)} · {supplier.detail}
                  </Text>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>

      {progress ? (
        <div className={styles.group} data-progress>
          <Body1Strong as="h3">{progress.title}</Body1Strong>
          <Text size={200}>{progress.how}</Text>
          <table className={styles.table}>
            <caption className={styles.caption}>Then and now</caption>
            <TableHead columns={['Measure', 'Earlier', 'Now', 'Change']} />
            <tbody>
              {progress.lines.map((line) => (
                <tr key={line.measure} className={styles.row}>
                  <th scope="row" className={styles.measure}>
                    {line.measure}
                  </th>
                  <td className={styles.number}>{line.before}</td>
                  <td className={styles.number}>{line.after}</td>
                  <td className={styles.number}>{line.change}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {progress.methodChanges.length > 0 ? (
            <>
              <Text size={200}>Its own analysis differed (its stored figures are on the {result.sheetNames.summary} sheet beside these):</Text>
              <ul className={styles.bullets}>
                {progress.methodChanges.map((change) => (
                  <li key={change}>
                    <Text size={200}>{change}</Text>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {progress.movers.length > 0 ? (
            <>
              <Text size={200}>The suppliers that moved the figures most:</Text>
              <ul className={styles.bullets}>
                {progress.movers.map((mover) => (
                  <li key={mover}>
                    <Text size={200}>{mover}</Text>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}

      <div className={styles.group}>
        <Body1Strong as="h3">Since the last run</Body1Strong>
        {changes.previousAt === undefined ? (
          <Body1>This is the first analysis of this workbook. Next time, the changes will show here.</Body1>
        ) : changes.changes.length === 0 ? (
          <Body1>No change in the headline since the last run ({formatWhen(changes.previousAt)}).</Body1>
        ) : (
          <>
            <Text size={200}>Compared with the run of {formatWhen(changes.previousAt)}:</Text>
            <ul className={styles.bullets}>
              {changes.changes.map((change) => (
                <li key={change.measure}>
                  <Text size={200}>
                    <strong>{change.measure}</strong>: {change.before} → {change.after} ({change.change})
                  </Text>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>

      <PublishCopy service={service} disabled={disabled} onProblem={onProblem} />

      {result.warnings.length > 0 ? (
        <Notice
          intent="warning"
          title={`${result.warnings.length} ${result.warnings.length === 1 ? 'thing' : 'things'} to know`}
          message={
            <ul className={styles.bullets}>
              {(allWarnings ? result.warnings : result.warnings.slice(0, SHOWN_WARNINGS)).map((warning, i) => (
                <li key={i}>{warning}</li>
              ))}
              {result.warnings.length > SHOWN_WARNINGS && !allWarnings ? (
                <li>
                  <Button size="small" appearance="transparent" onClick={() => setAllWarnings(true)}>
                    Show all {result.warnings.length}
                  </Button>
                </li>
              ) : null}
            </ul>
          }
        />
      ) : null}
    </Step>
  );
}
