/**
 * The messy sample workbook as the add-in left it after an earlier session: the supplier column
 * mapped and the areas (Preston; ceremonial Lancashire) remembered on the state sheet, so that
 * the pane can analyse it without the geography pack's list of areas.
 */
import * as fs from 'fs';
import * as path from 'path';
import { emptyState, STATE_SHEET, stateToCells } from '../../src/core/settings';
import type { SimulatorSetup } from '../sim/simulator-setup';

const SETUP_FILE = path.join(__dirname, '..', 'fixtures', 'e2e', 'messy-workbook.json');
const CEREMONIAL_LANCASHIRE = ['E06000008', 'E06000009', 'E07000117', 'E07000118', 'E07000119', 'E07000120', 'E07000121', 'E07000122', 'E07000123', 'E07000124', 'E07000125', 'E07000126', 'E07000127', 'E07000128'];

export function messyWorkbook(): SimulatorSetup {
  return JSON.parse(fs.readFileSync(SETUP_FILE, 'utf8')) as SimulatorSetup;
}

export function rememberedWorkbook(): SimulatorSetup {
  const setup = messyWorkbook();
  const state = emptyState();
  state.settings.mapping = { sheet: 'Payments', fields: { supplier: 'Beneficiary Organisation', amount: 'Net Amount', postcode: 'Supplier Postcode' } };
  state.settings.areas = {
    local: { query: 'Preston', name: 'Preston', districts: ['E07000123'] },
    wider: { query: 'Lancashire (ceremonial county)', name: 'Lancashire (ceremonial county)', districts: CEREMONIAL_LANCASHIRE },
  };
  const stateSheet = { name: STATE_SHEET, visibility: 'VeryHidden' as const, cells: stateToCells(state).map((text) => [text]) };
  return { ...setup, sheets: [...(setup.sheets ?? []), stateSheet] };
}
