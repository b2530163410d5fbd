/**
 * Scoring on a site visit: who is scoring (the session lives in the core), the juror's sites and progress, and
 * the open sheet. Every change is sent at once; the sheet is reloaded from the core after each change, so what
 * the screen shows is what is stored.
 */
import { create } from 'zustand';
import type { ChannelInput, Result, ReviewProblem, ScoreSheet, SessionInfo, SheetProgress } from '../../../shared/contract/schemas.js';
import type { AppError } from '../../../shared/domain/errors.js';
import { call } from '../api.js';
import { useAppStore } from './app.js';

export type SaveState = 'saving' | 'saved' | 'error';

interface ScoringState {
  session: SessionInfo | null;
  progress: SheetProgress[];
  site: string | null;
  sheet: ScoreSheet | null;
  saveState: Record<string, SaveState>;
  review: ReviewProblem[] | null;
  loadSession(): Promise<void>;
  enter(competition: string, juror: string, pin?: string): Promise<AppError | null>;
  leave(): Promise<void>;
  loadProgress(): Promise<void>;
  openSite(site: string | null): Promise<void>;
  reloadSheet(): Promise<void>;
  setScore(indicator: string, value: number | null, reason?: string): Promise<boolean>;
  setNote(indicator: string, note: string): Promise<boolean>;
  setHousehold(indicator: string, answers: (boolean | null)[][]): Promise<boolean>;
  undo(): Promise<void>;
  loadReview(): Promise<void>;
  finalise(signature: Uint8Array, pin?: string): Promise<AppError | null>;
  reopen(reason: string): Promise<AppError | null>;
  addEvidence(
    indicator: string,
    file: { name: string; mime: ChannelInput<'evidence.add'>['mime']; bytes: Uint8Array; thumbnail?: Uint8Array },
  ): Promise<boolean>;
  removeEvidence(uuid: string): Promise<void>;
}

function notify(error: AppError): void {
  useAppStore.getState().setNotice({ kind: 'error', error });
}

/**
 * Writes go to the core one after another, in the order the juror made them: two quick ticks never arrive
 * swapped, whatever the transport does with concurrent requests.
 */
let writes: Promise<unknown> = Promise.resolve();
function inOrder<T>(write: () => Promise<T>): Promise<T> {
  const next = writes.then(write, write);
  writes = next.catch(() => undefined);
  return next;
}

export const useScoringStore = create<ScoringState>((set, get) => {
  /** The sheet's address, or null when none is open. */
  const where = () => {
    const { session, site } = get();
    return session && site ? { competition: session.competition, juror: session.juror, site } : null;
  };
  const mark = (indicator: string, state: SaveState) => set((s) => ({ saveState: { ...s.saveState, [indicator]: state } }));

  /** One write of one indicator: marked saving, sent in order, marked saved (or error), then the sheet reloaded. */
  async function saveCell(
    indicator: string,
    write: (at: { competition: string; juror: string; site: string }) => Promise<Result<unknown>>,
    progressChanges: boolean,
  ): Promise<boolean> {
    const at = where();
    if (!at) return false;
    mark(indicator, 'saving');
    const result = await inOrder(() => write(at));
    if (!result.ok) {
      mark(indicator, 'error');
      notify(result.error);
      return false;
    }
    mark(indicator, 'saved');
    await Promise.all([get().reloadSheet(), progressChanges ? get().loadProgress() : undefined]);
    return true;
  }

  return {
    session: null,
    progress: [],
    site: null,
    sheet: null,
    saveState: {},
    review: null,
    loadSession: async () => {
      const result = await call('session.get', {});
      if (result.ok) set({ session: result.value });
      if (result.ok && result.value) await get().loadProgress();
    },
    enter: async (competition, juror, pin) => {
      const result = await call('session.enter', { competition, juror, ...(pin ? { pin } : {}) });
      if (!result.ok) return result.error;
      set({ session: result.value, site: null, sheet: null, saveState: {}, review: null });
      await get().loadProgress();
      return null;
    },
    leave: async () => {
      await call('session.leave', {});
      set({ session: null, progress: [], site: null, sheet: null, saveState: {}, review: null });
    },
    loadProgress: async () => {
      const session = get().session;
      if (!session) return;
      const result = await call('scoring.progress', { competition: session.competition, juror: session.juror });
      if (result.ok) set({ progress: result.value });
      else notify(result.error);
    },
    openSite: async (site) => {
      set({ site, sheet: null, saveState: {}, review: null });
      if (site) await get().reloadSheet();
    },
    reloadSheet: async () => {
      const at = where();
      if (!at) return;
      const result = await call('scoring.sheet', at);
      if (!result.ok) return notify(result.error);
      if (get().site === at.site) set({ sheet: result.value });
    },
    setScore: (indicator, value, reason) =>
      saveCell(indicator, (at) => call('scoring.setScore', { ...at, indicator, value, ...(reason ? { reason } : {}) }), true),
    setNote: (indicator, note) => saveCell(indicator, (at) => call('scoring.setNote', { ...at, indicator, note }), false),
    setHousehold: (indicator, answers) => saveCell(indicator, (at) => call('scoring.setHousehold', { ...at, indicator, answers }), true),
    undo: async () => {
      const at = where();
      if (!at) return;
      const result = await inOrder(() => call('scoring.undo', at));
      if (!result.ok) return notify(result.error);
      await Promise.all([get().reloadSheet(), get().loadProgress()]);
    },
    loadReview: async () => {
      const at = where();
      if (!at) return;
      const result = await call('scoring.review', at);
      if (result.ok) set({ review: result.value.problems });
      else notify(result.error);
    },
    finalise: async (signature, pin) => {
      const at = where();
      if (!at) return null;
      const result = await call('scoring.finalise', { ...at, signature, ...(pin ? { pin } : {}) });
      if (!result.ok) return result.error;
      await Promise.all([get().reloadSheet(), get().loadProgress()]);
      return null;
    },
    reopen: async (reason) => {
      const at = where();
      if (!at) return null;
      const result = await call('scoring.reopen', { ...at, reason });
      if (!result.ok) return result.error;
      await Promise.all([get().reloadSheet(), get().loadProgress()]);
      return null;
    },
    addEvidence: (indicator, file) =>
      saveCell(
        indicator,
        (at) =>
          call('evidence.add', {
            ...at,
            indicator,
            name: file.name,
            mime: file.mime,
            bytes: file.bytes,
            ...(file.thumbnail ? { thumbnail: file.thumbnail } : {}),
          }),
        false,
      ),
    removeEvidence: async (uuid) => {
      const result = await inOrder(() => call('evidence.remove', { uuid }));
      if (!result.ok) return notify(result.error);
      await get().reloadSheet();
    },
  };
});
