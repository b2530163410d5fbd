/**
 * The anchor files of `verify --db FILE --anchor FILE…` (electron/core/audit/anchors.ts): each read by the first
 * reader that accepts it. Score packages (the exchange domain: the signed manifest names the laptop's chain, its
 * last entry and hash, and the laptop's key), PDFs signed with the database at hand, and backups (their manifest
 * names every chain's head); a new kind of file is one more entry of `ANCHOR_READERS`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BACKUP_FORMAT, backupManifestSchema } from '../../shared/contract/backup.js';
import { UserError } from '../../shared/domain/errors.js';
import { signedPdfReader, type AnchorFile, type AnchorReader } from '../core/audit/anchors.js';
import { readPackage } from '../core/exchange/package-file.js';

/** A `.penilai` package (a zip): a score package anchors its laptop's chain at the head its signed manifest names. */
export const packageReader: AnchorReader = {
  kind: 'package',
  accepts: (bytes) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04,
  read: async (bytes, file) => {
    const { manifest } = await readPackage(bytes, file);
    if (manifest.kind !== 'scores') return [];
    const { chain, to, head } = manifest.entries;
    return [{ chain, seq: to, hash: head, publicKey: manifest.device.publicKey }];
  },
};

/**
 * A backup (its folder, or its manifest.json): the manifest names the head of every chain the backed-up database
 * held. Kept on a flash drive, it shows a chain later cut short or rebuilt in the database.
 */
export const backupReader: AnchorReader = {
  kind: 'backup',
  accepts: (bytes) => {
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('utf8');
    return head.trimStart().startsWith('{') && head.includes(`"${BACKUP_FORMAT}"`);
  },
  read: (bytes, file) => {
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
    } catch {
      // Not JSON after all: refused below as a file of no known kind.
    }
    const manifest = backupManifestSchema.safeParse(parsed);
    if (!manifest.success) throw new UserError('verify.anchorUnknown', { file });
    return Promise.resolve(manifest.data.heads.map((h) => ({ chain: h.device, seq: h.seq, hash: h.hash, publicKey: null })));
  },
};

export const ANCHOR_READERS: readonly AnchorReader[] = [packageReader, signedPdfReader, backupReader];

/** Reads every anchor file; a file missing, of no known kind, or naming no head is refused in words. */
export async function readAnchorFiles(files: readonly string[], readers: readonly AnchorReader[] = ANCHOR_READERS): Promise<AnchorFile[]> {
  const out: AnchorFile[] = [];
  for (const name of files) {
    let file = resolve(name);
    if (!existsSync(file)) throw new UserError('verify.anchorNotFound', { file }, 'not-found');
    // A backup is a folder: its manifest is the anchor.
    if (statSync(file).isDirectory()) {
      file = join(file, 'manifest.json');
      if (!existsSync(file)) throw new UserError('verify.anchorUnknown', { file: resolve(name) });
    }
    const bytes = new Uint8Array(readFileSync(file));
    const reader = readers.find((r) => r.accepts(bytes));
    if (!reader) throw new UserError('verify.anchorUnknown', { file });
    const anchors = await reader.read(bytes, file);
    if (anchors.length === 0) throw new UserError('verify.anchorEmpty', { file });
    out.push({ file, anchors });
  }
  return out;
}
