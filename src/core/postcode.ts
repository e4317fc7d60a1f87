/**
 * Postcodes as people type them: finding one in a postcode cell or an address, checking it
 * against the real UK format, and recognising partial postcodes and foreign addresses.
 *
 * Callers pass only postcode and address text (SPEC.md: never a supplier's name or a
 * description), since a name such as "M1 Motors" or "B2B Supplies" would otherwise read as a
 * postcode.
 */

/** The letters Royal Mail uses in the last two places of a postcode (never C, I, K, M, O, V). */
export const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/**
 * Every UK postcode area, including the Crown dependencies (GY, JE, IM), Northern Ireland (BT)
 * and the non-geographic BX.
 */
export const POSTCODE_AREAS: ReadonlySet<string> = new Set(
  (
    'AB AL B BA BB BD BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY ' +
    'E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE ' +
    'LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL ' +
    'SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE'
  ).split(' '),
);

/** Postcodes in UK format that belong to British Overseas Territories, which are not the UK. */
const OVERSEAS_TERRITORIES: ReadonlyMap<string, string> = new Map([
  ['ASCN 1ZZ', 'Ascension Island'],
  ['BBND 1ZZ', 'British Indian Ocean Territory'],
  ['BIQQ 1ZZ', 'British Antarctic Territory'],
  ['FIQQ 1ZZ', 'Falkland Islands'],
  ['GX11 1AA', 'Gibraltar'],
  ['PCRN 1ZZ', 'Pitcairn Islands'],
  ['SIQQ 1ZZ', 'South Georgia and the South Sandwich Islands'],
  ['STHL 1ZZ', 'St Helena'],
  ['TDCU 1ZZ', 'Tristan da Cunha'],
  ['TKCA 1ZZ', 'Turks and Caicos Islands'],
]);

export type PostcodeFinding =
  /** A valid full postcode, normalised: "PR1 2HE". */
  | { kind: 'full'; postcode: string; area: string; outward: string; sector: string }
  /** A postcode sector: "PR3 2". */
  | { kind: 'sector'; sector: string; area: string; outward: string }
  /** A postcode district (outward code): "PR3". */
  | { kind: 'district'; outward: string; area: string }
  /** A foreign postcode or country: outside the UK. */
  | { kind: 'foreign'; country: string; evidence: string }
  /** Text in a postcode cell that is not a valid postcode, with why. */
  | { kind: 'invalid'; text: string; why: string }
  | { kind: 'none' };

export interface PostcodeText {
  /** The row's postcode cell. */
  postcode?: string;
  /** The row's address text (one cell, or several joined with ", "). */
  address?: string;
}

const OUTWARD_SHAPE = /^([A-Z]{1,2})([0-9])([0-9A-Z]?)$/;
const INWARD_SHAPE = /^[0-9][A-Z]{2}$/;
const THIRD_LETTERS = 'ABCDEFGHJKPSTUW'; // A9A outward codes (London: W1A, EC1A is AA9A)
const FOURTH_LETTERS = 'ABEHMNPRVWXY'; // AA9A outward codes

/** Why an outward code ("PR1", "SW1A") is not valid, or undefined when it is. */
function outwardProblem(outward: string): string | undefined {
  const shape = OUTWARD_SHAPE.exec(outward);
  if (!shape) return `"${outward}" is not shaped like the first half of a postcode`;
  const [, area, , last] = shape;
  if (!POSTCODE_AREAS.has(area)) return `"${area}" is not a UK postcode area`;
  if (last !== '' && !/[0-9]/.test(last)) {
    const allowed = area.length === 1 ? THIRD_LETTERS : FOURTH_LETTERS;
    if (!allowed.includes(last)) return `"${outward}" cannot end in the letter ${last}`;
  }
  return undefined;
}

function inwardProblem(inward: string): string | undefined {
  if (!INWARD_SHAPE.test(inward)) return `"${inward}" is not shaped like the second half of a postcode (a digit and two letters)`;
  const bad = [...inward.slice(1)].filter((c) => !INWARD_LETTERS.includes(c));
  if (bad.length > 0) return `the last two letters of a postcode are never C, I, K, M, O or V (found ${bad.join(', ')})`;
  return undefined;
}

/**
 * Checks one candidate, already upper case with outward and inward separated by a single space,
 * against the UK format. Returns the postcode, or why it is not one.
 */
export function checkPostcode(candidate: string): { postcode: string } | { why: string } {
  if (candidate === 'GIR 0AA') return { postcode: candidate };
  const space = candidate.indexOf(' ');
  if (space < 0) return { why: `"${candidate}" has no second half` };
  const outward = candidate.slice(0, space);
  const inward = candidate.slice(space + 1);
  const why = outwardProblem(outward) ?? inwardProblem(inward);
  return why ? { why } : { postcode: candidate };
}

