/**
 * Refusals of a restore, on the command line and through the channels: a folder that is not a backup, a truncated
 * backup, a database whose hash is not the manifest's, a damaged photo. Each is said in words (Indonesian, English
 * with --lang en) and changes nothing: the database file, its photos and the backup folder stay byte-identical.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { fileSha, lockedDemoWithPhoto } from '../support/backup.js';
import { runCommand } from '../support/cli.js';
import { databaseBytes, openTestCore, tempDir } from '../support/core.js';
import { call, PHOTO, sha } from '../support/jury.js';

const temp = tempDir('penilai-backup-refusals-');
const database = join(temp.dir, 'penilai.sqlite');
const home = join(temp.dir, 'home');
const folder = `${database}.cadangan`;
let good: string;

/** Every file under a folder with its SHA-256: what "changes nothing" compares. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out[join(entry.parentPath, entry.name).slice(dir.length)] = fileSha(join(entry.parentPath, entry.name));
  }
  return out;
}

/** A copy of the good backup under another name, spoiled by `spoil`. */
function spoiled(name: string, spoil: (dir: string) => void): string {
  const dir = join(folder, name);
  cpSync(join(folder, good), dir, { recursive: true });
  spoil(dir);
  return dir;
}

beforeAll(async () => {
  const core = openTestCore(database, () => new Date('2026-09-08T09:00:00Z'), { home });
  await lockedDemoWithPhoto(core);
  good = (await call(core, 'backup.create', {})).name;
  core.close();
  mkdirSync(join(temp.dir, 'not-a-backup'));
  writeFileSync(join(temp.dir, 'not-a-backup', 'catatan.txt'), 'daftar belanja');
  spoiled('truncated', (dir) => truncateSync(join(dir, 'penilai.sqlite'), 4096));
  spoiled('wrong-hash', (dir) => {
    const bytes = readFileSync(join(dir, 'penilai.sqlite'));
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
    writeFileSync(join(dir, 'penilai.sqlite'), bytes);
  });
  spoiled('bad-photo', (dir) => writeFileSync(join(dir, 'bukti', `${sha(PHOTO)}.jpg`), 'bukan foto'));
});
afterAll(() => temp.cleanup());

describe('a restore is refused in words and changes nothing', () => {
  const cases: [string, () => string, RegExp, RegExp][] = [
    [
      'a folder that is not a backup',
      () => join(temp.dir, 'not-a-backup'),
      /^penilai: Cadangan not-a-backup tidak dipulihkan: not-a-backup bukan cadangan Penilai: tidak ada manifest\.json yang dapat dibaca di dalamnya\. Tidak ada yang diubah\.$/,
      /^penilai: Backup not-a-backup was not restored: not-a-backup is not a Penilai backup: it holds no readable manifest\.json\. Nothing was changed\.$/,
    ],
    [
      'a truncated backup',
      () => join(folder, 'truncated'),
      /tidak dipulihkan: Cadangan truncated terpotong: basis datanya 4096 bita, padahal seharusnya \d+ bita\. Tidak ada yang diubah\.$/,
      /was not restored: Backup truncated is truncated: its database has 4096 bytes where it should have \d+\. Nothing was changed\.$/,
    ],
    [
      'a database whose hash is not the manifest’s',
      () => join(folder, 'wrong-hash'),
      /tidak dipulihkan: Basis data di cadangan wrong-hash tidak sama dengan yang dicatat manifesnya \(SHA-256 seharusnya [0-9a-f]{12}…\): isinya berubah atau rusak\./,
      /The database in backup wrong-hash is not the one its manifest records/,
    ],
    [
      'a damaged photo',
      () => join(folder, 'bad-photo'),
      new RegExp(`tidak dipulihkan: Foto bukti ${sha(PHOTO)}\\.jpg di cadangan bad-photo rusak`),
      new RegExp(`Evidence photo ${sha(PHOTO)}\\.jpg in backup bad-photo is damaged`),
    ],
  ];

  it.each(cases)('%s', async (_what, from, id, en) => {
    const before = { db: fileSha(database), photos: tree(`${database}.bukti`), backups: tree(folder) };
    for (const [lang, pattern] of [
      ['id', id],
      ['en', en],
    ] as const) {
      const run = await runCommand(['restore', '--db', database, '--from', from(), '--home', home, '--lang', lang]);
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr.trim()).toMatch(pattern);
    }
    expect({ db: fileSha(database), photos: tree(`${database}.bukti`), backups: tree(folder) }).toEqual(before);
  });

  it('the channels: verify names each problem without restoring; restore refuses and the open database is unchanged', async () => {
    const core: Core = openTestCore(database, () => new Date('2026-09-09T09:00:00Z'), { home });
    try {
      const listed = await call(core, 'backup.list', {});
      expect(listed.backups.map((b) => b.name).sort()).toEqual(['bad-photo', good, 'truncated', 'wrong-hash'].sort());
      expect((await call(core, 'backup.verify', { name: good })).ok).toBe(true);
      const keys = async (name: string) => (await call(core, 'backup.verify', { name })).problems.map((p) => p.key);
      expect(await keys('truncated')).toEqual(['backup.truncated']);
      expect(await keys('wrong-hash')).toEqual(['backup.hashMismatch']);
      expect(await keys('bad-photo')).toEqual(['backup.photoDamaged']);
      expect(await keys('nothing-here')).toEqual(['backup.notFound']);
      const bytes = databaseBytes(core);
      const backups = tree(folder);
      for (const name of ['truncated', 'wrong-hash', 'bad-photo', 'nothing-here']) {
        const r = await core.call('backup.restore', { name });
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.key).toBe(name === 'nothing-here' ? 'backup.notBackup' : 'backup.restoreRefused');
      }
      expect(databaseBytes(core)).toBe(bytes);
      expect(tree(folder)).toEqual(backups);
      expect((await call(core, 'pleno.status', { competition: 'DEMO' })).state).toBe('locked');
    } finally {
      core.close();
    }
  });
});
