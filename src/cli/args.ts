/** The command line's arguments, parsed and checked; a mistake is one line naming the option. */
import { parseArgs } from 'util';
import { BaselineError, parseDate, parseMapOption, type MapOverride } from '../core';

export interface CliOptions {
  inputs: string[];
  sheet?: string;
  map: MapOverride[];
  /** The anchor institution of each input, in the order of the inputs (none: the data's institution column, if any). */
  institutions: string[];
  local?: string;
  wider?: string;
  rules?: string;
  creditors?: string;
  /** Companies House and charity register downloads or built packs (files or folders). */
  companies: string[];
  charities: string[];
  register?: string;
  respend?: string;
  /** Payment dates as Excel serial numbers, inclusive. */
  from?: number;
  to?: number;
  online: boolean;
  out?: string;
  /** A copy to publish, and the size under which payments are added up in it. */
  publish?: string;
  publishMin?: number;
  summaryJson?: string;
  resultsCsv?: string;
  threshold?: number;
  top?: number;
  baseline?: string;
  cache?: string;
  help: boolean;
  version: boolean;
}

/** A mistake in the arguments: one line naming the option. */
const usageError = (message: string) => new BaselineError('usage', message);

export const USAGE = `Usage: local-spend-baseline [INPUT…] [options]

Analyses spend files (.csv, .csv.gz or .xlsx; several files or a folder are combined into one analysis)
and writes an annotated copy with the result columns, the Suppliers and Rules sheets and the
baseline summaries. With no INPUT it analyses the sample workbook shipped with the project.

Options:
  --local AREA           the local area: a district, county, combined authority, region,
                         or a list ("Preston", "E07000123", "Preston, South Ribble")
  --wider AREA           the wider area (e.g. "Lancashire"); it always contains the local area
  --sheet NAME           the sheet of an .xlsx input that holds the spend
  --map FIELD=COLUMN     take FIELD from COLUMN (a header or a column letter); repeatable.
                         FIELDs: supplier, amount, postcode, address, category, description,
                         serviceArea, institution, date, supplierId, sme
  --institution NAME     the anchor institution whose spend an input is; repeatable, one for
                         each INPUT in order (a folder is one input), for a partnership's files
  --rules FILE.csv       influenceability rules instead of the workbook's or the defaults
  --creditors FILE       creditor master file (supplier list with addresses) for postcodes
  --companies PATH       Companies House "Basic Company Data" (the download, CSV, .csv.gz or
                         .zip, a folder of its parts, or a pack built by npm run registers:build):
                         a supplier found there by name or number is placed by its registered
                         office when nothing better places it; repeatable
  --charities PATH       the Charity Commission's register extract (publicextract.charity, JSON
                         or text, or its zip), or a built pack; likewise; repeatable
  --register FILE        local supplier register (name, postcode, categories, flags)
  --respend FILE.csv     re-spend survey answers for LM3: header supplier,local_share, a share
                         as 45% or 0.45 (instead of the Re-spend survey sheet's answers)
  --from DATE, --to DATE only payments dated within these (inclusive), e.g. 2024-04-01
  --online               look up postcodes the offline pack cannot answer at postcodes.io
                         (sends postcodes only; answers are cached)
  --threshold SHARE      share of a partial postcode's postcodes that must agree (default 0.95)
  --top N                how many top suppliers to list (default 300)
  --baseline FILE        an earlier annotated workbook to report progress against
  --cache FILE           the online lookup cache (default: in your user cache folder)
  --out FILE.xlsx        the annotated copy (default: NAME-baseline.xlsx in this folder)
  --publish FILE.xlsx    also write a copy to publish: the summary sheets and the analysis data
                         only, payments to individuals shown as "Individual (redacted)"
  --publish-min AMOUNT   in that copy, add up payments under AMOUNT (e.g. 500) into one line
                         per category, so the totals still match
  --summary-json FILE    also write the summary as JSON
  --results-csv FILE     also write one line per analysed row as CSV
  --debug                on a failure, show where it happened as well
  -h, --help             show this help
  --version              show the version

Exit status: 0 done; 2 bad input (one line says which file, sheet, row or column); 1 failure.`;

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw usageError(`${(error as Error).message.replace(/\. To specify.*$/, '')}. See --help.`);
  }
  const v = parsed.values;
  const date = (option: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    const result = parseDate(text);
    if (!result.ok) throw usageError(`--${option} "${text}" is not a date (use e.g. 2024-04-01 or 01/04/2024).`);
    return result.value;
  };
  const number = (option: string, text: string | undefined, check: (n: number) => boolean, what: string) => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isFinite(n) || !check(n)) throw usageError(`--${option} "${text}" must be ${what}.`);
    return n;
  };
  const map = (v.map ?? []).map((text) => {
    try {
      return parseMapOption(text);
    } catch (error) {
      // The message names the option and the text given.
      throw usageError(`${(error as Error).message}.`);
    }
  });
  const options: CliOptions = {
    inputs: parsed.positionals,
    sheet: v.sheet,
    map,
    institutions: (v.institution ?? []).map((name) => name.trim()),
    local: v.local,
    wider: v.wider,
    rules: v.rules,
    creditors: v.creditors,
    companies: v.companies ?? [],
    charities: v.charities ?? [],
    register: v.register,
    respend: v.respend,
    from: date('from', v.from),
    to: date('to', v.to),
    online: v.online ?? false,
    out: v.out,
    publish: v.publish,
    publishMin: number('publish-min', v['publish-min'], (n) => n > 0, 'an amount above 0 (e.g. 500)'),
    summaryJson: v['summary-json'],
    resultsCsv: v['results-csv'],
    threshold: number('threshold', v.threshold, (n) => n > 0.5 && n <= 1, 'a share above 0.5 and at most 1 (e.g. 0.95)'),
    top: number('top', v.top, (n) => Number.isInteger(n) && n > 0, 'a whole number above 0'),
    baseline: v.baseline,
    cache: v.cache,
    help: v.help ?? false,
    version: v.version ?? false,
  };
  if (options.from !== undefined && options.to !== undefined && options.from > options.to) {
    throw usageError('--from is after --to.');
  }
  checkInstitutions(options);
  if (options.out && !/\.xlsx$/i.test(options.out)) throw usageError(`--out "${options.out}" must be an .xlsx file.`);
  if (options.publish && !/\.xlsx$/i.test(options.publish)) throw usageError(`--publish "${options.publish}" must be an .xlsx file.`);
  if (options.publishMin !== undefined && !options.publish) throw usageError('--publish-min needs --publish FILE.xlsx, the copy it applies to.');
  return options;
}

