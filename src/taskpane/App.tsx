/**
 * The task pane: SPEC.md's journey as five steps down one column — the data found, the areas,
 * the options, Analyse, and the results — each saying in plain words what it needs and what
 * happened. Every workbook action goes through the WorkbookService (src/excel/api.ts).
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Body1, Caption1, makeStyles, Spinner, Subtitle1, tokens } from '@fluentui/react-components';
import { buildAreas, type Areas } from '../core/areas';
import type { Field } from '../core/mapping';
import type { EarlierWorkbook } from '../core';
import type { Settings } from '../core/settings';
import { BaselineError } from '../core';
import { AnalysisCancelled, type AnalyseResult, type WorkbookOverview, type WorkbookService } from '../excel/api';
import { AboutSection } from './AboutSection';
import { AnalyseStep, type RunState } from './AnalyseStep';
import { AreasStep } from './AreasStep';
import { DataStep } from './DataStep';
import { Notice } from './Notice';
import { plainError } from './plain-error';
import { ResetSettings } from './ResetSettings';
import { settingsFromChoices, type PaneChoices } from './settings-draft';
import type { Geography } from './use-geography';
import type { RegistersState } from './use-registers';

const OptionsStep = lazy(() => import(/* webpackChunkName: "options" */ './OptionsStep'));
const ResultsStep = lazy(() => import(/* webpackChunkName: "results" */ './ResultsStep'));

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`,
    maxWidth: '640px',
    boxSizing: 'border-box',
    minWidth: 0,
  },
  main: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
    minWidth: 0,
  },
  intro: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  // The collapsible step reads as a step heading like the others.
  optionsHeader: {
    '& > button': {
      paddingLeft: 0,
      paddingRight: 0,
      fontSize: tokens.fontSizeBase400,
      lineHeight: tokens.lineHeightBase400,
      minHeight: 'auto',
      fontWeight: tokens.fontWeightSemibold,
    },
  },
  loading: { padding: tokens.spacingVerticalXXL },
});

export interface AppProps {
  service: WorkbookService;
  geography: Geography;
  /** The register pack, when the deployment serves one. */
  registers: RegistersState;
  defaultRulesCsv: string;
}

/** `damagedSettings`: the workbook could not be read because its saved settings are damaged (the pane offers to reset them). */
type Loaded = { status: 'loading' } | { status: 'failed'; message: string; damagedSettings: boolean } | { status: 'ready'; overview: WorkbookOverview };

function choicesFrom(overview: WorkbookOverview): PaneChoices {
  const { settings } = overview.state;
  const mapping: Partial<Record<Field, string>> = {};
  for (const [field, column] of Object.entries(overview.data?.mapping ?? {})) {
    if (column) mapping[field as Field] = column.header;
  }
  const saved = settings.areas;
  return {
    sheet: overview.data?.sheet,
    mapping,
    areas: saved
      ? {
          queries: { local: saved.local.query, wider: saved.wider.query },
          resolved: { local: { name: saved.local.name, districts: saved.local.districts }, wider: { name: saved.wider.name, districts: saved.wider.districts } },
        }
      : undefined,
    threshold: settings.threshold,
    online: settings.online.allowed,
  };
}

export function App({ service, geography, registers, defaultRulesCsv }: AppProps) {
  const styles = useStyles();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [choices, setChoices] = useState<PaneChoices | undefined>();
  const [queries, setQueries] = useState({ local: '', wider: '' });
  const [run, setRun] = useState<RunState>({ status: 'idle' });
  const [result, setResult] = useState<AnalyseResult | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [openSections, setOpenSections] = useState<string[]>([]);
  /** The earlier workbook the user chose to compare with, for every analysis until they stop. */
  const [earlier, setEarlier] = useState<EarlierWorkbook | undefined>();
  /** Whether to look suppliers up in the registers, when the deployment has them: on unless the user turns it off. */
  const [registersOn, setRegistersOn] = useState(true);
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  /** The settings as last saved (or read): what the next save builds on. */
  const savedSettings = useRef<Settings | undefined>(undefined);
  const mainRef = useRef<HTMLElement>(null);
  /**
   * After a reset the pane starts again at its first step, with the focus there. The button that
   * had the focus is gone, and Fluent's closed dialog then sometimes leaves the pane marked
   * hidden to screen readers (aria-hidden on the app's root): with no dialog open, that is undone.
   */
  const afterReset = () =>
    service
      .inspect()
      .then(take, failedToRead)
      .then(() =>
        setTimeout(() => {
          const root = mainRef.current?.closest('#root');
          if (root && !document.querySelector('[role="alertdialog"], [role="dialog"]')) root.removeAttribute('aria-hidden');
          mainRef.current?.focus();
        }, 0),
      );

  const take = useCallback((overview: WorkbookOverview) => {
    setLoaded({ status: 'ready', overview });
    savedSettings.current = overview.state.settings;
    const next = choicesFrom(overview);
    setChoices(next);
    setQueries(next.areas?.queries ?? { local: '', wider: '' });
  }, []);

  const failedToRead = (error: unknown) =>
    setLoaded({ status: 'failed', message: plainError(error, 'read this workbook'), damagedSettings: error instanceof BaselineError && error.code === 'state-damaged' });

  useEffect(() => {
    let current = true;
    service.inspect().then(
      (first) => current && take(first),
      (error) => current && failedToRead(error),
    );
    return () => {
      current = false;
    };
  }, [service, take]);

  const overview = loaded.status === 'ready' ? loaded.overview : undefined;

  /** Resolves the typed areas against the geography pack; without one, the saved areas stand. */
  const areaResolution = useMemo(() => {
    if (geography.status !== 'ready' || queries.local.trim() === '') return undefined;
    return buildAreas(queries.local, queries.wider, geography.pack.districts);
  }, [geography, queries]);

  const areas: Areas | undefined = areaResolution ? (areaResolution.ok ? areaResolution.areas : undefined) : geography.status === 'ready' ? undefined : choices?.areas?.resolved;

  /** Saves in the workbook what the user chose; saves run one after another, never crossing. */
  const persist = useCallback(
    (next: PaneChoices) => {
      setChoices(next);
      if (!savedSettings.current) return;
      const settings = settingsFromChoices(savedSettings.current, next, new Date());
      savedSettings.current = settings;
      saving.current = saving.current
        .then(() => service.saveSettings(settings))
        .catch((error) => setProblem(plainError(error, 'save your choices in the workbook')));
    },
    [service],
  );

  const chooseColumn = (field: Field, header: string | undefined) => {
    if (!choices) return;
    const mapping = { ...choices.mapping };
    // One column holds one field: giving it to this field takes it from any other.
    for (const [other, taken] of Object.entries(mapping)) if (taken === header && other !== field) delete mapping[other as Field];
    if (header === undefined) delete mapping[field];
    else mapping[field] = header;
    persist({ ...choices, mapping });
  };

  const commitArea = (which: 'local' | 'wider', text: string) => {
    const nextQueries = { ...queries, [which]: text };
    setQueries(nextQueries);
    if (!choices || geography.status !== 'ready' || nextQueries.local.trim() === '') return;
    const built = buildAreas(nextQueries.local, nextQueries.wider, geography.pack.districts);
    if (built.ok) persist({ ...choices, areas: { queries: nextQueries, resolved: built.areas } });
  };

  const withBusy = async (what: string, doing: string, action: () => Promise<void>) => {
    setBusy(what);
    setProblem(undefined);
    try {
      await action();
    } catch (error) {
      setProblem(plainError(error, doing));
    } finally {
      setBusy(undefined);
    }
  };

  const remap = (headerRow: number | null) =>
    withBusy('remap', 'read the sheet with that header row', async () => {
      take(await service.remap(headerRow));
    });

  const analyse = async () => {
    if (!choices || !areas || !overview) return;
    const controller = new AbortController();
    setRun({ status: 'running', controller });
    // The last results go while the new ones are worked out, so old and new are never mixed up.
    setResult(undefined);
    setProblem(undefined);
    try {
      await saving.current;
      const analysed = await service.analyse(
        {
          mapping: choices.mapping,
          areas,
          areaQueries: { local: queries.local, wider: queries.wider },
          threshold: choices.threshold,
          online: choices.online,
          ...(earlier ? { earlier } : {}),
        },
        {
          onProgress: (progress) => setRun((current) => (current.status === 'running' ? { ...current, progress } : current)),
          signal: controller.signal,
          pack: geography.status === 'ready' ? geography.pack : undefined,
          registers: registers.status === 'ready' && registersOn ? registers.pack : undefined,
          defaultRulesCsv,
        },
      );
      setResult(analysed);
      setRun({ status: 'done' });
    } catch (error) {
      if (error instanceof AnalysisCancelled) setRun({ status: 'cancelled' });
      else setRun({ status: 'failed', message: plainError(error, 'analyse the sheet') });
      return;
    }
    // The workbook now remembers this run: keep the pane's copy of its state in step.
    service.inspect().then(take, (error) => setProblem(plainError(error, 'read the workbook again after the analysis')));
  };

  if (loaded.status === 'loading') {
    return (
      <main className={styles.loading} aria-busy="true">
        <Spinner label="Reading your workbook…" />
      </main>
    );
  }

  const running = run.status === 'running';
  const locked = running || busy !== undefined;

  return (
    <div className={styles.pane}>
    <main className={styles.main} ref={mainRef} tabIndex={-1}>
      <header className={styles.intro}>
        <Subtitle1 as="h1">Local Spend Baseline</Subtitle1>
        <Body1>How much of your organisation&rsquo;s spend stays in your area, and how much more could.</Body1>
        {overview?.host.readOnly ? <Caption1>This workbook is open read-only: save a copy you can edit to analyse it.</Caption1> : null}
      </header>

      {loaded.status === 'failed' ? <Notice intent="error" title="The workbook could not be read" message={loaded.message} /> : null}
      {loaded.status === 'failed' && loaded.damagedSettings ? (
        <ResetSettings service={service} onReset={() => void afterReset()} onProblem={setProblem} />
      ) : null}
      {problem ? <Notice intent="error" message={problem} onDismiss={() => setProblem(undefined)} /> : null}

      {overview && choices ? (
        <>
          <DataStep overview={overview} mapping={choices.mapping} disabled={locked} busy={busy === 'remap'} onChooseColumn={chooseColumn} onRemap={remap} onFindAgain={() => withBusy('find', 'find the data', async () => take(await service.inspect()))} />
          <AreasStep
            geography={geography}
            queries={queries}
            resolution={areaResolution}
            savedAreas={choices.areas?.resolved}
            disabled={locked}
            onCommit={commitArea}
          />
          <Accordion collapsible multiple openItems={openSections} onToggle={(_, data) => setOpenSections(data.openItems as string[])}>
            <AccordionItem value="options">
              <AccordionHeader as="h2" expandIconPosition="end" className={styles.optionsHeader}>
                3. Options
              </AccordionHeader>
              <AccordionPanel>
                {openSections.includes('options') ? (
                  <Suspense fallback={<Spinner size="tiny" label="Loading options…" />}>
                    <OptionsStep
                      service={service}
                      online={choices.online}
                      threshold={choices.threshold}
                      disabled={locked}
                      defaultRulesCsv={defaultRulesCsv}
                      registers={registers}
                      registersOn={registersOn}
                      onRegistersChange={setRegistersOn}
                      onOnlineChange={(online) => persist({ ...choices, online })}
                      onThresholdChange={(threshold) => persist({ ...choices, threshold })}
                      earlier={earlier}
                      onEarlierChange={setEarlier}
                    />
                  </Suspense>
                ) : null}
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
          <AnalyseStep
            overview={overview}
            mapping={choices.mapping}
            areas={areas}
            geography={geography}
            run={run}
            disabled={busy !== undefined}
            onAnalyse={analyse}
            onCancel={() => (run.status === 'running' ? run.controller.abort() : undefined)}
          />
          {result ? (
            <Suspense fallback={<Spinner size="tiny" label="Loading results…" />}>
              <ResultsStep result={result} service={service} disabled={locked} onProblem={setProblem} registersDeployed={registers.status === 'ready'} online={choices.online} />
            </Suspense>
          ) : null}
        </>
      ) : null}
    </main>
    <AboutSection geography={geography} />
    </div>
  );
}
