import type { HeadlineSnapshot } from '../../src/core/settings';
import { changesSinceLastRun } from '../../src/taskpane/changes';

const AREAS = { local: 'Preston', wider: 'Lancashire' };

function snapshot(local: number, unknown: number, at = '2025-03-01T09:00:00Z'): HeadlineSnapshot {
  return {
    at,
    totalSpend: 1000,
    rows: 10,
    suppliers: 5,
    spendByLocality: { local, wider: 200, rest_of_uk: 300, outside_uk: 0, unknown },
    leakage: 300,
    influenceableLeakage: 100,
    review: 50,
  };
}

describe('changesSinceLastRun', () => {
  it('says nothing about a first run', () => {
    expect(changesSinceLastRun(undefined, snapshot(100, 400), AREAS)).toEqual({ changes: [] });
  });

  it('reports a supplier fixed on the Suppliers sheet as shares moving from unknown to local', () => {
    const { previousAt, changes } = changesSinceLastRun(snapshot(100, 400), snapshot(250, 250, '2025-03-02T09:00:00Z'), AREAS);
    expect(previousAt).toBe('2025-03-01T09:00:00Z');
    expect(changes).toEqual([
      { measure: 'Local (Preston)', before: '10.0% (£100)', after: '25.0% (£250)', change: '+15.0 points' },
      { measure: 'Wider area including local (Lancashire)', before: '30.0% (£300)', after: '45.0% (£450)', change: '+15.0 points' },
      { measure: 'Unknown locality', before: '40.0% (£400)', after: '25.0% (£250)', change: '-15.0 points' },
    ]);
  });

  it('reports new data as a change in total spend and rows', () => {
    const later = { ...snapshot(100, 400), totalSpend: 1500, rows: 12 };
    const { changes } = changesSinceLastRun(snapshot(100, 400), later, AREAS);
    expect(changes.slice(0, 2)).toEqual([
      { measure: 'Total spend', before: '£1,000', after: '£1,500', change: '+£500' },
      { measure: 'Payments analysed', before: '10', after: '12', change: '+2' },
    ]);
  });

  it('finds no change in an identical re-run', () => {
    expect(changesSinceLastRun(snapshot(100, 400), snapshot(100, 400, '2025-03-02T09:00:00Z'), AREAS).changes).toEqual([]);
  });
});
