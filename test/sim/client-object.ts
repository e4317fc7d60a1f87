/**
 * The base of every proxy object (OfficeExtension.ClientObject) and of every collection.
 *
 * - `load` queues a load; values become readable after the sync; reading one that was not loaded
 *   throws PropertyNotLoaded ("Before you can read the properties of a proxy object, you must
 *   explicitly load the properties … and then call context.sync()").
 * - Setting a property or calling a method queues it; the local value is updated at once.
 * - A proxy is located on the host when its first command runs and stays bound to that object
 *   (a worksheet renamed later is still the same worksheet; a range keeps its cells).
 * - `*OrNullObject` proxies: "Office automatically loads this property [isNullObject] when
 *   context.sync is called". Commands on a null object do nothing, and its other properties
 *   read as undefined.
 */
import { HostError } from './host-error';
import { jsonBytes, operationBytes } from './payload-size';
import type { RequestContext } from './request-context';
import { OfficeExtensionError, ClientResult } from './office-extension';

type LoadOption = string | string[] | { select?: string; expand?: string } | undefined;

/** "a, b/c" | ["a", "b/c"] | {select, expand} → ["a", "b/c"]; no option means every scalar property. */
export function loadPaths(option: unknown): string[] {
  if (option === undefined || option === null) return [];
  if (typeof option === 'string') return option.split(',').map((p) => p.trim()).filter(Boolean);
  if (Array.isArray(option)) return option.flatMap((p) => loadPaths(p));
  if (typeof option === 'object') {
    const { select, expand } = option as { select?: string; expand?: string };
    return [...loadPaths(select), ...loadPaths(expand)];
  }
  throw new OfficeExtensionError('InvalidArgument', `load() takes property names, not ${typeof option}.`);
}

