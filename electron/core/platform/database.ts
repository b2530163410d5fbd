/**
 * Opening a Penilai database: refuse what is not ours or is newer than this version (without touching it),
 * then WAL, foreign keys, full durability, and the pending migrations.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { UserError } from '../../../shared/domain/errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.js';

/** How long a connection waits for another process's write lock before reporting the database busy. */
export const BUSY_TIMEOUT_MS = 5000;

export type Db = Database.Database;

export interface OpenOptions {
  file: string;
  /** Refuse a file that does not exist (every CLI command but `demo` and `init`). */
  mustExist?: boolean;
  /** better-sqlite3's native addon built for another runtime (Electron), when not the one in node_modules. */
  nativeBinding?: string;
  /**
   * How long to wait for another process's write lock before giving up with "basis data sedang dipakai program
   * lain" (db.busy); 5000 ms unless a test asks for less.
   */
  busyTimeoutMs?: number;
  /** Apply pending migrations up to this schema version (tests build older versions with it). */
  targetVersion?: number;
  /**
   * Called once, inside nothing, before pending migrations run on a database that already has a schema (the backup
   * domain takes its backup there); `from` is the version found.
   */
  beforeMigrate?: (db: Db, from: number) => void;
}

export function openDatabase(options: OpenOptions): Db {
  const { file } = options;
  if (options.mustExist && !existsSync(file)) throw new UserError('db.notFound', { file }, 'not-found');
  let db: Db;
  try {
    db = new Database(file, {
      fileMustExist: options.mustExist ?? false,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    throw new UserError('db.notPenilai', { file, detail: (error as Error).message });
  }
  try {
    // Wait for another process's write lock (the app open twice, a command line beside it) before anything else.
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? BUSY_TIMEOUT_MS))}`);
    const found = readVersion(db, file);
    if (found > SCHEMA_VERSION) throw new UserError('db.newer', { file, found, known: SCHEMA_VERSION }, 'conflict');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // A score shown as saved must survive a power cut: every commit waits for the WAL to reach the disk.
    db.pragma('synchronous = FULL');
    const target = options.targetVersion ?? SCHEMA_VERSION;
    if (options.beforeMigrate && found > 0 && found < target) options.beforeMigrate(db, found);
    migrate(db, target);
    return db;
  } catch (error) {
    db.close();
    if (isBusy(error)) throw new UserError('db.busy', {}, 'conflict');
    throw error;
  }
}

function readVersion(db: Db, file: string): number {
  try {
    // Reading the header is the first access; a file that is not SQLite fails here, before anything is written.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    if (isBusy(error)) throw error;
    throw new UserError('db.notPenilai', { file, detail: (error as Error).message });
  }
}

/** SQLite's "database is locked" (SQLITE_BUSY and its extended codes) once the busy timeout has run out. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db, target: number): void {
  const current = schemaVersion(db);
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      if (typeof migration.up === 'string') db.exec(migration.up);
      else migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
