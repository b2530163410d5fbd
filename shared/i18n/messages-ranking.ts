/** Messages that explain a ranking: what decided a place, and the tie-break chain (shared/domain/explain.ts). */
import { catalogue } from './types.js';

export const rankingMessages = catalogue(
  {
    'ranking.decidedBy.tied': () => `Seri`,
    'ranking.decidedBy.pleno': () => `Keputusan rapat pleno`,
    'ranking.decidedBy.phase': (p) => `Tahap ${p.name}`,
    'ranking.decidedBy.aspect': (p) => `Aspek ${p.code}`,
    'ranking.tieBreak.none': () => `Nilai total yang sama berbagi peringkat; urutan penentu seri tidak ditetapkan.`,
    'ranking.tieBreak.chain': (p) => `Bila nilai total sama, penentu berikutnya berturut-turut: ${p.entries}.`,
    'ranking.tieBreak.phase': (p) => `nilai tahap ${p.name}`,
    'ranking.tieBreak.aspect': (p) => `nilai aspek ${p.code} (${p.name})`,
  },
  {
    'ranking.decidedBy.tied': () => `Tied`,
    'ranking.decidedBy.pleno': () => `The plenary's decision`,
    'ranking.decidedBy.phase': (p) => `Phase ${p.name}`,
    'ranking.decidedBy.aspect': (p) => `Aspect ${p.code}`,
    'ranking.tieBreak.none': () => `Equal totals share a rank; no tie-break chain is set.`,
    'ranking.tieBreak.chain': (p) => `When totals are equal, these decide in turn: ${p.entries}.`,
    'ranking.tieBreak.phase': (p) => `the points of phase ${p.name}`,
    'ranking.tieBreak.aspect': (p) => `the points of aspect ${p.code} (${p.name})`,
  },
);
