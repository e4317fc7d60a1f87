import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkManifest, pngSize } from '../support/manifest-check';
import { ADDIN_URL_VARIABLE, DEV_URL, addinUrl, rewriteManifest } from '../../scripts/addin-url';

const root = path.resolve(__dirname, '..', '..');
const assetsDir = path.join(root, 'assets');
const manifest = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');

describe('manifest.xml', () => {
  it('passes every offline check for the development URL', () => {
    expect(checkManifest(manifest, { baseUrl: DEV_URL, assetsDir })).toEqual([]);
  });

  it('keeps its stable id, so an update replaces the installed add-in instead of adding a second', () => {
    expect(manifest).toContain('<Id>7343b33d-8a93-46fb-98da-f21cf7dba8e3</Id>');
  });

  it('points every URL at the production URL after the build rewrites it, with the origin as AppDomain', () => {
    const url = addinUrl('https://addins.example.gov.uk/local-spend-baseline/');
    const built = rewriteManifest(manifest, url);
    expect(built).not.toContain('localhost');
    expect(built).toContain('<AppDomain>https://addins.example.gov.uk</AppDomain>');
    expect(checkManifest(built, { baseUrl: url, assetsDir })).toEqual([]);
  });

  it('names the variable the build reads for the production URL, and no other', () => {
    expect(fs.readFileSync(path.join(root, 'webpack.config.js'), 'utf8')).toContain('process.env[ADDIN_URL_VARIABLE]');
    for (const file of ['manifest.xml', 'README.md']) {
      const named = new Set(fs.readFileSync(path.join(root, file), 'utf8').match(/\bADDIN_[A-Z_]+\b/g));
      expect({ file, named: [...named] }).toEqual({ file, named: [ADDIN_URL_VARIABLE] });
    }
  });

  it('refuses a production URL Office could not load', () => {
    expect(() => addinUrl('http://addins.example.gov.uk')).toThrow(/https/);
    expect(() => addinUrl('not a url')).toThrow(/not a URL/);
  });

  it('has every icon size the add-in ships, designed as PNGs', () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(fs.readFileSync(path.join(assetsDir, `icon-${size}.png`)))).toEqual({ width: size, height: size });
    }
  });
});

describe('the manifest check itself', () => {
  const check = (xml: string, dir = assetsDir) => checkManifest(xml, { baseUrl: DEV_URL, assetsDir: dir });

  it('fails when an element is out of order', () => {
    const swapped = manifest.replace(
      /(\s*<ProviderName>.*<\/ProviderName>)(\s*<DefaultLocale>.*<\/DefaultLocale>)/,
      '$2$1',
    );
    expect(swapped).not.toBe(manifest);
    expect(check(swapped)).toContainEqual(expect.stringMatching(/<DefaultLocale> must come before|<ProviderName> must come before/));
  });

  it('fails when a referenced icon file is missing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icons-'));
    for (const size of [16, 32, 64, 128]) fs.copyFileSync(path.join(assetsDir, `icon-${size}.png`), path.join(dir, `icon-${size}.png`));
    expect(check(manifest, dir)).toContainEqual(expect.stringMatching(/icon-80\.png/));
  });

  it('fails when an icon has the wrong pixel size', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icons-'));
    for (const size of [16, 32, 64, 80, 128]) fs.copyFileSync(path.join(assetsDir, `icon-${size}.png`), path.join(dir, `icon-${size}.png`));
    fs.copyFileSync(path.join(assetsDir, 'icon-64.png'), path.join(dir, 'icon-32.png'));
    expect(check(manifest, dir)).toContainEqual(expect.stringMatching(/icon-32\.png is 64×64, not 32×32/));
  });

  it('fails when a required element, the requirement set or the Home tab button is missing', () => {
    expect(check(manifest.replace(/\s*<Permissions>.*<\/Permissions>/, ''))).toContainEqual(expect.stringMatching(/lacks <Permissions>/));
    expect(check(manifest.replace('MinVersion="1.8"', 'MinVersion="1.1"'))).toContainEqual(expect.stringMatching(/ExcelApi MinVersion must be 1\.8/));
    expect(check(manifest.replace('id="TabHome"', 'id="TabData"'))).toContainEqual(expect.stringMatching(/button on the Home tab/));
  });

  it('fails when a URL leaves the configured origin or a resource is undefined', () => {
    const foreign = manifest.replace('https://localhost:3000/help.html"/>\n  <AppDomains>', 'https://elsewhere.example/help.html"/>\n  <AppDomains>');
    expect(check(foreign)).toContainEqual(expect.stringMatching(/elsewhere\.example.* is not under/));
    expect(check(manifest.replace('resid="Taskpane.Url"', 'resid="Taskpane.Missing"'))).toContainEqual(expect.stringMatching(/"Taskpane.Missing" is not defined/));
  });
});
