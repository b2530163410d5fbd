/**
 * The evidence folder's layout (platform: files): photos kept beside the database in `<database>.bukti/`, each named
 * by its SHA-256 (`<sha>.<ext>`, thumbnail `<sha>.thumb.jpg`), written atomically and made durable. The evidence
 * domain writes them; audit checks them; backups (issue 12) copy them.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../../shared/domain/errors.js';
import { isDiskFull } from './disk.js';
import { sha256 } from './hash.js';

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp';

/** A row of the `evidence` table, as the evidence repository and audit's photo check each read it. */
export interface EvidenceRow {
  uuid: string;
  site_id: number;
  juror_id: number;
  indicator_code: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  thumb_sha256: string | null;
  created_at: string;
  removed_at: string | null;
}

const EXTENSIONS: Record<ImageMime, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** The folder of a database's evidence files. */
export function evidenceFolder(database: string): string {
  return `${database}.bukti`;
}

/** The image type the bytes really are, by their magic numbers; null when none of the accepted ones. */

export function originalFile(sha: string, mime: string): string {
  return `${sha}.${EXTENSIONS[mime as ImageMime] ?? 'bin'}`;
}

export function thumbnailFile(sha: string): string {
  return `${sha}.thumb.jpg`;
}

/** fsync of a folder, so that a rename survives a power cut; not possible on every platform (Windows), hence best effort. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // A folder cannot be opened for fsync on Windows; NTFS journals the rename itself.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Puts bytes under their content name in the folder, atomically: a temporary file in the same folder, written and
 * fsynced, then renamed. A file already there with the same content is kept (stored once). Returns whether the
 * file is new (so that a failed commit can take it back).
 */
export function putFile(folder: string, name: string, bytes: Uint8Array, sha: string): boolean {
  const target = join(folder, name);
  const existed = existsSync(target);
  if (existed && sha256(readFileSync(target)) === sha) return false;
  const temp = join(folder, `.${name}.${process.pid}.${randomUUID()}.tmp`);
  try {
    const fd = openSync(temp, 'wx');
    try {
      let done = 0;
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    // A full disk is said as such by dispatch (platform/disk.ts), not as an unwritable folder.
    if (isDiskFull(error)) throw error;
    throw new UserError('evidence.notWritable', { folder, detail: (error as Error).message });
  }
  syncFolder(folder);
  // A damaged file that was replaced is not "new": taking it back would lose the repair, not undo the add.
  return !existed;
}

export function evidenceText(sha: string, name: string): string {
  return `sha256:${sha} ${name}`;
}
