/**
 * The data sheet deleted while the add-in runs (the user clicks Delete on its tab between two of
 * the add-in's requests): whatever the phase, the run ends with a message that says what has
 * gone and what to do, and what it wrote before is nothing a re-run cannot repair: with the data
 * back, a second run leaves the workbook exactly as one clean run does.
 */
import type { AnalysePhase } from '../../src/excel/api';
import { plainError } from '../../src/taskpane/plain-error';
import { acceptProposal, FIRST_RUN, hooks, serviceAt, simulate, workbookValues } from './adapter-harness';
import { spendSheetCells } from './spend-fixture';

const NOTES = { name: 'Notes', cells: [['Checked by finance'], ['Anything else here is the user’s']] };

function workbookWithSpend() {
  return simulate({ sheets: [{ name: 'Spend', cells: spendSheetCells() }, NOTES] });
}

/** The workbook one clean run makes. */
async function cleanRun() {
  const sim = workbookWithSpend();
  const service = serviceAt(FIRST_RUN);
  await service.analyse(await acceptProposal(await service.inspect()), await hooks());
  return { values: workbookValues(sim, FIRST_RUN), tables: sim.tables(), pivots: sim.pivotTables(), charts: sim.charts() };
}

/** What the pane shows when Excel reports the sheet gone. */
const GONE = /^Could not analyse the sheet\. Something the add-in expected has gone from the workbook \(a sheet or table may have been renamed or deleted\)\. Choose "Find the data again", then try again\. \(For IT: ItemNotFound: The worksheet "Spend" doesn't exist\.\)$/;

describe('the data sheet deleted mid-run', () => {
  it.each<[AnalysePhase, number, 'fails' | 'completes']>([
    ['reading', 0, 'fails'],
    ['classifying', 0, 'fails'],
    ['writing', 0, 'fails'],
    ['writing', 2, 'fails'],
    // Once the data sheet's own columns are written, the rest of the run does not touch it.
    ['writing', 3, 'completes'],
    ['writing', 8, 'completes'],
  ])('during %s, %i syncs in: the run %s, and a re-run with the data back repairs everything', async (phase, syncsLater, outcome) => {
    const expected = await cleanRun();
    const sim = workbookWithSpend();
    const service = serviceAt(FIRST_RUN);
    const request = await acceptProposal(await service.inspect());
    let deleted = false;
    let stopListening: (() => void) | undefined;
    const deleteSpend = () => {
      if (deleted) return;
      deleted = true;
      stopListening?.();
      sim.deleteSheet('Spend');
    };
    const run = service.analyse(request, await hooks({
      onProgress: (progress) => {
        if (progress.phase !== phase || stopListening || deleted) return;
        if (syncsLater === 0) return deleteSpend();
        let syncs = 0;
        stopListening = sim.onSync(() => {
          if (++syncs === syncsLater) deleteSpend();
        });
      },
    }));
    const message = await run.then(
      () => 'completed',
      (error: unknown) => plainError(error, 'analyse the sheet'),
    );
    expect(deleted).toBe(true);
    if (outcome === 'fails') expect(message).toMatch(GONE);
    else expect(message).toBe('completed');
    expect(sim.sheetNames()).not.toContain('Spend');
    expect(sim.values('Notes', 'A1:A2')).toEqual(NOTES.cells);

    // The user puts the data back (pastes it into a new sheet of the same name) and analyses again.
    sim.addSheet({ name: 'Spend', cells: spendSheetCells() });
    sim.setActiveSheet('Spend');
    const again = serviceAt(FIRST_RUN);
    await again.analyse(await acceptProposal(await again.inspect()), await hooks());
    expect(workbookValues(sim, FIRST_RUN)).toEqual(expected.values);
    expect(sim.tables()).toEqual(expected.tables);
    expect(sim.pivotTables()).toEqual(expected.pivots);
    expect(sim.charts()).toEqual(expected.charts);
  });
});
