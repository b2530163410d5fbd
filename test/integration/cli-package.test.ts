/**
 * `package setup|export|import` on the command line (contract.md sections 1 and 5), in-process through the entry
 * `npm run cli` uses: the secretariat writes the setup package, a juror's laptop (its own --home) is created from
 * it, scores through the handlers, and writes its score package; the secretariat previews it (--dry-run, --json)
 * and imports it. Every refusal is one line naming the file and the cause (Indonesian, or English with --lang en),
 * exit 1, the database byte-identical, and no new file left behind.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPlan } from '../../shared/contract/exchange.js';
import { call, JURY_COMPETITION, PNG, score, WORK, REGISTER_PHOTO, asSecretariat, JUROR_PIN } from '../support/jury.js';
import { fingerprint, runCommand } from '../support/cli.js';
import { openTestCore, tempDir } from '../support/core.js';
import { databaseState, takeApart } from '../support/packages.js';
import { listBackups, verifyBackupDir } from '../../electron/core/backup/store.js';

const temp = tempDir('penilai-cli-package-');
const path = (name: string) => join(temp.dir, name);
const SEK = path('sekretariat.sqlite');
const SEK_HOME = path('home-sekretariat');
const LAPTOP = path('laptop-J1.sqlite');
const LAPTOP_HOME = path('home-J1');
const SETUP = path('persiapan.penilai');
const SCORES = path('nilai-J1.penilai');

async function ok(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const { status, stdout, stderr } = await runCommand(args);
  expect(status, stderr).toBe(0);
  return { stdout, stderr };
}

/** A juror's laptop opened through the handlers (its home: its device key), for work the command line does not do. */
async function onLaptop(file: string, home: string, work: (core: ReturnType<typeof openTestCore>) => Promise<void>): Promise<void> {
  const core = openTestCore(file, undefined, { home });
  try {
    await work(core);
  } finally {
    core.close();
  }
}

/** What the commands of the round trip printed, kept for the tests that check them. */
const runs: Record<'setup' | 'created' | 'exported', { stdout: string; stderr: string }> = {} as never;
let laptopFingerprint = '';

beforeAll(async () => {
  writeFileSync(path('jabar.json'), JSON.stringify(JURY_COMPETITION));
  await ok(['init', '--db', SEK, '--competition', path('jabar.json'), '--home', SEK_HOME]);
  await onLaptop(SEK, SEK_HOME, async (core) => {
    await asSecretariat(core, 'JABAR');
    for (const juror of ['J1', 'J2', 'J3'])
      await call(core, 'session.setJurorPin', { competition: 'JABAR', juror, pin: JUROR_PIN[juror]! });
  });
  runs.setup = await ok(['package', 'setup', '--db', SEK, '--out', SETUP, '--home', SEK_HOME]);
  runs.created = await ok(['package', 'import', '--db', LAPTOP, '--file', SETUP, '--home', LAPTOP_HOME]);
  // J1 scores on the laptop (through the handlers, as the app does), with a photo and a finalised sheet.
  await onLaptop(LAPTOP, LAPTOP_HOME, async (core) => {
    await call(core, 'session.enter', { competition: 'JABAR', juror: 'J1', pin: '3917' });
    await score(core, 'J1', WORK.J1!);
    await call(core, 'evidence.add', REGISTER_PHOTO);
    await call(core, 'scoring.finalise', { competition: 'JABAR', juror: 'J1', site: 'S01', signature: PNG, pin: '3917' });
    laptopFingerprint = (await call(core, 'exchange.identity', {})).device.fingerprint;
  });
  runs.exported = await ok(['package', 'export', '--db', LAPTOP, '--juror', 'J1', '--out', SCORES, '--home', LAPTOP_HOME]);
});
afterAll(() => temp.cleanup());

