/**
 * Scoring on site visits, in the database: every score, note, household checklist, finalisation, reopening and
 * PIN change goes through this repository, which checks the rules, writes the row and appends one entry to the
 * hash-chained history, all in one transaction (one durable commit per call when not inside a caller's
 * transaction; inside one it is a savepoint and the caller's commit makes it durable).
 *
 * The history (contract.md / architecture.md point 15): append-only (triggers in schema 2) and chained over the
 * whole database in id order: hash = sha256(prev_hash + canonical JSON of the entry's fields, uuid, at, actor and
 * device included); the first entry's prev_hash is 64 zeros. `verify --db` recomputes the chain and compares the
 * tables with what the history says they hold (electron/core/audit/verify.ts).
 *
 * Hot path: a score save on a database of 150,000 scores costs a handful of indexed look-ups; the instrument is
 * parsed once per content hash and kept, statements are prepared once.
 */
import { randomUUID } from 'node:crypto';
import { pinFingerprint, sha256 } from '../platform/hash.js';
import type { Statement } from 'better-sqlite3';
import type {
  EvidenceInfo,
  GridData,
  HistoryEntry,
  HouseholdAnswers,
  ReviewProblem,
  SavedScore,
  ScoreSheet,
  SheetEvent,
  SheetProgress,
  SheetScore,
} from '../../../shared/contract/schemas.js';
import { UserError } from '../../../shared/domain/errors.js';
import {
  householdScore,
  instrumentSchema,
  snapToScale,
  listIndicators,
  offScaleError,
  type IndicatorRef,
  type Instrument,
} from '../../../shared/domain/instrument.js';
import type { RankingScore } from '../../../shared/domain/ranking.js';
import type { Db } from '../platform/database.js';
import type { WriteGate } from '../platform/gate.js';
import type { AppendEntry, HistoryRow } from '../platform/ledger.js';
import type { EvidenceRow } from '../platform/files.js';
import { EPSILON } from '../../../shared/domain/numbers.js';
import { eligibleIndicators, isEligible } from '../../../shared/domain/eligibility.js';
import { reviewSheet } from '../../../shared/domain/review.js';

export { SECRETARIAT } from '../../../shared/domain/roles.js';
import { SECRETARIAT } from '../../../shared/domain/roles.js';

export type HistoryKind = HistoryEntry['kind'];

/** Whether bytes start with the PNG signature and an IHDR chunk. */
export function isPng(bytes: Uint8Array): boolean {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 33) return false;
  if (!signature.every((b, i) => bytes[i] === b)) return false;
  return String.fromCharCode(bytes[12]!, bytes[13]!, bytes[14]!, bytes[15]!) === 'IHDR';
}

export type AppendHistory = AppendEntry;

/** One cell of a juror's work as stored: score, note and household answers (JSON text). */
export interface CellState {
  value: number | null;
  note: string | null;
  answers: string | null;
}

export interface JurorWorkCell extends CellState {
  site: string;
  indicator: string;
}

/** One juror's work in one competition, as a score package carries it. */
export interface JurorWork {
  cells: JurorWorkCell[];
  sheets: { site: string; finalisedAt: string | null; signature: Uint8Array | null }[];
  photos: (EvidenceRow & { site: string; device: string })[];
}

export interface SetScoreInput {
  competition: string;
  juror: string;
  site: string;
  indicator: string;
  /** null clears the score. */
  value: number | null;
  /** The juror's code for their own change, `sekretariat` for what the secretariat types up. */
  actor: string;
  /** Required to change an existing score on a reopened sheet; kept in the history. */
  reason?: string | undefined;
  /** The laptop the change was made on; left out: this one. */
  device?: string | undefined;
}

export interface SetNoteInput {
  competition: string;
  juror: string;
  site: string;
  indicator: string;
  /** An empty (or blank) note clears it. */
  note: string;
  actor: string;
  device?: string | undefined;
}

export interface SetHouseholdInput {
  competition: string;
  juror: string;
  site: string;
  indicator: string;
  answers: (boolean | null)[][];
  actor: string;
  /** Required to change an existing score on a reopened sheet; kept in the history. */
  reason?: string | undefined;
  device?: string | undefined;
}

export interface SheetRef {
  competition: string;
  juror: string;
  site: string;
}

interface ParsedInstrument {
  instrument: Instrument;
  refs: IndicatorRef[];
  byCode: Map<string, IndicatorRef>;
}

/** A (competition, juror, site) resolved to row ids, with what eligibility needs. */
interface SheetContext {
  competition: string;
  competitionId: number;
  instrumentId: number;
  instrumentVersion: number;
  parsed: ParsedInstrument;
  juror: string;
  jurorId: number;
  jurorName: string;
  pinHash: string | null;
  /** null: every aspect. */
  aspects: Set<string> | null;
  site: string;
  siteId: number;
  recused: boolean;
}

interface ScoreRow {
  id: number;
  value: number;
  instrument_id: number;
  updated_at: string;
}

interface SheetState {
  exists: boolean;
  finalisedAt: string | null;
  /** Reopened: a 'reopen' event after its last 'finalise'. */
  reopened: boolean;
}

const VALUE_KINDS = new Set<HistoryKind>(['score', 'note', 'household', 'evidence']);

/** What the history records of a photo (as electron/core/evidence/repository.ts writes it): its content hash and name. */
function photoText(sha: string, name: string): string {
  return `sha256:${sha} ${name}`;
}

function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) < EPSILON;
}

