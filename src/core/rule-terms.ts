/**
 * Text normalised for rule words and phrases. Finance systems abbreviate and misspell ("Purch of
 * Comp Equip", "nonuv Build Rp&Maint", "Paymnets to H A"), so a rule's words and a payment's
 * texts are compared after both are normalised: case, punctuation, plurals, initials ("H A" is
 * "ha"), little words ("and", "of", "to"…) and common ledger abbreviations.
 */
/**
 * Ledger abbreviations and misspellings, and words kept as written (mapped to themselves) so
 * that the plural rule does not fold them into another word ("works" is not "work").
 */
const ABBREVIATIONS = new Map<string, string[]>(
  Object.entries({
    maint: 'maintenance', mtce: 'maintenance', mntce: 'maintenance', maintce: 'maintenance', maintnce: 'maintenance',
    rm: 'repair maintenance', rp: 'repair', rpr: 'repair', rprs: 'repair',
    equip: 'equipment', eqt: 'equipment', eqpt: 'equipment', equipt: 'equipment', equipmt: 'equipment', eqp: 'equipment',
    purch: 'purchase', purchs: 'purchase',
    pmt: 'payment', pmnt: 'payment', pymt: 'payment', payt: 'payment', pyt: 'payment', paymt: 'payment',
    pymnt: 'payment', paymnet: 'payment', paymnt: 'payment',
    prof: 'professional', profl: 'professional',
    mgt: 'management', mgmt: 'management', mngt: 'management', mgmnt: 'management', mngmt: 'management',
    svc: 'service', serv: 'service',
    veh: 'vehicle', vehcle: 'vehicle', vehicl: 'vehicle',
    comp: 'computer', cmputer: 'computer', computr: 'computer',
    insur: 'insurance', insce: 'insurance',
    exe: 'expense', exp: 'expense',
    ext: 'external',
    misc: 'miscellaneous',
    govt: 'government',
    dept: 'department',
    auth: 'authority',
    assoc: 'association', assn: 'association',
    org: 'organisation', organ: 'organisation', orgn: 'organisation', organization: 'organisation',
    vol: 'voluntary',
    chartble: 'charitable',
    agenc: 'agency', agcy: 'agency', agncy: 'agency', agencie: 'agency',
    admin: 'administration',
    accom: 'accommodation', accomm: 'accommodation', accomodation: 'accommodation', acommodation: 'accommodation',
    transp: 'transport',
    advert: 'advertising', advt: 'advertising',
    bldg: 'building', bld: 'building', build: 'building',
    furn: 'furniture',
    refurb: 'refurbishment',
    devt: 'development',
    mkt: 'marketing', mktg: 'marketing',
    trng: 'training',
    subs: 'subscription', subscr: 'subscription',
    lic: 'licence', licen: 'licence', licenc: 'licence', license: 'licence',
    privt: 'private', priv: 'private',
    resid: 'residential',
    spec: 'special',
    schl: 'school', sch: 'school',
    tel: 'telephone', tele: 'telephone', phone: 'telephone',
    elec: 'electricity', electric: 'electricity',
    hsg: 'housing',
    ctr: 'contractor',
    chg: 'charge', chgs: 'charge', indep: 'independent', edu: 'education', educ: 'education', vouch: 'voucher', contruction: 'construction',
    improv: 'improvement',
    reapir: 'repair', rep: 'repair', pment: 'payment', util: 'utility', utils: 'utility', sals: 'salary', wags: 'wage', repaymt: 'repayment', val: 'valuation',
    bus: 'bus', buse: 'bus',
    works: 'works', parts: 'parts', gas: 'gas', plus: 'plus', news: 'news', premises: 'premises', series: 'series',
  }).map(([word, expansion]) => [word, expansion.split(' ')]),
);

/** Little words that say nothing about what was bought; they are dropped. */
for (const word of ['and', 'of', 'the', 'for', 'to', 'in']) ABBREVIATIONS.set(word, []);

/** A plural made singular, well enough that text and rule agree ("services", "utilities"). */
function singular(word: string): string {
  const n = word.length;
  if (n <= 3 || word.charCodeAt(n - 1) !== 115 /* s */) return word;
  const before = word[n - 2];
  if (before === 's' || before === 'u' || before === 'i' || /\d/.test(word)) return word;
  if (word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.endsWith('sses') || word.endsWith('xes') || word.endsWith('ches') || word.endsWith('shes')) return word.slice(0, -2);
  return word.slice(0, -1);
}

/**
 * The comparable terms of a text: lower case, split at anything not a letter or digit, runs
 * of single letters joined ("R&M" → "rm", "H A" → "ha"), abbreviations expanded, little words
 * dropped, plurals made singular. It runs once for every new text, so it scans by hand.
 */
export function matchTerms(text: string): string[] {
  const lower = text.toLowerCase();
  const terms: string[] = [];
  let initials = '';
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    const word = lower.slice(start, i);
    start = -1;
    if (word.length === 1 && word >= 'a') {
      initials += word;
      continue;
    }
    if (initials) addTerm(terms, initials);
    initials = '';
    addTerm(terms, word);
  }
  if (initials) addTerm(terms, initials);
  return terms;
}

function addTerm(terms: string[], word: string): void {
  let expansion = ABBREVIATIONS.get(word);
  if (expansion === undefined) {
    const one = singular(word);
    expansion = one === word ? undefined : ABBREVIATIONS.get(one);
    if (expansion === undefined) {
      terms.push(one);
      return;
    }
  }
  for (const part of expansion) terms.push(part);
}

/** One word of a rule: a whole term, or the start of one when written with "*". */
export type Term = { exact: string } | { prefix: string };

export function wordMatchers(value: string): Term[] {
  const terms: Term[] = [];
  for (const word of value.split(/[\s,;|]+/)) {
    if (word.endsWith('*')) {
      const prefix = word.toLowerCase().replace(/[^a-z0-9]/g, '');
      if (prefix) terms.push({ prefix });
    } else {
      for (const exact of matchTerms(word)) terms.push({ exact });
    }
  }
  return terms;
}

/** The phrases of a value ("a; b"), each as its terms in order. */
export function phraseMatchers(value: string): Term[][] {
  return value.split(/[;|]/).map((phrase) => {
    const terms: Term[] = [];
    let plain: string[] = [];
    const flush = () => {
      for (const exact of matchTerms(plain.join(' '))) terms.push({ exact });
      plain = [];
    };
    for (const word of phrase.split(/\s+/)) {
      if (word.endsWith('*')) {
        flush();
        const prefix = word.toLowerCase().replace(/[^a-z0-9]/g, '');
        if (prefix) terms.push({ prefix });
      } else {
        plain.push(word);
      }
    }
    flush();
    return terms;
  });
}

export function termMatches(term: Term, word: string): boolean {
  return 'exact' in term ? term.exact === word : word.startsWith(term.prefix);
}
