/**
 * Migration 008 (the plenary meeting) on a schema-7 database: the pleno tables arrive empty (every competition reads
 * as draft, revision 0), the pleno kinds join the ledger's kinds, every existing row and entry stays as it was, a
 * locked state cannot be stored without its snapshot, and one decision per set of sites is in force at a time.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/core/platform/database.js';
import { tempDir } from '../support/core.js';

const temp = tempDir('penilai-m008-');
afterAll(() => temp.cleanup());

describe('migration 008-pleno', () => {
  it('adds the pleno tables and kinds, keeps every row, and guards the snapshot and the decisions', () => {
    const file = join(temp.dir, 'from-7.db');
    const old = openDatabase({ file, targetVersion: 7 });
    expect(schemaVersion(old)).toBe(7);
    old.exec(`
      INSERT INTO instrument (code, version, name, content, content_hash, created_at) VALUES ('I', 1, 'I', '{}', 'h', 'now');
      INSERT INTO competition (uuid, code, name, year, info, rules, instrument_id, created_at) VALUES ('u', 'C', 'C', 2026, '{}', '{}', 1, 'now');
      INSERT INTO device (id, public_key, first_seen) VALUES ('d1', NULL, '2026-09-01T00:00:00.000Z');
    `);
    old
      .prepare(
        `INSERT INTO history (chain, seq, format, uuid, competition, kind, site, juror, indicator, new_value, actor, device, at, prev_hash, hash)
         VALUES ('d1', 1, 2, 'e1', 'C', 'score', 'S01', 'J1', 'A1', 3, 'J1', 'd1', '2026-09-08T09:00:00.000Z', ?, ?)`,
      )
      .run('0'.repeat(64), 'a'.repeat(64));
    const kindsBefore = old.prepare('SELECT * FROM ledger_kind ORDER BY kind').all();
    const historyBefore = old.prepare('SELECT * FROM history').all();
    const competitionBefore = old.prepare('SELECT * FROM competition').all();
    old.close();

    const migrated = openDatabase({ file, targetVersion: 8 });
    expect(schemaVersion(migrated)).toBe(8);
    expect(migrated.prepare('SELECT * FROM history').all()).toEqual(historyBefore);
    expect(migrated.prepare('SELECT * FROM competition').all()).toEqual(competitionBefore);
    expect(migrated.prepare(`SELECT * FROM ledger_kind WHERE domain != 'pleno' ORDER BY kind`).all()).toEqual(kindsBefore);
    expect(migrated.prepare(`SELECT kind FROM ledger_kind WHERE domain = 'pleno' ORDER BY kind`).pluck().all()).toEqual([
      'pleno.decide',
      'pleno.lock',
      'pleno.open',
      'pleno.reopen',
      'pleno.sign',
    ]);
    for (const table of ['pleno', 'pleno_decision']) expect(migrated.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);

    // A locked state stores its snapshot and hash; an open one stores none.
    const state = migrated.prepare(
      'INSERT OR REPLACE INTO pleno (competition_id, state, revision, snapshot, snapshot_sha256, changed_at) VALUES (1, ?, 0, ?, ?, ?)',
    );
    expect(() => state.run('locked', null, null, 'now')).toThrow(/CHECK/);
    expect(() => state.run('pleno', '{}', 'h', 'now')).toThrow(/CHECK/);
    expect(() => state.run('closed', null, null, 'now')).toThrow(/CHECK/);
    state.run('locked', '{}', 'h', 'now');
    expect(migrated.prepare('SELECT state FROM pleno').pluck().get()).toBe('locked');

    // One decision in force per set of sites; a replaced one stays beside it.
    const decision = migrated.prepare(
      `INSERT INTO pleno_decision (competition_id, revision, sites, order_codes, reason, at, replaced_at) VALUES (1, 0, '["S04","S05"]', '["S05","S04"]', 'r', 'now', ?)`,
    );
    decision.run(null);
    expect(() => decision.run(null)).toThrow(/UNIQUE/);
    decision.run('later');
    expect(migrated.prepare('SELECT count(*) FROM pleno_decision').pluck().get()).toBe(2);
    migrated.close();
  });
});
