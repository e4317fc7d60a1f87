/**
 * The register pack compiler: `npm run registers:build -- FILE… [--out DIR]`.
 *
 * Reads Companies House's Basic Company Data (the one-file CSV or zip, or the parts) and the
 * Charity Commission's publicextract.charity (JSON or text, in its zip), in any order, files or
 * folders of them, and writes the pack described in src/registers/README.md to `register-pack/`
 * (ignored by git: it is built from hundreds of MB of downloads).
 */
import * as path from 'path';
import { buildRegisterPack } from '../src/registers/pack-builder';
import { RegisterSourceError } from '../src/registers/source-text';

export const PROJECT_ROOT = path.resolve(__dirname, '..');
export const DEFAULT_REGISTER_OUT = path.join(PROJECT_ROOT, 'register-pack');

export const REGISTERS_HELP = [
  'Usage: npm run registers:build -- FILE… [--out DIR]',
  '',
  'FILE is a download of either register, as published (CSV, .csv.gz, JSON, text or zip), or a folder of them:',
  '  Companies House "Basic Company Data": https://download.companieshouse.gov.uk/en_output.html',
  '    (BasicCompanyDataAsOneFile-YYYY-MM-01.zip, or the BasicCompanyData-YYYY-MM-01-partN_M.zip parts)',
  '  Charity Commission register extract: https://register-of-charities.charitycommission.gov.uk/register/full-register-download',
  '    (the "charity" table, publicextract.charity.zip, JSON or text)',
  `The pack is written to ${path.relative(process.cwd(), DEFAULT_REGISTER_OUT) || '.'} unless --out says where.`,
].join('\n');

export function parseRegisterArguments(argv: readonly string[], cwd: string): { inputs: string[]; out: string } | { help: string } {
  const inputs: string[] = [];
  let out = DEFAULT_REGISTER_OUT;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out') {
      const value = argv[++i];
      if (value === undefined) throw new RegisterSourceError('--out needs a folder.');
      out = path.resolve(cwd, value);
    } else if (arg === '--help' || arg === '-h') {
      return { help: REGISTERS_HELP };
    } else if (arg.startsWith('--')) {
      throw new RegisterSourceError(`Unknown option ${arg} (options: --out DIR).`);
    } else {
      inputs.push(path.resolve(cwd, arg));
    }
  }
  return inputs.length === 0 ? { help: REGISTERS_HELP } : { inputs, out };
}

async function main(): Promise<void> {
  // `npm run registers:build` runs in the project folder; npm says where the user ran it in INIT_CWD.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  try {
    const options = parseRegisterArguments(process.argv.slice(2), cwd);
    if ('help' in options) {
      console.error(options.help);
      process.exit(2);
    }
    const started = Date.now();
    const summary = await buildRegisterPack({ ...options, log: (line) => console.log(line) });
    console.log(
      `Built ${summary.out}: ${summary.records.toLocaleString('en-GB')} records in ${summary.nameShards.toLocaleString('en-GB')} name shards and ` +
        `${summary.numberShards.toLocaleString('en-GB')} number shards, ${(summary.bytes / 1e6).toFixed(1)} MB, in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
  } catch (error) {
    if (error instanceof RegisterSourceError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

if (require.main === module) void main();
