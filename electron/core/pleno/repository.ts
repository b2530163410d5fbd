/**
 * The pleno domain's tables (schema 8): a competition's result state, revision and locked snapshot (`pleno`), and
 * the jury's decisions on ties (`pleno_decision`). The only SQL of the domain. `official` is the ranking every
 * report, `rank` and the UI read: the locked snapshot while the result is locked or signed, else the ranking of
 * contract section 4 with the decisions in force applied (shared/domain/pleno.ts).
 */
import { canonicalJson } from '../../../shared/domain/canonical.js';
import {
  applyDecisions,
  changesRanking,
  isFrozen,
  type DecisionStatus,
  type OfficialRanking,
  type PlenoDecision,
  type PlenoState,
} from '../../../shared/domain/pleno.js';
import { rankSites, type GridRankingInput, type Ranking, type RankingInput } from '../../../shared/domain/ranking.js';
import { UserError } from '../../../shared/domain/errors.js';
import type { PlenoEvent } from '../../../shared/contract/pleno.js';
import type { Db } from '../platform/database.js';
import type { WriteGate } from '../platform/gate.js';
import { sha256 } from '../platform/hash.js';

export interface PlenoStatus {
  state: PlenoState;
  revision: number;
  snapshot: string | null;
  changedAt: string | null;
}

/** The locked snapshot as stored (canonical JSON): what the ranking was computed from, and what it was. */
export interface Snapshot {
  format: 'penilai.snapshot/1';
  competition: string;
  revision: number;
  input: RankingInput;
  decisions: DecisionStatus[];
  result: Omit<OfficialRanking, 'state' | 'revision' | 'snapshot'>;
}

export class PlenoRepository {
  constructor(
    readonly db: Db,
    private readonly gate: WriteGate,
    /** What the ranking is computed from (the setup repository's `rankingGrid`, given by the wiring). */
    private readonly rankingInput: (code: string) => GridRankingInput,
  ) {
    // While a result is locked, no entry that would alter its ranking is written, whoever writes it.
    gate.guardEntries((entry, memo) => {
      if (!changesRanking(entry)) return;
      const key = `pleno:${entry.competition}`;
      let status = memo.get(key) as PlenoStatus | null | undefined;
      if (status === undefined) {
        status = this.statusOrNull(entry.competition);
        memo.set(key, status);
      }
      if (status !== null && isFrozen(status.state)) this.requireUnlocked(entry.competition);
    });
  }

  private competitionId(code: string): number | null {
    return this.db.prepare<[string], { id: number }>('SELECT id FROM competition WHERE code = ?').get(code)?.id ?? null;
  }

  private statusOrNull(code: string): PlenoStatus | null {
    const row = this.db
      .prepare<[string], { state: PlenoState; revision: number; snapshot_sha256: string | null; changed_at: string }>(
        `SELECT p.state, p.revision, p.snapshot_sha256, p.changed_at FROM pleno p JOIN competition c ON c.id = p.competition_id
         WHERE c.code = ?`,
      )
      .get(code);
    return row ? { state: row.state, revision: row.revision, snapshot: row.snapshot_sha256, changedAt: row.changed_at } : null;
  }

  /** The result's state: draft (revision 0) until the pleno is opened. */
  status(code: string): PlenoStatus {
    return this.statusOrNull(code) ?? { state: 'draft', revision: 0, snapshot: null, changedAt: null };
  }

  /** Refuses (as the write gate would) when the result is locked or signed: for checks made before any write. */
  requireUnlocked(code: string): void {
    const status = this.statusOrNull(code);
    if (status !== null && isFrozen(status.state))
      throw new UserError('pleno.locked', { competition: code, revision: status.revision }, 'conflict');
  }

  /** The decisions in force (not replaced), oldest first. */
  decisions(code: string): PlenoDecision[] {
    return this.db
      .prepare<[string], { id: number; order_codes: string; reason: string; at: string; revision: number }>(
        `SELECT d.id, d.order_codes, d.reason, d.at, d.revision FROM pleno_decision d JOIN competition c ON c.id = d.competition_id
         WHERE c.code = ? AND d.replaced_at IS NULL ORDER BY d.id`,
      )
      .all(code)
      .map((r) => ({ id: r.id, order: JSON.parse(r.order_codes) as string[], reason: r.reason, at: r.at, revision: r.revision }));
  }

