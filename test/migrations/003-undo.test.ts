/**
 * Migration 003 (undo as history) on a schema-2 database: the history gains `undoes`, every entry of schema 2 is
 * kept with `undoes` null, and the append-only triggers still hold.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/core/platform/database.js';
import { tempDir } from '../support/core.js';

const temp = tempDir('penilai-m003-');
afterAll(() => temp.cleanup());

describe('migration 003-undo', () => {
  it('gives the history an `undoes` column, keeping the entries of schema 2 (with undoes null) and its append-only triggers', () => {
    const file = join(temp.dir, 'from-2.db');
    const old = openDatabase({ file, targetVersion: 2 });
    expect(schemaVersion(old)).toBe(2);
    old
      .prepare(
        `INSERT INTO history (uuid, competition, kind, site, juror, indicator, old_value, new_value, actor, device, at, prev_hash, hash)
         VALUES ('u1', 'C', 'score', 'S01', 'J1', 'A1', NULL, 3, 'J1', 'd', '2026-09-08T09:00:00.000Z', ?, ?)`,
      )
      .run('0'.repeat(64), 'a'.repeat(64));
    old.close();

    const migrated = openDatabase({ file, targetVersion: 3 });
    expect(schemaVersion(migrated)).toBe(3);
    expect(migrated.prepare('SELECT * FROM history').all()).toEqual([
      {
        id: 1,
        uuid: 'u1',
        competition: 'C',
        kind: 'score',
        site: 'S01',
        juror: 'J1',
        indicator: 'A1',
        old_value: null,
        new_value: 3,
        old_text: null,
        new_text: null,
        instrument_version: null,
        actor: 'J1',
        device: 'd',
        reason: null,
        at: '2026-09-08T09:00:00.000Z',
        prev_hash: '0'.repeat(64),
        hash: 'a'.repeat(64),
        undoes: null,
      },
    ]);
    expect(() => migrated.prepare(`UPDATE history SET undoes = 'x'`).run()).toThrow(/append-only/);
    expect(() => migrated.prepare('DELETE FROM history').run()).toThrow(/append-only/);
    migrated.close();
  });
});
