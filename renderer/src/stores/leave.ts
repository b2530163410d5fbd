/**
 * The question before unsaved setup edits are left behind (another screen, another competition, the other side of
 * the setup tabs). Kept apart from the setup store, which validates with zod and loads with the setup workspace, so
 * that the first screen can ask it without loading zod. The setup store keeps `unsaved` current and says how to
 * discard.
 */
import { create } from 'zustand';

/** Which unsaved edits a step would leave: all of them (another screen or competition), or one side of the tabs. */
export type LeaveScope = 'all' | 'draft' | 'instrument';

interface LeaveState {
  /** The competition whose setup has the edits, and which side of the tabs they are on. */
  code: string | null;
  unsaved: { draft: boolean; instrument: boolean };
  /** A step waiting for the person's answer about unsaved edits. */
  pending: { proceed: () => void; scope: LeaveScope } | null;
  /** What discarding the edits of a scope does (the setup store sets it). */
  discarder: ((scope: LeaveScope) => void) | null;
  /** Runs `proceed` at once when nothing is unsaved; otherwise asks first (see LeaveDialog). */
  guardLeave(proceed: () => void, scope?: LeaveScope): void;
  answerLeave(discard: boolean): void;
}

export const useLeaveStore = create<LeaveState>((set, get) => ({
  code: null,
  unsaved: { draft: false, instrument: false },
  pending: null,
  discarder: null,
  guardLeave: (proceed, scope = 'all') => {
    const { draft, instrument } = get().unsaved;
    const unsaved = scope === 'draft' ? draft : scope === 'instrument' ? instrument : draft || instrument;
    if (unsaved) set({ pending: { proceed, scope } });
    else proceed();
  },
  answerLeave: (discard) => {
    const pending = get().pending;
    set({ pending: null });
    if (!discard || !pending) return;
    get().discarder?.(pending.scope);
    pending.proceed();
  },
}));

/** Whether the open setup has edits not yet saved. */
export function hasUnsaved(): boolean {
  const { draft, instrument } = useLeaveStore.getState().unsaved;
  return draft || instrument;
}
