/**
 * The headless baseline: the files read, the core's analysis run over them, and what it planned
 * written. Everything is read and checked before anything is written, so bad input ends with one
 * clear line and no output.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  analyse,
  BaselineError,
  buildAreas,
  carriedLines,
  carryOverrides,
  creditorsFromGrid,
  decodeText,
  emptyState,
  findTable,
  readEarlierWorkbook,
  sheetNamesFor,
  type AnalysisOutcome,
  type CreditorRecord,
  type EarlierWorkbook,
  type Grid,
  type OnlineLookup,
  type Publication,
  type Registers,
  type RegisterStep,
  type SavedArea,
  type SheetRole,
  type WorkbookState,
} from '../core';
import { openGeoPack, type GeoPack } from '../geo/geo-pack';
import { nodePackSource } from '../geo/node-pack-source';
import { addToOnlineCache, emptyOnlineCache, lookUpPostcodesOnline, readOnlineCache, type OnlineCache } from '../geo/postcodes-io';
import { openRegisterInputs, type RegisterInput } from '../registers/register-files';
import type { CliOptions } from './args';
import { readEarlierOutput } from './earlier-output';
import { copySheetNames, expandInputs, loadInputs, readSpendData, type LoadedInputs, type Progress } from './inputs';
import { defaultRulesFile, geoPackFolder, sampleWorkbook } from './project-files';
import { everySheet, readSpendFile, spendFileStem } from './read-file';
import { writeResultsCsv } from './results-csv';
import { summaryJson } from './summary-json';
import { writePublished, writeWorkbook } from './annotated-copy';
import { OutputFiles } from './output-files';

export interface RunIO {
  cwd: string;
  out: (line: string) => void;
  /** Progress and warnings; `progress` redraws one line on a terminal. */
  err: (line: string) => void;
  progress?: Progress;
  now: () => Date;
  /** Where postcodes.io is (tests use a local stand-in). */
  onlineBaseUrl?: string;
  /** The geography pack folder (default: the project's geography/pack). */
  geoPack?: string;
}

export interface RunOutcome {
  outFile: string;
  analysis: AnalysisOutcome;
  /** What was carried from an earlier analysis in the output, for the console. */
  carried: string[];
  /** The copy to publish, when --publish asked for one: where, and what it redacted and added up. */
  published?: { file: string } & Pick<Publication, 'redacted' | 'aggregated'>;
}

/** Areas used for the sample when it is analysed with no options. */
const SAMPLE_AREAS = { local: 'Preston', wider: 'Lancashire (ceremonial county)' };

