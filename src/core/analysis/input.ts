/** What the analysis takes: the data, the workbook as it was, the user's choices, and the lookups a host provides. */
import type { Grid } from '../cell';
import type { CreditorRecord } from '../directory';
import type { DistrictInfo, PostcodeIndex } from '../geography';
import type { OnlineAnswer } from '../locality';
import type { RegisterFinds, RegisterLookups } from '../register-match';
import type { OnlineCacheRecord, SavedArea, WorkbookState } from '../settings';
import type { EarlierWorkbook } from './earlier-workbook';
import type { SpendData } from './spend-data';

export interface AnalysisInput {
  /** The spend data, read by the core's reader (createSpendReader). */
  data: SpendData;
  /** What the workbook remembers from earlier runs (the empty state for a workbook never analysed). */
  state: WorkbookState;
  /** Every sheet the workbook has now, so that the add-in's sheets never take a user's sheet's name. */
  existingSheets: readonly string[];
  choices: AnalysisChoices;
  rules: RulesSource;
  /** The add-in's sheets the user edits, as the workbook holds them (absent or empty: made afresh). */
  suppliersSheet?: Grid;
  registerSheet?: Grid;
  /** A local register file the user named, read instead of the sheet (and written to it when the workbook has none). */
  registerFile?: Grid;
  /** The Re-spend survey sheet (LM3's answers), as the workbook holds it. */
  respendSheet?: Grid;
  /** A re-spend survey file the user named (`supplier,local_share` lines), read instead of the sheet's answers. */
  respendFile?: { name: string; text: string };
  /** An earlier workbook to measure progress against, like for like (read by readEarlierWorkbook). */
  earlier?: EarlierWorkbook;
  /** The finance system's supplier list, for postcodes the Suppliers sheet lacks. */
  creditors?: readonly CreditorRecord[];
  lookups: Lookups;
  /**
   * Called between steps with how far the analysis has gone: a task pane shows it, yields to
   * its page and throws to cancel; a command line shows a progress line.
   */
  pause(progress: AnalysisProgress): void | Promise<void>;
  /** When the analysis is made (ISO date-time): on its sheets and in the state. */
  analysedAt: string;
}

/** The user's choices; those not given are the ones the workbook saved, else the defaults. */
export interface AnalysisChoices {
  /** The local and wider areas, with what the user typed or picked for each. */
  areas: { local: SavedArea; wider: SavedArea };
  threshold?: number;
  /** Online postcode lookup allowed for this run (postcodes only are sent). */
  online: boolean;
  topSuppliers?: number;
  /** The host shows the cross-tabulations as PivotTables of its own, or as the plan's formula tables. */
  crossTabs: 'pivot_tables' | 'formula_tables';
}

/** Where the influenceability rules come from: a rules file named by the user, else the Rules sheet, else the defaults. */
export interface RulesSource {
  /** The default rules CSV shipped with the product. */
  defaults: string;
  /** The workbook's Rules sheet (absent or empty: the defaults are written to it). */
  sheet?: Grid;
  file?: { name: string; text: string };
}

/** The lookups a host provides; each is asked only for what the data needs. */
export interface Lookups {
  /** The offline geography pack, when the host has one. */
  geography?: Geography;
  /** Answers of earlier online lookups the host keeps outside the workbook (the command line's cache file). */
  knownAnswers?: OnlineCacheRecord;
  /** Asks an online service about full postcodes; called only when the user allows it. */
  lookUpOnline?: (postcodes: readonly string[]) => Promise<OnlineLookup>;
  /** The public registers (Companies House, the charity register), when the host has them. */
  registers?: Registers;
}

/**
 * Companies House and the charity register, asked once an analysis for the name keys and
 * number keys of its suppliers: a pack's shards, or the downloads themselves.
 */
export interface Registers {
  find(lookups: RegisterLookups): Promise<RegisterAnswers>;
}

export interface RegisterAnswers extends RegisterFinds {
  /** What the records come from: "Companies House Basic Company Data 2024-08-01". */
  releases: readonly string[];
}

export interface Geography {
  /** e.g. "ONS NSPL August 2024". */
  readonly release: string;
  /** What the pack's source lacked ("Northern Ireland (postcode area BT)"), said on the Method sheet. */
  readonly sourceLacks?: readonly string[];
  readonly districts: ReadonlyMap<string, DistrictInfo>;
  /** An index over these postcode areas ("PR", "M"). */
  loadAreas(areas: readonly string[]): Promise<PostcodeIndex>;
}

export interface OnlineLookup {
  /** Every postcode answered; district null where the service does not know the postcode. */
  answers: ReadonlyMap<string, OnlineAnswer & { country?: string }>;
  /** Whether every postcode could be asked. */
  complete: boolean;
  /** One line for the user. */
  summary: string;
}

/** `comparing`: an earlier workbook's payments classified again, to compare like for like. */
export type AnalysisPhase = 'preparing' | 'registers' | 'geography' | 'online' | 'classifying' | 'comparing';

export interface AnalysisProgress {
  phase: AnalysisPhase;
  /** Done of total in this phase (rows when classifying, postcodes online). */
  done: number;
  total: number;
}
