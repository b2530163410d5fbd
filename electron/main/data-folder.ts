/**
 * The app's data moved once from the roaming app data folder, where earlier versions kept it on Windows
 * (%APPDATA%\Penilai), to the local one (%LOCALAPPDATA%\Penilai, `defaultDataDir`). Run by the shell before the
 * app is ready (nothing is open yet). Never overwrites: if the local folder exists already, nothing moves.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { APP_NAME, DATABASE_FILE, defaultDataDir } from '../core/app.js';

export type DataMove = { moved: false } | { moved: true; from: string; to: string } | { moved: false; failed: string; from: string };

export function moveRoamingData(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): DataMove {
  if (platform !== 'win32' || !env.APPDATA) return { moved: false };
  const from = join(env.APPDATA, APP_NAME);
  const to = defaultDataDir(env, platform);
  if (from === to || existsSync(to)) return { moved: false };
  if (!existsSync(join(from, DATABASE_FILE)) && !existsSync(join(from, 'device.json'))) return { moved: false };
  try {
    mkdirSync(dirname(to), { recursive: true });
    renameSync(from, to);
    return { moved: true, from, to };
  } catch (error) {
    return { moved: false, failed: (error as Error).message, from };
  }
}