export async function runBaseline(options: CliOptions, io: RunIO): Promise<RunOutcome> {
  const notes: string[] = [];
  const usingSample = options.inputs.length === 0;
  // Each input's files (a folder's, or the file itself), so that an input's anchor is its files'.
  const byInput = usingSample ? [[sampleWorkbook()]] : options.inputs.map((input) => expandInputs([input], io.cwd));
  const files = byInput.flat();
  const institutions = new Map(options.institutions.flatMap((name, i) => byInput[i].map((file): [string, string] => [file, name])));
  const loaded = await loadInputs(files, { sheet: options.sheet, map: options.map, progress: io.progress });
  const outputs = checkOutputs(options, files, io.cwd);
  // An earlier analysis in the output: what the user typed there is carried into the new one.
  const previous = fs.existsSync(outputs.workbook) ? await readEarlierOutput(outputs.workbook, options.out ? '--out' : 'The output', io.cwd) : undefined;
  const state = loaded.state ?? previous?.state ?? emptyState();
  const read = readSpendData(loaded, { from: options.from, to: options.to }, institutions);
  const overrides = previous ? carryOverrides(read, previous.data) : undefined;
  const data = overrides?.data ?? read;

  const pack = await openPack(io, notes);
  const cacheFile = options.cache ? path.resolve(io.cwd, options.cache) : defaultCacheFile();
  let fileCache = readCacheFile(cacheFile);
  const areas = chooseAreas(options, state, pack, usingSample, notes);
  const inputGrid = await ownSheetGrids(loaded, state);
  const ownGrid = (role: UserSheetRole) => previous?.sheets[role] ?? inputGrid(role);
  const creditors = options.creditors ? await readCreditors(path.resolve(io.cwd, options.creditors)) : undefined;
  const rulesFile = options.rules ? readTextFile('rules', options.rules, io.cwd) : undefined;
  const respendFile = options.respend ? readTextFile('respend', options.respend, io.cwd) : undefined;
  const registerFile = options.register ? await readRegisterFile(path.resolve(io.cwd, options.register)) : undefined;
  const earlier = options.baseline ? await readEarlier(options.baseline, io.cwd) : undefined;
  const registers = await openRegisters(options, io.cwd);

  const lookUpOnline = async (postcodes: readonly string[]): Promise<OnlineLookup> => {
    io.err(`Looking up ${postcodes.length} postcode${postcodes.length === 1 ? '' : 's'} at postcodes.io (postcodes only are sent)…`);
    const result = await lookUpPostcodesOnline(postcodes, { baseUrl: io.onlineBaseUrl });
    io.err(result.summary);
    fileCache = addToOnlineCache(fileCache, result.answers);
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    fs.writeFileSync(cacheFile, `${JSON.stringify(fileCache)}\n`);
    return result;
  };
  const analysis = await analyse({
    data,
    state,
    existingSheets: copySheetNames(loaded),
    choices: { areas, threshold: options.threshold, online: options.online, topSuppliers: options.top, crossTabs: 'formula_tables' },
    rules: { defaults: fs.readFileSync(defaultRulesFile(), 'utf8'), sheet: ownGrid('rules'), file: rulesFile },
    suppliersSheet: ownGrid('suppliers'),
    registerSheet: ownGrid('register'),
    registerFile,
    respendSheet: ownGrid('respend'),
    respendFile,
    ...(earlier ? { earlier } : {}),
    creditors,
    lookups: { geography: pack, knownAnswers: fileCache.answers, lookUpOnline, ...(registers ? { registers } : {}) },
    pause: ({ phase, done, total }) => {
      if (phase === 'registers' && done === 0) io.err('Looking suppliers up in the registers…');
      if (phase === 'classifying' || phase === 'comparing') io.progress?.(done / total, phase === 'classifying' ? 'Classifying' : `Classifying ${earlier?.name}`);
    },
    analysedAt: io.now().toISOString(),
  });
  // Notes wait until the analysis has checked the rest (the rules, the sheets): bad input is one line, nothing more.
  for (const note of notes) io.err(`note: ${note}`);
  if (analysis.registers) io.err(`note: ${registersLine(analysis.registers)}`);
  for (const problem of analysis.problems) io.err(`warning: ${problem.cell}: ${problem.message}`);
  for (const note of analysis.excelLimits) io.err(`note: ${note}`);

  // Every output is written beside its target first, and all are moved into place together.
  let droppedCharacters = 0;
  const shownWorkbook = path.relative(io.cwd, outputs.workbook) || outputs.workbook;
  const onWritten = io.progress && ((fraction: number) => io.progress!(fraction, `Writing ${shownWorkbook}`));
  await outputs.files.write(outputs.workbook, async (temporary) => {
    droppedCharacters = (await writeWorkbook(temporary, loaded, analysis, onWritten)).droppedCharacters;
  });
  if (outputs.resultsCsv) {
    const withSource = loaded.dataSheets.length > 1;
    await outputs.files.write(outputs.resultsCsv, (temporary) => writeResultsCsv(temporary, analysis.rows, analysis.results, (code) => analysis.districts.get(code)?.name ?? '', withSource));
  }
  let published: RunOutcome['published'];
  if (outputs.publish) {
    const publication = analysis.publish({ minimum: options.publishMin });
    await outputs.files.write(outputs.publish, async (temporary) => {
      droppedCharacters += (await writePublished(temporary, publication)).droppedCharacters;
    });
    published = { file: outputs.publish, redacted: publication.redacted, aggregated: publication.aggregated };
  }
  if (outputs.summaryJson) {
    const json = `${JSON.stringify(summaryJson(loaded, analysis), null, 2)}\n`;
    await outputs.files.write(outputs.summaryJson, (temporary) => fs.writeFileSync(temporary, json));
  }
  outputs.files.commit();
  if (droppedCharacters > 0) {
    io.err(`note: ${droppedCharacters} control character${droppedCharacters === 1 ? '' : 's'} in the input's text cannot be stored in an .xlsx and ${droppedCharacters === 1 ? 'was' : 'were'} left out of the copy.`);
  }
  const carried = previous && overrides ? carriedLines(previous.name, previous.sheets, overrides) : [];
  return { outFile: outputs.workbook, analysis, carried, ...(published ? { published } : {}) };
}

