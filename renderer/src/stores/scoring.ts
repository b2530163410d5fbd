/** One juror scoring one site: the sheet, and the save state of every indicator (each change is saved at once). */
import { create } from 'zustand';
import type { ScoreSheet } from '../../../shared/contract/schemas.js';
import { call } from '../api.js';
import { useAppStore } from './app.js';

export type SaveState = 'saving' | 'saved' | 'error';

interface ScoringState {
  juror: string | null;
  site: string | null;
  sheet: ScoreSheet | null;
  progress: Record<string, { scored: number; total: number; finalised: boolean }>;
  saveState: Record<string, SaveState>;
  reset(): void;
  selectJuror(competition: string, juror: string, sites: string[]): Promise<void>;
  selectSite(competition: string, site: string): Promise<void>;
  setScore(indicator: string, value: number | null): Promise<void>;
}

function progressOf(sheet: ScoreSheet) {
  const eligible = new Set(sheet.eligible);
  return { scored: sheet.scores.filter((s) => eligible.has(s.indicator)).length, total: sheet.eligible.length, finalised: sheet.finalised };
}

export const useScoringStore = create<ScoringState>((set, get) => ({
  juror: null,
  site: null,
  sheet: null,
  progress: {},
  saveState: {},
  reset: () => set({ juror: null, site: null, sheet: null, progress: {}, saveState: {} }),
  selectJuror: async (competition, juror, sites) => {
    set({ juror, site: null, sheet: null, progress: {}, saveState: {} });
    const progress: ScoringState['progress'] = {};
    for (const site of sites) {
      const result = await call('scoring.sheet', { competition, juror, site });
      if (result.ok) progress[site] = progressOf(result.value);
    }
    if (get().juror === juror) set({ progress });
  },
  selectSite: async (competition, site) => {
    const juror = get().juror;
    if (!juror) return;
    const result = await call('scoring.sheet', { competition, juror, site });
    if (!result.ok) return useAppStore.getState().setNotice({ kind: 'error', error: result.error });
    set({ site, sheet: result.value, saveState: {} });
  },
  setScore: async (indicator, value) => {
    const { sheet } = get();
    if (!sheet) return;
    set((s) => ({ saveState: { ...s.saveState, [indicator]: 'saving' } }));
    const result = await call('scoring.setScore', { competition: sheet.competition, juror: sheet.juror, site: sheet.site, indicator, value });
    if (!result.ok) {
      set((s) => ({ saveState: { ...s.saveState, [indicator]: 'error' } }));
      return useAppStore.getState().setNotice({ kind: 'error', error: result.error });
    }
    set((s) => {
      if (!s.sheet || s.sheet.site !== sheet.site || s.sheet.juror !== sheet.juror) return {};
      const others = s.sheet.scores.filter((x) => x.indicator !== indicator);
      const scores =
        value === null ? others : [...others, { indicator, value, note: null, updatedAt: result.value.savedAt }];
      const next = { ...s.sheet, scores };
      return { sheet: next, saveState: { ...s.saveState, [indicator]: 'saved' }, progress: { ...s.progress, [sheet.site]: progressOf(next) } };
    });
  },
}));
