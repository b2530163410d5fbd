import type { Result } from '../../shared/contract/schemas.js';
import { UserError } from '../../shared/domain/errors.js';
import { resolve } from 'node:path';
import { homeDir, openCore, type Core } from '../core/app.js';
import { repositoryResources } from '../core/platform/resources.js';
import { cliDevice } from './device.js';

/**
 * Opens the app's core on the database, as the app does (migrated, default instruments present), runs the work
 * and closes it. Every command runs through `core.call`, like the UI. The device identity is opened only if the
 * command writes a ledger entry.
 */
export async function withCore<T>(
  file: string,
  options: { mustExist: boolean; home: string | undefined },
  work: (core: Core) => Promise<T>,
): Promise<T> {
  const core = openCore({
    database: file,
    mustExist: options.mustExist,
    resources: repositoryResources(),
    version: 'cli',
    desktop: false,
    identity: cliDevice(options.home),
    home: options.home ? resolve(options.home) : homeDir(),
    log: () => {},
    // As in the app: a backup beside the database after a package import, a lock or a signature (not daily: a script
    // may run the command line many times a day).
    autoBackup: 'events',
  });
  // The operator holds the database file: the secretariat's tasks need no PIN here (docs/security.md "Roles").
  core.deps.session.operator = true;
  try {
    return await work(core);
  } finally {
    core.close();
  }
}

/** The value of a channel's result; an error value is thrown again as the user error it was. */
export async function value<T>(result: Promise<Result<T>>): Promise<T> {
  const r = await result;
  if (r.ok) return r.value;
  const { key, params, code, path } = r.error;
  if (code === 'internal') throw new Error(String(params.detail ?? key));
  throw new UserError(key, params, code, path);
}
