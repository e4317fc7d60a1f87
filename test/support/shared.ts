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

/**
 * `describe` when `available`; otherwise one skipped test that gives the reason. Jest runs the
 * body of a skipped describe to collect its tests, so a body that reads files the machine lacks
 * would fail: without them the body is never called.
 */
export function describeWhen(available: boolean, reason: string, name: string, body: () => void): void {
  if (available) describe(name, body);
  else describe(name, () => test.skip(`skipped: ${reason}`, () => undefined));
}

/** Set by CI, where ../shared is always beside the project: its tests must run, not skip. */
const SHARED_REQUIRED = process.env.LSB_REQUIRE_SHARED === '1';

/** `describe` for tests that need ../shared; reported as skipped, with the reason, without it. */
export function describeWithShared(name: string, body: () => void): void {
  if (SHARED_REQUIRED && !hasShared) throw new Error(`LSB_REQUIRE_SHARED is set but ${SHARED_DIR} is missing: "${name}" would be skipped.`);
  describeWhen(hasShared, 'needs ../shared beside the project (real data and the ONS extract), not found', name, body);
}
