/**
 * Schema 6: the history becomes the ledger (architecture.md point 15).
 * - One hash chain per device: every entry carries `chain` (the device whose chain it belongs to) and `seq` (its
 *   place in that chain, from 1); `prev_hash` is the previous entry of the same chain. Entries from several laptops
 *   can then sit in one database, each chain verifiable on its own.
 * - `format`: 1 for entries written before this schema (hashed as they always were), 2 for new ones, whose hash
 *   also covers chain, seq, payload and payload version (electron/core/platform/ledger.ts).
 * - `payload` + `v`: a versioned JSON payload for kinds that are not a cell value (setup changes).
 * - The kinds are rows of `ledger_kind` (a foreign key), so a new domain opens its kinds with a migration instead of
 *   rewriting a CHECK constraint.
 * - `device`: the public keys (Ed25519) of the devices whose chains the database holds.
 *
 * The existing single chain becomes one chain: the device that wrote the database (app_meta 'device'), its entries
 * numbered in their order. Nothing is rehashed: every old entry keeps its hash and still verifies.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';

type Db = Database.Database;

export const LEGACY_KINDS = ['score', 'note', 'household', 'evidence', 'finalise', 'reopen', 'pin'] as const;
export const SETUP_KINDS = ['setup.competition', 'setup.rules', 'setup.site', 'setup.juror', 'setup.instrument', 'setup.archive'] as const;

export function up(db: Db): void {
  db.exec(`
    CREATE TABLE ledger_kind (
      kind TEXT PRIMARY KEY,
      domain TEXT NOT NULL
    ) STRICT;

    CREATE TABLE device (
      id TEXT PRIMARY KEY,
      public_key TEXT,
      first_seen TEXT NOT NULL
    ) STRICT;
  `);
  const kind = db.prepare('INSERT INTO ledger_kind (kind, domain) VALUES (?, ?)');
  for (const k of LEGACY_KINDS) kind.run(k, k === 'evidence' ? 'evidence' : k === 'pin' ? 'session' : 'scoring');
  for (const k of SETUP_KINDS) kind.run(k, 'setup');

  // The device that wrote the database so far owns the old chain; a database with no device yet gets one only if
  // it has entries to own.
  let legacy = (db.prepare(`SELECT value FROM app_meta WHERE key = 'device'`).get() as { value: string } | undefined)?.value;
  const entries = (db.prepare('SELECT count(*) AS n FROM history').get() as { n: number }).n;
  if (!legacy && entries > 0) legacy = randomUUID();
  const firstAt = (db.prepare('SELECT min(at) AS at FROM history').get() as { at: string | null }).at;
  if (legacy && entries > 0) db.prepare('INSERT INTO device (id, public_key, first_seen) VALUES (?, NULL, ?)').run(legacy, firstAt);

  db.exec(`
    DROP TRIGGER history_no_update;
    DROP TRIGGER history_no_delete;
    DROP INDEX history_by_sheet;
    ALTER TABLE history RENAME TO history_v5;

    CREATE TABLE history (
      id INTEGER PRIMARY KEY,
      chain TEXT NOT NULL,
      seq INTEGER NOT NULL CHECK (seq >= 1),
      format INTEGER NOT NULL CHECK (format IN (1, 2)),
      uuid TEXT NOT NULL UNIQUE,
      competition TEXT NOT NULL,
      kind TEXT NOT NULL REFERENCES ledger_kind (kind),
      site TEXT,
      juror TEXT,
      indicator TEXT,
      old_value REAL,
      new_value REAL,
      old_text TEXT,
      new_text TEXT,
      instrument_version INTEGER,
      actor TEXT NOT NULL,
      device TEXT NOT NULL,
      reason TEXT,
      at TEXT NOT NULL,
      undoes TEXT,
      payload TEXT,
      v INTEGER,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL UNIQUE,
      UNIQUE (chain, seq)
    ) STRICT;
  `);
  db.prepare(
    `INSERT INTO history (id, chain, seq, format, uuid, competition, kind, site, juror, indicator, old_value, new_value, old_text,
       new_text, instrument_version, actor, device, reason, at, undoes, payload, v, prev_hash, hash)
     SELECT id, ?, row_number() OVER (ORDER BY id), 1, uuid, competition, kind, site, juror, indicator, old_value, new_value,
       old_text, new_text, instrument_version, actor, device, reason, at, undoes, NULL, NULL, prev_hash, hash
     FROM history_v5 ORDER BY id`,
  ).run(legacy ?? '');
  db.exec(`
    DROP TABLE history_v5;
    CREATE INDEX history_by_sheet ON history (competition, juror, site, id);
    CREATE TRIGGER history_no_update BEFORE UPDATE ON history
    BEGIN
      SELECT RAISE(ABORT, 'history is append-only');
    END;
    CREATE TRIGGER history_no_delete BEFORE DELETE ON history
    BEGIN
      SELECT RAISE(ABORT, 'history is append-only');
    END;
  `);
}
