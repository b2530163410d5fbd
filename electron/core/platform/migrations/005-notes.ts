/**
 * Schema 5: notes of their own. A juror writes what they see before choosing a score, so a note no longer lives on
 * the score row: the `note` table keeps one note per cell (site, juror, indicator), and clearing a score leaves the
 * note alone. Existing notes move over unchanged; their history entries ('note') stay as they are.
 */
export const up = `
CREATE TABLE note (
  site_id INTEGER NOT NULL REFERENCES site (id) ON DELETE CASCADE,
  juror_id INTEGER NOT NULL REFERENCES juror (id) ON DELETE CASCADE,
  indicator_code TEXT NOT NULL,
  note TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  device TEXT,
  PRIMARY KEY (site_id, juror_id, indicator_code)
) STRICT;

INSERT INTO note (site_id, juror_id, indicator_code, note, updated_at, updated_by, device)
  SELECT site_id, juror_id, indicator_code, note, updated_at, updated_by, device FROM score WHERE note IS NOT NULL;

ALTER TABLE score DROP COLUMN note;
`;
