/**
 * Migration 007 (packages between laptops) on a schema-6 database: the exchange tables arrive empty, the exchange
 * kinds join the ledger's kinds, every existing row and entry stays as it was, and the links table is append-only
 * like the history.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/core/platform/database.js';
import { tempDir } from '../support/core.js';

const temp = tempDir('penilai-m007-');
afterAll(() => temp.cleanup());

describe('migration 007-exchange', () => {
  it('adds the exchange tables and kinds, keeps every row, and keeps the links append-only', () => {
    const file = join(temp.dir, 'from-6.db');
    const old = openDatabase({ file, targetVersion: 6 });
    expect(schemaVersion(old)).toBe(6);
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
    old.close();

    const migrated = openDatabase({ file, targetVersion: 7 });
    expect(schemaVersion(migrated)).toBe(7);
    expect(migrated.prepare('SELECT * FROM history').all()).toEqual(historyBefore);
    expect(migrated.prepare(`SELECT * FROM ledger_kind WHERE domain != 'exchange' ORDER BY kind`).all()).toEqual(kindsBefore);
    expect(migrated.prepare(`SELECT kind FROM ledger_kind WHERE domain = 'exchange' ORDER BY kind`).pluck().all()).toEqual([
      'exchange.import',
      'exchange.resolve',
      'exchange.setup',
      'exchange.trust',
    ]);
    for (const table of ['ledger_link', 'competition_source', 'juror_device', 'package_receipt', 'exchange_conflict'])
      expect(migrated.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    migrated.prepare('INSERT INTO ledger_link (chain, seq, prev_hash, hash) VALUES (?, 1, ?, ?)').run('d2', '0'.repeat(64), 'b'.repeat(64));
    expect(() => migrated.prepare(`UPDATE ledger_link SET hash = 'c' WHERE chain = 'd2'`).run()).toThrow('history is append-only');
    expect(() => migrated.prepare(`DELETE FROM ledger_link`).run()).toThrow('history is append-only');
    // One open conflict per cell at a time.
    const conflict = migrated.prepare(
      `INSERT INTO exchange_conflict (competition_id, juror, site, indicator, device, local, incoming, opened_at) VALUES (1, 'J1', 'S01', 'A1', 'd2', '{}', '{}', 'now')`,
    );
    conflict.run();
    expect(() => conflict.run()).toThrow(/UNIQUE/);
    migrated.close();
  });
});
