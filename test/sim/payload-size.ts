/**
 * Request and response sizes, estimated as the UTF-8 length of the JSON of what travels:
 * the queued operations with their arguments, and the loaded results.
 */

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? 'null');
}

/** The request bytes of one operation: its object path, name and arguments as JSON. */
export function operationBytes(path: string, name: string, args: unknown[]): number {
  return utf8Length(path) + utf8Length(name) + utf8Length(JSON.stringify(args) ?? '') + 8;
}
