/**
 * Migration 011 (PIN lock-outs in the database) on a schema-9 database (010 belongs to another branch): the
 * pin_lockout table arrives empty, every existing row and ledger entry stays as it was, one row per competition and
 * subject, counts never negative, and the rows go with their competition.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/core/platform/database.js';
import { tempDir } from '../support/core.js';

const temp = tempDir('penilai-m011-');
afterAll(() => temp.cleanup());

describe('migration 011-pin-lockout', () => {
  it('adds pin_lockout, keeps every row, one row per competition and subject, gone with the competition', () => {
    const file = join(temp.dir, 'from-9.db');
    const old = openDatabase({ file, targetVersion: 9 });
    expect(schemaVersion(old)).toBe(9);
    old.exec(`
      INSERT INTO instrument (code, version, name, content, content_hash, created_at) VALUES ('I', 1, 'I', '{}', 'h', 'now');
      INSERT INTO competition (uuid, code, name, year, info, rules, instrument_id, created_at, secretariat_pin_hash)
        VALUES ('u', 'C', 'C', 2026, '{}', '{}', 1, 'now', 'scrypt$16384$8$1$c2FsdA==$aGFzaA==');
      INSERT INTO juror (competition_id, code, name, role, all_aspects, ordinal, pin_hash)
        VALUES (1, 'J1', 'Juri Satu', 'ketua', 1, 0, 'scrypt$16384$8$1$c2FsdA==$aGFzaA==');
      INSERT INTO device (id, public_key, first_seen) VALUES ('d1', NULL, '2026-09-01T00:00:00.000Z');
    `);
    old
      .prepare(
        `INSERT INTO history (chain, seq, format, uuid, competition, kind, juror, actor, device, at, prev_hash, hash)
         VALUES ('d1', 1, 2, 'e1', 'C', 'pin', 'J1', 'sekretariat', 'd1', '2026-09-08T09:00:00.000Z', ?, ?)`,
      )
      .run('0'.repeat(64), 'a'.repeat(64));
    const tables = ['competition', 'juror', 'history', 'ledger_kind', 'device'];
    const before = Object.fromEntries(tables.map((t) => [t, old.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
    old.close();

    const migrated = openDatabase({ file, targetVersion: 11 });
    expect(schemaVersion(migrated)).toBe(11);
    for (const t of tables) expect(migrated.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()).toEqual(before[t]);
    expect(migrated.prepare('SELECT count(*) FROM pin_lockout').pluck().get()).toBe(0);

    const put = migrated.prepare(
      'INSERT INTO pin_lockout (competition_id, subject, failures, lockouts, locked_until) VALUES (?, ?, ?, ?, ?)',
    );
    put.run(1, 'J1', 3, 0, 0);
    put.run(1, '', 0, 1, 1_788_858_030_000);
    expect(() => put.run(1, 'J1', 1, 0, 0)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => put.run(1, 'J2', -1, 0, 0)).toThrow(/CHECK/);
    expect(() => put.run(99, 'J1', 1, 0, 0)).toThrow(/FOREIGN KEY/);
    expect(() => put.run(1, 'J3', 1.5, 0, 0)).toThrow(/INTEGER/);
    expect(migrated.prepare('SELECT subject, failures, lockouts, locked_until FROM pin_lockout ORDER BY subject').all()).toEqual([
      { subject: '', failures: 0, lockouts: 1, locked_until: 1_788_858_030_000 },
      { subject: 'J1', failures: 3, lockouts: 0, locked_until: 0 },
    ]);
    migrated.exec('DELETE FROM juror; DELETE FROM competition');
    expect(migrated.prepare('SELECT count(*) FROM pin_lockout').pluck().get()).toBe(0);
    migrated.close();
  });
});
