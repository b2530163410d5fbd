/**
 * The ledger (architecture.md point 15): every change of every domain, append-only (triggers refuse UPDATE and
 * DELETE) in the `history` table, as one hash chain per device.
 *
 * An entry belongs to the chain of the device that wrote it (`chain`), at place `seq` (1, 2, …), and its
 * `prev_hash` is the hash of the entry before it in that chain (64 zeros for the first). Its hash:
 * - format 2 (everything written since schema 6): sha256(prev_hash + canonical JSON of the entry's fields, chain,
 *   seq, payload and payload version `v` included), `ledgerJson` below. This is a wire format: score packages
 *   carry entries between laptops and the receiver recomputes it (pinned by a test vector in
 *   test/unit/ledger-hash.test.ts).
 * - format 1 (written before schema 6, one chain per database): sha256(prev_hash + `historyJson`), unchanged, so
 *   old entries still verify where the migration put them (one chain, the device that wrote them).
 *
 * Kinds are rows of `ledger_kind`: a new domain opens its kinds with a migration. Cell kinds carry their values in
 * columns (old/new value and text); other kinds (setup) carry a versioned JSON payload.
 */
import { randomBytes } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { HistoryEntry, LedgerKind } from '../../../shared/contract/schemas.js';
import type { Db } from './database.js';
import { sha256 } from './hash.js';

/** The prev_hash of the first entry of a chain. */
export const ZERO_HASH = '0'.repeat(64);

/** The fields an entry's hash covers (everything but id, prev_hash and hash). */
export interface HistoryFields {
  uuid: string;
  competition: string;
  kind: LedgerKind;
  site: string | null;
  juror: string | null;
  indicator: string | null;
  oldValue: number | null;
  newValue: number | null;
  oldText: string | null;
  newText: string | null;
  instrumentVersion: number | null;
  actor: string;
  device: string;
  reason: string | null;
  at: string;
  /** The uuid of the entry this one takes back (undo), or null. */
  undoes: string | null;
}

/** What format 2 adds: the chain and place, and the payload of kinds that are not a cell value. */
export interface LedgerFields extends HistoryFields {
  chain: string;
  seq: number;
  /** Canonical JSON text, or null. */
  payload: string | null;
  /** The payload's version (per kind), or null. */
  v: number | null;
}

/** A history row as stored. */
export interface HistoryRow {
  id: number;
  chain: string;
  seq: number;
  format: 1 | 2;
  uuid: string;
  competition: string;
  kind: LedgerKind;
  site: string | null;
  juror: string | null;
  indicator: string | null;
  old_value: number | null;
  new_value: number | null;
  old_text: string | null;
  new_text: string | null;
  instrument_version: number | null;
  actor: string;
  device: string;
  reason: string | null;
  at: string;
  undoes: string | null;
  payload: string | null;
  v: number | null;
  prev_hash: string;
  hash: string;
}

/**
 * The canonical JSON of a format-1 entry: keys in code-point order (the text `canonicalJson` gives), written out by
 * hand because a bulk load hashes 150,000 entries.
 */
export function historyJson(f: HistoryFields): string {
  return JSON.stringify({
    actor: f.actor,
    at: f.at,
    competition: f.competition,
    device: f.device,
    indicator: f.indicator,
    instrumentVersion: f.instrumentVersion,
    juror: f.juror,
    kind: f.kind,
    newText: f.newText,
    newValue: f.newValue,
    oldText: f.oldText,
    oldValue: f.oldValue,
    reason: f.reason,
    site: f.site,
    undoes: f.undoes,
    uuid: f.uuid,
  });
}

/** The canonical JSON of a format-2 entry (keys in code-point order; the payload as its canonical JSON text). */
export function ledgerJson(f: LedgerFields): string {
  return JSON.stringify({
    actor: f.actor,
    at: f.at,
    chain: f.chain,
    competition: f.competition,
    device: f.device,
    indicator: f.indicator,
    instrumentVersion: f.instrumentVersion,
    juror: f.juror,
    kind: f.kind,
    newText: f.newText,
    newValue: f.newValue,
    oldText: f.oldText,
    oldValue: f.oldValue,
    payload: f.payload,
    reason: f.reason,
    seq: f.seq,
    site: f.site,
    undoes: f.undoes,
    uuid: f.uuid,
    v: f.v,
  });
}

export function historyHash(prevHash: string, fields: HistoryFields): string {
  return sha256(prevHash + historyJson(fields));
}

/**
 * A UUID version 7 (RFC 9562): the time in milliseconds first, then random bits. Entries made one after the other
 * sort one after the other, so the history's unique index on `uuid` grows at its end instead of at a random page
 * for every entry (a package of 6,000 entries touches a handful of its pages, not thousands).
 */
