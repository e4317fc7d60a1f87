/** `--summary-json`: the analysis in a fixed machine-readable shape (documented in the README). */
import * as path from 'path';
import { rowsWithoutAmount, type AnalysisOutcome, type Field, type Progress, type ProgressFigures, type Summary } from '../core';
import type { InputSheet, LoadedInputs } from './inputs';

const COLUMN_FIELDS: Field[] = ['supplier', 'amount', 'postcode', 'address', 'category', 'categoryGroup', 'description', 'serviceArea', 'institution', 'date'];

export function summaryJson(loaded: LoadedInputs, analysis: AnalysisOutcome) {
  const { rows, skipped, summary, areas } = analysis;
  const describe = (sheet: InputSheet) => {
    const source = sheet.source;
    const mine = (row: { source?: string }) => (row.source ?? '') === source;
    return {
      file: path.basename(sheet.file),
      sheet: sheet.sheet,
      headerRow: sheet.layout.headerRow === null ? null : sheet.layout.headerRow + 1,
      dataRows: rows.filter((row) => mine(row) && row.amountMissing === undefined).length,
      skippedRows: skipped.filter(mine).map((s) => ({ row: s.row, reason: s.reason })),
      rowsWithoutAmount: rowsWithoutAmount(rows)
        .filter(mine)
        .map((r) => ({ row: r.row, reason: r.reason })),
    };
  };
  const first = loaded.dataSheets[0];
  return {
    input: describe(first),
    inputs: loaded.dataSheets.map(describe),
    columns: Object.fromEntries(COLUMN_FIELDS.map((field) => [field, first.mapping[field]?.header ?? null])),
    areas: {
      local: { name: areas.local.name, districts: areas.local.districts },
      wider: { name: areas.wider.name, districts: areas.wider.districts },
    },
    totals: summary.totals,
    locality: summary.locality,
    influence: summary.influence,
    shares: headline(summary).shares,
    leakage: summary.leakage,
    coverage: Object.fromEntries(Object.entries(summary.coverage).map(([basis, c]) => [basis, c.spend])),
    lm3: { r1: analysis.lm3.r1, r2: analysis.lm3.r2, r3: analysis.lm3.r3, value: analysis.lm3.value, surveyedShare: analysis.lm3.surveyedShare },
    institutions: analysis.anchors ? Object.fromEntries(analysis.anchors.map((anchor) => [anchor.name, headline(anchor.summary)])) : null,
    progress: analysis.progress ? progressJson(analysis.progress) : null,
  };
}

/** The headline figures of the partnership or of one anchor, in the same shapes. */
function headline(summary: Summary) {
  return {
    totals: summary.totals,
    shares: summary.shares
      ? { local: summary.shares.local, widerIncludingLocal: summary.shares.widerIncludingLocal, unknown: summary.shares.unknown }
      : { local: null, widerIncludingLocal: null, unknown: null, note: summary.sharesNote },
    leakage: summary.leakage,
  };
}

const figures = (f: ProgressFigures) => ({ totals: { spend: f.totals.spend }, shares: f.shares, leakage: f.leakage });

/** The comparison with --baseline: `change` is after − before, figure by figure; shares are null when a total is not positive. */
function progressJson(progress: Progress) {
  return {
    method: progress.method,
    earlier: { file: progress.earlier.name, analysedAt: progress.earlier.analysedAt ?? null },
    ...(progress.why ? { why: progress.why } : {}),
    before: figures(progress.before),
    after: figures(progress.after),
    change: figures(progress.change),
    methodChanges: progress.methodChanges,
    stored: progress.stored ? figures(progress.stored) : null,
    institutions: progress.institutions.map((line) => ({ institution: line.institution, before: line.before ?? null, after: line.after ?? null })),
    movers: progress.movers,
  };
}
