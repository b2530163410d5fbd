/**
 * Schema 1: instruments (versioned JSON documents), competitions, sites, jurors with their aspects and
 * recusals, score sheets and scores. Everything that travels between laptops is keyed by a stable code
 * (competition code + site/juror/indicator code) or a UUID, never by a row id alone.
 */
export const up = `
CREATE TABLE instrument (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  name TEXT NOT NULL,
  content TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (code, version)
) STRICT;

CREATE TABLE competition (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  year INTEGER NOT NULL,
  info TEXT NOT NULL,
  rules TEXT NOT NULL,
  instrument_id INTEGER NOT NULL REFERENCES instrument (id),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE site (
  id INTEGER PRIMARY KEY,
  competition_id INTEGER NOT NULL REFERENCES competition (id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  regency TEXT,
  district TEXT,
  category TEXT,
  contact TEXT,
  visit_date TEXT,
  ordinal INTEGER NOT NULL,
  UNIQUE (competition_id, code)
) STRICT;

CREATE TABLE juror (
  id INTEGER PRIMARY KEY,
  competition_id INTEGER NOT NULL REFERENCES competition (id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  nip TEXT CHECK (nip IS NULL OR (length(nip) = 18 AND nip NOT GLOB '*[^0-9]*')),
  position TEXT,
  agency TEXT,
  role TEXT NOT NULL CHECK (role IN ('ketua', 'sekretaris', 'anggota')),
  all_aspects INTEGER NOT NULL CHECK (all_aspects IN (0, 1)),
  ordinal INTEGER NOT NULL,
  UNIQUE (competition_id, code)
) STRICT;

CREATE TABLE juror_aspect (
  juror_id INTEGER NOT NULL REFERENCES juror (id) ON DELETE CASCADE,
  aspect_code TEXT NOT NULL,
  PRIMARY KEY (juror_id, aspect_code)
) STRICT;

CREATE TABLE recusal (
  juror_id INTEGER NOT NULL REFERENCES juror (id) ON DELETE CASCADE,
  site_id INTEGER NOT NULL REFERENCES site (id) ON DELETE CASCADE,
  PRIMARY KEY (juror_id, site_id)
) STRICT;

CREATE TABLE sheet (
  juror_id INTEGER NOT NULL REFERENCES juror (id) ON DELETE CASCADE,
  site_id INTEGER NOT NULL REFERENCES site (id) ON DELETE CASCADE,
  finalised_at TEXT,
  PRIMARY KEY (juror_id, site_id)
) STRICT;

CREATE TABLE score (
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES site (id) ON DELETE CASCADE,
  juror_id INTEGER NOT NULL REFERENCES juror (id) ON DELETE CASCADE,
  indicator_code TEXT NOT NULL,
  value REAL NOT NULL,
  note TEXT,
  instrument_id INTEGER NOT NULL REFERENCES instrument (id),
  updated_at TEXT NOT NULL,
  UNIQUE (site_id, juror_id, indicator_code)
) STRICT;

CREATE INDEX score_by_juror ON score (juror_id, site_id);
`;
