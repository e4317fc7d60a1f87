/**
 * The rule book: rules compiled in order (lowest priority number first; ties in table order)
 * and indexed by field, judging a payment by the first rule that matches it. Every verdict
 * carries the reason of the rule that gave it.
 */
import { fitInCell } from './cell';
import type { Influence, SupplierType } from './codes';
import { REDACTED_TYPE, SUPPLIER_PLACEHOLDER, typeWords, type Rule, type RuleMatch } from './rule-schema';
import { matchTerms, phraseMatchers, termMatches, wordMatchers, type Term } from './rule-terms';
import { isRedacted } from './supplier-type';

/** What a payment's own texts say, beside its supplier. */
export interface PaymentText {
  category?: string;
  /** The coarser heading the category sits under: read with the category, and as its context. */
  categoryGroup?: string;
  description?: string;
  serviceArea?: string;
}

export interface PaymentFacts extends PaymentText {
  supplier: string;
  supplierType: SupplierType;
  /** The kinds of spend the supplier's registered activities describe (SPEND_KIND_CODES). */
  supplierActivities?: readonly string[];
}

/** What a supplier's name and type decide, found once for all the payments to it. */
export interface SupplierRule {
  readonly supplier: string;
  /** The first rule (by order tried) the name, type or registered activities match. */
  readonly first: number;
  /** Judgements whose reason names this supplier, by rule. */
  readonly named: Map<number, Judgement>;
  /** The rules with a context (`within`) that the name, type or activities match, in order. */
  readonly inContext: readonly number[];
}

export interface Judgement {
  verdict: Influence;
  reason: string;
  /** The rule that decided, absent when none matched. */
  rule?: Rule;
  /** Whether the category has co-operative potential (from the deciding rule). */
  coop: boolean;
  /** Where the deciding rule is in the book's order (`RuleBook.rules`), or -1 when none matched. */
  position: number;
}

export interface RuleBook {
  /** The rules in the order they are tried. */
  readonly rules: readonly Rule[];
  judge(facts: PaymentFacts): Judgement;
  /** For judging many payments to one supplier: its name, type and activities are read once, here. */
  supplierRule(supplier: string, supplierType: SupplierType, activities?: readonly string[]): SupplierRule;
  judgePayment(supplier: SupplierRule, payment: PaymentText): Judgement;
}

const NO_RULE = Number.POSITIVE_INFINITY;
const NO_MATCH: Judgement = Object.freeze({ verdict: 'review', reason: 'No rule matched', coop: false, position: -1 });

/**
 * Values seen per field are remembered in two generations of up to this many each: when the newer
 * fills it replaces the older, so texts that keep coming back stay and one-off texts (most
 * descriptions) pass through, with memory bounded.
 */
const CACHE_LIMIT = 50_000;

type TextField = 'supplier' | 'category' | 'description' | 'service_area';

/** What was worked out for each text, kept in two generations (see CACHE_LIMIT). */
class TextCache<T> {
  private recent = new Map<string, T>();
  private older = new Map<string, T>();

  constructor(private readonly compute: (text: string) => T) {}

  get(text: string): T {
    let found = this.recent.get(text);
    if (found !== undefined) return found;
    found = this.older.get(text) ?? this.compute(text);
    if (this.recent.size >= CACHE_LIMIT) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(text, found);
    return found;
  }
}

/**
 * The rules that read one text field, indexed so that finding the first rule to match a text
 * costs a few lookups per word rather than a test per rule. Rules are numbered by the order in
 * which they are tried; the lowest number that matches wins.
 */
class FieldMatcher {
  /** By word: the first rule that the word alone matches, and the phrases that start with it. */
  private readonly byWord = new Map<string, { rule: number; phrases: { terms: Term[]; rule: number }[] }>();
  private readonly prefixes: { prefix: string; rule: number }[] = [];
  private readonly otherPhrases: { terms: Term[]; rule: number }[] = [];
  private readonly patterns: { regex: RegExp; rule: number }[] = [];
  private readonly found = new TextCache((text) => this.search(text));
  /** What each term met so far starts: the first rule it alone matches, and the phrases to try from it. */
  private readonly starts = new Map<string, TermStart>();
  /** The first rule this field has: a text need not be searched once a better rule has matched. */
  lowest = NO_RULE;

