/**
 * Migration 009 (released notes) on a schema-8 database: the released_note table arrives empty, the kind
 * documents.release joins the ledger's kinds, every existing row and entry stays as it was, one release per note
 * cell, and a released note goes with its site or juror.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/core/platform/database.js';
import { tempDir } from '../support/core.js';

const temp = tempDir('penilai-m009-');
afterAll(() => temp.cleanup());

describe('migration 009-released-notes', () => {
  it('adds released_note and the kind documents.release, keeps every row, one release per note cell', () => {
    const file = join(temp.dir, 'from-8.db');
    const old = openDatabase({ file, targetVersion: 8 });
    expect(schemaVersion(old)).toBe(8);
    old.exec(`
      INSERT INTO instrument (code, version, name, content, content_hash, created_at) VALUES ('I', 1, 'I', '{}', 'h', 'now');
      INSERT INTO competition (uuid, code, name, year, info, rules, instrument_id, created_at) VALUES ('u', 'C', 'C', 2026, '{}', '{}', 1, 'now');
      INSERT INTO site (competition_id, code, name, ordinal) VALUES (1, 'S01', 'Desa Satu', 0);
      INSERT INTO juror (competition_id, code, name, role, all_aspects, ordinal) VALUES (1, 'J1', 'Juri Satu', 'ketua', 1, 0);
      INSERT INTO note (site_id, juror_id, indicator_code, note, updated_at) VALUES (1, 1, 'A1', 'Register lengkap', 'now');
      INSERT INTO device (id, public_key, first_seen) VALUES ('d1', NULL, '2026-09-01T00:00:00.000Z');
    `);
    old
      .prepare(
        `INSERT INTO history (chain, seq, format, uuid, competition, kind, site, juror, indicator, new_text, actor, device, at, prev_hash, hash)
         VALUES ('d1', 1, 2, 'e1', 'C', 'note', 'S01', 'J1', 'A1', 'Register lengkap', 'J1', 'd1', '2026-09-08T09:00:00.000Z', ?, ?)`,
      )
      .run('0'.repeat(64), 'a'.repeat(64));
    const kindsBefore = old.prepare('SELECT * FROM ledger_kind ORDER BY kind').all();
    const historyBefore = old.prepare('SELECT * FROM history').all();
    const notesBefore = old.prepare('SELECT * FROM note').all();
    old.close();

    const migrated = openDatabase({ file, targetVersion: 9 });
    expect(schemaVersion(migrated)).toBe(9);
    expect(migrated.prepare('SELECT * FROM history').all()).toEqual(historyBefore);
    expect(migrated.prepare('SELECT * FROM note').all()).toEqual(notesBefore);
    expect(migrated.prepare(`SELECT * FROM ledger_kind WHERE kind != 'documents.release' ORDER BY kind`).all()).toEqual(kindsBefore);
    expect(migrated.prepare(`SELECT domain FROM ledger_kind WHERE kind = 'documents.release'`).pluck().get()).toBe('documents');
    expect(migrated.prepare('SELECT count(*) FROM released_note').pluck().get()).toBe(0);

    const release = migrated.prepare(
      `INSERT INTO released_note (site_id, juror_id, indicator_code, released_at) VALUES (?, ?, 'A1', 'now')`,
    );
    release.run(1, 1);
    expect(() => release.run(1, 1)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => release.run(1, 99)).toThrow(/FOREIGN KEY/);
    migrated.exec('DELETE FROM site WHERE id = 1');
    expect(migrated.prepare('SELECT count(*) FROM released_note').pluck().get()).toBe(0);
    migrated.close();
  });
});
