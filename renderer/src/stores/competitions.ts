/** The competitions in the database and the one that is open. */
import { create } from 'zustand';
import type { ChannelInput, CompetitionDetail, CompetitionSummary } from '../../../shared/contract/schemas.js';
import type { AppError } from '../../../shared/domain/errors.js';
import { call } from '../api.js';
import { useAppStore } from './app.js';

interface CompetitionState {
  list: CompetitionSummary[] | null;
  detail: CompetitionDetail | null;
  loadList(): Promise<void>;
  open(code: string): Promise<boolean>;
  create(input: ChannelInput<'setup.create'>): Promise<{ ok: true } | { ok: false; error: AppError }>;
  openDemo(): Promise<void>;
  /** Closes the competition if it is the open one (it was archived or deleted). */
  forget(code: string): void;
}

/** The demo's code: DEMO, or DEMO-2, DEMO-3… when an earlier demo was deleted. */
export function isDemo(code: string): boolean {
  return /^DEMO(-\d+)?$/.test(code);
}

function fail(error: AppError): void {
  useAppStore.getState().setNotice({ kind: 'error', error });
}

export const useCompetitionStore = create<CompetitionState>((set, get) => ({
  list: null,
  detail: null,
  loadList: async () => {
    const result = await call('setup.list', {});
    if (!result.ok) return fail(result.error);
    set({ list: result.value });
    const current = useAppStore.getState().competition;
    if (current && result.value.some((c) => c.code === current)) await get().open(current);
    else if (current) useAppStore.getState().setCompetition(null);
  },
  open: async (code) => {
    const result = await call('setup.get', { code });
    if (!result.ok) {
      fail(result.error);
      return false;
    }
    useAppStore.getState().setCompetition(code);
    set({ detail: result.value });
    return true;
  },
  create: async (input) => {
    const result = await call('setup.create', input);
    if (!result.ok) return result;
    await get().loadList();
    await get().open(result.value.code);
    return { ok: true };
  },
  openDemo: async () => {
    let code = get().list?.find((c) => isDemo(c.code))?.code;
    if (!code) {
      const result = await call('setup.createDemo', {});
      if (!result.ok) return fail(result.error);
      code = result.value.code;
      await get().loadList();
    }
    await get().open(code);
  },
  forget: (code) => {
    if (useAppStore.getState().competition !== code) return;
    useAppStore.getState().setCompetition(null);
    set({ detail: null });
  },
}));