/**
 * Where the outputs go, checked before anything is written: never over an input or one another,
 * and where a file can be written.
 */
function checkOutputs(options: CliOptions, inputs: readonly string[], cwd: string): { workbook: string; resultsCsv?: string; summaryJson?: string; publish?: string; files: OutputFiles } {
  const workbook = path.resolve(cwd, options.out ?? `${spendFileStem(inputs[0])}-baseline.xlsx`);
  const resultsCsv = options.resultsCsv ? path.resolve(cwd, options.resultsCsv) : undefined;
  const summaryJson = options.summaryJson ? path.resolve(cwd, options.summaryJson) : undefined;
  const publish = options.publish ? path.resolve(cwd, options.publish) : undefined;
  const taken = new Set(inputs.map((file) => path.resolve(file)));
  const named: [string, string | undefined][] = [
    ['--out', workbook],
    ['--results-csv', resultsCsv],
    ['--summary-json', summaryJson],
    ['--publish', publish],
  ];
  for (const [option, file] of named) {
    if (!file) continue;
    const shown = path.relative(cwd, file) || file;
    const invalid = (message: string) => new BaselineError('output-invalid', message, { file: shown });
    if (taken.has(file)) {
      throw invalid(
        inputs.some((input) => path.resolve(input) === file)
          ? `The output ${shown} would overwrite an input; name another with ${option}.`
          : `${option} ${shown} is already named by another output option.`,
      );
    }
    taken.add(file);
  }
  const files = new OutputFiles(
    named.filter((entry): entry is [string, string] => entry[1] !== undefined).map(([option, file]) => ({ option, file })),
    cwd,
  );
  files.check();
  return { workbook, resultsCsv, summaryJson, publish, files };
}

/** The roles of the add-in's sheets that the user edits. */
const USER_SHEET_ROLES = ['suppliers', 'rules', 'register', 'respend'] as const satisfies readonly SheetRole[];
type UserSheetRole = (typeof USER_SHEET_ROLES)[number];

/** The add-in's sheets the user edits (Suppliers, Rules, Local register, Re-spend survey), from the input that was analysed before. */
async function ownSheetGrids(loaded: LoadedInputs, state: WorkbookState): Promise<(role: UserSheetRole) => Grid | undefined> {
  const names = sheetNamesFor(state.owned.sheets, []);
  const grids = new Map<SheetRole, Grid>();
  for (const role of USER_SHEET_ROLES) {
    const sheet = loaded.state ? loaded.stateFile?.sheets.find((s) => s.name === names[role]) : undefined;
    if (sheet) grids.set(role, await sheet.grid());
  }
  return (role) => grids.get(role);
}

/** The pack ships with the project: missing, it was deleted or left out of a copy. */
const PACK_MISSING_HELP = 'geography/pack, which ships with the project, is missing: restore it, or rebuild it from an ONS download with `npm run geo:build -- FILE`';

async function openPack(io: RunIO, notes: string[]): Promise<GeoPack | undefined> {
  const folder = io.geoPack ?? geoPackFolder();
  if (!fs.existsSync(folder)) {
    notes.push(`no offline geography pack (${PACK_MISSING_HELP}); postcodes are answered from the lookup cache and --online only.`);
    return undefined;
  }
  return openGeoPack(nodePackSource(folder));
}

function defaultCacheFile(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'local-spend-baseline', 'postcodes-io.json');
}

/** The user's lookup cache file: answers of earlier lookups, kept outside any workbook. */
function readCacheFile(file: string): OnlineCache {
  if (!fs.existsSync(file)) return emptyOnlineCache();
  const invalid = (message: string) => new BaselineError('lookup-cache-invalid', message, { file });
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw invalid(`The lookup cache ${file} is not valid JSON; delete it or name another with --cache.`);
  }
  const read = readOnlineCache(json, file);
  if (!read.ok) throw invalid(read.message);
  return read.cache;
}

