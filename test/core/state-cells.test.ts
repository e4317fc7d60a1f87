import { emptyState, STATE_CELL_CHARS, STATE_CELL_MARK, stateFromCells, stateToCells } from '../../src/core/settings';

/** A state whose JSON runs over several cells. */
function largeState() {
  const state = emptyState();
  for (let i = 0; i < 2_000; i++) state.onlineCache[`PR${i} 1AA`] = { district: i % 2 ? 'E07000123' : null, districtName: 'Preston' };
  return state;
}

describe('the state in cells', () => {
  it('starts every cell with a fixed mark, so no cell begins with = + - @ or an apostrophe Excel could act on', () => {
    const cells = stateToCells(largeState());
    expect(cells.length).toBeGreaterThan(2);
    for (const cell of cells) {
      expect(cell.startsWith(STATE_CELL_MARK)).toBe(true);
      expect(cell.length).toBeLessThanOrEqual(STATE_CELL_CHARS + STATE_CELL_MARK.length);
    }
    expect(stateFromCells(cells)).toEqual(largeState());
  });

  it('still reads the cells of version 1, plain JSON split over the cells', () => {
    const state = largeState();
    const json = JSON.stringify({ ...state, version: 1 });
    const cells: string[] = [];
    for (let i = 0; i < json.length; i += STATE_CELL_CHARS) cells.push(json.slice(i, i + STATE_CELL_CHARS));
    expect(stateFromCells(cells)).toEqual(state);
  });
});