  add(rule: Rule, index: number): void {
    this.lowest = Math.min(this.lowest, index);
    if (rule.match === 'pattern') {
      this.patterns.push({ regex: new RegExp(rule.value, 'i'), rule: index });
      return;
    }
    const phrases = rule.match === 'words' ? wordMatchers(rule.value).map((term) => [term]) : phraseMatchers(rule.value);
    for (const terms of phrases) {
      if (terms.length === 0) continue;
      const first = terms[0];
      if ('prefix' in first) {
        if (terms.length === 1) this.prefixes.push({ prefix: first.prefix, rule: index });
        else this.otherPhrases.push({ terms, rule: index });
        continue;
      }
      let entry = this.byWord.get(first.exact);
      if (!entry) {
        entry = { rule: NO_RULE, phrases: [] };
        this.byWord.set(first.exact, entry);
      }
      if (terms.length === 1) entry.rule = Math.min(entry.rule, index);
      else entry.phrases.push({ terms, rule: index });
    }
  }

  firstMatch(text: string): number {
    return this.found.get(text);
  }

  private search(text: string): number {
    let best = NO_RULE;
    const words = matchTerms(text);
    for (let i = 0; i < words.length; i++) {
      const start = this.startOf(words[i]);
      if (start.rule < best) best = start.rule;
      if (start.phrases.length > 0) best = firstPhraseAt(start.phrases, words, i, best);
    }
    for (const pattern of this.patterns) {
      if (pattern.rule >= best) break;
      if (pattern.regex.test(text)) return pattern.rule;
    }
    return best;
  }

  /** Texts are mostly new but their words are not: what a word starts is worked out once. */
  private startOf(word: string): TermStart {
    let start = this.starts.get(word);
    if (start) return start;
    const entry = this.byWord.get(word);
    let rule = entry ? entry.rule : NO_RULE;
    for (const prefix of this.prefixes) if (prefix.rule < rule && word.startsWith(prefix.prefix)) rule = prefix.rule;
    const phrases = [...(entry ? entry.phrases : []), ...this.otherPhrases.filter((phrase) => termMatches(phrase.terms[0], word))];
    start = { rule, phrases };
    if (this.starts.size >= CACHE_LIMIT) this.starts.clear();
    this.starts.set(word, start);
    return start;
  }
}

interface TermStart {
  rule: number;
  phrases: { terms: Term[]; rule: number }[];
}

function firstPhraseAt(phrases: readonly { terms: Term[]; rule: number }[], words: string[], at: number, best: number): number {
  let found = best;
  for (const phrase of phrases) {
    if (phrase.rule >= found || at + phrase.terms.length > words.length) continue;
    let k = 0;
    while (k < phrase.terms.length && termMatches(phrase.terms[k], words[at + k])) k++;
    if (k === phrase.terms.length) found = phrase.rule;
  }
  return found;
}

/** Whether a text (with its terms) meets a rule's words, phrases or pattern. */
type TextTest = (text: string, terms: readonly string[]) => boolean;

function textTest(match: RuleMatch, value: string): TextTest {
  if (match === 'pattern') {
    const regex = new RegExp(value, 'i');
    return (text) => regex.test(text);
  }
  const phrases = match === 'words' ? wordMatchers(value).map((term) => [term]) : phraseMatchers(value).filter((terms) => terms.length > 0);
  return (_text, terms) => phrases.some((phrase) => phraseAt(phrase, terms));
}

function phraseAt(phrase: readonly Term[], terms: readonly string[]): boolean {
  for (let at = 0; at + phrase.length <= terms.length; at++) {
    let k = 0;
    while (k < phrase.length && termMatches(phrase[k], terms[at + k])) k++;
    if (k === phrase.length) return true;
  }
  return false;
}

/**
 * The rules that hold only within a context: "Private Contractors" within adult social care is
 * care. A rule's own field is tested as any rule's is; its `within` phrases are looked for in
 * the payment's service area, category group and category. There are few such rules and the
 * texts repeat, so what each text meets is worked out once.
 */
