/**
 * Just enough XML to read and patch the parts of a package in place: the child elements of an
 * element as spans of the source text, attributes of a start tag, and text escaped and
 * unescaped. Everything not touched is copied as the very text it was.
 */

/** Characters XML 1.0 cannot hold at all, even escaped: C0 controls other than tab, LF and CR, and U+FFFE/U+FFFF. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Counts the characters left out because XML cannot hold them, so the caller can say so. */
export interface DroppedCharacters {
  count: number;
}

/** Text escaped for an XML element or a double-quoted attribute. */
export function escapeXml(text: string, dropped?: DroppedCharacters): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(/[&<>"]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;')).replace(FORBIDDEN, () => {
    if (dropped) dropped.count++;
    return '';
  });
}

/** The inverse of XML escaping: entities and character references. */
export function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity[0] === '#') return String.fromCodePoint(entity[1] === 'x' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity]!;
  });
}

export interface ElementSpan {
  /** The local name when the element is in the part's main namespace ("row"), else the qualified name ("mc:AlternateContent"). */
  name: string;
  start: number;
  /** Just after the start tag's ">". */
  contentStart: number;
  /** Just after the element's end. */
  end: number;
  selfClosing: boolean;
}

/** Elements skipped by searching for their end tag: the one large element of a worksheet. */
const SKIP_BY_END_TAG = new Set(['sheetData']);

/** The index just after the ">" that ends the tag opened at `start`; quoted values may hold ">". */
function tagEnd(source: string, start: number): number {
  let quote = '';
  for (let i = start + 1; i < source.length; i++) {
    const ch = source[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '>') {
      return i + 1;
    }
  }
  throw new Error('an XML tag is not closed');
}

/** The index just after the markup (comment, processing instruction, CDATA) that starts at `at`, or -1 if none does. */
function skipMarkup(source: string, at: number): number {
  if (source.startsWith('<!--', at)) return source.indexOf('-->', at) + 3;
  if (source.startsWith('<?', at)) return source.indexOf('?>', at) + 2;
  if (source.startsWith('<![CDATA[', at)) return source.indexOf(']]>', at) + 3;
  if (source.startsWith('<!', at)) return tagEnd(source, at);
  return -1;
}

function qualifiedName(source: string, at: number): string {
  let end = at + 1;
  while (end < source.length && !/[\s/>]/.test(source[end])) end++;
  return source.slice(at + 1, end);
}

/** The span of the element whose start tag begins at `at`. */
function elementAt(source: string, at: number, prefix: string): ElementSpan {
  const qname = qualifiedName(source, at);
  const name = prefix && qname.startsWith(prefix) ? qname.slice(prefix.length) : qname;
  const contentStart = tagEnd(source, at);
  if (source[contentStart - 2] === '/') return { name, start: at, contentStart, end: contentStart, selfClosing: true };
  if (SKIP_BY_END_TAG.has(name)) {
    const close = `</${qname}>`;
    const found = source.indexOf(close, contentStart);
    if (found < 0) throw new Error(`<${qname}> is not closed`);
    return { name, start: at, contentStart, end: found + close.length, selfClosing: false };
  }
  let depth = 1;
  let i = contentStart;
  while (depth > 0) {
    const lt = source.indexOf('<', i);
    if (lt < 0) throw new Error(`<${qname}> is not closed`);
    const skipped = skipMarkup(source, lt);
    if (skipped >= 0) {
      i = skipped;
    } else if (source[lt + 1] === '/') {
      depth--;
      i = source.indexOf('>', lt) + 1;
    } else {
      i = tagEnd(source, lt);
      if (source[i - 2] !== '/') depth++;
    }
  }
  return { name, start: at, contentStart, end: i, selfClosing: false };
}

/** The root element of a part. */
export function rootElement(source: string): ElementSpan & { qname: string } {
  let i = 0;
  for (;;) {
    const lt = source.indexOf('<', i);
    if (lt < 0) throw new Error('no root element');
    const skipped = skipMarkup(source, lt);
    if (skipped < 0) {
      const qname = qualifiedName(source, lt);
      const contentStart = tagEnd(source, lt);
      const selfClosing = source[contentStart - 2] === '/';
      const end = selfClosing ? contentStart : source.lastIndexOf(`</${qname}`) + `</${qname}>`.length;
      return { qname, name: qname, start: lt, contentStart, end, selfClosing };
    }
    i = skipped;
  }
}

/** The namespace prefix of a part's root element with its colon ("x:"), or "" for a default namespace. */
export function rootPrefix(source: string): string {
  const { qname } = rootElement(source);
  const colon = qname.indexOf(':');
  return colon < 0 ? '' : qname.slice(0, colon + 1);
}

/** The child elements of `parent` (of the root when undefined), in order. */
export function childElements(source: string, parent: ElementSpan | undefined, prefix: string): ElementSpan[] {
  const within = parent ?? rootElement(source);
  if (within.selfClosing) return [];
  const closeAt = source.lastIndexOf('</', within.end - 1);
  const children: ElementSpan[] = [];
  let i = within.contentStart;
  for (;;) {
    const lt = source.indexOf('<', i);
    if (lt < 0 || lt >= closeAt) return children;
    const skipped = skipMarkup(source, lt);
    if (skipped >= 0) {
      i = skipped;
      continue;
    }
    const child = elementAt(source, lt, prefix);
    children.push(child);
    i = child.end;
  }
}

/** An attribute of a start tag, unescaped; undefined when absent. */
export function attribute(tag: string, name: string): string | undefined {
  const match = attributePattern(name).exec(tag);
  return match ? unescapeXml(match[2] ?? match[3]) : undefined;
}

const attributePatterns = new Map<string, RegExp>();
/** Compiled once per name: attributes are read for every row of a sheet. */
function attributePattern(name: string): RegExp {
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  return pattern;
}

/** A start tag with an attribute set (added before the tag's end when absent), or removed when `value` is undefined. */
export function withAttribute(tag: string, name: string, value: string | undefined): string {
  const pattern = attributePattern(name);
  if (value === undefined) return tag.replace(pattern, '');
  const text = ` ${name}="${escapeXml(value)}"`;
  if (pattern.test(tag)) return tag.replace(pattern, () => text);
  const end = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end)}${text}${tag.slice(end)}`;
}

/** An attribute of a part's root element (a table's name, a cache's refresh flag). */
export function rootAttribute(xml: string, name: string): string | undefined {
  const root = rootElement(xml);
  return attribute(xml.slice(root.start, root.contentStart), name);
}

/** The part with an attribute of its root element set. */
export function withRootAttribute(xml: string, name: string, value: string): string {
  const root = rootElement(xml);
  return xml.slice(0, root.start) + withAttribute(xml.slice(root.start, root.contentStart), name, value) + xml.slice(root.contentStart);
}
