/** The backup channels: list, create by hand, verify without restoring, restore, choose the folder. */
import { existsSync, statSync } from 'node:fs';
import { UserError } from '../../../shared/domain/errors.js';
import type { HandlerGroup } from '../deps.js';
import { backupFolder, chooseBackupFolder } from './folder.js';
import { createAt, listAt, verifyAt } from './service.js';

export const backupHandlers = {
  'backup.list': (_args, { backups }) => listAt(backups.place),

  'backup.create': (_args, { backups, repos }) => createAt(repos.db, backups.place, 'manual'),

  'backup.verify': ({ name }, { backups }) => verifyAt(backups.place, name),

  'backup.restore': ({ name }, { backups }) => backups.restore(name),

  'backup.setFolder': ({ folder }, { backups }) => {
    const { database, home } = backups.place;
    if (folder !== null && (!existsSync(folder) || !statSync(folder).isDirectory()))
      throw new UserError('backup.folderMissing', { folder }, 'not-found', 'folder');
    chooseBackupFolder(database, home, folder);
    return backupFolder(database, home);
  },
} satisfies HandlerGroup;
