import { ownSheetCandidates, recogniseOwnSheets } from '../../src/core/analysis/own-sheets';
import type { Cell } from '../../src/core/cell';

/** The add-in's sheets recognised by their first row, in a workbook whose settings were reset. */
describe('the add-in’s sheets without a record of them', () => {
  const firstRows: Record<string, Cell[]> = {
    Baseline: ['Local spend baseline'],
    'Top suppliers': ['All 12 suppliers by spend'],
    Method: ['Notes from the finance team'],
  };
  const recognised = (rows: Record<string, Cell[]>) => recogniseOwnSheets(ownSheetCandidates(Object.keys(rows)), (name) => rows[name]);

  test('are those with the add-in’s name whose first row is what it writes there', () => {
    expect(recognised(firstRows)).toEqual({ summary: 'Baseline', top_suppliers: 'Top suppliers' });
  });

  test('the Re-spend survey by its header row; a sheet of the user’s by that name is not taken', () => {
    expect(recognised({ 'Re-spend survey': ['Supplier', 'Supplier key', 'Local share', 'Notes', '', 'Your own staff (optional)', 'Value'] })).toEqual({ respend: 'Re-spend survey' });
    expect(recognised({ 'Re-spend survey': ['Supplier', 'Answer'] })).toEqual({});
  });

  test.each(['Top 300 suppliers by spend', 'Top 1,000 suppliers by spend', 'All 1 supplier by spend'])('the top suppliers sheet titled %j', (title) => {
    expect(recognised({ 'Top suppliers': [title] })).toEqual({ top_suppliers: 'Top suppliers' });
  });

  test.each(['Top suppliers', 'Top 300 suppliers by value', 'All 12 suppliers', 'Top 2 supplier by spend'])('never a user’s sheet titled %j', (title) => {
    expect(recognised({ 'Top suppliers': [title] })).toEqual({});
  });
});
