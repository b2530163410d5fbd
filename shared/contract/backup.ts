/**
 * The backup channels: the database and its evidence photos as one unit, listed and verified without restoring,
 * restored after the current state is backed up first, and the folder they go to (beside the database by default).
 */
import { z } from 'zod';
import type { MessageKey, Params } from '../i18n/messages.js';

import { BACKUP_TRIGGERS, type BackupTrigger } from './events.js';

/** Why a backup was taken: by hand, or automatically at one of these moments (kept with the `backup.done` event). */
export { BACKUP_TRIGGERS, type BackupTrigger } from './events.js';

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

export const BACKUP_FORMAT = 'penilai.backup/1';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().min(0);

/** A backup's `manifest.json` (docs/contract.md section 1, "Backups"); docs/schemas/backup-manifest.schema.json. */
export const backupManifestSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  /** When it was taken (ISO 8601, UTC). */
  createdAt: z.iso.datetime(),
  /** The local calendar day it was taken on: rotation keeps the newest of each day. */
  day: z.iso.date(),
  trigger: z.enum(BACKUP_TRIGGERS),
  schemaVersion: count,
  /** The name of the database file it was taken from. */
  source: z.string().min(1),
  database: z.strictObject({ file: z.literal('penilai.sqlite'), bytes: count, sha256: sha256Hex }),
  scores: count,
  photos: count,
  /** Every photo and thumbnail file in `bukti/`, named by its SHA-256. */
  files: z.array(z.strictObject({ name: z.string().regex(/^[0-9a-f]{64}(\.thumb)?\.[a-z]{3,4}$/), bytes: count })),
  /** The last entry of each device's ledger chain the backup covers. */
  heads: z.array(z.strictObject({ device: z.string().min(1), seq: count, hash: sha256Hex })),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;
