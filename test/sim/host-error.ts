/**
 * Errors raised by the simulated host (the "Excel side" of a sync). The request context turns
 * them into `OfficeExtension.Error`s carrying the same `code`.
 *
 * Codes and messages are those of "Error handling with the application-specific JavaScript
 * APIs" (learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling)
 * and `OfficeExtension.ErrorCodes`.
 */
import { ErrorCodes as ExcelErrorCodes } from './excel-enums';

/** Excel.ErrorCodes plus the client-side codes of OfficeExtension.ErrorCodes that a sync can report. */
export type ErrorCode =
  | (typeof ExcelErrorCodes)[keyof typeof ExcelErrorCodes]
  | 'PropertyNotLoaded'
  | 'ValueNotLoaded'
  | 'InvalidObjectPath'
  | 'BadPassword'
  | 'RequestPayloadSizeLimitExceeded';

/** The documented message for each code, used when a more specific one adds nothing. */
export const DOCUMENTED_MESSAGES: Partial<Record<ErrorCode, string>> = {
  AccessDenied: 'You cannot perform the requested operation.',
  BadPassword: 'The password you supplied is incorrect.',
  ApiNotFound: 'The API you are trying to use could not be found. It may be available in a newer version of Excel.',
  GeneralException: 'There was an internal error while processing the request.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  ItemNotFound: "The requested resource doesn't exist.",
  RangeExceedsLimit: 'The cell count in the range has exceeded the maximum supported number.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
  OperationCellsExceedLimit: 'The attempted operation affects more than the limit of 33554000 cells.',
};

export class HostError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
  ) {
    super(message ?? DOCUMENTED_MESSAGES[code] ?? code);
    this.name = 'HostError';
  }
}
