/**
 * Every failure the product explains: a stable code that each host maps to what it does (the
 * command line to its exit status, the task pane to its message), a message in plain words, and
 * where the problem is (file, sheet, cell, row, column or line) when it is somewhere.
 */

/**
 * Each code, and whose it is to put right: `input` is the user's data, options, workbook or
 * choices (the command line exits with status 2); `failure` is the installation or the
 * environment (status 1).
 */
export const ERROR_CODES = {
  /** A command-line option is missing, unknown or has a value it cannot take. */
  usage: 'input',
  /** A file or folder cannot be read as what it was given as. */
  'file-unreadable': 'input',
  /** A sheet named, or analysed before, is not in the workbook. */
  'sheet-missing': 'input',
  /** No data found where it was looked for. */
  'no-data': 'input',
  /** The supplier or amount column was not found. */
  'columns-missing': 'input',
  /** A column named for a field is not in the data. */
  'mapping-invalid': 'input',
  /** Not one row of the data is a payment. */
  'no-payments': 'input',
  /** An output would overwrite an input or another output, or has no folder to go in. */
  'output-invalid': 'input',
  /** An area is not named, not known, or could be more than one. */
  'area-invalid': 'input',
  /** Area names need the offline geography pack, and there is none. */
  'geography-missing': 'input',
  /** A rules file has a line that is not a rule. */
  'rules-invalid': 'input',
  /** The workbook's saved settings cannot be read. */
  'state-damaged': 'input',
  /** The workbook was analysed by a newer version. */
  'state-newer': 'input',
  /** An output cannot be written where it was named: a read-only folder or file, a file open elsewhere, a name too long. */
  'output-unwritable': 'input',
  /** The online lookup cache file cannot be read. */
  'lookup-cache-invalid': 'input',
  /** The creditor file has no supplier, or no postcode or address, column. */
  'creditors-invalid': 'input',
  /** A re-spend survey file has no supplier,local_share header. */
  'respend-invalid': 'input',
  /** A register download given cannot be read as Companies House's or the Charity Commission's. */
  'registers-invalid': 'input',
  /** A register pack given is damaged, missing parts, or of another build. */
  'registers-damaged': 'input',
  /** The earlier workbook to compare with was not analysed by this product. */
  'baseline-invalid': 'input',
  /** This Excel lacks what the add-in needs. */
  'host-unsupported': 'input',
  /** The workbook is open read-only. */
  'read-only': 'input',
  /** A sheet or the workbook's structure is protected. */
  protected: 'input',
  /** Merged cells where the add-in must write. */
  'merged-cells': 'input',
  /** More data than an Excel sheet, or the add-in inside Excel, can hold. */
  'too-large': 'input',
  /** A table column already has a name the add-in needs. */
  'column-name-taken': 'input',
  /** No room on the sheet for the result columns. */
  'no-room': 'input',
  /** A sheet the action needs is not there until the data has been analysed. */
  'not-analysed': 'input',
  /** The supplier is not on the Suppliers sheet. */
  'supplier-missing': 'input',
  /** The user cancelled; nothing was written. */
  cancelled: 'input',
  /** A row, or a write, is more than this Excel takes in one request. */
  'row-too-large': 'failure',
  /** The geography pack is damaged, missing parts, or of another build. */
  'geography-damaged': 'failure',
  /** The default rules shipped with the product cannot be read. */
  'default-rules-invalid': 'failure',
  /** An output could not be written for a reason that is not the user's (a full disk). */
  'output-failed': 'failure',
} as const satisfies Record<string, 'input' | 'failure'>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Where a problem is, as much of it as is known. */
export interface ErrorLocation {
  file?: string;
  sheet?: string;
  /** "D7" */
  cell?: string;
  /** The row number as Excel shows it, or a file's record number. */
  row?: number;
  /** A column letter or header. */
  column?: string;
  line?: number;
}

export class BaselineError extends Error {
  override name = 'BaselineError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly where: ErrorLocation = {},
  ) {
    super(message);
  }
}

/** Whether the user can put the problem right (their data, options or workbook), rather than the installation. */
export function isInputProblem(error: unknown): error is BaselineError {
  return error instanceof BaselineError && ERROR_CODES[error.code] === 'input';
}
