/**
 * LM3 in the analysis: the re-spend survey read (a file's answers instead of the sheet's when one
 * is named; the staff figures are always the sheet's), LM3 computed over this run's local
 * suppliers, and the survey sheet planned: the user's as they left it, or made with the largest
 * local suppliers not yet surveyed.
 */
import type { RowResult } from '../classify';
import type { SheetProblem } from '../directory';
import { computeLm3, localSuppliers, type Lm3 } from '../lm3';
import { answersInFile, answersOnSheet, newSurveySheet, staffOnSheet, type RespendSurvey } from '../respend-survey';
import type { SpendRow } from '../rows';
import type { Summary } from '../summary';
import type { AnalysisInput } from './input';
import type { UserSheetPlan } from './plan-types';
import { filledSheet, respendSheetPlan } from './user-sheets';

export interface Lm3Outcome {
  lm3: Lm3;
  problems: SheetProblem[];
  sheet: UserSheetPlan;
}

/**
 * The survey: the answers of the file the user named, else the sheet's; the staff figures are
 * always the sheet's. Read before any other work, so that a file that is not a survey stops the
 * analysis at once.
 */
export function readSurvey(input: Pick<AnalysisInput, 'respendSheet' | 'respendFile'>, sheetName: string): RespendSurvey {
  const sheet = filledSheet(input.respendSheet) ?? [];
  const answers = input.respendFile ? answersInFile(input.respendFile) : answersOnSheet(sheet, sheetName);
  const staff = staffOnSheet(sheet, sheetName);
  return { answers: answers.answers, staff: staff.staff, problems: [...answers.problems, ...staff.problems] };
}

export function planLm3(survey: RespendSurvey, existingSheet: AnalysisInput['respendSheet'], sheetName: string, rows: readonly SpendRow[], results: readonly RowResult[], summary: Summary, localArea: string): Lm3Outcome {
  const suppliers = localSuppliers(rows, results, (key) => summary.suppliers.get(key)?.name);
  const { lm3, problems } = computeLm3(summary.totals.spend, suppliers, survey);
  return {
    lm3,
    problems: [...survey.problems, ...problems],
    sheet: respendSheetPlan(sheetName, existingSheet, () => newSurveySheet(survey.answers, suppliers, localArea)),
  };
}
