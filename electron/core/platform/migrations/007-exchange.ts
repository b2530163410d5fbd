/**
 * Schema 7: packages between laptops (contract.md section 5, the exchange domain).
 * - `ledger_link`: the links (seq, prev_hash, hash) of another device's chain entries that a score package did not
 *   carry whole (another juror's or competition's work on that laptop, its setup), so that the chain received from
 *   a laptop can still be checked from its first entry to its head. Append-only, like `history`.
 * - `competition_source`: on a juror's laptop, the secretariat a competition came from (its device and key), the
 *   setup package last applied and the PIN hashes it brought.
 * - `juror_device`: at the secretariat, the laptops (device and Ed25519 key) whose score packages are accepted for
 *   a juror: the first package pins its laptop; another is held until the secretariat accepts it.
 * - `package_receipt`: every score package applied (juror, laptop, head of its chain, when made and received).
 * - `exchange_conflict`: a cell an import could not apply without guessing (changed here or on another laptop
 *   since), until the secretariat decides it.
 * - the ledger kinds of the exchange domain.
 */
export const up = `
CREATE TABLE ledger_link (
  chain TEXT NOT NULL,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (chain, seq)
) STRICT;
CREATE TRIGGER ledger_link_no_update BEFORE UPDATE ON ledger_link
BEGIN
  SELECT RAISE(ABORT, 'history is append-only');
END;
CREATE TRIGGER ledger_link_no_delete BEFORE DELETE ON ledger_link
BEGIN
  SELECT RAISE(ABORT, 'history is append-only');
END;
CREATE TABLE competition_source (
  competition_id INTEGER PRIMARY KEY REFERENCES competition (id) ON DELETE CASCADE,
  device TEXT NOT NULL,
  public_key TEXT NOT NULL,
  created TEXT NOT NULL,
  package_sha256 TEXT NOT NULL,
  access TEXT NOT NULL,
  received_at TEXT NOT NULL
) STRICT;
CREATE TABLE juror_device (
  competition_id INTEGER NOT NULL REFERENCES competition (id) ON DELETE CASCADE,
  juror TEXT NOT NULL,
  device TEXT NOT NULL,
  public_key TEXT NOT NULL,
  pinned_at TEXT NOT NULL,
  PRIMARY KEY (competition_id, juror, device)
) STRICT;
CREATE TABLE package_receipt (
  id INTEGER PRIMARY KEY,
  competition_id INTEGER NOT NULL REFERENCES competition (id) ON DELETE CASCADE,
  juror TEXT NOT NULL,
  device TEXT NOT NULL,
  seq_to INTEGER NOT NULL,
  head TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  created TEXT NOT NULL,
  received_at TEXT NOT NULL
) STRICT;
CREATE INDEX package_receipt_by_juror ON package_receipt (competition_id, juror, id);
CREATE TABLE exchange_conflict (
  id INTEGER PRIMARY KEY,
  competition_id INTEGER NOT NULL REFERENCES competition (id) ON DELETE CASCADE,
  juror TEXT NOT NULL,
  site TEXT NOT NULL,
  indicator TEXT NOT NULL,
  device TEXT NOT NULL,
  local TEXT NOT NULL,
  incoming TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  resolution TEXT CHECK (resolution IN ('local', 'incoming')),
  resolved_at TEXT
) STRICT;
CREATE UNIQUE INDEX exchange_conflict_open ON exchange_conflict (competition_id, juror, site, indicator) WHERE resolved_at IS NULL;
INSERT INTO ledger_kind (kind, domain) VALUES
  ('exchange.setup', 'exchange'), ('exchange.import', 'exchange'), ('exchange.resolve', 'exchange'), ('exchange.trust', 'exchange');
`;