export function timeOrderedUuid(now: number = Date.now()): string {
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function ledgerHash(prevHash: string, fields: LedgerFields): string {
  return sha256(prevHash + ledgerJson(fields));
}

export function rowFields(r: HistoryRow): LedgerFields {
  return {
    uuid: r.uuid,
    competition: r.competition,
    kind: r.kind,
    site: r.site,
    juror: r.juror,
    indicator: r.indicator,
    oldValue: r.old_value,
    newValue: r.new_value,
    oldText: r.old_text,
    newText: r.new_text,
    instrumentVersion: r.instrument_version,
    actor: r.actor,
    device: r.device,
    reason: r.reason,
    at: r.at,
    undoes: r.undoes ?? null,
    chain: r.chain,
    seq: r.seq,
    payload: r.payload,
    v: r.v,
  };
}

/** The hash a stored row must have, by its format. */
export function expectedHash(r: HistoryRow): string {
  const fields = rowFields(r);
  return r.format === 1 ? historyHash(r.prev_hash, fields) : ledgerHash(r.prev_hash, fields);
}

export function toEntry(r: HistoryRow | (LedgerFields & { hash: string })): HistoryEntry {
  const f = 'prev_hash' in r ? { ...rowFields(r), hash: r.hash } : r;
  return {
    uuid: f.uuid,
    kind: f.kind,
    site: f.site,
    juror: f.juror,
    indicator: f.indicator,
    oldValue: f.oldValue,
    newValue: f.newValue,
    oldText: f.oldText,
    newText: f.newText,
    actor: f.actor,
    device: f.device,
    reason: f.reason,
    at: f.at,
    payload: f.payload === null ? null : (JSON.parse(f.payload) as unknown),
    hash: f.hash,
  };
}

export interface AppendEntry {
  competition: string;
  kind: LedgerKind;
  site?: string | null;
  juror?: string | null;
  indicator?: string | null;
  oldValue?: number | null;
  newValue?: number | null;
  oldText?: string | null;
  newText?: string | null;
  instrumentVersion?: number | null;
  actor: string;
  reason?: string | null | undefined;
  undoes?: string | null;
  /** A versioned payload (setup kinds): canonical JSON text is stored. */
  payload?: { v: number; text: string } | null;
  /** Left out: now. */
  at?: string;
}

/** This installation as the ledger sees it: the chain it writes. */
export interface LedgerDevice {
  id: string;
  publicKey: string | null;
  /** Signs with the device's private key (Ed25519): the chain's heads are sealed with it (schema 10). */
  sign?: (data: Uint8Array) => Uint8Array;
}

/** The bytes a chain head's signature covers (`ledger_seal`, schema 10): a wire format, like the entry hash. */
export function sealMessage(chain: string, seq: number, hash: string): Uint8Array {
  return new TextEncoder().encode(`penilai.head/1\n${chain}\n${seq}\n${hash}`);
}

/**
 * Appends entries to this device's chain. Must run inside the write gate's transaction (the chain's head is read
 * and extended under the write lock, so two processes cannot fork it).
 */
export class Ledger {
  private readonly statements = new Map<string, Statement>();
  private registered = false;
  /** Whether this device's chain grew since its head was last sealed. */
  private grown = false;
  private sealTable: boolean | null = null;

  constructor(
    readonly db: Db,
    readonly device: LedgerDevice,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private q<P extends unknown[] = unknown[], R = unknown>(sql: string): Statement<P, R> {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s as unknown as Statement<P, R>;
  }

  /** The head of a chain: its last seq and hash (0 and 64 zeros for an empty chain). */
  head(chain: string = this.device.id): { seq: number; hash: string } {
    const row = this.q<[string], { seq: number; hash: string }>(
      'SELECT seq, hash FROM history WHERE chain = ? ORDER BY seq DESC LIMIT 1',
    ).get(chain);
    return row ?? { seq: 0, hash: ZERO_HASH };
  }

  /** The head of every chain this database holds (whole entries and links), by chain: anchors for documents. */
  heads(): { chain: string; seq: number; hash: string }[] {
    return this.q<[], { chain: string; seq: number; hash: string }>(
      // SQLite takes a bare column (hash) from the row that gave max(seq).
      `SELECT chain, max(seq) AS seq, hash FROM (SELECT chain, seq, hash FROM history UNION ALL SELECT chain, seq, hash FROM ledger_link)
       GROUP BY chain ORDER BY chain`,
    ).all();
  }

  /** Records this device (and its public key) the first time it writes to this database. */
  private register(at: string): void {
    if (this.registered) return;
    this.q('INSERT OR IGNORE INTO device (id, public_key, first_seen) VALUES (?, ?, ?)').run(this.device.id, this.device.publicKey, at);
    this.registered = true;
  }

  /** An appender that keeps the head in hand: for writing many entries in one transaction (bulk loads). */
  appender(): (input: AppendEntry) => HistoryEntry {
    let { seq, hash: prev } = this.head();
    const insert = this.q(
      `INSERT INTO history (chain, seq, format, uuid, competition, kind, site, juror, indicator, old_value, new_value, old_text,
         new_text, instrument_version, actor, device, reason, at, undoes, payload, v, prev_hash, hash)
       VALUES (?, ?, 2, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    return (input) => {
      const at = input.at ?? this.clock().toISOString();
      this.register(at);
      this.grown = true;
      seq += 1;
      const f: LedgerFields = {
        uuid: timeOrderedUuid(),
        competition: input.competition,
        kind: input.kind,
        site: input.site ?? null,
        juror: input.juror ?? null,
        indicator: input.indicator ?? null,
        oldValue: input.oldValue ?? null,
        newValue: input.newValue ?? null,
        oldText: input.oldText ?? null,
        newText: input.newText ?? null,
        instrumentVersion: input.instrumentVersion ?? null,
        actor: input.actor,
        device: this.device.id,
        reason: input.reason ?? null,
        at,
        undoes: input.undoes ?? null,
        chain: this.device.id,
        seq,
        payload: input.payload?.text ?? null,
        v: input.payload?.v ?? null,
      };
      const hash = ledgerHash(prev, f);
      insert.run(
        f.chain,
        f.seq,
        f.uuid,
        f.competition,
        f.kind,
        f.site,
        f.juror,
        f.indicator,
        f.oldValue,
        f.newValue,
        f.oldText,
        f.newText,
        f.instrumentVersion,
        f.actor,
        f.device,
        f.reason,
        f.at,
        f.undoes,
        f.payload,
        f.v,
        prev,
        hash,
      );
      prev = hash;
      return toEntry({ ...f, hash });
    };
  }

  /**
   * Signs this device's chain head if the chain grew (the write gate calls it at the end of each outermost unit,
   * inside its transaction): a `ledger_seal` row, so that a chain extended or rebuilt without the key fails
   * `verify --db`. Nothing without a key (a device given as id only) or before schema 10.
   */
  seal(): void {
    if (!this.grown) return;
    this.grown = false;
    if (!this.device.sign) return;
    this.sealTable ??= this.db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'ledger_seal'`).get() !== undefined;
    if (!this.sealTable) return;
    const { seq, hash } = this.head();
    if (seq === 0) return;
    const signature = Buffer.from(this.device.sign(sealMessage(this.device.id, seq, hash))).toString('base64');
    this.q('INSERT OR IGNORE INTO ledger_seal (chain, seq, hash, signature, at) VALUES (?, ?, ?, ?, ?)').run(
      this.device.id,
      seq,
      hash,
      signature,
      this.clock().toISOString(),
    );
  }

  /** Forgets that the chain grew (the unit that grew it rolled back). */
  rolledBack(): void {
    this.grown = false;
  }

  /** Appends one entry to this device's chain (inside the caller's transaction). */
  append(input: AppendEntry): HistoryEntry {
    if (!this.db.inTransaction) throw new Error('ledger.append outside the write gate');
    return this.appender()(input);
  }

  /**
   * Stores an entry of another device's chain as that device wrote it (a score package): every field, its format,
   * place, link and hash verbatim, so that the chain still verifies here. The caller has checked the link and the
   * hash (exchange/import.ts); the table's constraints refuse a place or uuid already taken.
   */
  receive(row: LedgerFields & { format: 1 | 2; prevHash: string; hash: string }): HistoryEntry {
    if (!this.db.inTransaction) throw new Error('ledger.receive outside the write gate');
    this.q(
      `INSERT INTO history (chain, seq, format, uuid, competition, kind, site, juror, indicator, old_value, new_value, old_text,
         new_text, instrument_version, actor, device, reason, at, undoes, payload, v, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      row.chain,
      row.seq,
      row.format,
      row.uuid,
      row.competition,
      row.kind,
      row.site,
      row.juror,
      row.indicator,
      row.oldValue,
      row.newValue,
      row.oldText,
      row.newText,
      row.instrumentVersion,
      row.actor,
      row.device,
      row.reason,
      row.at,
      row.undoes,
      row.payload,
      row.v,
      row.prevHash,
      row.hash,
    );
    // Without a payload the received row already is the entry (its extra fields aside): no copy per entry.
    return row.payload === null ? (row as unknown as HistoryEntry) : toEntry(row);
  }

  /** Stores only the link of another device's entry that was not carried whole (`ledger_link`, schema 7). */
  link(chain: string, seq: number, prevHash: string, hash: string): void {
    if (!this.db.inTransaction) throw new Error('ledger.link outside the write gate');
    this.q('INSERT INTO ledger_link (chain, seq, prev_hash, hash) VALUES (?, ?, ?, ?)').run(chain, seq, prevHash, hash);
  }

  /** Every place of a chain this database holds (whole entries and links), with its hash. */
  held(chain: string): Map<number, string> {
    const held = new Map<number, string>();
    for (const r of this.q<[string], { seq: number; hash: string }>('SELECT seq, hash FROM history WHERE chain = ?').iterate(chain))
      held.set(r.seq, r.hash);
    for (const r of this.q<[string], { seq: number; hash: string }>('SELECT seq, hash FROM ledger_link WHERE chain = ?').iterate(chain))
      held.set(r.seq, r.hash);
    return held;
  }

  /** A competition's entries, oldest first (by when this database received them), narrowed to a juror, site, indicator. */
  entries(filter: {
    competition: string;
    juror?: string | undefined;
    site?: string | undefined;
    indicator?: string | undefined;
  }): HistoryEntry[] {
    const where = ['competition = ?'];
    const params: string[] = [filter.competition];
    for (const key of ['juror', 'site', 'indicator'] as const) {
      const value = filter[key];
      if (value === undefined) continue;
      where.push(`${key} = ?`);
      params.push(value);
    }
    return this.db
      .prepare<string[], HistoryRow>(`SELECT * FROM history WHERE ${where.join(' AND ')} ORDER BY id`)
      .all(...params)
      .map((r) => toEntry(r));
  }
}

export interface ChainReport {
  device: string;
  entries: number;
  head: string;
}

/**
 * Checks every chain: each entry's link to the one before it and its hash. A chain received from another laptop may
 * hold links only (`ledger_link`: entries a score package did not carry whole): their hash cannot be recomputed, but
 * they must still link, so that the chain is whole from its first entry to its head. Problems go to `problem`.
 */
export function verifyChains(
  db: Db,
  problem: (key: 'verify.chainLink' | 'verify.hash' | 'verify.chainGap', params: Record<string, string | number>) => void,
): ChainReport[] {
  const chains = new Map<string, { entries: number; head: string; seq: number }>();
  // Before schema 6 (a file verified without migrating it) the history is one chain in id order.
  const columns = db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('history')`).all();
  const sql = columns.some((c) => c.name === 'chain')
    ? 'SELECT * FROM history ORDER BY chain, seq'
    : `SELECT *, coalesce((SELECT value FROM app_meta WHERE key = 'device'), '') AS chain, row_number() OVER (ORDER BY id) AS seq,
         1 AS format, NULL AS payload, NULL AS v FROM history ORDER BY id`;
  const hasLinks = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'ledger_link'`).get() !== undefined;
  const links = new Map<string, { seq: number; prev_hash: string; hash: string }[]>();
  if (hasLinks) {
    for (const l of db
      // A link whose entry arrived whole later (another juror's package from the same laptop) is that entry.
      .prepare<[], { chain: string; seq: number; prev_hash: string; hash: string }>(
        `SELECT * FROM ledger_link l WHERE NOT EXISTS (SELECT 1 FROM history h WHERE h.chain = l.chain AND h.seq = l.seq)
         ORDER BY chain, seq`,
      )
      .iterate()) {
      const list = links.get(l.chain);
      if (list) list.push(l);
      else links.set(l.chain, [l]);
    }
  }
  const state = (chain: string) => chains.get(chain) ?? { entries: 0, head: ZERO_HASH, seq: 0 };
  /** The chain's links up to `upTo` (all of them when left out), in their place. */
  const takeLinks = (chain: string, upTo = Infinity): void => {
    const list = links.get(chain);
    if (!list) return;
    let c = state(chain);
    while (list.length > 0 && list[0]!.seq < upTo) {
      const l = list.shift()!;
      if (l.seq !== c.seq + 1) problem('verify.chainGap', { device: chain, seq: l.seq, expected: c.seq + 1 });
      if (l.prev_hash !== c.head) problem('verify.chainLink', { id: `${chain}#${l.seq}`, uuid: '—' });
      c = { entries: c.entries + 1, head: l.hash, seq: l.seq };
    }
    chains.set(chain, c);
    if (list.length === 0) links.delete(chain);
  };
  for (const row of db.prepare<[], HistoryRow>(sql).iterate()) {
    takeLinks(row.chain, row.seq);
    const c = state(row.chain);
    if (row.seq !== c.seq + 1) problem('verify.chainGap', { device: row.chain, seq: row.seq, expected: c.seq + 1 });
    if (row.prev_hash !== c.head) problem('verify.chainLink', { id: row.id, uuid: row.uuid });
    if (expectedHash(row) !== row.hash) problem('verify.hash', { id: row.id, uuid: row.uuid });
    chains.set(row.chain, { entries: c.entries + 1, head: row.hash, seq: row.seq });
  }
  for (const chain of [...links.keys()]) takeLinks(chain);
  return [...chains].map(([device, c]) => ({ device, entries: c.entries, head: c.head }));
}
