/**
 * Helpers the proxy classes share: reaching the workbook, resolving Range-or-address arguments
 * on the host, and requirement-set checks.
 */
import { parseAddress, checkedRect, type Rect } from '../grid-address';
import { HostError } from '../host-error';
import type { RequestContext } from '../request-context';
import type { CellTarget, SheetModel, WorkbookModel } from '../workbook-model';

export const workbookOf = (context: RequestContext): WorkbookModel => context.session.workbook;

/**
 * A member of a requirement set newer than the host's fails at sync with ApiNotFound: "The API
 * you are trying to use could not be found. It may be available in a newer version of Excel."
 */
export function requireApi(context: RequestContext, version: string, member: string): void {
  if (!context.session.supports(version)) {
    throw new HostError('ApiNotFound', `${member} needs ExcelApi ${version}; this host supports ExcelApi ${context.session.excelApiVersion}.`);
  }
}

interface Resolvable {
  resolve(): unknown;
}

const isResolvable = (value: unknown): value is Resolvable =>
  typeof value === 'object' && value !== null && typeof (value as Resolvable).resolve === 'function';

/**
 * A Range argument or an address string ("A1:B2", "Sheet1!A1:B2", or a defined name), resolved
 * on the host. Unqualified addresses are on `defaultSheet` (or the active sheet).
 */
export function resolveRangeArgument(workbook: WorkbookModel, argument: unknown, defaultSheet: SheetModel | null, what: string): CellTarget {
  if (isResolvable(argument)) {
    const target = argument.resolve() as CellTarget | null;
    if (!target || !('rect' in target)) throw new HostError('InvalidArgument', `${what} must be a range.`);
    return target;
  }
  if (typeof argument !== 'string') throw new HostError('InvalidArgument', `${what} must be a Range or an address string.`);
  return resolveAddress(workbook, argument, defaultSheet, what);
}

export function resolveAddress(workbook: WorkbookModel, address: string, defaultSheet: SheetModel | null, what: string): CellTarget {
  if (address.length > 8192) throw new HostError('InvalidArgument', `${what}: the address has more than 8192 characters.`);
  const parsed = parseAddress(address);
  if (parsed) {
    const sheet = parsed.sheetName !== undefined ? workbook.requireSheet(parsed.sheetName) : defaultSheet ?? workbook.activeSheet;
    if (defaultSheet && parsed.sheetName !== undefined && sheet !== defaultSheet) {
      throw new HostError('InvalidArgument', `${what}: "${address}" is on another worksheet.`);
    }
    return { sheet, rect: parsed.rect };
  }
  const named = workbook.nameFor(address.replace(/^=/, ''), defaultSheet ?? undefined);
  if (named?.reference.kind === 'range') return { sheet: named.reference.sheet, rect: named.reference.rect };
  // A table's name, used as a reference, stands for its data rows.
  const table = workbook.tableByName(address);
  if (table?.dataRect) return { sheet: table.sheet, rect: table.dataRect };
  throw new HostError('InvalidArgument', `${what}: "${address}" is not a valid address or name.`);
}

export function rangeTarget(sheet: SheetModel, rect: Rect, what: string): CellTarget {
  return { sheet, rect: checkedRect(rect, what) };
}
