/**
 * Anchors (issue 12 point 3): ledger heads kept outside the database, which catch a chain cut short or rebuilt.
 * `verify --db FILE --anchor FILE…` reads each anchor file with the first reader that accepts it and fails when the
 * database no longer holds a head the file names (the chain ends before it, or holds another entry there), or holds
 * another public key for its device.
 *
 * A reader is one small interface, so that a new kind of file (a backup) is one more reader: the signed PDF reader
 * lives here (its heads are plain text in the signature dictionary, shared/domain/ledger-heads.ts); the score
 * package reader needs the exchange domain and is given by the command line (electron/cli/anchors.ts).
 */
import type Database from 'better-sqlite3';
import { findHeads } from '../../../shared/domain/ledger-heads.js';
import type { MessageKey, Params } from '../../../shared/i18n/messages.js';

/** One head an anchor file names: chain (device id), place and hash, and the device's public key when it carries one. */
export interface LedgerAnchor {
  chain: string;
  seq: number;
  hash: string;
  publicKey: string | null;
}

export interface AnchorReader {
  /** What kind of file it reads, as the reader says it ("paket", "PDF bertanda tangan"…): for the messages. */
  kind: string;
  accepts(bytes: Uint8Array): boolean;
  /** The heads the file names; a file it accepts but cannot trust (a package whose signature fails) throws a UserError. */
  read(bytes: Uint8Array, file: string): Promise<LedgerAnchor[]>;
}

export interface AnchorFile {
  file: string;
  anchors: LedgerAnchor[];
}

/** A PDF signed with the database at hand: the heads in each signature dictionary. */
export const signedPdfReader: AnchorReader = {
  kind: 'pdf',
  accepts: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1').includes('%PDF-'),
  read: (bytes) => {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    return Promise.resolve(findHeads(text).map((h) => ({ ...h, publicKey: null })));
  },
};

type Problem = (key: MessageKey, params: Params) => void;

/** Every anchor against the database: its head held at its place, its device's key the same. */
export function checkAnchors(db: Database.Database, files: readonly AnchorFile[], problem: Problem): void {
  const links = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'ledger_link'`).get() !== undefined;
  const inHistory = db.prepare<[string, number], { hash: string }>('SELECT hash FROM history WHERE chain = ? AND seq = ?');
  const inLinks = links ? db.prepare<[string, number], { hash: string }>('SELECT hash FROM ledger_link WHERE chain = ? AND seq = ?') : null;
  const headOf = db.prepare<[string], { seq: number | null }>('SELECT max(seq) AS seq FROM history WHERE chain = ?');
  const linkHeadOf = links ? db.prepare<[string], { seq: number | null }>('SELECT max(seq) AS seq FROM ledger_link WHERE chain = ?') : null;
  const keyOf = db.prepare<[string], { public_key: string | null }>('SELECT public_key FROM device WHERE id = ?');
  for (const { file, anchors } of files) {
    for (const a of anchors) {
      const held = inHistory.get(a.chain, a.seq)?.hash ?? inLinks?.get(a.chain, a.seq)?.hash;
      const params = { file, device: a.chain, seq: a.seq };
      if (held === undefined) {
        const head = Math.max(headOf.get(a.chain)?.seq ?? 0, linkHeadOf?.get(a.chain)?.seq ?? 0);
        problem('verify.anchorCut', { ...params, head });
      } else if (held !== a.hash) problem('verify.anchorRebuilt', params);
      if (a.publicKey !== null) {
        const key = keyOf.get(a.chain)?.public_key ?? null;
        if (key !== null && key !== a.publicKey) problem('verify.anchorKey', { file, device: a.chain });
      }
    }
  }
}
