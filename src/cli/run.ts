/**
 * The headless baseline: the same pipeline as the add-in, over files. Everything is read and
 * checked before anything is written, so bad input ends with one clear line and no output.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fullPostcodesMentioned, postcodesForOnlineLookup, prepareRows, startAnalysis, type AnalysisResult } from '../core/analysis';
import { buildAreas, type Areas } from '../core/areas';
import type { Grid } from '../core/cell';
import type { OverrideProblem } from '../core/classify';
import { creditorRecords, directoryFromSheet, emptyDirectory, type CreditorRecord, type SheetProblem, type SupplierDirectory } from '../core/directory';
import type { DistrictInfo, PostcodeIndex } from '../core/geography';
import { decideLocality, postcodeAreasNeeded } from '../core/locality';
import { columnLetter, proposeMapping } from '../core/mapping';
import { registerFromGrid, REGISTER_COLUMNS } from '../core/register';
import { headlineSnapshot } from '../core/report';
import { compileRules, parseRulesCsv, rulesToCsv, RulesError, validateRulesSheet, type Rule } from '../core/rules';
import {
  DEFAULT_THRESHOLD,
  DEFAULT_TOP_SUPPLIERS,
  emptyState,
  sheetNamesFor,
  type HeadlineSnapshot,
  type SheetRole,
  type WorkbookState,
} from '../core/settings';
import { findTable } from '../core/table';
import { openGeoPack, type GeoPack } from '../geo/geo-pack';
import { nodePackSource } from '../geo/node-pack-source';
import { addToOnlineCache, emptyOnlineCache, lookUpPostcodesOnline, onlineAnswers, readOnlineCache, type OnlineCache } from '../geo/postcodes-io';
import type { CliOptions } from './args';
import { expandInputs, filterByDate, InputError, inputColumns, loadInputs, readRows, type DataSheet } from './inputs';
import { defaultRulesFile, geoPackFolder, sampleWorkbook } from './project-files';
import { readSpendFile, spendFileStem } from './read-file';
import { writeResultsCsv } from './results-csv';
import { summaryJson } from './summary-json';
import { writeWorkbook } from './write-workbook';

export interface RunIO {
  cwd: string;
  out: (line: string) => void;
  /** Progress and warnings; `progress` redraws one line on a terminal. */
  err: (line: string) => void;
  progress?: (fraction: number, label: string) => void;
  now: () => Date;
  /** Where postcodes.io is (tests use a local stand-in). */
  onlineBaseUrl?: string;
  /** The geography pack folder (default: the project's geo-pack/). */
  geoPack?: string;
}

export interface RunOutcome {
  outFile: string;
  analysis: AnalysisResult;
  areas: Areas;
}

/** Areas used for the sample when it is analysed with no options. */
const SAMPLE_AREAS = { local: 'Preston', wider: 'Lancashire (ceremonial county)' };

