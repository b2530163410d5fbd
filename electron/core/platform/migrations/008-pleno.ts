/**
 * Schema 8: the plenary meeting (contract.md section 6, the pleno domain).
 * - `pleno`: a competition's result state (draft, pleno, locked, signed; no row = draft), its revision (0 until a
 *   locked result is reopened) and, while locked or signed, the snapshot every report reads (canonical JSON of the
 *   ranking input and result) with its SHA-256.
 * - `pleno_decision`: the jury's order for sites that shared one rank, with its reason; a later decision on the same
 *   sites replaces it (`replaced_at`), nothing is deleted.
 * - the ledger kinds of the pleno domain.
 */
export const up = `
CREATE TABLE pleno (
  competition_id INTEGER PRIMARY KEY REFERENCES competition (id) ON DELETE CASCADE,
  state TEXT NOT NULL CHECK (state IN ('draft', 'pleno', 'locked', 'signed')),
  revision INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0),
  snapshot TEXT,
  snapshot_sha256 TEXT,
  changed_at TEXT NOT NULL,
  CHECK ((state IN ('locked', 'signed')) = (snapshot IS NOT NULL AND snapshot_sha256 IS NOT NULL))
) STRICT;
CREATE TABLE pleno_decision (
  id INTEGER PRIMARY KEY,
  competition_id INTEGER NOT NULL REFERENCES competition (id) ON DELETE CASCADE,
  revision INTEGER NOT NULL,
  sites TEXT NOT NULL,
  order_codes TEXT NOT NULL,
  reason TEXT NOT NULL,
  at TEXT NOT NULL,
  replaced_at TEXT
) STRICT;
CREATE UNIQUE INDEX pleno_decision_in_force ON pleno_decision (competition_id, sites) WHERE replaced_at IS NULL;
INSERT INTO ledger_kind (kind, domain) VALUES
  ('pleno.open', 'pleno'), ('pleno.decide', 'pleno'), ('pleno.lock', 'pleno'), ('pleno.reopen', 'pleno'), ('pleno.sign', 'pleno');
`;
