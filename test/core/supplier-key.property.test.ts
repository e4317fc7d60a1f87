/**
 * Supplier keys over any name: never a throw, never blank for a name that is not, stable when
 * fed back, and the same supplier however a finance system cases, punctuates or suffixes it.
 */
import fc from 'fast-check';
import { keyIdentity, supplierKey } from '../../src/core/supplier-key';
import { anyText, assertProperty } from '../support/properties';

/** Words that mean something to the key (legal forms, titles, joining words): left out of plain names. */
const SPECIAL_WORDS = new Set([
  'LTD', 'LIMITED', 'PLC', 'LLP', 'INC', 'GMBH', 'LIMTED', 'LTDA', 'LT', 'LI', 'LIM', 'LIMI', 'LIMIT', 'LIMITE', 'CIC', 'LP',
  'CO', 'UK', 'GB', 'THE', 'MR', 'MRS', 'MISS', 'MS', 'DR', 'AND', 'AS', 'TA', 'WWW', 'COM', 'NET', 'ORG', 'GOV', 'AC',
]);

/** A supplier's name in plain words, as a person would type it. */
const plainName = fc
  .array(
    fc.stringMatching(/^[A-Za-z]{2,9}$/).filter((word) => !SPECIAL_WORDS.has(word.toUpperCase())),
    { minLength: 1, maxLength: 4 },
  )
  .map((words) => words.join(' '));

/** Names built from the pieces finance systems put into them: legal forms, accounts, notes, trading names. */
const messyName = fc
  .array(
    fc.oneof(
      plainName,
      fc.constantFrom('Ltd', 'Limited', 'PLC', 'The', 'Mr', '&', 'and', 'Co', 'UK', '-', ' - ', '123456', 'BGL499730', '(', ')', '(DD)', '(Uk)', 'T/A', 'Trading As', 'C/O', '*', 'www.', '.co.uk', '.com', "'s", ' ’ S', 'é', 'Ö', '.', ','),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .chain((parts) => fc.constantFrom(parts.join(' '), parts.join('')));

describe('supplier key properties', () => {
  test('never throws, and a name that is not blank has a key that is not blank', () => {
    assertProperty(
      fc.property(fc.oneof(anyText(60), messyName), (name) => {
        const key = supplierKey(name);
        expect(typeof key).toBe('string');
        if (name.trim() !== '') expect(key).not.toBe('');
        expect(keyIdentity(key)).not.toMatch(/ /);
      }),
    );
  });

  test('a key is its own key', () => {
    assertProperty(
      fc.property(fc.oneof(anyText(60), plainName, messyName), (name) => {
        const key = supplierKey(name);
        expect(supplierKey(key)).toBe(key);
      }),
    );
  });

  test('case, spacing, a legal form and a payment note do not change which supplier a name is', () => {
    assertProperty(
      fc.property(
        plainName,
        fc.constantFrom('', ' Ltd', ' LIMITED', ' Limited.', ' plc', ' (UK) Ltd', ' Ltd (Direct Debit)', ' - 4035576019 - Site A', ' Lt'),
        fc.constantFrom('as typed', 'upper', 'lower', 'spaced'),
        (name, suffix, form) => {
          const written = form === 'upper' ? name.toUpperCase() : form === 'lower' ? name.toLowerCase() : form === 'spaced' ? `  ${name.replace(/ /g, '  ')} ` : name;
          expect(keyIdentity(supplierKey(`${written}${suffix}`))).toBe(keyIdentity(supplierKey(name)));
        },
      ),
    );
  });
});
