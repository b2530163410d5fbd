/**
 * The setup of the open competition as a draft: identity, rules, sites, jurors (with their aspects and recusals)
 * and the instrument, edited freely and checked live with the same shared validation the core runs on save.
 */
import { create } from 'zustand';
import type { CompetitionDetail, JurorWithRecusals } from '../../../shared/contract/schemas.js';
import { COMPETITION_FORMAT, parseCompetitionFile, type CompetitionInfo, type Site } from '../../../shared/domain/competition.js';
import type { AppError } from '../../../shared/domain/errors.js';
import { parseInstrument, type Instrument } from '../../../shared/domain/instrument.js';
import type { ValidationIssue } from '../../../shared/domain/validation.js';
import { call } from '../api.js';
import { useAppStore } from './app.js';
import { useCompetitionStore } from './competitions.js';

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
  load(detail: CompetitionDetail): void;
  edit(change: (draft: SetupDraft) => SetupDraft): void;
  editInstrument(change: (instrument: Instrument) => Instrument): void;
  replaceInstrument(instrument: Instrument): void;
  discard(): void;
  save(): Promise<boolean>;
  saveInstrument(asNewVersion: boolean): Promise<boolean>;
}

function draftOf(detail: CompetitionDetail): SetupDraft {
  return structuredClone({ info: detail.info, sites: detail.sites, jurors: detail.jurors });
}

/** The issues the core would report on save, computed here on every change. */
export function checkDraft(draft: SetupDraft, instrument: Instrument): ValidationIssue[] {
  const parsed = parseCompetitionFile({
    format: COMPETITION_FORMAT,
    competition: draft.info,
    instrument,
    sites: draft.sites,
    jurors: draft.jurors.map((j) => ({ ...j, recusedSites: j.recusedSites })),
  });
  return parsed.ok ? [] : parsed.issues;
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
  load: (detail) =>
    set({
      code: detail.info.code,
      draft: draftOf(detail),
      instrument: structuredClone(detail.instrument),
      dirty: false,
      instrumentDirty: false,
      refusal: null,
    }),
  edit: (change) => {
    const draft = get().draft;
    if (draft) set({ draft: change(structuredClone(draft)), dirty: true });
  },
  editInstrument: (change) => {
    const instrument = get().instrument;
    if (instrument) set({ instrument: change(structuredClone(instrument)), instrumentDirty: true, refusal: null });
  },
  replaceInstrument: (instrument) => set({ instrument: structuredClone(instrument), instrumentDirty: true, refusal: null }),
  discard: () => {
    const detail = useCompetitionStore.getState().detail;
    if (detail) get().load(detail);
  },
  save: async () => {
    const { code, draft } = get();
    if (!code || !draft) return false;
    set({ saving: true });
    const result = await call('competition.save', { code, competition: draft.info, sites: draft.sites, jurors: draft.jurors });
    set({ saving: false });
    if (!result.ok) {
      useAppStore.getState().setNotice({ kind: 'error', error: result.error });
      return false;
    }
    useCompetitionStore.setState({ detail: result.value });
    void useCompetitionStore.getState().loadList();
    set({ draft: draftOf(result.value), dirty: false });
    return true;
  },
  saveInstrument: async (asNewVersion) => {
    const { code, instrument } = get();
    if (!code || !instrument) return false;
    set({ saving: true });
    const result = await call('competition.saveInstrument', { competition: code, instrument, asNewVersion });
    set({ saving: false });
    if (!result.ok) {
      // A version that cannot change in place (scored, built in, or shared): the refusal offers the next version.
      if (OFFERS_NEW_VERSION.has(result.error.key)) set({ refusal: result.error });
      else useAppStore.getState().setNotice({ kind: 'error', error: result.error });
      return false;
    }
    await useCompetitionStore.getState().open(code);
    const detail = useCompetitionStore.getState().detail;
    if (detail) set({ instrument: structuredClone(detail.instrument), instrumentDirty: false, refusal: null });
    return true;
  },
}));
