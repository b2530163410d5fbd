/**
 * The backup work the handlers, the automatic triggers, the recovery mode and the command line share: a place
 * (the database file, the installation's home that remembers the chosen folder, the clock) and what is done there.
 */
import { join } from 'node:path';
import type { BackupList, BackupSummary, BackupTrigger, BackupVerifyResult } from '../../../shared/contract/backup.js';
import { UserError } from '../../../shared/domain/errors.js';
import { localDay } from '../../../shared/domain/backup.js';
import type { Db } from '../platform/database.js';
import { backupFolder } from './folder.js';
import { createBackup, listBackups, readManifest, verifyBackupDir } from './store.js';

export interface BackupPlace {
  database: string;
  home: string;
  clock: () => Date;
  /** Told of every backup made here (the core sends the `backup.done` event). */
  announce?: (made: BackupSummary) => void;
}

export function listAt(place: BackupPlace): BackupList {
  const { folder, isDefault } = backupFolder(place.database, place.home);
  return { folder, isDefault, ...listBackups(folder) };
}

export function backupDir(place: BackupPlace, name: string): string {
  return join(backupFolder(place.database, place.home).folder, name);
}

export function verifyAt(place: BackupPlace, name: string): BackupVerifyResult {
  const dir = backupDir(place, name);
  const { problems, manifest } = verifyBackupDir(dir);
  const summary = manifest
    ? (listBackups(backupFolder(place.database, place.home).folder).backups.find((b) => b.name === name) ?? null)
    : null;
  return { name, ok: problems.length === 0, problems, summary };
}

export async function createAt(db: Db, place: BackupPlace, trigger: BackupTrigger): Promise<BackupSummary> {
  const made = await createBackup(db, place.database, backupFolder(place.database, place.home).folder, trigger, place.clock());
  place.announce?.(made);
  return made;
}

/** Whether today (local day) has no backup yet: the daily backup is due. */
export function dailyDue(place: BackupPlace): boolean {
  const { folder } = backupFolder(place.database, place.home);
  const now = place.clock();
  const today = localDay(now, -now.getTimezoneOffset());
  return !listBackups(folder).backups.some((b) => readManifest(join(folder, b.name))?.day === today);
}

/** Refuses a name that is not a backup in the folder, in words. */
export function requireBackup(place: BackupPlace, name: string): string {
  const dir = backupDir(place, name);
  if (!readManifest(dir)) throw new UserError('backup.notBackup', { backup: name }, 'not-found');
  return dir;
}
