/**
 * The offline geography pack deployed beside the pane (geo/), opened once: its districts give the
 * area pickers their choices and the analysis its postcodes. The code that reads it is loaded
 * with it, beside the first paint rather than before it. When it cannot be loaded the pane says
 * so and carries on with the areas saved in the workbook.
 */
import { useEffect, useState } from 'react';
import { listAreaOptions, type AreaOption } from '../core/areas';
import type { GeoPack } from '../geo/geo-pack';

export type Geography =
  | { status: 'loading' }
  | { status: 'ready'; pack: GeoPack; options: AreaOption[] }
  | { status: 'failed'; message: string };

/** Starts opening the pack (and loading the code that reads it); call once, as early as possible. */
export async function openPack(packUrl: URL): Promise<GeoPack> {
  const [{ openGeoPack }, { browserPackSource }] = await Promise.all([
    import(/* webpackChunkName: "geography" */ '../geo/geo-pack'),
    import(/* webpackChunkName: "geography" */ '../geo/browser-pack-source'),
  ]);
  return openGeoPack(browserPackSource(packUrl));
}

export function useGeography(opening: Promise<GeoPack>): Geography {
  const [geography, setGeography] = useState<Geography>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    opening.then(
      (pack) => current && setGeography({ status: 'ready', pack, options: listAreaOptions(pack.districts) }),
      (error: Error) => current && setGeography({ status: 'failed', message: error.message }),
    );
    return () => {
      current = false;
    };
  }, [opening]);
  return geography;
}