  /** The ranking of section 4 computed now, with the decisions in force applied (never the snapshot). */
  live(
    code: string,
    input: RankingInput | GridRankingInput = this.rankingInput(code),
  ): Omit<OfficialRanking, 'state' | 'revision' | 'snapshot'> {
    const computed: Ranking = rankSites(input);
    const { ranking, decisions } = applyDecisions(computed, this.decisions(code), input.rules.labels);
    return { ...computed, ranking, decisions };
  }

  /** The official ranking: the snapshot while locked or signed, else the live one. */
  official(code: string): OfficialRanking {
    const status = this.status(code);
    if (isFrozen(status.state)) {
      const snapshot = this.snapshot(code);
      return { ...snapshot.result, state: status.state, revision: status.revision, snapshot: status.snapshot };
    }
    return { ...this.live(code), state: status.state, revision: status.revision, snapshot: null };
  }

  /** The locked snapshot (only while locked or signed). */
  snapshot(code: string): Snapshot {
    const row = this.db
      .prepare<[string], { snapshot: string | null }>(
        'SELECT p.snapshot FROM pleno p JOIN competition c ON c.id = p.competition_id WHERE c.code = ?',
      )
      .get(code);
    if (!row?.snapshot) throw new UserError('pleno.notLocked', { competition: code }, 'conflict');
    return JSON.parse(row.snapshot) as Snapshot;
  }

  // ------------------------------------------------------------- writes (inside a unit of the gate)

  /** Sets the state (and the snapshot when locking; cleared otherwise). */
  setState(code: string, state: PlenoState, revision: number, at: string, snapshot: Snapshot | null): string | null {
    const id = this.competitionId(code);
    if (id === null) throw new UserError('competition.notFound', { code }, 'not-found');
    const text = snapshot === null ? null : canonicalJson(snapshot);
    const hash = text === null ? null : sha256(text);
    this.db
      .prepare(
        `INSERT INTO pleno (competition_id, state, revision, snapshot, snapshot_sha256, changed_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (competition_id) DO UPDATE SET state = excluded.state, revision = excluded.revision,
           snapshot = excluded.snapshot, snapshot_sha256 = excluded.snapshot_sha256, changed_at = excluded.changed_at`,
      )
      .run(id, state, revision, text, hash, at);
    return hash;
  }

  /** The plenary's steps as the ledger records them, oldest first. */
  events(code: string): PlenoEvent[] {
    return this.db
      .prepare<[string], { kind: PlenoEvent['kind']; at: string; actor: string; reason: string | null; payload: string | null }>(
        `SELECT kind, at, actor, reason, payload FROM history WHERE competition = ? AND juror IS NULL AND kind LIKE 'pleno.%' ORDER BY id`,
      )
      .all(code)
      .map((r) => {
        const p = r.payload ? (JSON.parse(r.payload) as { revision?: number; detail?: string | null }) : {};
        return { kind: r.kind, at: r.at, actor: r.actor, reason: r.reason, revision: p.revision ?? 0, detail: p.detail ?? null };
      });
  }

  /** Records a decision, replacing one in force on the same sites. */
  putDecision(code: string, order: readonly string[], reason: string, revision: number, at: string): number {
    const id = this.competitionId(code);
    if (id === null) throw new UserError('competition.notFound', { code }, 'not-found');
    const sites = JSON.stringify([...order].sort());
    this.db
      .prepare('UPDATE pleno_decision SET replaced_at = ? WHERE competition_id = ? AND sites = ? AND replaced_at IS NULL')
      .run(at, id, sites);
    return Number(
      this.db
        .prepare('INSERT INTO pleno_decision (competition_id, revision, sites, order_codes, reason, at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, revision, sites, JSON.stringify(order), reason, at).lastInsertRowid,
    );
  }
}
