/**
 * Migration 002 (scoring on site visits) on a schema-1 database: every competition, site, juror, aspect, recusal,
 * sheet and score is kept as it was, the new columns (PINs, who saved a score and where, a sheet's drawn signature)
 * start empty, and the new history is append-only from the start.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/core/platform/database.js';
import { tempDir } from '../support/core.js';

const temp = tempDir('penilai-m002-');
afterAll(() => temp.cleanup());

describe('migration 002-scoring', () => {
  it('keeps every row of schema 1, with the new columns empty', () => {
    const file = join(temp.dir, 'from-1.db');
    const old = openDatabase({ file, targetVersion: 1 });
    expect(schemaVersion(old)).toBe(1);
    old.exec(`
      INSERT INTO instrument (code, version, name, content, content_hash, created_at) VALUES ('I', 1, 'Instrumen', '{}', 'h', '2026-09-01');
      INSERT INTO competition (uuid, code, name, year, info, rules, instrument_id, created_at)
        VALUES ('u1', 'C', 'Lomba', 2026, '{"province":"Banten"}', '{"aggregation":"mean"}', 1, '2026-09-01');
      INSERT INTO site (competition_id, code, name, regency, district, category, contact, visit_date, ordinal)
        VALUES (1, 'S01', 'Desa Sukamaju', 'Pandeglang', 'Labuan', 'desa', '0812', '2026-09-08', 0);
      INSERT INTO juror (competition_id, code, name, nip, position, agency, role, all_aspects, ordinal)
        VALUES (1, 'J1', 'Siti', '197003151995032001', 'Kabid', 'Dinkes', 'ketua', 0, 0);
      INSERT INTO juror_aspect (juror_id, aspect_code) VALUES (1, 'A');
      INSERT INTO recusal (juror_id, site_id) VALUES (1, 1);
      INSERT INTO sheet (juror_id, site_id, finalised_at) VALUES (1, 1, '2026-09-08T10:00:00.000Z');
      INSERT INTO score (site_id, juror_id, indicator_code, value, note, instrument_id, updated_at)
        VALUES (1, 1, 'A1', 3, 'Posyandu aktif.', 1, '2026-09-08T09:00:00.000Z');
    `);
    old.close();

    const migrated = openDatabase({ file, targetVersion: 2 });
    expect(schemaVersion(migrated)).toBe(2);
    const all = (table: string) => migrated.prepare(`SELECT * FROM ${table}`).all();
    expect(all('instrument')).toEqual([
      { id: 1, code: 'I', version: 1, name: 'Instrumen', content: '{}', content_hash: 'h', created_at: '2026-09-01' },
    ]);
    expect(all('competition')).toEqual([
      {
        id: 1,
        uuid: 'u1',
        code: 'C',
        name: 'Lomba',
        year: 2026,
        info: '{"province":"Banten"}',
        rules: '{"aggregation":"mean"}',
        instrument_id: 1,
        created_at: '2026-09-01',
      },
    ]);
    expect(all('site')).toEqual([
      {
        id: 1,
        competition_id: 1,
        code: 'S01',
        name: 'Desa Sukamaju',
        regency: 'Pandeglang',
        district: 'Labuan',
        category: 'desa',
        contact: '0812',
        visit_date: '2026-09-08',
        ordinal: 0,
      },
    ]);
    expect(all('juror')).toEqual([
      {
        id: 1,
        competition_id: 1,
        code: 'J1',
        name: 'Siti',
        nip: '197003151995032001',
        position: 'Kabid',
        agency: 'Dinkes',
        role: 'ketua',
        all_aspects: 0,
        ordinal: 0,
        pin_hash: null,
      },
    ]);
    expect(all('juror_aspect')).toEqual([{ juror_id: 1, aspect_code: 'A' }]);
    expect(all('recusal')).toEqual([{ juror_id: 1, site_id: 1 }]);
    expect(all('sheet')).toEqual([{ juror_id: 1, site_id: 1, finalised_at: '2026-09-08T10:00:00.000Z', signature: null }]);
    expect(all('score')).toEqual([
      {
        id: 1,
        site_id: 1,
        juror_id: 1,
        indicator_code: 'A1',
        value: 3,
        note: 'Posyandu aktif.',
        instrument_id: 1,
        updated_at: '2026-09-08T09:00:00.000Z',
        updated_by: null,
        device: null,
      },
    ]);
    for (const table of ['app_meta', 'history', 'household', 'evidence']) expect(all(table), table).toEqual([]);
    migrated.close();
  });

  it('makes the history append-only: an entry cannot be changed or deleted', () => {
    const file = join(temp.dir, 'from-1-history.db');
    openDatabase({ file, targetVersion: 1 }).close();
    const migrated = openDatabase({ file, targetVersion: 2 });
    migrated
      .prepare(
        `INSERT INTO history (uuid, competition, kind, site, juror, indicator, old_value, new_value, actor, device, at, prev_hash, hash)
         VALUES ('u1', 'C', 'score', 'S01', 'J1', 'A1', NULL, 3, 'J1', 'd', '2026-09-08T09:00:00.000Z', ?, ?)`,
      )
      .run('0'.repeat(64), 'a'.repeat(64));
    expect(() => migrated.prepare('UPDATE history SET new_value = 4').run()).toThrow(/append-only/);
    expect(() => migrated.prepare('DELETE FROM history').run()).toThrow(/append-only/);
    expect(migrated.prepare('SELECT uuid, new_value FROM history').all()).toEqual([{ uuid: 'u1', new_value: 3 }]);
    migrated.close();
  });
});
