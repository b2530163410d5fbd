/**
 * Where a database's backups go: beside it (`<database>.cadangan/`) unless the user chose another folder (a flash
 * drive). The choice is kept in the installation's home (`backup-folders.json`, by database path), not in the
 * database, so that it is known even when the database cannot be opened.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultBackupFolder } from './store.js';

const SETTINGS = 'backup-folders.json';

function read(home: string): Record<string, string> {
  try {
    const raw = JSON.parse(readFileSync(join(home, SETTINGS), 'utf8')) as unknown;
    return raw && typeof raw === 'object' ? (raw as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function backupFolder(database: string, home: string): { folder: string; isDefault: boolean } {
  const chosen = read(home)[resolve(database)];
  return chosen ? { folder: chosen, isDefault: false } : { folder: defaultBackupFolder(database), isDefault: true };
}

/** Records the chosen folder (null: back to the default), written atomically. */
export function chooseBackupFolder(database: string, home: string, folder: string | null): void {
  const all = read(home);
  if (folder === null) delete all[resolve(database)];
  else all[resolve(database)] = resolve(folder);
  if (!existsSync(home)) mkdirSync(home, { recursive: true });
  const temp = join(home, `.${SETTINGS}.tmp`);
  writeFileSync(temp, JSON.stringify(all, null, 2) + '\n', { flush: true });
  renameSync(temp, join(home, SETTINGS));
}
