/**
 * The setup of the open competition as a draft: identity, rules, sites, jurors (with their aspects and recusals)
 * and the instrument, edited freely and checked live with the same shared validation the core runs on save.
 *
 * Nothing typed is lost without a question: every edit is also kept in localStorage per competition (offered back
 * after a reload or a closed window: "Pulihkan / Buang"), and leaving with unsaved edits (another screen, another
 * competition) asks first through `guardLeave`.
 */
import { create } from 'zustand';
import type { CompetitionDetail, JurorWithRecusals } from '../../../shared/contract/schemas.js';
import {
  checkCompetition,
  COMPETITION_FORMAT,
  parseCompetitionFile,
  type CompetitionInfo,
  type Site,
} from '../../../shared/domain/competition.js';
import type { AppError } from '../../../shared/domain/errors.js';
import { parseInstrument, type Instrument } from '../../../shared/domain/instrument.js';
import type { ValidationIssue } from '../../../shared/domain/validation.js';
import { call } from '../api.js';
import { useAppStore } from './app.js';
import { useCompetitionStore } from './competitions.js';
import { useLeaveStore, type LeaveScope } from './leave.js';

const OFFERS_NEW_VERSION = new Set(['instrument.locked', 'instrument.bundled', 'instrument.shared', 'instrument.mismatch']);

export interface SetupDraft {
  info: CompetitionInfo;
  sites: Site[];
  jurors: JurorWithRecusals[];
}

interface SetupState {
  /** The competition the draft belongs to. */
  code: string | null;
  draft: SetupDraft | null;
  instrument: Instrument | null;
  dirty: boolean;
  instrumentDirty: boolean;
  saving: boolean;
  /** The last refusal from the core, e.g. a locked instrument. */
  refusal: AppError | null;
  /** Unsaved edits of this competition found in localStorage when it was opened, offered back. */
  recoverable: StoredDraft | null;
  /** The year as typed ("20a6"), kept while the draft holds what it reads as (NaN): shown again after a tab switch. */
  yearText: string | null;
  setYearText(text: string | null): void;
  restore(): void;
  dropRecoverable(): void;
  load(detail: CompetitionDetail): void;
  edit(change: (draft: SetupDraft) => SetupDraft): void;
  editInstrument(change: (instrument: Instrument) => Instrument): void;
  replaceInstrument(instrument: Instrument): void;
  discard(): void;
  save(): Promise<boolean>;
  saveInstrument(asNewVersion: boolean): Promise<boolean>;
}

/** What localStorage keeps of unsaved edits, per competition. */
export interface StoredDraft {
  /** When the last edit was made (ms since 1970). */
  at: number;
  draft: SetupDraft | null;
  instrument: Instrument | null;
}

const STORE_PREFIX = 'penilai.setupDraft:';

function readStored(code: string): StoredDraft | null {
  try {
    const text = localStorage.getItem(STORE_PREFIX + code);
    if (!text) return null;
    const value = JSON.parse(text) as StoredDraft;
    return typeof value.at === 'number' && (value.draft || value.instrument) ? value : null;
  } catch {
    return null;
  }
}

function keep(state: Pick<SetupState, 'code' | 'draft' | 'instrument' | 'dirty' | 'instrumentDirty'>): void {
  if (!state.code) return;
  const key = STORE_PREFIX + state.code;
  if (!state.dirty && !state.instrumentDirty) return localStorage.removeItem(key);
  const stored: StoredDraft = {
    at: Date.now(),
    draft: state.dirty ? state.draft : null,
    instrument: state.instrumentDirty ? state.instrument : null,
  };
  try {
    localStorage.setItem(key, JSON.stringify(stored));
  } catch {
    // A full storage (a large logo) keeps the edits in memory only; leaving still asks first.
  }
}

function draftOf(detail: CompetitionDetail): SetupDraft {
  return structuredClone({ info: detail.info, sites: detail.sites, jurors: detail.jurors });
}

/** The issues the core would report on save, computed here on every change. */
export function checkDraft(draft: SetupDraft, instrument: Instrument): ValidationIssue[] {
  const file = {
    format: COMPETITION_FORMAT,
    competition: draft.info,
    instrument,
    sites: draft.sites,
    jurors: draft.jurors.map((j) => ({ ...j, recusedSites: j.recusedSites })),
  } as const;
  const parsed = parseCompetitionFile(file);
  if (parsed.ok) return [];
  // The core stops at the first kind of problem; a form shows every one at once: the checks across rows
  // (duplicate codes, unknown aspects) run on the draft as typed too.
  const seen = new Set(parsed.issues.map((i) => `${i.path} ${i.key}`));
  const more = checkCompetition({ ...file, competition: { ...draft.info, rules: draft.info.rules } }).filter(
    (i) => !i.path.startsWith('instrument') && !seen.has(`${i.path} ${i.key}`),
  );
  return [...parsed.issues, ...more];
}

