/**
 * The register pack (Companies House and the charity register) deployed beside the pane as
 * registers/, when the deployment includes it: at start only its absence is checked (one small
 * request); the code that reads it and its index load only when it is there, and its shards only
 * when an analysis looks suppliers up, each one its suppliers' names hash to. It is a static file
 * on the organisation's own host: no supplier name leaves it.
 */
import { useEffect, useState } from 'react';
import type { RegisterPack } from '../registers/register-pack';
import { plainError } from './plain-error';

export type RegistersState =
  | { status: 'loading' }
  | { status: 'absent' }
  | { status: 'ready'; pack: RegisterPack; releases: string[] }
  | { status: 'failed'; message: string };

/** The deployed pack, or undefined when the deployment has none. */
export async function openRegisters(baseUrl: URL): Promise<RegisterPack | undefined> {
  const probe = await fetch(new URL('index.json', baseUrl), { method: 'HEAD' });
  if (probe.status === 404) return undefined;
  const [{ openRegisterPack }, { browserPackSource }] = await Promise.all([
    import(/* webpackChunkName: "registers" */ '../registers/register-pack'),
    import(/* webpackChunkName: "geography" */ '../geo/browser-pack-source'),
  ]);
  return openRegisterPack(browserPackSource(baseUrl));
}

export function useRegisters(opening: Promise<RegisterPack | undefined>): RegistersState {
  const [registers, setRegisters] = useState<RegistersState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    opening.then(
      (pack) => current && setRegisters(pack ? { status: 'ready', pack, releases: pack.index.sources.map((s) => s.release) } : { status: 'absent' }),
      (error: unknown) => current && setRegisters({ status: 'failed', message: plainError(error, 'open Companies House and the charity register') }),
    );
    return () => {
      current = false;
    };
  }, [opening]);
  return registers;
}