class ContextRules {
  private readonly rules: { index: number; fields: readonly TextField[]; types: readonly string[]; activities: readonly string[]; test: TextTest; within: TextTest }[] = [];
  /** By field: the context rules (positions in `rules`) that a text matches, in order. */
  private readonly matching = new Map<TextField, TextCache<number[]>>();
  /** By context text: which context rules (by position) it satisfies. */
  private readonly satisfies = new TextCache((text) => {
    const terms = matchTerms(text);
    return this.rules.map((rule) => rule.within(text, terms));
  });
  lowest = NO_RULE;

  add(rule: Rule, within: string, index: number): void {
    this.lowest = Math.min(this.lowest, index);
    const field = rule.field;
    const bySupplierFacts = field === 'supplier_type' || field === 'supplier_activity';
    const fields: readonly TextField[] = bySupplierFacts ? [] : field === 'any' ? ['supplier', 'category', 'description', 'service_area'] : [field];
    this.rules.push({
      index,
      fields,
      types: field === 'supplier_type' ? typeWords(rule.value) : [],
      activities: field === 'supplier_activity' ? typeWords(rule.value) : [],
      test: bySupplierFacts ? () => false : textTest(rule.match, rule.value),
      within: textTest('phrase', within),
    });
    for (const field of fields) {
      if (this.matching.has(field)) continue;
      this.matching.set(
        field,
        new TextCache((text) => {
          const terms = matchTerms(text);
          const found: number[] = [];
          this.rules.forEach((candidate, at) => {
            if (candidate.fields.includes(field) && candidate.test(text, terms)) found.push(at);
          });
          return found;
        }),
      );
    }
  }

  /** The context rules (by position, in order) that a supplier's name, types or activities match. */
  ofSupplier(supplier: string, types: readonly string[], activities: readonly string[]): number[] {
    const byName = supplier ? (this.matching.get('supplier')?.get(supplier) ?? []) : [];
    const found: number[] = [];
    this.rules.forEach((rule, at) => {
      if (byName.includes(at) || rule.types.some((type) => types.includes(type)) || rule.activities.some((kind) => activities.includes(kind))) found.push(at);
    });
    return found;
  }

  /** The first context rule (by book order, and before `best`) that the payment meets; else `best`. */
  first(ofSupplier: readonly number[], payment: PaymentText, best: number): number {
    // Field by field, without building a list per payment: this runs for every row.
    let found = ofSupplier.length > 0 ? this.firstOf(ofSupplier, payment, best) : best;
    found = this.firstIn('category', payment.category, payment, found);
    found = this.firstIn('category', payment.categoryGroup, payment, found);
    found = this.firstIn('description', payment.description, payment, found);
    return this.firstIn('service_area', payment.serviceArea, payment, found);
  }

  private firstIn(field: TextField, text: string | undefined, payment: PaymentText, best: number): number {
    if (!text) return best;
    const matching = this.matching.get(field);
    if (!matching) return best;
    const positions = matching.get(text);
    return positions.length > 0 ? this.firstOf(positions, payment, best) : best;
  }

  private firstOf(positions: readonly number[], payment: PaymentText, best: number): number {
    for (const at of positions) {
      const index = this.rules[at].index;
      if (index >= best) break;
      if (this.holds(at, payment.serviceArea) || this.holds(at, payment.categoryGroup) || this.holds(at, payment.category)) return index;
    }
    return best;
  }

  private holds(at: number, context: string | undefined): boolean {
    return context !== undefined && context !== '' && this.satisfies.get(context)[at];
  }
}

