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
  /**
   * Locks the session (the laptop left unused): what is being typed is saved first, then the core locks it. A juror
   * without a PIN is signed out instead. `known`: the session is already locked in the core (a write was refused).
   */
  lock(known?: boolean): Promise<void>;
  /** Shows the lock screen for a juror whose session the core no longer holds (the app restarted). */
  showLocked(session: SessionInfo): void;
  /** Why the lock screen shows: the laptop was left unused, or the app restarted. */
  lockReason: 'idle' | 'restart';
  loadProgress(): Promise<void>;
  /** Opens a site's sheet; `focus`: the indicator to put the keyboard on once it is shown (else the first unscored). */
  openSite(site: string | null, focus?: string | null): Promise<void>;
  /** The indicator to bring back into view and focus once the sheet is shown (after a reload, a restart or a lock). */
  focus: string | null;
  clearFocus(): void;
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

type CellWrite = (at: { competition: string; juror: string; site: string }) => Promise<Result<unknown>>;

/**
 * Writes the core refused because the session had locked meanwhile: kept, in order, with the sheet they were for,
 * and sent again once the juror has given their PIN, so that nothing typed before the lock is lost.
 */
const held: { at: { competition: string; juror: string; site: string }; indicator: string; write: CellWrite; progress: boolean }[] = [];

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
    if (!result.ok && result.error.key === 'session.idle') {
      held.push({ at, indicator, write, progress: progressChanges });
      await get().lock(true);
      return false;
    }
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
      if (!result.ok) return;
      const session = result.value;
      // A lock screen shown for a juror the core no longer holds (after a restart) stays until the PIN is given.
      if (!session && get().session?.locked) return;
      set({ session, lockReason: 'idle' });
      if (!session || session.locked) return;
      await get().loadProgress();
      // After a reload: the sheet and the indicator that were open.
      const place = useAppStore.getState().place;
      if (!get().site && place?.site && place.competition === session.competition && place.juror === session.juror)
        await get().openSite(place.site, place.indicator);
    },
    enter: async (competition, juror, pin) => {
      const before = get().session;
      const result = await call('session.enter', { competition, juror, ...(pin ? { pin } : {}) });
      if (!result.ok) return result.error;
      const app = useAppStore.getState();
      const unlocking = before !== null && before.competition === competition && before.juror === juror;
      if (unlocking) set({ session: result.value });
      else set({ session: result.value, site: null, sheet: null, saveState: {}, review: null });
      // The same juror coming back (after a lock, a reload or a restart): the writes held meanwhile are sent, and
      // the sheet they were on is opened again.
      for (const h of held.splice(0)) {
        if (h.at.competition !== competition || h.at.juror !== juror) continue;
        const sent = await inOrder(() => h.write(h.at));
        if (sent.ok) mark(h.indicator, 'saved');
        else notify(sent.error);
      }
      const place = app.place?.competition === competition && app.place.juror === juror ? app.place : null;
      const site = (unlocking ? get().site : null) ?? place?.site ?? null;
      const indicator = place?.site === site ? (place?.indicator ?? null) : null;
      if (!place) app.remember({ juror, site: null, indicator: null });
      await get().loadProgress();
      if (site && (get().site !== site || !get().sheet)) await get().openSite(site, indicator);
      else if (site) {
        set({ focus: indicator });
        await get().reloadSheet();
      }
      return null;
    },
    leave: async () => {
      held.length = 0;
      await call('session.leave', {});
      useAppStore.getState().remember({ juror: null, site: null, indicator: null });
      set({ session: null, progress: [], site: null, sheet: null, saveState: {}, review: null });
    },
    lock: async (known) => {
      const session = get().session;
      if (!session) return;
      if (!known) {
        // Leaving a field saves what was typed in it (notes are saved on blur); the writes are then let through.
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        await Promise.resolve();
        await writes;
      }
      const result = await call('session.lock', {});
      if (!result.ok) return notify(result.error);
      // A juror without a PIN is signed out ("Siapa Anda?"); the place is kept for when they choose themselves again.
      if (result.value === null) set({ session: null, progress: [], site: null, sheet: null, saveState: {}, review: null });
      else set({ session: result.value, lockReason: 'idle' });
    },
    lockReason: 'idle',
    showLocked: (session) => set({ session, lockReason: 'restart' }),
    loadProgress: async () => {
      const session = get().session;
      if (!session) return;
      const result = await call('scoring.progress', { competition: session.competition, juror: session.juror });
      if (result.ok) set({ progress: result.value });
      else notify(result.error);
    },
    focus: null,
    clearFocus: () => set({ focus: null }),
    openSite: async (site, focus) => {
      useAppStore.getState().remember({ site, indicator: focus ?? null });
      set({ site, sheet: null, saveState: {}, review: null, focus: focus ?? null });
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