export async function runBaseline(options: CliOptions, io: RunIO): Promise<RunOutcome> {
  // Notes wait until every input has been read and checked: bad input is one line, nothing more.
  const notes: string[] = [];
  const usingSample = options.inputs.length === 0;
  const files = usingSample ? [sampleWorkbook()] : expandInputs(options.inputs, io.cwd);
  const loaded = await loadInputs(files, { sheet: options.sheet, map: options.map });
  const state = loaded.state ?? emptyState();
  const { rows: allRows, skipped } = readRows(loaded.dataSheets);
  const rows = filterByDate(allRows, skipped, options.from, options.to);
  if (rows.length === 0) throw new InputError(`No payments to analyse in ${files.map((f) => path.basename(f)).join(', ')}${skipped.length ? ` (${skipped.length} rows skipped, e.g. row ${skipped[0].row}: ${skipped[0].reason})` : ''}.`);
  const outputs = checkOutputs(options, files, io.cwd);

  const pack = await openPack(io, notes);
  let cache = loadCache(state, options, io);
  let districts = districtsFor(pack, cache);
  const areas = chooseAreas(options, state, pack, usingSample, notes);
  const threshold = options.threshold ?? state.settings.threshold ?? DEFAULT_THRESHOLD;

  const ownSheets = sheetNamesFor(state.owned.sheets, []);
  const stateSource = loaded.files.find((f) => f.file === loaded.stateFile);
  const ownGrid = (role: SheetRole): Grid | undefined =>
    loaded.state ? stateSource?.sheets.find((s) => s.name === ownSheets[role])?.grid : undefined;

  const sheetProblems: SheetProblem[] = [];
  let directory: SupplierDirectory = emptyDirectory();
  const suppliersGrid = ownGrid('suppliers');
  if (suppliersGrid) {
    const read = directoryFromSheet(suppliersGrid, ownSheets.suppliers);
    directory = read.directory;
    sheetProblems.push(...read.problems);
  }
  const creditors = options.creditors ? await readCreditors(path.resolve(io.cwd, options.creditors)) : [];
  const { rules, rulesDescription } = chooseRules(options, ownGrid('rules'), ownSheets.rules, io);
  const registerGrid = await readRegisterGrid(options, ownGrid('register'), io);
  const registerLines = registerFromGrid(registerGrid);
  const baseline = options.baseline ? await readBaselineSnapshot(path.resolve(io.cwd, options.baseline)) : state.history.baseline;
  for (const note of notes) io.err(`note: ${note}`);

  const prepared = prepareRows(rows, directory, creditors);
  const registerAreas = postcodeAreasNeeded(registerLines.map((line) => ({ postcode: line.postcode })));
  const index = pack ? await pack.loadAreas([...prepared.postcodeAreas, ...registerAreas]) : undefined;
  if (options.online) {
    cache = await lookUpOnline(prepared, index, cache, options, io);
    // Districts only the online answers know (a pack without that postcode area) get their names.
    districts = districtsFor(pack, cache);
  }

  const analysis = startAnalysis(prepared, {
    index,
    online: onlineAnswers(cache),
    districts,
    areas,
    threshold,
    rules: compileRules(rules),
  });
  const chunk = 20000;
  while (analysis.done < analysis.total) {
    analysis.step(chunk);
    io.progress?.(analysis.done / analysis.total, 'Classifying');
  }
  const top = options.top ?? state.settings.topSuppliers ?? DEFAULT_TOP_SUPPLIERS;
  const result = analysis.finish(top);

  const localityContext = { index, online: onlineAnswers(cache), districts, areas, threshold };
  const register = {
    grid: registerGrid,
    entries: registerLines.map((line) => ({ ...line, locality: line.postcode ? decideLocality({ postcode: line.postcode }, localityContext).locality : undefined })),
  };
  const analysedAt = io.now().toISOString();
  const problems = [
    ...sheetProblems,
    ...result.problems.map((p) => describeOverrideProblem(p, loaded.dataSheets)),
  ];
  for (const problem of problems) io.err(`warning: ${problem.cell}: ${problem.message}`);

  const newState: WorkbookState = {
    ...state,
    settings: {
      ...state.settings,
      mapping: { sheet: loaded.dataSheets[0].sheet, fields: Object.fromEntries(inputColumns(loaded.dataSheets[0]).map(([f, m]) => [f, m.header])) },
      areas: { local: { query: options.local ?? state.settings.areas?.local.query ?? areas.local.name, ...areas.local }, wider: { query: options.wider ?? state.settings.areas?.wider.query ?? areas.wider.name, ...areas.wider } },
      threshold,
      online: options.online ? { allowed: true, decidedAt: analysedAt } : state.settings.online,
      topSuppliers: top,
    },
    history: { baseline, last: headlineSnapshot(result.summary, analysedAt) },
    // Only this workbook's postcodes: the user's cache file may hold other organisations' suppliers.
    onlineCache: answersFor(cache, fullPostcodesMentioned(prepared, registerLines)),
  };

  const written = await writeWorkbook({
    outFile: outputs.workbook,
    loaded,
    rows,
    skipped,
    result,
    areas,
    districts,
    state: newState,
    register,
    directory: prepared.directory,
    rules,
    rulesDescription,
    problems,
    analysedAt,
    geographyRelease: pack ? `${pack.release} (offline pack)` : 'No offline geography pack: postcodes answered from the lookup cache only',
    threshold,
    top,
    baselineSnapshot: baseline,
  });
  if (written.droppedCharacters > 0) {
    io.err(`note: ${written.droppedCharacters} control character${written.droppedCharacters === 1 ? '' : 's'} in the input's text cannot be stored in an .xlsx and ${written.droppedCharacters === 1 ? 'was' : 'were'} left out of the copy.`);
  }
  if (outputs.resultsCsv) {
    writeResultsCsv(outputs.resultsCsv, rows, result.results, (code) => districts.get(code)?.name ?? '', loaded.dataSheets.length > 1);
  }
  if (outputs.summaryJson) {
    const json = summaryJson({ loaded, rows, skipped, result, areas });
    fs.writeFileSync(outputs.summaryJson, `${JSON.stringify(json, null, 2)}\n`);
  }
  return { outFile: outputs.workbook, analysis: result, areas };
}

