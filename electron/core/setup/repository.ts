/**
 * The setup domain's repository: competitions, sites, jurors, their aspects and recusals, archive and delete, the
 * secretariat's PIN. Prepared statements; a transaction around anything that writes more than one row.
 */
import { randomUUID } from 'node:crypto';
import type { CompetitionDetail, CompetitionSummary } from '../../../shared/contract/schemas.js';
import type { CompetitionFile, CompetitionInfo, Juror, Rules, Site } from '../../../shared/domain/competition.js';
import { checkCompetition, COMPETITION_FORMAT, rulesSchema } from '../../../shared/domain/competition.js';
import { UserError } from '../../../shared/domain/errors.js';
import { listIndicators, type Instrument } from '../../../shared/domain/instrument.js';
import { eligibleIndicators } from '../../../shared/domain/eligibility.js';
import { canonicalJson } from '../../../shared/domain/canonical.js';
import { ValidationError } from '../../../shared/domain/validation.js';
import { t } from '../../../shared/i18n/messages.js';
import type { GridRankingInput, RankingInput, RankingScore } from '../../../shared/domain/ranking.js';
import type { Db } from '../platform/database.js';
import type { SetupKind } from '../../../shared/contract/schemas.js';
import type { WriteGate } from '../platform/gate.js';
import { pinFingerprint } from '../platform/hash.js';
import { SECRETARIAT } from '../../../shared/domain/roles.js';

