/**
 * Migration 004 (a laptop passed from hand to hand) on a schema-3 database: every competition is kept, neither
 * archived nor with a secretariat PIN.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/core/platform/database.js';
import { tempDir } from '../support/core.js';

const temp = tempDir('penilai-m004-');
afterAll(() => temp.cleanup());

describe('migration 004-laptop', () => {
  it('keeps the competitions of schema 3, neither archived nor with a secretariat PIN', () => {
    const file = join(temp.dir, 'from-3.db');
    const old = openDatabase({ file, targetVersion: 3 });
    expect(schemaVersion(old)).toBe(3);
    old.exec(`
      INSERT INTO instrument (code, version, name, content, content_hash, created_at) VALUES ('I', 1, 'I', '{}', 'h', 'now');
      INSERT INTO competition (uuid, code, name, year, info, rules, instrument_id, created_at)
        VALUES ('u1', 'LAMA', 'Lomba lama', 2025, '{}', '{}', 1, '2025-08-01'),
               ('u2', 'BARU', 'Lomba baru', 2026, '{"province":"Banten"}', '{"precision":2}', 1, '2026-08-01');
    `);
    old.close();

    const migrated = openDatabase({ file, targetVersion: 4 });
    expect(schemaVersion(migrated)).toBe(4);
    expect(migrated.prepare('SELECT * FROM competition ORDER BY id').all()).toEqual([
      {
        id: 1,
        uuid: 'u1',
        code: 'LAMA',
        name: 'Lomba lama',
        year: 2025,
        info: '{}',
        rules: '{}',
        instrument_id: 1,
        created_at: '2025-08-01',
        archived_at: null,
        secretariat_pin_hash: null,
      },
      {
        id: 2,
        uuid: 'u2',
        code: 'BARU',
        name: 'Lomba baru',
        year: 2026,
        info: '{"province":"Banten"}',
        rules: '{"precision":2}',
        instrument_id: 1,
        created_at: '2026-08-01',
        archived_at: null,
        secretariat_pin_hash: null,
      },
    ]);
    migrated.close();
  });
});
