/**
 * The setup tables against the ledger (`verify --db`, issue 12 point 3): every setup entry carries the new state
 * of what it changed (setup/repository.ts `record`), so replaying them in the order this database received them
 * gives what the tables must hold now. Compared here:
 * - each competition: its identity and other fields (`setup.competition` create and change), its rules
 *   (`setup.rules`), its instrument version and content hash (`setup.instrument`), archived or not (`setup.archive`),
 *   deleted (`setup.competition` delete);
 * - each instrument row: its content against its own hash (the weights, scales and rubrics live in the content);
 * - each site and juror, field by field (a juror's NIP, role, aspects and recused sites included);
 * - the notes released to a site (`released_note`) against the `documents.release` entries.
 * The first difference is named by competition, site or juror and field. A competition whose creation the ledger
 * does not hold (made before schema 6) cannot be checked: it is listed in `unchecked`, not failed.
 */
import type Database from 'better-sqlite3';
import { canonicalJson } from '../../../shared/domain/canonical.js';
import { rulesSchema } from '../../../shared/domain/competition.js';
import type { MessageKey, Params } from '../../../shared/i18n/messages.js';
import { sha256 } from '../platform/hash.js';

type Problem = (key: MessageKey, params: Params) => void;
type Obj = Record<string, unknown>;

interface Expected {
  info: Obj;
  rules: unknown;
  instrument: { code: string; version: number; sha256: string };
  sites: Map<string, Obj>;
  jurors: Map<string, Obj>;
  archived: boolean;
  deleted: boolean;
}

const hasColumn = (db: Database.Database, table: string, column: string): boolean =>
  db
    .prepare<[string], { name: string }>(`SELECT name FROM pragma_table_info(?)`)
    .all(table)
    .some((c) => c.name === column);

const hasTable = (db: Database.Database, table: string): boolean =>
  db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(table) !== undefined;

/** A juror as compared: aspects and recused sites as sorted sets (their order is the instrument's and the sites'). */
function normaliseJuror(j: Obj): Obj {
  const out: Obj = { ...j };
  if (Array.isArray(out.aspects)) out.aspects = [...(out.aspects as string[])].sort();
  out.recusedSites = Array.isArray(out.recusedSites) ? [...(out.recusedSites as string[])].sort() : [];
  return out;
}

/** The fields of two objects that differ (canonical JSON compared), in key order. */
function differing(a: Obj, b: Obj): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((k) => canonicalJson(a[k] ?? null) !== canonicalJson(b[k] ?? null));
}

/** What the ledger says each competition's setup is now, by competition code. */
function replaySetup(db: Database.Database): Map<string, Expected> {
  const out = new Map<string, Expected>();
  const rows = db
    .prepare<[], { competition: string; kind: string; site: string | null; juror: string | null; payload: string | null }>(
      `SELECT competition, kind, site, juror, payload FROM history WHERE kind LIKE 'setup.%' AND payload IS NOT NULL ORDER BY id`,
    )
    .iterate();
  for (const row of rows) {
    const p = JSON.parse(row.payload!) as Obj;
    if (row.kind === 'setup.competition' && p.action === 'create') {
      const { rules, ...info } = p.info as Obj;
      out.set(row.competition, {
        info,
        rules,
        instrument: p.instrument as Expected['instrument'],
        sites: new Map((p.sites as Obj[]).map((s) => [s.code as string, s])),
        jurors: new Map((p.jurors as Obj[]).map((j) => [j.code as string, normaliseJuror(j)])),
        archived: false,
        deleted: false,
      });
      continue;
    }
    const e = out.get(row.competition);
    if (!e) continue; // made before the ledger recorded setups: unchecked
    switch (row.kind) {
      case 'setup.competition':
        if (p.action === 'delete') e.deleted = true;
        else if (p.action === 'change') e.info = p.after as Obj;
        break;
      case 'setup.rules':
        e.rules = p.after;
        break;
      case 'setup.instrument':
        e.instrument = p.after as Expected['instrument'];
        break;
      case 'setup.archive':
        e.archived = p.archived === true;
        break;
      case 'setup.site':
        if (p.after === null) e.sites.delete(row.site!);
        else e.sites.set(row.site!, p.after as Obj);
        break;
      case 'setup.juror':
        if (p.after === null) e.jurors.delete(row.juror!);
        else e.jurors.set(row.juror!, normaliseJuror(p.after as Obj));
        break;
      default:
        break;
    }
  }
  return out;
}