/** Orders the rules (by priority, ties in table order) and indexes them for judging. */
export function compileRules(rules: readonly Rule[]): RuleBook {
  const ordered = rules
    .map((rule, position) => ({ rule, position }))
    .sort((a, b) => a.rule.priority - b.rule.priority || a.position - b.position)
    .map(({ rule }) => rule);

  const matchers: Record<TextField, FieldMatcher> = {
    supplier: new FieldMatcher(),
    category: new FieldMatcher(),
    description: new FieldMatcher(),
    service_area: new FieldMatcher(),
  };
  const typeRule = new Map<string, number>();
  const activityRule = new Map<string, number>();
  const inContext = new ContextRules();
  ordered.forEach((rule, index) => {
    if (rule.within !== undefined) {
      inContext.add(rule, rule.within, index);
    } else if (rule.field === 'supplier_type') {
      for (const type of typeWords(rule.value)) if (!typeRule.has(type)) typeRule.set(type, index);
    } else if (rule.field === 'supplier_activity') {
      for (const kind of typeWords(rule.value)) if (!activityRule.has(kind)) activityRule.set(kind, index);
    } else if (rule.field === 'any') {
      for (const matcher of Object.values(matchers)) matcher.add(rule, index);
    } else {
      matchers[rule.field].add(rule, index);
    }
  });
  const redactedRule = typeRule.get(REDACTED_TYPE) ?? NO_RULE;
  // A judgement that does not name the supplier is the same for every payment its rule decides.
  const namesSupplier = ordered.map((rule) => rule.reason.includes(SUPPLIER_PLACEHOLDER));
  const fixed: readonly Judgement[] = ordered.map((rule, position) => Object.freeze({ verdict: rule.verdict, reason: rule.reason, rule, coop: rule.coop, position }));
  const { supplier: supplierField, category, description, service_area: serviceArea } = matchers;

  function supplierRule(supplier: string, supplierType: SupplierType, activities: readonly string[] = []): SupplierRule {
    let first = typeRule.get(supplierType) ?? NO_RULE;
    for (const kind of activities) first = Math.min(first, activityRule.get(kind) ?? NO_RULE);
    if (supplier && supplierField.lowest < first) first = Math.min(first, supplierField.firstMatch(supplier));
    const redacted = supplierType === 'individual' && isRedacted(supplier);
    if (redactedRule < first && redacted) first = redactedRule;
    const types = redacted ? [supplierType, REDACTED_TYPE] : [supplierType];
    return { supplier, first, named: new Map(), inContext: inContext.lowest < NO_RULE ? inContext.ofSupplier(supplier, types, activities) : [] };
  }

  function judgePayment(supplier: SupplierRule, payment: PaymentText): Judgement {
    let best = supplier.first;
    // A field is searched only when it has a rule that could still come first.
    if (payment.category && category.lowest < best) best = Math.min(best, category.firstMatch(payment.category));
    if (payment.categoryGroup && category.lowest < best) best = Math.min(best, category.firstMatch(payment.categoryGroup));
    if (payment.description && description.lowest < best) best = Math.min(best, description.firstMatch(payment.description));
    if (payment.serviceArea && serviceArea.lowest < best) best = Math.min(best, serviceArea.firstMatch(payment.serviceArea));
    if (inContext.lowest < best) best = inContext.first(supplier.inContext, payment, best);
    if (best === NO_RULE) return NO_MATCH;
    if (!namesSupplier[best]) return fixed[best];
    let judgement = supplier.named.get(best);
    if (!judgement) {
      const rule = ordered[best];
      const reason = fitInCell(rule.reason.split(SUPPLIER_PLACEHOLDER).join(supplier.supplier.trim()));
      judgement = Object.freeze({ verdict: rule.verdict, reason, rule, coop: rule.coop, position: best });
      supplier.named.set(best, judgement);
    }
    return judgement;
  }

  // What each supplier name decides, by the type it was given with, so one-off judging stays quick.
  const supplierRules = new Map<SupplierType, Map<string, SupplierRule>>();
  function judge(facts: PaymentFacts): Judgement {
    let ofType = supplierRules.get(facts.supplierType);
    if (!ofType) supplierRules.set(facts.supplierType, (ofType = new Map()));
    const activities = facts.supplierActivities ?? [];
    const key = activities.length > 0 ? `${facts.supplier}\u0000${activities.join(' ')}` : facts.supplier;
    let supplier = ofType.get(key);
    if (!supplier) {
      if (ofType.size >= CACHE_LIMIT) ofType.clear();
      supplier = supplierRule(facts.supplier, facts.supplierType, activities);
      ofType.set(key, supplier);
    }
    return judgePayment(supplier, facts);
  }

  return { rules: ordered, judge, supplierRule, judgePayment };
}
