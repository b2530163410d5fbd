/**
 * The ledger chain itself tampered with a SQLite tool (issue 12 point 3): cut short, rebuilt, extended. The signed
 * chain heads (schema 10) catch a chain rebuilt or extended without the device's key; an adversary who also deletes
 * every signed head leaves a chain that looks unsigned (as before schema 10), and a chain cut short keeps its
 * earlier signed heads: those are caught by an anchor, a score package or a PDF signed with the database at hand
 * (`verify --db FILE --anchor FILE…`). An untampered database passes with both anchors.
 */
import { join } from 'node:path';
import { readdirSync, writeFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairSync, sign } from 'node:crypto';
import { ledgerHash, rowFields, sealMessage, type HistoryRow } from '../../electron/core/platform/ledger.js';
import { fingerprint, runCommand } from '../support/cli.js';
import { tempDir } from '../support/core.js';
import { tamperedCopy, verifyBoth } from '../support/tamper.js';

const temp = tempDir('penilai-tamper-chain-');
const path = (...names: string[]) => join(temp.dir, ...names);
const demo = path('demo.db');
const home = path('home');
const pkg = path('nilai-J1.penilai');
const signed = path('rekap-ttd.pdf');
let device = '';
let backup = '';

async function ok(args: string[]): Promise<void> {
  const run = await runCommand(args);
  if (run.status !== 0) throw new Error(`${args.join(' ')}: ${run.stderr}`);
}

beforeAll(async () => {
  await ok(['demo', '--db', demo, '--home', home, '--sites', '3', '--jurors', '3']);
  await ok(['package', 'export', '--db', demo, '--juror', 'J1', '--out', pkg, '--home', home]);
  await ok(['report', '--db', demo, '--out', path('rekap.pdf'), '--home', home]);
  writeFileSync(path('pass.txt'), 'rahasia-uji-123\n');
  await ok([
    'keys',
    'new',
    '--out',
    path('j2.p12'),
    '--name',
    'Ir. Bambang Hermawan, M.M.',
    '--nip',
    '196602021991022002',
    '--passphrase-file',
    path('pass.txt'),
  ]);
  await ok([
    'sign',
    '--pdf',
    path('rekap.pdf'),
    '--out',
    signed,
    '--p12',
    path('j2.p12'),
    '--passphrase-file',
    path('pass.txt'),
    '--db',
    demo,
    '--home',
    home,
  ]);
  const json = await runCommand(['verify', '--db', demo, '--json']);
  device = (JSON.parse(json.stdout) as { chains: { device: string }[] }).chains[0]!.device;
  // A backup kept on a flash drive: its manifest names every chain's head.
  await ok(['backup', '--db', demo, '--out', path('flashdisk'), '--home', home]);
  const made = readdirSync(path('flashdisk'));
  expect(made).toHaveLength(1);
  backup = path('flashdisk', made[0]!);
}, 120_000);
afterAll(() => temp.cleanup());

const failure = (file: string) => `penilai: Basis data ${file} tidak lolos pemeriksaan: `;
const failureEn = (file: string) => `penilai: Database ${file} failed verification: `;

const UNLOCK = `DROP TRIGGER history_no_update; DROP TRIGGER history_no_delete; DROP TRIGGER ledger_seal_no_delete;`;
/** The triggers put back as they were, so that nothing shows they were ever gone. */
const RELOCK = `
  CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
  CREATE TRIGGER history_no_delete BEFORE DELETE ON history BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
  CREATE TRIGGER ledger_seal_no_delete BEFORE DELETE ON ledger_seal BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;`;

/** The last entry (a finalised sheet) and its signed head deleted, the sheet opened again to match. */
const CUT = `${UNLOCK}
  DELETE FROM history WHERE seq = (SELECT max(seq) FROM history);
  DELETE FROM ledger_seal;
  UPDATE sheet SET finalised_at = NULL, signature = NULL
   WHERE juror_id = (SELECT id FROM juror WHERE code = 'J3') AND site_id = (SELECT id FROM site WHERE code = 'S03');
  ${RELOCK}`;

