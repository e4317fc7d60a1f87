import { BaselineError } from '../../src/core/errors';
import { plainError } from '../../src/taskpane/plain-error';

describe('plainError', () => {
  it("passes on the add-in's own messages, which already say what to do", () => {
    expect(plainError(new BaselineError('protected', 'Sheet Spend is protected: unprotect it and analyse again.'), 'analyse')).toBe(
      'Sheet Spend is protected: unprotect it and analyse again.',
    );
  });

  it('adds what to do in the pane where the core leaves it to the host', () => {
    expect(plainError(new BaselineError('state-damaged', 'The settings are damaged.'), 'read this workbook')).toMatch(/^The settings are damaged\. Choose "Reset the add-in's settings" below to start afresh/);
  });

  it("translates Excel's error codes", () => {
    const error = Object.assign(new Error('The requested operation is not allowed.'), { code: 'InvalidOperationInCellEditMode' });
    expect(plainError(error, 'analyse the sheet')).toBe(
      'Could not analyse the sheet. Excel is waiting for you to finish typing in a cell. Press Enter or Esc in the sheet, then try again. (For IT: InvalidOperationInCellEditMode: The requested operation is not allowed.)',
    );
  });

  it('names anything else and says what to try', () => {
    expect(plainError(new Error('socket closed'), 'save your choices')).toBe(
      'Could not save your choices: socket closed. Try again; if it happens again, use "Check this Excel" under Options and send the result to your IT team.',
    );
  });
});
