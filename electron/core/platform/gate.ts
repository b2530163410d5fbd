/**
 * The one write gate (architecture.md point 15): every change of every domain runs as one unit of work here.
 * - One transaction that takes the write lock at once (`BEGIN IMMEDIATE`), so the ledger's chain head cannot be
 *   read by two writers; inside a caller's unit it is a savepoint of that unit.
 * - The competition's state is checked first by the guards the domains register, and every ledger entry a unit
 *   writes (its own, or received from another laptop) by the entry guards: the pleno domain refuses, while a result
 *   is locked, every entry that would alter the ranking (shared/domain/pleno.ts `changesRanking`), so no domain can
 *   forget it and no path around it exists.
 * - The ledger entries are appended inside the same transaction as the rows they describe: both or neither; the
 *   outermost unit then signs this device's new chain head with its key (`ledger_seal`, schema 10).
 * - After the outermost unit commits (never after a rollback), the after-commit hooks run with the entries it
 *   wrote: the place for backups and events. A hook that throws is logged and does not undo the commit.
 */
import type { HistoryEntry } from '../../../shared/contract/schemas.js';
import type { Db } from './database.js';
import type { AppendEntry, Ledger, LedgerFields } from './ledger.js';

/** What a unit of work may do besides its own SQL: append to the ledger. */
export interface UnitOfWork {
  append(entry: AppendEntry): HistoryEntry;
  /** For many entries at once (bulk loads): keeps the chain head in hand. */
  appender(): (entry: AppendEntry) => HistoryEntry;
  /** Stores an entry of another device's chain verbatim (a score package; its link and hash checked by the caller). */
  receive(entry: ReceivedEntry): HistoryEntry;
  /** Stores the link of another device's entry that was not carried whole. */
  link(chain: string, seq: number, prevHash: string, hash: string): void;
}

export type ReceivedEntry = LedgerFields & { format: 1 | 2; prevHash: string; hash: string };

/** A check of a competition's state before a change; throws a UserError to refuse it. */
export type Guard = (competition: string, change: { ranking: boolean }) => void;
/** What an entry guard sees of each entry a unit writes. */
export interface GuardedEntry {
  competition: string;
  kind: string;
  /** The payload's JSON text (setup kinds), or null. */
  payload: string | null;
}
/**
 * A check of each ledger entry before it is written; throws a UserError to refuse the whole unit. `memo` lives as
 * long as the outermost unit (one look-up of a competition's state per unit, not per entry of a bulk load).
 */
export type EntryGuard = (entry: GuardedEntry, memo: Map<string, unknown>) => void;
export type AfterCommit = (entries: readonly HistoryEntry[]) => void;

export class WriteGate {
  private readonly guards: Guard[] = [];
  private readonly entryGuards: EntryGuard[] = [];
  private readonly hooks: AfterCommit[] = [];
  private pending: HistoryEntry[] | null = null;
  private memo: Map<string, unknown> | null = null;

  constructor(
    readonly db: Db,
    readonly ledger: Ledger,
    private readonly log: (error: unknown) => void = (error) => console.error('[penilai] after-commit hook failed:', error),
  ) {}

  /** Adds a state check run before every change of a competition. */
  guard(check: Guard): void {
    this.guards.push(check);
  }

  /** Adds a check run on every ledger entry before it is written (see EntryGuard). */
  guardEntries(check: EntryGuard): void {
    this.entryGuards.push(check);
  }

  private check(entry: { competition: string; kind: string; payload?: unknown }): void {
    if (this.entryGuards.length === 0) return;
    const memo = this.memo ?? new Map<string, unknown>();
    const payload = entry.payload;
    const text = typeof payload === 'string' ? payload : payload && typeof payload === 'object' ? (payload as { text: string }).text : null;
    for (const guard of this.entryGuards) guard({ competition: entry.competition, kind: entry.kind, payload: text }, memo);
  }

  /** Adds a hook run after each outermost commit. Returns a function that removes it. */
  afterCommit(hook: AfterCommit): () => void {
    this.hooks.push(hook);
    return () => {
      const i = this.hooks.indexOf(hook);
      if (i >= 0) this.hooks.splice(i, 1);
    };
  }

  /** Appends to the ledger from inside a running unit (code deep in a repository, without the unit at hand). */
  append(entry: AppendEntry): HistoryEntry {
    if (this.pending === null) throw new Error('a ledger entry outside a unit of work');
    this.check(entry);
    const e = this.ledger.append(entry);
    this.pending.push(e);
    return e;
  }

  /** An appender for many entries in a running unit (bulk loads). */
  appender(): (entry: AppendEntry) => HistoryEntry {
    const pending = this.pending;
    if (pending === null) throw new Error('ledger entries outside a unit of work');
    const append = this.ledger.appender();
    return (entry) => {
      this.check(entry);
      const e = append(entry);
      pending.push(e);
      return e;
    };
  }

  /**
   * Runs `work` as one unit. `competition`: the competition it changes (its guards run first; null for what
   * belongs to no competition yet). `ranking`: whether the change can alter the ranking.
   */
  run<T>(scope: { competition: string | null; ranking?: boolean }, work: (unit: UnitOfWork) => T): T {
    const outer = this.pending === null;
    const written: HistoryEntry[] = outer ? [] : this.pending!;
    const unit: UnitOfWork = {
      append: (entry) => {
        this.check(entry);
        const e = this.ledger.append(entry);
        written.push(e);
        return e;
      },
      appender: () => {
        const append = this.ledger.appender();
        return (entry) => {
          this.check(entry);
          const e = append(entry);
          written.push(e);
          return e;
        };
      },
      receive: (entry) => {
        this.check(entry);
        const e = this.ledger.receive(entry);
        written.push(e);
        return e;
      },
      link: (chain, seq, prevHash, hash) => this.ledger.link(chain, seq, prevHash, hash),
    };
    if (outer) {
      this.pending = written;
      this.memo = new Map();
    }
    const mark = written.length;
    let result: T;
    try {
      result = this.db
        .transaction(() => {
          if (scope.competition !== null) for (const check of this.guards) check(scope.competition, { ranking: scope.ranking ?? true });
          const value = work(unit);
          // The outermost unit signs the chain's new head, in the same transaction (schema 10).
          if (outer) this.ledger.seal();
          return value;
        })
        .immediate();
    } catch (error) {
      // The savepoint rolled back: its entries were never written.
      written.length = mark;
      if (outer) this.ledger.rolledBack();
      throw error;
    } finally {
      if (outer) {
        this.pending = null;
        this.memo = null;
      }
    }
    if (outer && written.length > 0) {
      for (const hook of [...this.hooks]) {
        try {
          hook(written);
        } catch (error) {
          this.log(error);
        }
      }
    }
    return result;
  }
}
