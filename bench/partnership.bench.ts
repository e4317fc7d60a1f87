/**
 * What the partnership's figures and the copy to publish cost, over 1,000,000 seeded payments of
 * six anchors, each against a floor measured in the same run:
 *
 * 1. Every anchor's own summary (AnchorSummaries: the partnership's arithmetic again, over each
 *    anchor's rows), against the partnership's summary of the same rows (the Summariser every
 *    analysis runs). Goal: ratio of times ≤ 1.5, about the cost of the partnership's summary again.
 * 2. The copy to publish's analysis sheet, planned (individuals redacted, payments under £500
 *    added up by category) and written as worksheet XML, against the annotated copy's analysis
 *    sheet written as worksheet XML. Goal: ratio of times ≤ 1.25.
 */
import { planPublication } from '../src/core/analysis/publication';
import type { TablePlan } from '../src/core/analysis/plan-types';
import { AnchorSummaries } from '../src/core/anchors';
import type { RowResult } from '../src/core/classify';
import { ANALYSIS_COLUMNS, analysisRow } from '../src/core/report/columns';
import type { SpendRow } from '../src/core/rows';
import { Summariser } from '../src/core/summary';
import { addStyles, EMPTY_STYLES } from '../src/workbook/styles';
import { EMPTY_WORKSHEET, patchWorksheet, worksheetText } from '../src/workbook/worksheet';
import { tableEdit, tableExtent } from '../src/workbook/write-plan';
import { seededRandom } from '../test/support/seeded-random';
import { bestTime, type Suite } from './harness';

const ROWS = 1_000_000;
const ANCHORS = ['Preston City Council', 'Lancashire County Council', 'University of Central Lancashire', "Preston's College", 'Community Gateway Association', 'Lancashire Constabulary'];
const LOCALITIES = ['local', 'wider', 'rest_of_uk', 'outside_uk', 'unknown'] as const;
const INFLUENCES = ['influenceable', 'not_influenceable', 'review'] as const;

/** Payments as classified: a few thousand distinct results shared by many rows, as in real files. */
function seededPayments(): { rows: SpendRow[]; results: RowResult[] } {
  const random = seededRandom(20240401);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const distinct: RowResult[] = Array.from({ length: 5000 }, (_, id) => ({
    id,
    locality: pick(LOCALITIES),
    districtLabel: `District ${id % 40}`,
    basis: 'Full postcode',
    coverage: 'exact_postcode',
    influence: pick(INFLUENCES),
    reason: `Kind ${id % 30}`,
    supplierType: random() < 0.05 ? 'individual' : 'company',
    supplierKey: `SUPPLIER ${id % 2000}`,
    coop: false,
  }));
  const rows: SpendRow[] = [];
  const results: RowResult[] = [];
  for (let i = 0; i < ROWS; i++) {
    const result = pick(distinct);
    results.push(result);
    rows.push({ row: i + 2, supplier: result.supplierKey, amount: Math.round(Math.exp(random() * 10) * 100) / 100, institution: pick(ANCHORS), category: `Category ${result.id % 50}` });
  }
  return { rows, results };
}

export const suite: Suite = {
  name: 'The partnership and the copy to publish',
  async run() {
    const { rows, results } = seededPayments();
    const summaryMs = await bestTime(() => {
      const summariser = new Summariser();
      for (let i = 0; i < ROWS; i++) summariser.add(rows[i], results[i]);
      return summariser.result(300);
    });
    const anchorsMs = await bestTime(() => {
      const anchors = new AnchorSummaries();
      for (let i = 0; i < ROWS; i++) anchors.add(rows[i], results[i]);
      return anchors.result();
    });
    const summariser = new Summariser();
    for (let i = 0; i < ROWS; i++) summariser.add(rows[i], results[i]);
    const summary = summariser.result(300);
    const areas = { local: 'Preston', wider: 'Lancashire' };
    const { styles } = addStyles(EMPTY_STYLES);
    /** The sheet's XML rendered, its length kept so that nothing is left unrendered. */
    const render = async (table: TablePlan) => {
      let length = 0;
      for await (const chunk of patchWorksheet(worksheetText(EMPTY_WORKSHEET), tableEdit(table, styles, tableExtent(table)))) length += chunk.length;
      return length;
    };
    const annotated: TablePlan = { sheet: 'Analysis data', columns: ANALYSIS_COLUMNS, rows: { count: ROWS, width: ANALYSIS_COLUMNS.length, row: (i) => analysisRow(rows[i], results[i], areas) } };
    const tableMs = await bestTime(() => render(annotated));
    const publishedMs = await bestTime(() =>
      render(planPublication({ sheetPlans: [], rows, results, summary, areas, analysisSheet: 'Analysis data', analysedAt: '2025-01-01T00:00:00Z' }, { minimum: 500 }).analysisTable),
    );
    const rate = (ms: number) => ROWS / (ms / 1000);
    const anchorsRatio = anchorsMs / summaryMs;
    const publishRatio = publishedMs / tableMs;
    return [
      {
        name: `six anchors' summaries (${ROWS.toLocaleString('en-GB')} payments)`,
        value: rate(anchorsMs),
        unit: 'rows/s',
        floor: { name: "the partnership's summary of the same rows", value: rate(summaryMs), unit: 'rows/s' },
        ratio: anchorsRatio,
        goal: 'ratio of times ≤ 1.5',
        met: anchorsRatio <= 1.5,
      },
      {
        name: "the copy to publish's analysis sheet, planned and written (payments under £500 added up)",
        value: rate(publishedMs),
        unit: 'payments/s',
        floor: { name: "the annotated copy's analysis sheet written", value: rate(tableMs), unit: 'payments/s' },
        ratio: publishRatio,
        goal: 'ratio of times ≤ 1.25',
        met: publishRatio <= 1.25,
      },
    ];
  },
};
