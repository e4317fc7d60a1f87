import { FIELDS } from '../../src/core/mapping';
import { FIELD_LABELS, columnLettersOf } from '../../src/taskpane/field-labels';

describe('field labels', () => {
  it('lists every field the user maps (all but the add-in’s own override columns), once', () => {
    expect(FIELD_LABELS.map((f) => f.field).sort()).toEqual(FIELDS.filter((f) => !f.endsWith('Override')).sort());
  });

  it('gives the sheet letters of the data columns', () => {
    expect(columnLettersOf('A4:D90', 4)).toEqual(['A', 'B', 'C', 'D']);
    expect(columnLettersOf('Y2:AB3', 4)).toEqual(['Y', 'Z', 'AA', 'AB']);
  });
});
