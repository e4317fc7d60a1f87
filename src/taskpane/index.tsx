/**
 * The task pane's entry. The first paint needs only React, Fluent UI and the pane itself; the
 * workbook service (the adapter with the core pipeline), the geography pack and (when deployed)
 * the register pack load beside it,
 * and the pane shows "Reading your workbook…" until the service is ready.
 */
import './no-eval';
import { createRoot } from 'react-dom/client';
import { Suspense, use } from 'react';
import { FluentProvider, Spinner, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { WorkbookService } from '../excel/api';
import defaultRulesCsv from '../../rules/default-rules.csv';
import { App } from './App';
import { LoadFailure } from './LoadFailure';
import { prefersDarkTheme } from './theme';
import { openPack, useGeography, type Geography } from './use-geography';
import { openRegisters, useRegisters, type RegistersState } from './use-registers';

// Both start loading while the page is still getting ready, not after the first paint.
const adapter = import(/* webpackChunkName: "workbook" */ '../excel');
const pack = openPack(new URL('geo/', location.href));
const registerPack = openRegisters(new URL('registers/', location.href));
// A pack that fails is reported by the pane once it is drawn, not as an unhandled rejection before.
pack.catch(() => undefined);
registerPack.catch(() => undefined);

function Connected({ service, geography, registers }: { service: Promise<WorkbookService>; geography: Geography; registers: RegistersState }) {
  return <App service={use(service)} geography={geography} registers={registers} defaultRulesCsv={defaultRulesCsv} />;
}

/** The packs' progress is followed from the first paint, while the service loads. */
function Root({ service }: { service: Promise<WorkbookService> }) {
  const geography = useGeography(pack);
  const registers = useRegisters(registerPack);
  return (
    <Suspense fallback={<Spinner style={{ padding: 24 }} label="Reading your workbook…" />}>
      <Connected service={service} geography={geography} registers={registers} />
    </Suspense>
  );
}

Office.onReady(() => {
  const dark = prefersDarkTheme(Office.context.officeTheme?.bodyBackgroundColor);
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  const service = adapter.then((module) => module.createWorkbookService());
  createRoot(document.getElementById('root')!).render(
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ minHeight: '100vh' }}>
      <LoadFailure>
        <Root service={service} />
      </LoadFailure>
    </FluentProvider>,
  );
});
