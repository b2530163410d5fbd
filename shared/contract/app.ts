/** The app channels: what this app is, and saving a file through the user's own dialog. */
import { z } from 'zod';
import { bytes } from './common.js';
import { OPENED_FILE_KINDS } from './events.js';
import type { DatabaseDamage } from './backup.js';

export const appInputs = {
  'app.info': z.strictObject({}),
  'app.saveFile': z.strictObject({ name: z.string().min(1).max(200), bytes }),
  /** The files of a kind opened with the app (announced by the `file.opened` event) not taken yet; each is given once. */
  'app.openedFiles': z.strictObject({ kind: z.enum(OPENED_FILE_KINDS) }),
};

export interface AppInfo {
  version: string;
  schemaVersion: number;
  database: string;
  /** Whether the app runs inside Electron (true) or is served to a browser by the HTTP bridge. */
  desktop: boolean;
  /** Set when the start check found the database damaged or unreadable: nothing is open, only the backups are offered. */
  damaged?: DatabaseDamage;
}

export interface AppResults {
  'app.info': AppInfo;
  'app.saveFile': { saved: boolean; path: string | null };
  'app.openedFiles': { name: string; bytes: Uint8Array }[];
}
