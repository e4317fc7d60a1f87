/**
 * Reading the files of a pack built by the project (the geography pack, the register pack) from a
 * PackSource: its JSON index, checked against its schema, and its gzipped binary files. Every
 * failure becomes the pack's own error, whose message names the file and says how to rebuild.
 */
import type { z } from 'zod';

/** Where a pack's bytes come from: a folder in Node, a URL in the browser. */
export interface PackSource {
  /** Where the pack is (a folder or a URL), for messages. */
  readonly location: string;
  /** The bytes of one file of the pack; rejects with a message when it cannot be read. */
  read(name: string): Promise<Uint8Array>;
  gunzip(bytes: Uint8Array): Promise<Uint8Array>;
}

export interface PackDescription {
  /** "geography pack", "register pack". */
  what: string;
  /** "rebuild the pack with `npm run geo:build`". */
  rebuild: string;
  /** The pack's own error, carrying a message. */
  error: (message: string) => Error;
}

export function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The pack's index file, parsed and checked against its schema. */
export async function readPackIndex<T>(pack: PackDescription, source: PackSource, name: string, schema: z.ZodType<T>): Promise<T> {
  const where = `${name} in ${source.location}`;
  let bytes: Uint8Array;
  try {
    bytes = await source.read(name);
  } catch (error) {
    throw pack.error(`Cannot read the ${pack.what}'s ${where}: ${describeFailure(error)}; ${pack.rebuild}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw pack.error(`The ${pack.what}'s ${where} is not valid JSON (damaged or truncated); ${pack.rebuild}.`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw pack.error(`The ${pack.what}'s ${where} is not a pack index this program reads (${issue.path.join('.') || 'top level'}: ${issue.message}); ${pack.rebuild}.`);
  }
  return parsed.data;
}

/**
 * One gzipped file of the pack, unzipped. A web server may already have undone the gzip
 * (Content-Encoding): `isUnzipped` tells by the file's magic bytes.
 */
export async function readPackFile(pack: PackDescription, source: PackSource, name: string, isUnzipped: (bytes: Uint8Array) => boolean): Promise<Uint8Array> {
  const where = `${name} in ${source.location}`;
  let bytes: Uint8Array;
  try {
    bytes = await source.read(name);
  } catch (error) {
    throw pack.error(`Cannot read the ${pack.what} file ${where}: ${describeFailure(error)}; ${pack.rebuild}.`);
  }
  if (isUnzipped(bytes)) return bytes;
  try {
    return await source.gunzip(bytes);
  } catch {
    throw pack.error(`The ${pack.what} file ${where} is damaged or truncated (it does not unzip); ${pack.rebuild}.`);
  }
}
