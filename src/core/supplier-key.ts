/**
 * The supplier key: one normalised name for all the ways a finance system writes one supplier
 * ("A.B.C. LIMITED" and "Abc Ltd" → "A B C"; "Water Plus - 4035576019 - 2 Foxhill Bank"
 * and "Water Plus Ltd" → "WATER PLUS"; "Waterplus - 6002030122 - Rhyddings Park" → "WATERPLUS",
 * the same supplier). It drops what
 * finance systems add to a name (account numbers and sites, payment-method notes, legal
 * suffixes, web addresses, trading names) and keeps every word that tells one organisation from
 * another, so that "Salford City Council" and "Salford Royal NHS Foundation Trust" stay apart.
 * The key is shown with its words spaced ("WATER PLUS"), but finance systems split and join
 * words at will ("Kidz R Us" and "Kidzrus", "E.On" and "Eon", "Barratt & Hughes" and "Barratt
 * Hughes"), so two keys name the same supplier when their identities — the key without spaces
 * — are equal ("WATER PLUS" and "WATERPLUS"). The supplier directory groups by identity.
 */

/** Parenthesised notes that say how a payment was made, not who was paid: "(DD ONLY)". */
const PAYMENT_NOTE_WORDS = new Set([
  'DD', 'D', 'ONLY', 'DIRECT', 'DEBIT', 'DEBITS', 'PAYMENT', 'PAYMENTS', 'BACS', 'CHAPS', 'CHQ',
  'CHEQUE', 'STANDING', 'ORDER', 'SO', 'AC', 'ACC', 'ACCOUNT', 'UK', 'GB', 'THE', 'LTD', 'LIMITED',
  'PLC',
]);

/** A legal form ends the name: what follows it is a site, an account or a trading name. */
const LEGAL_FORMS = new Set(['LTD', 'LIMITED', 'PLC', 'LLP', 'INC', 'GMBH', 'LIMTED', 'LTDA']);

/**
 * Words dropped from the end of a key: legal forms, their truncations (names cut at 35
 * characters end "… Lt" or "… Limite"), and country and "& Co" tails.
 */
const TRAILING_NOISE = new Set([
  ...LEGAL_FORMS,
  'LT', 'LI', 'LIM', 'LIMI', 'LIMIT', 'LIMITE', 'CIC', 'LP', 'CO', 'UK', 'GB', 'THE',
]);

/** Card processors that put the merchant after a star: "SUMUP *JF SERVICES". */
const CARD_PROCESSORS = new Set(['PAYPAL', 'SUMUP', 'SQUARE', 'STRIPE', 'ZETTLE', 'IZETTLE', 'WORLDPAY']);

const TITLES = new Set(['THE', 'MR', 'MRS', 'MISS', 'MS', 'DR']);

/** "T/A", "T/AS", "Trading as" and "C/O", with any punctuation between the words, as the key has. */
const TRADING_AS = /(?<![A-Z0-9])(?:T\/AS?|TRADING[^A-Z0-9]+AS|C\/O)(?![A-Z0-9])/;