interface CompetitionRow {
  id: number;
  uuid: string;
  code: string;
  name: string;
  year: number;
  info: string;
  rules: string;
  instrument_id: number;
  archived_at: string | null;
  secretariat_pin_hash: string | null;
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

/** What setup needs of the instruments domain (its repository provides it; wired in app.ts). */
export interface InstrumentCatalog {
  putInstrument(instrument: Instrument): number;
  instrumentById(id: number): Instrument;
  hashOf(id: number): string;
  replaceContent(id: number, instrument: Instrument): void;
}

/** What setup needs of the scoring domain: recording the sheets an instrument move opened again. */
export interface SheetReopener {
  recordReopened(
    competition: string,
    sheets: readonly { juror: string; site: string; finalisedAt: string }[],
    reason: string,
    instrumentVersion: number,
  ): void;
}

export class SetupRepository {
  constructor(
    readonly db: Db,
    private readonly gate: WriteGate,
    private readonly instruments: InstrumentCatalog,
    private readonly scores: SheetReopener,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private now(): string {
    return this.clock().toISOString();
  }

  competitionCodes(): string[] {
    return this.db
      .prepare<[], { code: string }>('SELECT code FROM competition ORDER BY id')
      .all()
      .map((r) => r.code);
  }

  hasCompetition(code: string): boolean {
    return this.db.prepare('SELECT 1 FROM competition WHERE code = ?').get(code) !== undefined;
  }

  private competitionRow(code: string): CompetitionRow {
    const row = this.db.prepare<[string], CompetitionRow>('SELECT * FROM competition WHERE code = ?').get(code);
    if (!row) throw new UserError('competition.notFound', { code }, 'not-found');
    return row;
  }

  /** The competitions, in creation order; archived ones only when asked (`includeArchived`). */
  listCompetitions(includeArchived = false): CompetitionSummary[] {
    const rows = this.db
      .prepare<[], CompetitionRow & { icode: string; iversion: number; iname: string; ihash: string; sites: number; jurors: number }>(
        `SELECT c.*, i.code AS icode, i.version AS iversion, i.name AS iname, i.content_hash AS ihash,
                (SELECT count(*) FROM site s WHERE s.competition_id = c.id) AS sites,
                (SELECT count(*) FROM juror j WHERE j.competition_id = c.id) AS jurors
         FROM competition c JOIN instrument i ON i.id = c.instrument_id ORDER BY c.id`,
      )
      .all()
      .filter((r) => includeArchived || r.archived_at === null);
    return rows.map((r) => ({
      uuid: r.uuid,
      code: r.code,
      name: r.name,
      year: r.year,
      sites: r.sites,
      jurors: r.jurors,
      instrument: { code: r.icode, version: r.iversion, name: r.iname, sha256: r.ihash },
      archived: r.archived_at !== null,
    }));
  }

  summary(code: string): CompetitionSummary {
    const found = this.listCompetitions(true).find((c) => c.code === code);
    if (!found) throw new UserError('competition.notFound', { code }, 'not-found');
    return found;
  }

  /** Creates a competition from a checked competition file, all or nothing. */
  createCompetition(file: CompetitionFile): void {
    const { competition: info, instrument } = file;
    this.gate.run({ competition: info.code, ranking: true }, () => {
      if (this.hasCompetition(info.code)) throw new UserError('competition.exists', { code: info.code }, 'conflict', 'competition.code');
      if (this.codeUsedBefore(info.code))
        throw new UserError('competition.codeUsedBefore', { code: info.code }, 'conflict', 'competition.code');
      const uuid = info.uuid ?? randomUUID();
      const other = this.db.prepare<[string], { code: string }>('SELECT code FROM competition WHERE uuid = ?').get(uuid);
      if (other) throw new UserError('competition.uuidTaken', { uuid, other: other.code }, 'conflict', 'competition.uuid');
      const instrumentId = this.instruments.putInstrument(instrument);
      const { uuid: _uuid, code, name, year, rules, ...rest } = info;
      const competitionId = Number(
        this.db
          .prepare(
            'INSERT INTO competition (uuid, code, name, year, info, rules, instrument_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          )
          .run(uuid, code, name, year, JSON.stringify(rest), JSON.stringify(rules), instrumentId, this.now()).lastInsertRowid,
      );
      const insertSite = this.db.prepare(
        'INSERT INTO site (competition_id, code, name, regency, district, category, contact, visit_date, ordinal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const siteIds = new Map<string, number>();
      file.sites.forEach((s, i) => {
        const id = insertSite.run(
          competitionId,
          s.code,
          s.name,
          s.regency ?? null,
          s.district ?? null,
          s.category ?? null,
          s.contact ?? null,
          s.visitDate ?? null,
          i,
        ).lastInsertRowid;
        siteIds.set(s.code, Number(id));
      });
      const insertJuror = this.db.prepare(
        'INSERT INTO juror (competition_id, code, name, nip, position, agency, role, all_aspects, ordinal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const insertAspect = this.db.prepare('INSERT INTO juror_aspect (juror_id, aspect_code) VALUES (?, ?)');
      const insertRecusal = this.db.prepare('INSERT INTO recusal (juror_id, site_id) VALUES (?, ?)');
      file.jurors.forEach((j, i) => {
        const jurorId = insertJuror.run(
          competitionId,
          j.code,
          j.name,
          j.nip ?? null,
          j.position ?? null,
          j.agency ?? null,
          j.role,
          j.aspects ? 0 : 1,
          i,
        ).lastInsertRowid;
        for (const aspect of new Set(j.aspects ?? [])) insertAspect.run(jurorId, aspect);
        for (const site of new Set(j.recusedSites ?? [])) insertRecusal.run(jurorId, siteIds.get(site));
      });
      const made = this.loadCompetition(info.code);
      this.record(
        info.code,
        'setup.competition',
        {},
        {
          action: 'create',
          uuid: made.info.uuid,
          info: made.info,
          instrument: {
            code: instrument.code,
            version: instrument.version,
            sha256: this.instruments.hashOf(this.competitionRow(info.code).instrument_id),
          },
          sites: made.sites,
          jurors: made.jurors,
        },
      );
    });
  }

  /** A stored competition as a competition file (contract section 2): every field the file accepts, its uuid included. */
  competitionFile(code: string): CompetitionFile {
    const detail = this.loadCompetition(code);
    return {
      format: COMPETITION_FORMAT,
      competition: detail.info,
      instrument: detail.instrument,
      sites: detail.sites,
      jurors: detail.jurors.map(({ recusedSites, ...juror }): Juror => (recusedSites.length > 0 ? { ...juror, recusedSites } : juror)),
    };
  }

  loadCompetition(code: string): CompetitionDetail {
    const row = this.competitionRow(code);
    const instrument = this.instruments.instrumentById(row.instrument_id);
    const rules = rulesSchema.parse(JSON.parse(row.rules));
    const rest = JSON.parse(row.info) as Omit<CompetitionInfo, 'code' | 'name' | 'year' | 'rules'>;
    const info: CompetitionInfo = { uuid: row.uuid, code: row.code, name: row.name, year: row.year, ...rest, rules };
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
    // Scoring has started when a score was given on the competition's current version (which is then locked);
    // scores left behind on an earlier version do not count and do not lock the current one.
    const scoringStarted =
      this.db
        .prepare('SELECT 1 FROM score sc JOIN site s ON s.id = sc.site_id WHERE s.competition_id = ? AND sc.instrument_id = ? LIMIT 1')
        .get(row.id, row.instrument_id) !== undefined;
    const pins = this.db
      .prepare<[number], { code: string }>('SELECT code FROM juror WHERE competition_id = ? AND pin_hash IS NOT NULL ORDER BY ordinal')
      .all(row.id)
      .map((r) => r.code);
    const instrumentSha256 = this.instruments.hashOf(row.instrument_id);
    return { info, rules, instrument, instrumentSha256, sites, jurors, scoringStarted, pins };
  }

  /**
   * Saves the whole setup of a competition but its instrument, all or nothing: identity, rules, sites and jurors
   * (identified by code; the order of the arrays is the new order), each juror's aspects and recusals.
   *
   * - The code cannot change; the payload's `competition.code` must be `code`.
   * - The setup is checked with `checkCompetition` against the competition's current instrument first.
   * - Removing a site or a juror that has scores (on any instrument version) is refused: scores are the record.
   * - Changing a juror's aspects or recusals is allowed even when it makes existing scores ineligible (a conflict of
   *   interest found late must be recordable without deleting scores by hand). Such scores stay stored, stop
   *   counting in the ranking and the score sheet (contract.md section 4: only eligible jurors' scores count), and
   *   count again if the assignment is restored.
   */
  saveCompetition(code: string, info: CompetitionInfo, sites: readonly Site[], jurors: readonly Juror[]): void {
    this.gate.run({ competition: code, ranking: true }, () => {
      const c = this.competitionRow(code);
      const before = this.loadCompetition(code);
      if (info.code !== code) throw new UserError('setup.codeChange', { code, found: info.code }, 'invalid', 'competition.code');
      if (info.uuid !== undefined && info.uuid !== c.uuid)
        throw new UserError('competition.uuidChange', { code, uuid: c.uuid }, 'invalid', 'competition.uuid');
      const instrument = this.instruments.instrumentById(c.instrument_id);
      const issues = checkCompetition({
        format: COMPETITION_FORMAT,
        competition: info,
        instrument,
        sites: [...sites],
        jurors: [...jurors],
      });
      if (issues.length > 0) throw new ValidationError(issues);

      const { name, year, rules, code: _code, uuid: _uuid, ...rest } = info;
      this.db
        .prepare('UPDATE competition SET name = ?, year = ?, info = ?, rules = ? WHERE id = ?')
        .run(name, year, JSON.stringify(rest), JSON.stringify(rules), c.id);

      // Sites and jurors missing from the new lists are deleted, unless they already have scores.
      const removeMissing = (table: 'site' | 'juror', keep: readonly { code: string }[]) => {
        const kept = new Set(keep.map((x) => x.code));
        const old = this.db
          .prepare<[number], { id: number; code: string }>(`SELECT id, code FROM ${table} WHERE competition_id = ?`)
          .all(c.id);
        for (const row of old) {
          if (kept.has(row.code)) continue;
          const n = this.db.prepare<[number], { n: number }>(`SELECT count(*) AS n FROM score WHERE ${table}_id = ?`).get(row.id)!.n;
          if (n > 0) {
            const key = table === 'site' ? 'setup.siteHasScores' : 'setup.jurorHasScores';
            throw new UserError(key, { code: row.code, count: n }, 'conflict', table === 'site' ? 'sites' : 'jurors');
          }
          this.db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(row.id);
        }
        return old;
      };
      const oldSites = removeMissing('site', sites);
      const oldJurors = removeMissing('juror', jurors);

      const siteIds = new Map(oldSites.map((s) => [s.code, s.id]));
      const updateSite = this.db.prepare(
        'UPDATE site SET name = ?, regency = ?, district = ?, category = ?, contact = ?, visit_date = ?, ordinal = ? WHERE id = ?',
      );
      const insertSite = this.db.prepare(
        'INSERT INTO site (competition_id, code, name, regency, district, category, contact, visit_date, ordinal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      sites.forEach((s, i) => {
        const fields = [
          s.name,
          s.regency ?? null,
          s.district ?? null,
          s.category ?? null,
          s.contact ?? null,
          s.visitDate ?? null,
          i,
        ] as const;
        const id = siteIds.get(s.code);
        if (id === undefined) siteIds.set(s.code, Number(insertSite.run(c.id, s.code, ...fields).lastInsertRowid));
        else updateSite.run(...fields, id);
      });

      const jurorIds = new Map(oldJurors.map((j) => [j.code, j.id]));
      const updateJuror = this.db.prepare(
        'UPDATE juror SET name = ?, nip = ?, position = ?, agency = ?, role = ?, all_aspects = ?, ordinal = ? WHERE id = ?',
      );
      const insertJuror = this.db.prepare(
        'INSERT INTO juror (competition_id, code, name, nip, position, agency, role, all_aspects, ordinal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const clearAspects = this.db.prepare('DELETE FROM juror_aspect WHERE juror_id = ?');
      const clearRecusals = this.db.prepare('DELETE FROM recusal WHERE juror_id = ?');
      const insertAspect = this.db.prepare('INSERT INTO juror_aspect (juror_id, aspect_code) VALUES (?, ?)');
      const insertRecusal = this.db.prepare('INSERT INTO recusal (juror_id, site_id) VALUES (?, ?)');
      jurors.forEach((j, i) => {
        const fields = [j.name, j.nip ?? null, j.position ?? null, j.agency ?? null, j.role, j.aspects ? 0 : 1, i] as const;
        let id = jurorIds.get(j.code);
        if (id === undefined) {
          id = Number(insertJuror.run(c.id, j.code, ...fields).lastInsertRowid);
        } else {
          updateJuror.run(...fields, id);
          clearAspects.run(id);
          clearRecusals.run(id);
        }
        for (const aspect of new Set(j.aspects ?? [])) insertAspect.run(id, aspect);
        for (const site of new Set(j.recusedSites ?? [])) insertRecusal.run(id, siteIds.get(site));
      });
      this.recordChanges(code, before, this.loadCompetition(code));
    });
  }

  /**
   * Records in the ledger what a save changed, one entry per thing changed, each with what it was and what it
   * became: the identity, the rules, each site, each juror (with their aspects and recusals). Nothing changed,
   * nothing recorded.
   */
  private recordChanges(code: string, before: CompetitionDetail, after: CompetitionDetail): void {
    const { rules: rulesBefore, ...infoBefore } = before.info;
    const { rules: rulesAfter, ...infoAfter } = after.info;
    if (canonicalJson(infoBefore) !== canonicalJson(infoAfter))
      this.record(code, 'setup.competition', {}, { action: 'change', before: infoBefore, after: infoAfter });
    if (canonicalJson(rulesBefore) !== canonicalJson(rulesAfter))
      this.record(code, 'setup.rules', {}, { before: rulesBefore, after: rulesAfter });
    const diff = <T extends { code: string }>(kind: 'setup.site' | 'setup.juror', old: readonly T[], now: readonly T[]) => {
      const oldByCode = new Map(old.map((x) => [x.code, x]));
      const nowByCode = new Map(now.map((x) => [x.code, x]));
      for (const code2 of new Set([...oldByCode.keys(), ...nowByCode.keys()])) {
        const a = oldByCode.get(code2) ?? null;
        const b = nowByCode.get(code2) ?? null;
        if (a !== null && b !== null && canonicalJson(a) === canonicalJson(b)) continue;
        const subject = kind === 'setup.site' ? { site: code2 } : { juror: code2 };
        this.record(code, kind, subject, { action: a === null ? 'add' : b === null ? 'remove' : 'change', before: a, after: b });
      }
    };
    diff('setup.site', before.sites, after.sites);
    diff('setup.juror', before.jurors, after.jurors);
  }

  /** One setup entry in the ledger: the secretariat's act, now, with a versioned payload (v1: canonical JSON). */
  private record(code: string, kind: SetupKind, subject: { site?: string; juror?: string }, payload: unknown): void {
    this.gate.append({
      competition: code,
      kind,
      site: subject.site ?? null,
      juror: subject.juror ?? null,
      actor: SECRETARIAT,
      payload: { v: 1, text: canonicalJson(payload) },
    });
  }

  /** Rewrites the content of a competition's current instrument version in place (the caller has checked it may). */
  replaceInstrument(code: string, instrument: Instrument): void {
    this.gate.run({ competition: code, ranking: true }, () => {
      const id = this.competitionRow(code).instrument_id;
      const before = this.instruments.hashOf(id);
      this.instruments.replaceContent(id, instrument);
      const after = this.instruments.hashOf(id);
      if (before !== after)
        this.record(
          code,
          'setup.instrument',
          {},
          {
            action: 'edit',
            before: { code: instrument.code, version: instrument.version, sha256: before },
            after: { code: instrument.code, version: instrument.version, sha256: after },
          },
        );
    });
  }

  /**
   * Moves a competition to another instrument version (stored here if new), all or nothing. Its scores on the
   * current version for indicators whose code and effective scale (compared whole: range or options, labels, unit)
   * are unchanged move with it (`kept`); the others stay stored on the old version, where they no longer count
   * (`dropped`) and must be given again. Finalised sheets that now have such an indicator to score are reopened.
   */
  moveInstrument(code: string, instrument: Instrument): { kept: number; dropped: number } {
    return this.gate.run({ competition: code, ranking: true }, () => {
      const c = this.competitionRow(code);
      const oldId = c.instrument_id;
      const newId = this.instruments.putInstrument(instrument);
      const scores = this.db
        .prepare<[number, number], { id: number; indicator: string }>(
          `SELECT sc.id, sc.indicator_code AS indicator FROM score sc JOIN site s ON s.id = sc.site_id
           WHERE s.competition_id = ? AND sc.instrument_id = ?`,
        )
        .all(c.id, oldId);
      if (newId === oldId) return { kept: scores.length, dropped: 0 };

      const oldScales = new Map(
        listIndicators(this.instruments.instrumentById(oldId)).map((r) => [r.indicator.code, canonicalJson(r.scale)]),
      );
      const unchanged = new Set(
        listIndicators(instrument)
          .filter((r) => oldScales.get(r.indicator.code) === canonicalJson(r.scale))
          .map((r) => r.indicator.code),
      );
      const move = this.db.prepare('UPDATE score SET instrument_id = ? WHERE id = ?');
      let kept = 0;
      for (const s of scores) {
        if (!unchanged.has(s.indicator)) continue;
        move.run(newId, s.id);
        kept += 1;
      }
      this.db.prepare('UPDATE competition SET instrument_id = ? WHERE id = ?').run(newId, c.id);

      // A finalised sheet with a new or changed indicator to score is open again, or it could not be scored.
      const detail = this.loadCompetition(code);
      const toScore = new Set(
        listIndicators(instrument)
          .filter((r) => !unchanged.has(r.indicator.code))
          .map((r) => r.indicator.code),
      );
      const finalised = this.db
        .prepare<[number], { juror_id: number; site_id: number; juror: string; site: string; finalised_at: string }>(
          `SELECT sh.juror_id, sh.site_id, j.code AS juror, s.code AS site, sh.finalised_at FROM sheet sh
           JOIN juror j ON j.id = sh.juror_id JOIN site s ON s.id = sh.site_id
           WHERE s.competition_id = ? AND sh.finalised_at IS NOT NULL`,
        )
        .all(c.id);
      const reopen = this.db.prepare('UPDATE sheet SET finalised_at = NULL, signature = NULL WHERE juror_id = ? AND site_id = ?');
      const reopened: { juror: string; site: string; finalisedAt: string }[] = [];
      for (const sh of finalised) {
        if (!this.eligibleIndicators(detail, sh.juror, sh.site).some((i) => toScore.has(i))) continue;
        reopen.run(sh.juror_id, sh.site_id);
        reopened.push({ juror: sh.juror, site: sh.site, finalisedAt: sh.finalised_at });
      }
      // Reopened by the secretariat's move, with the reason in the history like any reopening.
      const reason = t('id', 'sheet.reopenedByInstrument', { code: instrument.code, version: instrument.version });
      this.scores.recordReopened(code, reopened, reason, instrument.version);
      const old = this.instruments.instrumentById(oldId);
      this.record(
        code,
        'setup.instrument',
        {},
        {
          action: 'move',
          before: { code: old.code, version: old.version, sha256: this.instruments.hashOf(oldId) },
          after: { code: instrument.code, version: instrument.version, sha256: this.instruments.hashOf(newId) },
          kept,
          dropped: scores.length - kept,
          reopened: reopened.length,
        },
      );
      return { kept, dropped: scores.length - kept };
    });
  }

  /** The indicators a juror is eligible to score at a site (contract.md section 4), in instrument order. */
  eligibleIndicators(detail: CompetitionDetail, juror: string, site: string): string[] {
    const j = detail.jurors.find((x) => x.code === juror);
    if (!j) throw new UserError('juror.notFound', { code: juror }, 'not-found');
    return eligibleIndicators(detail.instrument, j, site).map(({ indicator }) => indicator.code);
  }

  /**
   * Everything the ranking needs, read in a handful of queries, the scores as a grid (what `repos.pleno.official`
   * ranks). Only scores given on the competition's current instrument version count. The scores come in one
   * statement grouped by sheet (site, juror): each sheet's indicator codes and values as two JSON arrays built in
   * the same pass (so in the same order), about a thousand rows instead of 150,000; SQLite writes a REAL in JSON
   * with the digits that read back as the same double, and JSON.parse reads it back exactly.
   */
  rankingGrid(code: string): GridRankingInput {
    const detail = this.loadCompetition(code);
    const c = this.competitionRow(code);
    const sites = detail.sites.map((s) => ({ code: s.code, name: s.name, category: s.category ?? null }));
    const jurors = detail.jurors.map((j) => ({ code: j.code, aspects: j.aspects ?? null, recusedSites: j.recusedSites }));
    const indicators = listIndicators(detail.instrument);
    const S = sites.length;
    const J = jurors.length;
    const I = indicators.length;
    const sitePos = new Map(sites.map((s, i) => [s.code, i]));
    const jurorPos = new Map(jurors.map((j, i) => [j.code, i]));
    const siteById = new Map<number, number>();
    for (const [id, siteCode] of this.db
      .prepare<[number], [number, string]>('SELECT id, code FROM site WHERE competition_id = ?')
      .raw()
      .all(c.id))
      siteById.set(id, sitePos.get(siteCode)!);
    const jurorById = new Map<number, number>();
    for (const [id, jurorCode] of this.db
      .prepare<[number], [number, string]>('SELECT id, code FROM juror WHERE competition_id = ?')
      .raw()
      .all(c.id))
      jurorById.set(id, jurorPos.get(jurorCode)!);
    const indicatorPos = new Map(indicators.map((r, i) => [r.indicator.code, i]));

    const values = new Float64Array(S * J * I).fill(NaN);
    // Each distinct list of codes is read once (in a complete competition every sheet has the same one).
    const codeLists = new Map<string, Int32Array>();
    const sheets = this.db
      .prepare<[number, number], [number, number, string, string]>(
        `SELECT sc.site_id, sc.juror_id, json_group_array(sc.indicator_code), json_group_array(sc.value)
         FROM score sc WHERE sc.site_id IN (SELECT id FROM site WHERE competition_id = ?) AND sc.instrument_id = ?
         GROUP BY sc.site_id, sc.juror_id`,
      )
      .raw()
      .all(c.id, c.instrument_id);
    for (const [siteId, jurorId, codes, numbers] of sheets) {
      let at = codeLists.get(codes);
      if (!at) {
        at = Int32Array.from(JSON.parse(codes) as string[], (indicator) => indicatorPos.get(indicator) ?? -1);
        codeLists.set(codes, at);
      }
      const read = JSON.parse(numbers) as number[];
      const base = (siteById.get(siteId)! * J + jurorById.get(jurorId)!) * I;
      for (let k = 0; k < read.length; k += 1) if (at[k]! >= 0) values[base + at[k]!] = read[k]!;
    }
    const finalised = new Uint8Array(S * J);
    for (const [siteId, jurorId] of this.db
      .prepare<[number], [number, number]>(
        `SELECT sh.site_id, sh.juror_id FROM sheet sh JOIN site s ON s.id = sh.site_id
         WHERE s.competition_id = ? AND sh.finalised_at IS NOT NULL`,
      )
      .raw()
      .all(c.id))
      finalised[siteById.get(siteId)! * J + jurorById.get(jurorId)!] = 1;
    return { competition: code, instrument: detail.instrument, rules: detail.rules, sites, jurors, grid: { values, finalised } };
  }

  /** Everything the ranking needs with the scores and finalised sheets as lists (in site, juror, indicator order). */
  rankingInput(code: string): RankingInput {
    const { grid, ...input } = this.rankingGrid(code);
    const indicators = listIndicators(input.instrument).map((r) => r.indicator.code);
    const scores: RankingScore[] = [];
    const finalisedSheets: { site: string; juror: string }[] = [];
    const J = input.jurors.length;
    const I = indicators.length;
    input.sites.forEach((site, s) =>
      input.jurors.forEach((juror, j) => {
        for (let i = 0; i < I; i += 1) {
          const value = grid.values[(s * J + j) * I + i]!;
          if (!Number.isNaN(value)) scores.push({ site: site.code, juror: juror.code, indicator: indicators[i]!, value });
        }
        if (grid.finalised[s * J + j] === 1) finalisedSheets.push({ site: site.code, juror: juror.code });
      }),
    );
    return { ...input, scores, finalisedSheets };
  }

  /**
   * Whether a code was used by a competition that has been deleted: its history stays (append-only, one chain over
   * the whole database), so a new competition under that code would inherit it. Such a code is not given again.
   */
  codeUsedBefore(code: string): boolean {
    return !this.hasCompetition(code) && this.db.prepare('SELECT 1 FROM history WHERE competition = ? LIMIT 1').get(code) !== undefined;
  }

  /** Archives a competition (hidden from the lists, everything kept) or brings it back. */
  setArchived(code: string, archived: boolean): void {
    this.gate.run({ competition: code, ranking: false }, () => {
      const c = this.competitionRow(code);
      if ((c.archived_at !== null) === archived) return;
      this.db.prepare('UPDATE competition SET archived_at = ? WHERE id = ?').run(archived ? this.now() : null, c.id);
      this.record(code, 'setup.archive', {}, { archived });
    });
  }

  /** What goes with a competition when it is deleted: its sites, jurors, scores and photos. */
  competitionUsage(code: string): { sites: number; jurors: number; scores: number; photos: number } {
    const c = this.competitionRow(code);
    const count = (sql: string) => this.db.prepare<[number], { n: number }>(sql).get(c.id)!.n;
    return {
      sites: count('SELECT count(*) AS n FROM site WHERE competition_id = ?'),
      jurors: count('SELECT count(*) AS n FROM juror WHERE competition_id = ?'),
      scores: count('SELECT count(*) AS n FROM score sc JOIN site s ON s.id = sc.site_id WHERE s.competition_id = ?'),
      photos: count(
        'SELECT count(*) AS n FROM evidence e JOIN site s ON s.id = e.site_id WHERE s.competition_id = ? AND e.removed_at IS NULL',
      ),
    };
  }

  /**
   * Deletes a competition and every row that belongs to it (sites, jurors, scores, notes, checklists, sheets,
   * photo records), all or nothing. Its history entries stay: the history is append-only and chained over the whole
   * database; `verify` skips cells whose site or juror no longer exists. The photo files stay in the `.bukti`
   * folder (named by content, another competition may hold the same photo).
   */
  deleteCompetition(code: string): { sites: number; jurors: number; scores: number; photos: number } {
    return this.gate.run({ competition: code, ranking: false }, () => {
      const usage = this.competitionUsage(code);
      const c = this.competitionRow(code);
      this.record(code, 'setup.competition', {}, { action: 'delete', ...usage });
      this.db.prepare('DELETE FROM evidence WHERE site_id IN (SELECT id FROM site WHERE competition_id = ?)').run(c.id);
      this.db.prepare('DELETE FROM competition WHERE id = ?').run(c.id);
      return usage;
    });
  }

  /** The secretariat's PIN hash of a competition, or null when none is set. */
  secretariatPinHash(code: string): string | null {
    return this.competitionRow(code).secretariat_pin_hash;
  }

  /** Sets the secretariat's PIN (a hash), recorded in the history like a juror's PIN (a fingerprint, with no juror). */
  setSecretariatPinHash(code: string, pinHash: string): void {
    this.gate.run({ competition: code, ranking: false }, () => {
      const c = this.competitionRow(code);
      this.db.prepare('UPDATE competition SET secretariat_pin_hash = ? WHERE id = ?').run(pinHash, c.id);
      this.gate.append({
        competition: code,
        kind: 'pin',
        oldText: pinFingerprint(c.secretariat_pin_hash),
        newText: pinFingerprint(pinHash),
        actor: SECRETARIAT,
      });
    });
  }

  rules(code: string): Rules {
    return rulesSchema.parse(JSON.parse(this.competitionRow(code).rules));
  }
}
