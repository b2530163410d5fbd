/**
 * The automatic backups and the app's recovery mode on real files: the backup before a migration, once a day of use,
 * after finalising a sheet and after locking the result; a damaged database opened by the app's host answers in
 * recovery mode (app.info says what is damaged and offers the newest backup, other channels refused in words)
 * until a backup is restored, then opens normally.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAppHost } from '../../electron/core/backup/host.js';
import { listBackups, verifyBackupDir } from '../../electron/core/backup/store.js';
import { openDatabase } from '../../electron/core/platform/database.js';
import { repositoryResources } from '../../electron/core/platform/resources.js';
import { SCHEMA_VERSION } from '../../electron/core/platform/migrations/index.js';
import type { AppInfo, BackupList } from '../../shared/contract/schemas.js';
import { damageMiddle, lockedDemoWithPhoto } from '../support/backup.js';
import { openTestCore, tempDir } from '../support/core.js';
import { asSecretariat, call, PNG } from '../support/jury.js';

const temp = tempDir('penilai-backup-auto-');
afterAll(() => temp.cleanup());
let n = 0;
const fresh = () => {
  const dir = join(temp.dir, `case-${(n += 1)}`);
  return { database: join(dir, 'penilai.sqlite'), home: join(dir, 'home') };
};

describe('automatic backups', () => {
  it('before a migration, of the older schema; none for a new database', () => {
    const { database, home } = fresh();
    mkdirSync(dirname(database), { recursive: true });
    openDatabase({ file: database, targetVersion: 8 }).close();
    openTestCore(database, () => new Date('2026-09-08T09:00:00Z'), { home }).close();
    const folder = `${database}.cadangan`;
    const { backups } = listBackups(folder);
    expect(backups.map((b) => [b.trigger, b.schemaVersion, b.createdAt])).toEqual([['migration', 8, '2026-09-08T09:00:00.000Z']]);
    expect(verifyBackupDir(join(folder, backups[0]!.name)).problems).toEqual([]);
    // Opened again: nothing left to migrate, no new backup.
    openTestCore(database, () => new Date('2026-09-08T09:30:00Z'), { home }).close();
    expect(listBackups(folder).backups).toHaveLength(1);
    const other = fresh();
    openTestCore(other.database, undefined, { home: other.home }).close();
    expect(listBackups(`${other.database}.cadangan`).backups).toEqual([]);
  });

  it('once a day of use, after finalising a sheet and after locking the result', async () => {
    const { database, home } = fresh();
    let now = new Date('2026-09-08T09:00:00Z');
    const core = openTestCore(database, () => now, { home, autoBackup: true });
    const announced: string[] = [];
    core.events.subscribe((event) => {
      if (event.type === 'backup.done') announced.push(event.data.trigger);
    });
    await call(core, 'setup.createDemo', {});
    const triggers = async () => (await call(core, 'backup.list', {})).backups.map((b) => b.trigger).reverse();
    expect(await triggers()).toEqual(['daily']);
    const at = { competition: 'DEMO', juror: 'J1', site: 'S01' };
    await asSecretariat(core, 'DEMO');
    await call(core, 'scoring.reopen', { ...at, reason: 'Periksa ulang' });
    expect(await triggers()).toEqual(['daily']);
    await call(core, 'scoring.finalise', { ...at, signature: PNG });
    expect(await triggers()).toEqual(['daily', 'finalise']);
    // A refused lock is no moment to back up.
    now = new Date('2026-09-08T10:00:00Z');
    expect((await core.call('pleno.lock', { competition: 'DEMO' })).ok).toBe(false);
    expect(await triggers()).toEqual(['daily', 'finalise']);
    await call(core, 'pleno.open', { competition: 'DEMO' });
    await asSecretariat(core, 'DEMO'); // an hour later: the secretariat's session ended, the PIN is typed again
    await call(core, 'pleno.lock', { competition: 'DEMO' });
    expect(await triggers()).toEqual(['daily', 'finalise', 'lock']);
    // The next day, the first call takes the day's backup.
    now = new Date('2026-09-09T09:00:00Z');
    await call(core, 'pleno.status', { competition: 'DEMO' });
    await call(core, 'pleno.status', { competition: 'DEMO' });
    expect(await triggers()).toEqual(['daily', 'finalise', 'lock', 'daily']);
    // Each one announced to the renderer (the `backup.done` event).
    expect(announced).toEqual(['daily', 'finalise', 'lock', 'daily']);
    core.close();
  });
});

describe('the backup folder', () => {
  it('is beside the database by default; another (a flash drive) can be chosen, remembered in the home, and undone', async () => {
    const { database, home } = fresh();
    const core = openTestCore(database, () => new Date('2026-09-08T09:00:00Z'), { home });
    await call(core, 'setup.createDemo', {});
    const missing = join(temp.dir, 'no-such-drive');
    const refused = await core.call('backup.setFolder', { folder: missing });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'not-found', key: 'backup.folderMissing', params: { folder: missing }, path: 'folder' },
    });
    const drive = join(temp.dir, `flashdisk-${n}`);
    mkdirSync(drive);
    expect(await call(core, 'backup.setFolder', { folder: drive })).toEqual({ folder: drive, isDefault: false });
    const made = await call(core, 'backup.create', {});
    expect(listBackups(drive).backups.map((b) => b.name)).toEqual([made.name]);
    core.close();
    // Remembered by the installation: the next opening lists the drive.
    const again = openTestCore(database, () => new Date('2026-09-08T10:00:00Z'), { home });
    expect((await call(again, 'backup.list', {})).folder).toBe(drive);
    expect(await call(again, 'backup.setFolder', { folder: null })).toEqual({ folder: `${database}.cadangan`, isDefault: true });
    expect((await call(again, 'backup.list', {})).backups).toEqual([]);
    again.close();
  });
});

describe('the app on a damaged database', () => {
  it('answers in recovery mode, offers the newest backup, restores it and opens normally', async () => {
    const { database, home } = fresh();
    const clock = () => new Date('2026-09-08T09:00:00Z');
    const core = openTestCore(database, clock, { home });
    await lockedDemoWithPhoto(core);
    const made = await call(core, 'backup.create', {});
    core.close();
    damageMiddle(database);

    const host = openAppHost({ database, resources: repositoryResources(), version: 'test', desktop: false, home, clock, log: () => {} });
    expect(host.core).toBe(null);
    const info = await host.dispatch('app.info', {});
    expect(info.ok).toBe(true);
    const value = (info as { value: AppInfo }).value;
    expect(value.schemaVersion).toBe(SCHEMA_VERSION);
    expect(value.damaged?.newest?.name).toBe(made.name);
    expect(value.damaged?.problem.key).toBe('backup.quickCheck');
    const refused = await host.dispatch('pleno.status', { competition: 'DEMO' });
    expect(refused).toEqual({ ok: false, error: { code: 'conflict', key: 'backup.damagedClosed', params: {} } });
    const listed = await host.dispatch('backup.list', {});
    expect((listed as { value: BackupList }).value.backups.map((b) => b.name)).toEqual([made.name]);

    const restored = await host.dispatch('backup.restore', { name: made.name });
    expect(restored.ok).toBe(true);
    expect(host.core).not.toBe(null);
    const status = await host.dispatch('pleno.status', { competition: 'DEMO' });
    expect((status as { value: { state: string } }).value.state).toBe('locked');
    expect(((await host.dispatch('app.info', {})) as { value: AppInfo }).value.damaged).toBeUndefined();
    host.close();
  });
});
