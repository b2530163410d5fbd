/**
 * The database layer: the one place that reads and writes Penilai's tables, with prepared statements and a
 * transaction around anything that writes more than one row.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { CompetitionDetail, CompetitionSummary, SavedScore, ScoreSheet } from '../../../shared/contract/schemas.js';
import type { CompetitionFile, CompetitionInfo, Juror, Rules, Site } from '../../../shared/domain/competition.js';
import { rulesSchema } from '../../../shared/domain/competition.js';
import { UserError } from '../../../shared/domain/errors.js';
import { instrumentSchema, isOnScale, describeScale, listIndicators, type Instrument } from '../../../shared/domain/instrument.js';
import type { RankingInput, RankingScore } from '../../../shared/domain/ranking.js';
import type { Db } from './connection.js';

/** A stable JSON text (keys sorted) so that the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

interface CompetitionRow {
  id: number;
  code: string;
  name: string;
  year: number;
  info: string;
  rules: string;
  instrument_id: number;
}

interface SiteRow {
  id: number;
  code: string;
  name: string;
  regency: string | null;
  district: string | null;
  category: string | null;
  contact: string | null;
  visit_date: string | null;
}

interface JurorRow {
  id: number;
  code: string;
  name: string;
  nip: string | null;
  position: string | null;
  agency: string | null;
  role: Juror['role'];
  all_aspects: number;
}

function optional<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export class Store {
  constructor(
    readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private now(): string {
    return this.clock().toISOString();
  }

  /** Stores an instrument version, or finds the same one already stored; a different content under the same code and version is refused. */
  putInstrument(instrument: Instrument): number {
    const content = canonicalJson(instrument);
    const hash = sha256(content);
    const existing = this.db
      .prepare<[string, number], { id: number; content_hash: string }>('SELECT id, content_hash FROM instrument WHERE code = ? AND version = ?')
      .get(instrument.code, instrument.version);
    if (existing) {
      if (existing.content_hash !== hash) {
        throw new UserError('validate.duplicateCode', { code: `${instrument.code} v${instrument.version}`, other: 'basis data' }, 'conflict', 'instrument');
      }
      return existing.id;
    }
    return Number(
      this.db
        .prepare('INSERT INTO instrument (code, version, name, content, content_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(instrument.code, instrument.version, instrument.name, content, hash, this.now()).lastInsertRowid,
    );
  }

  listInstruments(): { code: string; version: number; name: string }[] {
    return this.db.prepare<[], { code: string; version: number; name: string }>('SELECT code, version, name FROM instrument ORDER BY code, version').all();
  }

  getInstrumentByCode(code: string): Instrument | null {
    const row = this.db
      .prepare<[string], { content: string }>('SELECT content FROM instrument WHERE code = ? ORDER BY version DESC LIMIT 1')
      .get(code);
    return row ? instrumentSchema.parse(JSON.parse(row.content)) : null;
  }

  private instrumentById(id: number): Instrument {
    const row = this.db.prepare<[number], { content: string }>('SELECT content FROM instrument WHERE id = ?').get(id);
    if (!row) throw new Error(`instrument ${id} missing`);
    return instrumentSchema.parse(JSON.parse(row.content));
  }

  competitionCodes(): string[] {
    return this.db.prepare<[], { code: string }>('SELECT code FROM competition ORDER BY id').all().map((r) => r.code);
  }

  hasCompetition(code: string): boolean {
    return this.db.prepare('SELECT 1 FROM competition WHERE code = ?').get(code) !== undefined;
  }

  private competitionRow(code: string): CompetitionRow {
    const row = this.db.prepare<[string], CompetitionRow>('SELECT * FROM competition WHERE code = ?').get(code);
    if (!row) throw new UserError('competition.notFound', { code }, 'not-found');
    return row;
  }

  listCompetitions(): CompetitionSummary[] {
    const rows = this.db
      .prepare<[], CompetitionRow & { icode: string; iversion: number; iname: string; sites: number; jurors: number }>(
        `SELECT c.*, i.code AS icode, i.version AS iversion, i.name AS iname,
                (SELECT count(*) FROM site s WHERE s.competition_id = c.id) AS sites,
                (SELECT count(*) FROM juror j WHERE j.competition_id = c.id) AS jurors
         FROM competition c JOIN instrument i ON i.id = c.instrument_id ORDER BY c.id`,
      )
      .all();
    return rows.map((r) => ({
      code: r.code,
      name: r.name,
      year: r.year,
      sites: r.sites,
      jurors: r.jurors,
      instrument: { code: r.icode, version: r.iversion, name: r.iname },
    }));
  }

  summary(code: string): CompetitionSummary {
    const found = this.listCompetitions().find((c) => c.code === code);
    if (!found) throw new UserError('competition.notFound', { code }, 'not-found');
    return found;
  }

  /** Creates a competition from a checked competition file, all or nothing. */
  createCompetition(file: CompetitionFile): void {
    const { competition: info, instrument } = file;
    this.db.transaction(() => {
      if (this.hasCompetition(info.code)) throw new UserError('competition.exists', { code: info.code }, 'conflict');
      const instrumentId = this.putInstrument(instrument);
      const { code, name, year, rules, ...rest } = info;
      const competitionId = Number(
        this.db
          .prepare('INSERT INTO competition (uuid, code, name, year, info, rules, instrument_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(randomUUID(), code, name, year, JSON.stringify(rest), JSON.stringify(rules), instrumentId, this.now()).lastInsertRowid,
      );
      const insertSite = this.db.prepare(
        'INSERT INTO site (competition_id, code, name, regency, district, category, contact, visit_date, ordinal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const siteIds = new Map<string, number>();
      file.sites.forEach((s, i) => {
        const id = insertSite.run(competitionId, s.code, s.name, s.regency ?? null, s.district ?? null, s.category ?? null, s.contact ?? null, s.visitDate ?? null, i).lastInsertRowid;
        siteIds.set(s.code, Number(id));
      });
      const insertJuror = this.db.prepare(
        'INSERT INTO juror (competition_id, code, name, nip, position, agency, role, all_aspects, ordinal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const insertAspect = this.db.prepare('INSERT INTO juror_aspect (juror_id, aspect_code) VALUES (?, ?)');
      const insertRecusal = this.db.prepare('INSERT INTO recusal (juror_id, site_id) VALUES (?, ?)');
      file.jurors.forEach((j, i) => {
        const jurorId = insertJuror.run(competitionId, j.code, j.name, j.nip ?? null, j.position ?? null, j.agency ?? null, j.role, j.aspects ? 0 : 1, i).lastInsertRowid;
        for (const aspect of new Set(j.aspects ?? [])) insertAspect.run(jurorId, aspect);
        for (const site of new Set(j.recusedSites ?? [])) insertRecusal.run(jurorId, siteIds.get(site));
      });
    })();
  }

  loadCompetition(code: string): CompetitionDetail {
    const row = this.competitionRow(code);
    const instrument = this.instrumentById(row.instrument_id);
    const rules = rulesSchema.parse(JSON.parse(row.rules));
    const rest = JSON.parse(row.info) as Omit<CompetitionInfo, 'code' | 'name' | 'year' | 'rules'>;
    const info: CompetitionInfo = { code: row.code, name: row.name, year: row.year, ...rest, rules };
    const sites: Site[] = this.db
      .prepare<[number], SiteRow>('SELECT * FROM site WHERE competition_id = ? ORDER BY ordinal')
      .all(row.id)
      .map((s) => ({
        code: s.code,
        name: s.name,
        ...optional('regency', s.regency),
        ...optional('district', s.district),
        ...optional('category', s.category),
        ...optional('contact', s.contact),
        ...optional('visitDate', s.visit_date),
      }));
    const aspectRows = this.db
      .prepare<[number], { juror_id: number; aspect_code: string }>(
        'SELECT ja.juror_id, ja.aspect_code FROM juror_aspect ja JOIN juror j ON j.id = ja.juror_id WHERE j.competition_id = ?',
      )
      .all(row.id);
    const recusalRows = this.db
      .prepare<[number], { juror_id: number; code: string }>(
        'SELECT r.juror_id, s.code FROM recusal r JOIN site s ON s.id = r.site_id WHERE s.competition_id = ? ORDER BY s.ordinal',
      )
      .all(row.id);
    const aspectOrder = instrument.aspects.map((a) => a.code);
    const jurors = this.db
      .prepare<[number], JurorRow>('SELECT * FROM juror WHERE competition_id = ? ORDER BY ordinal')
      .all(row.id)
      .map((j) => {
        const aspects = aspectRows.filter((a) => a.juror_id === j.id).map((a) => a.aspect_code);
        aspects.sort((a, b) => aspectOrder.indexOf(a) - aspectOrder.indexOf(b));
        return {
          code: j.code,
          name: j.name,
          ...optional('nip', j.nip),
          ...optional('position', j.position),
          ...optional('agency', j.agency),
          role: j.role,
          ...(j.all_aspects ? {} : { aspects }),
          recusedSites: recusalRows.filter((r) => r.juror_id === j.id).map((r) => r.code),
        };
      });
    const scoringStarted =
      this.db.prepare('SELECT 1 FROM score sc JOIN site s ON s.id = sc.site_id WHERE s.competition_id = ? LIMIT 1').get(row.id) !== undefined;
    return { info, rules, instrument, sites, jurors, scoringStarted };
  }

  private ids(competition: string, juror: string, site: string): { competitionId: number; jurorId: number; siteId: number; instrumentId: number } {
    const c = this.competitionRow(competition);
    const j = this.db.prepare<[number, string], { id: number }>('SELECT id FROM juror WHERE competition_id = ? AND code = ?').get(c.id, juror);
    if (!j) throw new UserError('juror.notFound', { code: juror }, 'not-found');
    const s = this.db.prepare<[number, string], { id: number }>('SELECT id FROM site WHERE competition_id = ? AND code = ?').get(c.id, site);
    if (!s) throw new UserError('site.notFound', { code: site }, 'not-found');
    return { competitionId: c.id, jurorId: j.id, siteId: s.id, instrumentId: c.instrument_id };
  }

  /** The indicators a juror is eligible to score at a site (contract.md section 4), in instrument order. */
  eligibleIndicators(detail: CompetitionDetail, juror: string, site: string): string[] {
    const j = detail.jurors.find((x) => x.code === juror);
    if (!j) throw new UserError('juror.notFound', { code: juror }, 'not-found');
    if (j.recusedSites.includes(site)) return [];
    return listIndicators(detail.instrument)
      .filter(({ aspect }) => !j.aspects || j.aspects.includes(aspect.code))
      .map(({ indicator }) => indicator.code);
  }

  sheet(competition: string, juror: string, site: string): ScoreSheet {
    const detail = this.loadCompetition(competition);
    const { jurorId, siteId } = this.ids(competition, juror, site);
    const scores = this.db
      .prepare<[number, number], { indicator: string; value: number; note: string | null; updatedAt: string }>(
        'SELECT indicator_code AS indicator, value, note, updated_at AS updatedAt FROM score WHERE juror_id = ? AND site_id = ?',
      )
      .all(jurorId, siteId);
    const finalised = this.db
      .prepare<[number, number], { finalised_at: string | null }>('SELECT finalised_at FROM sheet WHERE juror_id = ? AND site_id = ?')
      .get(jurorId, siteId);
    return {
      competition,
      juror,
      site,
      eligible: this.eligibleIndicators(detail, juror, site),
      finalised: Boolean(finalised?.finalised_at),
      scores,
    };
  }

  /** Saves one score (or clears it with null), after checking eligibility, the scale and the sheet's state. */
  setScore(competition: string, juror: string, site: string, indicator: string, value: number | null): SavedScore {
    const detail = this.loadCompetition(competition);
    const ref = listIndicators(detail.instrument).find((r) => r.indicator.code === indicator);
    if (!ref) throw new UserError('indicator.notFound', { code: indicator }, 'not-found');
    const { jurorId, siteId, instrumentId } = this.ids(competition, juror, site);
    if (!this.eligibleIndicators(detail, juror, site).includes(indicator)) {
      throw new UserError('score.notEligible', { juror, site, indicator });
    }
    if (value !== null && !isOnScale(ref.scale, value)) {
      throw new UserError('score.offScale', { value: String(value), indicator, scale: describeScale(ref.scale) });
    }
    const savedAt = this.now();
    this.db.transaction(() => {
      const sheet = this.db
        .prepare<[number, number], { finalised_at: string | null }>('SELECT finalised_at FROM sheet WHERE juror_id = ? AND site_id = ?')
        .get(jurorId, siteId);
      if (sheet?.finalised_at) throw new UserError('score.sheetFinal', { juror, site }, 'conflict');
      if (!sheet) this.db.prepare('INSERT INTO sheet (juror_id, site_id, finalised_at) VALUES (?, ?, NULL)').run(jurorId, siteId);
      if (value === null) {
        this.db.prepare('DELETE FROM score WHERE juror_id = ? AND site_id = ? AND indicator_code = ?').run(jurorId, siteId, indicator);
      } else {
        this.db
          .prepare(
            `INSERT INTO score (site_id, juror_id, indicator_code, value, instrument_id, updated_at) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (site_id, juror_id, indicator_code) DO UPDATE SET value = excluded.value, instrument_id = excluded.instrument_id, updated_at = excluded.updated_at`,
          )
          .run(siteId, jurorId, indicator, value, instrumentId, savedAt);
      }
    })();
    return { indicator, value, savedAt };
  }

  /** Bulk load of scores for a freshly created competition (demo, synthetic data), optionally finalising every sheet. */
  insertScores(competition: string, scores: readonly RankingScore[], finalise: boolean): void {
    const c = this.competitionRow(competition);
    const siteIds = new Map(this.db.prepare<[number], { id: number; code: string }>('SELECT id, code FROM site WHERE competition_id = ?').all(c.id).map((r) => [r.code, r.id]));
    const jurorIds = new Map(this.db.prepare<[number], { id: number; code: string }>('SELECT id, code FROM juror WHERE competition_id = ?').all(c.id).map((r) => [r.code, r.id]));
    const now = this.now();
    this.db.transaction(() => {
      const insert = this.db.prepare('INSERT INTO score (site_id, juror_id, indicator_code, value, instrument_id, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
      const sheet = this.db.prepare('INSERT OR IGNORE INTO sheet (juror_id, site_id, finalised_at) VALUES (?, ?, ?)');
      for (const s of scores) {
        const siteId = siteIds.get(s.site);
        const jurorId = jurorIds.get(s.juror);
        if (siteId === undefined || jurorId === undefined) throw new Error(`unknown site or juror in bulk scores: ${s.site}/${s.juror}`);
        insert.run(siteId, jurorId, s.indicator, s.value, c.instrument_id, now);
        sheet.run(jurorId, siteId, finalise ? now : null);
      }
    })();
  }

  /** Everything the ranking needs, read in a handful of queries. */
  rankingInput(code: string): RankingInput {
    const detail = this.loadCompetition(code);
    const c = this.competitionRow(code);
    const scores = this.db
      .prepare<[number], RankingScore>(
        `SELECT s.code AS site, j.code AS juror, sc.indicator_code AS indicator, sc.value AS value
         FROM score sc JOIN site s ON s.id = sc.site_id JOIN juror j ON j.id = sc.juror_id WHERE s.competition_id = ?`,
      )
      .all(c.id);
    const finalisedSheets = this.db
      .prepare<[number], { site: string; juror: string }>(
        `SELECT s.code AS site, j.code AS juror FROM sheet sh JOIN site s ON s.id = sh.site_id JOIN juror j ON j.id = sh.juror_id
         WHERE s.competition_id = ? AND sh.finalised_at IS NOT NULL`,
      )
      .all(c.id);
    return {
      competition: code,
      instrument: detail.instrument,
      rules: detail.rules,
      sites: detail.sites.map((s) => ({ code: s.code, name: s.name, category: s.category ?? null })),
      jurors: detail.jurors.map((j) => ({ code: j.code, aspects: j.aspects ?? null, recusedSites: j.recusedSites })),
      scores,
      finalisedSheets,
    };
  }

  rules(code: string): Rules {
    return rulesSchema.parse(JSON.parse(this.competitionRow(code).rules));
  }
}
