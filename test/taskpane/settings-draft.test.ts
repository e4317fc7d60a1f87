import { emptyState } from '../../src/core/settings';
import { settingsFromChoices, type PaneChoices } from '../../src/taskpane/settings-draft';

const NOW = new Date('2025-04-01T10:00:00Z');
const AREAS = {
  queries: { local: 'Preston (district)', wider: 'Lancashire (ceremonial county)' },
  resolved: { local: { name: 'Preston', districts: ['E07000123'] }, wider: { name: 'Lancashire (ceremonial county)', districts: ['E06000008', 'E07000123'] } },
};

function choices(extra: Partial<PaneChoices> = {}): PaneChoices {
  return { sheet: 'Spend', mapping: { supplier: 'Payee', amount: 'Net' }, areas: AREAS, threshold: 0.9, online: false, ...extra };
}

describe('settingsFromChoices', () => {
  it('keeps what the user chose, in the workbook state schema', () => {
    const saved = { ...emptyState().settings, topSuppliers: 100 };
    expect(settingsFromChoices(saved, choices(), NOW)).toEqual({
      mapping: { sheet: 'Spend', fields: { supplier: 'Payee', amount: 'Net' } },
      areas: {
        local: { query: 'Preston (district)', name: 'Preston', districts: ['E07000123'] },
        wider: { query: 'Lancashire (ceremonial county)', name: 'Lancashire (ceremonial county)', districts: ['E06000008', 'E07000123'] },
      },
      threshold: 0.9,
      online: { allowed: false },
      topSuppliers: 100,
    });
  });

  it('dates the consent to online lookup when it changes, and keeps that date afterwards', () => {
    const saved = emptyState().settings;
    const on = settingsFromChoices(saved, choices({ online: true }), NOW);
    expect(on.online).toEqual({ allowed: true, decidedAt: '2025-04-01T10:00:00.000Z' });
    expect(settingsFromChoices(on, choices({ online: true }), new Date('2025-05-01T00:00:00Z')).online).toEqual(on.online);
  });

  it('keeps the saved areas while the typed ones do not resolve', () => {
    const saved = settingsFromChoices(emptyState().settings, choices(), NOW);
    expect(settingsFromChoices(saved, choices({ areas: undefined }), NOW).areas).toEqual(saved.areas);
  });
});
