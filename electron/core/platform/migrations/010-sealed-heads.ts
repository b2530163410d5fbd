/**
 * Schema 10: signed chain heads (issue 12 point 3). After each unit of work that appended to this device's chain,
 * the write gate signs the chain's new head (its seq and hash) with the device's Ed25519 key
 * (platform/identity.ts) and stores the signature here, in the same transaction. `verify --db` checks each
 * signature with the device's public key (`device.public_key`) and that the head it names is the entry the chain
 * holds at that place, and fails a chain extended past its last signed head: a chain rebuilt, rewritten or extended
 * without the key does not verify. Entries written before this schema carry no signature; they are reported as
 * such, not failed. Append-only, like `history`.
 */
export const up = `
CREATE TABLE ledger_seal (
  chain TEXT NOT NULL,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  hash TEXT NOT NULL,
  signature TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (chain, seq)
) STRICT;
CREATE TRIGGER ledger_seal_no_update BEFORE UPDATE ON ledger_seal
BEGIN
  SELECT RAISE(ABORT, 'history is append-only');
END;
CREATE TRIGGER ledger_seal_no_delete BEFORE DELETE ON ledger_seal
BEGIN
  SELECT RAISE(ABORT, 'history is append-only');
END;
`;