function chooseAreas(options: CliOptions, state: WorkbookState, pack: GeoPack | undefined, usingSample: boolean, notes: string[]): { local: SavedArea; wider: SavedArea } {
  const saved = state.settings.areas;
  const localText = options.local ?? (saved ? undefined : usingSample ? SAMPLE_AREAS.local : undefined);
  if (localText === undefined && options.wider === undefined && saved) return saved;
  const local = localText ?? saved?.local.query;
  if (!local) throw new BaselineError('area-invalid', 'Name the local area with --local (e.g. --local Preston) and the wider area with --wider (e.g. --wider Lancashire).');
  // Without the pack only districts the lookup cache happens to name are known: not enough to resolve a county or region.
  if (!pack) throw new BaselineError('geography-missing', `Area names need the offline geography pack: ${PACK_MISSING_HELP}.`);
  const wider = options.wider ?? (options.local ? undefined : saved?.wider.query) ?? (usingSample ? SAMPLE_AREAS.wider : undefined);
  const built = buildAreas(local, wider, pack.districts);
  if (!built.ok) {
    throw new BaselineError('area-invalid', `--${built.field}: ${built.message.replace(/^(Local|Wider) area: /, '')}`);
  }
  notes.push(...built.messages);
  // What the user typed is remembered with each area, for the next run and the task pane.
  return {
    local: { query: options.local ?? saved?.local.query ?? built.areas.local.name, ...built.areas.local },
    wider: { query: options.wider ?? saved?.wider.query ?? built.areas.wider.name, ...built.areas.wider },
  };
}

/** The registers named with --companies and --charities, as the analysis's lookup; none when none were named. */
async function openRegisters(options: CliOptions, cwd: string): Promise<Registers | undefined> {
  const inputs: RegisterInput[] = [
    ...options.companies.map((given) => ({ path: path.resolve(cwd, given), register: 'companies' as const, option: '--companies' })),
    ...options.charities.map((given) => ({ path: path.resolve(cwd, given), register: 'charities' as const, option: '--charities' })),
  ];
  return inputs.length > 0 ? openRegisterInputs(inputs) : undefined;
}

function registersLine(step: RegisterStep): string {
  const count = (n: number, what: string) => `${n.toLocaleString('en-GB')} ${what}${n === 1 ? '' : 's'}`;
  const placed = `${count(step.matched, 'supplier')} matched in ${step.releases.join('; ') || 'the registers'}, ${step.placed.toLocaleString('en-GB')} of them placed by their registered office or charity address`;
  return step.ambiguous > 0 ? `${placed}; ${count(step.ambiguous, 'name')} matching several organisations (see Register candidates on the Suppliers sheet).` : `${placed}.`;
}

/** The first visible sheet of a file the user named, for a supplier list or register. */
async function firstSheetGrid(file: string): Promise<Grid> {
  const { sheets } = await readSpendFile(file);
  return (sheets.find((s) => s.state === 'visible') ?? sheets[0]).grid();
}

async function readCreditors(file: string): Promise<CreditorRecord[]> {
  return creditorsFromGrid(await firstSheetGrid(file), path.basename(file));
}

/** A text file named by an option (--rules, --respend), in any encoding a spreadsheet saves CSV in. */
function readTextFile(option: string, given: string, cwd: string): { name: string; text: string } {
  const file = path.resolve(cwd, given);
  try {
    return { name: path.basename(file), text: decodeText(fs.readFileSync(file)).text };
  } catch {
    throw new BaselineError('file-unreadable', `--${option}: cannot read "${given}".`, { file: given });
  }
}

/** A local register file: its table from the header row down. */
async function readRegisterFile(file: string): Promise<Grid> {
  const grid = await firstSheetGrid(file);
  return grid.slice(findTable(grid).headerRow ?? 0);
}

/** The earlier workbook of --baseline: its sheets read as any .xlsx input is, then understood by the core. */
async function readEarlier(given: string, cwd: string): Promise<EarlierWorkbook> {
  const file = path.resolve(cwd, given);
  const named = (error: BaselineError) => new BaselineError(error.code, `--baseline: ${error.message}`, { ...error.where, file: given });
  if (!fs.existsSync(file)) throw named(new BaselineError('file-unreadable', `cannot read "${given}": no such file.`));
  if (path.extname(file).toLowerCase() !== '.xlsx') {
    throw named(new BaselineError('baseline-invalid', `"${given}" is not an .xlsx workbook: name the annotated workbook an earlier analysis wrote.`));
  }
  try {
    return readEarlierWorkbook(path.basename(file), await everySheet(await readSpendFile(file)));
  } catch (error) {
    throw error instanceof BaselineError ? named(error) : error;
  }
}
