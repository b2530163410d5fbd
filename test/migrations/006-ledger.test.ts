/**
 * Migration 006 (the history becomes the ledger: one chain per device) on a database written by the release code
 * (schema 3, commit d7965c4; test/fixtures/schema3/README.md says how it was made): it opens, migrates through 004,
 * 005 and 006, keeps every row, passes verify with its photo files, and ranks exactly as that release ranked it.
 * A laptop writing to it afterwards starts its own chain beside the old one.
 */
import { copyFileSync, cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { verifyFile } from '../../electron/core/audit/verify.js';
import { openDatabase, schemaVersion } from '../../electron/core/platform/database.js';
import { SCHEMA_VERSION } from '../../electron/core/platform/migrations/index.js';
import { sha256 } from '../../electron/core/platform/hash.js';
import { openTestCore, REPO_ROOT, tempDir } from '../support/core.js';

const FIXTURE = join(REPO_ROOT, 'test/fixtures/schema3');
interface Table {
  columns: string[];
  rows: unknown[][];
}
const expected = JSON.parse(readFileSync(join(FIXTURE, 'expected.json'), 'utf8')) as { tables: Record<string, Table> };
const rowsOf = (name: string): Record<string, unknown>[] => {
  const t = expected.tables[name]!;
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])));
};
const LEGACY_DEVICE = rowsOf('app_meta').find((r) => r.key === 'device')!.value as string;

let temp: ReturnType<typeof tempDir>;
let database: string;
let core: Core;

beforeAll(() => {
  temp = tempDir('penilai-m006-');
  database = join(temp.dir, 'penilai.sqlite');
  copyFileSync(join(FIXTURE, 'penilai.sqlite'), database);
  cpSync(join(FIXTURE, 'penilai.sqlite.bukti'), `${database}.bukti`, { recursive: true });
  const before = openDatabase({ file: database, targetVersion: 3 });
  expect(schemaVersion(before)).toBe(3);
  before.close();
  core = openTestCore(database, () => new Date('2026-09-21T02:00:00Z'), { home: join(temp.dir, 'home') });
});
afterAll(() => {
  core.close();
  temp.cleanup();
});

const all = (sql: string) => core.db.prepare(sql).all() as Record<string, unknown>[];

