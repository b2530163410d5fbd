/**
 * Schema 11: wrong-PIN counts kept in the database (issue 12), so that a restart of the app does not forget a
 * lock-out and two processes on one file count the same tries. One row per competition and subject (a juror's
 * code, or '' for the secretariat): the wrong tries since the last right one (`failures`), how many lock-outs in a
 * row (`lockouts`, each twice as long as the one before) and until when the PIN is refused (`locked_until`,
 * milliseconds since 1970 by the core's clock; 0 when not locked). Laptop state like the session itself: not a
 * ledger entry, not carried in packages. Nothing to move: the counts were in memory.
 */
export const up = `
CREATE TABLE pin_lockout (
  competition_id INTEGER NOT NULL REFERENCES competition (id) ON DELETE CASCADE,
  subject TEXT NOT NULL,
  failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
  lockouts INTEGER NOT NULL DEFAULT 0 CHECK (lockouts >= 0),
  locked_until INTEGER NOT NULL DEFAULT 0 CHECK (locked_until >= 0),
  PRIMARY KEY (competition_id, subject)
) STRICT;
`;