/** A copy of the secretariat's database as the setup left it (closed: one file), for a test that changes it. */
function secretariatCopy(name: string): string {
  const file = path(name);
  copyFileSync(SEK, file);
  return file;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('package setup, export and import on the command line', () => {
  it("package setup writes the setup package; package import of it makes the laptop's database", async () => {
    expect(runs.setup).toEqual({ stdout: '', stderr: `Paket persiapan ditulis ke ${SETUP}.\n` });
    const inspected = JSON.parse((await ok(['package', 'inspect', '--file', SETUP, '--json'])).stdout) as {
      device: { fingerprint: string };
    };
    expect(inspected).toMatchObject({ kind: 'setup', competition: { code: 'JABAR' } });
    expect(runs.created).toEqual({
      stdout: `Paket persiapan lomba JABAR (Lomba P2WKSS Uji Jawa Barat): 3 lokasi, 3 juri; kunci sekretariat ${inspected.device.fingerprint}. Lomba akan dibuat di sini.\nPaket diterapkan.\n`,
      stderr: '',
    });
    await onLaptop(LAPTOP, LAPTOP_HOME, async (core) => {
      const id = await call(core, 'exchange.identity', { competition: 'JABAR' });
      expect(id.reportsTo?.fingerprint).toBe(inspected.device.fingerprint);
    });
  });

  it("package export writes one juror's work, signed by the laptop", async () => {
    expect(runs.exported.stdout).toBe('');
    expect(runs.exported.stderr).toMatch(
      new RegExp(
        `^Paket nilai juri J1 ditulis ke ${escape(SCORES)}: 9 nilai, 0 catatan, 1 foto, 1 lembar final; riwayat 1–\\d+; sidik jari laptop ${laptopFingerprint}\\.\\n$`,
      ),
    );
    const inspected = JSON.parse((await ok(['package', 'inspect', '--file', SCORES, '--json'])).stdout) as unknown;
    expect(inspected).toMatchObject({ kind: 'scores', juror: 'J1', device: { fingerprint: laptopFingerprint } });
  });

  it('package import --dry-run shows the plan and changes nothing; --json is the plan exchange.plan gives', async () => {
    const before = databaseState(SEK);
    const dry = await ok(['package', 'import', '--db', SEK, '--file', SCORES, '--dry-run', '--home', SEK_HOME]);
    expect(databaseState(SEK)).toBe(before);
    const lines = dry.stdout.split('\n');
    expect(lines[0]).toMatch(
      new RegExp(
        `^Paket nilai juri J1 \\(Dr\\. Hj\\. Siti Aminah\\) dari laptop ${laptopFingerprint}, dibuat .+: 9 baru, 0 berubah, 0 tetap, 0 konflik, 1 foto baru, 1 lembar; riwayat \\d+ baru, 0 sudah ada\\.$`,
      ),
    );
    expect(lines.slice(1)).toEqual([
      `Laptop pertama juri J1: cocokkan sidik jari ${laptopFingerprint} dengan yang tampil di laptop juri; kunci ini akan diingat untuk juri J1.`,
      'Belum diterapkan (--dry-run).',
      '',
    ]);
    const json = await ok(['package', 'import', '--db', SEK, '--file', SCORES, '--dry-run', '--json', '--home', SEK_HOME]);
    expect(databaseState(SEK)).toBe(before);
    const plan = JSON.parse(json.stdout) as ImportPlan;
    expect(plan).toMatchObject({
      kind: 'scores',
      file: SCORES,
      action: 'update',
      applied: false,
      juror: { code: 'J1', name: 'Dr. Hj. Siti Aminah' },
      device: { fingerprint: laptopFingerprint, trust: 'first' },
      counts: { new: 9, changed: 0, unchanged: 0, conflicts: 0, photos: 1, sheets: 1 },
    });
    const copy = secretariatCopy('sekretariat-rencana.sqlite');
    await onLaptop(copy, SEK_HOME, async (core) => {
      const same = await call(core, 'exchange.plan', { name: SCORES, bytes: new Uint8Array(readFileSync(SCORES)) });
      expect(plan).toEqual(JSON.parse(JSON.stringify(same)));
    });
  });

  it('package import applies it; a second import changes nothing; verify passes', async () => {
    const db = secretariatCopy('sekretariat-impor.sqlite');
    const applied = await ok(['package', 'import', '--db', db, '--file', SCORES, '--home', SEK_HOME]);
    expect(applied.stdout.split('\n').slice(-3)).toEqual([
      `Laptop pertama juri J1: cocokkan sidik jari ${laptopFingerprint} dengan yang tampil di laptop juri; kunci ini akan diingat untuk juri J1.`,
      'Paket diterapkan.',
      '',
    ]);
    // As in the app, the import is followed by a backup beside the database, which holds the package's scores.
    const backups = () => listBackups(`${db}.cadangan`).backups;
    expect(backups().map((b) => [b.trigger, b.scores, b.photos])).toEqual([['import', WORK.J1!.length, 1]]);
    expect(verifyBackupDir(join(`${db}.cadangan`, backups()[0]!.name)).problems).toEqual([]);
    const before = fingerprint(db);
    const again = await ok(['package', 'import', '--db', db, '--file', SCORES, '--json', '--home', SEK_HOME]);
    expect(JSON.parse(again.stdout)).toMatchObject({ action: 'unchanged', applied: false, device: { trust: 'pinned' } });
    expect(fingerprint(db)).toBe(before);
    // A package that changed nothing calls for no new backup.
    expect(backups()).toHaveLength(1);
    expect(await runCommand(['verify', '--db', db])).toMatchObject({ status: 0 });
  });

  it('a refused package: exit 1, one line naming the file and the cause, in Indonesian or English; the database byte-identical', async () => {
    const bytes = new Uint8Array(readFileSync(SCORES));
    // A byte of work.json changed (members are stored as they are).
    const content = (await takeApart(bytes)).members.find((m) => m.path === 'work.json')!.bytes;
    bytes[Buffer.from(bytes).indexOf(Buffer.from(content)) + 10]! ^= 0x01;
    const bad = path('rusak.penilai');
    writeFileSync(bad, bytes);
    const before = fingerprint(SEK);
    const id = await runCommand(['package', 'import', '--db', SEK, '--file', bad, '--home', SEK_HOME]);
    expect(id).toEqual({ status: 1, stdout: '', stderr: `penilai: Paket ${bad} ditolak: berkas work.json telah diubah atau rusak.\n` });
    const en = await runCommand(['package', 'import', '--db', SEK, '--file', bad, '--home', SEK_HOME, '--lang', 'en']);
    expect(en).toEqual({ status: 1, stdout: '', stderr: `penilai: Package ${bad} refused: file work.json was changed or is damaged.\n` });
    const dry = await runCommand(['package', 'import', '--db', SEK, '--file', bad, '--dry-run', '--home', SEK_HOME]);
    expect(dry.status).toBe(1);
    expect(fingerprint(SEK)).toBe(before);
    // Cut short.
    writeFileSync(path('terpotong.penilai'), readFileSync(SCORES).subarray(0, 1000));
    const cut = await runCommand([
      'package',
      'import',
      '--db',
      SEK,
      '--file',
      path('terpotong.penilai'),
      '--home',
      SEK_HOME,
      '--lang',
      'en',
    ]);
    expect(cut.stderr).toBe(
      `penilai: Package ${path('terpotong.penilai')} is damaged or cut short (perhaps not fully copied). Copy it again from the laptop it came from.\n`,
    );
    expect(fingerprint(SEK)).toBe(before);
  });

  it('--accept-key takes the package of a juror whose laptop was replaced, once the fingerprint is given', async () => {
    const SEK = secretariatCopy('sekretariat-kunci.sqlite');
    await ok(['package', 'import', '--db', SEK, '--file', SCORES, '--home', SEK_HOME]);
    const spare = path('laptop-J1-baru.sqlite');
    const spareHome = path('home-J1-baru');
    await ok(['package', 'import', '--db', spare, '--file', SETUP, '--home', spareHome]);
    let fp = '';
    await onLaptop(spare, spareHome, async (core) => {
      await call(core, 'session.enter', { competition: 'JABAR', juror: 'J1', pin: '3917' });
      await call(core, 'scoring.setScore', { competition: 'JABAR', juror: 'J1', site: 'S02', indicator: 'A1', value: 3 });
      fp = (await call(core, 'exchange.identity', {})).device.fingerprint;
    });
    const pkg = path('nilai-J1-baru.penilai');
    await ok(['package', 'export', '--db', spare, '--juror', 'J1', '--out', pkg, '--home', spareHome]);
    const before = fingerprint(SEK);
    const held = await runCommand(['package', 'import', '--db', SEK, '--file', pkg, '--home', SEK_HOME]);
    expect(held.status).toBe(1);
    expect(held.stderr).toMatch(
      new RegExp(
        `^penilai: Paket ${escape(pkg)} ditahan: ditandatangani laptop baru \\(sidik jari ${fp}\\), bukan laptop juri J1 yang dikenal \\([0-9a-f ]+\\)\\. Cocokkan sidik jari dengan juri, lalu terima laptop baru ini\\.\\n$`,
      ),
    );
    expect(fingerprint(SEK)).toBe(before);
    const badKey = await runCommand(['package', 'import', '--db', SEK, '--file', pkg, '--accept-key', 'abcd', '--home', SEK_HOME]);
    expect(badKey.status).toBe(1);
    expect(badKey.stderr.split('\n')).toHaveLength(2);
    expect(fingerprint(SEK)).toBe(before);
    const accepted = await ok(['package', 'import', '--db', SEK, '--file', pkg, '--accept-key', fp, '--json', '--home', SEK_HOME]);
    expect(JSON.parse(accepted.stdout)).toMatchObject({ applied: true, device: { fingerprint: fp, trust: 'accepted' } });
  });

  it('a failed command leaves no new file: no package written, no database made', async () => {
    const out = path('tidak-ada.penilai');
    const unknown = await runCommand(['package', 'export', '--db', LAPTOP, '--juror', 'J9', '--out', out, '--home', LAPTOP_HOME]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr.split('\n')).toHaveLength(2);
    expect(existsSync(out)).toBe(false);
    // J2 has scored nothing on J1's laptop.
    const nothing = await runCommand(['package', 'export', '--db', LAPTOP, '--juror', 'J2', '--out', out, '--home', LAPTOP_HOME]);
    expect(nothing).toEqual({
      status: 1,
      stdout: '',
      stderr: 'penilai: Juri J2 belum menilai apa pun untuk lomba JABAR di laptop ini.\n',
    });
    expect(existsSync(out)).toBe(false);
    // A database that does not exist is made by a setup package only, and only when it is applied.
    const missing = path('belum-ada.sqlite');
    const cut = path('setengah.penilai');
    writeFileSync(cut, readFileSync(SETUP).subarray(0, 600));
    for (const args of [
      ['package', 'setup', '--db', missing, '--out', out, '--home', SEK_HOME],
      ['package', 'export', '--db', missing, '--juror', 'J1', '--out', out, '--home', LAPTOP_HOME],
      ['package', 'import', '--db', missing, '--file', SCORES, '--home', SEK_HOME],
      ['package', 'import', '--db', missing, '--file', cut, '--home', SEK_HOME],
      // Refused after the database was opened (the fingerprint is not one): the database it made is taken back.
      ['package', 'import', '--db', missing, '--file', SETUP, '--accept-key', 'abcd', '--home', path('home-lain')],
      ['package', 'import', '--db', missing, '--file', SETUP, '--dry-run', '--home', path('home-lain')],
    ]) {
      const run = await runCommand(args);
      expect(existsSync(out), args.join(' ')).toBe(false);
      expect(
        ['', '-wal', '-shm', '-journal'].filter((s) => existsSync(missing + s)),
        args.join(' '),
      ).toEqual([]);
      if (args.includes('--dry-run')) expect(run.status).toBe(0);
      else expect(run.status, args.join(' ')).toBe(1);
    }
  });
});
