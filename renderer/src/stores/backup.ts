/** Cadangan: the backups of this database, a backup by hand, checking one, restoring one, the folder they go to. */
import { create } from 'zustand';
import type { BackupList, BackupSummary, BackupVerifyResult } from '../../../shared/contract/schemas.js';
import type { AppError } from '../../../shared/domain/errors.js';
import { call } from '../api.js';

export type BackupDone =
  { kind: 'created'; summary: BackupSummary } | { kind: 'restored'; summary: BackupSummary } | { kind: 'folder'; folder: string } | null;

interface BackupState {
  list: BackupList | null;
  busy: boolean;
  error: AppError | null;
  done: BackupDone;
  /** The last check of each backup, by name. */
  checks: Record<string, BackupVerifyResult>;
  load(): Promise<void>;
  create(): Promise<void>;
  verify(name: string): Promise<void>;
  restore(name: string): Promise<boolean>;
  setFolder(folder: string | null): Promise<void>;
}

export const useBackupStore = create<BackupState>((set, get) => {
  const run = async <T>(work: () => Promise<{ ok: true; value: T } | { ok: false; error: AppError }>, then: (value: T) => void) => {
    set({ busy: true, error: null, done: null });
    const result = await work();
    if (result.ok) then(result.value);
    else set({ error: result.error });
    set({ busy: false });
    return result.ok;
  };
  return {
    list: null,
    busy: false,
    error: null,
    done: null,
    checks: {},
    load: async () => {
      const result = await call('backup.list', {});
      if (result.ok) set({ list: result.value });
      else set({ error: result.error });
    },
    create: async () => {
      await run(
        () => call('backup.create', {}),
        (summary) => set({ done: { kind: 'created', summary } }),
      );
      await get().load();
    },
    verify: async (name) => {
      await run(
        () => call('backup.verify', { name }),
        (check) => set({ checks: { ...get().checks, [name]: check } }),
      );
    },
    restore: async (name) => {
      const ok = await run(
        () => call('backup.restore', { name }),
        (outcome) => set({ done: { kind: 'restored', summary: outcome.restored } }),
      );
      await get().load();
      return ok;
    },
    setFolder: async (folder) => {
      await run(
        () => call('backup.setFolder', { folder }),
        (chosen) => set({ done: { kind: 'folder', folder: chosen.folder }, checks: {} }),
      );
      await get().load();
    },
  };
});
