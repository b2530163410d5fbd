/**
 * Scoring on a site visit: who is scoring (the session lives in the core), the juror's sites and progress, and
 * the open sheet. Every change is sent at once, in order; the sheet is reloaded from the core after each change, so
 * what the screen shows is what is stored. While a checklist tick or a typed note is on its way, the screen shows
 * it from `households` / `notes` (dropped once the core has stored it); "Tersimpan" only after the core answered.
 * Notes being typed are sent shortly after the last keystroke, and at once when the sheet closes or the page is
 * hidden or closed (then with `keepalive`, so that a reload does not lose them).
 */
import { create } from 'zustand';
import type { ChannelInput, Result, ReviewProblem, ScoreSheet, SessionInfo, SheetProgress } from '../../../shared/contract/schemas.js';
import type { AppError } from '../../../shared/domain/errors.js';
import { call } from '../api.js';
import { useAppStore } from './app.js';

export type SaveState = 'saving' | 'saved' | 'error';
export type Answers = (boolean | null)[][];
type UndoneKind = 'score' | 'note' | 'household' | 'evidence';

/**
 * A change the core refused, shown next to its indicator, with what can be sent again: once a reason is given, or
 * as it is (a full disk: the value stays on screen until it is saved).
 */
export interface Refusal {
  error: AppError;
  retry:
    | { kind: 'score'; value: number | null }
    | { kind: 'household'; answers: Answers }
    | { kind: 'note'; note: string }
    | { kind: 'photo'; file: PhotoFile }
    | null;
}

/** A photo as the renderer sends it: the original bytes and the thumbnail it made. */
export interface PhotoFile {
  name: string;
  mime: ChannelInput<'evidence.add'>['mime'];
  bytes: Uint8Array;
  thumbnail?: Uint8Array;
}

interface ScoringState {
  session: SessionInfo | null;
  progress: SheetProgress[];
  site: string | null;
  sheet: ScoreSheet | null;
  /** Save states by indicator (scores, checklists) and by `note:<indicator>` (notes). */
  saveState: Record<string, SaveState>;
  review: ReviewProblem[] | null;
  /** Checklist answers as the juror last set them, until the core has them. */
  households: Record<string, Answers>;
  /** Notes as typed, until the core has them. */
  notes: Record<string, string>;
  refused: Record<string, Refusal>;
  /** What the last undo took back, for the toast. */
  undone: { kind: UndoneKind; indicator: string; n: number } | null;
  typeNote(indicator: string, note: string): void;
  /** Sends every note still being typed (keepalive: the page is going away). */
  flushNotes(keepalive?: boolean): Promise<void>;
  retryWithReason(indicator: string, reason: string): Promise<boolean>;
  /** Sends a refused change again as it was (after a full disk was freed). */
  retry(indicator: string): Promise<boolean>;
  dismissRefusal(indicator: string): void;
  loadSession(): Promise<void>;
  /**
   * Locks the session (the laptop left unused): what is being typed is saved first, then the core locks it. A juror
   * without a PIN is signed out instead. `known`: the session is already locked in the core (a write was refused).
   */
  lock(known?: boolean): Promise<void>;
  /** Shows the lock screen for a juror whose session the core no longer holds (the app restarted). */
  showLocked(session: SessionInfo): void;
  /** Why the lock screen shows: the laptop was left unused, or the app restarted. */
  lockReason: 'idle' | 'restart';
  enter(competition: string, juror: string, pin?: string): Promise<AppError | null>;
  leave(): Promise<void>;
  loadProgress(): Promise<void>;
  /** Opens a site's sheet; `focus`: the indicator to put the keyboard on once it is shown (else the first unscored). */
  openSite(site: string | null, focus?: string | null): Promise<void>;
  /** The indicator to bring back into view and focus once the sheet is shown (after a reload, a restart or a lock). */
  focus: string | null;
  clearFocus(): void;
  reloadSheet(): Promise<void>;
  setScore(indicator: string, value: number | null, reason?: string): Promise<boolean>;
  setNote(indicator: string, note: string): Promise<boolean>;
  setHousehold(indicator: string, answers: Answers, reason?: string): Promise<boolean>;
  undo(): Promise<void>;
  loadReview(): Promise<void>;
  finalise(signature: Uint8Array, pin?: string): Promise<AppError | null>;
  reopen(reason: string): Promise<AppError | null>;
  addEvidence(indicator: string, file: PhotoFile): Promise<boolean>;
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

/** A count per saved thing, so that only the latest change's answer clears what the screen shows meanwhile. */
const sequence: Record<string, number> = {};
const bump = (key: string): number => (sequence[key] = (sequence[key] ?? 0) + 1);
const noteTimers = new Map<string, number>();
const NOTE_DELAY_MS = 600;

type Address = { competition: string; juror: string; site: string };

/**
 * Writes the core refused because the session had locked meanwhile: kept, in order, with the sheet they were for,
 * and sent again once the juror has given their PIN, so that nothing typed before the lock is lost.
 */
const held: { at: Address; indicator: string; write: (at: Address) => Promise<Result<unknown>> }[] = [];

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const next = { ...record };
  delete next[key];
  return next;
}

