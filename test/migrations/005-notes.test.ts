/**
 * Migration 005 (notes of their own) on a schema-4 database: each note moves off its score row into the `note`
 * table with who wrote it, where and when; the scores stay (without the note column), and the notes' history entries
 * stay as they were.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/core/platform/database.js';
import { tempDir } from '../support/core.js';

const temp = tempDir('penilai-m005-');
afterAll(() => temp.cleanup());

describe('migration 005-notes', () => {
  it('moves notes off the score rows into their own table, keeping their history entries and the scores', () => {
    const file = join(temp.dir, 'from-4.db');
    const old = openDatabase({ file, targetVersion: 4 });
    expect(schemaVersion(old)).toBe(4);
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

    const migrated = openDatabase({ file, targetVersion: 5 });
    expect(schemaVersion(migrated)).toBe(5);
    expect(migrated.prepare('SELECT * FROM note').all()).toEqual([
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
    expect(migrated.prepare('SELECT * FROM score ORDER BY id').all()).toEqual([
      {
        id: 1,
        site_id: 1,
        juror_id: 1,
        indicator_code: 'A1',
        value: 3,
        instrument_id: 1,
        updated_at: '2026-09-08T09:00:00.000Z',
        updated_by: 'J1',
        device: 'd1',
      },
      {
        id: 2,
        site_id: 1,
        juror_id: 1,
        indicator_code: 'A2',
        value: 4,
        instrument_id: 1,
        updated_at: '2026-09-08T09:01:00.000Z',
        updated_by: 'J1',
        device: 'd1',
      },
    ]);
    expect(migrated.prepare('SELECT uuid, kind, indicator, old_text, new_text, prev_hash, hash FROM history').all()).toEqual([
      {
        uuid: 'n1',
        kind: 'note',
        indicator: 'A1',
        old_text: null,
        new_text: 'Posyandu aktif, register lengkap.',
        prev_hash: '0'.repeat(64),
        hash: 'b'.repeat(64),
      },
    ]);
    migrated.close();
  });
});
