/**
 * The partnership in the results: one line per anchor institution (its spend and the shares of it
 * that are local, in the wider area and leakage), or why there are none; and LM3, computed from
 * the Re-spend survey sheet, or what it needs.
 */
import { Body1, Body1Strong, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Anchor, Lm3 } from '../core';
import { formatPounds, formatShare } from './format';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { margin: 0, paddingLeft: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column' },
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface PartnershipResultsProps {
  anchors: readonly Anchor[] | null;
  noAnchors?: string;
  lm3: Lm3;
  areaNames: { local: string; wider: string };
  surveySheet: string;
  disabled: boolean;
  onShowSurvey: () => void;
}

export function PartnershipResults({ anchors, noAnchors, lm3, areaNames, surveySheet, disabled, onShowSurvey }: PartnershipResultsProps) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.group}>
        <Body1Strong as="h3">The partnership</Body1Strong>
        {anchors ? (
          <>
            <Text size={200} className={styles.muted}>
              Each anchor institution&rsquo;s spend, and the shares of it that are local, in the wider area (including local) and leakage. The Baseline sheet has every headline figure for each.
            </Text>
            <ul className={styles.list} aria-label="Anchor institutions">
              {anchors.map(({ name, summary }) => (
                <li key={name} className={styles.item} data-anchor={name}>
                  <Body1>{name}</Body1>
                  <Text size={200} className={styles.muted}>
                    {formatPounds(summary.totals.spend)} · {formatShare(summary.shares?.local ?? null)} local · {formatShare(summary.shares?.widerIncludingLocal ?? null)} in {areaNames.wider} ·{' '}
                    {formatShare(summary.shares?.leakage ?? null)} leakage
                  </Text>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <Text size={200}>{noAnchors} Choose the Institution column in step 2 and analyse again.</Text>
        )}
      </div>

      <div className={styles.group}>
        <Body1Strong as="h3">Local multiplier (LM3)</Body1Strong>
        {lm3.value === null ? (
          <Text size={200}>
            LM3 follows each £1 through a second round of spending: fill in, on the{' '}
            <Link as="button" disabled={disabled} onClick={onShowSurvey}>
              {surveySheet}
            </Link>{' '}
            sheet, how much of their own spending your largest local suppliers keep in {areaNames.local}, then analyse again.
          </Text>
        ) : (
          <Text size={200} data-lm3={lm3.value.toFixed(2)}>
            LM3 is {lm3.value.toFixed(2)}: each £1 spent is worth £{lm3.value.toFixed(2)} to {areaNames.local}&rsquo;s economy ({lm3.surveyed.length} of {lm3.localSuppliers} local suppliers surveyed,{' '}
            {formatShare(lm3.surveyedShare)} of local spend). The Baseline sheet shows every input.
          </Text>
        )}
      </div>
    </>
  );
}
