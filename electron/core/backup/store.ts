/**
 * Backups on disk (issue 12). A backup is one folder inside the backup folder (`<database>.cadangan/` unless the user
 * chose another), written whole under a temporary name and renamed into place:
 *
 *   <YYYYMMDD-HHMMSS-mmm>-<trigger>/
 *     manifest.json   penilai.backup/1: time, trigger, counts of scores and photos, the database's SHA-256 and
 *                     size, the ledger heads it covers, every photo file and its size
 *     penilai.sqlite  the database, copied through SQLite's online backup API (`db.backup()`), journal mode DELETE
 *     bukti/          the evidence photos and thumbnails the database references, named by their SHA-256
 *
 * A backup is listed and verified from its manifest and files without restoring it; a restore verifies it first,
 * backs up the current state, then replaces the database file (and adds the photos it lacks).
 */
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupHead, BackupProblem, BackupSummary, BackupTrigger } from '../../../shared/contract/backup.js';
import { BACKUP_FORMAT, backupManifestSchema, type BackupManifest } from '../../../shared/contract/backup.js';
import { backupsToKeep, localDay } from '../../../shared/domain/backup.js';
import { UserError } from '../../../shared/domain/errors.js';
import { t } from '../../../shared/i18n/messages.js';
import type { Db } from '../platform/database.js';
import { evidenceFolder, originalFile, thumbnailFile } from '../platform/files.js';
import { sha256File } from '../platform/hash.js';
import { expectedHash, type HistoryRow } from '../platform/ledger.js';

let nativeBinding: string | undefined;

/**
 * The better-sqlite3 addon to load when it is not node_modules' own (Electron in development, `CoreOptions.nativeBinding`):
 * set by `openCore` before the start check, used by every connection this domain opens on its own.
 */
export function useNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

/** A connection of this domain's own (a backup's copy, the start check, the state before a restore). */
export function openSqlite(file: string, options: Database.Options = {}): Db {
  return new Database(file, { ...options, ...(nativeBinding ? { nativeBinding } : {}) });
}

export const MANIFEST = 'manifest.json';
export const BACKUP_DATABASE = 'penilai.sqlite';
export const BACKUP_PHOTOS = 'bukti';
/** Where the damaged files of a database are kept when a restore replaces them (not a backup; never listed). */
export const DAMAGED_FOLDER = 'rusak';

export type Manifest = BackupManifest;

