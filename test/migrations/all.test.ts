/**
 * Every migration together: each earlier schema version opens and is brought forward to the latest, keeping its
 * rows; a database from a newer Penilai is refused without being touched. Each migration's own rows are checked in
 * its own file beside this one (NNN-what.test.ts).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/core/platform/database.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/core/platform/migrations/index.js';
import { openRepositories } from '../../electron/core/app.js';
import { UserError } from '../../shared/domain/errors.js';
import { fingerprint } from '../support/cli.js';
import { tempDir } from '../support/core.js';

const TEST_DEVICE = { id: 'd0000000-0000-4000-8000-000000000000', publicKey: null };
const temp = tempDir('penilai-migrations-');
afterAll(() => temp.cleanup());

describe('migrations', () => {
  it('bring every earlier version forward, keeping its rows', () => {
    for (let i = 0; i < MIGRATIONS.length; i += 1) {
      // The version before it (numbers handed to other branches may be skipped: 011 follows 009 here).
      const previous = i === 0 ? 0 : MIGRATIONS[i - 1]!.version;
      const file = join(temp.dir, `from-${previous}.db`);
      const old = openDatabase({ file, targetVersion: previous });
      expect(schemaVersion(old)).toBe(previous);
      if (previous > 0) {
        // seed with the repos of the older schema: an instrument
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
      if (previous > 0)
        expect(
          openRepositories(migrated, TEST_DEVICE)
            .instruments.listInstruments()
            .map((i) => i.code),
        ).toContain('X');
      migrated.close();
    }
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
