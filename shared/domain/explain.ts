/**
 * What decided a site's place, and the tie-break chain, as message keys with parameters (never sentences): the
 * Rekap screen, the command line's `rank` and the recap PDF all explain a ranking through these functions and
 * render the keys in their reader's language (shared/i18n, messages-ranking.ts).
 */
import { t, type Lang, type MessageKey, type Params } from '../i18n/messages.js';
import { splitTieBreak } from './competition.js';
import type { RankedSite } from './ranking.js';

export interface Explanation {
  key: MessageKey;
  params: Params;
  /** Explanations listed inside this one (the entries of the tie-break chain), rendered and joined into `entries`. */
  parts?: Explanation[];
}

/** The names an explanation quotes: the instrument's phases and aspects. */
export interface ExplainNames {
  phases: readonly { code: string; name: string }[];
  aspects: readonly { code: string; name: string }[];
}

const nameOf = (list: readonly { code: string; name: string }[], code: string) => list.find((x) => x.code === code)?.name ?? code;

/**
 * Why a site holds its place. A place decided by the total (or a site alone in its group) needs no comment: null.
 * A tie that the whole chain left standing: tied. A tie-break entry: the phase by its name (phases have no column of
 * their own), the aspect by its code (the aspect columns are headed by their codes).
 */
export function explainPlace(site: Pick<RankedSite, 'decidedBy'>, names: ExplainNames): Explanation | null {
  const decided = site.decidedBy;
  if (decided === null || decided === 'total') return null;
  if (decided === 'tied') return { key: 'ranking.decidedBy.tied', params: {} };
  // Reserved by the contract for a tie settled by the plenary meeting.
  if (decided === 'pleno') return { key: 'ranking.decidedBy.pleno', params: {} };
  const [kind, code] = splitTieBreak(decided);
  return kind === 'phase'
    ? { key: 'ranking.decidedBy.phase', params: { code, name: nameOf(names.phases, code) } }
    : { key: 'ranking.decidedBy.aspect', params: { code, name: nameOf(names.aspects, code) } };
}

/** The tie-break chain in a sentence: which values separate equal totals, in turn, or that none is set. */
export function explainTieBreak(tieBreak: readonly string[], names: ExplainNames): Explanation {
  if (tieBreak.length === 0) return { key: 'ranking.tieBreak.none', params: {} };
  const parts = tieBreak.map((entry): Explanation => {
    const [kind, code] = splitTieBreak(entry);
    return kind === 'phase'
      ? { key: 'ranking.tieBreak.phase', params: { code, name: nameOf(names.phases, code) } }
      : { key: 'ranking.tieBreak.aspect', params: { code, name: nameOf(names.aspects, code) } };
  });
  return { key: 'ranking.tieBreak.chain', params: {}, parts };
}

/** An explanation in the reader's language. */
export function explanationText(lang: Lang, explanation: Explanation): string {
  const parts = explanation.parts?.map((p) => explanationText(lang, p)).join('; ');
  return t(lang, explanation.key, parts === undefined ? explanation.params : { ...explanation.params, entries: parts });
}
