/**
 * The copy to publish opened in another spreadsheet program: LibreOffice opens it, shows the
 * summaries (its PDF holds the headline, the partnership and LM3 blocks, the top suppliers and
 * the analysis data), and finds no hidden sheet in it (saved again by LibreOffice, every sheet is
 * visible and there are the five the copy holds).
 *
 * Needs LibreOffice (soffice) and poppler-utils (pdftotext); reported as skipped without them.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { describeWhen } from '../support/shared';
import { runIn, temporaryFolder } from './cli-harness';

// Two conversions by LibreOffice, each up to two minutes on a busy machine.
jest.setTimeout(300_000);

const available = (command: string, flag: string) => spawnSync(command, [flag], { stdio: 'ignore' }).status === 0;
const hasLibreOffice = available('soffice', '--version') && available('pdftotext', '-v');

function convert(file: string, format: 'xlsx' | 'pdf', outDir: string): string {
  const profile = `file://${path.join(outDir, 'profile')}`;
  const run = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', format, '--outdir', outDir, file], { encoding: 'utf8', timeout: 120_000 });
  const converted = path.join(outDir, `${path.basename(file, '.xlsx')}.${format}`);
  if (!fs.existsSync(converted)) throw new Error(`LibreOffice did not convert ${path.basename(file)}: ${run.stderr}`);
  return converted;
}

describeWhen(hasLibreOffice, "needs LibreOffice's soffice and poppler-utils' pdftotext, not installed", 'the copy to publish in LibreOffice', () => {
  test('shows the summaries and the analysis data, and has no hidden sheet', async () => {
    const folder = temporaryFolder('publish-libreoffice');
    expect((await runIn(folder, ['--publish', 'published.xlsx', '--publish-min', '500'])).code).toBe(0);
    const file = path.join(folder, 'published.xlsx');

    const pdf = convert(file, 'pdf', path.join(folder, 'pdf'));
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
    for (const shown of [
      'Local spend baseline',
      'A copy to publish: every figure is a value',
      'Headline',
      'The partnership: anchors side by side',
      'Lancashire County Council',
      'LM3 (Local Multiplier 3, New Economics Foundation)',
      'All 286 suppliers by spend',
      'This copy',
      'Payments under £500',
    ]) {
      expect(text).toContain(shown);
    }
    expect(text).toMatch(/Total spend \(net of credits\)\s+£42,514,559\.67\s+100\.0%/);
    for (const absent of ['LSB_State', 'onlineCache', 'Transaction No', 'PCC100141']) expect(text).not.toContain(absent);

    const resaved = convert(file, 'xlsx', path.join(folder, 'xlsx'));
    const workbook = await (await JSZip.loadAsync(fs.readFileSync(resaved))).file('xl/workbook.xml')!.async('string');
    const sheets = [...workbook.matchAll(/<sheet [^>]*>/g)].map((m) => m[0]);
    expect(sheets.map((tag) => /name="([^"]+)"/.exec(tag)![1])).toEqual(['Baseline', 'Top suppliers', 'Method', 'Opportunities', 'Analysis data']);
    for (const tag of sheets) expect(tag).not.toMatch(/state="(hidden|veryHidden)"/);
  });
});
