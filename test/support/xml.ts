/**
 * A small XML reader for checking the manifest offline (Microsoft's validator is a web service).
 * It handles what manifests contain: elements, attributes, text, comments and the declaration.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  /** 1-based line of the start tag, for messages. */
  line: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1].toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ENTITIES[entity] ?? whole;
  });
}

export function parseXml(source: string): XmlElement {
  const tag = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  const attribute = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let last = 0;
  let match: RegExpExecArray | null;
  const lineAt = (index: number) => source.slice(0, index).split('\n').length;
  while ((match = tag.exec(source))) {
    const between = source.slice(last, match.index);
    if (stack.length > 0) stack[stack.length - 1].text += decode(between);
    else if (between.trim()) throw new Error(`line ${lineAt(match.index)}: text outside the root element`);
    last = tag.lastIndex;
    const [whole, closing, name, attributeText, selfClosing] = match;
    if (whole.startsWith('<!--') || whole.startsWith('<?')) continue;
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`line ${lineAt(match.index)}: </${name}> does not close <${open?.name}>`);
      open.text = open.text.trim();
      continue;
    }
    const element: XmlElement = { name, attributes: {}, children: [], text: '', line: lineAt(match.index) };
    for (const a of attributeText.matchAll(attribute)) element.attributes[a[1]] = decode(a[2] ?? a[3]);
    if (stack.length > 0) stack[stack.length - 1].children.push(element);
    else if (root) throw new Error(`line ${element.line}: a second root element <${name}>`);
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element of the tree, depth first. */
export function* walk(element: XmlElement): Generator<XmlElement> {
  yield element;
  for (const child of element.children) yield* walk(child);
}
