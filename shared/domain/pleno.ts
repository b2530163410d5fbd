/**
 * The plenary meeting (contract.md section 6), pure: the states of a competition's result, the jury's decisions
 * on ties the rules leave, what locking requires, and which changes would alter a locked ranking. The pleno domain
 * (electron/core/pleno/) stores states, decisions and snapshots; `rank`, the UI and every document read the
 * official ranking this file's `applyDecisions` makes.
 */
import type { Ranking, RankedSite } from './ranking.js';

export const PLENO_STATES = ['draft', 'pleno', 'locked', 'signed'] as const;
export type PlenoState = (typeof PLENO_STATES)[number];

/** Whether the result is frozen: a locked (or signed) ranking refuses every change that would alter it. */
export const isFrozen = (state: PlenoState): boolean => state === 'locked' || state === 'signed';

/** A decision of the jury: the order of sites that shared one rank, with its reason. */
export interface PlenoDecision {
  id: number;
  /** The sites, in the order the jury placed them (first = best). */
  order: string[];
  reason: string;
  at: string;
  /** The revision during which it was recorded. */
  revision: number;
}

/** A decision as it stands against the ranking computed now: applied, or void (its sites no longer share a rank). */
export interface DecisionStatus extends PlenoDecision {
  status: 'applied' | 'void';
  /** The rank the sites shared (applied), else null. */
  rank: number | null;
}

export interface OfficialSite extends RankedSite {
  /** Set when the place was settled by the plenary meeting (`decidedBy: "pleno"`). */
  decision?: { reason: string; at: string };
}

/** The ranking every report, `rank` and the UI show: section 4's, with the jury's decisions, and its state. */
export interface OfficialRanking extends Omit<Ranking, 'ranking'> {
  ranking: OfficialSite[];
  state: PlenoState;
  /** 0 until a locked result is reopened; then 1, 2 … */
  revision: number;
  /** The SHA-256 of the locked snapshot the ranking comes from, else null. */
  snapshot: string | null;
  decisions: DecisionStatus[];
}

/**
 * The groups of sites sharing one rank, within their ranking group, in ranking order. A ranking group (the whole
 * ranking, or one category with `rankBy: category`) starts at a site with `decidedBy: null`: with `rankBy: all`, sites
 * of different categories that share a rank are one tie.
 */
