import type { Progress, ProgressFigures } from '../../src/core';
import { progressView } from '../../src/taskpane/progress-view';

const figures = (spend: number, local: number, wider: number, leakage: number, influenceable: number): ProgressFigures => ({
  totals: { spend },
  shares: { local: local / spend, widerIncludingLocal: (local + wider) / spend, restOfUk: leakage / spend, outsideUk: 0, unknown: 0, leakage: leakage / spend, influenceableLeakage: influenceable / spend, review: 0 },
  leakage: { spend: leakage, influenceableSpend: influenceable },
  spendByLocality: { local, wider, rest_of_uk: leakage, outside_uk: 0, unknown: 0 },
});

const before = figures(5000, 1000, 2000, 2000, 2000);
const after = figures(5000, 2500, 2000, 500, 500);
const PROGRESS: Progress = {
  method: 'reclassified',
  earlier: { name: 'baseline-2023.xlsx', analysedAt: '2024-05-01T09:30:00Z' },
  before,
  after,
  change: { totals: { spend: 0 }, shares: null, leakage: { spend: -1500, influenceableSpend: -1500 }, spendByLocality: { local: 1500, wider: 0, rest_of_uk: -1500, outside_uk: 0, unknown: 0 } },
  methodChanges: ['Wider area: Preston (1 district) then, Lancashire (12 districts) now'],
  institutions: [],
  movers: [
    { key: 'MANCHESTER LEGAL', name: 'Manchester Legal LLP', locality: 'rest_of_uk', before: 1500, after: 500, local: 0, widerIncludingLocal: 0, leakage: -1000 },
    { key: 'PRESTON PRINT', name: 'Preston Print Co', locality: 'local', before: 0, after: 1000, local: 1000, widerIncludingLocal: 1000, leakage: 0 },
  ],
};

describe('progressView', () => {
  it('says how it was measured, and each share and leakage then and now', () => {
    const view = progressView(PROGRESS, { local: 'Preston', wider: 'Lancashire' });
    expect(view.title).toBe('Progress since baseline-2023.xlsx');
    expect(view.how).toMatch(/^Its payments were classified again with this workbook's areas, rules and Suppliers sheet/);
    expect(view.lines).toEqual([
      { measure: 'Total spend', before: '£5,000', after: '£5,000', change: '£0' },
      { measure: 'Local (Preston)', before: '20.0%', after: '50.0%', change: '+30.0 points' },
      { measure: 'Wider area including local (Lancashire)', before: '60.0%', after: '90.0%', change: '+30.0 points' },
      { measure: 'Unknown locality', before: '0.0%', after: '0.0%', change: 'no change' },
      { measure: 'Leakage', before: '£2,000', after: '£500', change: '-£1,500' },
      { measure: 'Influenceable leakage', before: '£2,000', after: '£500', change: '-£1,500' },
    ]);
    expect(view.movers).toEqual(['Manchester Legal LLP: -£1,000 leakage', 'Preston Print Co: +£1,000 local']);
  });

  it('with stored figures, says why and that a change of method shows as change', () => {
    const view = progressView({ ...PROGRESS, method: 'stored', why: 'its payments cannot be read again: its sheet "Spend" is no longer there' }, { local: 'Preston', wider: 'Lancashire' });
    expect(view.how).toBe('Compared with the figures it stored, because its payments cannot be read again: its sheet "Spend" is no longer there: a change of areas, rules or supplier corrections shows as a change too.');
  });
});
