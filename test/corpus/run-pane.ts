/**
 * A corpus case through the Excel adapter in the simulator, as the task pane drives it: the
 * workbook opened, the proposed mapping accepted, analysed; analysed again; the user's edits
 * typed into the workbook and analysed again.
 */
import { buildAreas } from '../../src/core/areas';
import { BaselineError } from '../../src/core/errors';
import type { Field } from '../../src/core/mapping';
import type { AnalyseRequest } from '../../src/excel/api';
import { fixturePack, hooks, serviceAt, simulate } from '../excel/adapter-harness';
import type { ExcelSimulator } from '../sim/excel-simulator';
import type { CorpusCase } from '../fixtures/corpus/cases';
import { mergedAreas, simulatorSetup } from './case-input';
import { FIRST_AT, SECOND_AT, THIRD_AT, type CaseRuns, type RunOutput } from './check-case';
import { planEdits } from './invariants';
import { formulasOfSimulator, usedFromA1, viewOfSimulator, type WorkbookView } from './workbook-view';
import { columnLetter } from '../../src/core/column-letters';
import { STATE_SHEET } from '../../src/core/settings';

/** Preston within Lancashire (ceremonial county), as the command line is given them. */
async function corpusAreas(): Promise<Pick<AnalyseRequest, 'areas' | 'areaQueries'>> {
  const pack = await fixturePack();
  const built = buildAreas('Preston', 'Lancashire (ceremonial county)', pack.districts);
  if (!built.ok) throw new Error(built.message);
  return { areas: built.areas, areaQueries: { local: 'Preston', wider: 'Lancashire (ceremonial county)' } };
}

/** Analyse, as the pane does it when the user accepts what it found; a refusal as the pane shows it. */
async function analyseAt(at: Date): Promise<{ warnings: string[] } | { error: BaselineError }> {
  const service = serviceAt(at);
  const overview = await service.inspect();
  const mapping = Object.fromEntries(Object.entries(overview.data?.mapping ?? {}).map(([field, m]) => [field, m!.header])) as Partial<Record<Field, string>>;
  const request: AnalyseRequest = { mapping, ...(await corpusAreas()), threshold: 0.95, online: false };
  try {
    return { warnings: (await service.analyse(request, await hooks())).warnings };
  } catch (error) {
    if (error instanceof BaselineError) return { error };
    throw error;
  }
}

/** The user's sheets as grids of formulas (or values) and of number formats, from A1. */
function formulaAndFormatViews(sim: ExcelSimulator): [formulas: WorkbookView, formats: WorkbookView] {
  const formulas = new Map<string, (string | number | boolean | null)[][]>();
  const formats = new Map<string, (string | null)[][]>();
  for (const sheet of sim.sheetNames()) {
    const address = usedFromA1(sim, sheet);
    formulas.set(sheet, address ? sim.formulas(sheet, address).map((row) => row.map((cell) => (cell === '' ? null : cell))) : []);
    formats.set(sheet, address ? sim.numberFormats(sheet, address).map((row) => row.map((format) => (format === 'General' ? null : format))) : []);
  }
  return [{ sheets: formulas }, { sheets: formats }];
}

function output(sim: ExcelSimulator, warnings: string[]): RunOutput {
  return { view: viewOfSimulator(sim), formulas: formulasOfSimulator(sim), messages: warnings };
}

async function mustAnalyse(at: Date): Promise<string[]> {
  const result = await analyseAt(at);
  if ('error' in result) throw new Error(`a run over the analysed workbook was refused (${result.error.code}): ${result.error.message}`);
  return result.warnings;
}

export async function runThroughPane(corpusCase: CorpusCase): Promise<CaseRuns> {
  const sim = simulate(simulatorSetup(corpusCase));
  for (const { sheet, area } of mergedAreas(corpusCase)) {
    await sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange(area).merge();
      await context.sync();
    });
  }
  const before = viewOfSimulator(sim);
  const beforeFormulas = formulasOfSimulator(sim);
  const [formulasBefore, formatsBefore] = formulaAndFormatViews(sim);

  const first = await analyseAt(FIRST_AT);
  if ('error' in first) {
    const [formulasAfter, formatsAfter] = formulaAndFormatViews(sim);
    const same = (a: WorkbookView, b: WorkbookView) => JSON.stringify([...a.sheets]) === JSON.stringify([...b.sheets]);
    return {
      host: 'excel',
      before,
      beforeFormulas,
      outcome: { refused: { code: first.error.code, messages: [first.error.message], wroteNothing: same(formulasBefore, formulasAfter) && same(formatsBefore, formatsAfter) } },
    };
  }
  const firstOutput = output(sim, first.warnings);
  const [formulasAfterFirst, formatsAfterFirst] = formulaAndFormatViews(sim);
  const second = output(sim, await mustAnalyse(SECOND_AT));

  const edits = planEdits(firstOutput.view);
  const { rowOverride, supplierNote, rule } = edits;
  sim.writeCells(rowOverride.sheet, `${columnLetter(rowOverride.column)}${rowOverride.row + 1}`, [[rowOverride.text]]);
  const suppliers = second.view.sheets.get(supplierNote.sheet)!;
  const line = suppliers.findIndex((cells) => cells[suppliers[0].indexOf('Supplier key')] === supplierNote.key);
  sim.writeCells(supplierNote.sheet, `${columnLetter(supplierNote.column)}${line + 1}`, [[supplierNote.text]]);
  sim.writeCells(rule.sheet, `${columnLetter(rule.column)}${rule.row + 1}`, [[rule.verdict]]);
  const [formulasEdited, formatsEdited] = formulaAndFormatViews(sim);
  const edited = viewOfSimulator(sim);

  const third = output(sim, await mustAnalyse(THIRD_AT));
  const [formulasAfterThird, formatsAfterThird] = formulaAndFormatViews(sim);
  return {
    host: 'excel',
    before,
    beforeFormulas,
    outcome: {
      analysed: {
        first: firstOutput,
        second,
        edits,
        third,
        // The state is read from the values view; formulas and formats are compared beside it.
        firstUnchanged: [
          [before, firstOutput.view],
          [withState(formulasBefore, firstOutput.view), withState(formulasAfterFirst, firstOutput.view)],
          [withState(formatsBefore, firstOutput.view), withState(formatsAfterFirst, firstOutput.view), 'formats'],
        ],
        thirdUnchanged: [
          [edited, third.view],
          [withState(formulasEdited, third.view), withState(formulasAfterThird, third.view)],
          [withState(formatsEdited, third.view), withState(formatsAfterThird, third.view), 'formats'],
        ],
      },
    },
  };
}

/** A view of formulas or formats with the state sheet of the run's values, which says where the add-in's columns are. */
function withState(view: WorkbookView, run: WorkbookView): WorkbookView {
  const sheets = new Map(view.sheets);
  const state = [...run.sheets].find(([name]) => name === STATE_SHEET);
  if (state) sheets.set(state[0], state[1]);
  return { sheets };
}
