/**
 * Excel.NamedItem and NamedItemCollection, workbook- or worksheet-scoped
 * (learn.microsoft.com/javascript/api/excel/excel.nameditemcollection).
 */
import { ClientObject, CollectionObject, type Locate } from '../client-object';
import { formatAddress } from '../grid-address';
import { HostError } from '../host-error';
import type { ClientResult } from '../office-extension';
import type { RequestContext } from '../request-context';
import type { NamedItemModel, SheetModel } from '../workbook-model';
import { requireApi, resolveRangeArgument, workbookOf } from './proxy-support';
import { RangeProxy } from './range-proxy';

export interface NameScope {
  sheet?: SheetModel;
}

interface NameTarget {
  item: NamedItemModel;
  scope: NameScope;
}

function typeOf(item: NamedItemModel): string {
  if (item.reference.kind === 'range') return 'Range';
  const value = item.reference.value;
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Integer' : 'Double';
  return value.startsWith('#') ? 'Error' : 'String';
}

export class NamedItemProxy extends ClientObject<NameTarget> {
  protected readonly typeName = 'NamedItem';

  constructor(context: RequestContext, path: string, locate: Locate<NameTarget>, nullable = false) {
    super(context, path, locate, nullable);
  }

  protected scalarNames(): readonly string[] {
    return ['name', 'type', 'value', 'formula', 'visible', 'comment', 'scope'];
  }

  protected readScalar({ item }: NameTarget, name: string): unknown {
    switch (name) {
      case 'name': return item.name;
      case 'type': return typeOf(item);
      case 'value': return item.reference.kind === 'range' ? formatAddress(item.reference.sheet.name, item.reference.rect) : item.reference.value;
      case 'formula': return workbookOf(this.context).nameFormula(item);
      case 'visible': return item.visible;
      case 'comment': return item.comment;
      default: return item.scope;
    }
  }

  get name(): string { return this.get('name'); }
  get type(): string { return this.get('type'); }
  get value(): unknown { return this.get('value'); }
  get formula(): string { return this.get('formula'); }
  get scope(): string { return this.get('scope'); }

  get visible(): boolean { return this.get('visible'); }
  set visible(visible: boolean) {
    this.setProperty('visible', visible, ({ item }) => (item.visible = visible));
  }

  get comment(): string { return this.get('comment'); }
  set comment(comment: string) {
    this.setProperty('comment', comment, ({ item }) => (item.comment = comment));
  }

  /** NamedItem.getRange: "Throws an error if the named item's type isn't a range." */
  getRange(): RangeProxy {
    return new RangeProxy(this.context, this.childPath('getRange()'), this.derive(({ item }) => {
      if (item.reference.kind !== 'range') throw new HostError('InvalidArgument', `The name "${item.name}" does not refer to a range.`);
      return { sheet: item.reference.sheet, rect: item.reference.rect };
    }));
  }

  getRangeOrNullObject(): RangeProxy {
    return new RangeProxy(this.context, this.childPath('getRangeOrNullObject()'), this.derive(({ item }) =>
      item.reference.kind === 'range' ? { sheet: item.reference.sheet, rect: item.reference.rect } : null), true);
  }

  delete(): void {
    this.call('delete', [], ({ item, scope }) => workbookOf(this.context).deleteName(item, scope.sheet ?? null));
  }
}

export class NamedItemCollectionProxy extends CollectionObject<NameTarget, NamedItemProxy, NameScope> {
  protected readonly typeName = 'NamedItemCollection';

  protected list(scope: NameScope): NameTarget[] {
    const items = scope.sheet ? scope.sheet.names : workbookOf(this.context).names;
    return items.map((item) => ({ item, scope }));
  }

  protected item(target: NameTarget, index: number): NamedItemProxy {
    return new NamedItemProxy(this.context, `${this.path}.items[${index}]`, () => target);
  }

  protected readScalar(): unknown {
    return undefined;
  }

  private find(scope: NameScope, name: string): NameTarget | null {
    return this.list(scope).find((t) => t.item.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, this.childPath(`getItem(${JSON.stringify(name)})`), this.derive((scope) => {
      const found = this.find(scope, name);
      if (!found) throw new HostError('ItemNotFound', `The name "${name}" doesn't exist.`);
      return found;
    }));
  }

  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, this.childPath(`getItemOrNullObject(${JSON.stringify(name)})`), this.derive((scope) => {
      requireApi(this.context, '1.4', 'NamedItemCollection.getItemOrNullObject');
      return this.find(scope, name);
    }), true);
  }

  getCount(): ClientResult<number> {
    return this.callForResult('getCount', [], (scope) => this.list(scope).length);
  }

  /** add(name, reference, comment?): "reference: The formula or the range that the name will refer to." */
  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    return this.create('add', [name, typeof reference === 'string' ? reference : '…', comment ?? null], (scope) => {
      requireApi(this.context, '1.4', 'NamedItemCollection.add');
      const workbook = workbookOf(this.context);
      const target = typeof reference === 'string' ? reference : resolveRangeArgument(workbook, reference, scope.sheet ?? null, 'reference');
      return { item: workbook.addName(scope.sheet ?? null, name, target, comment), scope };
    }, (locate, path) => new NamedItemProxy(this.context, path, locate));
  }
}