/** One score changed in its ledger entry and its table, every later entry's hash recomputed (as the code does). */
function rebuild(db: Database.Database): void {
  db.exec(UNLOCK);
  const rows = db.prepare<[], HistoryRow>('SELECT * FROM history ORDER BY seq').all();
  const target = rows.find((r) => r.kind === 'score' && r.juror === 'J2' && r.site === 'S02')!;
  const value = target.new_value === 1 ? 2 : 1;
  db.prepare(
    'UPDATE score SET value = ? WHERE indicator_code = ? AND juror_id = (SELECT id FROM juror WHERE code = ?) AND site_id = (SELECT id FROM site WHERE code = ?)',
  ).run(value, target.indicator, target.juror, target.site);
  const update = db.prepare('UPDATE history SET new_value = ?, prev_hash = ?, hash = ? WHERE id = ?');
  let prev = rows[rows.indexOf(target) - 1]!.hash;
  for (const r of rows.slice(rows.indexOf(target))) {
    const row = { ...r, new_value: r.id === target.id ? value : r.new_value, prev_hash: prev };
    const hash = ledgerHash(prev, rowFields(row));
    update.run(row.new_value, prev, hash, r.id);
    prev = hash;
  }
  db.exec(RELOCK);
}

describe('verify --db against a tampered chain', () => {
  it('passes the untampered database with a score package and a signed PDF as anchors, changing nothing', async () => {
    const before = [fingerprint(demo), fingerprint(pkg), fingerprint(signed)];
    const run = await runCommand(['verify', '--db', demo, '--anchor', pkg, '--anchor', signed]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      `Basis data ${demo} utuh: pemeriksaan integritas lulus, rantai riwayat 262 entri tidak terputus, 252 nilai sesuai riwayat.\n`,
    );
    expect([fingerprint(demo), fingerprint(pkg), fingerprint(signed)]).toEqual(before);
    const json = await runCommand(['verify', '--db', demo, '--json', '--anchor', pkg]);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, chains: [{ device, entries: 262, signed: true }], count: 0 });
  });

  it('catches a chain cut short with a score package as anchor (and not without one)', async () => {
    const file = tamperedCopy(demo, temp.dir, 'cut', CUT);
    // Without an anchor: a shorter chain whose signed heads are gone, said to be unsigned, not failed.
    const alone = await runCommand(['verify', '--db', file, '--json']);
    expect(alone.status).toBe(0);
    expect(JSON.parse(alone.stdout)).toMatchObject({ ok: true, chains: [{ device, entries: 261, signed: false }], unchecked: [] });
    const { id, en } = await verifyBoth(file, ['--anchor', pkg]);
    expect(id.status).toBe(1);
    expect(id.stderr).toBe(
      `${failure(file)}rantai riwayat perangkat ${device} dipotong: ${pkg} mencatat entri ke-262, tetapi basis data hanya memuat sampai entri ke-261\n`,
    );
    expect(en.status).toBe(1);
    expect(en.stderr).toBe(
      `${failureEn(file)}device ${device}'s history chain was cut short: ${pkg} records entry 262, but the database holds entries only up to 261\n`,
    );
  });

  it('catches a chain cut short with a signed PDF as anchor', async () => {
    const file = tamperedCopy(demo, temp.dir, 'cut-pdf', CUT);
    const run = await runCommand(['verify', '--db', file, '--anchor', signed]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `${failure(file)}rantai riwayat perangkat ${device} dipotong: ${signed} mencatat entri ke-262, tetapi basis data hanya memuat sampai entri ke-261\n`,
    );
  });

  it('catches a chain cut short with a backup (its folder or its manifest) as anchor; the untampered one passes', async () => {
    expect((await runCommand(['verify', '--db', demo, '--anchor', backup])).status).toBe(0);
    const file = tamperedCopy(demo, temp.dir, 'cut-backup', CUT);
    for (const anchor of [backup, join(backup, 'manifest.json')]) {
      const run = await runCommand(['verify', '--db', file, '--anchor', anchor]);
      expect(run.status).toBe(1);
      expect(run.stderr).toBe(
        `${failure(file)}rantai riwayat perangkat ${device} dipotong: ${join(backup, 'manifest.json')} mencatat entri ke-262, tetapi basis data hanya memuat sampai entri ke-261\n`,
      );
    }
    // A folder that is not a backup names itself, in words.
    const notBackup = await runCommand(['verify', '--db', demo, '--anchor', temp.dir, '--lang', 'en']);
    expect(notBackup.status).not.toBe(0);
    expect(notBackup.stderr).toContain(temp.dir);
  });

  it('catches a rebuilt chain whose signed heads were deleted, with an anchor', async () => {
    const file = tamperedCopy(demo, temp.dir, 'rebuilt', (db) => {
      rebuild(db);
      db.exec('DROP TRIGGER ledger_seal_no_delete; DELETE FROM ledger_seal;');
      db.exec(
        `CREATE TRIGGER ledger_seal_no_delete BEFORE DELETE ON ledger_seal BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;`,
      );
    });
    expect((await runCommand(['verify', '--db', file])).status).toBe(0);
    const { id, en } = await verifyBoth(file, ['--anchor', signed]);
    expect(id.status).toBe(1);
    expect(id.stderr).toBe(
      `${failure(file)}rantai riwayat perangkat ${device} dibuat ulang: entri ke-262 di basis data tidak sama dengan yang dicatat ${signed}\n`,
    );
    expect(en.stderr).toBe(
      `${failureEn(file)}device ${device}'s history chain was rebuilt: entry 262 in the database is not the one ${signed} records\n`,
    );
    const byPackage = await runCommand(['verify', '--db', file, '--anchor', pkg]);
    expect(byPackage.stderr).toBe(
      `${failure(file)}rantai riwayat perangkat ${device} dibuat ulang: entri ke-262 di basis data tidak sama dengan yang dicatat ${pkg}\n`,
    );
  });

  it('catches a rebuilt chain by its signed head, without an anchor', async () => {
    const file = tamperedCopy(demo, temp.dir, 'rebuilt-sealed', rebuild);
    const { id, en } = await verifyBoth(file);
    expect(id.status).toBe(1);
    expect(id.stderr).toBe(
      `${failure(file)}rantai riwayat perangkat ${device} tidak lagi memuat kepala yang ditandatangani di entri ke-262: rantai itu dibuat ulang atau ditulis ulang\n`,
    );
    expect(en.stderr).toBe(
      `${failureEn(file)}device ${device}'s history chain no longer holds the head signed at entry 262: the chain was rebuilt or rewritten\n`,
    );
  });

  it('catches a chain extended without the key, and a signed head re-signed with another key', async () => {
    const file = tamperedCopy(demo, temp.dir, 'extended', (db) => {
      const last = db.prepare<[], HistoryRow>('SELECT * FROM history ORDER BY seq DESC LIMIT 1').get()!;
      const row: HistoryRow = {
        ...last,
        id: last.id + 1,
        seq: last.seq + 1,
        uuid: '01900000-0000-7000-8000-000000000001',
        kind: 'reopen',
        indicator: null,
        old_value: null,
        new_value: null,
        old_text: null,
        new_text: null,
        instrument_version: null,
        undoes: null,
        payload: null,
        v: null,
        reason: 'dibuka',
        prev_hash: last.hash,
      };
      row.hash = ledgerHash(last.hash, rowFields(row));
      db.prepare(
        `INSERT INTO history (chain, seq, format, uuid, competition, kind, site, juror, actor, device, reason, at, prev_hash, hash)
         VALUES (?, ?, 2, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        row.chain,
        row.seq,
        row.uuid,
        row.competition,
        row.kind,
        row.site,
        row.juror,
        row.actor,
        row.device,
        row.reason,
        row.at,
        row.prev_hash,
        row.hash,
      );
      db.exec(`UPDATE sheet SET finalised_at = NULL, signature = NULL
        WHERE juror_id = (SELECT id FROM juror WHERE code = 'J3') AND site_id = (SELECT id FROM site WHERE code = 'S03')`);
    });
    const { id, en } = await verifyBoth(file);
    expect(id.status).toBe(1);
    expect(id.stderr).toBe(
      `${failure(file)}entri ke-263 sampai ke-263 rantai riwayat perangkat ${device} tidak ditandatangani perangkat itu: rantai itu diperpanjang atau dibuat ulang tanpa kuncinya\n`,
    );
    expect(en.stderr).toBe(
      `${failureEn(file)}entries 263 to 263 of device ${device}'s history chain are not signed by that device: the chain was extended or rebuilt without its key\n`,
    );

    const forged = tamperedCopy(
      demo,
      temp.dir,
      'forged',
      `DROP TRIGGER ledger_seal_no_update; UPDATE ledger_seal SET signature = '${Buffer.alloc(64, 7).toString('base64')}'; CREATE TRIGGER ledger_seal_no_update BEFORE UPDATE ON ledger_seal BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;`,
    );
    const run = await runCommand(['verify', '--db', forged]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `${failure(forged)}tanda tangan kepala rantai riwayat perangkat ${device} di entri ke-262 tidak sah: rantai itu dibuat ulang atau diubah tanpa kunci perangkat\n`,
    );
  });

  it('catches a rebuilt chain re-signed with a key swapped into the database by --home or by a score package', async () => {
    const file = tamperedCopy(demo, temp.dir, 'resigned', (db) => {
      rebuild(db);
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
      const head = db
        .prepare<[], { chain: string; seq: number; hash: string }>('SELECT chain, seq, hash FROM history ORDER BY seq DESC LIMIT 1')
        .get()!;
      const signature = sign(null, sealMessage(head.chain, head.seq, head.hash), privateKey).toString('base64');
      db.exec('DROP TRIGGER ledger_seal_no_delete; DELETE FROM ledger_seal;');
      db.exec(
        `CREATE TRIGGER ledger_seal_no_delete BEFORE DELETE ON ledger_seal BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;`,
      );
      db.prepare('INSERT INTO ledger_seal (chain, seq, hash, signature, at) VALUES (?, ?, ?, ?, ?)').run(
        head.chain,
        head.seq,
        head.hash,
        signature,
        '2026-12-01T00:00:00.000Z',
      );
      db.prepare('UPDATE device SET public_key = ? WHERE id = ?').run(raw, head.chain);
    });
    // Alone, the database is consistent with itself: a valid chain, signed by the key it holds.
    expect((await runCommand(['verify', '--db', file])).status).toBe(0);
    const { id, en } = await verifyBoth(file, ['--home', home]);
    expect(id.status).toBe(1);
    expect(id.stderr).toBe(
      `${failure(file)}kunci publik perangkat ${device} di basis data bukan kunci instalasi ini (${home}): kunci itu diganti untuk menandatangani ulang rantai riwayat\n`,
    );
    expect(en.stderr).toBe(
      `${failureEn(file)}the public key of device ${device} in the database is not this installation's key (${home}): it was swapped to re-sign the history chain\n`,
    );
    const byPackage = await runCommand(['verify', '--db', file, '--anchor', pkg, '--json']);
    expect(byPackage.status).toBe(1);
    expect((JSON.parse(byPackage.stdout) as { problems: { code: string; message: string }[] }).problems).toEqual([
      expect.objectContaining({
        code: 'anchorRebuilt',
        message: `rantai riwayat perangkat ${device} dibuat ulang: entri ke-262 di basis data tidak sama dengan yang dicatat ${pkg}`,
      }),
      expect.objectContaining({
        code: 'anchorKey',
        message: `kunci publik perangkat ${device} di basis data tidak sama dengan yang tercatat di ${pkg}`,
      }),
    ]);
  });

  it('refuses an anchor file of no known kind, or one that names no head, in words', async () => {
    const other = path('catatan.txt');
    writeFileSync(other, 'bukan jangkar\n');
    const unknown = await runCommand(['verify', '--db', demo, '--anchor', other]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe(
      `penilai: Berkas ${other} tidak bisa dipakai sebagai jangkar: bukan paket Penilai (.penilai) dan bukan PDF yang ditandatangani dengan Penilai.\n`,
    );
    const unsigned = await runCommand(['verify', '--db', demo, '--anchor', path('rekap.pdf'), '--lang', 'en']);
    expect(unsigned.status).toBe(1);
    expect(unsigned.stderr).toBe(
      `penilai: File ${path('rekap.pdf')} names no ledger chain head (a setup package, or a PDF not signed with the database at hand), so it cannot be used as an anchor.\n`,
    );
  });
});
