/**
 * The app's core as the shells hold it (Electron's main process, the browser mode): `openCore` behind the start
 * check. A database that fails it opens nothing: the host answers in recovery mode, where `app.info` carries what is
 * damaged and the newest good backup, the backup channels list, verify and restore, and every other channel is
 * refused in words. A restore there opens the real core on the restored database; the renderer never meets a blank
 * screen or a crash.
 */
import { existsSync, statSync } from 'node:fs';
import type { Result } from '../../../shared/contract/schemas.js';
import { UserError } from '../../../shared/domain/errors.js';
import { homeDir, openCore, type Core, type CoreOptions } from '../app.js';
import { dispatch } from '../platform/dispatch.js';
import { createEventBus, type EventBus } from '../platform/events.js';
import { SCHEMA_VERSION } from '../platform/migrations/index.js';
import { backupFolder, chooseBackupFolder } from './folder.js';
import { listAt, requireBackup, verifyAt, type BackupPlace } from './service.js';
import { DatabaseDamaged, startCheck } from './start.js';
import { restoreBackup, useNativeBinding } from './store.js';

export interface AppHost {
  dispatch(channel: string, payload: unknown): Promise<Result<unknown>>;
  events: EventBus;
  openFile(path: string): void;
  /** The core, when the database is open (null in recovery mode). */
  readonly core: Core | null;
  close(): void;
}

export function openAppHost(options: CoreOptions): AppHost {
  const events = options.events ?? createEventBus();
  const clock = options.clock ?? (() => new Date());
  const place: BackupPlace = { database: options.database, home: options.home ?? homeDir(), clock };
  if (options.nativeBinding) useNativeBinding(options.nativeBinding);
  let core: Core | null = null;
  const tryOpen = (): void => {
    try {
      core = openCore({ ...options, events });
    } catch (error) {
      if (!(error instanceof DatabaseDamaged)) throw error;
      core = null;
    }
  };
  tryOpen();

  const folder = () => backupFolder(place.database, place.home).folder;
  const recovery: Record<string, (args: never) => unknown> = {
    'app.info': () => {
      const damaged = startCheck(place.database, folder());
      return {
        version: options.version,
        schemaVersion: SCHEMA_VERSION,
        database: place.database,
        desktop: options.desktop,
        ...(damaged ? { damaged } : {}),
      };
    },
    'backup.list': () => listAt(place),
    'backup.verify': ({ name }: { name: string }) => verifyAt(place, name),
    'backup.setFolder': ({ folder: chosen }: { folder: string | null }) => {
      if (chosen !== null && (!existsSync(chosen) || !statSync(chosen).isDirectory()))
        throw new UserError('backup.folderMissing', { folder: chosen }, 'not-found', 'folder');
      chooseBackupFolder(place.database, place.home, chosen);
      return backupFolder(place.database, place.home);
    },
    'backup.restore': async ({ name }: { name: string }) => {
      const outcome = await restoreBackup(place.database, requireBackup(place, name), folder(), clock());
      tryOpen();
      return outcome;
    },
  };
  const refuse = () => {
    throw new UserError('backup.damagedClosed', {}, 'conflict');
  };
  const table = new Proxy(recovery, { get: (target, channel: string) => target[channel] ?? refuse });

  return {
    dispatch: (channel, payload) => (core ? core.dispatch(channel, payload) : dispatch(table, channel, payload, place, options.log)),
    events,
    openFile: (path) => core?.openFile(path),
    get core() {
      return core;
    },
    close: () => core?.close(),
  };
}
