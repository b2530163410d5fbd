/** Messages that explain a ranking: what decided a place, and the tie-break chain (shared/domain/explain.ts). */
import { formatNumber } from '../domain/numbers.js';
import { catalogue, type Lang, type Params } from './types.js';

/** The two values that decided a place, at the competition's precision, in the reader's notation. */
const values = (p: Params, lang: Lang): string => {
  const precision = Number(p.precision);
  return `${formatNumber(Number(p.higher), precision, lang)} > ${formatNumber(Number(p.lower), precision, lang)}`;
};

export const rankingMessages = catalogue(
  {
    'ranking.decidedBy.tied': () => `Seri`,
    'ranking.decidedBy.pleno': () => `Keputusan rapat pleno`,
    'ranking.decidedBy.both': (p) => `${p.entries}`,
    'ranking.decidedBy.plenoReason': (p) => `Keputusan rapat pleno: ${p.reason}`,
    'ranking.decidedBy.phaseValues': (p) => `${p.above} di atas ${p.below}: nilai tahap ${p.code} ${values(p, 'id')}`,
    'ranking.decidedBy.aspectValues': (p) => `${p.above} di atas ${p.below}: nilai aspek ${p.code} ${values(p, 'id')}`,
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
    'ranking.decidedBy.both': (p) => `${p.entries}`,
    'ranking.decidedBy.plenoReason': (p) => `The plenary's decision: ${p.reason}`,
    'ranking.decidedBy.phaseValues': (p) => `${p.above} above ${p.below}: phase ${p.code} points ${values(p, 'en')}`,
    'ranking.decidedBy.aspectValues': (p) => `${p.above} above ${p.below}: aspect ${p.code} points ${values(p, 'en')}`,
    'ranking.decidedBy.phase': (p) => `Phase ${p.name}`,
    'ranking.decidedBy.aspect': (p) => `Aspect ${p.code}`,
    'ranking.tieBreak.none': () => `Equal totals share a rank; no tie-break chain is set.`,
    'ranking.tieBreak.chain': (p) => `When totals are equal, these decide in turn: ${p.entries}.`,
    'ranking.tieBreak.phase': (p) => `the points of phase ${p.name}`,
    'ranking.tieBreak.aspect': (p) => `the points of aspect ${p.code} (${p.name})`,
  },
);
