/** The app channels: what this app is, and saving a file through the user's own dialog. */
import { z } from 'zod';
import { bytes, type FileBytes } from './common.js';

export const appInputs = {
  'app.info': z.strictObject({}),
  'app.saveFile': z.strictObject({ name: z.string().min(1).max(200), bytes }),
  /** The bytes of a file opened with the app, by the name the `file.opened` event gave (once). */
  'app.openedFile': z.strictObject({ name: z.string().min(1).max(260) }),
};

export interface AppInfo {
  version: string;
  schemaVersion: number;
  database: string;
  /** Whether the app runs inside Electron (true) or is served to a browser by the HTTP bridge. */
  desktop: boolean;
}

export interface AppResults {
  'app.info': AppInfo;
  'app.saveFile': { saved: boolean; path: string | null };
  'app.openedFile': FileBytes;
}
