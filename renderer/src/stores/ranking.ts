/** The ranking of the open competition, recomputed by the core on every visit. */
import { create } from 'zustand';
import type { Ranking } from '../../../shared/domain/ranking.js';
import { call } from '../api.js';
import { useAppStore } from './app.js';

interface RankingState {
  ranking: Ranking | null;
  load(competition: string): Promise<void>;
}

export const useRankingStore = create<RankingState>((set) => ({
  ranking: null,
  load: async (competition) => {
    const result = await call('compile.ranking', { competition });
    if (!result.ok) return useAppStore.getState().setNotice({ kind: 'error', error: result.error });
    set({ ranking: result.value });
  },
}));