function propertyNotLoaded(name: string): OfficeExtensionError {
  return new OfficeExtensionError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

const isGone = (target: unknown): boolean => {
  const t = target as { deleted?: boolean; sheet?: { deleted?: boolean }; table?: { deleted?: boolean } } | null;
  return Boolean(t && (t.deleted || t.sheet?.deleted || t.table?.deleted));
};

export type Locate<T> = () => T | null;

export abstract class ClientObject<T> {
  /** The class name Excel uses in error locations ("Range", "Worksheet"…). */
  protected abstract readonly typeName: string;
  protected readonly loaded = new Map<string, unknown>();
  private readonly navigations = new Map<string, unknown>();
  private bound = false;
  private target: T | null = null;
  private nullState: boolean | undefined;

  constructor(
    readonly context: RequestContext,
    protected readonly path: string,
    private readonly locate: Locate<T>,
    nullable = false,
  ) {
    if (nullable) {
      // The existence check every *OrNullObject proxy carries in the next sync.
      context.enqueue({
        label: `${path}`,
        requestBytes: operationBytes(path, 'isNullObject', []),
        run: () => {
          const isNull = this.resolve() === null;
          return { responseBytes: 20, deliver: () => (this.nullState = isNull) };
        },
      });
    }
  }

  /** Scalar properties `load()` knows, and what `load()` without arguments loads. */
  protected abstract scalarNames(): readonly string[];

  /** A scalar property's current value on the host. */
  protected abstract readScalar(target: T, name: string): unknown;

  /** Properties that carry a value per cell (a range's values, formulas…). */
  protected isCellProperty(_name: string): boolean {
    return false;
  }

  /** Navigation properties ("format", "font"…), for load paths such as "format/font/bold". */
  protected navigation(_name: string): ClientObject<unknown> | undefined {
    return undefined;
  }

  /** Locates the host object (once), or null for a null object. Throws HostError when it cannot. */
  resolve(): T | null {
    if (!this.bound) {
      this.target = this.locate();
      this.bound = true;
    }
    if (this.target !== null && isGone(this.target)) {
      throw new HostError('ItemNotFound', `The ${this.typeName} no longer exists (${this.path}).`);
    }
    return this.target;
  }

  /** Binds an item proxy built from an already-resolved host object. */
  bindTo(target: T): this {
    this.target = target;
    this.bound = true;
    return this;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) {
      if (this.bound) return this.target === null;
      throw propertyNotLoaded('isNullObject');
    }
    return this.nullState;
  }

  protected get<V>(name: string): V {
    if (this.nullState === true || (this.bound && this.target === null)) return undefined as V;
    if (!this.loaded.has(name)) throw propertyNotLoaded(name);
    return this.loaded.get(name) as V;
  }

  /** Queues a property set; the local copy changes at once, as in Office.js. */
  protected setProperty(name: string, value: unknown, apply: (target: T) => void): void {
    this.loaded.set(name, value);
    this.enqueueOnTarget(`${this.typeName}.${name}`, [value], apply);
  }

  /** Queues a method call whose effect happens on the host. */
  protected call(method: string, args: unknown[], apply: (target: T) => void): void {
    this.enqueueOnTarget(`${this.typeName}.${method}`, args, apply);
  }

  /** Queues a method call with a primitive result (ClientResult). */
  protected callForResult<R>(method: string, args: unknown[], compute: (target: T) => R): ClientResult<R> {
    const result = new ClientResult<R>();
    this.context.enqueue({
      label: `${this.typeName}.${method}`,
      requestBytes: operationBytes(this.path, method, args),
      run: () => {
        const target = this.resolve();
        if (target === null) return;
        const value = compute(target);
        return { responseBytes: jsonBytes(value), deliver: () => result.deliver(value) };
      },
    });
    return result;
  }

  private enqueueOnTarget(label: string, args: unknown[], apply: (target: T) => void): void {
    this.context.enqueue({
      label,
      requestBytes: operationBytes(this.path, label, args),
      run: () => {
        const target = this.resolve();
        if (target !== null) apply(target);
      },
    });
  }

  /**
   * Queues a method that creates a host object and returns the proxy for it; the proxy resolves
   * to what the method created once it has run.
   */
  protected create<M, P>(method: string, args: unknown[], make: (target: T) => M, proxy: (locate: Locate<M>, path: string) => P): P {
    let made: M | null | undefined;
    this.enqueueOnTarget(`${this.typeName}.${method}`, args, (target) => {
      made = make(target);
    });
    const path = `${this.path}.${method}(${args.map((a) => (typeof a === 'object' ? '…' : JSON.stringify(a))).join(',')})`;
    return proxy(() => {
      if (made === undefined) throw new HostError('InvalidObjectPath', `${path} was not created: its command failed or has not run.`);
      return made;
    }, path);
  }

  /** A locator for a child proxy derived from this object's host object. */
  protected derive<C>(from: (target: T) => C | null): Locate<C> {
    return () => {
      const target = this.resolve();
      return target === null ? null : from(target);
    };
  }

  /** A navigation property's proxy, made once: `range.format` is the same object every time, as in Office.js. */
  protected navigationProxy<P>(name: string, make: () => P): P {
    let proxy = this.navigations.get(name) as P | undefined;
    if (proxy === undefined) {
      proxy = make();
      this.navigations.set(name, proxy);
    }
    return proxy;
  }

  protected childPath(segment: string): string {
    return `${this.path}.${segment}`;
  }

  load(option?: LoadOption): this {
    this.queueLoad(loadPaths(option));
    return this;
  }

  /** Loads scalar names here and hands nested paths ("format/font/bold") to navigation properties. */
  queueLoad(paths: string[]): void {
    const known = this.scalarNames();
    const scalars = new Set<string>(paths.length === 0 ? known : []);
    const unknown: string[] = [];
    for (const path of paths) {
      const [head, ...rest] = path.split('/');
      if (known.includes(head)) {
        scalars.add(head);
        continue;
      }
      const nav = this.navigation(head);
      if (nav) nav.queueLoad(rest.length > 0 ? [rest.join('/')] : []);
      else if (head !== 'isNullObject') unknown.push(head);
    }
    if (scalars.size === 0 && unknown.length === 0) return;
    const names = [...scalars];
    this.context.enqueue({
      label: `${this.typeName}.load`,
      requestBytes: operationBytes(this.path, 'load', names),
      run: () => {
        if (unknown.length > 0) {
          throw new HostError('InvalidArgument', `${this.typeName} has no property ${unknown.map((u) => `'${u}'`).join(', ')} to load.`);
        }
        const target = this.resolve();
        if (target === null) return { responseBytes: 4, deliver: () => undefined };
        const values = names.map((name) => this.readScalar(target, name));
        return {
          responseBytes: jsonBytes(values) + jsonBytes(names),
          deliver: () => names.forEach((name, i) => this.loaded.set(name, values[i])),
          deliverOversized: () => names.forEach((name, i) => this.loaded.set(name, this.isCellProperty(name) ? null : values[i])),
        };
      },
    });
  }

  /** object.set({...}): sets several properties, descending into navigation properties. */
  set(properties: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(properties)) {
      const nav = this.navigation(key);
      if (nav && value !== null && typeof value === 'object' && !Array.isArray(value)) nav.set(value as Record<string, unknown>);
      else (this as unknown as Record<string, unknown>)[key] = value;
    }
  }

  /** What JSON.stringify shows: the loaded scalar properties. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }

  /** Reads a scalar for an item of a loaded collection (items are proxies of the item class). */
  readScalarOf(target: T, name: string): unknown {
    return this.readScalar(target, name);
  }

  scalarNamesOf(): readonly string[] {
    return this.scalarNames();
  }

  deliverLoaded(values: Map<string, unknown>): void {
    for (const [k, v] of values) this.loaded.set(k, v);
  }
}

