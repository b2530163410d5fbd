/**
 * A full disk while saving (issue 12, point 7), through the real handlers on real SQLite files: a score, a photo
 * and a score package refused with the user's message "Disk penuh …" (never "Terjadi kesalahan internal"), the
 * database byte-identical, everything acknowledged before still there, and the same save going through once space
 * is freed. SQLite's "database or disk is full" is made by `PRAGMA max_page_count` on the core's connection (the
 * size the file may grow to, lowered to what it holds); a photo file's ENOSPC by a write to the file system that
 * fails on purpose (node:fs `writeSync`, mocked below to throw ENOSPC while `disk.full` is set).
 */
import type * as nodeFs from 'node:fs';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { verifyDatabase } from '../../electron/core/audit/verify.js';
import { evidenceFolder } from '../../electron/core/platform/files.js';
import type { AppError } from '../../shared/domain/errors.js';
import { openTestCore, tempDir } from '../support/core.js';
import { asSecretariat, call, JUROR_PIN, JURY_COMPETITION, PHOTO, REGISTER_PHOTO, score, WORK } from '../support/jury.js';
import { databaseState, laptop, said } from '../support/packages.js';

const disk = vi.hoisted(() => ({ full: false }));
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof nodeFs>();
  const writeSync = ((...args: Parameters<typeof fs.writeSync>) => {
    if (disk.full && args[0] !== 1 && args[0] !== 2) {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    }
    return (fs.writeSync as (...a: unknown[]) => number)(...args);
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

const temp = tempDir('penilai-disk-full-');
let clockAt = Date.parse('2026-09-07T01:00:00Z');
const clock = () => new Date(clockAt);
const tick = () => (clockAt += 5_000);
const cores: Core[] = [];
const SEK = join(temp.dir, 'sekretariat.sqlite');
let secretariat: Core;
let setupBytes: Uint8Array;
/** J2's score package from J2's own laptop. */
let j2: { name: string; bytes: Uint8Array };

const DISK_FULL_ID =
  'Disk penuh: perubahan ini belum tersimpan. Semua yang sudah tersimpan sebelumnya tetap aman. Kosongkan ruang di disk (hapus atau pindahkan berkas lain), lalu simpan lagi.';
const DISK_FULL_EN =
  'Disk full: this change was not saved. Everything saved before is safe. Free some space on the disk (delete or move other files), then save again.';

/** The database may grow no more than the pages it holds now (SQLite then answers SQLITE_FULL). */
function fillDisk(core: Core): void {
  const pages = core.db.pragma('page_count', { simple: true }) as number;
  core.db.pragma(`max_page_count = ${pages}`);
}
/** Space freed: the default limit again. */
function freeDisk(core: Core): void {
  core.db.pragma('max_page_count = 4294967294');
}

function expectDiskFull(error: AppError): void {
  expect(error).toEqual({ code: 'conflict', key: 'disk.full', params: {} });
  expect(said(error)).toEqual({ id: DISK_FULL_ID, en: DISK_FULL_EN });
}

function expectWhole(core: Core): void {
  expect(core.db.pragma('quick_check', { simple: true })).toBe('ok');
  expect(verifyDatabase(core.db)).toMatchObject({ count: 0 });
}

/** J1's scores on the database as the scoring handlers read them back. */
async function scoresOf(core: Core, juror: string): Promise<Map<string, number>> {
  const held = new Map<string, number>();
  for (const site of ['S01', 'S02', 'S03']) {
    const sheet = await call(core, 'scoring.sheet', { competition: 'JABAR', juror, site });
    for (const s of sheet.scores) held.set(`${site}/${s.indicator}`, s.value);
  }
  return held;
}

/**
 * Saves J1's scores (typed up by the secretariat) one after another on a database that may not grow until one
 * is refused: returns what was acknowledged and the refused save. Each attempt is checked to leave the database
 * byte-identical when refused.
 */
async function saveUntilFull(
  core: Core,
  file: string,
): Promise<{ acked: Map<string, number>; refused: { cell: string; value: number; error: AppError } }> {
  const acked = new Map<string, number>();
  const cells = ['S01/A1', 'S01/A2', 'S02/A1', 'S02/A2', 'S03/A1', 'S03/A2'];
  for (let n = 0; n < 2000; n += 1) {
    const cell = cells[n % cells.length]!;
    const [site, indicator] = cell.split('/') as [string, string];
    const value = 1 + ((n + Math.floor(n / cells.length)) % 5);
    core.db.prepare('SELECT count(*) FROM history').get();
    const before = databaseState(file);
    tick();
    const result = await core.call('scoring.setScore', { competition: 'JABAR', juror: 'J1', site, indicator, value, entry: true });
    if (result.ok) {
      acked.set(cell, value);
      continue;
    }
    expect(databaseState(file)).toBe(before);
    expectDiskFull(result.error);
    return { acked, refused: { cell, value, error: result.error } };
  }
  throw new Error('the database never filled up');
}

/** A secretariat's database with the jury's competition, the secretariat signed in (it types up paper sheets). */
async function secretariatOn(file: string, home: string): Promise<Core> {
  const core = openTestCore(file, clock, { home });
  cores.push(core);
  await call(core, 'setup.import', { name: 'jabar.json', bytes: new TextEncoder().encode(JSON.stringify(JURY_COMPETITION)) });
  await asSecretariat(core, 'JABAR');
  return core;
}

beforeAll(async () => {
  secretariat = await secretariatOn(SEK, join(temp.dir, 'home-sekretariat'));
  for (const juror of ['J1', 'J2', 'J3'])
    await call(secretariat, 'session.setJurorPin', { competition: 'JABAR', juror, pin: JUROR_PIN[juror]! });
  setupBytes = (await call(secretariat, 'exchange.setupPackage', { competition: 'JABAR' })).bytes;
  const j2Laptop = await laptop(
    join(temp.dir, 'laptop-J2.sqlite'),
    join(temp.dir, 'home-J2'),
    setupBytes,
    'J2',
    JUROR_PIN.J2!,
    clock,
    tick,
  );
  cores.push(j2Laptop);
  await score(j2Laptop, 'J2', WORK.J2!, tick);
  const summary = await call(j2Laptop, 'exchange.exportScores', { competition: 'JABAR', juror: 'J2' });
  j2 = { name: summary.file.name, bytes: summary.file.bytes };
});

afterAll(() => {
  for (const core of cores) core.close();
  temp.cleanup();
});

describe('a full disk while saving', () => {
  it('a score: refused with "Disk penuh", nothing written, every acknowledged score kept; saved once space is freed', async () => {
    const file = join(temp.dir, 'scores.sqlite');
    const core = await secretariatOn(file, join(temp.dir, 'home-scores'));

    fillDisk(core);
    const { acked, refused } = await saveUntilFull(core, file);
    expectDiskFull(refused.error);
    // Some saves went through before the disk filled up, and every one of them is there.
    expect(acked.size).toBeGreaterThan(0);
    expect(await scoresOf(core, 'J1')).toEqual(acked);
    expectWhole(core);

    // The app keeps working: space freed, the same save goes through.
    freeDisk(core);
    const [site, indicator] = refused.cell.split('/') as [string, string];
    tick();
    await call(core, 'scoring.setScore', { competition: 'JABAR', juror: 'J1', site, indicator, value: refused.value, entry: true });
    expect(await scoresOf(core, 'J1')).toEqual(new Map([...acked, [refused.cell, refused.value]]));
    expectWhole(core);
  });

  it('a photo: a file write failing with ENOSPC, or the database full, is refused with "Disk penuh" and leaves no file and no row', async () => {
    const file = join(temp.dir, 'photos.sqlite');
    const core = await secretariatOn(file, join(temp.dir, 'home-photos'));
    const photo = { ...REGISTER_PHOTO, juror: 'J2' };
    const first = await call(core, 'evidence.add', { ...photo, indicator: 'A2', name: 'kegiatan.jpg', thumbnail: undefined });
    const folder = evidenceFolder(file);
    const filesBefore = readdirSync(folder).sort();

    // The file system is full: the photo's file cannot be written.
    core.db.prepare('SELECT count(*) FROM history').get();
    const before = databaseState(file);
    disk.full = true;
    let result;
    try {
      tick();
      result = await core.call('evidence.add', photo);
    } finally {
      disk.full = false;
    }
    if (result.ok) throw new Error('the photo was saved on a full disk');
    expectDiskFull(result.error);
    expect(databaseState(file)).toBe(before);
    expect(readdirSync(folder).sort()).toEqual(filesBefore);

    // The database is full: the photo's files were written first, and are taken back with the refused row.
    fillDisk(core);
    await saveUntilFull(core, file);
    const before2 = databaseState(file);
    tick();
    const refused = await core.call('evidence.add', photo);
    if (refused.ok) throw new Error('the photo was saved in a full database');
    expectDiskFull(refused.error);
    expect(databaseState(file)).toBe(before2);
    expect(readdirSync(folder).sort()).toEqual(filesBefore);
    expectWhole(core);

    // Space freed: the same photo is saved, and the one saved before is still there.
    freeDisk(core);
    tick();
    const saved = await call(core, 'evidence.add', photo);
    const sheet = await call(core, 'scoring.sheet', { competition: 'JABAR', juror: 'J2', site: 'S01' });
    expect(sheet.evidence.map((e) => e.uuid).sort()).toEqual([first.uuid, saved.uuid].sort());
    expect(existsSync(join(folder, `${saved.sha256}.jpg`))).toBe(true);
    expect(saved.sha256).toBe(first.sha256);
    expect(readdirSync(folder).length).toBe(filesBefore.length + 1); // the thumbnail
    expect(saved.size).toBe(PHOTO.length);
    expectWhole(core);
  });

  it('a score package: refused whole with "Disk penuh", the database unchanged; applied once space is freed', async () => {
    // The secretariat's database, J1's work typed up on it until the disk is full.
    fillDisk(secretariat);
    const { acked } = await saveUntilFull(secretariat, SEK);
    expect(acked.size).toBeGreaterThan(0);
    secretariat.db.prepare('SELECT count(*) FROM history').get();
    const before = databaseState(SEK);
    tick();
    const result = await secretariat.call('exchange.apply', j2);
    if (result.ok) throw new Error('the package was applied on a full disk');
    expectDiskFull(result.error);
    expect(databaseState(SEK)).toBe(before);
    expect(await scoresOf(secretariat, 'J2')).toEqual(new Map());
    expect(await scoresOf(secretariat, 'J1')).toEqual(acked);
    expectWhole(secretariat);

    freeDisk(secretariat);
    tick();
    expect(await call(secretariat, 'exchange.apply', j2)).toMatchObject({ applied: true });
    expect(await scoresOf(secretariat, 'J2')).toEqual(new Map(WORK.J2!.map((c) => [`${c.site}/${c.indicator}`, c.value!])));
    expect(await scoresOf(secretariat, 'J1')).toEqual(acked);
    expectWhole(secretariat);
  });
});
