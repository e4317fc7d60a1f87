/**
 * The Local register in the add-in, as the command line shows it (one core plan for both): while
 * the sheet is empty the Opportunities sheet says how to fill it; once the user fills it, the next
 * run lists, for each kind of spend that leaks, the businesses in the area whose categories the
 * rules read as that kind, with their co-operative potential, and the register's other businesses
 * apart, with why.
 */
import { acceptProposal, FIRST_RUN, hooks, SECOND_RUN, serviceAt, simulate } from './adapter-harness';
import { spendSheetCells } from './spend-fixture';

const PROFESSIONAL = 'Professional services (consultancy, legal, surveys, valuations, architects)';
const EQUIPMENT = 'Equipment, furniture and supplies';

/** The Opportunities sheet's row that starts with `first`. */
function rowStarting(rows: unknown[][], first: string): unknown[] | undefined {
  return rows.find((row) => row[0] === first);
}

describe('the Local register in the add-in', () => {
  it('empty: the Opportunities sheet says how to fill it; filled by the user: the re-run lists the candidates', async () => {
    const sim = simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }], activeSheet: 'Spend' });
    const first = serviceAt(FIRST_RUN);
    await first.analyse(await acceptProposal(await first.inspect()), await hooks());

    const empty = sim.values('Opportunities');
    expect(rowStarting(empty, 'The Local register sheet is empty, so no local supplier is suggested yet: see below how to fill it.')).toBeDefined();
    expect(rowStarting(empty, 'How to fill the Local register sheet')).toBeDefined();
    // The leakage is there all the same: consultancy from Manchester, chairs from Blackpool.
    expect(rowStarting(empty, PROFESSIONAL)).toEqual([PROFESSIONAL, 4200, 4200 / 6300, '', 0, '']);
    expect(rowStarting(empty, EQUIPMENT)).toEqual([EQUIPMENT, 2100, 2100 / 6300, '', 0, '']);
    expect(sim.values('Local register')).toEqual([['Name', 'Postcode', 'Categories', 'SME', 'VCSE', 'Co-operative', 'Notes']]);

    sim.writeCells('Local register', 'A2', [
      ['Avenham Consulting Co-operative', 'PR1 2HE', 'Consultancy; Training', 'yes', '', 'yes', ''],
      ['Ribble Office Furniture', 'PR25 1AB', 'Office furniture', 'yes', '', '', 'met at the supplier day'],
      ['Manchester Chairs Ltd', 'M1 1AE', 'Furniture', '', '', '', ''],
    ]);
    const second = serviceAt(SECOND_RUN);
    await second.analyse(await acceptProposal(await second.inspect()), await hooks());

    const filled = sim.values('Opportunities');
    expect(rowStarting(filled, 'How to fill the Local register sheet')).toBeUndefined();
    expect(rowStarting(filled, PROFESSIONAL)).toEqual([
      PROFESSIONAL,
      4200,
      4200 / 6300,
      '1 co-operative on the register can supply it',
      1,
      'Avenham Consulting Co-operative (PR1 2HE; Local (Preston); SME, co-operative): "Consultancy"',
    ]);
    expect(rowStarting(filled, EQUIPMENT)).toEqual([EQUIPMENT, 2100, 2100 / 6300, '', 1, 'Ribble Office Furniture (PR25 1AB; Wider area (Lancashire); SME): "Office furniture"']);
    expect(rowStarting(filled, 'Manchester Chairs Ltd')).toEqual(['Manchester Chairs Ltd', 'M1 1AE', 'Rest of UK: outside the wider area', '', '', '']);
    // The user's register is theirs: kept as typed, notes and all.
    expect(sim.values('Local register')[2]).toEqual(['Ribble Office Furniture', 'PR25 1AB', 'Office furniture', 'yes', '', '', 'met at the supplier day']);
  });
});