/**
 * A collection proxy: `items` after a load (`load("name")`, `load("items/name")` or `load()`
 * load those properties of every item), plus the collection's own scalars such as `count`.
 */
export abstract class CollectionObject<M, I extends ClientObject<M>, T = unknown> extends ClientObject<T> {
  private loadedItems: I[] | undefined;

  protected abstract list(target: T): M[];
  protected abstract item(model: M, index: number): I;

  protected ownScalars(): readonly string[] {
    return [];
  }

  protected override scalarNames(): readonly string[] {
    return this.ownScalars();
  }

  get items(): I[] {
    if (!this.loadedItems) throw propertyNotLoaded('items');
    return this.loadedItems;
  }

  override queueLoad(paths: string[]): void {
    const own = this.ownScalars();
    const ownPaths = paths.filter((p) => own.includes(p));
    if (ownPaths.length > 0) super.queueLoad(ownPaths);
    const itemPaths = paths.filter((p) => !own.includes(p)).map((p) => p.replace(/^items\/?/, '')).filter((p) => p !== '');
    if (ownPaths.length > 0 && itemPaths.length === 0 && paths.every((p) => own.includes(p))) return;
    this.context.enqueue({
      label: `${this.typeName}.load`,
      requestBytes: operationBytes(this.path, 'load', itemPaths),
      run: () => {
        const target = this.resolve();
        if (target === null) return { responseBytes: 4, deliver: () => undefined };
        const models = this.list(target);
        const items = models.map((m, i) => this.item(m, i).bindTo(m));
        const names = itemPaths.length > 0 ? itemPaths : items[0]?.scalarNamesOf() ?? [];
        if (items[0]) {
          const unknown = names.filter((n) => !items[0].scalarNamesOf().includes(n));
          if (unknown.length > 0) throw new HostError('InvalidArgument', `The items of ${this.typeName} have no property ${unknown.join(', ')} to load.`);
        }
        const values = items.map((item, i) => new Map(names.map((n) => [n, item.readScalarOf(models[i], n)] as const)));
        return {
          responseBytes: jsonBytes(values.map((v) => [...v.values()])),
          deliver: () => {
            items.forEach((item, i) => item.deliverLoaded(values[i]));
            this.loadedItems = items;
          },
        };
      },
    });
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), items: this.loadedItems?.map((i) => i.toJSON()) };
  }
}
