/**
 * The command as a user gets it. In the project folder, exactly as the README says:
 * `npx local-spend-baseline spend.csv --local Preston --wider Lancashire` on a file with real
 * postcodes, with the geography that ships with the project. And installed: `npm pack` makes a
 * tarball with the command bundled into one file, the geography pack, the rules and the sample,
 * and no dependencies; `npm install -g` of it needs no registry (offline, with an empty cache)
 * and gives a `local-spend-baseline` that works from any folder.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { buildCliIfStale } from '../../scripts/build-cli';
import { CLI_FIXTURES, PROJECT_ROOT, temporaryFolder, workbookCells } from '../cli/cli-harness';

jest.setTimeout(180_000);

const SPEND = path.join(CLI_FIXTURES, 'new-user', 'spend.csv');
const GEOGRAPHY_LINE =
  'ONS NSPL August 2024 (offline pack). Its source lacks Northern Ireland (postcode area BT) and the sub-districts ending in a letter ' +
  '(EC1A, SW1A, W1A, WC2N, E1W and the like, in central London): the district of a postcode there is unknown until the pack is rebuilt ' +
  'from the full ONS file or online lookup is on.';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a user's shell: none of the npm settings of the `npm test` this runs under. */
function userEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== 'NODE_PATH'));
  return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}

function run(command: string, args: string[], cwd: string, env = userEnvironment()): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The headline figures of the fixture, and the geography line on its Method sheet. */
async function expectFixtureAnalysed(result: Run, folder: string): Promise<void> {
  expect({ code: result.code, stderr: result.stderr.split('\n').filter((line) => !line.startsWith('note:') && line !== '') }).toEqual({ code: 0, stderr: [] });
  // Local: the two Preston suppliers; wider: Hyndburn; rest of UK: Blackpool (a unitary authority,
  // outside the county council's area), Manchester, Leeds, Glasgow, Cardiff; unknown: WC2N, which
  // the shipped pack lacks.
  for (const figure of ['£20,900.50', '£3,200.00', '£28,500.00', '£2,500.00', '£55,100.50']) expect(result.stdout).toContain(figure);
  const method = [...(await workbookCells(path.join(folder, 'spend-baseline.xlsx'))).get('Method')!.cells.values()].map((cell) => cell.value);
  expect(method).toContain(GEOGRAPHY_LINE);
}

describe('in the project folder', () => {
  it('npx local-spend-baseline spend.csv --local Preston --wider Lancashire analyses a file with real postcodes', async () => {
    // A folder inside the project, as a user's working folder there; npx finds the project's command.
    fs.mkdirSync(path.join(PROJECT_ROOT, 'test-results'), { recursive: true });
    const folder = fs.mkdtempSync(path.join(PROJECT_ROOT, 'test-results', 'new-user-'));
    try {
      fs.copyFileSync(SPEND, path.join(folder, 'spend.csv'));
      // Offline: were npx to look for the command in the registry, it would fail here.
      const result = await run('npx', ['local-spend-baseline', 'spend.csv', '--local', 'Preston', '--wider', 'Lancashire'], folder, userEnvironment({ npm_config_offline: 'true' }));
      await expectFixtureAnalysed(result, folder);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('installed from the tarball npm pack makes', () => {
  let folder: string;
  let tarball: string;
  let files: string[];
  beforeAll(async () => {
    folder = temporaryFolder('installed');
    // What prepack does, without rebuilding a bundle other tests may be running.
    buildCliIfStale();
    const packed = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', folder], PROJECT_ROOT);
    expect(packed.code).toBe(0);
    const [report] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(folder, report.filename);
    files = report.files.map((file) => file.path);
  });

  it('holds the bundled command, the geography pack with its licences, the rules and the sample, and nothing else of the project', () => {
    expect(files).toEqual(
      expect.arrayContaining(['bin/local-spend-baseline.js', 'build/cli.js', 'geography/README.md', 'geography/pack/index.json', 'geography/pack/postcodes-PR.bin.gz', 'rules/default-rules.csv', 'sample/preston-anchors-2024-25.xlsx', 'README.md', 'package.json']),
    );
    expect(files.filter((file) => /^(src|test|scripts|node_modules|geography\/tables)\//.test(file) || file.endsWith('.map'))).toEqual([]);
  });

  it('installs offline with an empty cache, and the command runs on a file in another folder', async () => {
    const prefix = path.join(folder, 'prefix');
    const cache = path.join(folder, 'empty-cache');
    fs.mkdirSync(cache);
    const installed = await run('npm', ['install', '--global', '--prefix', prefix, '--offline', '--cache', cache, tarball], folder);
    expect({ code: installed.code, stderr: installed.stderr }).toEqual({ code: 0, stderr: '' });
    const packageFolder = path.join(prefix, 'lib', 'node_modules', 'local-spend-baseline');
    // Nothing came with it: the command is one file.
    const manifest = JSON.parse(fs.readFileSync(path.join(packageFolder, 'package.json'), 'utf8'));
    expect([manifest.dependencies, manifest.optionalDependencies, manifest.peerDependencies]).toEqual([undefined, undefined, undefined]);
    expect(fs.existsSync(path.join(packageFolder, 'node_modules'))).toBe(false);

    const work = path.join(folder, 'finance', 'spend 2024-25');
    fs.mkdirSync(work, { recursive: true });
    fs.copyFileSync(SPEND, path.join(work, 'spend.csv'));
    const result = await run(path.join(prefix, 'bin', 'local-spend-baseline'), ['spend.csv', '--local', 'Preston', '--wider', 'Lancashire'], work);
    await expectFixtureAnalysed(result, work);
  });
});
