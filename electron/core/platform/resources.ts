/**
 * Where the app's bundled files live (default instruments, fonts, icons). The shell passes the folder in
 * (packaged Electron: inside `process.resourcesPath`); the CLI, the browser mode and the tests use the
 * repository's `resources/`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseInstrument, type Instrument } from '../../../shared/domain/instrument.js';

export interface Resources {
  dir: string;
}

export function repositoryResources(): Resources {
  return { dir: fileURLToPath(new URL('../../../resources', import.meta.url)) };
}

export const DEFAULT_INSTRUMENTS = ['p2wkss-provinsi.json', 'kampung-kb.json'] as const;

/** Reads a bundled instrument; a broken bundled file is a bug of ours, so it throws a plain error. */
export function loadBundledInstrument(resources: Resources, file: string): Instrument {
  const parsed = parseInstrument(JSON.parse(readFileSync(join(resources.dir, 'instruments', file), 'utf8')));
  if (!parsed.ok) throw new Error(`bundled instrument ${file} is invalid: ${JSON.stringify(parsed.issues[0])}`);
  return parsed.value;
}

export function loadDefaultInstrument(resources: Resources): Instrument {
  return loadBundledInstrument(resources, DEFAULT_INSTRUMENTS[0]);
}

export function fontPath(resources: Resources, file: string): string {
  return join(resources.dir, 'fonts', file);
}