const optional = (o: Obj, key: string, value: unknown): void => {
  if (value !== null && value !== undefined) o[key] = value;
};

/**
 * Compares the setup tables with the ledger; problems go to `problem`. Returns the codes of the competitions the
 * ledger cannot speak for (made before schema 6).
 */
export function checkSetup(db: Database.Database, problem: Problem): string[] {
  if (!hasColumn(db, 'history', 'payload')) return [];
  const unchecked: string[] = [];

  // Every instrument row: its content against its hash (weights, scales and rubrics are in the content).
  for (const r of db
    .prepare<[], { code: string; version: number; content: string; content_hash: string }>(
      'SELECT code, version, content, content_hash FROM instrument ORDER BY id',
    )
    .iterate())
    if (sha256(r.content) !== r.content_hash) problem('verify.instrumentContent', { code: r.code, version: r.version });

  const expected = replaySetup(db);
  const archivedColumn = hasColumn(db, 'competition', 'archived_at');
  const competitions = db
    .prepare<
      [],
      {
        id: number;
        uuid: string;
        code: string;
        name: string;
        year: number;
        info: string;
        rules: string;
        archived: number;
        icode: string;
        iversion: number;
        ihash: string;
      }
    >(
      `SELECT c.id, c.uuid, c.code, c.name, c.year, c.info, c.rules, ${archivedColumn ? 'c.archived_at IS NOT NULL' : '0'} AS archived,
              i.code AS icode, i.version AS iversion, i.content_hash AS ihash
       FROM competition c JOIN instrument i ON i.id = c.instrument_id ORDER BY c.id`,
    )
    .all();
  const present = new Set(competitions.map((c) => c.code));
  for (const [code, e] of expected) {
    if (!e.deleted && !present.has(code)) problem('verify.setupCompetitionMissing', { competition: code });
  }

  const siteRows = db.prepare<[number], Obj & { code: string; id: number }>('SELECT * FROM site WHERE competition_id = ? ORDER BY ordinal');
  const jurorRows = db.prepare<[number], Obj & { code: string; id: number }>(
    'SELECT * FROM juror WHERE competition_id = ? ORDER BY ordinal',
  );
  const aspectRows = db.prepare<[number], { aspect_code: string }>('SELECT aspect_code FROM juror_aspect WHERE juror_id = ?');
  const recusalRows = db.prepare<[number], { code: string }>(
    'SELECT s.code FROM recusal r JOIN site s ON s.id = r.site_id WHERE r.juror_id = ?',
  );

  for (const c of competitions) {
    const e = expected.get(c.code);
    if (!e) {
      unchecked.push(c.code);
      continue;
    }
    const competition = c.code;
    if (e.deleted) {
      problem('verify.setupCompetitionExtra', { competition });
      continue;
    }
    let rest: Obj;
    try {
      rest = JSON.parse(c.info) as Obj;
    } catch {
      rest = { info: c.info };
    }
    const info: Obj = { uuid: c.uuid, code: c.code, name: c.name, year: c.year, ...rest };
    const fields = differing(e.info, info);
    if (fields.length > 0) problem('verify.setupCompetition', { competition, fields: fields.join(', ') });

    let rules: unknown;
    try {
      rules = rulesSchema.parse(JSON.parse(c.rules));
    } catch {
      rules = c.rules;
    }
    const ruleFields = rules !== null && typeof rules === 'object' ? differing(e.rules as Obj, rules as Obj) : [canonicalJson(rules)];
    if (ruleFields.length > 0) problem('verify.setupRules', { competition, fields: ruleFields.join(', ') });

    const instrument = { code: c.icode, version: c.iversion, sha256: c.ihash };
    if (canonicalJson(instrument) !== canonicalJson(e.instrument))
      problem('verify.setupInstrument', {
        competition,
        found: `${c.icode} v${c.iversion} (${c.ihash.slice(0, 12)})`,
        expected: `${e.instrument.code} v${e.instrument.version} (${e.instrument.sha256.slice(0, 12)})`,
      });
    if (Boolean(c.archived) !== e.archived) problem('verify.setupArchive', { competition });

    const sites = new Map<string, Obj>();
    for (const s of siteRows.all(c.id)) {
      const site: Obj = { code: s.code, name: s.name };
      optional(site, 'regency', s.regency);
      optional(site, 'district', s.district);
      optional(site, 'category', s.category);
      optional(site, 'contact', s.contact);
      optional(site, 'visitDate', s.visit_date);
      sites.set(s.code, site);
    }
    for (const [code, want] of e.sites) {
      const got = sites.get(code);
      if (!got) problem('verify.setupSiteMissing', { competition, site: code });
      else {
        const f = differing(want, got);
        if (f.length > 0) problem('verify.setupSite', { competition, site: code, fields: f.join(', ') });
      }
    }
    for (const code of sites.keys()) if (!e.sites.has(code)) problem('verify.setupSiteExtra', { competition, site: code });

    const jurors = new Map<string, Obj>();
    for (const j of jurorRows.all(c.id)) {
      const juror: Obj = { code: j.code, name: j.name };
      optional(juror, 'nip', j.nip);
      optional(juror, 'position', j.position);
      optional(juror, 'agency', j.agency);
      juror.role = j.role;
      if (!j.all_aspects) juror.aspects = aspectRows.all(j.id).map((a) => a.aspect_code);
      juror.recusedSites = recusalRows.all(j.id).map((r) => r.code);
      jurors.set(j.code, normaliseJuror(juror));
    }
    for (const [code, want] of e.jurors) {
      const got = jurors.get(code);
      if (!got) problem('verify.setupJurorMissing', { competition, juror: code });
      else {
        const f = differing(want, got);
        if (f.length > 0) problem('verify.setupJuror', { competition, juror: code, fields: f.join(', ') });
      }
    }
    for (const code of jurors.keys()) if (!e.jurors.has(code)) problem('verify.setupJurorExtra', { competition, juror: code });
  }

  if (hasTable(db, 'released_note')) checkReleased(db, problem);
  return unchecked;
}

