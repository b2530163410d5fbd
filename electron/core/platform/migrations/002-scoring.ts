/**
 * Schema 2: scoring on site visits.
 * - `app_meta`: this laptop's device id (a UUID made once), written into every score and history entry.
 * - juror PINs (scrypt hashes), who saved a score and on which laptop.
 * - `history`: every change to scores, notes, household checklists, evidence, sheets and PINs, append-only
 *   (triggers refuse UPDATE and DELETE) and hash-chained: each entry's hash covers the previous entry's hash.
 * - `household`: the yes/no answers of a household-visit checklist (families × items), from which the score comes.
 * - `evidence`: photos kept as files beside the database (never inside it), by SHA-256, with a thumbnail.
 * - the drawn signature (PNG) of a finalised sheet.
 */
export const up = `
CREATE TABLE app_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

ALTER TABLE juror ADD COLUMN pin_hash TEXT;

ALTER TABLE score ADD COLUMN updated_by TEXT;
ALTER TABLE score ADD COLUMN device TEXT;

ALTER TABLE sheet ADD COLUMN signature BLOB;

CREATE TABLE history (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  competition TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('score', 'note', 'household', 'evidence', 'finalise', 'reopen', 'pin')),
  site TEXT,
  juror TEXT,
  indicator TEXT,
  old_value REAL,
  new_value REAL,
  old_text TEXT,
  new_text TEXT,
  instrument_version INTEGER,
  actor TEXT NOT NULL,
  device TEXT NOT NULL,
  reason TEXT,
  at TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
) STRICT;

CREATE INDEX history_by_sheet ON history (competition, juror, site, id);

CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN
  SELECT RAISE(ABORT, 'history is append-only');
END;

CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN
  SELECT RAISE(ABORT, 'history is append-only');
END;

CREATE TABLE household (
  site_id INTEGER NOT NULL REFERENCES site (id) ON DELETE CASCADE,
  juror_id INTEGER NOT NULL REFERENCES juror (id) ON DELETE CASCADE,
  indicator_code TEXT NOT NULL,
  answers TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (site_id, juror_id, indicator_code)
) STRICT;

CREATE TABLE evidence (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  site_id INTEGER NOT NULL REFERENCES site (id) ON DELETE CASCADE,
  juror_id INTEGER NOT NULL REFERENCES juror (id) ON DELETE CASCADE,
  indicator_code TEXT NOT NULL,
  name TEXT NOT NULL,
  mime TEXT NOT NULL,
  size INTEGER NOT NULL CHECK (size >= 0),
  sha256 TEXT NOT NULL,
  thumb_sha256 TEXT,
  created_at TEXT NOT NULL,
  device TEXT NOT NULL,
  removed_at TEXT
) STRICT;

CREATE INDEX evidence_by_cell ON evidence (site_id, juror_id, indicator_code);
`;
