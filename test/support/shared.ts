import * as fs from 'fs';
import * as path from 'path';

/**
 * The shared material (SPEC.md, real council files, labels, the ONS extract) lives beside the
 * project in ../shared. CI always has it; elsewhere, tests that need it say so and are skipped.
 */
export const SHARED_DIR = path.resolve(__dirname, '..', '..', '..', 'shared');

export const hasShared = fs.existsSync(path.join(SHARED_DIR, 'SPEC.md'));

export function sharedPath(...parts: string[]): string {
  return path.join(SHARED_DIR, ...parts);
}

const SKIP_REASON = 'skipped: needs ../shared beside the project (real data and the ONS extract), not found';

/** `describe` for tests that need ../shared; reported as skipped, with the reason, without it. */
export function describeWithShared(name: string, body: () => void): void {
  if (hasShared) {
    describe(name, body);
  } else {
    describe.skip(`${name} (${SKIP_REASON})`, body);
  }
}
