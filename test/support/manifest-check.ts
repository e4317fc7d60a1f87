/**
 * Offline checks of an add-in-only XML manifest, standing in for Microsoft's online validator:
 * element order (the xs:sequence of each parent in the TaskPaneApp schemas), required elements,
 * requirement sets, resources, icons (file exists, PNG of the declared size) and URLs (all under
 * one base URL). Returns the problems found, each in words.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseXml, walk, type XmlElement } from './xml';
import { MINIMUM_EXCEL_API } from '../../src/excel/host-check';

/** Children each parent may have, in the order the schema's xs:sequence requires. */
const SEQUENCES: Record<string, string[]> = {
  OfficeApp: [
    'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
    'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions',
    'Dictionary', 'VersionOverrides',
  ],
  AppDomains: ['AppDomain'],
  Hosts: ['Host'],
  Requirements: ['Sets', 'Methods'],
  Sets: ['Set'],
  DefaultSettings: ['SourceLocation', 'RequestedWidth', 'RequestedHeight'],
  VersionOverrides: ['Description', 'Requirements', 'Hosts', 'Resources', 'EquivalentAddins', 'VersionOverrides'],
  Host: ['Runtimes', 'AllFormFactors', 'DesktopFormFactor', 'MobileFormFactor'],
  DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
  GetStarted: ['Title', 'Description', 'LearnMoreUrl'],
  ExtensionPoint: ['OfficeTab', 'CustomTab', 'OfficeMenu'],
  OfficeTab: ['Group'],
  Group: ['Label', 'Icon', 'Control'],
  Control: ['Label', 'Supertip', 'Icon', 'Action'],
  Supertip: ['Title', 'Description'],
  Icon: ['Image'],
  Action: ['TaskpaneId', 'SourceLocation', 'Title', 'SupportsPinning', 'FunctionName'],
  Resources: ['Images', 'Urls', 'ShortStrings', 'LongStrings'],
  Images: ['Image'],
  Urls: ['Url'],
  ShortStrings: ['String'],
  LongStrings: ['String'],
};

const REQUIRED: Record<string, string[]> = {
  OfficeApp: [
    'Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
    'HighResolutionIconUrl', 'SupportUrl', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides',
  ],
  VersionOverrides: ['Hosts', 'Resources'],
  DesktopFormFactor: ['FunctionFile', 'ExtensionPoint'],
  Group: ['Label', 'Icon', 'Control'],
  Control: ['Label', 'Supertip', 'Icon', 'Action'],
  Action: ['SourceLocation'],
};

/** The ExcelApi version the add-in needs (PivotTables arrived in ExcelApi 1.8): the one its code assumes. */
export const REQUIRED_EXCEL_API = MINIMUM_EXCEL_API;

export interface ManifestCheckOptions {
  /** Every URL in the manifest must start with this (no trailing slash). */
  baseUrl: string;
  /** Where the files behind baseUrl + "/assets/…" are. */
  assetsDir: string;
}

const localName = (element: XmlElement) => element.name.replace(/^.*:/, '');
const childrenNamed = (element: XmlElement, name: string) => element.children.filter((c) => localName(c) === name);

