import type { RowResult } from '../../src/core/classify';
import { analysisRow, ANALYSIS_COLUMN, fittedWidth, MAX_TEXT_WIDTH } from '../../src/core/report/columns';
import { layoutSheet } from '../../src/core/report/layout';
import type { SheetPlan } from '../../src/core/report/plan';
import { AnalysisRefs, sumifsMatchesLiterally, textValue } from '../../src/core/report/formulas';
import { NO_CATEGORY, NO_INSTITUTION } from '../../src/core/summary';

const result: RowResult = {
  id: 0,
  locality: 'rest_of_uk',
  districtLabel: 'Leeds (E08000035)',
  basis: 'Full postcode LS1 4AP in Leeds',
  coverage: 'exact_postcode',
  influence: 'influenceable',
  reason: 'Cleaning',
  coop: true,
  supplierType: 'company',
  supplierKey: 'ACME',
};

describe('the analysis table', () => {
  test('a payment without a category or institution carries the label its summary line has, so SUMIFS finds it', () => {
    const cells = analysisRow({ row: 7, supplier: 'Acme Ltd', amount: 12.5 }, result, { local: 'Preston', wider: 'Lancashire' });
    expect(cells[ANALYSIS_COLUMN.category]).toBe(NO_CATEGORY);
    expect(cells[ANALYSIS_COLUMN.institution]).toBe(NO_INSTITUTION);
    expect(cells[ANALYSIS_COLUMN.leakage]).toBe(12.5);
  });
});

describe('column widths', () => {
  test('a text column widens to its longest value, up to a limit; numbers and running-on text keep their width', () => {
    expect(fittedWidth({ header: 'Name', format: 'text', width: 10 }, ['short', 'a rather longer supplier name'])).toBe(31);
    expect(fittedWidth({ header: 'Name', format: 'text', width: 10 }, ['x'.repeat(200)])).toBe(MAX_TEXT_WIDTH);
    expect(fittedWidth({ header: 'Spend', format: 'gbp', width: 14 }, ['x'.repeat(40)])).toBe(14);
    expect(fittedWidth({ header: 'Value', format: 'text', width: 18, overflow: true }, ['x'.repeat(40)])).toBe(18);
  });

  test('a sheet takes, per column, the widest any block needs; sentences wrap in a wide column', () => {
    const plan: SheetPlan = {
      role: 'method',
      name: 'Method',
      title: 'Method',
      subtitle: ['one line'],
      page: { areas: 'Local area: Preston. Wider area: Lancashire.', analysed: 'Analysed 1 May 2025 09:30 UTC' },
      blocks: [
        { id: 'a', title: 'A', columns: [{ header: 'Item', format: 'text', width: 10 }, { header: 'Value', format: 'text', width: 18, overflow: true }], rows: [['Geography', 'a very long sentence that runs on into the empty cells to its right']] },
        { id: 'b', title: 'B', note: 'a note', columns: [{ header: 'Basis', format: 'text', width: 12 }, { header: 'Spend', format: 'gbp', width: 16 }], rows: [['Exact postcode (row)', 1]] },
      ],
    };
    const layout = layoutSheet(plan);
    expect(layout.widths).toEqual([22, 69]);
    expect(layout.wrap).toEqual([false, false]);
    expect(layout.blocks.map((b) => [b.titleRow, b.headerRow, b.firstRow])).toEqual([
      [3, 4, 5],
      [7, 9, 10],
    ]);
  });
});

describe('formulas over the analysis table', () => {
  const refs = new AnalysisRefs('Analysis data', 3);

  test('match a text with SUMIFS when SUMIFS would match it literally', () => {
    expect(refs.sum([[ANALYSIS_COLUMN.category, 'Cleaning * services']])).toBe(`SUMIFS('Analysis data'!$E$2:$E$4,'Analysis data'!$J$2:$J$4,"=Cleaning ~* services")`);
  });

  test.each(['2024', '1/4/2024', 'Agency staff 2', 'TRUE', '#N/A', 'x'.repeat(255)])('compare %j instead, which SUMIFS would read as a value or not match', (label) => {
    expect(sumifsMatchesLiterally(label)).toBe(false);
    expect(refs.count([[ANALYSIS_COLUMN.category, label], [ANALYSIS_COLUMN.locality, 'Local (Preston)']])).toBe(
      `SUMPRODUCT(('Analysis data'!$J$2:$J$4=${textValue(label)})*('Analysis data'!$F$2:$F$4="Local (Preston)")*1)`,
    );
  });

  test('write a long text as pieces of at most 255 characters, quotes doubled, surrogate pairs whole', () => {
    const text = `${'a'.repeat(254)}😀"${'b'.repeat(300)}`;
    const pieces = textValue(text).split('&').map((piece) => piece.slice(1, -1).replace(/""/g, '"'));
    expect(pieces.join('')).toBe(text);
    expect(pieces.every((piece) => piece.length <= 255)).toBe(true);
    expect(pieces[0]).toBe('a'.repeat(254));
  });
});

describe('printing', () => {
  const wide = (header: string, width: number) => ({ header, format: 'text' as const, width });
  const plan = (rows: string[][]): SheetPlan => ({
    role: 'top_suppliers',
    name: 'Top suppliers',
    title: 'Top 300 suppliers by spend',
    subtitle: ['The largest first.'],
    page: { areas: 'Local area: Preston. Wider area: Lancashire & Blackpool.', analysed: 'Analysed 1 May 2025 09:30 UTC' },
    blocks: [
      {
        id: 't',
        title: 'Top suppliers',
        columns: [wide('Supplier', 30), { header: 'Spend', format: 'gbp', width: 16 }, wide('Reason', 30), wide('Type', 14), wide('Notes', 30), wide('Area', 30)],
        rows,
      },
    ],
  });

  test('columns that would print smaller than 85% of their size are narrowed, the widest text first, and their text wraps', () => {
    const long = 'x'.repeat(58);
    const layout = layoutSheet(plan([[long, '£1', long, 'Company', long, long], ['Acme', '£2', 'Cleaning', 'Company', '', 'Preston']]));
    // Fitted to their text, 60 + 16 + 60 + 14 + 60 + 60 = 270 characters; six columns print at 85% within 163.
    expect(layout.widths).toEqual([33, 16, 33, 14, 33, 34]);
    expect(layout.wrap).toEqual([true, false, true, false, true, true]);
    expect(layout.blocks[0].rowLines).toEqual([2, 1]);
  });

  test('A4 landscape one page wide, title rows frozen and repeated, the areas and date in the page header, page numbers in the footer', () => {
    const layout = layoutSheet(plan([['Acme', '£2', 'Cleaning', 'Company', '', 'Preston']]));
    expect(layout.print).toEqual({
      paper: 'A4',
      orientation: 'landscape',
      fitToPagesWide: 1,
      margins: { left: 0.4, right: 0.4, top: 0.8, bottom: 0.6, header: 0.3, footer: 0.3 },
      titleRows: 5,
      header: { left: 'Top 300 suppliers by spend', center: '', right: 'Local area: Preston. Wider area: Lancashire && Blackpool.\nAnalysed 1 May 2025 09:30 UTC' },
      footer: { left: 'Top suppliers', center: 'Page &P of &N', right: 'Local Spend Baseline' },
    });
  });
});
