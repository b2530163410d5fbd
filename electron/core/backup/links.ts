/** What the backup handlers need from the core that opened them: where they work, and how to restore in place. */
import type { BackupPlace } from './service.js';
import type { RestoreOutcome } from './store.js';

export interface BackupLinks {
  place: BackupPlace;
  /** Closes the database, restores the named backup over it (after backing up the current state) and opens it again. */
  restore(name: string): Promise<RestoreOutcome>;
}
