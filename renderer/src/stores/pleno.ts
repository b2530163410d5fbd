/**
 * The plenary meeting of the open competition (channels `pleno.*`): its view as the core answers it, the official
 * ranking beside it, and the analysis the jury reads while it decides (channels `analysis.*`, read-only).
 */
import { create } from 'zustand';
import type { AnalysisResults } from '../../../shared/contract/analysis.js';
import { isChannel } from '../../../shared/contract/channels.js';
import type { PlenoView } from '../../../shared/contract/pleno.js';
import type { Result } from '../../../shared/contract/schemas.js';
import type { AppError } from '../../../shared/domain/errors.js';
import type { OfficialRanking } from '../../../shared/domain/pleno.js';
import { call } from '../api.js';
import { useAppStore } from './app.js';

type AnalysisChannel = keyof AnalysisResults;

/** One analysis as the screen holds it: not asked yet, not in this version of the core, refused, or its result. */
export type AnalysisState<C extends AnalysisChannel> =
  { status: 'loading' } | { status: 'unavailable' } | { status: 'error'; error: AppError } | { status: 'ready'; value: AnalysisResults[C] };

/** Asks the core for one analysis; a core without the channel answers "unavailable" (the panels say so). */
async function analysis<C extends AnalysisChannel>(channel: C, competition: string): Promise<AnalysisState<C>> {
  if (!isChannel(channel)) return { status: 'unavailable' };
  const ask = call as unknown as (name: string, input: { competition: string }) => Promise<Result<AnalysisResults[C]>>;
  const result = await ask(channel, { competition });
  if (result.ok) return { status: 'ready', value: result.value };
  if (result.error.code === 'not-found' && result.error.key === 'error.unknownChannel') return { status: 'unavailable' };
  return { status: 'error', error: result.error };
}

interface PlenoState {
  competition: string | null;
  view: PlenoView | null;
  ranking: OfficialRanking | null;
  agreement: AnalysisState<'analysis.agreement'>;
  sensitivity: AnalysisState<'analysis.sensitivity'>;
  views: AnalysisState<'analysis.views'>;
  load(competition: string): Promise<void>;
  loadAnalysis(competition: string): Promise<void>;
  open(): Promise<AppError | null>;
  decide(order: string[], reason: string): Promise<AppError | null>;
  lock(): Promise<AppError | null>;
  reopen(reason: string): Promise<AppError | null>;
}

export const usePlenoStore = create<PlenoState>((set, get) => {
  /** Runs one step of the plenary; on success the view it answers and the ranking as it now stands are shown. */
  async function step(run: (competition: string) => Promise<Result<PlenoView>>): Promise<AppError | null> {
    const competition = get().competition;
    if (!competition) return null;
    const result = await run(competition);
    if (!result.ok) return result.error;
    set({ view: result.value });
    await loadRanking(competition);
    return null;
  }

  async function loadRanking(competition: string): Promise<void> {
    const ranking = await call('compile.ranking', { competition });
    if (ranking.ok && get().competition === competition) set({ ranking: ranking.value });
  }

  return {
    competition: null,
    view: null,
    ranking: null,
    agreement: { status: 'loading' },
    sensitivity: { status: 'loading' },
    views: { status: 'loading' },
    load: async (competition) => {
      if (get().competition !== competition) set({ competition, view: null, ranking: null });
      const [view] = await Promise.all([call('pleno.status', { competition }), loadRanking(competition)]);
      if (!view.ok) return useAppStore.getState().setNotice({ kind: 'error', error: view.error });
      if (get().competition === competition) set({ view: view.value });
    },
    loadAnalysis: async (competition) => {
      set({ agreement: { status: 'loading' }, sensitivity: { status: 'loading' }, views: { status: 'loading' } });
      const [agreement, sensitivity, views] = await Promise.all([
        analysis('analysis.agreement', competition),
        analysis('analysis.sensitivity', competition),
        analysis('analysis.views', competition),
      ]);
      if (get().competition === competition) set({ agreement, sensitivity, views });
    },
    open: () => step((competition) => call('pleno.open', { competition })),
    decide: (order, reason) => step((competition) => call('pleno.decide', { competition, order, reason })),
    lock: () => step((competition) => call('pleno.lock', { competition })),
    reopen: (reason) => step((competition) => call('pleno.reopen', { competition, reason })),
  };
});
