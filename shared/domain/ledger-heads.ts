/**
 * Ledger heads carried outside the database as anchors (issue 12 point 3): a signed document carries the head of
 * every chain its database held when it was signed, as the text `penilai.heads/1;<chain>:<seq>:<hash>;…` (in its
 * signature dictionary, covered by the signature). `verify --db FILE --anchor FILE…` fails when the database no
 * longer holds one of them. Pure.
 */

export const HEADS_FORMAT = 'penilai.heads/1';

export interface LedgerHead {
  /** The device whose chain it is. */
  chain: string;
  seq: number;
  /** The entry's hash, 64 lowercase hex digits. */
  hash: string;
}

export function formatHeads(heads: readonly LedgerHead[]): string {
  return [HEADS_FORMAT, ...heads.map((h) => `${h.chain}:${h.seq}:${h.hash}`)].join(';');
}

const HEAD = /^([0-9A-Za-z-]{1,100}):([1-9][0-9]{0,15}):([0-9a-f]{64})$/;

/** Every heads text in `text` (a PDF read as latin1 may hold several, one per signature), parsed; never throws. */
export function findHeads(text: string): LedgerHead[] {
  const found: LedgerHead[] = [];
  const pattern = new RegExp(`${HEADS_FORMAT.replace(/[./]/g, '\\$&')}((?:;[0-9A-Za-z:-]+)*)`, 'g');
  for (const m of text.matchAll(pattern)) {
    for (const part of m[1]!.split(';').slice(1)) {
      const h = HEAD.exec(part);
      if (h) found.push({ chain: h[1]!, seq: Number(h[2]), hash: h[3]! });
    }
  }
  return found;
}