/** The notes released to the sites against the `documents.release` entries (schema 9). */
function checkReleased(db: Database.Database, problem: Problem): void {
  const key = (...p: string[]) => p.join('\u0000');
  const released = new Map<string, boolean>();
  for (const r of db
    .prepare<[], { competition: string; site: string; juror: string; indicator: string; new_text: string }>(
      `SELECT competition, site, juror, indicator, new_text FROM history WHERE kind = 'documents.release' ORDER BY id`,
    )
    .iterate())
    released.set(key(r.competition, r.site, r.juror, r.indicator), r.new_text === 'released');
  const rows = new Set<string>();
  for (const r of db
    .prepare<[], { c: string; s: string; j: string; i: string }>(
      `SELECT c.code AS c, s.code AS s, j.code AS j, r.indicator_code AS i FROM released_note r
       JOIN site s ON s.id = r.site_id JOIN juror j ON j.id = r.juror_id JOIN competition c ON c.id = s.competition_id`,
    )
    .iterate()) {
    const k = key(r.c, r.s, r.j, r.i);
    rows.add(k);
    if (released.get(k) !== true) problem('verify.releasedNote', { competition: r.c, site: r.s, juror: r.j, indicator: r.i });
  }
  const sites = new Set(
    db
      .prepare<[], { c: string; s: string }>('SELECT c.code AS c, s.code AS s FROM site s JOIN competition c ON c.id = s.competition_id')
      .all()
      .map((r) => key(r.c, r.s)),
  );
  for (const [k, on] of released) {
    if (!on || rows.has(k)) continue;
    const [c, s, j, i] = k.split('\u0000') as [string, string, string, string];
    if (!sites.has(key(c, s))) continue; // the site went with its competition or setup
    problem('verify.releasedNote', { competition: c, site: s, juror: j, indicator: i });
  }
}