/**
 * Where the outputs go, checked before anything is written: never over an input or one another,
 * and into folders that exist.
 */
function checkOutputs(options: CliOptions, inputs: readonly string[], cwd: string): { workbook: string; resultsCsv?: string; summaryJson?: string } {
  const workbook = path.resolve(cwd, options.out ?? `${spendFileStem(inputs[0])}-baseline.xlsx`);
  const resultsCsv = options.resultsCsv ? path.resolve(cwd, options.resultsCsv) : undefined;
  const summaryJson = options.summaryJson ? path.resolve(cwd, options.summaryJson) : undefined;
  const taken = new Set(inputs.map((file) => path.resolve(file)));
  const named: [string, string | undefined][] = [
    ['--out', workbook],
    ['--results-csv', resultsCsv],
    ['--summary-json', summaryJson],
  ];
  for (const [option, file] of named) {
    if (!file) continue;
    const shown = path.relative(cwd, file) || file;
    if (taken.has(file)) {
      throw new InputError(
        inputs.some((input) => path.resolve(input) === file)
          ? `The output ${shown} would overwrite an input; name another with ${option}.`
          : `${option} ${shown} is already named by another output option.`,
      );
    }
    if (!fs.existsSync(path.dirname(file)) || !fs.statSync(path.dirname(file)).isDirectory()) {
      throw new InputError(`${option} ${shown}: the folder ${path.relative(cwd, path.dirname(file)) || path.dirname(file)} does not exist.`);
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new InputError(`${option} ${shown} is a folder; name a file.`);
    taken.add(file);
  }
  return { workbook, resultsCsv, summaryJson };
}

/** The cached answers for these postcodes, in the cache's own (sorted) order. */
function answersFor(cache: OnlineCache, postcodes: ReadonlySet<string>): WorkbookState['onlineCache'] {
  return Object.fromEntries(Object.entries(cache.answers).filter(([postcode]) => postcodes.has(postcode)));
}

async function openPack(io: RunIO, notes: string[]): Promise<GeoPack | undefined> {
  const folder = io.geoPack ?? geoPackFolder();
  if (!fs.existsSync(folder)) {
    notes.push('no offline geography pack (run `npm run geo:build`); postcodes are answered from the lookup cache and --online only.');
    return undefined;
  }
  return openGeoPack(nodePackSource(folder));
}

function defaultCacheFile(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'local-spend-baseline', 'postcodes-io.json');
}

