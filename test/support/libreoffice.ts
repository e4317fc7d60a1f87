/**
 * Opening the command line's workbooks in another spreadsheet program: LibreOffice headless
 * (soffice) converts them, recalculating every formula on load, and poppler-utils reads the PDFs
 * it prints. Tests that need them are reported as skipped, with the reason, where they are absent.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { describeWhen } from './shared';

const available = (command: string, flag: string) => spawnSync(command, [flag], { stdio: 'ignore' }).status === 0;
export const hasLibreOffice = available('soffice', '--version') && available('pdftotext', '-v');

export function describeWithLibreOffice(name: string, body: () => void): void {
  describeWhen(hasLibreOffice, "needs LibreOffice's soffice and poppler-utils' pdftotext, not installed", name, body);
}

/** Carlito, the font metric-compatible with Excel's Calibri, without which LibreOffice lays the sheets out wider than Excel. */
const hasCarlito = spawnSync('fc-list', ['Carlito'], { encoding: 'utf8' }).stdout?.includes('Carlito') === true;

/** For tests of how a workbook prints: LibreOffice and poppler, and Excel's font metrics. */
export function describeWithPrinting(name: string, body: () => void): void {
  describeWhen(hasLibreOffice && hasCarlito, "needs LibreOffice's soffice, poppler-utils and the Carlito font (fonts-crosextra-carlito), not all installed", name, body);
}

/** A LibreOffice profile in `folder` that recalculates every formula of an .xlsx on load. */
export function recalculatingProfile(folder: string): string {
  const profile = path.join(folder, 'profile');
  fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
  fs.writeFileSync(
    path.join(profile, 'user', 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>\n',
  );
  return `file://${profile}`;
}

function run(profile: string, file: string, filter: string, outDir: string): void {
  const result = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', filter, '--outdir', outDir, file], { encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) throw new Error(`LibreOffice did not convert ${path.basename(file)}: ${result.stderr}`);
}

/** The workbook converted to another format ("xlsx" recalculated, "pdf" printed); returns the file made. */
export function convert(profile: string, file: string, format: 'xlsx' | 'pdf', outDir: string): string {
  run(profile, file, format, outDir);
  const converted = path.join(outDir, `${path.basename(file, '.xlsx')}.${format}`);
  if (!fs.existsSync(converted)) throw new Error(`LibreOffice did not convert ${path.basename(file)} to ${format}`);
  return converted;
}

/**
 * Every sheet of the workbook as LibreOffice shows it after recalculating, as CSV text by sheet
 * name (its CSV filter's last option, -1, writes each sheet to a file of its own).
 */
export function sheetsAsShown(profile: string, file: string, outDir: string): Map<string, string> {
  fs.mkdirSync(outDir, { recursive: true });
  run(profile, file, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', outDir);
  const prefix = `${path.basename(file, '.xlsx')}-`;
  const sheets = new Map<string, string>();
  for (const name of fs.readdirSync(outDir)) {
    if (name.startsWith(prefix) && name.endsWith('.csv')) sheets.set(name.slice(prefix.length, -'.csv'.length), fs.readFileSync(path.join(outDir, name), 'utf8'));
  }
  return sheets;
}
