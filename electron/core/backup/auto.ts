/** The moments the app backs up by itself (with `autoBackup`): after these channels succeed. */
import type { BackupTrigger } from '../../../shared/contract/backup.js';
import type { Channel } from '../../../shared/contract/channels.js';

export const AUTO_BACKUP: Partial<Record<Channel, BackupTrigger>> = {
  'scoring.finalise': 'finalise',
  'exchange.apply': 'import',
  'pleno.lock': 'lock',
  'signatures.sign': 'sign',
};