/** The lookup cache: the workbook's own, plus the user's cache file. */
function loadCache(state: WorkbookState, options: CliOptions, io: RunIO): OnlineCache {
  let cache = addToOnlineCache(emptyOnlineCache(), new Map(Object.entries(state.onlineCache)));
  const file = options.cache ? path.resolve(io.cwd, options.cache) : defaultCacheFile();
  if (fs.existsSync(file)) {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      throw new InputError(`The lookup cache ${file} is not valid JSON; delete it or name another with --cache.`);
    }
    const read = readOnlineCache(json, file);
    if (!read.ok) throw new InputError(read.message);
    cache = addToOnlineCache(cache, new Map(Object.entries(read.cache.answers)));
  }
  return cache;
}

/** District names: the pack's index, and for districts it lacks, what the cached online answers name. */
function districtsFor(pack: GeoPack | undefined, cache: OnlineCache): ReadonlyMap<string, DistrictInfo> {
  const districts = new Map<string, DistrictInfo>(pack?.districts);
  for (const answer of Object.values(cache.answers)) {
    if (answer.district && answer.districtName && !districts.has(answer.district)) {
      districts.set(answer.district, { code: answer.district, name: answer.districtName, nation: answer.country ?? '' });
    }
  }
  return districts;
}

function chooseAreas(options: CliOptions, state: WorkbookState, pack: GeoPack | undefined, usingSample: boolean, notes: string[]): Areas {
  const saved = state.settings.areas;
  const localText = options.local ?? (saved ? undefined : usingSample ? SAMPLE_AREAS.local : undefined);
  if (localText === undefined && options.wider === undefined && saved) {
    return { local: { name: saved.local.name, districts: saved.local.districts }, wider: { name: saved.wider.name, districts: saved.wider.districts } };
  }
  const local = localText ?? saved?.local.query;
  if (!local) throw new InputError('Name the local area with --local (e.g. --local Preston) and the wider area with --wider (e.g. --wider Lancashire).');
  // Without the pack only districts the lookup cache happens to name are known: not enough to resolve a county or region.
  if (!pack) throw new InputError('Area names need the offline geography pack, which is not built: run `npm run geo:build`.');
  const wider = options.wider ?? (options.local ? undefined : saved?.wider.query) ?? (usingSample ? SAMPLE_AREAS.wider : undefined);
  const built = buildAreas(local, wider, pack.districts);
  if (!built.ok) {
    const choices = built.choices.length > 0 ? ` ${built.choices.slice(0, 8).map((c) => `"${c.label}"`).join(', ')}.` : '';
    throw new InputError(`--${built.field}: ${built.message.replace(/^(Local|Wider) area: /, '')}${choices}`);
  }
  notes.push(...built.messages);
  return built.areas;
}

async function readCreditors(file: string): Promise<CreditorRecord[]> {
  const { sheets } = await readSpendFile(file).catch((error: Error) => {
    throw new InputError(error.message);
  });
  const sheet = sheets.find((s) => s.state === 'visible') ?? sheets[0];
  const layout = findTable(sheet.grid);
  const { mapping } = proposeMapping(sheet.grid, layout);
  if (!mapping.supplier) throw new InputError(`--creditors ${path.basename(file)}: no supplier name column found.`);
  if (!mapping.postcode && !mapping.address) throw new InputError(`--creditors ${path.basename(file)}: no postcode or address column found.`);
  return creditorRecords(sheet.grid, layout, mapping);
}

