/**
 * Excel.Workbook and the objects hanging off it: Application, WorkbookProtection and
 * DocumentProperties (learn.microsoft.com/javascript/api/excel/excel.workbook).
 */
import { ClientObject } from '../client-object';
import { HostError } from '../host-error';
import type { RequestContext } from '../request-context';
import type { WorkbookModel } from '../workbook-model';
import { NamedItemCollectionProxy } from './named-item-proxy';
import { PivotTableCollectionProxy } from './pivot-proxy';
import { requireApi, workbookOf } from './proxy-support';
import { RangeProxy } from './range-proxy';
import { TableCollectionProxy } from './table-proxy';
import { WorksheetCollectionProxy } from './worksheet-proxy';

export class WorkbookProxy extends ClientObject<WorkbookModel> {
  protected readonly typeName = 'Workbook';
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly pivotTables: PivotTableCollectionProxy;
  readonly application: ApplicationProxy;
  readonly protection: WorkbookProtectionProxy;
  readonly properties: DocumentPropertiesProxy;

  constructor(context: RequestContext) {
    super(context, 'workbook', () => context.session.workbook);
    this.worksheets = new WorksheetCollectionProxy(context, 'workbook.worksheets', () => context.session.workbook.sheets);
    this.tables = new TableCollectionProxy(context, 'workbook.tables', () => ({}));
    this.names = new NamedItemCollectionProxy(context, 'workbook.names', () => ({}));
    this.pivotTables = new PivotTableCollectionProxy(context, 'workbook.pivotTables', () => ({}));
    this.application = new ApplicationProxy(context, 'workbook.application', () => context.session.workbook);
    this.protection = new WorkbookProtectionProxy(context, 'workbook.protection', () => context.session.workbook);
    this.properties = new DocumentPropertiesProxy(context, 'workbook.properties', () => context.session.workbook);
  }

  protected scalarNames(): readonly string[] {
    return ['name'];
  }

  protected readScalar(workbook: WorkbookModel): unknown {
    return workbook.name;
  }

  protected override navigation(name: string): ClientObject<unknown> | undefined {
    const navigations: Record<string, ClientObject<unknown>> = {
      worksheets: this.worksheets as ClientObject<unknown>,
      tables: this.tables as ClientObject<unknown>,
      names: this.names as ClientObject<unknown>,
      pivotTables: this.pivotTables as ClientObject<unknown>,
      application: this.application as ClientObject<unknown>,
      protection: this.protection as ClientObject<unknown>,
      properties: this.properties as ClientObject<unknown>,
    };
    return navigations[name];
  }

  get name(): string { return this.get('name'); }

  /**
   * "Gets the currently selected single range from the workbook. If there are multiple ranges
   * selected, this method will throw an error." (The code is not documented; InvalidSelection is
   * Excel's "The current selection is invalid for this operation.")
   */
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, 'workbook.getSelectedRange()', this.derive((w) => {
      if (w.activeSheet.moreSelected.length > 0) throw new HostError('InvalidSelection', 'The current selection is invalid for this operation.');
      return { sheet: w.activeSheet, rect: w.activeSheet.selection };
    }));
  }

  /** getActiveCell (ExcelApi 1.7): the top-left cell of the selection. */
  getActiveCell(): RangeProxy {
    return new RangeProxy(this.context, 'workbook.getActiveCell()', this.derive((w) => {
      requireApi(this.context, '1.7', 'Workbook.getActiveCell');
      const { top, left } = w.activeSheet.selection;
      return { sheet: w.activeSheet, rect: { top, left, bottom: top, right: left } };
    }));
  }
}

/**
 * Application: the calculation mode, and the calculation Excel does after a sync that changed
 * cells (see request-context.ts). Formulas are still evaluated when read, so values are always
 * current; what is modelled is how often Excel would recalculate.
 */
export class ApplicationProxy extends ClientObject<WorkbookModel> {
  protected readonly typeName = 'Application';

