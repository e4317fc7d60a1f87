/**
 * Postcodes however people write them: every finding comes back without throwing, a normalised
 * postcode normalises to itself, and any valid postcode written in lower case, without its space,
 * with a hyphen or inside an address is found as that same postcode.
 */
import fc from 'fast-check';
import { findPostcode, INWARD_LETTERS, normalisePostcode, POSTCODE_AREAS } from '../../src/core/postcode';
import { anyText, assertProperty } from '../support/properties';

const AREAS = [...POSTCODE_AREAS];
const letterOf = (letters: string) => fc.constantFrom(...letters.split(''));
const digit = letterOf('0123456789');

/** Any postcode the UK format allows (whether or not Royal Mail has issued it), normalised. */
const validPostcode: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...AREAS),
    digit,
    fc.oneof(fc.constant(''), digit, letterOf('ABCDEFGHJKPSTUW'), letterOf('ABEHMNPRVWXY')),
    digit,
    letterOf(INWARD_LETTERS),
    letterOf(INWARD_LETTERS),
  )
  .filter(([area, , third]) => !/[A-Z]/.test(third) || (area.length === 1 ? 'ABCDEFGHJKPSTUW' : 'ABEHMNPRVWXY').includes(third))
  .map(([area, district, third, sector, a, b]) => `${area}${district}${third} ${sector}${a}${b}`);

/** The ways a postcode is typed into a cell: case, spacing and punctuation. */
function writtenAs(postcode: string): fc.Arbitrary<string> {
  const [outward, inward] = postcode.split(' ');
  return fc
    .tuple(
      fc.constantFrom('', ' ', '  ', '-', ' - ', '\u00a0', '.'),
      fc.constantFrom('upper', 'lower', 'mixed'),
      fc.constantFrom('', ' ', '(', '"'),
      fc.constantFrom('', ' ', ')', '.', ','),
    )
    .map(([gap, letterCase, before, after]) => {
      const joined = `${outward}${gap}${inward}`;
      const cased =
        letterCase === 'upper'
          ? joined
          : letterCase === 'lower'
            ? joined.toLowerCase()
            : [...joined].map((c, i) => (i % 2 ? c.toLowerCase() : c)).join('');
      return `${before}${cased}${after}`;
    });
}

/** Address lines: words of letters, with house numbers, that hold no postcode themselves. */
const addressLine = fc
  .array(fc.oneof(fc.stringMatching(/^[A-Za-z]{3,10}$/), fc.integer({ min: 1, max: 999 }).map(String)), { minLength: 1, maxLength: 4 })
  .map((words) => words.join(' '));

describe('postcode properties', () => {
  test('normalisePostcode and findPostcode never throw, whatever the text', () => {
    assertProperty(
      fc.property(anyText(), anyText(), (postcode, address) => {
        normalisePostcode(postcode);
        const finding = findPostcode({ postcode, address });
        expect(['full', 'sector', 'district', 'foreign', 'invalid', 'none']).toContain(finding.kind);
      }),
    );
  });

  test('a normalised postcode normalises to itself, and is what findPostcode finds in the text', () => {
    const postcodeLike = fc.stringMatching(/^[ (]?[A-Za-z]{1,2}[0-9][A-Za-z0-9]?[ -]{0,2}[0-9][A-Za-z]{2}[ .)]?$/);
    assertProperty(
      fc.property(fc.oneof(anyText(12), postcodeLike), (text) => {
        const normalised = normalisePostcode(text);
        if (normalised === undefined) return;
        expect(normalisePostcode(normalised)).toBe(normalised);
        expect(findPostcode({ postcode: text })).toMatchObject({ kind: 'full', postcode: normalised });
      }),
    );
  });

  test('every valid postcode is its own normal form', () => {
    assertProperty(
      fc.property(validPostcode, (postcode) => {
        expect(normalisePostcode(postcode)).toBe(postcode);
      }),
    );
  });

  test('a valid postcode in lower case, unspaced, hyphenated or bracketed is found as the same postcode', () => {
    assertProperty(
      fc.property(validPostcode.chain((postcode) => fc.tuple(fc.constant(postcode), writtenAs(postcode))), ([postcode, written]) => {
        expect(normalisePostcode(written)).toBe(postcode);
        const finding = findPostcode({ postcode: written });
        expect(finding).toMatchObject({ kind: 'full', postcode, sector: postcode.slice(0, -2), outward: postcode.split(' ')[0] });
      }),
    );
  });

  test('a valid postcode at the end of an address is found, and beats a partial postcode in the postcode cell', () => {
    assertProperty(
      fc.property(
        validPostcode.chain((postcode) => fc.tuple(fc.constant(postcode), writtenAs(postcode))),
        fc.array(addressLine, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('', ', UK', ', United Kingdom', ', England'),
        ([postcode, written], lines, country) => {
          const address = `${lines.join(', ')}, ${written}${country}`;
          expect(findPostcode({ address })).toMatchObject({ kind: 'full', postcode });
          expect(findPostcode({ postcode: postcode.split(' ')[0], address })).toMatchObject({ kind: 'full', postcode });
        },
      ),
    );
  });

  test('the first half of a valid postcode is its district, and with the sector digit its sector', () => {
    assertProperty(
      fc.property(validPostcode, (postcode) => {
        const [outward, inward] = postcode.split(' ');
        expect(findPostcode({ postcode: outward.toLowerCase() })).toMatchObject({ kind: 'district', outward });
        expect(findPostcode({ postcode: `${outward} ${inward[0]}` })).toMatchObject({ kind: 'sector', sector: `${outward} ${inward[0]}` });
      }),
    );
  });
});
