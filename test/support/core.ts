/** Test builders for the Node core: a fresh SQLite file in a temp folder, opened as the app opens it. */
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type Core, type CoreOptions } from '../../electron/core/app.js';
import { evidenceFolder } from '../../electron/core/platform/files.js';
import { repositoryResources } from '../../electron/core/platform/resources.js';

export function tempDir(prefix = 'penilai-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function openTestCore(database: string, clock?: () => Date, options: Partial<CoreOptions> = {}): Core {
  return openCore({
    database,
    resources: repositoryResources(),
    version: 'test',
    desktop: false,
    log: () => {},
    ...(clock ? { clock } : {}),
    ...options,
  });
}

export const REPO_ROOT = new URL('../../', import.meta.url).pathname;

/**
 * The bytes of an open core's database, to show that a refused change wrote nothing: the log is checkpointed into
 * the file first (an open connection's shared-memory index changes with every read, so it is left out), then the
 * file is hashed, with the log's length (0 after the checkpoint unless something was written since).
 */
export function databaseBytes(core: Core): string {
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  const file = core.deps.database;
  const wal = existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : -1;
  return `${createHash('sha256').update(readFileSync(file)).digest('hex')}:${wal}`;
}

/**
 * A closed database copied with its evidence photos: a test that changes the state (decides, locks) works on a copy
 * of a prepared database of its own, so that the file's tests pass in any order and alone.
 */
export function copyClosedDatabase(from: string, to: string): string {
  copyFileSync(from, to);
  if (existsSync(evidenceFolder(from))) cpSync(evidenceFolder(from), evidenceFolder(to), { recursive: true });
  return to;
}
