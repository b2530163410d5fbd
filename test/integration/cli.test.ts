/**
 * The command line of contract.md section 1, run as a real process on real files: demo, rank and report, and
 * the user errors that must end in one clear line, a non-zero exit and no change to anything.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../shared/domain/numbers.js';
import type { Ranking } from '../../shared/domain/ranking.js';
import { runCommand, fingerprint } from '../support/cli.js';
import { tempDir } from '../support/core.js';
import { pdfText, qpdfCheck } from '../support/pdf.js';

const temp = tempDir('penilai-cli-');
const db = join(temp.dir, 'demo.db');
let ranking: Ranking;

function expectOneLineError(run: { status: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(run.status).not.toBe(0);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

beforeAll(async () => {
  const made = await runCommand(['demo', '--db', db]);
  expect(made.status, made.stderr).toBe(0);
  const ranked = await runCommand(['rank', '--db', db, '--json']);
  expect(ranked.status, ranked.stderr).toBe(0);
  ranking = JSON.parse(ranked.stdout) as Ranking;
});

afterAll(() => temp.cleanup());

describe('demo and rank', () => {
  it('prints the contract JSON for 12 sites, complete and finalised, with labels on the first six', () => {
    expect(ranking).toMatchObject({
      competition: 'DEMO',
      aggregation: 'mean',
      normalise: 'max',
      precision: 2,
      rankBy: 'all',
      complete: true,
      finalised: true,
    });
    expect(ranking.ranking).toHaveLength(12);
    const first = ranking.ranking[0]!;
    for (const key of ['rank', 'site', 'name', 'category', 'total', 'label', 'tied', 'complete', 'decidedBy', 'aspects', 'phases']) {
      expect(first).toHaveProperty(key);
    }
    expect(first.decidedBy).toBeNull();
    expect(Object.keys(first.aspects)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    expect(Object.keys(first.phases)).toEqual(['ADM', 'PPR', 'LAP', 'KRT']);
    expect(ranking.ranking.slice(0, 6).map((r) => r.label)).toEqual([
      'Juara I',
      'Juara II',
      'Juara III',
      'Harapan I',
      'Harapan II',
      'Harapan III',
    ]);
    expect(ranking.ranking.slice(6).every((r) => r.label === null)).toBe(true);
    // totals are sorted, and each total is the sum of its aspects (unrounded numbers)
    for (const r of ranking.ranking) {
      const sum = Object.values(r.aspects).reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - r.total)).toBeLessThan(1e-9);
      expect(r.total).toBeGreaterThan(0);
      expect(r.total).toBeLessThanOrEqual(100);
    }
    const totals = ranking.ranking.map((r) => r.total);
    expect([...totals].sort((a, b) => b - a)).toEqual(totals);
  });

  it('gives the same ranking for the same seed and another for another seed', async () => {
    const again = join(temp.dir, 'again.db');
    expect((await runCommand(['demo', '--db', again])).status).toBe(0);
    expect(JSON.parse((await runCommand(['rank', '--db', again, '--json'])).stdout)).toEqual(ranking);
    const other = join(temp.dir, 'other.db');
    expect((await runCommand(['demo', '--db', other, '--seed', '7', '--sites', '8', '--jurors', '3'])).status).toBe(0);
    const otherRanking = JSON.parse((await runCommand(['rank', '--db', other, '--json'])).stdout) as Ranking;
    expect(otherRanking.ranking).toHaveLength(8);
    expect(otherRanking.ranking.map((r) => r.total)).not.toEqual(ranking.ranking.slice(0, 8).map((r) => r.total));
  });

  it('prints a readable ranking with decimal commas', async () => {
    const run = await runCommand(['rank', '--db', db]);
    expect(run.status).toBe(0);
    const first = ranking.ranking[0]!;
    expect(run.stdout).toContain(formatNumber(first.total, 2, 'id'));
    expect(run.stdout).toContain('Juara I');
  });

  it('refuses a database that already holds DEMO and leaves it byte-for-byte unchanged', async () => {
    const before = fingerprint(db);
    expectOneLineError(await runCommand(['demo', '--db', db]), /sudah berisi lomba DEMO/);
    expect(fingerprint(db)).toBe(before);
  });
});

describe('report', () => {
  it('writes a recap PDF that qpdf accepts, with every site and totals with decimal commas', async () => {
    const out = join(temp.dir, 'rekap.pdf');
    const run = await runCommand(['report', '--db', db, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(qpdfCheck(out).ok).toBe(true);
    const text = pdfText(out);
    expect(text).toContain('Rekapitulasi'.toUpperCase());
    for (const r of ranking.ranking) {
      expect(text).toContain(r.name);
      expect(text).toContain(formatNumber(r.total, 2, 'id'));
    }
    expect(text).toMatch(/Halaman 1 dari \d/);
    expect(readdirSync(temp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses an output folder that does not exist, in one line, leaving nothing behind', async () => {
    const missing = join(temp.dir, 'no-such-folder', 'r.pdf');
    const before = fingerprint(db);
    expectOneLineError(await runCommand(['report', '--db', db, '--out', missing]), /Folder tujuan tidak ada: .*no-such-folder/);
    expect(existsSync(join(temp.dir, 'no-such-folder'))).toBe(false);
    expect(fingerprint(db)).toBe(before);
  });
});

describe('user errors', () => {
  it('refuses a database file that does not exist, without creating it', async () => {
    const missing = join(temp.dir, 'missing.db');
    expectOneLineError(await runCommand(['rank', '--db', missing]), /Berkas basis data tidak ditemukan: .*missing\.db/);
    expect(existsSync(missing)).toBe(false);
  });

  it('speaks English with --lang en', async () => {
    expectOneLineError(await runCommand(['rank', '--db', join(temp.dir, 'missing.db'), '--lang', 'en']), /Database file not found/);
  });

  it('refuses a file that is not a database and leaves it unchanged', async () => {
    const junk = join(temp.dir, 'junk.db');
    writeFileSync(junk, 'this is not a database, it is a note\n'.repeat(200));
    const before = fingerprint(junk);
    expectOneLineError(await runCommand(['rank', '--db', junk]), /bukan basis data Penilai/);
    expect(fingerprint(junk)).toBe(before);
  });

  it('refuses a database made by a newer Penilai and leaves it unchanged', async () => {
    const newer = join(temp.dir, 'newer.db');
    const raw = new Database(newer);
    raw.pragma('journal_mode = WAL');
    raw.exec('CREATE TABLE future (x INTEGER) STRICT');
    raw.pragma('user_version = 99');
    raw.close();
    const before = fingerprint(newer);
    expectOneLineError(await runCommand(['rank', '--db', newer]), /versi lebih baru \(skema 99/);
    expect(fingerprint(newer)).toBe(before);
  });

  it('names a missing option and an unknown command', async () => {
    expectOneLineError(await runCommand(['rank']), /Opsi --db wajib diisi untuk perintah rank/);
    expectOneLineError(await runCommand(['rangking', '--db', db]), /Perintah tidak dikenal.*rangking/);
    expectOneLineError(await runCommand(['demo', '--db', join(temp.dir, 'x.db'), '--sites', 'dua belas']), /--sites/);
    expect(existsSync(join(temp.dir, 'x.db'))).toBe(false);
  });
});
