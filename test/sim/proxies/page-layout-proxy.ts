/**
 * Excel.PageLayout (learn.microsoft.com/javascript/api/excel/excel.pagelayout), Excel.HeaderFooterGroup
 * (…/excel.headerfootergroup) and Excel.HeaderFooter (…/excel.headerfooter), all ExcelApi 1.9: the
 * print settings the add-in sets on its summary sheets. Margins are in points; `zoom` takes
 * PageLayoutZoomOptions (…/excel.pagelayoutzoomoptions: horizontalFitToPages, verticalFitToPages,
 * scale); setPrintTitleRows takes "the rows to be repeated at the top of each page", as a range or
 * an address such as "$1:$4".
 */
import { ClientObject } from '../client-object';
import { HostError } from '../host-error';
import type { PageLayoutModel, SheetModel } from '../workbook-model';
import { requireApi, workbookOf } from './proxy-support';

const LAYOUT_SCALARS = ['orientation', 'paperSize', 'centerHorizontally', 'leftMargin', 'rightMargin', 'topMargin', 'bottomMargin', 'headerMargin', 'footerMargin', 'zoom'] as const;
type LayoutScalar = (typeof LAYOUT_SCALARS)[number];

const HEADER_FOOTER_SCALARS = ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'] as const;
type HeaderFooterScalar = (typeof HEADER_FOOTER_SCALARS)[number];

/** Whole rows as an address: "$1:$4", "1:4". */
const ROWS_ADDRESS = /^\$?\d+:\$?\d+$/;

export class PageLayoutProxy extends ClientObject<SheetModel> {
  protected readonly typeName = 'PageLayout';

  protected scalarNames(): readonly string[] {
    return LAYOUT_SCALARS;
  }

  protected readScalar(sheet: SheetModel, name: string): unknown {
    requireApi(this.context, '1.9', `PageLayout.${name}`);
    return sheet.pageLayout[name as LayoutScalar];
  }

  protected override navigation(name: string): ClientObject<unknown> | undefined {
    return name === 'headersFooters' ? (this.headersFooters as ClientObject<unknown>) : undefined;
  }

  private setLayout<K extends LayoutScalar>(name: K, value: PageLayoutModel[K]): void {
    this.setProperty(name, value, (sheet) => {
      requireApi(this.context, '1.9', `PageLayout.${name}`);
      workbookOf(this.context).assertDocumentWritable();
      sheet.pageLayout[name] = value;
    });
  }

  get orientation(): string { return this.get('orientation'); }
  set orientation(value: string) { this.setLayout('orientation', value); }
  get paperSize(): string { return this.get('paperSize'); }
  set paperSize(value: string) { this.setLayout('paperSize', value); }
  get centerHorizontally(): boolean { return this.get('centerHorizontally'); }
  set centerHorizontally(value: boolean) { this.setLayout('centerHorizontally', value); }
  get leftMargin(): number { return this.get('leftMargin'); }
  set leftMargin(value: number) { this.setLayout('leftMargin', value); }
  get rightMargin(): number { return this.get('rightMargin'); }
  set rightMargin(value: number) { this.setLayout('rightMargin', value); }
  get topMargin(): number { return this.get('topMargin'); }
  set topMargin(value: number) { this.setLayout('topMargin', value); }
  get bottomMargin(): number { return this.get('bottomMargin'); }
  set bottomMargin(value: number) { this.setLayout('bottomMargin', value); }
  get headerMargin(): number { return this.get('headerMargin'); }
  set headerMargin(value: number) { this.setLayout('headerMargin', value); }
  get footerMargin(): number { return this.get('footerMargin'); }
  set footerMargin(value: number) { this.setLayout('footerMargin', value); }
  get zoom(): PageLayoutModel['zoom'] { return this.get('zoom'); }
  set zoom(value: PageLayoutModel['zoom']) { this.setLayout('zoom', { ...value }); }

  get headersFooters(): HeaderFooterGroupProxy {
    return this.navigationProxy('headersFooters', () => new HeaderFooterGroupProxy(this.context, this.childPath('headersFooters'), this.derive((s) => s)));
  }

  setPrintTitleRows(titleRows: string): void {
    this.call('setPrintTitleRows', [titleRows], (sheet) => {
      requireApi(this.context, '1.9', 'PageLayout.setPrintTitleRows');
      if (!ROWS_ADDRESS.test(titleRows)) throw new HostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: ${titleRows}`);
      workbookOf(this.context).assertDocumentWritable();
      sheet.pageLayout.printTitleRows = titleRows;
    });
  }
}

export class HeaderFooterGroupProxy extends ClientObject<SheetModel> {
  protected readonly typeName = 'HeaderFooterGroup';

  protected scalarNames(): readonly string[] {
    return [];
  }

  protected readScalar(): unknown {
    return undefined;
  }

  protected override navigation(name: string): ClientObject<unknown> | undefined {
    return name === 'defaultForAllPages' ? (this.defaultForAllPages as ClientObject<unknown>) : undefined;
  }

  /** "The general header/footer, used for all pages unless even/odd or first page is specified." */
  get defaultForAllPages(): HeaderFooterProxy {
    return this.navigationProxy('defaultForAllPages', () => new HeaderFooterProxy(this.context, this.childPath('defaultForAllPages'), this.derive((s) => s)));
  }
}

export class HeaderFooterProxy extends ClientObject<SheetModel> {
  protected readonly typeName = 'HeaderFooter';

  protected scalarNames(): readonly string[] {
    return HEADER_FOOTER_SCALARS;
  }

  protected readScalar(sheet: SheetModel, name: string): unknown {
    return sheet.pageLayout.headerFooter[name as HeaderFooterScalar];
  }

  private setSection(name: HeaderFooterScalar, value: string): void {
    this.setProperty(name, value, (sheet) => {
      requireApi(this.context, '1.9', `HeaderFooter.${name}`);
      workbookOf(this.context).assertDocumentWritable();
      sheet.pageLayout.headerFooter[name] = value;
    });
  }

  get leftHeader(): string { return this.get('leftHeader'); }
  set leftHeader(value: string) { this.setSection('leftHeader', value); }
  get centerHeader(): string { return this.get('centerHeader'); }
  set centerHeader(value: string) { this.setSection('centerHeader', value); }
  get rightHeader(): string { return this.get('rightHeader'); }
  set rightHeader(value: string) { this.setSection('rightHeader', value); }
  get leftFooter(): string { return this.get('leftFooter'); }
  set leftFooter(value: string) { this.setSection('leftFooter', value); }
  get centerFooter(): string { return this.get('centerFooter'); }
  set centerFooter(value: string) { this.setSection('centerFooter', value); }
  get rightFooter(): string { return this.get('rightFooter'); }
  set rightFooter(value: string) { this.setSection('rightFooter', value); }
}
