/** Test builders for the Node core: a fresh SQLite file in a temp folder, opened as the app opens it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type Core, type CoreOptions } from '../../electron/core/app.js';
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
