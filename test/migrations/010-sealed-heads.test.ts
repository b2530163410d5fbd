/**
 * Migration 010 (signed chain heads) on a schema-9 database: ledger_seal arrives empty and append-only, every
 * existing entry stays as it was, and the old chain (no signed head) still verifies, said to be unsigned.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/core/platform/database.js';
import { verifyDatabase } from '../../electron/core/audit/verify.js';
import { ledgerHash, ZERO_HASH } from '../../electron/core/platform/ledger.js';
import { tempDir } from '../support/core.js';

const temp = tempDir('penilai-m010-');
afterAll(() => temp.cleanup());

describe('migration 010-sealed-heads', () => {
  it('adds ledger_seal, append-only, keeps every entry, and an old chain verifies as unsigned', () => {
    const file = join(temp.dir, 'from-9.db');
    const old = openDatabase({ file, targetVersion: 9 });
    expect(schemaVersion(old)).toBe(9);
    old.exec(`INSERT INTO device (id, public_key, first_seen) VALUES ('d1', NULL, '2026-09-01T00:00:00.000Z');`);
    const fields = {
      uuid: 'e1',
      competition: 'C',
      kind: 'pin' as const,
      site: null,
      juror: 'J1',
      indicator: null,
      oldValue: null,
      newValue: null,
      oldText: null,
      newText: null,
      instrumentVersion: null,
      actor: 'J1',
      device: 'd1',
      reason: null,
      at: '2026-09-08T09:00:00.000Z',
      undoes: null,
      chain: 'd1',
      seq: 1,
      payload: null,
      v: null,
    };
    old
      .prepare(
        `INSERT INTO history (chain, seq, format, uuid, competition, kind, juror, actor, device, at, prev_hash, hash)
         VALUES ('d1', 1, 2, 'e1', 'C', 'pin', 'J1', 'J1', 'd1', '2026-09-08T09:00:00.000Z', ?, ?)`,
      )
      .run(ZERO_HASH, ledgerHash(ZERO_HASH, fields));
    const historyBefore = old.prepare('SELECT * FROM history').all();
    old.close();

    const migrated = openDatabase({ file, targetVersion: 10 });
    expect(schemaVersion(migrated)).toBe(10);
    expect(migrated.prepare('SELECT * FROM history').all()).toEqual(historyBefore);
    expect(migrated.prepare('SELECT count(*) FROM ledger_seal').pluck().get()).toBe(0);
    const report = verifyDatabase(migrated);
    expect(report.problems).toEqual([]);
    expect(report.unsigned).toEqual(['d1']);

    migrated.prepare(`INSERT INTO ledger_seal (chain, seq, hash, signature, at) VALUES ('d1', 1, 'h', 's', 'now')`).run();
    expect(() =>
      migrated.prepare(`INSERT INTO ledger_seal (chain, seq, hash, signature, at) VALUES ('d1', 1, 'h', 's', 'now')`).run(),
    ).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => migrated.exec(`UPDATE ledger_seal SET hash = 'x'`)).toThrow(/append-only/);
    expect(() => migrated.exec(`DELETE FROM ledger_seal`)).toThrow(/append-only/);
    migrated.close();
  });
});