/** The folder backups go to by default: beside the database. */
export function defaultBackupFolder(database: string): string {
  return `${database}.cadangan`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function stampOf(at: Date): string {
  return `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}-${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}-${pad(at.getUTCMilliseconds(), 3)}`;
}

function uniqueName(folder: string, at: Date, trigger: BackupTrigger): string {
  const base = `${stampOf(at)}-${trigger}`;
  let name = base;
  for (let i = 2; existsSync(join(folder, name)) || existsSync(join(folder, `.${name}.tmp`)); i++) name = `${base}-${i}`;
  return name;
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function syncFolder(folder: string): void {
  try {
    fsyncFile(folder);
  } catch {
    // Folders cannot be fsynced on every platform (Windows); the rename is journaled there.
  }
}

function hasTable(db: Db, table: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) !== undefined;
}

function hasColumn(db: Db, table: string, column: string): boolean {
  return (db.pragma(`table_info(${table})`) as { name: string }[]).some((c) => c.name === column);
}

/**
 * Every chain's entries as (chain, seq, hash): the history, and the links of entries a score package did not carry
 * whole (`ledger_link`, schema 7 on), each seq once.
 */
function chainEntries(db: Db): string {
  return hasTable(db, 'ledger_link')
    ? `SELECT chain, seq, hash FROM history UNION SELECT chain, seq, hash FROM ledger_link l
       WHERE NOT EXISTS (SELECT 1 FROM history h WHERE h.chain = l.chain AND h.seq = l.seq)`
    : 'SELECT chain, seq, hash FROM history';
}

/** The head (last entry) of every device's chain; none before the ledger had chains (schema < 6). */
export function ledgerHeads(db: Db): BackupHead[] {
  if (!hasTable(db, 'history') || !hasColumn(db, 'history', 'chain')) return [];
  return db
    .prepare(
      `WITH e AS (${chainEntries(db)})
       SELECT e.chain AS device, e.seq AS seq, e.hash AS hash FROM e
       WHERE e.seq = (SELECT max(seq) FROM e AS f WHERE f.chain = e.chain) ORDER BY e.chain`,
    )
    .all() as BackupHead[];
}

/** The photo and thumbnail files a database references, and how many photos (originals) that is. */
function referencedFiles(db: Db): { files: string[]; photos: number } {
  if (!hasTable(db, 'evidence')) return { files: [], photos: 0 };
  const rows = db.prepare('SELECT sha256, mime, thumb_sha256 FROM evidence').all() as {
    sha256: string;
    mime: string;
    thumb_sha256: string | null;
  }[];
  const originals = new Set(rows.map((r) => originalFile(r.sha256, r.mime)));
  const files = new Set(originals);
  for (const r of rows) if (r.thumb_sha256) files.add(thumbnailFile(r.thumb_sha256));
  return { files: [...files].sort(), photos: originals.size };
}

/**
 * Turns a database copy in `temp` into a complete backup: journal mode DELETE (so it opens read-only, alone), the
 * photos it references copied beside it, its manifest, all made durable; then renamed to its final name.
 */
function finishBackup(database: string, folder: string, temp: string, name: string, trigger: BackupTrigger, at: Date): BackupSummary {
  const copyFile = join(temp, BACKUP_DATABASE);
  const copy = openSqlite(copyFile);
  let scores: number;
  let schemaVersion: number;
  let heads: BackupHead[];
  let referenced: { files: string[]; photos: number };
  try {
    copy.pragma('journal_mode = DELETE');
    schemaVersion = copy.pragma('user_version', { simple: true }) as number;
    scores = hasTable(copy, 'score') ? (copy.prepare('SELECT count(*) AS n FROM score').get() as { n: number }).n : 0;
    heads = ledgerHeads(copy);
    referenced = referencedFiles(copy);
  } finally {
    copy.close();
  }
  const photosDir = join(temp, BACKUP_PHOTOS);
  mkdirSync(photosDir);
  const files: Manifest['files'] = [];
  const originals = new Set<string>();
  const source = evidenceFolder(database);
  for (const file of referenced.files) {
    const from = join(source, file);
    if (!existsSync(from)) continue; // a photo already lost is not in the backup; verify --db says so of the database
    copyFileSync(from, join(photosDir, file));
    fsyncFile(join(photosDir, file));
    files.push({ name: file, bytes: statSync(from).size });
    if (!file.endsWith('.thumb.jpg')) originals.add(file);
  }
  const photos = originals.size;
  syncFolder(photosDir);
  fsyncFile(copyFile);
  const manifest: Manifest = {
    format: BACKUP_FORMAT,
    createdAt: at.toISOString(),
    day: localDay(at, -at.getTimezoneOffset()),
    trigger,
    schemaVersion,
    source: basename(database),
    database: { file: BACKUP_DATABASE, bytes: statSync(copyFile).size, sha256: sha256File(copyFile)! },
    scores,
    photos,
    files,
    heads,
  };
  writeFileSync(join(temp, MANIFEST), JSON.stringify(manifest, null, 2) + '\n', { flush: true });
  syncFolder(temp);
  renameSync(temp, join(folder, name));
  syncFolder(folder);
  return summaryOf(name, manifest);
}

function prepare(folder: string, at: Date, trigger: BackupTrigger): { name: string; temp: string } {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new UserError('backup.folderUnwritable', { folder, detail: (error as Error).message });
  }
  const name = uniqueName(folder, at, trigger);
  const temp = join(folder, `.${name}.tmp`);
  try {
    mkdirSync(temp);
  } catch (error) {
    throw new UserError('backup.folderUnwritable', { folder, detail: (error as Error).message });
  }
  return { name, temp };
}