/** One --institution per input, in order; with no input the sample is the one. */
function checkInstitutions(options: CliOptions): void {
  const { institutions } = options;
  if (institutions.length === 0) return;
  if (institutions.some((name) => name === '')) throw usageError('--institution needs a name (e.g. --institution "Preston City Council").');
  const inputs = Math.max(1, options.inputs.length);
  if (institutions.length !== inputs) {
    throw usageError(
      `${institutions.length} --institution name${institutions.length === 1 ? '' : 's'} for ${inputs} input${inputs === 1 ? '' : 's'}: give one --institution for each INPUT, in the same order (a folder is one input).`,
    );
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      sheet: { type: 'string' },
      map: { type: 'string', multiple: true },
      institution: { type: 'string', multiple: true },
      local: { type: 'string' },
      wider: { type: 'string' },
      rules: { type: 'string' },
      creditors: { type: 'string' },
      companies: { type: 'string', multiple: true },
      charities: { type: 'string', multiple: true },
      register: { type: 'string' },
      respend: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      online: { type: 'boolean' },
      out: { type: 'string' },
      publish: { type: 'string' },
      'publish-min': { type: 'string' },
      'summary-json': { type: 'string' },
      'results-csv': { type: 'string' },
      threshold: { type: 'string' },
      top: { type: 'string' },
      baseline: { type: 'string' },
      cache: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      // Read by the command itself (a failure may come before the arguments are parsed).
      debug: { type: 'boolean' },
      version: { type: 'boolean' },
    },
  });
}
