/**
 * A full disk, in one place (issue 12): SQLite's "database or disk is full" (SQLITE_FULL, also what
 * `PRAGMA max_page_count` gives) and the file system's ENOSPC / EDQUOT (a photo being written). `dispatch` turns
 * such an error, from any handler, into the user's error `disk.full` instead of an internal one: the write gate's
 * transaction has rolled back, so nothing of the change was written and everything saved before stays.
 */
import { UserError } from '../../../shared/domain/errors.js';

const FULL = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);

/** Whether an error (or an error it wraps as its `cause`) says the disk is full. */
export function isDiskFull(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 8; e = (e as { cause?: unknown }).cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && FULL.has(code)) return true;
  }
  return false;
}

/** The refusal the user reads: "Disk penuh: perubahan ini belum tersimpan …". */
export function diskFullError(): UserError {
  return new UserError('disk.full', {}, 'conflict');
}