/** The normalised form of a whole text that is one full UK postcode, else undefined. */
export function normalisePostcode(text: string): string | undefined {
  const joined = tokens(text).join('');
  if (joined.length < 5 || joined.length > 7) return undefined;
  const found = checkPostcode(`${joined.slice(0, -3)} ${joined.slice(-3)}`);
  return 'postcode' in found ? found.postcode : undefined;
}

export function postcodeArea(outward: string): string {
  return /^[A-Z]+/.exec(outward)?.[0] ?? outward;
}

function fullFinding(postcode: string): PostcodeFinding {
  const outward = postcode.slice(0, postcode.indexOf(' '));
  return { kind: 'full', postcode, area: postcodeArea(outward), outward, sector: postcode.slice(0, -2) };
}

/** Upper case words of letters and digits: every other character separates. */
function tokens(text: string): string[] {
  return text
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((t) => t !== '');
}

/** The last valid full postcode among the tokens: either one token ("PR12HE") or two. */
function lastFullPostcode(words: readonly string[]): string | undefined {
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i];
    if (i > 0 && INWARD_SHAPE.test(word)) {
      const found = checkPostcode(`${words[i - 1]} ${word}`);
      if ('postcode' in found) return found.postcode;
    }
    if (word.length >= 5 && word.length <= 7) {
      const found = checkPostcode(`${word.slice(0, -3)} ${word.slice(-3)}`);
      if ('postcode' in found) return found.postcode;
    }
  }
  return undefined;
}

/** A sector ("PR3 2", also "PR3 2**" as redacted files show it) or a district ("PR3"). */
function partialFinding(words: readonly string[]): PostcodeFinding | undefined {
  if (words.length === 0 || words.length > 2) return undefined;
  const outward = words[0];
  if (outwardProblem(outward) !== undefined) return undefined;
  const area = postcodeArea(outward);
  if (words.length === 1) return { kind: 'district', outward, area };
  if (/^[0-9]$/.test(words[1])) return { kind: 'sector', sector: `${outward} ${words[1]}`, area, outward };
  return undefined;
}

/** Why a postcode-like text is not a postcode, for the invalid message. */
function explainInvalid(text: string, words: readonly string[]): string {
  if (words.length === 2 && /^[A-Z]{1,4}[0-9]/.test(words[0]) && /^[0-9]/.test(words[1])) {
    const found = checkPostcode(`${words[0]} ${words[1]}`);
    if ('why' in found) return found.why;
  }
  if (words.length === 1 && words[0].length >= 5 && words[0].length <= 7 && /[0-9][A-Z]{2}$/.test(words[0])) {
    const found = checkPostcode(`${words[0].slice(0, -3)} ${words[0].slice(-3)}`);
    if ('why' in found) return found.why;
  }
  if (words.length === 1 && /^[A-Z]{1,2}[0-9]/.test(words[0])) {
    return outwardProblem(words[0]) ?? `"${text.trim()}" is not a complete postcode`;
  }
  return `"${text.trim()}" is not a UK postcode`;
}

const COUNTRIES: ReadonlyMap<string, string> = new Map(
  (
    [
      ['Ireland', 'ireland|republic of ireland|eire|roi'],
      ['France', 'france'],
      ['Germany', 'germany|deutschland'],
      ['Netherlands', 'netherlands|the netherlands|nederland'],
      ['Belgium', 'belgium|belgique|belgie'],
      ['Luxembourg', 'luxembourg'],
      ['Spain', 'spain|espana'],
      ['Portugal', 'portugal'],
      ['Italy', 'italy|italia'],
      ['Switzerland', 'switzerland|schweiz|suisse'],
      ['Austria', 'austria|osterreich'],
      ['Denmark', 'denmark|danmark'],
      ['Sweden', 'sweden|sverige'],
      ['Norway', 'norway|norge'],
      ['Finland', 'finland|suomi'],
      ['Iceland', 'iceland'],
      ['Poland', 'poland|polska'],
      ['Czech Republic', 'czech republic|czechia'],
      ['Slovakia', 'slovakia'],
      ['Hungary', 'hungary'],
      ['Romania', 'romania'],
      ['Bulgaria', 'bulgaria'],
      ['Greece', 'greece'],
      ['Cyprus', 'cyprus'],
      ['Malta', 'malta'],
      ['Estonia', 'estonia'],
      ['Latvia', 'latvia'],
      ['Lithuania', 'lithuania'],
      ['Slovenia', 'slovenia'],
      ['Croatia', 'croatia'],
      ['Turkey', 'turkey|turkiye'],
      ['United States', 'usa|us|u s a|u s|united states|united states of america'],
      ['Canada', 'canada'],
      ['Mexico', 'mexico'],
      ['Brazil', 'brazil'],
      ['Australia', 'australia'],
      ['New Zealand', 'new zealand'],
      ['South Africa', 'south africa'],
      ['India', 'india'],
      ['China', 'china|prc'],
      ['Hong Kong', 'hong kong'],
      ['Japan', 'japan'],
      ['Singapore', 'singapore'],
      ['Israel', 'israel'],
      ['United Arab Emirates', 'uae|u a e|united arab emirates'],
    ] as const
  ).flatMap(([country, spellings]) => spellings.split('|').map((s) => [s, country] as const)),
);

