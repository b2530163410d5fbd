/**
 * Backup tests' common ground: the demo competition with an evidence photo (and its thumbnail) on J1's sheet of
 * S01 and its result locked, damaging a database file on purpose, and reading what a database holds.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { Core } from '../../electron/core/app.js';
import { asSecretariat, call, PHOTO, PNG, THUMB } from './jury.js';

export const COMPETITION = 'DEMO';

/** The demo (every sheet final), a photo added to J1's S01 sheet (reopened and finalised again), the result locked. */
export async function lockedDemoWithPhoto(core: Core): Promise<void> {
  await call(core, 'setup.createDemo', {});
  // Reopening a juror's sheet and locking the result are the secretariat's: its session is open, as in the app.
  await asSecretariat(core, COMPETITION);
  const at = { competition: COMPETITION, juror: 'J1', site: 'S01' };
  await call(core, 'scoring.reopen', { ...at, reason: 'Menambah foto bukti' });
  await call(core, 'evidence.add', { ...at, indicator: 'A1', name: 'sk-pokja.jpg', mime: 'image/jpeg', bytes: PHOTO, thumbnail: THUMB });
  await call(core, 'scoring.finalise', { ...at, signature: PNG });
  await call(core, 'pleno.open', { competition: COMPETITION });
  await call(core, 'pleno.lock', { competition: COMPETITION });
}

/** Every score, evidence row and the result's state, as rows: what a restore must bring back exactly. */
export function contents(core: Core): { scores: unknown[]; evidence: unknown[]; pleno: unknown[] } {
  return {
    scores: core.db.prepare('SELECT * FROM score ORDER BY id').all(),
    evidence: core.db.prepare('SELECT * FROM evidence ORDER BY id').all(),
    pleno: core.db.prepare('SELECT * FROM pleno ORDER BY 1').all(),
  };
}

/** Overwrites 8 KiB in the middle of the file with 0x55: the b-tree pages there no longer read. */
export function damageMiddle(file: string): void {
  const bytes = readFileSync(file);
  const middle = Math.floor(statSync(file).size / 2);
  bytes.fill(0x55, middle, middle + 8192);
  writeFileSync(file, bytes);
}

export const fileSha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
