/**
 * The signed chain heads (`ledger_seal`, schema 10) for `verify --db`: each signature checked with its device's
 * public key (`device.public_key`, registered with the device's first entry and carried to other laptops in its
 * packages), the head it names found in the chain at its place, and no entry after a chain's last signed head. A
 * chain rebuilt, rewritten or extended by anyone without the device's key fails here. A chain with no signed head
 * at all (written before schema 10, or received from another laptop whose packages carry its heads in their
 * signed manifest instead) is listed as unsigned, not failed; a chain cut short keeps its earlier signed heads and
 * is only caught by an anchor (anchor-check.ts).
 */
import type Database from 'better-sqlite3';
import type { MessageKey, Params } from '../../../shared/i18n/messages.js';
import { verifySignature } from '../platform/identity.js';
import { sealMessage } from '../platform/ledger.js';

type Problem = (key: MessageKey, params: Params) => void;

const hasTable = (db: Database.Database, table: string): boolean =>
  db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(table) !== undefined;

/** A device's public key known from outside the database: this installation's own (`verify --home`). */
export interface KnownKey {
  device: string;
  publicKey: string;
  /** Where it is kept (the home folder), for the message. */
  source: string;
}

/**
 * Checks every signed head, and the devices' keys against the keys known from outside (a key swapped in the
 * `device` table to re-sign a rebuilt chain); returns the chains (device ids) that have entries but no signed head.
 */
export function checkSeals(db: Database.Database, problem: Problem, known: readonly KnownKey[] = []): string[] {
  if (
    !hasTable(db, 'device') ||
    !db
      .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('history')`)
      .all()
      .some((c) => c.name === 'chain')
  )
    return [];
  const links = hasTable(db, 'ledger_link');
  const heads = new Map<string, number>();
  for (const r of db
    .prepare<[], { chain: string; seq: number }>(
      `SELECT chain, max(seq) AS seq FROM (SELECT chain, seq FROM history${links ? ' UNION ALL SELECT chain, seq FROM ledger_link' : ''}) GROUP BY chain`,
    )
    .iterate())
    heads.set(r.chain, r.seq);
  if (!hasTable(db, 'ledger_seal')) return [...heads.keys()];

  const keys = new Map(
    db
      .prepare<[], { id: string; public_key: string | null }>('SELECT id, public_key FROM device')
      .all()
      .map((d) => [d.id, d.public_key]),
  );
  for (const k of known) {
    const key = keys.get(k.device);
    if (key !== undefined && key !== null && key !== k.publicKey) problem('verify.homeKey', { device: k.device, home: k.source });
  }
  const inHistory = db.prepare<[string, number], { hash: string }>('SELECT hash FROM history WHERE chain = ? AND seq = ?');
  const inLinks = links ? db.prepare<[string, number], { hash: string }>('SELECT hash FROM ledger_link WHERE chain = ? AND seq = ?') : null;
  const held = (chain: string, seq: number): string | undefined => inHistory.get(chain, seq)?.hash ?? inLinks?.get(chain, seq)?.hash;
  const lastSealed = new Map<string, number>();
  for (const s of db
    .prepare<[], { chain: string; seq: number; hash: string; signature: string }>(
      'SELECT chain, seq, hash, signature FROM ledger_seal ORDER BY chain, seq',
    )
    .iterate()) {
    lastSealed.set(s.chain, s.seq);
    const key = keys.get(s.chain);
    if (!key) {
      problem('verify.sealNoKey', { device: s.chain, seq: s.seq });
      continue;
    }
    let valid: boolean;
    try {
      valid = verifySignature(key, sealMessage(s.chain, s.seq, s.hash), Buffer.from(s.signature, 'base64'));
    } catch {
      valid = false;
    }
    if (!valid) problem('verify.sealSignature', { device: s.chain, seq: s.seq });
    else if (held(s.chain, s.seq) !== s.hash) problem('verify.sealHead', { device: s.chain, seq: s.seq });
  }
  const unsigned: string[] = [];
  for (const [chain, head] of heads) {
    const last = lastSealed.get(chain);
    if (last === undefined) unsigned.push(chain);
    else if (head > last) problem('verify.unsealed', { device: chain, from: last + 1, to: head });
  }
  return unsigned;
}
