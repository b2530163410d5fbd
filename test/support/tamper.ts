/**
 * Tampering as an adversary with a SQLite tool would (issue 12 point 3): a copy of a database, changed directly with
 * better-sqlite3 (triggers dropped where they are in the way), then `verify --db` run on it in-process.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCommand, type CliRun } from './cli.js';

/** A copy of `source` named `name`.db in `dir`, with `change` applied to it directly and checkpointed. */
export function tamperedCopy(source: string, dir: string, name: string, change: string | ((db: Database.Database) => void)): string {
  const file = join(dir, `${name}.db`);
  copyFileSync(source, file);
  const db = new Database(file);
  if (typeof change === 'string') db.exec(change);
  else change(db);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return file;
}

/** `verify --db FILE [more…]` in both languages: the run in Indonesian and the one in English. */
export async function verifyBoth(file: string, more: string[] = []): Promise<{ id: CliRun; en: CliRun }> {
  const id = await runCommand(['verify', '--db', file, ...more]);
  const en = await runCommand(['verify', '--db', file, ...more, '--lang', 'en']);
  return { id, en };
}
