/**
 * What a file given as an .xlsx workbook is, from its bytes. An .xlsx is a zip package. A
 * password-protected one is not: Excel writes it as an OLE compound file whose streams are
 * EncryptionInfo and EncryptedPackage (the encrypted zip, [MS-OFFCRYPTO]); an old .xls workbook
 * is an OLE compound file too, with a Workbook stream. Telling them apart lets the user be told
 * what to do instead of a zip reader's complaint.
 */

/** Every OLE compound file begins so ([MS-CFB] 2.2). */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The stream name of an encrypted package, as its directory entry holds it (UTF-16LE). */
const ENCRYPTED_PACKAGE = utf16le('EncryptedPackage');

function utf16le(text: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) bytes.push(text.charCodeAt(i), 0);
  return bytes;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

function contains(bytes: Uint8Array, pattern: readonly number[]): boolean {
  const first = pattern[0];
  for (let at = bytes.indexOf(first); at >= 0 && at + pattern.length <= bytes.length; at = bytes.indexOf(first, at + 1)) {
    let i = 1;
    while (i < pattern.length && bytes[at + i] === pattern[i]) i++;
    if (i === pattern.length) return true;
  }
  return false;
}

/**
 * Why bytes given as an .xlsx workbook are not one the add-in can open, in words that say what
 * to do; undefined when they may be (a zip package, or something a zip reader will describe).
 */
export function whyNotAWorkbookPackage(bytes: Uint8Array): string | undefined {
  if (!startsWith(bytes, OLE_SIGNATURE)) return undefined;
  if (contains(bytes, ENCRYPTED_PACKAGE)) return 'it is password-protected: save an unprotected copy (in Excel, File › Info › Protect Workbook › Encrypt with Password, and clear the password) and use that';
  return 'it is an old-format Excel workbook (.xls) under an .xlsx name: open it in Excel and save it as .xlsx or .csv';
}
