import { progressView } from '../../src/taskpane/progress-text';

describe('progressView', () => {
  it('counts rows in words and moves one bar forward through the phases', () => {
    const reading = progressView({ phase: 'reading', done: 1200, total: 3400 });
    expect(reading.text).toBe('Reading rows: 1,200 of 3,400');
    expect(reading.cancellable).toBe(true);
    const classifying = progressView({ phase: 'classifying', done: 0, total: 3400 });
    const writing = progressView({ phase: 'writing', done: 3400, total: 3400 });
    expect(reading.fraction).toBeGreaterThan(0);
    expect(classifying.fraction).toBeGreaterThan(reading.fraction);
    expect(writing.fraction).toBeCloseTo(1);
  });

  it('says the write phase cannot be cancelled', () => {
    const writing = progressView({ phase: 'writing', done: 10, total: 100 });
    expect(writing.cancellable).toBe(false);
    expect(writing.text).toBe('Writing results: 10 of 100 (this last step cannot be cancelled)');
  });

  it('has words for a phase without a count', () => {
    expect(progressView({ phase: 'online', done: 0, total: 0 }).text).toBe('Looking up postcodes online…');
  });
});

describe('progressView of the phases that do not count rows', () => {
  it('gives their words alone, and still moves the bar', () => {
    const checking = progressView({ phase: 'checking', done: 0, total: 1 });
    expect(checking.text).toBe('Checking the sheet…');
    expect(progressView({ phase: 'geography', done: 1, total: 2 }).fraction).toBeGreaterThan(progressView({ phase: 'geography', done: 0, total: 2 }).fraction);
  });
});
