/**
 * One real process per command of contract.md section 1, exactly as a script would run it
 * (`npm run --silent cli -- <command> …`): the exit code and the one line it prints. Everything else about the
 * commands is tested in-process through the same entry (cli.test.ts, cli-init.test.ts, import-scores.test.ts).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ranking } from '../../shared/domain/ranking.js';
import { writePackage } from '../../electron/core/exchange/package-file.js';
import { openIdentity } from '../../electron/core/platform/identity.js';
import { cli, runCommand } from '../support/cli.js';
import { tempDir } from '../support/core.js';

const temp = tempDir('penilai-cli-smoke-');
/** A small demo (2 sites, 2 jurors, every sheet finalised), made in-process, read by rank, report, verify, export. */
const demo = join(temp.dir, 'demo.db');
/** Its competition file, exported in-process, for init and for a fresh database import-scores can write to. */
const file = join(temp.dir, 'demo.json');
const fresh = join(temp.dir, 'fresh.db');

beforeAll(async () => {
  for (const args of [
    ['demo', '--db', demo, '--sites', '2', '--jurors', '2'],
    ['export', '--db', demo, '--out', file],
    ['init', '--db', fresh, '--competition', file],
  ]) {
    const run = await runCommand(args);
    expect(run.status, run.stderr).toBe(0);
  }
});
afterAll(() => temp.cleanup());

describe('each command as a real process', () => {
  it('demo', () => {
    const db = join(temp.dir, 'made.db');
    const run = cli(['demo', '--db', db, '--sites', '2', '--jurors', '2']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe(`Lomba demo DEMO dibuat di ${db}: 2 lokus, 2 juri, 112 nilai.\n`);
  });

  it('init', () => {
    const db = join(temp.dir, 'init.db');
    const run = cli(['init', '--db', db, '--competition', file]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe(`Lomba DEMO dibuat di ${db}: 2 lokus, 2 juri.\n`);
  });

  it('export', () => {
    const out = join(temp.dir, 'again.json');
    const run = cli(['export', '--db', demo, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe(`Lomba DEMO diekspor ke ${out}.\n`);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(file, 'utf8'));
  });

  it('import-scores', () => {
    const csv = join(temp.dir, 'nilai.csv');
    writeFileSync(csv, 'site,juror,indicator,score,note\nS01,J2,A3,4,\n');
    const run = cli(['import-scores', '--db', fresh, '--file', csv]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr.split('\n')[0]).toContain(csv);
  });

  it('rank', () => {
    const run = cli(['rank', '--db', demo, '--json']);
    expect(run.status, run.stderr).toBe(0);
    const ranking = JSON.parse(run.stdout) as Ranking;
    expect(ranking.ranking.map((r) => r.site).sort()).toEqual(['S01', 'S02']);
  });

  it('report', () => {
    const out = join(temp.dir, 'rekap.pdf');
    const run = cli(['report', '--db', demo, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`^Laporan ditulis ke ${out.replace(/[.]/g, '\\.')} \\(\\d+ halaman\\)\\.\\n$`));
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('export-xlsx', () => {
    const out = join(temp.dir, 'rekap.xlsx');
    const run = cli(['export-xlsx', '--db', demo, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe(`Buku kerja Excel lomba DEMO ditulis: ${out} (lembar Peringkat, Per juri, Nilai, Keputusan pleno).\n`);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('verify', () => {
    const run = cli(['verify', '--db', demo]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[0]).toContain(demo);
  });

  it('backup and restore', async () => {
    const db = join(temp.dir, 'backup.db');
    expect((await runCommand(['demo', '--db', db, '--sites', '2', '--jurors', '2', '--home', temp.dir])).status).toBe(0);
    const out = join(temp.dir, 'flashdisk');
    const backup = cli(['backup', '--db', db, '--out', out, '--home', temp.dir]);
    expect(backup.status, backup.stderr).toBe(0);
    const [name] = readdirSync(out);
    expect(backup.stderr).toMatch(new RegExp(`^Cadangan ${name} ditulis ke ${out}: 112 nilai, 0 foto, \\d+ KB\\.\\n$`));
    const restore = cli(['restore', '--db', db, '--from', join(out, name!), '--home', temp.dir]);
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.stderr.split('\n')[0]).toMatch(new RegExp(`^Cadangan ${name} \\(.+ UTC\\) dipulihkan ke ${db}: 112 nilai, 0 foto\\.$`));
  });

  it('package inspect', async () => {
    const home = openIdentity(join(temp.dir, 'home'));
    const bytes = await writePackage({
      manifest: {
        kind: 'setup',
        competition: { uuid: '3f2b8c1e-5d4a-4c2b-9e1f-0a6b7c8d9e10', code: 'DEMO' },
        instrument: { code: 'P2WKSS', version: 1, sha256: '0'.repeat(64) },
        device: { id: home.id, publicKey: home.publicKey },
        created: '2026-08-01T09:30:00.000Z',
      },
      members: [{ path: 'competition.json', bytes: readFileSync(file) }],
      sign: home.sign,
    });
    const pkg = join(temp.dir, 'setup.penilai');
    writeFileSync(pkg, bytes);
    const run = cli(['package', 'inspect', '--file', pkg]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Paket persiapan lomba DEMO, instrumen P2WKSS versi 1');
  });

  it('a user error: one line on stderr and exit code 1, nothing created', () => {
    const missing = join(temp.dir, 'missing.db');
    const run = cli(['rank', '--db', missing]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`penilai: Berkas basis data tidak ditemukan: ${missing}\n`);
    expect(existsSync(missing)).toBe(false);
  });
});
