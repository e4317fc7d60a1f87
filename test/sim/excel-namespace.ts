/**
 * The `Excel` global of a simulated host: `Excel.run`, `Excel.RequestContext` and the enums.
 *
 * Excel.run ("Application-specific API model"): creates a request context, runs the batch with
 * it, then sends whatever is still queued; "any objects that were allocated at runtime are
 * automatically released". The batch must return a promise (RunMustReturnPromise otherwise, as
 * in OfficeExtension.ErrorCodes). Like Office.js, `run(object, batch)` reuses the request context
 * of a proxy object or context passed first.
 */
import * as enums from './excel-enums';
import type { HostSession } from './host-session';
import { OfficeExtensionError } from './office-extension';
import { RequestContext } from './request-context';

export type Batch<T> = (context: RequestContext) => Promise<T>;

export function createExcelNamespace(session: HostSession) {
  class BoundRequestContext extends RequestContext {
    constructor() {
      super(session);
    }
  }

  function contextFrom(value: unknown): RequestContext | undefined {
    if (value instanceof RequestContext) return value;
    const context = (value as { context?: unknown } | null)?.context;
    return context instanceof RequestContext ? context : undefined;
  }

  async function run<T>(...args: [Batch<T>] | [unknown, Batch<T>]): Promise<T> {
    const batch = args[args.length - 1] as Batch<T>;
    if (typeof batch !== 'function') throw new OfficeExtensionError('InvalidArgument', 'Excel.run needs a batch function.');
    const context = (args.length > 1 ? contextFrom(args[0]) : undefined) ?? new BoundRequestContext();
    const pending = batch(context) as unknown;
    if (!pending || typeof (pending as Promise<T>).then !== 'function') {
      throw new OfficeExtensionError('RunMustReturnPromise', 'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation.');
    }
    const result = await (pending as Promise<T>);
    await context.sync();
    return result;
  }

  /**
   * Excel.createWorkbook(base64File?): "Creates and opens a new workbook. Optionally, the workbook
   * can be pre-populated with a Base64-encoded .xlsx file." [Api set: ExcelApi 1.8]
   * (https://learn.microsoft.com/javascript/api/excel#excel-excel-createworkbook-function(1)).
   * The new workbook is another document: the add-in's own workbook is untouched, and the
   * simulator keeps only what it was made from. On an older host the API is not there
   * (OfficeExtension.ErrorCodes.apiNotFound: "The requested API could not be found").
   */
  async function createWorkbook(base64File?: string): Promise<void> {
    if (!session.supports('1.8')) throw new OfficeExtensionError('ApiNotFound', 'The requested API could not be found.');
    session.createdWorkbooks.push(base64File ?? '');
  }

  return { run, createWorkbook, RequestContext: BoundRequestContext, ...enums };
}

export type ExcelNamespace = ReturnType<typeof createExcelNamespace>;