export class ScoreRepository {
  private readonly statements = new Map<string, ReturnType<Db['prepare']>>();
  private readonly instruments = new Map<string, ParsedInstrument>();
  constructor(
    readonly db: Db,
    private readonly gate: WriteGate,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private now(): string {
    return this.clock().toISOString();
  }

  /** A statement prepared once per connection (lazily: an older schema in a migration test has no history table). */
  private q<P extends unknown[] = unknown[], R = unknown>(sql: string): Statement<P, R> {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s as unknown as Statement<P, R>;
  }

  /** One unit of work of the write gate (a savepoint inside a caller's), taking the write lock at once. */
  private tx<T>(fn: () => T, competition: string | null = null): T {
    return this.gate.run({ competition }, () => fn());
  }

  /** This installation's device id: the chain it writes. */
  device(): string {
    return this.gate.ledger.device.id;
  }

  // ---------------------------------------------------------------- history

  /** Appends one entry to this device's chain (inside the caller's unit of work when there is one). */
  appendHistory(input: AppendHistory): HistoryEntry {
    return this.tx(() => this.gate.append(input), input.competition);
  }

  /** The history of a competition, oldest first, narrowed to a juror, a site and/or an indicator. */
  history(filter: {
    competition: string;
    juror?: string | undefined;
    site?: string | undefined;
    indicator?: string | undefined;
  }): HistoryEntry[] {
    return this.gate.ledger.entries(filter);
  }

  // ---------------------------------------------------------------- context

  private parsedInstrument(id: number, contentHash: string): ParsedInstrument {
    const key = `${id}:${contentHash}`;
    let parsed = this.instruments.get(key);
    if (!parsed) {
      const row = this.q<[number], { content: string }>('SELECT content FROM instrument WHERE id = ?').get(id);
      if (!row) throw new Error(`instrument ${id} missing`);
      const instrument = instrumentSchema.parse(JSON.parse(row.content));
      const refs = listIndicators(instrument);
      parsed = { instrument, refs, byCode: new Map(refs.map((r) => [r.indicator.code, r])) };
      this.instruments.set(key, parsed);
    }
    return parsed;
  }

  private competitionContext(code: string): {
    competitionId: number;
    instrumentId: number;
    instrumentVersion: number;
    parsed: ParsedInstrument;
  } {
    const c = this.q<[string], { id: number; instrument_id: number; version: number; content_hash: string }>(
      `SELECT c.id, c.instrument_id, i.version, i.content_hash FROM competition c JOIN instrument i ON i.id = c.instrument_id WHERE c.code = ?`,
    ).get(code);
    if (!c) throw new UserError('competition.notFound', { code }, 'not-found');
    return {
      competitionId: c.id,
      instrumentId: c.instrument_id,
      instrumentVersion: c.version,
      parsed: this.parsedInstrument(c.instrument_id, c.content_hash),
    };
  }

  private jurorRow(competitionId: number, code: string): { id: number; name: string; all_aspects: number; pin_hash: string | null } {
    const j = this.q<[number, string], { id: number; name: string; all_aspects: number; pin_hash: string | null }>(
      'SELECT id, name, all_aspects, pin_hash FROM juror WHERE competition_id = ? AND code = ?',
    ).get(competitionId, code);
    if (!j) throw new UserError('juror.notFound', { code }, 'not-found');
    return j;
  }

  private jurorAspects(jurorId: number, all: boolean): Set<string> | null {
    if (all) return null;
    return new Set(
      this.q<[number], { aspect_code: string }>('SELECT aspect_code FROM juror_aspect WHERE juror_id = ?')
        .all(jurorId)
        .map((r) => r.aspect_code),
    );
  }

  private context(ref: SheetRef): SheetContext {
    const c = this.competitionContext(ref.competition);
    const j = this.jurorRow(c.competitionId, ref.juror);
    const s = this.q<[number, string], { id: number }>('SELECT id FROM site WHERE competition_id = ? AND code = ?').get(
      c.competitionId,
      ref.site,
    );
    if (!s) throw new UserError('site.notFound', { code: ref.site }, 'not-found');
    const recused = this.q('SELECT 1 FROM recusal WHERE juror_id = ? AND site_id = ?').get(j.id, s.id) !== undefined;
    return {
      competition: ref.competition,
      ...c,
      juror: ref.juror,
      jurorId: j.id,
      jurorName: j.name,
      pinHash: j.pin_hash,
      aspects: this.jurorAspects(j.id, j.all_aspects === 1),
      site: ref.site,
      siteId: s.id,
      recused,
    };
  }

  private isEligible(ctx: SheetContext, ref: IndicatorRef): boolean {
    return isEligible({ aspects: ctx.aspects, recusedSites: ctx.recused ? [ctx.site] : [] }, ref.aspect.code, ctx.site);
  }

  private eligibleRefs(ctx: SheetContext): IndicatorRef[] {
    return ctx.parsed.refs.filter((r) => this.isEligible(ctx, r));
  }

  /** The indicator, checked to exist and to be the juror's to score at this site. */
  private eligibleIndicator(ctx: SheetContext, indicator: string): IndicatorRef {
    const ref = ctx.parsed.byCode.get(indicator);
    if (!ref) throw new UserError('indicator.notFound', { code: indicator }, 'not-found');
    if (!this.isEligible(ctx, ref)) throw new UserError('score.notEligible', { juror: ctx.juror, site: ctx.site, indicator });
    return ref;
  }

  private sheetState(ctx: SheetContext): SheetState {
    const row = this.q<[number, number], { finalised_at: string | null }>(
      'SELECT finalised_at FROM sheet WHERE juror_id = ? AND site_id = ?',
    ).get(ctx.jurorId, ctx.siteId);
    const last = this.q<[string, string, string], { kind: HistoryKind }>(
      `SELECT kind FROM history WHERE competition = ? AND juror = ? AND site = ? AND kind IN ('finalise', 'reopen') ORDER BY id DESC LIMIT 1`,
    ).get(ctx.competition, ctx.juror, ctx.site);
    const finalisedAt = row?.finalised_at ?? null;
    return { exists: row !== undefined, finalisedAt, reopened: finalisedAt === null && last?.kind === 'reopen' };
  }

  /** Refuses any write on a finalised sheet; returns the sheet's state otherwise. */
  private openSheet(ctx: SheetContext): SheetState {
    const state = this.sheetState(ctx);
    if (state.finalisedAt !== null) throw new UserError('score.sheetFinal', { juror: ctx.juror, site: ctx.site }, 'conflict');
    return state;
  }

  private ensureSheet(ctx: SheetContext, state: SheetState): void {
    if (!state.exists) this.q('INSERT INTO sheet (juror_id, site_id, finalised_at) VALUES (?, ?, NULL)').run(ctx.jurorId, ctx.siteId);
  }

  /** The stored row of a cell, whatever instrument version it was given on. */
  private scoreRow(ctx: SheetContext, indicator: string): ScoreRow | undefined {
    return this.q<[number, number, string], ScoreRow>(
      'SELECT id, value, instrument_id, updated_at FROM score WHERE site_id = ? AND juror_id = ? AND indicator_code = ?',
    ).get(ctx.siteId, ctx.jurorId, indicator);
  }

  /** Refuses a write to a finalised sheet; for other writers (evidence) that keep their own rows. */
  assertOpen(ref: SheetRef): void {
    this.openSheet(this.context(ref));
  }

  /** The PIN hash of a juror (null: none), for the session rules. */
  juror(competition: string, juror: string): { name: string; pinHash: string | null } {
    const c = this.competitionContext(competition);
    const j = this.jurorRow(c.competitionId, juror);
    return { name: j.name, pinHash: j.pin_hash };
  }

  // ---------------------------------------------------------------- writes

  /**
   * Saves one score (null clears it) with one history entry; a value equal to the stored one writes nothing.
   * Refused: an unknown or ineligible indicator, a value off the scale, a finalised sheet, and on a reopened sheet
   * a change to an existing score without a reason.
   */
  setScore(input: SetScoreInput): SavedScore {
    return this.tx(() => {
      const ctx = this.context(input);
      const ref = this.eligibleIndicator(ctx, input.indicator);
      // A score within EPSILON of a level is stored as that level exactly.
      const level = input.value === null ? null : snapToScale(ref.scale, input.value);
      if (input.value !== null && level === null) {
        const off = offScaleError(ref.scale, input.value, input.indicator);
        throw new UserError(off.key, off.params);
      }
      const state = this.openSheet(ctx);
      return this.writeScore(ctx, state, input.indicator, level, {
        actor: input.actor,
        device: input.device,
        reason: input.reason?.trim() ? input.reason.trim() : null,
        undoes: null,
      });
    });
  }

  /** The score row of a cell, written on the competition's current instrument version. */
  private upsertScore(ctx: SheetContext, indicator: string, value: number, at: string, actor: string, device: string): void {
    this.q(
      `INSERT INTO score (site_id, juror_id, indicator_code, value, instrument_id, updated_at, updated_by, device) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (site_id, juror_id, indicator_code) DO UPDATE SET value = excluded.value, instrument_id = excluded.instrument_id,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by, device = excluded.device`,
    ).run(ctx.siteId, ctx.jurorId, indicator, value, ctx.instrumentId, at, actor, device);
  }

  private writeScore(
    ctx: SheetContext,
    state: SheetState,
    indicator: string,
    value: number | null,
    how: { actor: string; device: string | undefined; reason: string | null; undoes: string | null },
  ): SavedScore {
    const row = this.scoreRow(ctx, indicator);
    // A score left behind on an earlier instrument version does not count: for the rules it is no score.
    const current = row && row.instrument_id === ctx.instrumentId ? row : undefined;
    if (sameNumber(current?.value ?? null, value)) return { indicator, value, savedAt: current?.updated_at ?? this.now() };
    if (state.reopened && current !== undefined && how.reason === null && how.undoes === null) {
      throw new UserError('score.reasonRequired', { juror: ctx.juror, site: ctx.site, indicator });
    }
    this.ensureSheet(ctx, state);
    const at = this.now();
    const device = how.device ?? this.device();
    const base = {
      competition: ctx.competition,
      juror: ctx.juror,
      site: ctx.site,
      indicator,
      instrumentVersion: ctx.instrumentVersion,
      actor: how.actor,
      device,
      at,
    };
    if (value === null) {
      // Clearing a score leaves its note alone: notes are kept apart (schema 5).
      this.q('DELETE FROM score WHERE id = ?').run(current!.id);
    } else {
      this.upsertScore(ctx, indicator, value, at, how.actor, device);
    }
    this.appendHistory({
      ...base,
      kind: 'score',
      oldValue: current?.value ?? null,
      newValue: value,
      reason: how.reason,
      undoes: how.undoes,
    });
    return { indicator, value, savedAt: at };
  }

  /**
   * Sets or clears (empty) the note of a cell, with a 'note' history entry; an unchanged note writes nothing. A note
   * may come before the score (a juror writes what they see first); it is kept apart from the score (schema 5).
   */
  setNote(input: SetNoteInput): { indicator: string; note: string | null; savedAt: string } {
    return this.tx(() => {
      const ctx = this.context(input);
      this.eligibleIndicator(ctx, input.indicator);
      const state = this.openSheet(ctx);
      const note = input.note.trim() === '' ? null : input.note;
      return this.writeNote(ctx, state, input.indicator, note, { actor: input.actor, device: input.device, undoes: null });
    });
  }

  private noteRow(ctx: SheetContext, indicator: string): { note: string; updated_at: string } | undefined {
    return this.q<[number, number, string], { note: string; updated_at: string }>(
      'SELECT note, updated_at FROM note WHERE site_id = ? AND juror_id = ? AND indicator_code = ?',
    ).get(ctx.siteId, ctx.jurorId, indicator);
  }

  private writeNote(
    ctx: SheetContext,
    state: SheetState,
    indicator: string,
    note: string | null,
    how: { actor: string; device: string | undefined; undoes: string | null },
  ): { indicator: string; note: string | null; savedAt: string } {
    const current = this.noteRow(ctx, indicator);
    if ((current?.note ?? null) === note) return { indicator, note, savedAt: current?.updated_at ?? this.now() };
    this.ensureSheet(ctx, state);
    const at = this.now();
    const device = how.device ?? this.device();
    if (note === null) {
      this.q('DELETE FROM note WHERE site_id = ? AND juror_id = ? AND indicator_code = ?').run(ctx.siteId, ctx.jurorId, indicator);
    } else {
      this.q(
        `INSERT INTO note (site_id, juror_id, indicator_code, note, updated_at, updated_by, device) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (site_id, juror_id, indicator_code) DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by, device = excluded.device`,
      ).run(ctx.siteId, ctx.jurorId, indicator, note, at, how.actor, device);
    }
    this.appendHistory({
      competition: ctx.competition,
      kind: 'note',
      juror: ctx.juror,
      site: ctx.site,
      indicator,
      oldText: current?.note ?? null,
      newText: note,
      instrumentVersion: ctx.instrumentVersion,
      actor: how.actor,
      at,
      undoes: how.undoes,
    });
    return { indicator, note, savedAt: at };
  }

  /**
   * Saves a household checklist (families × items; visited families may be fewer than the sample). Once every item
   * of every visited family is answered, the score follows from the bands; before that the cell has no score.
   */
  setHousehold(input: SetHouseholdInput): { indicator: string; score: number | null; savedAt: string } {
    return this.tx(() => {
      const ctx = this.context(input);
      const ref = this.eligibleIndicator(ctx, input.indicator);
      const household = ref.indicator.household;
      if (!household) throw new UserError('household.notHousehold', { indicator: input.indicator });
      if (input.answers.length > household.sampleSize) {
        throw new UserError('household.tooManyFamilies', {
          indicator: input.indicator,
          max: household.sampleSize,
          found: input.answers.length,
        });
      }
      input.answers.forEach((family, i) => {
        if (family.length !== household.items.length) {
          throw new UserError('household.badFamily', {
            indicator: input.indicator,
            family: i + 1,
            items: household.items.length,
            found: family.length,
          });
        }
      });
      const state = this.openSheet(ctx);
      const answers = input.answers.length === 0 ? null : JSON.stringify(input.answers);
      return this.writeHousehold(ctx, state, ref, answers, {
        actor: input.actor,
        device: input.device,
        undoes: null,
        reason: input.reason?.trim() ? input.reason.trim() : null,
      });
    });
  }

  private householdRow(ctx: SheetContext, indicator: string): string | null {
    return (
      this.q<[number, number, string], { answers: string }>(
        'SELECT answers FROM household WHERE site_id = ? AND juror_id = ? AND indicator_code = ?',
      ).get(ctx.siteId, ctx.jurorId, indicator)?.answers ?? null
    );
  }

  private writeHousehold(
    ctx: SheetContext,
    state: SheetState,
    ref: IndicatorRef,
    answers: string | null,
    how: { actor: string; device: string | undefined; undoes: string | null; score?: number | null; reason?: string | null },
  ): { indicator: string; score: number | null; savedAt: string } {
    const indicator = ref.indicator.code;
    const household = ref.indicator.household!;
    const oldAnswers = this.householdRow(ctx, indicator);
    const row = this.scoreRow(ctx, indicator);
    const current = row && row.instrument_id === ctx.instrumentId ? row : undefined;
    const oldScore = current?.value ?? null;
    let score: number | null;
    if (how.score !== undefined) score = how.score;
    else {
      const list = answers === null ? [] : (JSON.parse(answers) as (boolean | null)[][]);
      const flat = list.flat();
      const complete = list.length > 0 && flat.every((a) => a !== null);
      score = complete ? householdScore(household, ref.scale, flat.filter((a) => a === true).length, flat.length) : null;
    }
    if (oldAnswers === answers && sameNumber(oldScore, score)) return { indicator, score, savedAt: current?.updated_at ?? this.now() };
    if (state.reopened && current !== undefined && !sameNumber(oldScore, score) && how.undoes === null && !how.reason) {
      throw new UserError('score.reasonRequired', { juror: ctx.juror, site: ctx.site, indicator });
    }
    this.ensureSheet(ctx, state);
    const at = this.now();
    const device = how.device ?? this.device();
    if (answers === null)
      this.q('DELETE FROM household WHERE site_id = ? AND juror_id = ? AND indicator_code = ?').run(ctx.siteId, ctx.jurorId, indicator);
    else {
      this.q(
        `INSERT INTO household (site_id, juror_id, indicator_code, answers, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (site_id, juror_id, indicator_code) DO UPDATE SET answers = excluded.answers, updated_at = excluded.updated_at`,
      ).run(ctx.siteId, ctx.jurorId, indicator, answers, at);
    }
    if (!sameNumber(oldScore, score)) {
      if (score === null) {
        this.q('DELETE FROM score WHERE id = ?').run(current!.id);
      } else {
        this.upsertScore(ctx, indicator, score, at, how.actor, device);
      }
    }
    this.appendHistory({
      competition: ctx.competition,
      kind: 'household',
      juror: ctx.juror,
      site: ctx.site,
      indicator,
      oldValue: oldScore,
      newValue: score,
      oldText: oldAnswers,
      newText: answers,
      instrumentVersion: ctx.instrumentVersion,
      actor: how.actor,
      at,
      reason: how.reason ?? null,
      undoes: how.undoes,
    });
    return { indicator, score, savedAt: at };
  }

  /** The latest change of this sheet (score, note or checklist) since its last finalisation or reopening that has not been taken back. */
  private undoable(ctx: SheetContext): HistoryRow | null {
    const undone = new Set<string>();
    for (const row of this.q<[string, string, string], HistoryRow>(
      'SELECT * FROM history WHERE competition = ? AND juror = ? AND site = ? ORDER BY id DESC',
    ).iterate(ctx.competition, ctx.juror, ctx.site)) {
      if (row.kind === 'finalise' || row.kind === 'reopen') return null;
      if (row.undoes) {
        undone.add(row.undoes);
        continue;
      }
      if (!VALUE_KINDS.has(row.kind) || undone.has(row.uuid)) continue;
      return row;
    }
    return null;
  }

  /** Takes back the latest change of the sheet not yet taken back, restoring its old value, note or answers. */
  undo(input: SheetRef & { actor: string; device?: string | undefined }): {
    undone: { kind: HistoryKind; indicator: string | null } | null;
  } {
    return this.tx(() => {
      const ctx = this.context(input);
      const state = this.openSheet(ctx);
      const target = this.undoable(ctx);
      if (!target) return { undone: null };
      const how = { actor: input.actor, device: input.device, undoes: target.uuid };
      const indicator = target.indicator!;
      if (target.kind === 'score') this.writeScore(ctx, state, indicator, target.old_value, { ...how, reason: null });
      else if (target.kind === 'note') this.writeNote(ctx, state, indicator, target.old_text, how);
      else if (target.kind === 'evidence') this.undoPhoto(ctx, target, how);
      else {
        const ref = ctx.parsed.byCode.get(indicator);
        if (!ref?.indicator.household) throw new UserError('indicator.notFound', { code: indicator }, 'not-found');
        this.writeHousehold(ctx, state, ref, target.old_text, { ...how, score: target.old_value });
      }
      return { undone: { kind: target.kind, indicator } };
    });
  }

  /**
   * Takes back a photo's addition (the photo is marked removed; its file stays) or its removal (the photo comes
   * back as a new row with the same file), with an 'evidence' entry that names the entry it takes back.
   */
  private undoPhoto(ctx: SheetContext, target: HistoryRow, how: { actor: string; device: string | undefined; undoes: string }): void {
    const added = target.old_text === null;
    const text = (added ? target.new_text : target.old_text) ?? '';
    const indicator = target.indicator!;
    const rows = this.q<
      [number, number, string],
      { id: number; name: string; mime: string; size: number; sha256: string; thumb_sha256: string | null; removed_at: string | null }
    >(
      'SELECT id, name, mime, size, sha256, thumb_sha256, removed_at FROM evidence WHERE site_id = ? AND juror_id = ? AND indicator_code = ? ORDER BY id DESC',
    )
      .all(ctx.siteId, ctx.jurorId, indicator)
      .filter((r) => photoText(r.sha256, r.name) === text && (r.removed_at === null) === added);
    const row = rows[0];
    if (!row) throw new UserError('evidence.notFound', { uuid: target.uuid }, 'not-found');
    const at = this.now();
    const device = how.device ?? this.device();
    if (added) this.q('UPDATE evidence SET removed_at = ? WHERE id = ?').run(at, row.id);
    else {
      this.q(
        `INSERT INTO evidence (uuid, site_id, juror_id, indicator_code, name, mime, size, sha256, thumb_sha256, created_at, device, removed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
      ).run(randomUUID(), ctx.siteId, ctx.jurorId, indicator, row.name, row.mime, row.size, row.sha256, row.thumb_sha256, at, device);
    }
    this.appendHistory({
      competition: ctx.competition,
      kind: 'evidence',
      juror: ctx.juror,
      site: ctx.site,
      indicator,
      oldText: added ? text : null,
      newText: added ? null : text,
      instrumentVersion: ctx.instrumentVersion,
      actor: how.actor,
      at,
      undoes: how.undoes,
    });
  }

  /** What stands between a sheet and its finalisation, per eligible indicator in instrument order. */
  review(ref: SheetRef): ReviewProblem[] {
    return this.problems(this.context(ref));
  }

  private problems(ctx: SheetContext): ReviewProblem[] {
    const scores = this.currentScores(ctx);
    const notes = this.notes(ctx);
    const photos = new Set(
      this.q<[number, number], { indicator_code: string }>(
        'SELECT DISTINCT indicator_code FROM evidence WHERE site_id = ? AND juror_id = ? AND removed_at IS NULL',
      )
        .all(ctx.siteId, ctx.jurorId)
        .map((r) => r.indicator_code),
    );
    return reviewSheet({
      indicators: this.eligibleRefs(ctx).map((r) => r.indicator),
      scores: new Map([...scores].map(([code, s]) => [code, s.value])),
      notes,
      photos,
    });
  }

  /**
   * Finalises a sheet: refused while the review finds problems; stores the drawn signature (PNG) and records a
   * 'finalise' entry (its new_text is the signature's SHA-256). The PIN is the caller's to check.
   */
  finalise(input: SheetRef & { signature: Uint8Array; actor: string }): { finalisedAt: string } {
    return this.tx(() => {
      const ctx = this.context(input);
      const state = this.openSheet(ctx);
      if (this.eligibleRefs(ctx).length === 0) throw new UserError('sheet.none', { juror: ctx.juror, site: ctx.site }, 'conflict');
      const problems = this.problems(ctx);
      if (problems.length > 0)
        throw new UserError('sheet.incomplete', { juror: ctx.juror, site: ctx.site, count: problems.length }, 'conflict');
      if (!isPng(input.signature)) throw new UserError('sheet.badSignature', {});
      this.ensureSheet(ctx, state);
      const at = this.now();
      this.q('UPDATE sheet SET finalised_at = ?, signature = ? WHERE juror_id = ? AND site_id = ?').run(
        at,
        Buffer.from(input.signature),
        ctx.jurorId,
        ctx.siteId,
      );
      this.appendHistory({
        competition: ctx.competition,
        kind: 'finalise',
        juror: ctx.juror,
        site: ctx.site,
        newText: `sha256:${sha256(input.signature)}`,
        instrumentVersion: ctx.instrumentVersion,
        actor: input.actor,
        at,
      });
      return { finalisedAt: at };
    });
  }

  /** Reopens a finalised sheet, with the reason kept in a 'reopen' entry; the signature no longer stands. */
  reopen(input: SheetRef & { reason: string; actor: string }): { reopenedAt: string } {
    return this.tx(() => {
      const ctx = this.context(input);
      const state = this.sheetState(ctx);
      if (state.finalisedAt === null) throw new UserError('sheet.notFinal', { juror: ctx.juror, site: ctx.site }, 'conflict');
      const at = this.now();
      this.q('UPDATE sheet SET finalised_at = NULL, signature = NULL WHERE juror_id = ? AND site_id = ?').run(ctx.jurorId, ctx.siteId);
      this.appendHistory({
        competition: ctx.competition,
        kind: 'reopen',
        juror: ctx.juror,
        site: ctx.site,
        oldText: state.finalisedAt,
        reason: input.reason.trim(),
        instrumentVersion: ctx.instrumentVersion,
        actor: input.actor,
        at,
      });
      return { reopenedAt: at };
    });
  }

  /** Sets or removes a juror's PIN hash, with a 'pin' entry that records a fingerprint of the hash, never the PIN. */
  setPinHash(input: { competition: string; juror: string; pinHash: string | null; actor: string }): void {
    this.tx(() => {
      const c = this.competitionContext(input.competition);
      const j = this.jurorRow(c.competitionId, input.juror);
      this.q('UPDATE juror SET pin_hash = ? WHERE id = ?').run(input.pinHash, j.id);
      this.appendHistory({
        competition: input.competition,
        kind: 'pin',
        juror: input.juror,
        oldText: pinFingerprint(j.pin_hash),
        newText: pinFingerprint(input.pinHash),
        actor: input.actor,
      });
    });
  }

  // ---------------------------------------------------------------- reads

  /** The scores that count on this sheet (current instrument version, eligible indicators), by indicator. */
  private currentScores(ctx: SheetContext): Map<string, SheetScore> {
    const rows = this.q<[number, number, number], SheetScore>(
      'SELECT indicator_code AS indicator, value, updated_at AS updatedAt FROM score WHERE juror_id = ? AND site_id = ? AND instrument_id = ?',
    ).all(ctx.jurorId, ctx.siteId, ctx.instrumentId);
    const eligible = new Set(this.eligibleRefs(ctx).map((r) => r.indicator.code));
    return new Map(rows.filter((r) => eligible.has(r.indicator)).map((r) => [r.indicator, r]));
  }

  /** The notes of this sheet's eligible indicators, by indicator. */
  private notes(ctx: SheetContext): Map<string, string> {
    const eligible = new Set(this.eligibleRefs(ctx).map((r) => r.indicator.code));
    return new Map(
      this.q<[number, number], { indicator: string; note: string }>(
        'SELECT indicator_code AS indicator, note FROM note WHERE juror_id = ? AND site_id = ?',
      )
        .all(ctx.jurorId, ctx.siteId)
        .filter((r) => eligible.has(r.indicator))
        .map((r) => [r.indicator, r.note]),
    );
  }

  sheet(ref: SheetRef): ScoreSheet {
    const ctx = this.context(ref);
    const eligibleRefs = this.eligibleRefs(ctx);
    const eligible = eligibleRefs.map((r) => r.indicator.code);
    const eligibleSet = new Set(eligible);
    const scores = this.currentScores(ctx);
    const state = this.sheetState(ctx);
    const household: HouseholdAnswers[] = this.q<[number, number], { indicator: string; answers: string }>(
      'SELECT indicator_code AS indicator, answers FROM household WHERE site_id = ? AND juror_id = ?',
    )
      .all(ctx.siteId, ctx.jurorId)
      .filter((r) => eligibleSet.has(r.indicator) && ctx.parsed.byCode.get(r.indicator)?.indicator.household)
      .map((r) => ({ indicator: r.indicator, answers: JSON.parse(r.answers) as (boolean | null)[][] }));
    const evidence: EvidenceInfo[] = this.q<
      [number, number],
      { uuid: string; indicator: string; name: string; mime: string; size: number; sha256: string; createdAt: string; thumb: string | null }
    >(
      `SELECT uuid, indicator_code AS indicator, name, mime, size, sha256, created_at AS createdAt, thumb_sha256 AS thumb
       FROM evidence WHERE site_id = ? AND juror_id = ? AND removed_at IS NULL ORDER BY id`,
    )
      .all(ctx.siteId, ctx.jurorId)
      .filter((r) => eligibleSet.has(r.indicator))
      .map(({ thumb, ...r }) => ({ ...r, hasThumbnail: thumb !== null }));
    const order = new Map(eligible.map((code, i) => [code, i]));
    return {
      competition: ref.competition,
      juror: ref.juror,
      site: ref.site,
      eligible,
      finalised: state.finalisedAt !== null,
      finalisedAt: state.finalisedAt,
      scores: [...scores.values()].sort((a, b) => order.get(a.indicator)! - order.get(b.indicator)!),
      notes: [...this.notes(ctx)]
        .map(([indicator, note]) => ({ indicator, note }))
        .sort((a, b) => order.get(a.indicator)! - order.get(b.indicator)!),
      household: household.sort((a, b) => order.get(a.indicator)! - order.get(b.indicator)!),
      evidence,
      events: this.events(ctx),
      canUndo: state.finalisedAt === null && this.undoable(ctx) !== null,
    };
  }

  private events(ctx: SheetContext): SheetEvent[] {
    return this.q<[string, string, string], SheetEvent>(
      `SELECT kind, at, actor, reason FROM history WHERE competition = ? AND juror = ? AND site = ? AND kind IN ('finalise', 'reopen') ORDER BY id`,
    ).all(ctx.competition, ctx.juror, ctx.site);
  }

  /** The signature PNG of a finalised sheet, or null. */
  signature(ref: SheetRef): Uint8Array | null {
    const ctx = this.context(ref);
    const row = this.q<[number, number], { signature: Buffer | null }>(
      'SELECT signature FROM sheet WHERE juror_id = ? AND site_id = ?',
    ).get(ctx.jurorId, ctx.siteId);
    return row?.signature ? new Uint8Array(row.signature) : null;
  }

  /** Every site of the competition for one juror, in site order, with how much of each sheet is scored. */
  progress(competition: string, juror: string): SheetProgress[] {
    return this.jurorSites(competition, juror).map((r) => ({
      site: r.site,
      scored: r.eligible.filter((code) => code in r.values).length,
      total: r.eligible.length,
      finalised: r.finalised,
      recused: r.recused,
    }));
  }

  /** One juror's scores over all sites, for typing up paper sheets. */
  grid(competition: string, juror: string): GridData {
    const c = this.competitionContext(competition);
    const rows = this.jurorSites(competition, juror);
    const used = new Set(rows.flatMap((r) => r.eligible));
    return {
      juror,
      indicators: c.parsed.refs.map((r) => r.indicator.code).filter((code) => used.has(code)),
      rows: rows.map(({ site, eligible, values, finalised }) => ({ site, eligible, values, finalised })),
    };
  }

  private jurorSites(
    competition: string,
    juror: string,
  ): { site: string; eligible: string[]; values: Record<string, number>; finalised: boolean; recused: boolean }[] {
    const c = this.competitionContext(competition);
    const j = this.jurorRow(c.competitionId, juror);
    const aspects = this.jurorAspects(j.id, j.all_aspects === 1);
    const sites = this.q<
      [{ juror: number; competition: number }],
      { id: number; code: string; recused: number; finalised_at: string | null }
    >(
      `SELECT s.id, s.code, EXISTS (SELECT 1 FROM recusal r WHERE r.juror_id = @juror AND r.site_id = s.id) AS recused,
              (SELECT sh.finalised_at FROM sheet sh WHERE sh.juror_id = @juror AND sh.site_id = s.id) AS finalised_at
       FROM site s WHERE s.competition_id = @competition ORDER BY s.ordinal`,
    ).all({ juror: j.id, competition: c.competitionId });
    const scores = this.q<[number, number], { site_id: number; indicator: string; value: number }>(
      'SELECT site_id, indicator_code AS indicator, value FROM score WHERE juror_id = ? AND instrument_id = ?',
    ).all(j.id, c.instrumentId);
    const bySite = new Map<number, Map<string, number>>();
    for (const s of scores) {
      let m = bySite.get(s.site_id);
      if (!m) bySite.set(s.site_id, (m = new Map()));
      m.set(s.indicator, s.value);
    }
    return sites.map((s) => {
      const juror = { aspects, recusedSites: s.recused ? [s.code] : [] };
      const eligible = eligibleIndicators(c.parsed.refs, juror, s.code).map((r) => r.indicator.code);
      const given = bySite.get(s.id);
      const values: Record<string, number> = {};
      for (const code of eligible) {
        const v = given?.get(code);
        if (v !== undefined) values[code] = v;
      }
      return { site: s.code, eligible: [...eligible], values, finalised: s.finalised_at !== null, recused: s.recused === 1 };
    });
  }

  // ---------------------------------------------------------------- bulk

  /**
   * Bulk load of scores for a freshly made competition (demo, synthetic data), with their history entries
   * (actor `sekretariat`), optionally finalising every sheet (a 'finalise' entry each, without a signature).
   */
  insertScores(competition: string, scores: readonly RankingScore[], finalise: boolean): void {
    this.tx(() => {
      const c = this.competitionContext(competition);
      const siteIds = new Map(
        this.db
          .prepare<[number], { id: number; code: string }>('SELECT id, code FROM site WHERE competition_id = ?')
          .all(c.competitionId)
          .map((r) => [r.code, r.id]),
      );
      const jurorIds = new Map(
        this.db
          .prepare<[number], { id: number; code: string }>('SELECT id, code FROM juror WHERE competition_id = ?')
          .all(c.competitionId)
          .map((r) => [r.code, r.id]),
      );
      const at = this.now();
      const device = this.device();
      const insert = this.db.prepare(
        'INSERT INTO score (site_id, juror_id, indicator_code, value, instrument_id, updated_at, updated_by, device) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const sheet = this.db.prepare('INSERT OR IGNORE INTO sheet (juror_id, site_id, finalised_at) VALUES (?, ?, ?)');
      const appendOne = this.gate.appender();
      const append = (f: Omit<AppendEntry, 'competition' | 'actor' | 'at' | 'instrumentVersion'>): void => {
        appendOne({ competition, actor: SECRETARIAT, at, instrumentVersion: c.instrumentVersion, ...f });
      };
      const sheets = new Map<string, { jurorId: number; siteId: number; juror: string; site: string }>();
      for (const s of scores) {
        const siteId = siteIds.get(s.site);
        const jurorId = jurorIds.get(s.juror);
        if (siteId === undefined || jurorId === undefined) throw new Error(`unknown site or juror in bulk scores: ${s.site}/${s.juror}`);
        insert.run(siteId, jurorId, s.indicator, s.value, c.instrumentId, at, SECRETARIAT, device);
        append({
          kind: 'score',
          site: s.site,
          juror: s.juror,
          indicator: s.indicator,
          oldValue: null,
          newValue: s.value,
          oldText: null,
          newText: null,
          reason: null,
        });
        const key = `${jurorId}:${siteId}`;
        if (!sheets.has(key)) {
          sheets.set(key, { jurorId, siteId, juror: s.juror, site: s.site });
          sheet.run(jurorId, siteId, null);
        }
      }
      if (finalise) {
        const done = this.db.prepare('UPDATE sheet SET finalised_at = ? WHERE juror_id = ? AND site_id = ?');
        for (const s of sheets.values()) {
          done.run(at, s.jurorId, s.siteId);
          append({
            kind: 'finalise',
            site: s.site,
            juror: s.juror,
            indicator: null,
            oldValue: null,
            newValue: null,
            oldText: null,
            newText: null,
            reason: null,
          });
        }
      }
    });
  }

  /** Records the reopening of sheets that the move to a new instrument version opened again. */
  recordReopened(
    competition: string,
    sheets: readonly { juror: string; site: string; finalisedAt: string }[],
    reason: string,
    instrumentVersion: number,
  ): void {
    for (const s of sheets) {
      this.appendHistory({
        competition,
        kind: 'reopen',
        juror: s.juror,
        site: s.site,
        oldText: s.finalisedAt,
        reason,
        instrumentVersion,
        actor: SECRETARIAT,
      });
    }
  }

  // ---------------------------------------------------------------- a juror's work between laptops

  /**
   * Everything one juror holds for one competition on this database, as a score package carries it (exchange
   * domain): every cell with a score, note or household answers, every sheet, every photo row (removed ones too).
   */
  jurorWork(competition: string, juror: string): JurorWork {
    const c = this.competitionContext(competition);
    const j = this.jurorRow(c.competitionId, juror);
    const cells = new Map<string, JurorWorkCell>();
    const cell = (site: string, indicator: string): JurorWorkCell => {
      const k = `${site}\u0000${indicator}`;
      let found = cells.get(k);
      if (!found) cells.set(k, (found = { site, indicator, value: null, note: null, answers: null }));
      return found;
    };
    for (const r of this.q<[number], { site: string; indicator: string; value: number }>(
      `SELECT s.code AS site, sc.indicator_code AS indicator, sc.value FROM score sc JOIN site s ON s.id = sc.site_id
       WHERE sc.juror_id = ? ORDER BY s.ordinal, sc.indicator_code`,
    ).all(j.id))
      cell(r.site, r.indicator).value = r.value;
    for (const r of this.q<[number], { site: string; indicator: string; note: string }>(
      'SELECT s.code AS site, n.indicator_code AS indicator, n.note FROM note n JOIN site s ON s.id = n.site_id WHERE n.juror_id = ?',
    ).all(j.id))
      cell(r.site, r.indicator).note = r.note;
    for (const r of this.q<[number], { site: string; indicator: string; answers: string }>(
      'SELECT s.code AS site, h.indicator_code AS indicator, h.answers FROM household h JOIN site s ON s.id = h.site_id WHERE h.juror_id = ?',
    ).all(j.id))
      cell(r.site, r.indicator).answers = r.answers;
    const sheets = this.q<[number], { site: string; finalised_at: string | null; signature: Buffer | null }>(
      `SELECT s.code AS site, sh.finalised_at, sh.signature FROM sheet sh JOIN site s ON s.id = sh.site_id
       WHERE sh.juror_id = ? ORDER BY s.ordinal`,
    )
      .all(j.id)
      .map((r) => ({ site: r.site, finalisedAt: r.finalised_at, signature: r.signature ? new Uint8Array(r.signature) : null }));
    const photos = this.q<[number], EvidenceRow & { site: string; device: string }>(
      `SELECT e.*, s.code AS site FROM evidence e JOIN site s ON s.id = e.site_id WHERE e.juror_id = ? ORDER BY e.id`,
    ).all(j.id);
    return { cells: [...cells.values()], sheets, photos };
  }

  /** Every cell of a juror as stored (scores on the current instrument version), by `site\u0000indicator`: many cells at once. */
  jurorCells(competition: string, juror: string): Map<string, CellState> {
    const c = this.competitionContext(competition);
    const j = this.jurorRow(c.competitionId, juror);
    const cells = new Map<string, CellState>();
    const cell = (site: string, indicator: string): CellState => {
      const k = `${site}\u0000${indicator}`;
      let found = cells.get(k);
      if (!found) cells.set(k, (found = { value: null, note: null, answers: null }));
      return found;
    };
    for (const r of this.q<[number, number], { site: string; indicator: string; value: number }>(
      `SELECT s.code AS site, sc.indicator_code AS indicator, sc.value FROM score sc JOIN site s ON s.id = sc.site_id
       WHERE sc.juror_id = ? AND sc.instrument_id = ?`,
    ).iterate(j.id, c.instrumentId))
      cell(r.site, r.indicator).value = r.value;
    for (const r of this.q<[number], { site: string; indicator: string; note: string }>(
      'SELECT s.code AS site, n.indicator_code AS indicator, n.note FROM note n JOIN site s ON s.id = n.site_id WHERE n.juror_id = ?',
    ).iterate(j.id))
      cell(r.site, r.indicator).note = r.note;
    for (const r of this.q<[number], { site: string; indicator: string; answers: string }>(
      'SELECT s.code AS site, h.indicator_code AS indicator, h.answers FROM household h JOIN site s ON s.id = h.site_id WHERE h.juror_id = ?',
    ).iterate(j.id))
      cell(r.site, r.indicator).answers = r.answers;
    return cells;
  }

  /**
   * A writer of many cells of one juror (site ids and statements resolved once): each call writes a cell's rows to
   * the given state without an entry of its own, like `putCellState`.
   */
  cellWriter(
    competition: string,
    juror: string,
  ): (site: string, indicator: string, state: Partial<CellState>, how: { at: string; actor: string; device: string }) => void {
    const sheets = new Map<string, SheetContext>();
    return (site, indicator, state, how) => {
      let ctx = sheets.get(site);
      if (!ctx) {
        ctx = this.context({ competition, juror, site });
        this.ensureSheet(ctx, this.sheetState(ctx));
        sheets.set(site, ctx);
      }
      this.writeCellRows(ctx, indicator, state, how);
    };
  }

  /** A cell as stored: its score (on the current instrument version), note and household answers (JSON text). */
  cellState(ref: SheetRef, indicator: string): CellState {
    const ctx = this.context(ref);
    const row = this.scoreRow(ctx, indicator);
    return {
      value: row && row.instrument_id === ctx.instrumentId ? row.value : null,
      note: this.noteRow(ctx, indicator)?.note ?? null,
      answers: this.householdRow(ctx, indicator),
    };
  }

  /**
   * Writes a cell's rows to the given state (the facets given; `undefined` leaves one alone), without an entry of
   * its own: for the exchange domain, inside the unit of work that stores the entries behind the change.
   */
  putCellState(ref: SheetRef, indicator: string, state: Partial<CellState>, how: { at: string; actor: string; device: string }): void {
    if (!this.db.inTransaction) throw new Error('putCellState outside the write gate');
    const ctx = this.context(ref);
    // The sheet's row, if it has none yet (not its state: that reads the sheet's history).
    this.q('INSERT OR IGNORE INTO sheet (juror_id, site_id, finalised_at) VALUES (?, ?, NULL)').run(ctx.jurorId, ctx.siteId);
    this.writeCellRows(ctx, indicator, state, how);
  }

  private writeCellRows(
    ctx: SheetContext,
    indicator: string,
    state: Partial<CellState>,
    how: { at: string; actor: string; device: string },
  ): void {
    if (!this.db.inTransaction) throw new Error('cell rows written outside the write gate');
    if (state.value !== undefined) {
      if (state.value === null)
        this.q('DELETE FROM score WHERE site_id = ? AND juror_id = ? AND indicator_code = ?').run(ctx.siteId, ctx.jurorId, indicator);
      else this.upsertScore(ctx, indicator, state.value, how.at, how.actor, how.device);
    }
    if (state.note !== undefined) {
      if (state.note === null)
        this.q('DELETE FROM note WHERE site_id = ? AND juror_id = ? AND indicator_code = ?').run(ctx.siteId, ctx.jurorId, indicator);
      else
        this.q(
          `INSERT INTO note (site_id, juror_id, indicator_code, note, updated_at, updated_by, device) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (site_id, juror_id, indicator_code) DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at,
             updated_by = excluded.updated_by, device = excluded.device`,
        ).run(ctx.siteId, ctx.jurorId, indicator, state.note, how.at, how.actor, how.device);
    }
    if (state.answers !== undefined) {
      if (state.answers === null)
        this.q('DELETE FROM household WHERE site_id = ? AND juror_id = ? AND indicator_code = ?').run(ctx.siteId, ctx.jurorId, indicator);
      else
        this.q(
          `INSERT INTO household (site_id, juror_id, indicator_code, answers, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (site_id, juror_id, indicator_code) DO UPDATE SET answers = excluded.answers, updated_at = excluded.updated_at`,
        ).run(ctx.siteId, ctx.jurorId, indicator, state.answers, how.at);
    }
  }

  /** A sheet's finalisation as received (finalised with its signature, or open), without an entry of its own. */
  putSheetState(ref: SheetRef, finalisedAt: string | null, signature: Uint8Array | null): void {
    if (!this.db.inTransaction) throw new Error('putSheetState outside the write gate');
    const ctx = this.context(ref);
    this.ensureSheet(ctx, this.sheetState(ctx));
    this.q('UPDATE sheet SET finalised_at = ?, signature = ? WHERE juror_id = ? AND site_id = ?').run(
      finalisedAt,
      signature ? Buffer.from(signature) : null,
      ctx.jurorId,
      ctx.siteId,
    );
  }

  /** A photo row as received, by its uuid: added when new, its removal taken over when it differs; false when nothing changed. */
  putPhotoRow(
    ref: SheetRef,
    photo: {
      uuid: string;
      indicator: string;
      name: string;
      mime: string;
      size: number;
      sha256: string;
      thumbSha256: string | null;
      createdAt: string;
      removedAt: string | null;
      device: string;
    },
  ): boolean {
    if (!this.db.inTransaction) throw new Error('putPhotoRow outside the write gate');
    const ctx = this.context(ref);
    const existing = this.q<[string], { id: number; removed_at: string | null }>('SELECT id, removed_at FROM evidence WHERE uuid = ?').get(
      photo.uuid,
    );
    if (existing) {
      if (existing.removed_at === photo.removedAt) return false;
      this.q('UPDATE evidence SET removed_at = ? WHERE id = ?').run(photo.removedAt, existing.id);
      return true;
    }
    this.ensureSheet(ctx, this.sheetState(ctx));
    this.q(
      `INSERT INTO evidence (uuid, site_id, juror_id, indicator_code, name, mime, size, sha256, thumb_sha256, created_at, device, removed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      photo.uuid,
      ctx.siteId,
      ctx.jurorId,
      photo.indicator,
      photo.name,
      photo.mime,
      photo.size,
      photo.sha256,
      photo.thumbSha256,
      photo.createdAt,
      photo.device,
      photo.removedAt,
    );
    return true;
  }

  /** Whether a photo row with this uuid exists, and whether it is removed. */
  photoRow(uuid: string): { removedAt: string | null } | null {
    const row = this.q<[string], { removed_at: string | null }>('SELECT removed_at FROM evidence WHERE uuid = ?').get(uuid);
    return row ? { removedAt: row.removed_at } : null;
  }

  /** The finalisation of a sheet as stored, and whether its last sheet entry is a reopening. */
  sheetStatus(ref: SheetRef): { finalisedAt: string | null; reopened: boolean } {
    const s = this.sheetState(this.context(ref));
    return { finalisedAt: s.finalisedAt, reopened: s.reopened };
  }

  /** Every note of a competition (site, juror, indicator, text), for the workbook's Nilai sheet. */
  competitionNotes(competition: string): { site: string; juror: string; indicator: string; note: string }[] {
    const c = this.competitionContext(competition);
    return this.q<[number], { site: string; juror: string; indicator: string; note: string }>(
      `SELECT s.code AS site, j.code AS juror, n.indicator_code AS indicator, n.note FROM note n
       JOIN site s ON s.id = n.site_id JOIN juror j ON j.id = n.juror_id WHERE s.competition_id = ?`,
    ).all(c.competitionId);
  }
}
