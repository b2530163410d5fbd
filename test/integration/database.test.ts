/**
 * The database on a real SQLite file: schema, pragmas, migrations, refusal of newer files, and the default
 * instrument present in every new database.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/core/platform/database.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/core/platform/migrations/index.js';
import { openRepositories } from '../../electron/core/app.js';

const TEST_DEVICE = { id: 'd0000000-0000-4000-8000-000000000000', publicKey: null };
import { fingerprint } from '../support/cli.js';
import { openTestCore, tempDir } from '../support/core.js';
import { UserError } from '../../shared/domain/errors.js';

const temp = tempDir('penilai-db-');
afterAll(() => temp.cleanup());

describe('a new database', () => {
  it('is at the latest schema, in WAL mode, with foreign keys and full durability', () => {
    const db = openDatabase({ file: join(temp.dir, 'new.db') });
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    const tables = db.prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all();
    expect(tables.map((t) => t.name).sort()).toEqual([
      'app_meta',
      'competition',
      'device',
      'evidence',
      'history',
      'household',
      'instrument',
      'juror',
      'juror_aspect',
      'ledger_kind',
      'note',
      'recusal',
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

describe('migrations', () => {
  it('bring every earlier version forward, keeping its rows', () => {
    for (const migration of MIGRATIONS) {
      const file = join(temp.dir, `from-${migration.version - 1}.db`);
      const old = openDatabase({ file, targetVersion: migration.version - 1 });
      expect(schemaVersion(old)).toBe(migration.version - 1);
      if (migration.version > 1) {
        // seed with the repos of the older schema: a competition from the demo generator
        openRepositories(old, TEST_DEVICE).instruments.putInstrument({
          format: 'penilai.instrument/1',
          code: 'X',
          name: 'X',
          version: 1,
          defaultScale: { min: 1, max: 5, step: 1 },
          phases: [{ code: 'P', name: 'P' }],
          aspects: [{ code: 'A', name: 'A', indicators: [{ code: 'A1', name: 'a', weight: 100, phase: 'P' }] }],
        });
      }
      old.close();
      const migrated = openDatabase({ file });
      expect(schemaVersion(migrated)).toBe(SCHEMA_VERSION);
      if (migration.version > 1)
        expect(
          openRepositories(migrated, TEST_DEVICE)
            .instruments.listInstruments()
            .map((i) => i.code),
        ).toContain('X');
      migrated.close();
    }
  });

  it('003 gives the history an `undoes` column, keeping the entries of schema 2 (with undoes null) and its append-only triggers', () => {
    const file = join(temp.dir, 'from-2-history.db');
    const old = openDatabase({ file, targetVersion: 2 });
    old
      .prepare(
        `INSERT INTO history (uuid, competition, kind, site, juror, indicator, old_value, new_value, actor, device, at, prev_hash, hash)
         VALUES ('u1', 'C', 'score', 'S01', 'J1', 'A1', NULL, 3, 'J1', 'd', '2026-09-08T09:00:00.000Z', ?, ?)`,
      )
      .run('0'.repeat(64), 'a'.repeat(64));
    old.close();
    const migrated = openDatabase({ file });
    expect(schemaVersion(migrated)).toBe(SCHEMA_VERSION);
    expect(migrated.prepare('SELECT uuid, new_value, undoes FROM history').all()).toEqual([{ uuid: 'u1', new_value: 3, undoes: null }]);
    expect(() => migrated.prepare(`UPDATE history SET undoes = 'x'`).run()).toThrow(/append-only/);
    expect(() => migrated.prepare('DELETE FROM history').run()).toThrow(/append-only/);
    migrated.close();
  });

  it('004 keeps the competitions of schema 3, neither archived nor with a secretariat PIN', () => {
    const file = join(temp.dir, 'from-3-competition.db');
    const old = openDatabase({ file, targetVersion: 3 });
    old
      .prepare("INSERT INTO instrument (code, version, name, content, content_hash, created_at) VALUES ('I', 1, 'I', '{}', 'h', 'now')")
      .run();
    old
      .prepare(
        "INSERT INTO competition (uuid, code, name, year, info, rules, instrument_id, created_at) VALUES ('u', 'LAMA', 'Lomba lama', 2025, '{}', '{}', 1, 'now')",
      )
      .run();
    old.close();
    const migrated = openDatabase({ file });
    expect(schemaVersion(migrated)).toBe(SCHEMA_VERSION);
    expect(migrated.prepare('SELECT code, name, archived_at, secretariat_pin_hash FROM competition').all()).toEqual([
      { code: 'LAMA', name: 'Lomba lama', archived_at: null, secretariat_pin_hash: null },
    ]);
    migrated.close();
  });

  it('005 moves notes off the score rows into their own table, keeping their history entries and the scores', () => {
    const file = join(temp.dir, 'from-4-notes.db');
    const old = openDatabase({ file, targetVersion: 4 });
    old.exec(`
      INSERT INTO instrument (code, version, name, content, content_hash, created_at) VALUES ('I', 1, 'I', '{}', 'h', 'now');
      INSERT INTO competition (uuid, code, name, year, info, rules, instrument_id, created_at) VALUES ('u', 'C', 'C', 2026, '{}', '{}', 1, 'now');
      INSERT INTO site (competition_id, code, name, ordinal) VALUES (1, 'S01', 'Desa Sukamaju', 0);
      INSERT INTO juror (competition_id, code, name, role, all_aspects, ordinal) VALUES (1, 'J1', 'Siti', 'ketua', 1, 0);
      INSERT INTO score (site_id, juror_id, indicator_code, value, note, instrument_id, updated_at, updated_by, device)
        VALUES (1, 1, 'A1', 3, 'Posyandu aktif, register lengkap.', 1, '2026-09-08T09:00:00.000Z', 'J1', 'd1'),
               (1, 1, 'A2', 4, NULL, 1, '2026-09-08T09:01:00.000Z', 'J1', 'd1');
    `);
    old
      .prepare(
        `INSERT INTO history (uuid, competition, kind, site, juror, indicator, old_text, new_text, actor, device, at, prev_hash, hash)
         VALUES ('n1', 'C', 'note', 'S01', 'J1', 'A1', NULL, 'Posyandu aktif, register lengkap.', 'J1', 'd1', '2026-09-08T09:00:00.000Z', ?, ?)`,
      )
      .run('0'.repeat(64), 'b'.repeat(64));
    old.close();
    const migrated = openDatabase({ file });
    expect(schemaVersion(migrated)).toBe(SCHEMA_VERSION);
    expect(migrated.prepare('SELECT site_id, juror_id, indicator_code, note, updated_at, updated_by, device FROM note').all()).toEqual([
      {
        site_id: 1,
        juror_id: 1,
        indicator_code: 'A1',
        note: 'Posyandu aktif, register lengkap.',
        updated_at: '2026-09-08T09:00:00.000Z',
        updated_by: 'J1',
        device: 'd1',
      },
    ]);
    expect(migrated.prepare('SELECT indicator_code, value FROM score ORDER BY indicator_code').all()).toEqual([
      { indicator_code: 'A1', value: 3 },
      { indicator_code: 'A2', value: 4 },
    ]);
    expect(migrated.prepare('SELECT uuid, kind, new_text FROM history').all()).toEqual([
      { uuid: 'n1', kind: 'note', new_text: 'Posyandu aktif, register lengkap.' },
    ]);
    migrated.close();
  });

  it('refuses a database from a newer Penilai without touching it', () => {
    const file = join(temp.dir, 'newer.db');
    const raw = new Database(file);
    raw.pragma('user_version = 42');
    raw.close();
    const before = fingerprint(file);
    let caught: unknown;
    try {
      openDatabase({ file });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).describe('id')).toMatch(/versi lebih baru \(skema 42/);
    expect((caught as UserError).describe('en')).toMatch(/newer Penilai \(schema 42/);
    expect(fingerprint(file)).toBe(before);
  });
});
