/**
 * How property tests run: in `npm test` with a fixed seed and a modest number of cases, so that a
 * run is repeatable and quick; under `npm run fuzz` (FUZZ_RUNS set) with a fresh seed and many
 * more cases. A failure prints its seed and path, which replay it exactly (fast-check's
 * `seed`/`path` parameters).
 */
import fc from 'fast-check';

/** The seed of every property in `npm test`. */
export const FIXED_SEED = 20250501;
const DEFAULT_RUNS = 300;

const fuzzRuns = Number(process.env.FUZZ_RUNS);
const fuzzing = Number.isInteger(fuzzRuns) && fuzzRuns > 0;

export function propertyParameters<T>(): fc.Parameters<T> {
  return fuzzing ? { numRuns: fuzzRuns } : { seed: FIXED_SEED, numRuns: DEFAULT_RUNS };
}

/** fc.assert with the run's parameters. */
export function assertProperty<T>(property: fc.IProperty<T>): void {
  fc.assert(property, propertyParameters<T>());
}

/** Text of any Unicode, with the characters finance exports are most often broken by mixed in. */
export function anyText(maxLength = 40): fc.Arbitrary<string> {
  const awkward = fc.constantFrom(' ', '\u00a0', '\t', '\r', '\n', ',', ';', '"', "'", '£', '-', '(', ')', '.', '/', '*', '=', '€', '\u2013', '\ufeff', '\ud83d\ude00');
  return fc.oneof(
    fc.string({ maxLength, unit: 'grapheme' }),
    fc.string({ maxLength, unit: fc.oneof(fc.string({ minLength: 1, maxLength: 1 }), awkward) }),
    fc.string({ maxLength, unit: 'binary' }),
  );
}
