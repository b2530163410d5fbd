/** The one SHA-256 helper of the core: lowercase hex of text (UTF-8), bytes, or a file read in chunks. */
import { closeSync, openSync, readSync } from 'node:fs';
import { createHash, hash } from 'node:crypto';

export function sha256(data: string | Uint8Array): string {
  // The one-shot hash (no Hash object): every ledger entry of a package is hashed again on import.
  return hash('sha256', data, 'hex');
}

/** The SHA-256 of a file read in chunks (a photo may be tens of MB); null when it cannot be read. */
export function sha256File(path: string): string | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const hash = createHash('sha256');
    const chunk = Buffer.allocUnsafe(1024 * 1024);
    for (;;) {
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      hash.update(chunk.subarray(0, read));
    }
    return hash.digest('hex');
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** What a PIN entry records instead of the PIN: a fingerprint of the stored (salted, scrypt) hash, or null. */
export function pinFingerprint(pinHash: string | null): string | null {
  return pinHash === null ? null : `sha256:${sha256(pinHash)}`;
}