/** Words before a country name that make it a UK place instead ("Northern Ireland"). */
const UK_QUALIFIERS = /\b(northern|north)\s*$/;

/** The country named at the end of the last part of an address, if it is a foreign one. */
function countryAtEnd(text: string): { country: string; evidence: string } | undefined {
  const parts = text.split(/[,;\n\r]+/).map((p) => p.trim()).filter((p) => p !== '');
  const last = parts[parts.length - 1];
  if (!last) return undefined;
  const plain = last
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  const words = plain.split(' ');
  for (let take = Math.min(5, words.length); take >= 1; take--) {
    const tail = words.slice(-take).join(' ');
    const country = COUNTRIES.get(tail);
    if (!country) continue;
    const before = words.slice(0, -take).join(' ');
    if (country === 'Ireland' && UK_QUALIFIERS.test(before)) return undefined;
    // Short spellings (US, USA, UAE, ROI) only count when they are the whole last part.
    if (tail.length <= 3 && before !== '') continue;
    return { country, evidence: last };
  }
  return undefined;
}

/**
 * Foreign postcode formats distinctive enough to stand on their own; some only in a postcode
 * cell, where "1234 AB" cannot be a house number and a street.
 */
const FOREIGN_POSTCODES: readonly { country: string; pattern: RegExp; inAddress: boolean }[] = [
  { country: 'Ireland', pattern: /\b(?:[AC-FHKNPRTV-Y][0-9]{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}\b/, inAddress: true },
  { country: 'United States', pattern: /\b[0-9]{5}-[0-9]{4}\b/, inAddress: true },
  { country: 'Canada', pattern: /^[A-Z][0-9][A-Z] ?[0-9][A-Z][0-9]$/, inAddress: false },
  { country: 'Netherlands', pattern: /^[1-9][0-9]{3} ?[A-Z]{2}$/, inAddress: false },
];

function foreignFinding(text: string, isAddress: boolean): PostcodeFinding | undefined {
  const upper = text.toUpperCase();
  for (const [postcode, territory] of OVERSEAS_TERRITORIES) {
    if (upper.replace(/[^A-Z0-9]+/g, '').includes(postcode.replace(' ', ''))) {
      return { kind: 'foreign', country: territory, evidence: postcode };
    }
  }
  const named = countryAtEnd(text);
  if (named) return { kind: 'foreign', ...named };
  for (const { country, pattern, inAddress } of FOREIGN_POSTCODES) {
    if (isAddress && !inAddress) continue;
    const match = pattern.exec(upper.trim());
    if (match) return { kind: 'foreign', country, evidence: match[0] };
  }
  return undefined;
}

/** A last address part that only names the UK or one of its nations. */
const UK_NAMES = /^(uk|u\.k\.|united kingdom|great britain|gb|england|scotland|wales|cymru|northern ireland)$/i;

/**
 * What one text holds. In a postcode cell the whole cell may be a partial postcode; in an
 * address only a full postcode, or a partial one that is the whole last part ("…, Preston, PR3"),
 * counts, so that "Unit B1" or "Floor 2" is never read as a postcode district.
 */
function findInText(text: string, isAddress: boolean): PostcodeFinding {
  const words = tokens(text);
  if (words.length === 0) return { kind: 'none' };
  const full = lastFullPostcode(words);
  if (full) return fullFinding(full);
  if (isAddress) {
    const parts = text.split(/[,;\n\r]+/).filter((p) => p.trim() !== '' && !UK_NAMES.test(p.trim()));
    const lastPart = parts.length > 1 ? partialFinding(tokens(parts[parts.length - 1])) : undefined;
    return lastPart ?? foreignFinding(text, true) ?? { kind: 'none' };
  }
  return partialFinding(words) ?? foreignFinding(text, false) ?? { kind: 'invalid', text: text.trim(), why: explainInvalid(text, words) };
}

const PRECEDENCE: Record<PostcodeFinding['kind'], number> = {
  full: 6,
  sector: 5,
  district: 4,
  foreign: 3,
  invalid: 2,
  none: 1,
};

/**
 * The postcode of a row from its postcode cell and address: the most precise finding of the
 * two (a full postcode in the address beats "PR1" in the postcode cell), the cell winning ties.
 */
export function findPostcode(text: PostcodeText): PostcodeFinding {
  const fromCell = text.postcode ? findInText(text.postcode, false) : ({ kind: 'none' } as const);
  const fromAddress = text.address ? findInText(text.address, true) : ({ kind: 'none' } as const);
  return PRECEDENCE[fromAddress.kind] > PRECEDENCE[fromCell.kind] ? fromAddress : fromCell;
}
