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

/** What `explainPlace` reads of a ranked site (an `OfficialSite` of the official ranking, or a `RankedSite`). */
export type PlaceSite = Pick<RankedSite, 'site' | 'decidedBy' | 'tied' | 'aspects' | 'phases'> & {
  decision?: { reason: string } | undefined;
};

/**
 * Why a site holds its place, as the Rekap screen, `rank` and the recap PDF all say it. `previous` is the site listed
 * just before it (null for the first), `precision` the competition's.
 * - Every site that shares its rank: tied ("Seri"), the first of the group as well as the others.
 * - A place settled by the tie-break chain: the values that decided it, the site above first ("S02 di atas S05: nilai
 *   tahap LAP 40,10 > 38,75"), both rounded at the competition's precision as the ranking compared them.
 * - A place settled by the plenary meeting: its decision and reason.
 * - A place decided by the total (or the first site): null, nothing to explain.
 */
export function explainPlace(site: PlaceSite, previous: PlaceSite | null, precision: number, names: ExplainNames): Explanation | null {
  const decided = site.decidedBy;
  if (decided === 'pleno') {
    const reason = site.decision?.reason.trim() ?? '';
    return reason ? { key: 'ranking.decidedBy.plenoReason', params: { reason } } : { key: 'ranking.decidedBy.pleno', params: {} };
  }
  const tied: Explanation | null = site.tied || decided === 'tied' ? { key: 'ranking.decidedBy.tied', params: {} } : null;
  const separated =
    decided === null || decided === 'total' || decided === 'tied' ? null : separation(site, previous, decided, precision, names);
  // The first of a tied group can be placed below the site before it by the chain: both are said.
  if (tied && separated) return { key: 'ranking.decidedBy.both', params: {}, parts: [tied, separated] };
  return tied ?? separated;
}

/** What the tie-break entry `decided` found between the site and the one listed before it. */
function separation(site: PlaceSite, previous: PlaceSite | null, decided: string, precision: number, names: ExplainNames): Explanation {
  const [kind, code] = splitTieBreak(decided);
  const name = nameOf(kind === 'phase' ? names.phases : names.aspects, code);
  if (!previous) {
    return kind === 'phase'
      ? { key: 'ranking.decidedBy.phase', params: { code, name } }
      : { key: 'ranking.decidedBy.aspect', params: { code, name } };
  }
  const valueOf = (s: PlaceSite) => (kind === 'phase' ? s.phases[code] : s.aspects[code]) ?? 0;
  return {
    key: kind === 'phase' ? 'ranking.decidedBy.phaseValues' : 'ranking.decidedBy.aspectValues',
    params: { above: previous.site, below: site.site, code, name, higher: valueOf(previous), lower: valueOf(site), precision },
  };
}

/** `explainPlace` for every site of a ranking, in its order. */
export function explainPlaces(ranking: { precision: number; ranking: readonly PlaceSite[] }, names: ExplainNames): (Explanation | null)[] {
  return ranking.ranking.map((r, i) => explainPlace(r, ranking.ranking[i - 1] ?? null, ranking.precision, names));
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
