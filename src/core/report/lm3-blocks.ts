/**
 * LM3 on the Baseline sheet, computed (lm3.ts) and shown with every input: R1 and R2 as formulas
 * over the analysis table (with the survey sheet's staff figures), each part of R3, the surveyed
 * share of R2, and the survey answers used.
 */
import { localityLabel, type AreaNames } from '../labels';
import type { Lm3 } from '../lm3';
import { longText, money, pct, text, type Block } from './blocks';
import { ANALYSIS_COLUMN, type OutCell } from './columns';
import type { AnalysisRefs } from './formulas';

const NOT_GIVEN = 'not given (optional)';

export function lm3Blocks(lm3: Lm3, refs: AnalysisRefs, names: AreaNames, surveySheet: string): Block[] {
  const local = [ANALYSIS_COLUMN.locality, localityLabel('local', names)] as [number, string];
  const pending = `needs answers on the ${surveySheet} sheet`;
  const amount = (value: number | null | undefined): OutCell => (value === null || value === undefined ? null : value);
  const staff = lm3.staff;
  const staffNote =
    staff === undefined
      ? NOT_GIVEN
      : staff.from === 'staff survey'
        ? `at ${percent(staff.share)}, from the staff survey`
        : staff.from === 'suppliers'
          ? `at the surveyed suppliers' average, ${percent(staff.share)} (no staff survey share given)`
          : pending;
  const rows: OutCell[][] = [
    ['R1: total spend (net of credits)', { formula: refs.sum([]), value: lm3.totalSpend }, null, ''],
    ['R1: payroll, all staff', amount(lm3.payroll), null, lm3.payroll === undefined ? NOT_GIVEN : `from the ${surveySheet} sheet`],
    ['R1', lm3.r1, null, 'the income followed: spend, and payroll when given'],
    [`R2: spend with suppliers in ${names.local}`, { formula: refs.sum([local]), value: lm3.localSupplierSpend }, null, `${lm3.localSuppliers} local suppliers`],
    [`R2: wages paid to staff living in ${names.local}`, amount(lm3.localWages), null, lm3.localWages === undefined ? NOT_GIVEN : `from the ${surveySheet} sheet`],
    ['R2', lm3.r2, null, `spent in ${names.local}`],
    [
      'R3: re-spent locally by the suppliers surveyed',
      lm3.surveyed.length > 0 ? lm3.surveyedRespend : null,
      lm3.meanShare,
      lm3.surveyed.length > 0 ? `${lm3.surveyed.length} of ${lm3.localSuppliers} local suppliers answered; the share is their average, weighted by spend` : pending,
    ],
    ['R3: re-spent locally by local suppliers not surveyed', amount(lm3.unsurveyedRespend), lm3.meanShare, lm3.meanShare === null ? pending : `${money2(lm3.unsurveyedSpend)} of R2 at the surveyed average share`],
    ['R3: re-spent locally by staff living locally', amount(staff?.respend), staff?.share ?? null, staffNote],
    ['R3', amount(lm3.r3), null, lm3.r3 === null ? pending : `re-spent in ${names.local}`],
    ['Surveyed share of R2', null, lm3.surveyedShare, 'the part of R2 whose re-spending was surveyed rather than estimated'],
    ['LM3 = (R1 + R2 + R3) / R1', amount(lm3.value), null, lm3.value === null ? pending : `each £1 spent is worth ${money2(lm3.value)} to ${names.local}'s economy`],
  ];
  const blocks: Block[] = [
    {
      id: 'lm3',
      title: 'LM3 (Local Multiplier 3, New Economics Foundation)',
      note: `R1 is the income followed, R2 the part spent in ${names.local}, R3 what local suppliers and staff re-spend there (from the ${surveySheet} sheet). LM3 = (R1 + R2 + R3) / R1.`,
      columns: [text('Round', 50), money('Amount (£)', 18), pct('Share'), longText('How it is made')],
      rows,
    },
  ];
  if (lm3.surveyed.length > 0) {
    blocks.push({
      id: 'lm3_answers',
      title: 'LM3: the survey answers used',
      columns: [text('Supplier', 50), money('Spend in R2 (£)', 18), pct('Local share'), money('Re-spent locally (£)', 18)],
      rows: lm3.surveyed.map((supplier) => [
        supplier.name,
        { formula: refs.sum([[ANALYSIS_COLUMN.key, supplier.key], local]), value: supplier.spend },
        supplier.share,
        supplier.respend,
      ]),
    });
  }
  return blocks;
}

function percent(share: number | null): string {
  return share === null ? 'n/a' : `${(share * 100).toFixed(1)}%`;
}

function money2(value: number): string {
  return `£${value.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