export function tieGroups(ranking: readonly RankedSite[]): RankedSite[][] {
  const groups: RankedSite[][] = [];
  let current: RankedSite[] = [];
  for (const r of ranking) {
    const prev = current[current.length - 1];
    if (prev && prev.rank === r.rank && r.decidedBy !== null) current.push(r);
    else {
      if (current.length > 1) groups.push(current);
      current = [r];
    }
  }
  if (current.length > 1) groups.push(current);
  return groups;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/**
 * Applies the jury's decisions to a ranking computed by section 4. A decision applies when its sites are exactly
 * the sites that share one rank: they take consecutive ranks in the jury's order, none is tied any more, every site
 * after the first says `decidedBy: "pleno"` with the decision, and labels follow the new ranks. A decision whose
 * sites no longer share a rank (a score changed, a site joined the tie) is void and changes nothing.
 * Later decisions on the same sites replace earlier ones (the caller passes only those in force).
 */
export function applyDecisions(
  ranking: Ranking,
  decisions: readonly PlenoDecision[],
  labels: readonly string[],
): { ranking: OfficialSite[]; decisions: DecisionStatus[] } {
  const sites: OfficialSite[] = ranking.ranking.map((r) => ({ ...r }));
  const groups = tieGroups(sites);
  const statuses: DecisionStatus[] = decisions.map((d) => {
    const group = groups.find((g) =>
      sameSet(
        g.map((s) => s.site),
        d.order,
      ),
    );
    if (!group) return { ...d, status: 'void', rank: null };
    const rank = group[0]!.rank;
    const first = sites.indexOf(group[0]!);
    const bySite = new Map(group.map((s) => [s.site, s]));
    const ordered = d.order.map((code) => bySite.get(code)!);
    ordered.forEach((s, i) => {
      const placed: OfficialSite = { ...s, rank: rank + i, tied: false };
      if (i > 0) {
        placed.decidedBy = 'pleno';
        placed.decision = { reason: d.reason, at: d.at };
      } else placed.decidedBy = group[0]!.decidedBy;
      placed.label = placed.complete && placed.rank <= labels.length ? labels[placed.rank - 1]! : null;
      sites[first + i] = placed;
    });
    return { ...d, status: 'applied', rank };
  });
  return { ranking: sites, decisions: statuses };
}

/** Why a result cannot be locked yet, as message keys with parameters; empty when it can. */
export type LockBlocker =
  | { key: 'pleno.block.incomplete'; params: { sites: string } }
  | { key: 'pleno.block.notFinalised'; params: Record<string, never> }
  | { key: 'pleno.block.tie'; params: { sites: string; rank: number; label: string } }
  | { key: 'pleno.block.noSites'; params: Record<string, never> };

/**
 * Locking requires every site complete, every sheet finalised, and no group of sites that still share a rank
 * holding a label (a tie the rules leave on a Juara or Harapan place must be decided by the jury first).
 */
export function lockBlockers(ranking: Pick<OfficialRanking, 'ranking' | 'finalised'>, labels: readonly string[]): LockBlocker[] {
  const blockers: LockBlocker[] = [];
  if (ranking.ranking.length === 0) blockers.push({ key: 'pleno.block.noSites', params: {} });
  const incomplete = ranking.ranking.filter((r) => !r.complete).map((r) => r.site);
  if (incomplete.length > 0) blockers.push({ key: 'pleno.block.incomplete', params: { sites: incomplete.join(', ') } });
  if (!ranking.finalised) blockers.push({ key: 'pleno.block.notFinalised', params: {} });
  for (const group of tieGroups(ranking.ranking)) {
    const rank = group[0]!.rank;
    if (rank <= labels.length)
      blockers.push({ key: 'pleno.block.tie', params: { sites: group.map((s) => s.site).join(', '), rank, label: labels[rank - 1]! } });
  }
  return blockers;
}

/** The kinds of ledger entry that always change what the ranking reads. */
const RANKING_KINDS = new Set(['score', 'household', 'finalise', 'reopen', 'setup.rules', 'setup.instrument', 'setup.site']);

/**
 * Whether a change recorded by this ledger entry would alter the ranking (or the result it prints): a score, a
 * household checklist, a finalisation or reopening, the rules, the instrument (weights, scales), a site; a juror
 * added or removed, or their aspects or recusals changed. A note, a photo, a PIN, a juror's name or NIP, the
 * competition's name and dates do not. One rule: the write gate refuses by it while the result is locked.
 */
export function changesRanking(entry: { kind: string; payload?: string | null | { text: string } }): boolean {
  if (RANKING_KINDS.has(entry.kind)) return true;
  if (entry.kind !== 'setup.juror') return false;
  const text = typeof entry.payload === 'string' ? entry.payload : (entry.payload?.text ?? null);
  if (text === null) return true;
  try {
    const change = JSON.parse(text) as { before?: JurorShape | null; after?: JurorShape | null };
    const before = change.before ?? null;
    const after = change.after ?? null;
    if (before === null || after === null) return true;
    return !sameList(before.aspects ?? null, after.aspects ?? null) || !sameList(before.recusedSites ?? [], after.recusedSites ?? []);
  } catch {
    return true;
  }
}

interface JurorShape {
  aspects?: string[] | null;
  recusedSites?: string[];
}

const sameList = (a: readonly string[] | null, b: readonly string[] | null): boolean =>
  a === null || b === null ? a === b : sameSet(a, b);
