/**
 * The backup channels: the database and its evidence photos as one unit, listed and verified without restoring,
 * restored after the current state is backed up first, and the folder they go to (beside the database by default).
 */
import { z } from 'zod';
import type { MessageKey, Params } from '../i18n/messages.js';

/** Why a backup was taken: by hand, or automatically at one of these moments. */
export const BACKUP_TRIGGERS = ['manual', 'migration', 'finalise', 'import', 'lock', 'sign', 'daily', 'restore'] as const;
export type BackupTrigger = (typeof BACKUP_TRIGGERS)[number];

/** A backup's name: the folder inside the backup folder (no path separators, no dots at the start). */
const backupName = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,99}$/);

export const backupInputs = {
  /** The backups in the backup folder, newest first, and the folder itself. */
  'backup.list': z.strictObject({}),
  /** A backup now, by hand. */
  'backup.create': z.strictObject({}),
  /** Checks one backup whole (manifest, database hash, every photo, the database's integrity) without restoring it. */
  'backup.verify': z.strictObject({ name: backupName }),
  /** Restores one backup over the current database, after backing up the current state. */
  'backup.restore': z.strictObject({ name: backupName }),
  /** Where backups go from now on (a flash drive); null: back to the folder beside the database. */
  'backup.setFolder': z.strictObject({ folder: z.string().min(1).max(1000).nullable() }),
};

/** One device's ledger chain as a backup covers it: its last entry. */
export interface BackupHead {
  device: string;
  seq: number;
  hash: string;
}

export interface BackupSummary {
  /** The backup's folder name, unique in the backup folder. */
  name: string;
  createdAt: string;
  trigger: BackupTrigger;
  scores: number;
  photos: number;
  /** The backup's size on disk (database and photos), in bytes. */
  bytes: number;
  /** The SHA-256 of the backed-up database file. */
  sha256: string;
  schemaVersion: number;
  heads: BackupHead[];
}

export interface BackupProblem {
  key: MessageKey;
  params: Params;
}

export interface BackupList {
  folder: string;
  /** Whether the folder is the default one beside the database. */
  isDefault: boolean;
  backups: BackupSummary[];
  /** Folders in the backup folder that are not readable backups (their names), left alone. */
  unreadable: string[];
}

export interface BackupVerifyResult {
  name: string;
  ok: boolean;
  problems: BackupProblem[];
  summary: BackupSummary | null;
}

/** What the start check found when the database could not be opened safely (see `app.info`'s `damaged`). */
export interface DatabaseDamage {
  database: string;
  /** What is wrong, in words. */
  problem: BackupProblem;
  /** The newest backup that verifies, if any. */
  newest: BackupSummary | null;
  /** Scores recorded after that backup, counted from the damaged file when it still can be read (else null). */
  scoresSince: number | null;
}

export interface BackupResults {
  'backup.list': BackupList;
  'backup.create': BackupSummary;
  'backup.verify': BackupVerifyResult;
  'backup.restore': { restored: BackupSummary; before: BackupSummary | null; keptDamaged: string | null };
  'backup.setFolder': { folder: string; isDefault: boolean };
}