export function supplierKey(name: string): string {
  let s = name;
  // Accents and typographic quotes only when present: most names are plain ASCII.
  if (/[^\x20-\x7e]/.test(s)) {
    s = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[\u2018\u2019\u0060\u00b4]/g, "'");
  }
  s = s.toUpperCase();
  const asWritten = s;

  // Card-payment descriptors: "IZ *KEVIN BOOTH PAINTING" names the merchant after a processor
  // code; "AMAZON.CO.UK*5J2322XQ5" names it before a reference.
  const star = s.indexOf('*');
  if (star >= 0) {
    const before = s.slice(0, star).trim();
    const after = s.slice(star + 1).trim();
    const processor = before.length <= 4 || CARD_PROCESSORS.has(before);
    s = processor && after !== '' ? after : before || after;
  }

  if (s.includes('(')) {
    s = s.replace(/\(([^)]*)(\)?)/g, (_whole, inner: string, closed: string, offset: number, text: string) =>
      // An unclosed parenthesis is a name cut short: "Federation Of Community Services (C".
      closed ? parenthesis(inner, text.slice(0, offset)) : ' ',
    );
  }

  // A trading name ("X T/A Y", "X trading as Y") or care-of: the entity named first is the
  // supplier; when nothing comes first ("T/A Cbre Ltd"), the name after it is.
  // Until none is left, so that the key is its own key.
  if (s.includes('/') || s.includes('TRADING')) {
    for (let marker = TRADING_AS.exec(s); marker; marker = TRADING_AS.exec(s)) {
      const before = s.slice(0, marker.index);
      s = /[A-Z0-9]/.test(before) ? before : s.slice(marker.index + marker[0].length);
    }
  }

  // Web addresses: "WWW.DURAWELD.CO.UK" → "DURAWELD", "WATER PLUS.CO.UK" → "WATER PLUS".
  if (s.includes('.')) {
    s = s.replace(/\bWWW\./g, '').replace(/\.(?:CO|ORG|GOV|AC)\.UK?\b\S*|\.(?:COM|NET|ORG|CO)\b\S*/g, '');
  }

  // An account number or site after a dash: "EDF - 893361461 Hyndburn Leisure Centre".
  const account = s.includes('-') ? /\s-\s*\S*\d/.exec(s) : null;
  if (account) s = s.slice(0, account.index);

  // "K'S", "Marston ' S" → "KS", "MARSTONS"
  if (s.includes("'") || s.includes('`')) s = s.replace(/\s*['`]\s*S\b/g, 'S');
  const key = keyFromWords(wordsOf(s));
  if (key) return key;
  // A name that is all notes or references: the key of its words as written (what the key
  // itself gives again), else the name as it is.
  const words = wordsOf(asWritten).join(' ');
  return words !== '' && words !== name ? supplierKey(words) : name.trim().toUpperCase().replace(/\s+/g, ' ');
}

function wordsOf(text: string): string[] {
  return text.split(/[^A-Z0-9]+/).filter((word) => word !== '' && word !== 'AND');
}

/** What makes two keys the same supplier: the key without its spaces. */
export function keyIdentity(key: string): string {
  return key.replace(/ /g, '');
}

function keyFromWords(words: string[]): string {
  let end = words.length;
  for (let i = 1; i < end; i++) {
    const word = words[i];
    if (LEGAL_FORMS.has(word)) end = i;
    // An account reference: four or more digits after the first word ("BGL499730").
    else if (/\d{4}/.test(word)) end = i;
  }
  let start = 0;
  while (start < end - 1 && TITLES.has(words[start])) start++;
  while (end - start > 1 && TRAILING_NOISE.has(words[end - 1])) end--;
  return words.slice(start, end).join(' ');
}

/**
 * What a parenthesis contributes to the key: nothing when it is a payment note, a country or
 * a legal form ("(Direct Debit Payments)", "(Uk)") or the initials of the words before it
 * ("Royal Town Planning Institute (RTPI)"); otherwise its words ("Hill View (Private) Hotel").
 */
function parenthesis(inner: string, before: string): string {
  const words = inner.split(/[^A-Z0-9]+/).filter((word) => word !== '');
  if (words.every((word) => PAYMENT_NOTE_WORDS.has(word))) return ' ';
  if (words.length === 1 && words[0].length >= 2 && isInitialsOf(words[0], before)) return ' ';
  return ` ${inner} `;
}

function isInitialsOf(acronym: string, before: string): boolean {
  const initials = before
    .split(/[^A-Z0-9]+/)
    .filter((word) => word !== '' && word !== 'OF' && word !== 'AND' && word !== 'IN')
    .map((word) => word[0])
    .join('');
  return initials.endsWith(acronym);
}
