/**
 * The plenary tables edited with a SQLite tool (issue 12 point 3): the locked result's snapshot (with its hash
 * recomputed), the result state, a jury's order for tied sites that no plenary decided. `verify --db` compares them
 * with the ledger's `pleno.*` entries and names each.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../support/cli.js';
import { tempDir } from '../support/core.js';
import { tamperedCopy, verifyBoth } from '../support/tamper.js';

const temp = tempDir('penilai-tamper-pleno-');
const demo = join(temp.dir, 'demo.db');
const home = join(temp.dir, 'home');

beforeAll(async () => {
  for (const args of [
    ['demo', '--db', demo, '--home', home, '--sites', '3', '--jurors', '3'],
    ['pleno', 'open', '--db', demo, '--home', home],
    ['pleno', 'lock', '--db', demo, '--home', home],
  ]) {
    const run = await runCommand(args);
    if (run.status !== 0) throw new Error(run.stderr);
  }
}, 60_000);
afterAll(() => temp.cleanup());

const failure = (file: string) => `penilai: Basis data ${file} tidak lolos pemeriksaan: `;
const failureEn = (file: string) => `penilai: Database ${file} failed verification: `;

describe('verify --db against plenary tampering', () => {
  it('passes the locked demo', async () => {
    expect(await runCommand(['verify', '--db', demo])).toMatchObject({ status: 0, stderr: '' });
  });

  it('names a locked result rewritten with its hash recomputed', async () => {
    const file = tamperedCopy(demo, temp.dir, 'snapshot', (db) => {
      const { snapshot } = db.prepare<[], { snapshot: string }>('SELECT snapshot FROM pleno').get()!;
      const changed = snapshot.replace('"Juara I"', '"Juara Utama"');
      expect(changed).not.toBe(snapshot);
      db.prepare('UPDATE pleno SET snapshot = ?, snapshot_sha256 = ?').run(changed, createHash('sha256').update(changed).digest('hex'));
    });
    const { id, en } = await verifyBoth(file);
    expect(id.status).toBe(1);
    expect(id.stderr).toBe(
      `${failure(file)}hasil terkunci lomba DEMO (revisi 0) diubah di luar aplikasi: tidak sama dengan yang dicatat buku besar saat dikunci\n`,
    );
    expect(en.stderr).toBe(
      `${failureEn(file)}the locked result of competition DEMO (revision 0) was changed outside the app: it is not what the ledger recorded when it was locked\n`,
    );
  });

  it('names a result unlocked behind the app', async () => {
    const file = tamperedCopy(demo, temp.dir, 'state', `UPDATE pleno SET state = 'pleno', snapshot = NULL, snapshot_sha256 = NULL`);
    const { id, en } = await verifyBoth(file);
    expect(id.status).toBe(1);
    expect(id.stderr).toBe(
      `${failure(file)}status hasil lomba DEMO adalah pleno (0), padahal buku besar mencatat locked (0): diubah di luar aplikasi\n`,
    );
    expect(en.stderr).toBe(
      `${failureEn(file)}the result state of competition DEMO is pleno (0), but the ledger records locked (0): changed outside the app\n`,
    );
  });

  it("names a jury's order no plenary decided", async () => {
    const file = tamperedCopy(
      demo,
      temp.dir,
      'decision',
      `INSERT INTO pleno_decision (competition_id, revision, sites, order_codes, reason, at)
       SELECT id, 0, '["S01","S02"]', '["S02","S01"]', 'karangan', '2026-12-01T00:00:00.000Z' FROM competition`,
    );
    const { id, en } = await verifyBoth(file);
    expect(id.status).toBe(1);
    expect(id.stderr).toBe(
      `${failure(file)}urutan keputusan pleno untuk lokus S01, S02 (lomba DEMO) diubah di luar aplikasi: tidak sama dengan buku besar\n`,
    );
    expect(en.stderr).toBe(
      `${failureEn(file)}the plenary's order for sites S01, S02 (competition DEMO) was changed outside the app: it differs from the ledger\n`,
    );
  });
});