export function checkInstrumentDraft(instrument: Instrument): ValidationIssue[] {
  const parsed = parseInstrument(instrument);
  return parsed.ok ? [] : parsed.issues;
}

export const useSetupStore = create<SetupState>((set, get) => ({
  code: null,
  draft: null,
  instrument: null,
  dirty: false,
  instrumentDirty: false,
  saving: false,
  refusal: null,
  recoverable: null,
  yearText: null,
  setYearText: (yearText) => set({ yearText }),
  load: (detail) =>
    set({
      yearText: null,
      code: detail.info.code,
      draft: draftOf(detail),
      instrument: structuredClone(detail.instrument),
      dirty: false,
      instrumentDirty: false,
      refusal: null,
      recoverable: readStored(detail.info.code),
    }),
  edit: (change) => {
    const draft = get().draft;
    if (!draft) return;
    set({ draft: change(structuredClone(draft)), dirty: true, recoverable: null });
    keep(get());
  },
  editInstrument: (change) => {
    const instrument = get().instrument;
    if (!instrument) return;
    set({ instrument: change(structuredClone(instrument)), instrumentDirty: true, refusal: null, recoverable: null });
    keep(get());
  },
  replaceInstrument: (instrument) => {
    set({ instrument: structuredClone(instrument), instrumentDirty: true, refusal: null, recoverable: null });
    keep(get());
  },
  discard: () => {
    const detail = useCompetitionStore.getState().detail;
    const code = get().code;
    if (code) localStorage.removeItem(STORE_PREFIX + code);
    if (detail) get().load(detail);
  },
  restore: () => {
    const { recoverable, draft, instrument } = get();
    if (!recoverable) return;
    set({
      draft: recoverable.draft ?? draft,
      instrument: recoverable.instrument ?? instrument,
      dirty: recoverable.draft !== null,
      instrumentDirty: recoverable.instrument !== null,
      recoverable: null,
    });
  },
  dropRecoverable: () => {
    const code = get().code;
    if (code) localStorage.removeItem(STORE_PREFIX + code);
    set({ recoverable: null });
  },
  save: async () => {
    const { code, draft } = get();
    if (!code || !draft) return false;
    set({ saving: true });
    const result = await call('setup.save', { code, competition: draft.info, sites: draft.sites, jurors: draft.jurors });
    set({ saving: false });
    if (!result.ok) {
      useAppStore.getState().setNotice({ kind: 'error', error: result.error });
      return false;
    }
    set({ draft: draftOf(result.value), dirty: false });
    keep(get());
    useCompetitionStore.setState({ detail: result.value });
    void useCompetitionStore.getState().loadList();
    return true;
  },
  saveInstrument: async (asNewVersion) => {
    const { code, instrument } = get();
    if (!code || !instrument) return false;
    set({ saving: true });
    const result = await call('setup.saveInstrument', { competition: code, instrument, asNewVersion });
    set({ saving: false });
    if (!result.ok) {
      // A version that cannot change in place (scored, built in, or shared): the refusal offers the next version.
      if (OFFERS_NEW_VERSION.has(result.error.key)) set({ refusal: result.error });
      else useAppStore.getState().setNotice({ kind: 'error', error: result.error });
      return false;
    }
    set({ instrumentDirty: false, refusal: null });
    keep(get());
    await useCompetitionStore.getState().open(code);
    const detail = useCompetitionStore.getState().detail;
    if (detail) set({ instrument: structuredClone(detail.instrument) });
    return true;
  },
}));

// The first screen asks before unsaved edits are left (stores/leave.ts): it learns of them here, and how to discard.
useSetupStore.subscribe((state) => {
  const leave = useLeaveStore.getState();
  if (leave.code !== state.code || leave.unsaved.draft !== state.dirty || leave.unsaved.instrument !== state.instrumentDirty)
    useLeaveStore.setState({ code: state.code, unsaved: { draft: state.dirty, instrument: state.instrumentDirty } });
});
useLeaveStore.setState({
  discarder: (scope: LeaveScope) => {
    const setup = useSetupStore.getState();
    const detail = useCompetitionStore.getState().detail;
    if (scope === 'all' || !detail) setup.discard();
    else if (scope === 'draft') useSetupStore.setState({ draft: draftOf(detail), dirty: false });
    else useSetupStore.setState({ instrument: structuredClone(detail.instrument), instrumentDirty: false, refusal: null });
    keep(useSetupStore.getState());
  },
});
