/**
 * The key a name is matched against the public registers by: the supplier key's identity (see
 * supplier-key.ts: Ltd and Limited, & and "and", punctuation and spacing, a leading "The", a
 * trading name after "T/A", "(UK)" all fall away), after the register's own spellings of a legal
 * form are brought to the short ones finance systems use ("PUBLIC LIMITED COMPANY" → PLC,
 * "C.I.C." → CIC, Welsh "CYFYNGEDIG" → LTD). Every word that tells one organisation from another
 * stays: "X Holdings Ltd", "X (Scotland) Ltd" and "X Group Ltd" are three keys, none of them X's.
 *
 * The same function keys the register's names when the pack is built and a supplier's names when
 * it is looked up, so that equal keys mean equal names in this sense, and nothing looser.
 */
import { keyIdentity, supplierKey } from './supplier-key';

/** The register's long legal forms, English and Welsh, and the short forms finance systems write. */
const SHORT_FORMS: Readonly<Record<string, string>> = {
  'PUBLIC LIMITED COMPANY': 'PLC',
  'LIMITED LIABILITY PARTNERSHIP': 'LLP',
  'COMMUNITY INTEREST COMPANY': 'CIC',
  'CWMNI CYFYNGEDIG CYHOEDDUS': 'PLC',
  'PARTNERIAETH ATEBOLRWYDD CYFYNGEDIG': 'LLP',
  'CWMNI BUDDIANT CYMUNEDOL': 'CIC',
  CYFYNGEDIG: 'LTD',
};
const LONG_FORM = new RegExp(`\\b(${Object.keys(SHORT_FORMS).join('|')})(?![A-Z])`, 'g');
/** "CYF", Cyfyngedig cut short, only where it ends the name. */
const WELSH_LTD = /\bCYF\.?$/;

/** "C.I.C.", "P.L.C.", "A.B.C.": initials with dots, joined into one word. */
const DOTTED_INITIALS = /\b(?:[A-Z]\.){2,}(?![A-Z])/g;

/** The register key of a name: upper-case letters and digits only; "" when the name has none. */
export function registerNameKey(name: string): string {
  let text = name.trim().toUpperCase();
  if (text.includes('.')) text = text.replace(DOTTED_INITIALS, (initials) => `${initials.replace(/\./g, '')} `);
  if (text.includes('COMPANY') || text.includes('PARTNERIAETH') || text.includes('CYF')) {
    text = text.replace(LONG_FORM, (long: string) => SHORT_FORMS[long]).replace(WELSH_LTD, 'LTD');
  }
  return keyIdentity(supplierKey(text)).replace(/[^A-Z0-9]/g, '');
}