/** A backup of an open database through SQLite's online backup API, with its photos and manifest. */
export async function createBackup(db: Db, database: string, folder: string, trigger: BackupTrigger, at: Date): Promise<BackupSummary> {
  const { name, temp } = prepare(folder, at, trigger);
  try {
    await db.backup(join(temp, BACKUP_DATABASE));
    const made = finishBackup(database, folder, temp, name, trigger, at);
    rotate(folder, at);
    return made;
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The same, synchronously (before a migration, while the database is being opened): the database's pages taken in
 * one read transaction by `serialize()` (SQLite's sqlite3_serialize), then written out.
 */
export function createBackupSync(db: Db, database: string, folder: string, trigger: BackupTrigger, at: Date): BackupSummary {
  const { name, temp } = prepare(folder, at, trigger);
  try {
    writeFileSync(join(temp, BACKUP_DATABASE), db.serialize());
    const made = finishBackup(database, folder, temp, name, trigger, at);
    rotate(folder, at);
    return made;
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

function summaryOf(name: string, m: Manifest): BackupSummary {
  const bytes = m.database.bytes + m.files.reduce((sum, f) => sum + f.bytes, 0);
  return {
    name,
    createdAt: m.createdAt,
    trigger: m.trigger,
    scores: m.scores,
    photos: m.photos,
    bytes,
    sha256: m.database.sha256,
    schemaVersion: m.schemaVersion,
    heads: m.heads,
  };
}

/** The manifest of a backup folder, or null when it has none that reads as one. */
export function readManifest(dir: string): Manifest | null {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'));
  } catch {
    return null;
  }
  const parsed = backupManifestSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** Every backup in the folder, newest first, and the folders there that are not readable backups. */
export function listBackups(folder: string): { backups: BackupSummary[]; unreadable: string[] } {
  if (!existsSync(folder)) return { backups: [], unreadable: [] };
  const backups: BackupSummary[] = [];
  const unreadable: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.') || entry.name === DAMAGED_FOLDER) continue;
    const m = readManifest(join(folder, entry.name));
    if (m) backups.push(summaryOf(entry.name, m));
    else unreadable.push(entry.name);
  }
  backups.sort((a, b) => (a.createdAt === b.createdAt ? b.name.localeCompare(a.name) : b.createdAt.localeCompare(a.createdAt)));
  return { backups, unreadable: unreadable.sort() };
}

/** Keeps the newest 10 and the newest of each of the last 30 days (shared/domain/backup.ts); removes the rest. */
export function rotate(folder: string, now: Date): string[] {
  const { backups } = listBackups(folder);
  const entries = backups.map((b) => ({ name: b.name, createdAt: b.createdAt, day: readManifest(join(folder, b.name))!.day }));
  const keep = backupsToKeep(entries, localDay(now, -now.getTimezoneOffset()));
  const removed = entries.filter((e) => !keep.has(e.name)).map((e) => e.name);
  for (const name of removed) rmSync(join(folder, name), { recursive: true, force: true });
  return removed;
}

export interface BackupCheck {
  problems: BackupProblem[];
  manifest: Manifest | null;
}

/** Checks a backup folder whole without restoring it: its manifest, the database's size and hash, every photo, the
 * database's integrity and its ledger heads against the manifest. */
export function verifyBackupDir(dir: string): BackupCheck {
  const backup = basename(dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    return { problems: [{ key: 'backup.notFound', params: { backup } }], manifest: null };
  const manifest = readManifest(dir);
  if (!manifest) return { problems: [{ key: 'backup.notBackup', params: { backup } }], manifest: null };
  const problems: BackupProblem[] = [];
  const dbFile = join(dir, BACKUP_DATABASE);
  const size = existsSync(dbFile) ? statSync(dbFile).size : -1;
  let dbIntact = false;
  if (size < 0) problems.push({ key: 'backup.databaseMissing', params: { backup } });
  else if (size !== manifest.database.bytes)
    problems.push({ key: 'backup.truncated', params: { backup, bytes: size, expected: manifest.database.bytes } });
  else if (sha256File(dbFile) !== manifest.database.sha256)
    problems.push({ key: 'backup.hashMismatch', params: { backup, sha: manifest.database.sha256.slice(0, 12) } });
  else dbIntact = true;
  for (const f of manifest.files) {
    const path = join(dir, BACKUP_PHOTOS, f.name);
    if (!existsSync(path)) {
      problems.push({ key: 'backup.photoMissing', params: { backup, file: f.name } });
      continue;
    }
    if (statSync(path).size !== f.bytes || sha256File(path) !== f.name.slice(0, 64))
      problems.push({ key: 'backup.photoDamaged', params: { backup, file: f.name } });
  }
  if (dbIntact) {
    const problem = checkDatabaseFile(dbFile, true);
    if (problem) problems.push({ key: 'backup.databaseDamaged', params: { backup, detail: t('id', problem.key, problem.params) } });
    else {
      const db = openSqlite(dbFile, { readonly: true, fileMustExist: true });
      try {
        const heads = ledgerHeads(db);
        if (JSON.stringify(heads) !== JSON.stringify(manifest.heads)) problems.push({ key: 'backup.headsDiffer', params: { backup } });
      } finally {
        db.close();
      }
    }
  }
  return { problems, manifest };
}

/**
 * The start check of a database file: SQLite's `quick_check`, and each device's chain head (its hash over its own
 * content, and its seq the count of its chain). Null when it holds; else the first problem.
 */
export function checkDatabaseFile(file: string, readonly = false): BackupProblem | null {
  let db: Db;
  try {
    db = openSqlite(file, { fileMustExist: true, readonly });
  } catch (error) {
    return { key: 'backup.unreadable', params: { detail: (error as Error).message } };
  }
  try {
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    const bad = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (bad.length > 0) return { key: 'backup.quickCheck', params: { detail: bad.slice(0, 2).join('; ') } };
    return checkHeads(db);
  } catch (error) {
    return { key: 'backup.quickCheck', params: { detail: (error as Error).message } };
  } finally {
    db.close();
  }
}

/**
 * Each chain whole up to its head: as many entries (or links) as its last seq, and the last entry held whole
 * hashing to its recorded hash. The full walk of every link is `verify --db`'s.
 */
function checkHeads(db: Db): BackupProblem | null {
  if (!hasTable(db, 'history') || !hasColumn(db, 'history', 'chain')) return null;
  const chains = db.prepare(`SELECT chain, count(*) AS n, max(seq) AS seq FROM (${chainEntries(db)}) GROUP BY chain`).all() as {
    chain: string;
    n: number;
    seq: number;
  }[];
  const lastWhole = db.prepare('SELECT * FROM history WHERE chain = ? ORDER BY seq DESC LIMIT 1');
  for (const c of chains) {
    const broken = { key: 'backup.headBroken', params: { device: c.chain.slice(0, 8) } } as const;
    if (c.n !== c.seq) return broken;
    const row = lastWhole.get(c.chain) as HistoryRow | undefined;
    if (row && expectedHash(row) !== row.hash) return broken;
  }
  return null;
}

/** Copies a file to `target` atomically: a temporary name beside it, fsynced, then renamed. */
function copyAtomically(from: string, target: string): void {
  const temp = `${target}.${process.pid}.restore-tmp`;
  copyFileSync(from, temp);
  fsyncFile(temp);
  renameSync(temp, target);
}

/**
 * Keeps the files of a damaged database (the file, its log and shared-memory index) in `<folder>/rusak/<stamp>/`
 * before a restore replaces them; returns that folder.
 */
function keepDamaged(database: string, folder: string, at: Date): string {
  const dir = join(folder, DAMAGED_FOLDER, stampOf(at));
  mkdirSync(dir, { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(database + suffix)) copyFileSync(database + suffix, join(dir, basename(database) + suffix));
  }
  return dir;
}

export interface RestoreOutcome {
  restored: BackupSummary;
  /** The backup of the state that was replaced (null when it could not be read: see keptDamaged). */
  before: BackupSummary | null;
  /** Where the damaged files were kept, when the replaced database could not be backed up. */
  keptDamaged: string | null;
}

/**
 * Restores the backup in `dir` over the database file (which no connection may hold open). Refused, changing
 * nothing, unless the backup verifies whole. The current state is backed up first (trigger `restore`) into
 * `folder`; a current database that cannot be read is kept as it is under `<folder>/rusak/`.
 */
export async function restoreBackup(database: string, dir: string, folder: string, at: Date): Promise<RestoreOutcome> {
  const check = verifyBackupDir(dir);
  if (check.problems.length > 0 || !check.manifest) {
    const first = check.problems[0]!;
    throw new UserError('backup.restoreRefused', {
      backup: basename(dir),
      problem: t('id', first.key, first.params),
      problemEn: t('en', first.key, first.params),
    });
  }
  const manifest = check.manifest;
  let before: BackupSummary | null = null;
  let keptDamaged: string | null = null;
  if (existsSync(database)) {
    if (checkDatabaseFile(database) === null) {
      const current = openSqlite(database, { fileMustExist: true });
      try {
        before = await createBackup(current, database, folder, 'restore', at);
      } finally {
        current.close();
      }
    } else keptDamaged = keepDamaged(database, folder, at);
  }
  // Only the backup's own photos are added; photos already there stay (they are named by content).
  const photos = evidenceFolder(database);
  if (manifest.files.length > 0) mkdirSync(photos, { recursive: true });
  for (const f of manifest.files) {
    const target = join(photos, f.name);
    if (!existsSync(target) || sha256File(target) !== f.name.slice(0, 64)) copyAtomically(join(dir, BACKUP_PHOTOS, f.name), target);
  }
  rmSync(`${database}-wal`, { force: true });
  rmSync(`${database}-shm`, { force: true });
  copyAtomically(join(dir, BACKUP_DATABASE), database);
  return { restored: summaryOf(basename(dir), manifest), before, keptDamaged };
}
