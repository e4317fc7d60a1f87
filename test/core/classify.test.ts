import { createRowClassifier, type ClassifyContext } from '../../src/core/classify';
import { addRowsToDirectory, directoryEntry, emptyDirectory } from '../../src/core/directory';
import { compileRules } from '../../src/core/rule-book';
import type { SpendRow } from '../../src/core/rows';

/** No pack: postcodes are answered by cached online answers, which is enough to place them. */
const ctx: ClassifyContext = {
  online: new Map([
    ['PR1 2HE', { district: 'E07000123' }],
    ['LS1 4AP', { district: 'E08000035' }],
  ]),
  districts: new Map([
    ['E07000123', { code: 'E07000123', name: 'Preston', nation: 'England' }],
    ['E07000128', { code: 'E07000128', name: 'Wyre', nation: 'England' }],
    ['E08000035', { code: 'E08000035', name: 'Leeds', nation: 'England' }],
  ]),
  areas: { local: { name: 'Preston', districts: ['E07000123'] }, wider: { name: 'Lancashire', districts: ['E07000123', 'E07000128'] } },
  threshold: 0.95,
  rules: compileRules([{ priority: 10, field: 'category', match: 'words', value: 'cleaning', verdict: 'influenceable', reason: 'Cleaning', coop: true }]),
};

function classifyAll(rows: SpendRow[]) {
  const directory = emptyDirectory();
  const suppliers = addRowsToDirectory(directory, rows);
  const classifier = createRowClassifier(ctx, directory);
  return { results: rows.map((row, i) => classifier.classify(row, suppliers[i])), problems: classifier.problems };
}

describe('createRowClassifier', () => {
  test("a payment's own postcode first; else its supplier's, saying where it came from and why the row's own was not used", () => {
    const { results } = classifyAll([
      { row: 2, supplier: 'Acme Ltd', amount: 1, postcode: 'PR1 2HE', category: 'Cleaning' },
      { row: 3, supplier: 'Acme Ltd', amount: 1, postcode: 'PR1 2HE' },
      { row: 4, supplier: 'Acme Ltd', amount: 1 },
      { row: 5, supplier: 'Acme Ltd', amount: 1, postcode: 'not a postcode' },
      { row: 6, supplier: 'Leeds Co Ltd', amount: 1, postcode: 'LS1 4AP' },
    ]);
    expect(results.map((r) => [r.locality, r.coverage])).toEqual([
      ['local', 'online_lookup'],
      ['local', 'online_lookup'],
      ['local', 'supplier_directory'],
      ['local', 'supplier_directory'],
      ['rest_of_uk', 'online_lookup'],
    ]);
    expect(results[0].districtLabel).toBe('Preston (E07000123)');
    expect(results[2].basis).toBe('Suppliers sheet: Online lookup (postcodes.io): PR1 2HE in Preston');
    expect(results[3].basis).toMatch(/^Suppliers sheet: Online lookup \(postcodes\.io\): PR1 2HE in Preston \(the payment's own postcode is invalid: /);
    expect([results[0].influence, results[0].reason, results[0].coop]).toEqual(['influenceable', 'Cleaning', true]);
    expect(results[1].influence).toBe('review');
  });

  test('row overrides win (a district decides by the areas); a value that cannot be understood is reported and ignored', () => {
    const { results, problems } = classifyAll([
      { row: 2, supplier: 'Acme Ltd', amount: 1, postcode: 'PR1 2HE', localityOverride: 'Wyre', influenceOverride: 'no' },
      { row: 3, supplier: 'Acme Ltd', amount: 1, postcode: 'PR1 2HE', localityOverride: 'somewhere', influenceOverride: 'perhaps' },
    ]);
    expect([results[0].locality, results[0].district, results[0].basis, results[0].influence, results[0].reason]).toEqual(['wider', 'E07000128', 'Row override: Wyre (E07000128)', 'not_influenceable', 'Row override']);
    expect([results[1].locality, results[1].coverage]).toEqual(['local', 'online_lookup']);
    expect(problems.map((p) => [p.row?.row, p.field])).toEqual([
      [3, 'localityOverride'],
      [3, 'influenceOverride'],
    ]);
  });

  test("a supplier's overrides on the Suppliers sheet apply to every payment; a bad one is reported once", () => {
    const directory = emptyDirectory();
    const rows: SpendRow[] = [
      { row: 2, supplier: 'Acme Ltd', amount: 1, postcode: 'LS1 4AP' },
      { row: 3, supplier: 'Acme Ltd', amount: 1 },
    ];
    const suppliers = addRowsToDirectory(directory, rows);
    Object.assign(directoryEntry(directory, suppliers[0].key)!, { localityOverride: 'local', influenceOverride: 'nonsense' });
    const classifier = createRowClassifier(ctx, directory);
    const results = rows.map((row, i) => classifier.classify(row, suppliers[i]));
    expect(results.map((r) => [r.locality, r.basis])).toEqual([
      ['local', 'Supplier override (Suppliers sheet)'],
      ['local', 'Supplier override (Suppliers sheet)'],
    ]);
    expect(classifier.problems).toHaveLength(1);
  });
});
