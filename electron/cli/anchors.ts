/**
 * The anchor files of `verify --db FILE --anchor FILE…` (electron/core/audit/anchors.ts): each read by the first
 * reader that accepts it. Score packages (the exchange domain: the signed manifest names the laptop's chain, its
 * last entry and hash, and the laptop's key) and PDFs signed with the database at hand; a new kind of file (a
 * backup) is one more entry of `ANCHOR_READERS`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
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

export const ANCHOR_READERS: readonly AnchorReader[] = [packageReader, signedPdfReader];

/** Reads every anchor file; a file missing, of no known kind, or naming no head is refused in words. */
export async function readAnchorFiles(files: readonly string[], readers: readonly AnchorReader[] = ANCHOR_READERS): Promise<AnchorFile[]> {
  const out: AnchorFile[] = [];
  for (const name of files) {
    const file = resolve(name);
    if (!existsSync(file)) throw new UserError('verify.anchorNotFound', { file }, 'not-found');
    const bytes = new Uint8Array(readFileSync(file));
    const reader = readers.find((r) => r.accepts(bytes));
    if (!reader) throw new UserError('verify.anchorUnknown', { file });
    const anchors = await reader.read(bytes, file);
    if (anchors.length === 0) throw new UserError('verify.anchorEmpty', { file });
    out.push({ file, anchors });
  }
  return out;
}
