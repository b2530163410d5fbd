/**
 * `verify --db FILE` (contract.md section 1): exit 0 on a sound database; a row changed behind the app's back is
 * reported in one line on stderr with a non-zero exit, and the database is left exactly as it was.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, fingerprint } from '../support/cli.js';
import { tempDir } from '../support/core.js';

const temp = tempDir('penilai-cli-verify-');
const demo = join(temp.dir, 'demo.db');

/** A copy of the demo database with `sql` run on it, triggers and all, as someone with a SQLite shell could. */
function tampered(name: string, sql: string): string {
  const file = join(temp.dir, `${name}.db`);
  copyFileSync(demo, file);
  const db = new Database(file);
  db.exec(sql);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return file;
}

beforeAll(() => {
  const made = cli(['demo', '--db', demo, '--sites', '3', '--jurors', '3']);
  if (made.status !== 0) throw new Error(made.stderr);
}, 60_000);
afterAll(() => temp.cleanup());

describe('verify --db', () => {
  it('passes a demo database, in one line, and changes nothing', () => {
    const before = fingerprint(demo);
    const run = cli(['verify', '--db', demo]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toMatch(/utuh: .*rantai riwayat \d+ entri tidak terputus/);
    expect(fingerprint(demo)).toBe(before);
  });

  it('reports a history entry rewritten with its triggers dropped, in one line', () => {
    const file = tampered(
      'rewritten',
      `DROP TRIGGER history_no_update;
       UPDATE history SET new_value = new_value + 1 WHERE id = (SELECT min(id) + 5 FROM history WHERE kind = 'score');
       CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;`,
    );
    const before = fingerprint(file);
    const run = cli(['verify', '--db', file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^penilai: Basis data .*rewritten\.db tidak lolos pemeriksaan: entri riwayat #\d+ \(.+\) diubah/);
    expect(fingerprint(file)).toBe(before);
  });

  it('reports a score changed without a history entry, naming the cell, in both languages', () => {
    const file = tampered(
      'score',
      `UPDATE score SET value = CASE WHEN value >= 2 THEN value - 1 ELSE value + 1 END
       WHERE id = (SELECT min(id) FROM score);`,
    );
    const run = cli(['verify', '--db', file]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/nilai \S+ juri \S+ di lokus \S+ \(lomba DEMO\) adalah [\d.]+, padahal riwayat mencatat [\d.]+/);
    const en = cli(['verify', '--db', file, '--lang', 'en']);
    expect(en.status).toBe(1);
    expect(en.stderr).toMatch(
      /^penilai: Database .* failed verification: score of \S+ by juror \S+ at site \S+ \(competition DEMO\) is [\d.]+, but the history records [\d.]+\n$/,
    );
  });

  it('reports a deleted history entry and a reopened sheet, the first problem and how many more', () => {
    const file = tampered(
      'deleted',
      `DROP TRIGGER history_no_delete;
       DELETE FROM history WHERE id = (SELECT max(id) FROM history);
       UPDATE sheet SET finalised_at = NULL WHERE rowid = (SELECT min(rowid) FROM sheet);`,
    );
    const run = cli(['verify', '--db', file]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/pemicu history_no_delete .* hilang \(dan \d+ masalah lain\)/);
  });

  it('refuses a file that does not exist, creating nothing', () => {
    const missing = join(temp.dir, 'nothing.db');
    const run = cli(['verify', '--db', missing]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`penilai: Berkas basis data tidak ditemukan: ${missing}`);
    expect(fingerprint(missing)).toBe(fingerprint(join(temp.dir, 'also-nothing.db')));
  });
});
