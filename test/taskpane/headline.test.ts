import { chartSegments, headlineLines, headlineMeasures } from '../../src/taskpane/headline';
import { summaryOf } from './summary-fixture';

const AREAS = { local: 'Preston', wider: 'Lancashire (ceremonial county)' };

describe('headlineLines', () => {
  it('follows SPEC.md: wider includes local, leakage is rest of UK + outside UK, unknown apart', () => {
    const summary = summaryOf([
      ['Local Builder', 100, 'local', 'influenceable'],
      ['County Cleaner', 200, 'wider', 'influenceable'],
      ['National Caterer', 300, 'rest_of_uk', 'influenceable'],
      ['Energy Co', 150, 'rest_of_uk', 'not_influenceable'],
      ['Overseas Software', 50, 'outside_uk', 'review'],
      ['Mystery Ltd', 200, 'unknown', 'influenceable'],
    ]);
    const lines = Object.fromEntries(headlineLines(summary, AREAS).map((l) => [l.key, l]));
    expect(lines.total).toMatchObject({ measure: 'Total spend (net of credits)', spend: 1000, share: 1 });
    expect(lines.local).toMatchObject({ measure: 'Local (Preston)', spend: 100, share: 0.1 });
    expect(lines.wider).toMatchObject({ measure: 'Wider area including local (Lancashire (ceremonial county))', spend: 300, share: 0.3 });
    expect(lines.rest_of_uk.spend).toBe(450);
    expect(lines.outside_uk.spend).toBe(50);
    expect(lines.unknown.spend).toBe(200);
    expect(lines.leakage).toMatchObject({ spend: 500, share: 0.5 });
    expect(lines.influenceable_leakage).toMatchObject({ spend: 300, share: 0.3, part: true });
    expect(lines.review.spend).toBe(50);
  });

  it('gives no shares when total spend is not positive', () => {
    const summary = summaryOf([
      ['Refunder', -500, 'local', 'influenceable'],
      ['Seller', 200, 'rest_of_uk', 'influenceable'],
    ]);
    expect(headlineLines(summary, AREAS).every((line) => line.share === null)).toBe(true);
  });

  it('names the measures as the summary sheet does', () => {
    expect(Object.values(headlineMeasures(AREAS))).toEqual([
      'Total spend (net of credits)',
      'Local (Preston)',
      'Wider area including local (Lancashire (ceremonial county))',
      'Rest of UK',
      'Outside UK',
      'Unknown locality',
      'Leakage (rest of UK + outside UK)',
      'of which influenceable',
      'Review (influenceability to be judged)',
    ]);
  });
});

describe('chartSegments', () => {
  it('splits the bar into parts that add up to the whole', () => {
    const summary = summaryOf([
      ['A', 100, 'local', 'influenceable'],
      ['B', 300, 'wider', 'influenceable'],
      ['C', 400, 'rest_of_uk', 'influenceable'],
      ['D', 200, 'unknown', 'review'],
    ]);
    const segments = chartSegments(summary, AREAS);
    expect(segments.map((s) => [s.key, s.share])).toEqual([
      ['local', 0.1],
      ['wider_only', 0.3],
      ['rest_of_uk', 0.4],
      ['outside_uk', 0],
      ['unknown', 0.2],
    ]);
    expect(segments[1].label).toBe('Rest of Lancashire (ceremonial county)');
  });

  it('draws net credits as nothing, and no bar at all when total spend is not positive', () => {
    const withCredit = summaryOf([
      ['A', 500, 'local', 'influenceable'],
      ['B', -100, 'rest_of_uk', 'influenceable'],
    ]);
    expect(chartSegments(withCredit, AREAS).map((s) => s.share)).toEqual([1, 0, 0, 0, 0]);
    expect(chartSegments(summaryOf([['A', -5, 'local', 'influenceable']]), AREAS)).toEqual([]);
  });
});
