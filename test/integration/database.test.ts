/**
 * A new database on a real SQLite file: schema, pragmas, constraints, and the default instruments present in every
 * new database. The migrations and the refusal of newer files are tested in test/migrations/, one file per migration.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/core/platform/database.js';
import { SCHEMA_VERSION } from '../../electron/core/platform/migrations/index.js';
import { openTestCore, tempDir } from '../support/core.js';

const temp = tempDir('penilai-db-');
afterAll(() => temp.cleanup());

describe('a new database', () => {
  it('is at the latest schema, in WAL mode, with foreign keys and full durability', () => {
    const db = openDatabase({ file: join(temp.dir, 'new.db') });
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000); // another process's write lock is waited for
    const tables = db.prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all();
    expect(tables.map((t) => t.name).sort()).toEqual([
      'app_meta',
      'competition',
      'competition_source',
      'device',
      'evidence',
      'exchange_conflict',
      'history',
      'household',
      'instrument',
      'juror',
      'juror_aspect',
      'juror_device',
      'ledger_kind',
      'ledger_link',
      'ledger_seal',
      'note',
      'package_receipt',
      'pin_lockout',
      'pleno',
      'pleno_decision',
      'recusal',
      'released_note',
      'score',
      'sheet',
      'site',
    ]);
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT$/);
    db.close();
  });

  it('holds the default instruments (P2WKSS, Kampung KB) once the app opens it, once each', () => {
    const core = openTestCore(join(temp.dir, 'app.db'));
    expect(core.deps.repos.instruments.listInstruments().map((i) => [i.code, i.version])).toEqual([
      ['KAMPUNG-KB', 1],
      ['P2WKSS-PROV', 1],
    ]);
    core.close();
    const again = openTestCore(join(temp.dir, 'app.db'));
    expect(again.deps.repos.instruments.listInstruments()).toHaveLength(2);
    again.close();
  });

  it('enforces the schema: a NIP that is not 18 digits and a score for an unknown site are refused by SQLite itself', () => {
    const db = openDatabase({ file: join(temp.dir, 'constraints.db') });
    db.prepare(
      "INSERT INTO instrument (code, version, name, content, content_hash, created_at) VALUES ('I', 1, 'I', '{}', 'h', 'now')",
    ).run();
    db.prepare(
      "INSERT INTO competition (uuid, code, name, year, info, rules, instrument_id, created_at) VALUES ('u', 'C', 'C', 2026, '{}', '{}', 1, 'now')",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO juror (competition_id, code, name, nip, role, all_aspects, ordinal) VALUES (1, 'J1', 'A', '123', 'ketua', 1, 0)",
        )
        .run(),
    ).toThrow(/CHECK constraint/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO score (site_id, juror_id, indicator_code, value, instrument_id, updated_at) VALUES (99, 99, 'A1', 3, 1, 'now')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO site (competition_id, code, name, ordinal) VALUES (1, 'S1', 'X', 'first')").run()).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
    db.close();
  });
});
