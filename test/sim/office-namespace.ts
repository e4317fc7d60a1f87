/**
 * The `Office` global of a simulated Excel host: `Office.onReady`, `Office.initialize`,
 * `Office.context` (requirements, document mode, theme, diagnostics) and the enums add-ins read.
 *
 * - Office.onReady: "returns a Promise that contains the host and platform info" once Office.js
 *   has initialized; it may be called any number of times and resolves immediately afterwards.
 * - Office.initialize: if the add-in assigned it, office.js calls it with an InitializationReason
 *   when it is ready (before onReady resolves).
 * - Office.context.requirements.isSetSupported(name, minVersion): true when the host supports
 *   that requirement set at that version or above.
 */
import { versionAtLeast, type HostSession } from './host-session';

export interface OfficeTheme {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
}

export const LIGHT_THEME: OfficeTheme = {
  bodyBackgroundColor: '#FFFFFF',
  bodyForegroundColor: '#000000',
  controlBackgroundColor: '#FFFFFF',
  controlForegroundColor: '#242424',
};

export const DARK_THEME: OfficeTheme = {
  bodyBackgroundColor: '#262626',
  bodyForegroundColor: '#FFFFFF',
  controlBackgroundColor: '#363636',
  controlForegroundColor: '#F0F0F0',
};

export type Platform = 'PC' | 'OfficeOnline' | 'Mac' | 'iOS' | 'Android' | 'Universal';

export interface HostInfo {
  platform: Platform;
  documentMode: 'ReadWrite' | 'ReadOnly';
  /** Whether document.mode tells a read-only document (see simulator-setup.ts). */
  reportsReadOnly: boolean;
  theme: OfficeTheme;
  /** Requirement sets beyond ExcelApi (whose version comes from the session), e.g. { ExcelApiOnline: '1.1' }. */
  otherRequirementSets: Record<string, string>;
  displayLanguage: string;
}

export const HostType = {
  Word: 'Word', Excel: 'Excel', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access',
} as const;

export const PlatformType = {
  PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal',
} as const;

/** Office.DocumentMode: office.js reports "readOnly" / "readWrite". */
export const DocumentMode = { ReadOnly: 'readOnly', ReadWrite: 'readWrite' } as const;

export const InitializationReason = { Inserted: 'inserted', DocumentOpened: 'documentOpened' } as const;

export const EventType = {
  DocumentSelectionChanged: 'documentSelectionChanged',
  ActiveViewChanged: 'activeViewChanged',
  SettingsChanged: 'settingsChanged',
} as const;

export const AsyncResultStatus = { Succeeded: 'succeeded', Failed: 'failed' } as const;

export interface OfficeNamespace {
  initialize?: (reason: string) => void;
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
  context: {
    host: string;
    platform: string;
    displayLanguage: string;
    contentLanguage: string;
    diagnostics: { host: string; platform: string; version: string };
    requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
    document: { mode: string; url: string };
    readonly officeTheme: OfficeTheme;
  };
  HostType: typeof HostType;
  PlatformType: typeof PlatformType;
  DocumentMode: typeof DocumentMode;
  InitializationReason: typeof InitializationReason;
  EventType: typeof EventType;
  AsyncResultStatus: typeof AsyncResultStatus;
}

/**
 * Builds the Office global. `hostReady` resolves when the page could run add-in code (in a
 * browser: once the DOM is ready, as office.js waits for it); in Node it can resolve at once.
 */
export function createOfficeNamespace(session: HostSession, host: HostInfo, hostReady: Promise<void>): OfficeNamespace {
  const info = { host: HostType.Excel, platform: host.platform };
  let ready: Promise<{ host: string; platform: string }> | undefined;
  const office: OfficeNamespace = {
    onReady(callback) {
      ready ??= hostReady.then(() => {
        office.initialize?.(InitializationReason.DocumentOpened);
        return info;
      });
      return ready.then((result) => {
        callback?.(result);
        return result;
      });
    },
    context: {
      host: HostType.Excel,
      get platform() {
        return host.platform;
      },
      displayLanguage: host.displayLanguage,
      contentLanguage: host.displayLanguage,
      diagnostics: { host: HostType.Excel, platform: host.platform, version: '16.0.0.0' },
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          const supported = name.toLowerCase() === 'excelapi'
            ? session.excelApiVersion
            : Object.entries(host.otherRequirementSets).find(([set]) => set.toLowerCase() === name.toLowerCase())?.[1];
          if (supported === undefined) return false;
          return minVersion === undefined || versionAtLeast(supported, String(minVersion));
        },
      },
      document: {
        get mode() {
          return host.documentMode === 'ReadOnly' && host.reportsReadOnly ? DocumentMode.ReadOnly : DocumentMode.ReadWrite;
        },
        url: 'https://example.invalid/Book1.xlsx',
      },
      get officeTheme() {
        return host.theme;
      },
    },
    HostType,
    PlatformType,
    DocumentMode,
    InitializationReason,
    EventType,
    AsyncResultStatus,
  };
  return office;
}