  protected scalarNames(): readonly string[] {
    return ['calculationMode'];
  }

  protected readScalar(workbook: WorkbookModel): unknown {
    return workbook.calculationMode;
  }

  get calculationMode(): string { return this.get('calculationMode'); }
  set calculationMode(mode: string) {
    this.setProperty('calculationMode', mode, (w) => (w.calculationMode = mode));
  }

  /** Application.calculate(calculationType): "Recalculate all currently opened workbooks in Excel." */
  calculate(calculationType: string): void {
    this.call('calculate', [calculationType], () => this.context.session.recalculate());
  }

  /**
   * Application.suspendApiCalculationUntilNextSync (ExcelApi 1.6): "Suspends calculation until the
   * next context.sync() is called. Once set, it is the developer's responsibility to re-calc the
   * workbook, to ensure that any dependencies are propagated."
   */
  suspendApiCalculationUntilNextSync(): void {
    this.call('suspendApiCalculationUntilNextSync', [], () => {
      requireApi(this.context, '1.6', 'Application.suspendApiCalculationUntilNextSync');
      this.context.session.calculationSuspended = true;
    });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.call('suspendScreenUpdatingUntilNextSync', [], () => undefined);
  }
}

export class WorkbookProtectionProxy extends ClientObject<WorkbookModel> {
  protected readonly typeName = 'WorkbookProtection';

  protected scalarNames(): readonly string[] {
    return ['protected'];
  }

  protected readScalar(workbook: WorkbookModel): unknown {
    return workbook.structureProtected;
  }

  get protected(): boolean { return this.get('protected'); }

  /** "Protects the workbook. Fails if the workbook has been protected." */
  protect(password?: string): void {
    this.call('protect', password === undefined ? [] : ['***'], (w) => {
      w.assertDocumentWritable();
      if (w.structureProtected) throw new HostError('InvalidOperation', 'The workbook is already protected.');
      w.structureProtected = true;
      w.structurePassword = password || undefined;
    });
  }

  unprotect(password?: string): void {
    this.call('unprotect', password === undefined ? [] : ['***'], (w) => {
      w.assertDocumentWritable();
      if (w.structurePassword !== undefined && w.structurePassword !== password) throw new HostError('BadPassword');
      w.structureProtected = false;
      w.structurePassword = undefined;
    });
  }
}

const PROPERTY_NAMES = ['title', 'author', 'subject', 'comments', 'keywords', 'category', 'company', 'manager'] as const;
type PropertyName = (typeof PROPERTY_NAMES)[number];

export class DocumentPropertiesProxy extends ClientObject<WorkbookModel> {
  protected readonly typeName = 'DocumentProperties';

  protected scalarNames(): readonly string[] {
    return PROPERTY_NAMES;
  }

  protected readScalar(workbook: WorkbookModel, name: string): unknown {
    return workbook.properties[name as PropertyName];
  }

  private change(name: PropertyName, value: string): void {
    this.setProperty(name, value, (w) => {
      workbookOf(this.context).assertDocumentWritable();
      w.properties[name] = value;
    });
  }

  get title(): string { return this.get('title'); }
  set title(v: string) { this.change('title', v); }
  get author(): string { return this.get('author'); }
  set author(v: string) { this.change('author', v); }
  get subject(): string { return this.get('subject'); }
  set subject(v: string) { this.change('subject', v); }
  get comments(): string { return this.get('comments'); }
  set comments(v: string) { this.change('comments', v); }
  get keywords(): string { return this.get('keywords'); }
  set keywords(v: string) { this.change('keywords', v); }
  get category(): string { return this.get('category'); }
  set category(v: string) { this.change('category', v); }
  get company(): string { return this.get('company'); }
  set company(v: string) { this.change('company', v); }
  get manager(): string { return this.get('manager'); }
  set manager(v: string) { this.change('manager', v); }
}
