/**
 * Schema 9: the jurors' notes the secretariat releases to a site (Catatan untuk peserta, issue 11). A note is shown
 * to the site's people only when a row here names its cell (site, juror, indicator); the text stays in `note`, so a
 * note edited after its release shows as edited. Releasing and withdrawing are ledger entries of the new kind
 * `documents.release` (the documents domain); they never change the ranking, so a locked result allows them.
 */
export const up = `
CREATE TABLE released_note (
  site_id INTEGER NOT NULL REFERENCES site (id) ON DELETE CASCADE,
  juror_id INTEGER NOT NULL REFERENCES juror (id) ON DELETE CASCADE,
  indicator_code TEXT NOT NULL,
  released_at TEXT NOT NULL,
  PRIMARY KEY (site_id, juror_id, indicator_code)
) STRICT;
INSERT INTO ledger_kind (kind, domain) VALUES ('documents.release', 'documents');
`;
