/**
 * One pipeline, two hosts: a real council file (../shared) analysed by the command line and by the
 * add-in gets the same result columns, cell for cell, and the same headline.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readSpendFile } from '../../src/cli/read-file';
import { STATE_SHEET, stateFromGrid } from '../../src/core/settings';
import type { Field } from '../../src/core/mapping';
import { runIn, temporaryFolder } from '../cli/cli-harness';
import { describeWithShared, sharedPath } from '../support/shared';
import { expectUnchanged, FIRST_RUN, hooks, serviceAt, simulate, snapshot } from './adapter-harness';

const FILE = 'hyndburn_spend_over_250_2024-25.csv';

describeWithShared('a real council file in both hosts', () => {
  it('gets the same result columns from the add-in as from the command line', async () => {
    const folder = temporaryFolder('excel-same');
    fs.copyFileSync(sharedPath('data', 'real', FILE), path.join(folder, FILE));
    expect(await runIn(folder, [FILE, '--local', 'Hyndburn', '--wider', 'Lancashire'])).toMatchObject({ code: 0 });
    const output = (await readSpendFile(path.join(folder, 'hyndburn_spend_over_250_2024-25-baseline.xlsx'))).sheets;
    const cli = output.find((s) => s.name !== STATE_SHEET && s.state === 'visible')!;
    const state = stateFromGrid(await output.find((s) => s.name === STATE_SHEET)!.grid());
    const block = state.owned.resultColumns[0];

    const input = await (await readSpendFile(path.join(folder, FILE))).sheets[0].grid();
    const sim = simulate({ sheets: [{ name: 'Hyndburn', cells: input }] });
    const width = input[0].length;
    const before = snapshot(sim, 'Hyndburn', `A1:I${input.length}`);
    const { local, wider } = state.settings.areas!;
    const result = await serviceAt(FIRST_RUN).analyse(
      {
        mapping: state.settings.mapping!.fields as Partial<Record<Field, string>>,
        areas: { local: { name: local.name, districts: local.districts }, wider: { name: wider.name, districts: wider.districts } },
        areaQueries: { local: local.query, wider: wider.query },
        threshold: state.settings.threshold,
        online: false,
      },
      await hooks(),
    );
    expectUnchanged(sim, before);
    expect(block.firstColumn).toBe(width);
    const ours = sim.values('Hyndburn', `J1:Q${input.length}`);
    const theirs = (await cli.grid()).map((row) => row.slice(width, width + 8).map((cell) => cell ?? ''));
    expect(ours).toEqual(theirs);
    expect(result.current.totalSpend).toBe(state.history.last!.totalSpend);
    expect(result.current.spendByLocality).toEqual(state.history.last!.spendByLocality);
  }, 120_000);
});
