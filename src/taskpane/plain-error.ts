/**
 * Any failure as one message a finance officer can act on: what went wrong, in plain words, and
 * what to do next. The add-in's own errors (BaselineError) say what went wrong, and what to do
 * where the pane has more to say than the core; Excel's own errors carry a code, which is
 * translated; anything else is named and followed by what to try.
 */
import { BaselineError, type ErrorCode } from '../core';

/** What to do next, where the core's message leaves it to the host. */
const NEXT_STEPS: Partial<Record<ErrorCode, string>> = {
  // Excel's Unhide dialog does not list the very hidden sheet, and Office.js cannot delete it as it is: the pane can.
  'state-damaged': `Choose "Reset the add-in's settings" below to start afresh: your sheets, the result columns and the add-in's sheets stay; the areas, the column choices and the lookup cache are forgotten.`,
  'geography-damaged': 'Ask your IT team to deploy the add-in again.',
  'registers-damaged': 'Switch the registers off under Options to analyse without them, and ask your IT team to rebuild and deploy the register pack.',
};

/** Office.js error codes (OfficeExtension.ErrorCodes) the pane can explain. */
const EXCEL_CODES: Record<string, string> = {
  AccessDenied: 'Excel did not allow the change. The sheet or workbook may be protected: unprotect it (Review › Unprotect) and try again.',
  InvalidOperationInCellEditMode: 'Excel is waiting for you to finish typing in a cell. Press Enter or Esc in the sheet, then try again.',
  ItemNotFound: 'Something the add-in expected has gone from the workbook (a sheet or table may have been renamed or deleted). Choose "Find the data again", then try again.',
  RequestPayloadSizeLimitExceeded: 'Excel could not move that much data at once. Try again; if it happens again, use "Check this Excel" under Options and send the result to your IT team.',
  GeneralException: 'Excel reported an error. Save your work and try again; if it happens again, restart Excel.',
  ActivityLimitReached: 'Excel is busy. Wait a moment and try again.',
  RequestAborted: 'Excel cancelled the request. Try again.',
};

export function plainError(error: unknown, doing: string): string {
  if (error instanceof BaselineError) return NEXT_STEPS[error.code] ? `${error.message} ${NEXT_STEPS[error.code]}` : error.message;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const detail = error instanceof Error ? error.message : String(error);
  // Excel's own words go last, for whoever is asked to help.
  if (typeof code === 'string' && EXCEL_CODES[code]) return `Could not ${doing}. ${EXCEL_CODES[code]} (For IT: ${code}: ${detail})`;
  return `Could not ${doing}: ${detail.replace(/\.?$/, '.')} Try again; if it happens again, use "Check this Excel" under Options and send the result to your IT team.`;
}
