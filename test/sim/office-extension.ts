/**
 * The `OfficeExtension` namespace pieces an adapter touches: `Error`, `ErrorCodes`,
 * `ClientResult` and `TrackedObjects`.
 */
import type { ErrorCode } from './host-error';

export interface DebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
  surroundingStatements?: string[];
}

/**
 * OfficeExtension.Error: `code` is one of OfficeExtension.ErrorCodes or Excel.ErrorCodes,
 * `message` a summary, `debugInfo` details. Real errors print as "RichApi.Error: …" (as in the
 * messages quoted in OfficeDev/office-js issues), so that is the `name`.
 */
export class OfficeExtensionError extends Error {
  override name = 'RichApi.Error';
  readonly code: string;
  readonly debugInfo: DebugInfo;
  traceMessages: string[] = [];
  innerError: OfficeExtensionError | null = null;

  constructor(code: ErrorCode | string, message: string, errorLocation?: string) {
    super(message);
    this.code = code;
    this.debugInfo = { code, message, errorLocation, statement: errorLocation };
  }

  override toString(): string {
    return `${this.name}: ${this.message}`;
  }
}

export const OfficeExtensionErrorCodes = {
  accessDenied: 'AccessDenied',
  generalException: 'GeneralException',
  activityLimitReached: 'ActivityLimitReached',
  invalidObjectPath: 'InvalidObjectPath',
  propertyNotLoaded: 'PropertyNotLoaded',
  valueNotLoaded: 'ValueNotLoaded',
  invalidRequestContext: 'InvalidRequestContext',
  invalidArgument: 'InvalidArgument',
  runMustReturnPromise: 'RunMustReturnPromise',
  cannotRegisterEvent: 'CannotRegisterEvent',
  apiNotFound: 'ApiNotFound',
  connectionFailure: 'ConnectionFailure',
} as const;

/**
 * OfficeExtension.ClientResult: a method's primitive result, readable through `value` only
 * after the sync that carried it ("Trying to log the value before calling sync would throw an
 * error", "Application-specific API model").
 */
export class ClientResult<T> {
  private loaded = false;
  private result: T | undefined;

  get value(): T {
    if (!this.loaded) {
      throw new OfficeExtensionError(
        'ValueNotLoaded',
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
      );
    }
    return this.result as T;
  }

  /** Called by the request context when the sync carrying this result succeeds. */
  deliver(value: T): void {
    this.result = value;
    this.loaded = true;
  }
}

/** context.trackedObjects: Excel adjusts tracked ranges across syncs; the simulator's proxies keep their targets anyway. */
export class TrackedObjects {
  add(_object: unknown): void {}
  remove(_object: unknown): void {}
}
