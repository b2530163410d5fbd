/**
 * The setup tables edited behind the app with a SQLite tool (issue 12 point 3): a weight, a rule, a recusal, a
 * juror's aspects, a site's name, a signatory's NIP, a deleted site. `verify --db` compares every setup table with
 * the state the ledger's entries imply, exits non-zero and names what differs, in Indonesian and in English.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint, runCommand } from '../support/cli.js';
import { tempDir } from '../support/core.js';
import { tamperedCopy, verifyBoth } from '../support/tamper.js';

const temp = tempDir('penilai-tamper-setup-');
const demo = join(temp.dir, 'demo.db');
const home = join(temp.dir, 'home');

beforeAll(async () => {
  const made = await runCommand(['demo', '--db', demo, '--home', home, '--sites', '3', '--jurors', '3']);
  if (made.status !== 0) throw new Error(made.stderr);
}, 60_000);
afterAll(() => temp.cleanup());

const failure = (file: string) => `penilai: Basis data ${file} tidak lolos pemeriksaan: `;
const failureEn = (file: string) => `penilai: Database ${file} failed verification: `;

describe('verify --db against setup tampering', () => {
  it('passes the untampered demo database and leaves it as it was', async () => {
    const before = fingerprint(demo);
    const run = await runCommand(['verify', '--db', demo]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(fingerprint(demo)).toBe(before);
  });

  it('names a weight changed in the instrument, even with its content hash recomputed', async () => {
    const file = tamperedCopy(demo, temp.dir, 'weight', (db) => {
      const row = db
        .prepare<[], { id: number; content: string }>(
          'SELECT id, content FROM instrument WHERE id = (SELECT instrument_id FROM competition)',
        )
        .get()!;
      const content = row.content.replace('"weight":3', '"weight":13');
      expect(content).not.toBe(row.content);
      const hash = createHash('sha256').update(content).digest('hex');
      db.prepare('UPDATE instrument SET content = ?, content_hash = ? WHERE id = ?').run(content, hash, row.id);
    });
    const before = fingerprint(file);
    const { id, en } = await verifyBoth(file);
    expect(id.status).toBe(1);
    expect(id.stderr).toMatch(
      new RegExp(
        `^${escape(failure(file))}instrumen lomba DEMO adalah P2WKSS-PROV v1 \\([0-9a-f]{12}\\), padahal buku besar mencatat P2WKSS-PROV v1 \\([0-9a-f]{12}\\) \\(bobot atau isi instrumen diubah di luar aplikasi\\)\\n$`,
      ),
    );
    expect(en.status).toBe(1);
    expect(en.stderr).toMatch(
      /the instrument of competition DEMO is P2WKSS-PROV v1 \([0-9a-f]{12}\), but the ledger records P2WKSS-PROV v1/,
    );
    expect(fingerprint(file)).toBe(before);
  });

  it('names a weight changed in the instrument content alone', async () => {
    const file = tamperedCopy(
      demo,
      temp.dir,
      'weight-only',
      `UPDATE instrument SET content = replace(content, '"weight":4', '"weight":14') WHERE id = (SELECT instrument_id FROM competition)`,
    );
    const { id, en } = await verifyBoth(file);
    expect(id.status).toBe(1);
    expect(id.stderr).toBe(
      `${failure(file)}isi instrumen P2WKSS-PROV versi 1 (bobot, skala, rubrik) diubah di luar aplikasi: tidak cocok lagi dengan hash-nya\n`,
    );
    expect(en.stderr).toContain('the content of instrument P2WKSS-PROV version 1 (weights, scales, rubrics) was changed outside the app');
  });

  it('names a rule changed', async () => {
    const file = tamperedCopy(demo, temp.dir, 'rule', `UPDATE competition SET rules = json_set(rules, '$.aggregation', 'median')`);
    const { id, en } = await verifyBoth(file);
    expect(id.status).toBe(1);
    expect(id.stderr).toBe(
      `${failure(file)}aturan lomba DEMO diubah di luar aplikasi (tidak sama dengan buku besar): cara menggabung nilai juri\n`,
    );
    expect(en.status).toBe(1);
    expect(en.stderr).toBe(
      `${failureEn(file)}the rules of competition DEMO were changed outside the app (they differ from the ledger): how jurors' scores are combined\n`,
    );
  });

  it('names a recusal added', async () => {
    const file = tamperedCopy(
      demo,
      temp.dir,
      'recusal',
      `INSERT INTO recusal (juror_id, site_id) SELECT j.id, s.id FROM juror j, site s WHERE j.code = 'J2' AND s.code = 'S01'`,
    );
    const { id, en } = await verifyBoth(file);
    expect(id.status).toBe(1);
    expect(id.stderr).toBe(
      `${failure(file)}juri J2 (lomba DEMO) diubah di luar aplikasi (tidak sama dengan buku besar): lokus yang tidak boleh dinilai\n`,
    );
    expect(en.stderr).toBe(
      `${failureEn(file)}juror J2 (competition DEMO) was changed outside the app (it differs from the ledger): sites recused from\n`,
    );
  });

  it("names a juror's aspects changed", async () => {
    const file = tamperedCopy(
      demo,
      temp.dir,
      'aspects',
      `DELETE FROM juror_aspect WHERE aspect_code = 'H' AND juror_id = (SELECT id FROM juror WHERE code = 'J3')`,
    );
    const { id, en } = await verifyBoth(file);
    expect(id.status).toBe(1);
    expect(id.stderr).toBe(
      `${failure(file)}juri J3 (lomba DEMO) diubah di luar aplikasi (tidak sama dengan buku besar): aspek yang dinilai\n`,
    );
    expect(en.stderr).toBe(
      `${failureEn(file)}juror J3 (competition DEMO) was changed outside the app (it differs from the ledger): aspects scored\n`,
    );
  });

  it("names a site's name changed", async () => {
    const file = tamperedCopy(demo, temp.dir, 'site-name', `UPDATE site SET name = 'Desa Lain' WHERE code = 'S02'`);
    const { id, en } = await verifyBoth(file);
    expect(id.status).toBe(1);
    expect(id.stderr).toBe(`${failure(file)}lokus S02 (lomba DEMO) diubah di luar aplikasi (tidak sama dengan buku besar): nama\n`);
    expect(en.stderr).toBe(
      `${failureEn(file)}site S02 (competition DEMO) was changed outside the app (it differs from the ledger): name\n`,
    );
  });

  it("names a signatory's NIP changed", async () => {
    const file = tamperedCopy(demo, temp.dir, 'nip', `UPDATE juror SET nip = '199001012015011001' WHERE code = 'J1'`);
    const { id, en } = await verifyBoth(file);
    expect(id.status).toBe(1);
    expect(id.stderr).toBe(`${failure(file)}juri J1 (lomba DEMO) diubah di luar aplikasi (tidak sama dengan buku besar): NIP\n`);
    expect(en.stderr).toBe(`${failureEn(file)}juror J1 (competition DEMO) was changed outside the app (it differs from the ledger): NIP\n`);
  });

  it('names a site deleted with everything scored there', async () => {
    const file = tamperedCopy(demo, temp.dir, 'site-deleted', `PRAGMA foreign_keys = ON; DELETE FROM site WHERE code = 'S03'`);
    const { id, en } = await verifyBoth(file);
    expect(id.status).toBe(1);
    expect(id.stderr).toBe(`${failure(file)}lokus S03 (lomba DEMO) dihapus di luar aplikasi: buku besar tidak mencatat penghapusannya\n`);
    expect(en.stderr).toBe(
      `${failureEn(file)}site S03 (competition DEMO) was deleted outside the app: the ledger does not record its removal\n`,
    );
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