export function checkManifest(xml: string, options: ManifestCheckOptions): string[] {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    return [`not well-formed XML: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  if (localName(root) !== 'OfficeApp' || root.attributes['xsi:type'] !== 'TaskPaneApp') {
    problems.push('the root element must be <OfficeApp xsi:type="TaskPaneApp">');
  }
  for (const element of walk(root)) checkOrder(element, problems);
  checkRequired(root, problems);
  checkValues(root, problems);
  checkResources(root, problems);
  checkUrls(root, options, problems);
  return problems;
}

function checkOrder(parent: XmlElement, problems: string[]): void {
  const sequence = SEQUENCES[localName(parent)];
  if (!sequence) return;
  let position = 0;
  let previous = '';
  for (const child of parent.children) {
    const index = sequence.indexOf(localName(child));
    if (index < 0) {
      problems.push(`line ${child.line}: <${child.name}> is not a valid child of <${parent.name}>`);
    } else if (index < position) {
      problems.push(`line ${child.line}: <${child.name}> must come before <${previous}> in <${parent.name}>`);
    } else {
      position = index;
      previous = child.name;
    }
  }
}

function checkRequired(root: XmlElement, problems: string[]): void {
  for (const element of walk(root)) {
    for (const name of REQUIRED[localName(element)] ?? []) {
      if (childrenNamed(element, name).length === 0) problems.push(`line ${element.line}: <${element.name}> lacks <${name}>`);
    }
  }
}

function checkValues(root: XmlElement, problems: string[]): void {
  const id = childrenNamed(root, 'Id')[0]?.text ?? '';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) problems.push(`<Id> must be a GUID, not "${id}"`);
  const version = childrenNamed(root, 'Version')[0]?.text ?? '';
  if (!/^\d+(\.\d+){0,3}$/.test(version)) problems.push(`<Version> must be n.n.n.n, not "${version}"`);
  const permissions = childrenNamed(root, 'Permissions')[0]?.text;
  if (permissions !== 'ReadWriteDocument') problems.push(`<Permissions> must be ReadWriteDocument (the add-in writes result columns), not "${permissions}"`);
  const hosts = [...walk(childrenNamed(root, 'Hosts')[0] ?? root)].filter((e) => localName(e) === 'Host').map((h) => h.attributes.Name);
  if (hosts.join() !== 'Workbook') problems.push(`<Hosts> must name the Workbook host only, not ${hosts.join(', ') || 'none'}`);
  const sets = [...walk(root)].filter((e) => localName(e) === 'Set');
  const excel = sets.find((s) => s.attributes.Name === 'ExcelApi');
  if (!excel) problems.push(`<Requirements> must declare ExcelApi ${REQUIRED_EXCEL_API}`);
  else if (excel.attributes.MinVersion !== REQUIRED_EXCEL_API) {
    problems.push(`ExcelApi MinVersion must be ${REQUIRED_EXCEL_API} (PivotTables), not ${excel.attributes.MinVersion}`);
  }
  const homeButtons = [...walk(root)]
    .filter((e) => localName(e) === 'OfficeTab' && e.attributes.id === 'TabHome')
    .flatMap((tab) => [...walk(tab)].filter((e) => localName(e) === 'Control' && e.attributes['xsi:type'] === 'Button'));
  const opensPane = homeButtons.some((b) => childrenNamed(b, 'Action').some((a) => a.attributes['xsi:type'] === 'ShowTaskpane'));
  if (!opensPane) problems.push('there must be a button on the Home tab (OfficeTab TabHome) that shows the task pane');
}

function checkResources(root: XmlElement, problems: string[]): void {
  const defined = new Map<string, XmlElement>();
  const resources = [...walk(root)].find((e) => localName(e) === 'Resources');
  for (const element of resources ? walk(resources) : []) {
    const id = element.attributes.id;
    if (!id) continue;
    if (defined.has(id)) problems.push(`line ${element.line}: resource id "${id}" is defined twice`);
    defined.set(id, element);
    if (id.length > 32) problems.push(`line ${element.line}: resource id "${id}" is longer than 32 characters`);
    const value = element.attributes.DefaultValue ?? '';
    const list = localName(element) === 'String' ? element : undefined;
    if (list) {
      // ShortStrings hold at most 125 characters and LongStrings 250.
      const limit = xmlParentName(resources!, element) === 'ShortStrings' ? 125 : 250;
      if (value.length > limit) problems.push(`line ${element.line}: string "${id}" is longer than ${limit} characters`);
    }
  }
  const used = new Set<string>();
  for (const element of walk(root)) {
    const resid = element.attributes.resid;
    if (!resid) continue;
    used.add(resid);
    if (!defined.has(resid)) problems.push(`line ${element.line}: resid "${resid}" is not defined in <Resources>`);
  }
  for (const id of defined.keys()) if (!used.has(id)) problems.push(`resource "${id}" is defined but never used`);
}

function xmlParentName(tree: XmlElement, target: XmlElement): string | undefined {
  for (const element of walk(tree)) if (element.children.includes(target)) return localName(element);
  return undefined;
}

/** Every URL shares the base; every icon is a PNG file of the size it is declared at. */
function checkUrls(root: XmlElement, options: ManifestCheckOptions, problems: string[]): void {
  const origin = new URL(options.baseUrl).origin;
  const expectedSize = new Map<string, number>();
  const iconUrl = childrenNamed(root, 'IconUrl')[0]?.attributes.DefaultValue;
  const highRes = childrenNamed(root, 'HighResolutionIconUrl')[0]?.attributes.DefaultValue;
  if (iconUrl) expectedSize.set(iconUrl, 32);
  if (highRes) expectedSize.set(highRes, 64);
  const images = new Map<string, string>();
  for (const element of walk(root)) {
    if (localName(element) === 'Image' && element.attributes.id) images.set(element.attributes.id, element.attributes.DefaultValue);
  }
  for (const element of walk(root)) {
    if (localName(element) === 'Image' && element.attributes.size && element.attributes.resid) {
      const url = images.get(element.attributes.resid);
      if (url) expectedSize.set(url, Number(element.attributes.size));
    }
  }
  for (const element of walk(root)) {
    if (localName(element) === 'AppDomain') {
      if (element.text !== origin) problems.push(`line ${element.line}: AppDomain ${element.text} is not the add-in's origin ${origin}`);
      continue;
    }
    const url = element.attributes.DefaultValue;
    if (!url || !/^[a-z]+:\/\//i.test(url)) continue;
    if (!url.startsWith(`${options.baseUrl}/`)) {
      problems.push(`line ${element.line}: ${url} is not under ${options.baseUrl}`);
      continue;
    }
    const size = expectedSize.get(url) ?? (localName(element) === 'Image' ? -1 : undefined);
    if (size === undefined) continue;
    const relative = url.slice(options.baseUrl.length + 1);
    if (!relative.startsWith('assets/')) {
      problems.push(`line ${element.line}: icon ${url} is not in assets/`);
      continue;
    }
    const file = path.join(options.assetsDir, relative.slice('assets/'.length));
    if (!fs.existsSync(file)) {
      problems.push(`line ${element.line}: icon ${url} has no file ${path.basename(file)} in assets/`);
      continue;
    }
    const dimensions = pngSize(fs.readFileSync(file));
    if (!dimensions) problems.push(`line ${element.line}: icon ${path.basename(file)} is not a PNG`);
    else if (size > 0 && (dimensions.width !== size || dimensions.height !== size)) {
      problems.push(`line ${element.line}: icon ${path.basename(file)} is ${dimensions.width}×${dimensions.height}, not ${size}×${size}`);
    }
  }
}

export function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = '89504e470d0a1a0a';
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature || bytes.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
