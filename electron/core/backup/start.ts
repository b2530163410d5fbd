/**
 * The start check (issue 12): before the core opens a database it runs SQLite's `quick_check` and checks every
 * device's chain head. A damaged or unreadable database is not opened: `DatabaseDamaged` says so in words and
 * names the newest backup that verifies, its time, and the scores recorded after it that restoring would lose.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupSummary, DatabaseDamage } from '../../../shared/contract/backup.js';
import { UserError } from '../../../shared/domain/errors.js';
import { t, type Lang } from '../../../shared/i18n/messages.js';
import { checkDatabaseFile, listBackups, openSqlite, verifyBackupDir } from './store.js';

/** The newest backup in the folder that verifies whole, or null. */
export function newestGoodBackup(folder: string): BackupSummary | null {
  for (const b of listBackups(folder).backups) if (verifyBackupDir(join(folder, b.name)).problems.length === 0) return b;
  return null;
}

/** Scores recorded after `since`, read from the damaged file when it still answers; null when it does not. */
function scoresAfter(database: string, since: string | null): number | null {
  try {
    const db = openSqlite(database, { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare('SELECT count(*) AS n FROM score WHERE updated_at > ?').get(since ?? '') as { n: number };
      return row.n;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

const SQLITE_MAGIC = 'SQLite format 3\0';

function hasSqliteHeader(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    return head.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

/** Null when the database is whole (or does not exist yet); else what is wrong and what can be restored. */
export function startCheck(database: string, folder: string): DatabaseDamage | null {
  if (!existsSync(database)) return null;
  const problem = checkDatabaseFile(database);
  if (!problem) return null;
  const newest = newestGoodBackup(folder);
  // A file that is not SQLite at all, with no backup beside it, is some other file given by mistake: the database
  // opener refuses it as not a Penilai database.
  if (!newest && !hasSqliteHeader(database)) return null;
  return { database, problem, newest, scoresSince: scoresAfter(database, newest?.createdAt ?? null) };
}

/** "2026-12-02 13:05 UTC": a backup's time as the command line prints it. */
export function backupTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The database failed the start check: told in words, with the newest good backup and what restoring it loses. */
export class DatabaseDamaged extends UserError {
  constructor(
    readonly damage: DatabaseDamage,
    readonly folder: string,
  ) {
    super(damage.newest ? 'backup.damagedOffer' : 'backup.damagedNone', DatabaseDamaged.params(damage, folder, 'en'), 'conflict');
  }

  static params(damage: DatabaseDamage, folder: string, lang: Lang): Record<string, string> {
    const newest = damage.newest;
    return {
      file: damage.database,
      problem: t(lang, damage.problem.key, damage.problem.params),
      backup: newest?.name ?? '',
      time: newest ? backupTime(newest.createdAt) : '',
      since:
        damage.scoresSince === null
          ? lang === 'id'
            ? 'jumlahnya tidak dapat dibaca'
            : 'their number cannot be read'
          : String(damage.scoresSince),
      from: newest ? join(folder, newest.name) : folder,
    };
  }

  override describe(lang: Lang): string {
    return t(lang, this.key, DatabaseDamaged.params(this.damage, this.folder, lang));
  }
}
