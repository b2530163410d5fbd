/**
 * `backup --db FILE [--out DIR]` and `restore --db FILE --from BACKUP` (contract.md section 1): a backup of the
 * database and its photos as one unit, and restoring one after backing up the current state. `restore` works on
 * the files (the database may be too damaged to open); it refuses, changing nothing, a backup that does not verify.
 */
import { resolve } from 'node:path';
import { UserError } from '../../shared/domain/errors.js';
import { formatBytes } from '../../shared/domain/backup.js';
import { t, type Lang } from '../../shared/i18n/messages.js';
import { homeDir } from '../core/app.js';
import { backupFolder } from '../core/backup/folder.js';
import { backupTime } from '../core/backup/start.js';
import { createBackup, restoreBackup } from '../core/backup/store.js';
import { withCore } from './core.js';
import type { Io } from './files.js';

interface BackupValues {
  db?: string | undefined;
  out?: string | undefined;
  from?: string | undefined;
  home?: string | undefined;
}

function required(value: string | undefined, option: string, command: string): string {
  if (!value) throw new UserError('cli.missingOption', { option, command });
  return resolve(value);
}

export async function commandBackup(values: BackupValues, io: Io, lang: Lang, now: () => Date = () => new Date()): Promise<void> {
  const file = required(values.db, '--db', 'backup');
  const home = values.home ? resolve(values.home) : homeDir();
  const folder = values.out ? resolve(values.out) : backupFolder(file, home).folder;
  // Opened as the app opens it: a damaged database is refused by the start check, in words, with the newest backup.
  const made = await withCore(file, { mustExist: true, home: values.home }, (core) => createBackup(core.db, file, folder, 'manual', now()));
  io.err(
    t(lang, 'backup.cliCreated', {
      backup: made.name,
      folder,
      scores: made.scores,
      photos: made.photos,
      size: formatBytes(made.bytes, lang),
    }),
  );
}

export async function commandRestore(values: BackupValues, io: Io, lang: Lang, now: () => Date = () => new Date()): Promise<void> {
  const file = required(values.db, '--db', 'restore');
  const from = required(values.from, '--from', 'restore');
  const home = values.home ? resolve(values.home) : homeDir();
  const outcome = await restoreBackup(file, from, backupFolder(file, home).folder, now());
  const r = outcome.restored;
  io.err(t(lang, 'backup.cliRestored', { backup: r.name, time: backupTime(r.createdAt), file, scores: r.scores, photos: r.photos }));
  if (outcome.before) io.err(t(lang, 'backup.cliBefore', { backup: outcome.before.name }));
  if (outcome.keptDamaged) io.err(t(lang, 'backup.cliKeptDamaged', { folder: outcome.keptDamaged }));
}
