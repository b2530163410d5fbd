/** The moments the app backs up by itself (with `autoBackup`): after these channels succeed. */
import type { BackupTrigger } from '../../../shared/contract/backup.js';
import type { Channel } from '../../../shared/contract/channels.js';
import type { Result } from '../../../shared/contract/schemas.js';

export const AUTO_BACKUP: Partial<Record<Channel, BackupTrigger>> = {
  'scoring.finalise': 'finalise',
  'exchange.apply': 'import',
  'pleno.lock': 'lock',
  'signatures.sign': 'sign',
};

/**
 * The backup a channel's result calls for, or null: a refusal calls for none, nor a package that changed nothing
 * (the same package imported again).
 */
export function backupAfter(channel: string, result: Result<unknown>): BackupTrigger | null {
  const trigger = AUTO_BACKUP[channel as Channel];
  if (!trigger || !result.ok) return null;
  if (channel === 'exchange.apply' && (result.value as { applied?: boolean } | null)?.applied === false) return null;
  return trigger;
}
