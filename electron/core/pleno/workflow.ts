/**
 * The plenary's steps (contract.md section 6), each one unit of the write gate with its ledger entry:
 * open (draft → pleno), decide (the jury's order for sites that share a rank), lock (pleno → locked: the snapshot),
 * reopen (locked or signed → pleno, the next revision, with a reason). What each step requires is checked before
 * anything is written; a refusal names its cause in the user's words.
 */
import type { PlenoTie, PlenoView } from '../../../shared/contract/pleno.js';
import { UserError } from '../../../shared/domain/errors.js';
import { isFrozen, lockBlockers, tieGroups, type PlenoState } from '../../../shared/domain/pleno.js';
import { rankSites } from '../../../shared/domain/ranking.js';
import { SECRETARIAT } from '../../../shared/domain/roles.js';
import type { Deps } from '../deps.js';
import type { Snapshot } from './repository.js';

/** The plenary as it stands: state, decisions (applied or void), ties left, what blocks locking, its history. */
export function plenoView(deps: Deps, competition: string): PlenoView {
  const { pleno, setup } = deps.repos;
  setup.loadCompetition(competition); // a clear refusal for an unknown code
  const status = pleno.status(competition);
  const official = pleno.official(competition);
  const labels = setup.rules(competition).labels;
  const ties: PlenoTie[] = tieGroups(official.ranking).map((g) => ({
    rank: g[0]!.rank,
    category: g[0]!.category,
    sites: g.map((s) => s.site),
    label: g[0]!.rank <= labels.length ? labels[g[0]!.rank - 1]! : null,
  }));
  return {
    competition,
    state: status.state,
    revision: status.revision,
    snapshot: status.snapshot,
    changedAt: status.changedAt,
    decisions: official.decisions,
    ties,
    blockers: isFrozen(status.state) ? [] : lockBlockers(official, labels),
    history: pleno.events(competition),
  };
}

function record(deps: Deps, competition: string, kind: string, revision: number, reason: string | null, detail: string | null): void {
  deps.repos.gate.append({
    competition,
    kind: kind as never,
    actor: SECRETARIAT,
    reason,
    payload: { v: 1, text: JSON.stringify({ revision, detail }) },
  });
}

function requireState(competition: string, state: PlenoState, revision: number, allowed: readonly PlenoState[]): void {
  if (allowed.includes(state)) return;
  if (isFrozen(state)) throw new UserError('pleno.locked', { competition, revision }, 'conflict');
  if (state === 'draft') throw new UserError('pleno.notOpen', { competition }, 'conflict');
  throw new UserError('pleno.alreadyOpen', { competition }, 'conflict');
}

/** Draft → pleno: the meeting is open; nothing is fixed yet. */
export function openPleno(deps: Deps, competition: string): PlenoView {
  const { pleno, gate } = deps.repos;
  gate.run({ competition, ranking: false }, () => {
    const status = pleno.status(competition);
    requireState(competition, status.state, status.revision, ['draft']);
    pleno.setState(competition, 'pleno', status.revision, deps.clock().toISOString(), null);
    record(deps, competition, 'pleno.open', status.revision, null, null);
  });
  return plenoView(deps, competition);
}

/**
 * The jury's order for sites that share one rank in the ranking of section 4 (all the sites of that rank, no
 * fewer): they take consecutive ranks in that order. A new decision on the same sites replaces the one before.
 */
export function decide(deps: Deps, competition: string, order: readonly string[], reason: string): PlenoView {
  const { pleno, gate, setup } = deps.repos;
  gate.run({ competition, ranking: false }, () => {
    const status = pleno.status(competition);
    requireState(competition, status.state, status.revision, ['pleno']);
    if (new Set(order).size !== order.length) throw new UserError('pleno.repeatedSite', { sites: order.join(', ') });
    const computed = rankSites(setup.rankingGrid(competition));
    const bySite = new Map(computed.ranking.map((r) => [r.site, r]));
    for (const site of order) if (!bySite.has(site)) throw new UserError('site.notFound', { code: site }, 'not-found');
    const group = tieGroups(computed.ranking).find((g) => g.some((s) => s.site === order[0]));
    const sameGroup = group !== undefined && order.every((site) => group.some((s) => s.site === site));
    if (!group || !sameGroup)
      throw new UserError('pleno.notTied', { sites: order.map((s) => `${s} (${bySite.get(s)!.rank})`).join(', ') }, 'conflict');
    if (group.length !== order.length)
      throw new UserError('pleno.wholeTie', { rank: group[0]!.rank, sites: group.map((s) => s.site).join(', ') }, 'conflict');
    pleno.putDecision(competition, order, reason, status.revision, deps.clock().toISOString());
    record(deps, competition, 'pleno.decide', status.revision, reason, order.join(' > '));
  });
  return plenoView(deps, competition);
}

/** Pleno → locked: every site complete, every sheet final, no labelled tie; the snapshot every report then reads. */
export function lock(deps: Deps, competition: string): PlenoView {
  const { pleno, gate, setup } = deps.repos;
  gate.run({ competition, ranking: false }, () => {
    const status = pleno.status(competition);
    requireState(competition, status.state, status.revision, ['pleno']);
    const input = setup.rankingInput(competition);
    const live = pleno.live(competition, input);
    const blocker = lockBlockers(live, input.rules.labels)[0];
    if (blocker) throw new UserError(blocker.key, blocker.params as never, 'conflict');
    const snapshot: Snapshot = {
      format: 'penilai.snapshot/1',
      competition,
      revision: status.revision,
      input,
      decisions: live.decisions,
      result: live,
    };
    const hash = pleno.setState(competition, 'locked', status.revision, deps.clock().toISOString(), snapshot);
    record(deps, competition, 'pleno.lock', status.revision, null, hash);
  });
  return plenoView(deps, competition);
}

/** Locked or signed → pleno, as the next revision, with the jury's reason. */
export function reopen(deps: Deps, competition: string, reason: string): PlenoView {
  const { pleno, gate } = deps.repos;
  gate.run({ competition, ranking: false }, () => {
    const status = pleno.status(competition);
    if (!isFrozen(status.state)) throw new UserError('pleno.notLockedReopen', { competition }, 'conflict');
    const revision = status.revision + 1;
    pleno.setState(competition, 'pleno', revision, deps.clock().toISOString(), null);
    record(deps, competition, 'pleno.reopen', revision, reason, null);
  });
  return plenoView(deps, competition);
}

/**
 * Locked → signed: every juror has signed the Berita Acara of this revision (the signatures domain checks the PDF and
 * asks through `Deps.signing`). Only the current locked revision with this snapshot moves; signed again: unchanged.
 */
export function markSigned(deps: Deps, competition: string, revision: number, snapshot: string, signers: readonly string[]): PlenoState {
  const { pleno, gate } = deps.repos;
  return gate.run({ competition, ranking: false }, () => {
    const status = pleno.status(competition);
    if (status.state === 'signed' && status.revision === revision && status.snapshot === snapshot) return status.state;
    if (status.state !== 'locked' || status.revision !== revision || status.snapshot !== snapshot)
      throw new UserError('pleno.signStale', { competition, revision, current: status.revision }, 'conflict');
    const hash = pleno.setState(competition, 'signed', revision, deps.clock().toISOString(), pleno.snapshot(competition));
    if (hash !== snapshot) throw new Error(`snapshot of ${competition} changed while signing`);
    record(deps, competition, 'pleno.sign', revision, null, signers.join(', '));
    return 'signed';
  });
}