async function lookUpOnline(prepared: ReturnType<typeof prepareRows>, index: PostcodeIndex | undefined, cache: OnlineCache, options: CliOptions, io: RunIO): Promise<OnlineCache> {
  const wanted = postcodesForOnlineLookup(prepared, index, onlineAnswers(cache));
  if (wanted.length === 0) return cache;
  io.err(`Looking up ${wanted.length} postcode${wanted.length === 1 ? '' : 's'} at postcodes.io (postcodes only are sent)…`);
  const result = await lookUpPostcodesOnline(wanted, { baseUrl: io.onlineBaseUrl });
  io.err(result.summary);
  const updated = addToOnlineCache(cache, result.answers);
  const file = options.cache ? path.resolve(io.cwd, options.cache) : defaultCacheFile();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(updated)}\n`);
  return updated;
}

function chooseRules(options: CliOptions, sheetGrid: Grid | undefined, sheetName: string, io: RunIO): { rules: Rule[]; rulesDescription: string[] } {
  const defaults = parseRulesCsv(fs.readFileSync(defaultRulesFile(), 'utf8'), 'rules/default-rules.csv');
  const compare = (rules: Rule[]) => {
    const defaultLines = new Set(rulesToCsv(defaults).split('\n').slice(1));
    const lines = rulesToCsv(rules).split('\n').slice(1);
    const changed = lines.filter((line) => !defaultLines.has(line)).length;
    const removed = defaultLines.size - (lines.length - changed);
    return changed === 0 && removed === 0 ? 'the default rules, unedited' : `edited: ${changed} rule${changed === 1 ? '' : 's'} added or changed, ${removed} default rule${removed === 1 ? '' : 's'} removed`;
  };
  if (options.rules) {
    const file = path.resolve(io.cwd, options.rules);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new InputError(`--rules: cannot read "${options.rules}".`);
    }
    try {
      const rules = parseRulesCsv(text, path.basename(file));
      return { rules, rulesDescription: [`${rules.length} rules from ${path.basename(file)} (${compare(rules)})`] };
    } catch (error) {
      if (error instanceof RulesError) throw new InputError(error.message);
      throw error;
    }
  }
  if (sheetGrid) {
    const { rules, errors } = validateRulesSheet(sheetGrid, sheetName);
    if (errors.length > 0) throw new InputError(`${errors[0]}${errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''} on the ${sheetName} sheet)` : ''}`);
    return { rules, rulesDescription: [`${rules.length} rules from the ${sheetName} sheet (${compare(rules)})`] };
  }
  // The defaults are written to the Rules sheet, which the next run reads: described the same way.
  return { rules: defaults, rulesDescription: [`${defaults.length} rules from the ${sheetName} sheet (${compare(defaults)})`] };
}

/** The Local register: from --register, else the workbook's own sheet, else an empty one to fill in. */
async function readRegisterGrid(options: CliOptions, sheetGrid: Grid | undefined, io: RunIO): Promise<Grid> {
  let grid = sheetGrid;
  if (options.register) {
    const file = path.resolve(io.cwd, options.register);
    const { sheets } = await readSpendFile(file).catch((error: Error) => {
      throw new InputError(error.message);
    });
    const sheet = sheets.find((s) => s.state === 'visible') ?? sheets[0];
    const layout = findTable(sheet.grid);
    grid = sheet.grid.slice(layout.headerRow ?? 0);
  }
  return grid && grid.length > 0 ? grid : [[...REGISTER_COLUMNS]];
}

async function readBaselineSnapshot(file: string): Promise<HeadlineSnapshot> {
  const loaded = await loadInputs([file], { map: [] }).catch((error: Error) => {
    throw new InputError(`--baseline: ${error.message}`);
  });
  const last = loaded.state?.history.last;
  if (!last) throw new InputError(`--baseline ${path.basename(file)} is not a workbook analysed by Local Spend Baseline.`);
  return last;
}

function describeOverrideProblem(problem: OverrideProblem, sheets: readonly DataSheet[]): SheetProblem {
  if (problem.supplier) {
    return { cell: problem.supplier.cells?.[problem.field] ?? `Suppliers (${problem.supplier.name})`, message: `${problem.message}; ignored` };
  }
  const row = problem.row!;
  const sheet = sheets.find((s) => (s.source || '') === (row.source ?? '')) ?? sheets[0];
  const column = sheet.mapping[problem.field]?.column;
  const where = column === undefined ? `row ${row.row}` : `${columnLetter(column)}${row.row}`;
  return { cell: `${sheet.source || sheet.sheet}!${where}`, message: `${problem.message}; ignored` };
}
