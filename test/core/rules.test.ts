import * as fs from 'fs';
import * as path from 'path';
import { CELL_CHARACTERS } from '../../src/core/cell';
import { compileRules, type PaymentFacts } from '../../src/core/rule-book';
import { type Rule } from '../../src/core/rule-schema';
import { parseRulesCsv, RulesError, rulesToCsv, validateRulesSheet } from '../../src/core/rule-table';

/** The header of rules files written before `within` existed: they still read. */
const HEADER = 'priority,field,match,value,verdict,reason,coop';
const HEADER_WITH_WITHIN = 'priority,field,match,value,within,verdict,reason,coop';

function rulesFrom(...lines: string[]): Rule[] {
  return parseRulesCsv([HEADER, ...lines].join('\n'), 'test.csv');
}

function parseError(text: string): RulesError {
  try {
    parseRulesCsv(text, 'my-rules.csv');
  } catch (error) {
    if (error instanceof RulesError) return error;
    throw error;
  }
  throw new Error('expected a RulesError');
}

function facts(partial: Partial<PaymentFacts>): PaymentFacts {
  return { supplier: 'Anyone Ltd', supplierType: 'company', ...partial };
}

describe('parseRulesCsv', () => {
  test('reads typed rules, accepting verdicts and fields as people write them', () => {
    const rules = rulesFrom(
      '10,Supplier type,words,public_body,Not influenceable,Payment to a public body,no',
      '20,service area,phrase,"repairs, maintenance",INFLUENCEABLE,Repairs,Yes',
      '30.5,description,words,grant,review,Grant,',
    );
    expect(rules).toEqual([
      { priority: 10, field: 'supplier_type', match: 'words', value: 'public_body', verdict: 'not_influenceable', reason: 'Payment to a public body', coop: false },
      { priority: 20, field: 'service_area', match: 'phrase', value: 'repairs, maintenance', verdict: 'influenceable', reason: 'Repairs', coop: true },
      { priority: 30.5, field: 'description', match: 'words', value: 'grant', verdict: 'review', reason: 'Grant', coop: false },
    ]);
  });

  test('reads a semicolon-delimited file with a byte-order mark, CRLF line ends and a blank line', () => {
    const text = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'rules', 'council-rules-semicolon.csv'), 'utf8');
    const rules = parseRulesCsv(text, 'council-rules-semicolon.csv');
    expect(rules.map((rule) => [rule.priority, rule.field, rule.value, rule.verdict, rule.coop])).toEqual([
      [5, 'supplier_type', 'public_body', 'not_influenceable', false],
      [20, 'category', 'repairs; maintenance', 'influenceable', true],
      [30, 'description', 'consult*', 'influenceable', false],
    ]);
  });

  test('columns may come in any order', () => {
    const rules = parseRulesCsv('verdict,reason,coop,priority,value,match,field\nreview,Check,no,1,abc,words,supplier\n', 'x.csv');
    expect(rules[0]).toMatchObject({ priority: 1, field: 'supplier', value: 'abc', verdict: 'review' });
  });

  test.each([
    ['10,suplier,words,abc,review,R,no', 2, 'field', 'field must be supplier, supplier_type, supplier_activity, category, description, service_area or any'],
    ['10,supplier,words,abc,maybe,R,no', 2, 'verdict', 'verdict must be influenceable, not_influenceable or review'],
    ['10,supplier,pattern,(abc,review,R,no', 2, 'value', 'value is not a valid pattern'],
    ['10,supplier,words,,review,R,no', 2, 'value', 'value is missing'],
    ['ten,supplier,words,abc,review,R,no', 2, 'priority', 'priority must be a number'],
    [',supplier,words,abc,review,R,no', 2, 'priority', 'priority is missing'],
    ['10,supplier,words,abc,review,,no', 2, 'reason', 'reason is missing'],
    ['10,supplier,regex,abc,review,R,no', 2, 'match', 'match must be words, phrase or pattern'],
    ['10,supplier,words,abc,review,R,perhaps', 2, 'coop', 'coop must be yes or no'],
    ['10,supplier_type,words,council,review,R,no', 2, 'value', 'value "council" is not a supplier type'],
    ['10,supplier_type,phrase,company,review,R,no', 2, 'value', 'supplier_type rules must match by words'],
    ['10,supplier_activity,words,building,review,R,no', 2, 'value', 'value "building" is not a kind of registered activity'],
    ['10,supplier_activity,pattern,care,review,R,no', 2, 'value', 'supplier_activity rules must match by words'],
    ['10,category,words,the and,review,R,no', 2, 'value', 'value has no words to match'],
  ])('%s → line %i, column %s: %s', (line, lineNumber, column, message) => {
    const error = parseError(`${HEADER}\n${line}\n`);
    expect(error.source).toBe('my-rules.csv');
    expect(error.line).toBe(lineNumber);
    expect(error.column).toBe(column);
    expect(error.message).toContain(`my-rules.csv line ${lineNumber}, column "${column}": ${message}`);
  });

  test('a within column: phrases of the context the rule needs, optional and checked like a value', () => {
    const rules = parseRulesCsv(
      `${HEADER_WITH_WITHIN}\n10,category,words,residential,social care; adult*,influenceable,Residential care,yes\n20,category,words,grant,,not_influenceable,Grant,no\n`,
      'context.csv',
    );
    expect(rules[0]).toMatchObject({ within: 'social care; adult*', verdict: 'influenceable' });
    expect(rules[1].within).toBeUndefined();
    const error = parseError(`${HEADER_WITH_WITHIN}\n10,category,words,residential,"the; of",influenceable,R,yes\n`);
    expect(error.message).toBe('my-rules.csv line 2, column "within": within has no words to match');
    expect(parseRulesCsv('Priority,Field,Match,Value,Context,Verdict,Reason,Coop\n1,category,words,a,care,review,R,no\n', 'x.csv')[0].within).toBe('care');
  });

  test('the line number counts the header and blank lines', () => {
    const error = parseError(`${HEADER}\n10,supplier,words,abc,review,R,no\n\n\n20,category,words,abc,nope,R,no\n`);
    expect(error.line).toBe(5);
    expect(error.message).toMatch(/^my-rules\.csv line 5, column "verdict": /);
  });

  test('a header that is not a rules header', () => {
    expect(parseError('priority,field,match,value,verdict,reason,coop,colour\n').message).toBe(
      'my-rules.csv line 1, column "colour": unknown column "colour"; the columns are priority, field, match, value, within, verdict, reason, coop',
    );
    expect(parseError('priority,field,match,value,verdict\n').message).toBe('my-rules.csv line 1: missing columns reason, coop');
    expect(parseError('\n\n').message).toMatch(/^my-rules\.csv line 1: no header row/);
    expect(parseError('priority,field,match,value,verdict,reason,constructor\n').message).toContain('unknown column "constructor"');
  });
});