describe('a schema-3 database of the release, migrated', () => {
  it('is at the latest schema', () => {
    expect(schemaVersion(core.db)).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(6);
  });

  it('keeps every competition, site, juror, aspect, recusal and PIN', () => {
    const pick = (rows: Record<string, unknown>[], keys: string[]) => rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));
    expect(
      pick(all('SELECT * FROM competition ORDER BY id'), ['id', 'uuid', 'code', 'name', 'year', 'info', 'rules', 'instrument_id']),
    ).toEqual(pick(rowsOf('competition'), ['id', 'uuid', 'code', 'name', 'year', 'info', 'rules', 'instrument_id']));
    expect(all('SELECT * FROM site ORDER BY id')).toEqual(rowsOf('site'));
    expect(all('SELECT * FROM juror ORDER BY id')).toEqual(rowsOf('juror'));
    expect(all('SELECT * FROM juror_aspect ORDER BY juror_id, aspect_code')).toEqual(rowsOf('juror_aspect'));
    expect(all('SELECT * FROM recusal ORDER BY juror_id, site_id')).toEqual(rowsOf('recusal'));
  });

  it('keeps every score, and every note (moved to its own table by 005) with its author and time', () => {
    const scores = rowsOf('score');
    expect(all('SELECT * FROM score ORDER BY id')).toEqual(scores.map(({ note: _note, ...rest }) => rest));
    expect(
      all(
        'SELECT site_id, juror_id, indicator_code, note, updated_at, updated_by, device FROM note ORDER BY site_id, juror_id, indicator_code',
      ),
    ).toEqual(
      scores
        .filter((s) => s.note !== null)
        .map((s) => ({
          site_id: s.site_id,
          juror_id: s.juror_id,
          indicator_code: s.indicator_code,
          note: s.note,
          updated_at: s.updated_at,
          updated_by: s.updated_by,
          device: s.device,
        }))
        .sort(
          (a, b) =>
            Number(a.site_id) - Number(b.site_id) ||
            Number(a.juror_id) - Number(b.juror_id) ||
            String(a.indicator_code).localeCompare(String(b.indicator_code)),
        ),
    );
    expect(scores).toHaveLength(78);
  });

  it('keeps every household checklist, photo record and sheet, with the drawn signatures byte for byte', () => {
    expect(all('SELECT * FROM household ORDER BY site_id, juror_id, indicator_code')).toEqual(rowsOf('household'));
    expect(all('SELECT * FROM evidence ORDER BY id')).toEqual(rowsOf('evidence'));
    const sheets = (
      core.db.prepare('SELECT * FROM sheet ORDER BY juror_id, site_id').all() as {
        juror_id: number;
        site_id: number;
        finalised_at: string | null;
        signature: Buffer | null;
      }[]
    ).map((s) => ({
      juror_id: s.juror_id,
      site_id: s.site_id,
      finalised_at: s.finalised_at,
      signature_sha256: s.signature ? sha256(s.signature) : null,
      signature_size: s.signature ? s.signature.length : null,
    }));
    expect(sheets).toEqual(rowsOf('sheet'));
  });

  it('turns the old chain into one device chain: every entry kept with its hash, numbered in order', () => {
    const old = rowsOf('history');
    const now = all('SELECT * FROM history ORDER BY id');
    expect(now).toHaveLength(99);
    expect(now.map((r) => r.uuid)).toEqual(old.map((r) => r.uuid));
    expect(now.map((r) => r.hash)).toEqual(old.map((r) => r.hash));
    expect(now.map((r) => r.prev_hash)).toEqual(old.map((r) => r.prev_hash));
    expect(now.map((r) => [r.chain, r.seq, r.format])).toEqual(old.map((_r, i) => [LEGACY_DEVICE, i + 1, 1]));
    for (const column of [
      'kind',
      'site',
      'juror',
      'indicator',
      'old_value',
      'new_value',
      'old_text',
      'new_text',
      'actor',
      'device',
      'reason',
      'at',
      'undoes',
    ]) {
      expect(
        now.map((r) => r[column]),
        column,
      ).toEqual(old.map((r) => r[column]));
    }
  });

  it('passes verify, photo files included, with one chain: the device that wrote it', () => {
    const report = verifyFile(database);
    expect(report.problems).toEqual([]);
    expect(report.chains).toEqual([{ device: LEGACY_DEVICE, entries: 99, head: rowsOf('history').at(-1)!.hash }]);
    expect(report.scores).toBe(78);
  });

  it('ranks exactly as the release ranked it', async () => {
    for (const [code, file] of [
      ['P2WKSS-JATIM-2026', 'rank.json'],
      ['KKB-JATIM-2026', 'rank-2.json'],
    ] as const) {
      const ranking = await core.call('compile.ranking', { competition: code });
      // The release's ranking, and (schema 8) the state of a result whose plenary never opened.
      expect(ranking.ok && ranking.value).toEqual({
        ...JSON.parse(readFileSync(join(FIXTURE, file), 'utf8')),
        state: 'draft',
        revision: 0,
        snapshot: null,
        decisions: [],
      });
    }
  });

  it('takes new entries on this laptop in its own chain, beside the old one, and both verify', async () => {
    // On a copy, so that the other tests (in any order) see the migrated database untouched.
    const copy = join(temp.dir, 'copy.sqlite');
    copyFileSync(join(FIXTURE, 'penilai.sqlite'), copy);
    cpSync(join(FIXTURE, 'penilai.sqlite.bukti'), `${copy}.bukti`, { recursive: true });
    const laptop = openTestCore(copy, () => new Date('2026-09-21T02:00:00Z'), { home: join(temp.dir, 'home') });
    try {
      await written(laptop, copy);
    } finally {
      laptop.close();
    }
  });
});

/** A score written on the migrated copy: a new chain for this laptop, both chains verified. */
async function written(core: Core, database: string): Promise<void> {
  {
    const r = await core.call('scoring.setScore', { competition: 'KKB-JATIM-2026', juror: 'J1', site: 'K01', indicator: 'IN1', value: 3 });
    expect(r.ok).toBe(true);
    const report = verifyFile(database);
    expect(report.problems).toEqual([]);
    expect(report.chains.map((c) => [c.device, c.entries])).toEqual(
      [
        [LEGACY_DEVICE, 99],
        [core.deps.identity.id, 1],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  }
}
