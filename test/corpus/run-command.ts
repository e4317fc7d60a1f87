/**
 * A corpus case through the command line, as a user runs it: the file in a folder of its own,
 * analysed; the output analysed again; the output edited (by ExcelJS, as another program saving
 * the workbook would) and analysed again.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { parseCsv } from '../../src/core/csv';
import type { CorpusCase } from '../fixtures/corpus/cases';
import { filesIn, runIn, temporaryFolder } from '../cli/cli-harness';
import { writeCaseFile } from './case-input';
import { FIRST_AT, SECOND_AT, THIRD_AT, type CaseRuns, type RunOutput } from './check-case';
import { planEdits, type Edits } from './invariants';
import { formulasOfFile, viewOfFile, type WorkbookView } from './workbook-view';

export const CORPUS_AREAS = ['--local', 'Preston', '--wider', 'Lancashire (ceremonial county)'];

async function run(folder: string, argv: string[], at: Date, output: string): Promise<RunOutput> {
  const result = await runIn(folder, [...argv, '--out', output], { now: () => at });
  if (result.code !== 0) throw new Error(`local-spend-baseline ${argv.join(' ')} ended with ${result.code}: ${result.err.join(' / ')}`);
  const file = path.join(folder, output);
  return { view: await viewOfFile(file), formulas: await formulasOfFile(file), messages: result.err };
}

/** The edits typed into `from`, saved as `to`. */
async function edit(from: string, to: string, edits: Edits): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(from);
  const { rowOverride, supplierNote, rule } = edits;
  workbook.getWorksheet(rowOverride.sheet)!.getCell(rowOverride.row + 1, rowOverride.column + 1).value = rowOverride.text;
  const suppliers = workbook.getWorksheet(supplierNote.sheet)!;
  const keyColumn = (suppliers.getRow(1).values as ExcelJS.CellValue[]).indexOf('Supplier key');
  suppliers.eachRow((row) => {
    if (row.getCell(keyColumn).value === supplierNote.key) row.getCell(supplierNote.column + 1).value = supplierNote.text;
  });
  workbook.getWorksheet(rule.sheet)!.getCell(rule.row + 1, rule.column + 1).value = rule.verdict;
  await workbook.xlsx.writeFile(to);
}

export async function runThroughCommand(corpusCase: CorpusCase): Promise<CaseRuns> {
  const folder = temporaryFolder('corpus');
  const input = await writeCaseFile(corpusCase, folder);
  const inputFile = path.join(folder, input);
  const readable = await viewOfFile(inputFile).then(
    (view) => view,
    () => undefined,
  );
  const before: WorkbookView = readable ?? { sheets: new Map() };
  const beforeFormulas = readable && input.endsWith('.xlsx') ? await formulasOfFile(inputFile) : [];
  const args = corpusCase.args ?? [];

  const files = filesIn(folder);
  const first = await runIn(folder, [input, ...CORPUS_AREAS, ...args, '--out', 'first.xlsx', '--results-csv', 'first.csv'], { now: () => FIRST_AT });
  if (first.code !== 0) {
    // Status 2 is the user's input; anything else (1, a crash) is never what a corpus case may get.
    if (first.code !== 2) throw new Error(`${input} ended with status ${first.code}: ${first.err.join(' / ')}`);
    return {
      host: 'cli',
      before,
      beforeFormulas,
      outcome: { refused: { code: first.error?.code, messages: first.err.map((line) => line.replace(/^local-spend-baseline: /, '')), wroteNothing: first.out.length === 0 && filesIn(folder).join() === files.join() } },
    };
  }
  const firstFile = path.join(folder, 'first.xlsx');
  const firstOutput: RunOutput = { view: await viewOfFile(firstFile), formulas: await formulasOfFile(firstFile), messages: first.err };
  const second = await run(folder, ['first.xlsx', ...args], SECOND_AT, 'second.xlsx');
  const edits = planEdits(firstOutput.view);
  await edit(firstFile, path.join(folder, 'edited.xlsx'), edits);
  const edited = await viewOfFile(path.join(folder, 'edited.xlsx'));
  const third = await run(folder, ['edited.xlsx', ...args], THIRD_AT, 'third.xlsx');
  return {
    host: 'cli',
    before,
    beforeFormulas,
    outcome: {
      analysed: {
        first: firstOutput,
        second,
        edits,
        third,
        firstUnchanged: [[before, firstOutput.view]],
        thirdUnchanged: [[edited, third.view]],
        resultsCsv: parseCsv(fs.readFileSync(path.join(folder, 'first.csv'), 'utf8')),
      },
    },
  };
}