describe('rulesToCsv', () => {
  test('round-trips every kind of value', () => {
    const rules = rulesFrom(
      '10,supplier,phrase,"water plus; edf, sefe",not_influenceable,"Utility supply: {supplier}",no',
      '20,description,pattern,"^\\s*""quoted""\\s+(a|b)$",review,"A reason, with a comma",yes',
      '20,any,words,  leading spaces  ,influenceable,Trimmed,no',
      '-5,category,words,grant,not_influenceable,Grant — not procurement,no',
    );
    rules.push(...parseRulesCsv(`${HEADER_WITH_WITHIN}\n60,category,words,contractor,"social care; adult*",influenceable,"Care, by a contractor",yes\n`, 'within.csv'));
    const csv = rulesToCsv(rules);
    expect(csv.split('\n')[0]).toBe(HEADER_WITH_WITHIN);
    expect(parseRulesCsv(csv, 'again.csv')).toEqual(rules);
    expect(rulesToCsv(parseRulesCsv(csv, 'again.csv'))).toBe(csv);
  });
});

describe('compileRules and judge', () => {
  test('the lowest priority number wins, ties in table order, whatever the field', () => {
    const book = compileRules(
      rulesFrom(
        '50,description,words,cleaning,influenceable,Cleaning,yes',
        '20,supplier,words,council,not_influenceable,Council,no',
        '50,description,words,windows,influenceable,Windows,no',
      ),
    );
    expect(book.rules.map((rule) => rule.reason)).toEqual(['Council', 'Cleaning', 'Windows']);
    expect(book.judge(facts({ supplier: 'Bury Council', description: 'Cleaning' })).reason).toBe('Council');
    expect(book.judge(facts({ description: 'Windows cleaning' })).reason).toBe('Cleaning');
    expect(book.judge(facts({ description: 'cleaning windows' })).reason).toBe('Cleaning');
  });

  test('no rule matched: review, with that reason', () => {
    const book = compileRules(rulesFrom('10,category,words,grant,not_influenceable,Grant,no'));
    expect(book.judge(facts({ category: 'Stationery' }))).toEqual({ verdict: 'review', reason: 'No rule matched', coop: false, position: -1 });
    expect(compileRules([]).judge(facts({})).reason).toBe('No rule matched');
  });

  test('every verdict carries its reason, rule and co-operative flag; {supplier} is filled in', () => {
    const book = compileRules(
      rulesFrom('10,supplier_type,words,public_body,not_influenceable,Payment to a public body: {supplier},no', '20,category,words,cleaning,influenceable,Cleaning,yes'),
    );
    const council = book.judge(facts({ supplier: ' Bury Council ', supplierType: 'public_body', category: 'Cleaning' }));
    expect(council).toMatchObject({ verdict: 'not_influenceable', reason: 'Payment to a public body: Bury Council', coop: false });
    expect(council.rule?.priority).toBe(10);
    expect(book.judge(facts({ category: 'Cleaning' }))).toMatchObject({ verdict: 'influenceable', reason: 'Cleaning', coop: true });
  });

  test('a reason that names a supplier whose name fills a cell is cut to what a cell holds, and says so', () => {
    const book = compileRules(rulesFrom('10,supplier_type,words,public_body,not_influenceable,Payment to a public body: {supplier},no'));
    const name = `Bury Council ${'x'.repeat(CELL_CHARACTERS)}`;
    const reason = book.judge(facts({ supplier: name, supplierType: 'public_body' })).reason;
    expect(reason).toHaveLength(CELL_CHARACTERS);
    expect(reason).toMatch(/^Payment to a public body: Bury Council x+…$/);
    const emoji = book.judge(facts({ supplier: `A${'👷'.repeat(CELL_CHARACTERS)}`, supplierType: 'public_body' })).reason;
    expect(emoji.length).toBeLessThanOrEqual(CELL_CHARACTERS);
    // Cut at an odd place, which here falls inside an emoji: never half of one.
    expect(emoji).toMatch(/^Payment to a public body: A(?:👷)+…$/u);
  });

  test('words and phrases survive finance-system abbreviations, punctuation and plurals', () => {
    const book = compileRules(
      rulesFrom(
        '10,category,phrase,repairs and maintenance,influenceable,R&M,yes',
        '20,category,phrase,computer equipment,influenceable,IT,no',
        '30,category,phrase,payments to health authority; payments to HA,not_influenceable,NHS,no',
        '40,category,words,equipment,influenceable,Equipment,no',
        '50,category,words,grant,not_influenceable,Grant,no',
      ),
    );
    const reason = (category: string) => book.judge(facts({ category })).reason;
    expect(reason('R&M')).toBe('R&M');
    expect(reason('nonuv Build Rp&Maint')).toBe('R&M');
    expect(reason('Repairs & Maint.')).toBe('R&M');
    expect(reason('Purch of Comp Equip')).toBe('IT');
    expect(reason('Cmputer Eqt purchase')).toBe('IT');
    expect(reason('Paymnets to H A')).toBe('NHS');
    expect(reason('Payments to Health Authority')).toBe('NHS');
    expect(reason('Equipment Purchase')).toBe('Equipment');
    expect(reason('Improvement Grants')).toBe('Grant');
    expect(reason('Grantham Road')).toBe('No rule matched');
  });

  test('a phrase needs its words in order; a word with * matches the start of a word', () => {
    const book = compileRules(rulesFrom('10,description,phrase,grass cutting,influenceable,Grass,yes', '20,description,words,recruit*,influenceable,Agency,no'));
    expect(book.judge(facts({ description: 'Grass cutting of highway verges' })).reason).toBe('Grass');
    expect(book.judge(facts({ description: 'Cutting grass' })).reason).toBe('No rule matched');
    expect(book.judge(facts({ description: 'Recruitment fees' })).reason).toBe('Agency');
    expect(book.judge(facts({ description: 'Re-cruit' })).reason).toBe('No rule matched');
  });

  test('a pattern is a regular expression on the text as written, ignoring case', () => {
    const book = compileRules(rulesFrom('10,supplier,pattern,^\\(DD,not_influenceable,Direct debit,no'));
    expect(book.judge(facts({ supplier: '(dd) Department of Levelling Up' })).reason).toBe('Direct debit');
    expect(book.judge(facts({ supplier: 'Department (DD)' })).reason).toBe('No rule matched');
  });

  test('supplier_type rules, including names withheld as personal data', () => {
    const book = compileRules(
      rulesFrom('10,supplier_type,words,charity social_enterprise,review,Voluntary sector,no', '20,supplier_type,words,redacted,not_influenceable,Individual,no'),
    );
    expect(book.judge(facts({ supplierType: 'social_enterprise' })).reason).toBe('Voluntary sector');
    expect(book.judge(facts({ supplier: 'REDACTED', supplierType: 'individual' })).reason).toBe('Individual');
    expect(book.judge(facts({ supplier: 'Mr J Smith', supplierType: 'individual' })).reason).toBe('No rule matched');
  });

  test("supplier_activity rules read the kinds of spend a supplier's registered activities describe; a category rule still comes first", () => {
    const book = compileRules(
      rulesFrom(
        '50,category,words,rent,not_influenceable,Rent,no',
        '91,supplier_activity,words,construction care,influenceable,Works or care: {supplier},no',
        '91.6,supplier_activity,words,property finance,not_influenceable,Property or finance,no',
        '94,supplier_type,words,company,influenceable,A company,no',
      ),
    );
    const builder = facts({ supplier: 'Ribble Builders Ltd', supplierActivities: ['construction'] });
    expect(book.judge(builder).reason).toBe('Works or care: Ribble Builders Ltd');
    // Any influenceable activity decides before a property or finance one: builders often list letting too.
    expect(book.judge({ ...builder, supplierActivities: ['property', 'construction'] }).verdict).toBe('influenceable');
    expect(book.judge(facts({ supplierActivities: ['finance'] })).reason).toBe('Property or finance');
    expect(book.judge({ ...builder, category: 'Rent' }).reason).toBe('Rent');
    // Without register facts the company fallback decides, and the same name is not confused with the one that had them.
    expect(book.judge(facts({ supplier: 'Ribble Builders Ltd' })).reason).toBe('A company');
    const withinCare = compileRules([
      ...rulesFrom('91,supplier_activity,words,property,not_influenceable,Property,no'),
      ...parseRulesCsv(`${HEADER_WITH_WITHIN}\n90,supplier_activity,words,property,social care,influenceable,Supported housing within care,no\n`, 'c.csv'),
    ]);
    expect(withinCare.judge(facts({ supplierActivities: ['property'], serviceArea: 'Adult Social Care' })).reason).toBe('Supported housing within care');
    expect(withinCare.judge(facts({ supplierActivities: ['property'], serviceArea: 'Highways' })).reason).toBe('Property');
  });

  test('an "any" rule reads every text field, but a phrase does not run across two fields', () => {
    const book = compileRules(rulesFrom('10,any,phrase,clean water,influenceable,Both,no', '20,any,words,levy,not_influenceable,Levy,no'));
    expect(book.judge(facts({ serviceArea: 'Environmental levy' })).reason).toBe('Levy');
    expect(book.judge(facts({ supplier: 'Clean Water Ltd' })).reason).toBe('Both');
    expect(book.judge(facts({ category: 'Clean', description: 'Water' })).reason).toBe('No rule matched');
  });

  test('words that are also names of object properties are plain words', () => {
    const book = compileRules(rulesFrom('10,description,words,constructor,influenceable,Builder,no'));
    expect(book.judge(facts({ description: 'Constructor toString hasOwnProperty' })).reason).toBe('Builder');
    expect(book.judge(facts({ description: '__proto__ valueOf' })).reason).toBe('No rule matched');
  });

  test('judging payments to one supplier by its supplier rule agrees with judging each payment alone', () => {
    const book = compileRules(
      rulesFrom(
        '10,supplier_type,words,public_body,not_influenceable,Public body: {supplier},no',
        '20,supplier,words,edf,not_influenceable,Utility: {supplier},no',
        '30,category,words,cleaning,influenceable,Cleaning,yes',
        '40,description,phrase,grass cutting,influenceable,Grounds,yes',
        '50,supplier_type,words,redacted,not_influenceable,Individual,no',
      ),
    );
    const payments = [{ category: 'Cleaning' }, { description: 'Grass cutting at depot' }, { serviceArea: 'Parks' }, {}];
    const suppliers: [string, PaymentFacts['supplierType']][] = [
      ['Anyone Ltd', 'company'],
      ['EDF Energy', 'company'],
      ['Preston City Council', 'public_body'],
      ['REDACTED', 'individual'],
    ];
    for (const [supplier, supplierType] of suppliers) {
      const rule = book.supplierRule(supplier, supplierType);
      for (const payment of payments) {
        const alone = book.judge({ supplier, supplierType, ...payment });
        const together = book.judgePayment(rule, payment);
        expect(together).toEqual(alone);
        // The same judgement object each time, so results can be shared by reference.
        expect(book.judgePayment(rule, payment)).toBe(together);
      }
    }
    expect(book.judgePayment(book.supplierRule('Preston City Council', 'public_body'), {}).reason).toBe('Public body: Preston City Council');
    expect(book.judgePayment(book.supplierRule('Anyone Ltd', 'company'), { category: 'Cleaning' })).toMatchObject({ position: 2, coop: true });
  });

  test('a rule with a context holds only where the service area, category group or category has one of its phrases', () => {
    const book = compileRules(
      parseRulesCsv(
        [
          HEADER_WITH_WITHIN,
          '30,category,words,residential,social care; adult*; children*,influenceable,Residential care,yes',
          '40,category,phrase,private contractor,care,influenceable,Care by a private contractor,yes',
          '45,supplier_type,words,redacted,foster*,not_influenceable,Foster carer,no',
          '50,category,words,contractor,,influenceable,Building works,no',
          '60,category,words,residential,,review,Residential (not care),no',
        ].join('\n'),
        'context.csv',
      ),
    );
    const judge = (payment: Partial<PaymentFacts>) => book.judge(facts(payment)).reason;
    expect(judge({ category: 'Residential', serviceArea: 'Adult Health & Social Care' })).toBe('Residential care');
    expect(judge({ category: 'Residential', categoryGroup: "Children's Services" })).toBe('Residential care');
    expect(judge({ category: 'Residential', serviceArea: 'Planning' })).toBe('Residential (not care)');
    expect(judge({ category: 'Residential' })).toBe('Residential (not care)');
    // The context may be the category's own words: "Home Care - Private Contractor".
    expect(judge({ category: 'Home Care - Private Contractor' })).toBe('Care by a private contractor');
    expect(judge({ category: 'Private Contractors', serviceArea: 'Highways' })).toBe('Building works');
    expect(judge({ category: 'Private Contractors', categoryGroup: 'Payments to homes for people needing residential care' })).toBe(
      'Care by a private contractor',
    );
    expect(judge({ supplier: 'REDACTED', supplierType: 'individual', category: 'Fostering allowances' })).toBe('Foster carer');
    expect(judge({ supplier: 'REDACTED', supplierType: 'individual', category: 'Contractor' })).toBe('Building works');
    // The category group is read as the category is.
    expect(judge({ category: 'Sundries', categoryGroup: 'Private Contractors' })).toBe('Building works');
  });

  test('remembered answers do not change when the same text comes back', () => {
    const book = compileRules(rulesFrom('10,description,words,cleaning,influenceable,Cleaning,yes'));
    for (let i = 0; i < 3; i++) {
      expect(book.judge(facts({ description: 'Cleaning' })).reason).toBe('Cleaning');
      expect(book.judge(facts({ description: 'Painting' })).reason).toBe('No rule matched');
    }
  });
});

