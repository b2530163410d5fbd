/** Files the command line writes: atomically, into a folder that exists, and a new database taken back on failure. */
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../../shared/domain/errors.js';

/** Removes a database file the command made, with its journal files (a failed command leaves no new file). */
export function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

/** Writes beside the target and renames, so a failure never leaves a half-written file behind. */
export function writeAtomically(out: string, bytes: Uint8Array): void {
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, out);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new UserError('cli.outNotWritable', { file: out, detail: (error as Error).message });
  }
}

export function requireOutDir(out: string): void {
  const dir = dirname(out);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError('cli.outDirMissing', { dir });
}

/** Where a run writes and what it sees: the process's own streams, or a test's buffers. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** The folder relative paths are read against (default: the process's). */
  cwd?: string;
  /** The environment the run sees (default: the process's); only PENILAI_DEBUG is read. */
  env?: Record<string, string | undefined>;
}
