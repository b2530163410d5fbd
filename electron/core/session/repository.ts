/**
 * The session's one table, `pin_lockout` (migration 011): wrong-PIN counts and lock-outs per competition and
 * subject (a juror's code, or '' for the secretariat), in the database so that a restart or a second process
 * counts the same tries. Each change is one unit of the write gate (`BEGIN IMMEDIATE`: the write lock at once, so
 * two processes cannot both read a count before either adds to it). Laptop state, not competition data: no ledger
 * entry (as the session itself).
 */
import type { Db } from '../platform/database.js';
import type { WriteGate } from '../platform/gate.js';

export const PIN_ATTEMPTS = 5;
/** The first lock-out; each one after it in a row lasts twice as long, up to PIN_LOCK_MAX_MS. */
export const PIN_LOCK_MS = 30_000;
export const PIN_LOCK_MAX_MS = 60 * 60_000;

interface Row {
  failures: number;
  lockouts: number;
  locked_until: number;
}

/** A try counted before the PIN is compared: `locked` (seconds left) when refused, else the try was counted. */
export type Reservation = { locked: number } | { locked: null };

export class PinLockouts {
  constructor(
    private readonly db: Db,
    private readonly gate: WriteGate,
  ) {}

  private competitionId(competition: string): number | undefined {
    return this.db.prepare<[string], number>('SELECT id FROM competition WHERE code = ?').pluck().get(competition);
  }

  private row(id: number, subject: string): Row | undefined {
    return this.db
      .prepare<[number, string], Row>('SELECT failures, lockouts, locked_until FROM pin_lockout WHERE competition_id = ? AND subject = ?')
      .get(id, subject);
  }

  /**
   * Counts one try before its PIN is compared (so that tries running at once, here or in another process, are all
   * counted): refused while locked out; the PIN_ATTEMPTS-th try in a row starts a lock-out at once (it is still
   * compared, and a right PIN ends the lock-out again).
   */
  reserve(competition: string, subject: string, now: number): Reservation {
    return this.gate.run({ competition: null }, () => {
      const id = this.competitionId(competition);
      if (id === undefined) return { locked: null };
      const row = this.row(id, subject) ?? { failures: 0, lockouts: 0, locked_until: 0 };
      if (row.locked_until > now) return { locked: Math.ceil((row.locked_until - now) / 1000) };
      let { failures, lockouts, locked_until: until } = row;
      failures += 1;
      if (failures >= PIN_ATTEMPTS) {
        lockouts += 1;
        until = now + Math.min(PIN_LOCK_MS * 2 ** Math.min(lockouts - 1, 20), PIN_LOCK_MAX_MS);
        failures = 0;
      }
      this.db
        .prepare(
          `INSERT INTO pin_lockout (competition_id, subject, failures, lockouts, locked_until) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (competition_id, subject) DO UPDATE SET failures = excluded.failures, lockouts = excluded.lockouts,
           locked_until = excluded.locked_until`,
        )
        .run(id, subject, failures, lockouts, until);
      return { locked: null };
    });
  }

  /** Forgets the subject's tries and lock-outs: the right PIN was given, or a new PIN was set. */
  clear(competition: string, subject: string): void {
    this.gate.run({ competition: null }, () => {
      const id = this.competitionId(competition);
      if (id !== undefined) this.db.prepare('DELETE FROM pin_lockout WHERE competition_id = ? AND subject = ?').run(id, subject);
    });
  }

  /** The subject's counts as stored (tests and the audit read them). */
  state(competition: string, subject: string): { failures: number; lockouts: number; lockedUntil: number } | null {
    const id = this.competitionId(competition);
    const row = id === undefined ? undefined : this.row(id, subject);
    return row ? { failures: row.failures, lockouts: row.lockouts, lockedUntil: row.locked_until } : null;
  }
}