export const useScoringStore = create<ScoringState>((set, get) => {
  /** The sheet's address, or null when none is open. */
  const where = () => {
    const { session, site } = get();
    return session && site ? { competition: session.competition, juror: session.juror, site } : null;
  };
  const mark = (indicator: string, state: SaveState) => set((s) => ({ saveState: { ...s.saveState, [indicator]: state } }));

  /**
   * One write of one indicator: marked saving, sent in order, marked saved (or refused: the message goes next to
   * the indicator), then the sheet reloaded.
   */
  async function saveCell(
    indicator: string,
    write: (at: { competition: string; juror: string; site: string }) => Promise<Result<unknown>>,
    progressChanges: boolean,
    retry: Refusal['retry'] = null,
  ): Promise<boolean> {
    const at = where();
    if (!at) return false;
    mark(indicator, 'saving');
    const result = await inOrder(() => write(at));
    if (!result.ok && result.error.key === 'session.idle') {
      held.push({ at, indicator, write });
      await get().lock(true);
      return false;
    }
    if (!result.ok) {
      mark(indicator, 'error');
      set((s) => ({ refused: { ...s.refused, [indicator]: { error: result.error, retry } } }));
      await get().reloadSheet();
      return false;
    }
    mark(indicator, 'saved');
    if (get().refused[indicator]) set((s) => ({ refused: without(s.refused, indicator) }));
    await Promise.all([get().reloadSheet(), progressChanges ? get().loadProgress() : undefined]);
    return true;
  }

  /** Sends the note being typed for one indicator (now, in order; or at once with keepalive when the page goes). */
  async function sendNote(indicator: string, keepalive: boolean): Promise<void> {
    window.clearTimeout(noteTimers.get(indicator));
    noteTimers.delete(indicator);
    const note = get().notes[indicator];
    const at = where();
    if (note === undefined || !at) return;
    const key = `note:${indicator}`;
    const mine = bump(key);
    mark(key, 'saving');
    const write = () => call('scoring.setNote', { ...at, indicator, note }, { keepalive });
    // Leaving the page: sent at once, not behind the queue (which would never run).
    const result = await (keepalive ? write() : inOrder(write));
    if (sequence[key] !== mine) return; // typed on since: the later write reports
    if (!result.ok && result.error.key === 'session.idle') {
      // Kept on screen and sent again after the PIN.
      held.push({ at, indicator: key, write: (to) => call('scoring.setNote', { ...to, indicator, note }) });
      await get().lock(true);
      return;
    }
    if (!result.ok) {
      mark(key, 'error');
      // The typed note stays in `notes` (on screen) and can be sent again as it is.
      set((s) => ({ refused: { ...s.refused, [indicator]: { error: result.error, retry: { kind: 'note', note } } } }));
      return;
    }
    await get().reloadSheet();
    if (sequence[key] !== mine) return;
    mark(key, 'saved');
    set((s) => ({
      notes: get().notes[indicator] === note ? without(s.notes, indicator) : s.notes,
      refused: s.refused[indicator]?.retry?.kind === 'note' ? without(s.refused, indicator) : s.refused,
    }));
  }

  return {
    session: null,
    progress: [],
    site: null,
    sheet: null,
    saveState: {},
    review: null,
    households: {},
    notes: {},
    refused: {},
    undone: null,
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
      else set({ session: result.value, site: null, sheet: null, saveState: {}, review: null, households: {}, notes: {}, refused: {} });
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
      await get().flushNotes();
      held.length = 0;
      await call('session.leave', {});
      useAppStore.getState().remember({ juror: null, site: null, indicator: null });
      set({ session: null, progress: [], site: null, sheet: null, saveState: {}, review: null });
    },
    lock: async (known) => {
      const session = get().session;
      if (!session) return;
      if (!known) {
        // What is being typed is sent first; the writes already on their way are let through.
        await get().flushNotes();
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
      await get().flushNotes();
      useAppStore.getState().remember({ site, indicator: focus ?? null });
      set({ site, sheet: null, saveState: {}, review: null, households: {}, notes: {}, refused: {}, undone: null, focus: focus ?? null });
      if (site) await get().reloadSheet();
    },
    reloadSheet: async () => {
      const at = where();
      if (!at) return;
      // Behind the writes already sent, so that an older answer never replaces a newer one.
      const result = await inOrder(() => call('scoring.sheet', at));
      if (!result.ok) return notify(result.error);
      if (get().site === at.site) set({ sheet: result.value });
    },
    setScore: (indicator, value, reason) =>
      saveCell(
        indicator,
        (at) => call('scoring.setScore', { ...at, indicator, value, ...(reason ? { reason } : {}) }, { keepalive: true }),
        true,
        {
          kind: 'score',
          value,
        },
      ),
    setNote: async (indicator, note) => {
      set((s) => ({ notes: { ...s.notes, [indicator]: note } }));
      await sendNote(indicator, false);
      return get().saveState[`note:${indicator}`] === 'saved';
    },
    typeNote: (indicator, note) => {
      set((s) => ({ notes: { ...s.notes, [indicator]: note } }));
      bump(`note:${indicator}`);
      mark(`note:${indicator}`, 'saving');
      window.clearTimeout(noteTimers.get(indicator));
      noteTimers.set(
        indicator,
        window.setTimeout(() => void sendNote(indicator, false), NOTE_DELAY_MS),
      );
    },
    flushNotes: async (keepalive = false) => {
      await Promise.all([...noteTimers.keys()].map((indicator) => sendNote(indicator, keepalive)));
    },
    setHousehold: async (indicator, answers, reason) => {
      const key = `household:${indicator}`;
      const mine = bump(key);
      set((s) => ({ households: { ...s.households, [indicator]: answers } }));
      const saved = await saveCell(
        indicator,
        (at) => call('scoring.setHousehold', { ...at, indicator, answers, ...(reason ? { reason } : {}) }, { keepalive: true }),
        true,
        { kind: 'household', answers },
      );
      // The latest tick's answer (or refusal) ends the wait: the screen shows what the core holds.
      if (sequence[key] === mine) set((s) => ({ households: without(s.households, indicator) }));
      return saved;
    },
    retryWithReason: async (indicator, reason) => {
      const refusal = get().refused[indicator];
      if (!refusal?.retry || refusal.retry.kind === 'note' || refusal.retry.kind === 'photo' || !reason.trim()) return false;
      return refusal.retry.kind === 'score'
        ? get().setScore(indicator, refusal.retry.value, reason.trim())
        : get().setHousehold(indicator, refusal.retry.answers, reason.trim());
    },
    retry: async (indicator) => {
      const again = get().refused[indicator]?.retry;
      if (!again) return false;
      if (again.kind === 'score') return get().setScore(indicator, again.value);
      if (again.kind === 'household') return get().setHousehold(indicator, again.answers);
      if (again.kind === 'photo') return get().addEvidence(indicator, again.file);
      return get().setNote(indicator, again.note);
    },
    dismissRefusal: (indicator) => set((s) => ({ refused: without(s.refused, indicator) })),
    undo: async () => {
      const at = where();
      if (!at) return;
      await get().flushNotes();
      const result = await inOrder(() => call('scoring.undo', at));
      if (!result.ok) return notify(result.error);
      const undone = result.value.undone;
      await Promise.all([get().reloadSheet(), get().loadProgress()]);
      if (undone?.indicator) {
        const indicator = undone.indicator;
        // What the screen showed of that indicator gives way to what the core now holds.
        bump(`note:${indicator}`);
        bump(`household:${indicator}`);
        set((s) => ({
          households: without(s.households, indicator),
          notes: without(s.notes, indicator),
          refused: without(s.refused, indicator),
          // An undone note is stored ("Tersimpan"); otherwise the score's state follows from what is stored now.
          saveState: undone.kind === 'note' ? { ...s.saveState, [`note:${indicator}`]: 'saved' } : without(s.saveState, indicator),
          undone: { kind: undone.kind as UndoneKind, indicator, n: (s.undone?.n ?? 0) + 1 },
        }));
      }
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
        { kind: 'photo', file },
      ),
    removeEvidence: async (uuid) => {
      const result = await inOrder(() => call('evidence.remove', { uuid }));
      if (!result.ok) return notify(result.error);
      await get().reloadSheet();
    },
  };
});

// A note typed just before the page is closed, reloaded or hidden still reaches the core.
if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => void useScoringStore.getState().flushNotes(true));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void useScoringStore.getState().flushNotes(true);
  });
}