describe('validateRulesSheet', () => {
  test('reads cells as Excel gives them and names each bad cell', () => {
    const { rules, errors } = validateRulesSheet(
      [
        ['Priority', 'Field', 'Match', 'Value', 'Verdict', 'Reason', 'Co-op'],
        [10, 'supplier', 'words', 'edf', 'not_influenceable', 'Utility', false],
        [20, 'category', 'words', 'cleaning', 'maybe', 'Cleaning', true],
        [null, null, null, null, null, null, null],
        ['x', 'category', 'pattern', '(', 'review', '', 'no'],
        [30, 'category', 'words', 'grant', 'not_influenceable', 'Grant', ''],
      ],
      'Rules',
    );
    expect(errors).toEqual([
      'Rules!E3: verdict must be influenceable, not_influenceable or review',
      'Rules!A5: priority must be a number',
      'Rules!F5: reason is missing',
    ]);
    expect(rules.map((rule) => rule.reason)).toEqual(['Utility', 'Grant']);
    expect(rules[0].coop).toBe(false);
  });

  test('a sheet written before the within column reads; a bad within cell is named', () => {
    const { rules, errors } = validateRulesSheet(
      [
        ['priority', 'field', 'match', 'value', 'verdict', 'reason', 'coop', 'within'],
        [10, 'category', 'words', 'residential', 'influenceable', 'Care', 'yes', 'social care'],
        [20, 'category', 'words', 'respite', 'influenceable', 'Care', 'yes', '&'],
      ],
      'Rules',
    );
    expect(errors).toEqual(['Rules!H3: within has no words to match']);
    expect(rules).toHaveLength(1);
  });

  test('sheet names that need quoting are quoted', () => {
    const { errors } = validateRulesSheet([['priority', 'field', 'match', 'value', 'verdict', 'reason', 'coop'], [1, 'nowhere', 'words', 'a', 'review', 'R', 'no']], "Our rules");
    expect(errors).toEqual(["'Our rules'!B2: field must be supplier, supplier_type, supplier_activity, category, description, service_area or any"]);
  });
});
