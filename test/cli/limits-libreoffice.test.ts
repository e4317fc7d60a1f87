/**
 * A workbook with texts longer than a cell holds, opened in LibreOffice with every formula
 * recalculated: every sheet shows without an error cell (Err:513 is LibreOffice's "string
 * overflow", as it showed for a 40,000-character label in a formula before the limits were kept).
 * Needs LibreOffice and poppler-utils; reported as skipped without them.
 */
import * as path from 'path';
import { describeWithLibreOffice, recalculatingProfile, sheetsAsShown } from '../support/libreoffice';
import { runIn, temporaryFolder } from './cli-harness';
import { writeLongTexts } from './long-texts';

/** A cell LibreOffice shows as an error, as CSV writes it. */
const ERROR_CELL = /(?:^|,)"?(Err:\d{3}|#VALUE!|#NAME\?|#REF!|#DIV\/0!|#N\/A|#NUM!|#NULL!)"?(?=,|$)/m;

describeWithLibreOffice('texts longer than a cell holds, in LibreOffice', () => {
  test('every sheet opens without an error cell', async () => {
    const folder = temporaryFolder('limits-libreoffice');
    writeLongTexts(folder);
    expect((await runIn(folder, ['long.csv', '--local', 'Preston', '--wider', 'Lancashire (ceremonial county)'])).code).toBe(0);
    const sheets = sheetsAsShown(recalculatingProfile(folder), path.join(folder, 'long-baseline.xlsx'), path.join(folder, 'shown'));
    expect([...sheets.keys()].sort()).toEqual(['Analysis data', 'Baseline', 'LSB_State', 'Local register', 'Method', 'Opportunities', 'Re-spend survey', 'Rules', 'Suppliers', 'Top suppliers', 'long']);
    for (const [sheet, text] of sheets) expect({ sheet, error: ERROR_CELL.exec(text)?.[1] }).toEqual({ sheet, error: undefined });
    // The figures the limits made values are still there, and add up.
    expect(sheets.get('Baseline')).toMatch(/Total spend \(net of credits\),"?£2,050\.00"?/);
  }, 120_000);
});
