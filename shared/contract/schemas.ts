/**
 * The typed contract: for every channel, the schema of its argument (validated in main before any handler
 * runs) and the type of its result. Main, preload, the HTTP bridge and the renderer all derive from this.
 */
import { z } from 'zod';
import type { CompetitionInfo, Juror, Rules, Site } from '../domain/competition.js';
import {
  competitionCodeSchema,
  competitionInfoSchema,
  jurorSchema,
  nipSchema,
  REOPEN_REASON_MIN,
  ROLES,
  siteSchema,
} from '../domain/competition.js';
import type { AppError } from '../domain/errors.js';
import type { MessageKey, Params } from '../i18n/messages.js';
import type { Instrument } from '../domain/instrument.js';
import type { Ranking } from '../domain/ranking.js';
import type { Channel } from './channels.js';

const code = z.string().trim().min(1).max(40);
const text = z.string().trim().max(500);

const newSite = z.strictObject({
  code,
  name: z.string().trim().min(1).max(200),
  regency: text.optional(),
  district: text.optional(),
  category: text.optional(),
});

const newJuror = z.strictObject({
  code,
  name: z.string().trim().min(1).max(200),
  nip: nipSchema.optional(),
  position: text.optional(),
  agency: text.optional(),
  role: z.enum(ROLES),
  aspects: z.array(code).optional(),
});

const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, { params: { key: 'validate.type', expected: 'bytes' } });

/** A file the user picked: its name (for messages and the format) and its bytes. Never a path. */
const fileInput = z.strictObject({ name: z.string().min(1).max(260), bytes });

const instrumentRef = z.strictObject({ code, version: z.number().int().min(1) });

/** A PIN: 4 to 8 digits. */
const pin = z.string().refine((v) => /^\d{4,8}$/.test(v), { params: { key: 'validate.pin' } });

export const inputSchemas = {
  'app.info': z.strictObject({}),
  /** The competitions; archived ones too with `includeArchived` (each says whether it is archived). */
  'competition.list': z.strictObject({ includeArchived: z.boolean().optional() }),
  'competition.get': z.strictObject({ code }),
  'competition.create': z.strictObject({
    competition: z.strictObject({
      code: competitionCodeSchema,
      name: z.string().trim().min(1).max(300),
      year: z.number().int().min(2000).max(2100),
      organizer: text.optional(),
      region: text.optional(),
      place: text.optional(),
    }),
    sites: z.array(newSite).min(1),
    jurors: z.array(newJuror).min(1),
    /** A stored instrument to use; left out: the default P2WKSS instrument. */
    instrument: instrumentRef.optional(),
  }),
  'competition.createDemo': z.strictObject({}),
  /** Saves the whole setup of a competition but its instrument: identity, rules, sites, jurors, assignments, recusals. */
  'competition.save': z.strictObject({
    code,
    competition: competitionInfoSchema,
    sites: z.array(siteSchema),
    jurors: z.array(jurorSchema),
  }),
  /**
   * Saves an edited instrument for a competition. The instrument is checked by the handler (so its problems come
   * back with JSON paths). `asNewVersion: false` edits the competition's version in place, refused when that
   * version has been used for scoring (`instrument.locked`); `true` stores it as the next version and moves the
   * competition to it, keeping the scores of indicators whose code and scale are unchanged.
   */
  'competition.saveInstrument': z.strictObject({ competition: code, instrument: z.unknown(), asNewVersion: z.boolean() }),
  'competition.export': z.strictObject({ code }),
  'competition.import': fileInput,
  /** Archives a competition (hidden from the list, everything kept) or restores it (`archived: false`). */
  'competition.archive': z.strictObject({ code, archived: z.boolean() }),
  /** What would go with a competition if it were deleted. */
  'competition.usage': z.strictObject({ code }),
  /** Deletes a competition and its rows (its history entries stay); `confirm` must repeat its code. */
  'competition.delete': z.strictObject({ code, confirm: z.string().max(100) }),
  'instrument.list': z.strictObject({}),
  'instrument.get': instrumentRef,
  /** Reads an instrument from a `penilai.instrument/1` JSON file or the .xlsx template; stores nothing. */
  'instrument.import': fileInput,
  'instrument.export': z.strictObject({ code, version: z.number().int().min(1), format: z.enum(['json', 'xlsx']) }),
  'instrument.template': z.strictObject({}),
  /** Reads sites from .xlsx or .csv for a preview; stores nothing. */
  'sites.parse': fileInput,
  'sites.export': z.strictObject({ competition: code, format: z.enum(['xlsx', 'csv']) }),
  'jurors.parse': fileInput,
  'jurors.export': z.strictObject({ competition: code, format: z.enum(['xlsx', 'csv']) }),
  'session.get': z.strictObject({}),
  /** "I am juror J" on this laptop; a juror with a PIN must give it. */
  'session.enter': z.strictObject({ competition: code, juror: code, pin: pin.optional() }),
  'session.leave': z.strictObject({}),
  /** Locks the juror's session now (the PIN is asked again); a juror without a PIN is signed out instead. */
  'session.lock': z.strictObject({}),
  /** The person at the laptop is still there: keeps an open session from locking. */
  'session.touch': z.strictObject({}),
  /** Whether the competition has a secretariat PIN, and whether the secretariat's session is open on this laptop. */
  'session.secretariat': z.strictObject({ competition: code }),
  /** Opens the secretariat's session (typing up paper sheets) with the secretariat's PIN. */
  'session.enterSecretariat': z.strictObject({ competition: code, pin }),
  'session.leaveSecretariat': z.strictObject({}),
  /** Sets the secretariat's PIN of a competition; changing it needs the current one. */
  'secretariat.setPin': z.strictObject({ competition: code, pin, currentPin: pin.optional() }),
  /**
   * Sets, changes or removes (null) a juror's PIN. With `currentPin` the juror changes their own; without it the
   * secretariat sets or resets it (recorded in the history as the secretariat's act).
   */
  'juror.setPin': z.strictObject({ competition: code, juror: code, pin: pin.nullable(), currentPin: pin.optional() }),
  'scoring.progress': z.strictObject({ competition: code, juror: code }),
  'scoring.sheet': z.strictObject({ competition: code, juror: code, site: code }),
  /**
   * Saves one score at once, durably, with a history entry (none when the value is unchanged). `entry: true`:
   * typed up from a paper sheet by the secretariat (actor "sekretariat"); otherwise the juror must be the one in
   * the session when the juror has a PIN. `reason`: required to change a score on a reopened sheet.
   */
  'scoring.setScore': z.strictObject({
    competition: code,
    juror: code,
    site: code,
    indicator: code,
    value: z.number().finite().nullable(),
    reason: z.string().trim().max(500).optional(),
    entry: z.boolean().optional(),
  }),
  'scoring.setNote': z.strictObject({
    competition: code,
    juror: code,
    site: code,
    indicator: code,
    note: z.string().max(4000),
    entry: z.boolean().optional(),
  }),
  /** The yes/no answers of a household checklist, families × items; the score follows once every answer is given. */
  'scoring.setHousehold': z.strictObject({
    competition: code,
    juror: code,
    site: code,
    indicator: code,
    answers: z.array(z.array(z.boolean().nullable()).max(50)).max(500),
    /** Required when the change alters an existing score on a reopened sheet (as for `scoring.setScore`). */
    reason: z.string().trim().max(500).optional(),
  }),
  /** Takes back the most recent change on this sheet (score, note, checklist or photo) that has not been taken back. */
  'scoring.undo': z.strictObject({ competition: code, juror: code, site: code }),
  /** What still stands between a sheet and its finalisation. */
  'scoring.review': z.strictObject({ competition: code, juror: code, site: code }),
  'scoring.finalise': z.strictObject({ competition: code, juror: code, site: code, signature: bytes, pin: pin.optional() }),
  'scoring.reopen': z.strictObject({
    competition: code,
    juror: code,
    site: code,
    reason: z.string().trim().min(REOPEN_REASON_MIN).max(500),
  }),
  /** One juror's scores over all sites (typing up paper sheets). */
  'scoring.grid': z.strictObject({ competition: code, juror: code }),
  'scoring.history': z.strictObject({ competition: code, juror: code.optional(), site: code.optional(), indicator: code.optional() }),
  /** A photo as evidence for one indicator: the original bytes and a thumbnail made by the renderer. */
  'evidence.add': z.strictObject({
    competition: code,
    juror: code,
    site: code,
    indicator: code,
    name: z.string().min(1).max(260),
    mime: z.enum(['image/jpeg', 'image/png', 'image/webp']),
    bytes,
    thumbnail: bytes.optional(),
  }),
  'evidence.get': z.strictObject({ uuid: z.uuid(), thumbnail: z.boolean() }),
  'evidence.remove': z.strictObject({ uuid: z.uuid() }),
  'ranking.get': z.strictObject({ competition: code }),
  'report.render': z.strictObject({ competition: code, doc: z.enum(['rekap']) }),
  'file.save': z.strictObject({ name: z.string().min(1).max(200), bytes }),
} satisfies Record<Channel, z.ZodType>;

export interface AppInfo {
  version: string;
  schemaVersion: number;
  database: string;
  /** Whether the app runs inside Electron (true) or is served to a browser by the HTTP bridge. */
  desktop: boolean;
}

export interface CompetitionSummary {
  code: string;
  name: string;
  year: number;
  sites: number;
  jurors: number;
  instrument: { code: string; version: number; name: string };
  /** Archived: hidden from the list unless asked, kept in the database and in the history. */
  archived: boolean;
}

/** What goes with a competition when it is deleted. */
export interface CompetitionUsage {
  code: string;
  name: string;
  sites: number;
  jurors: number;
  scores: number;
  photos: number;
}

export interface SecretariatSession {
  /** Whether the competition has a secretariat PIN (without one, paper sheets cannot be typed up). */
  hasPin: boolean;
  /** Whether the secretariat's session is open on this laptop. */
  open: boolean;
}

export interface CompetitionDetail {
  info: CompetitionInfo;
  rules: Rules;
  instrument: Instrument;
  sites: Site[];
  jurors: JurorWithRecusals[];
  /** Whether any score has been given in this competition (its instrument version is then locked). */
  scoringStarted: boolean;
  /** Codes of the jurors who have a PIN. */
  pins: string[];
}

export interface SheetScore {
  indicator: string;
  value: number;
  updatedAt: string;
}

/** A juror's note on one indicator; kept apart from the score (a note may come first). */
export interface SheetNote {
  indicator: string;
  note: string;
}

export interface ScoreSheet {
  competition: string;
  juror: string;
  site: string;
  /** The indicators this juror scores at this site, in instrument order. */
  eligible: string[];
  finalised: boolean;
  finalisedAt: string | null;
  scores: SheetScore[];
  /** The notes, in instrument order (an indicator may have a note and no score yet). */
  notes: SheetNote[];
  household: HouseholdAnswers[];
  evidence: EvidenceInfo[];
  /** Finalisations and reopenings with their reasons, oldest first. */
  events: SheetEvent[];
  /** Whether a change on this sheet can be taken back. */
  canUndo: boolean;
}

export interface SavedScore {
  indicator: string;
  value: number | null;
  savedAt: string;
}

export interface SessionInfo {
  competition: string;
  juror: string;
  name: string;
  /** Locked after a time without use: writes are refused until the juror gives their PIN again. */
  locked: boolean;
}

export interface SheetProgress {
  site: string;
  /** Eligible indicators with a score, and how many are eligible. */
  scored: number;
  total: number;
  finalised: boolean;
  recused: boolean;
}

export interface EvidenceInfo {
  uuid: string;
  indicator: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  createdAt: string;
  hasThumbnail: boolean;
}

export interface HouseholdAnswers {
  indicator: string;
  /** families × items: true yes, false no, null not answered yet. */
  answers: (boolean | null)[][];
}

/** Why a sheet cannot be finalised yet: an indicator without a score, or without a required note or photo. */
export interface ReviewProblem {
  indicator: string;
  need: 'score' | 'note' | 'photo';
}

export interface SheetEvent {
  kind: 'finalise' | 'reopen';
  at: string;
  actor: string;
  reason: string | null;
}

export interface HistoryEntry {
  uuid: string;
  kind: 'score' | 'note' | 'household' | 'evidence' | 'finalise' | 'reopen' | 'pin';
  site: string | null;
  juror: string | null;
  indicator: string | null;
  oldValue: number | null;
  newValue: number | null;
  oldText: string | null;
  newText: string | null;
  actor: string;
  device: string;
  reason: string | null;
  at: string;
  hash: string;
}

export interface GridData {
  juror: string;
  /** Every eligible indicator of any site, in instrument order. */
  indicators: string[];
  rows: { site: string; eligible: string[]; values: Record<string, number>; finalised: boolean }[];
}

/** A file made by the core for the user to save. */
export interface FileBytes {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

export interface RenderedFile extends FileBytes {
  pages: number;
}

/** A problem in a file the user gave: where (sheet, row as the spreadsheet numbers it, column) and what. */
export interface FileIssue {
  file: string;
  sheet: string | null;
  row: number | null;
  column: string | null;
  key: MessageKey;
  params: Params;
}

/** What a file would bring in, for the user to check before anything is stored. */
export interface ParsedRows<T> {
  rows: T[];
  issues: FileIssue[];
}

export type JurorWithRecusals = Juror & { recusedSites: string[] };

export interface InstrumentSummary {
  code: string;
  version: number;
  name: string;
  indicators: number;
  /** Used for scoring: its content can no longer change (a change makes a new version). */
  locked: boolean;
  /** Competitions using this version. */
  usedBy: string[];
}

export interface SavedInstrument {
  code: string;
  version: number;
  /** Scores kept when the competition moved to a new version, and those that must be given again. */
  kept: number;
  dropped: number;
}

export interface ChannelResults {
  'app.info': AppInfo;
  'competition.list': CompetitionSummary[];
  'competition.get': CompetitionDetail;
  'competition.create': CompetitionSummary;
  'competition.createDemo': CompetitionSummary;
  'competition.save': CompetitionDetail;
  'competition.saveInstrument': SavedInstrument;
  'competition.export': FileBytes;
  'competition.import': CompetitionSummary;
  'competition.archive': CompetitionSummary;
  'competition.usage': CompetitionUsage;
  'competition.delete': CompetitionUsage;
  'instrument.list': InstrumentSummary[];
  'instrument.get': Instrument;
  'instrument.import': Instrument;
  'instrument.export': FileBytes;
  'instrument.template': FileBytes;
  'sites.parse': ParsedRows<Site>;
  'sites.export': FileBytes;
  'jurors.parse': ParsedRows<JurorWithRecusals>;
  'jurors.export': FileBytes;
  'session.get': SessionInfo | null;
  'session.enter': SessionInfo;
  'session.leave': null;
  'session.lock': SessionInfo | null;
  'session.touch': SessionInfo | null;
  'session.secretariat': SecretariatSession;
  'session.enterSecretariat': SecretariatSession;
  'session.leaveSecretariat': null;
  'secretariat.setPin': SecretariatSession;
  'juror.setPin': { juror: string; hasPin: boolean };
  'scoring.progress': SheetProgress[];
  'scoring.sheet': ScoreSheet;
  'scoring.setScore': SavedScore;
  'scoring.setNote': { indicator: string; note: string | null; savedAt: string };
  'scoring.setHousehold': { indicator: string; score: number | null; savedAt: string };
  'scoring.undo': { undone: { kind: HistoryEntry['kind']; indicator: string | null } | null };
  'scoring.review': { problems: ReviewProblem[] };
  'scoring.finalise': { finalisedAt: string };
  'scoring.reopen': { reopenedAt: string };
  'scoring.grid': GridData;
  'scoring.history': HistoryEntry[];
  'evidence.add': EvidenceInfo;
  'evidence.get': FileBytes;
  'evidence.remove': { removed: boolean };
  'ranking.get': Ranking;
  'report.render': RenderedFile;
  'file.save': { saved: boolean; path: string | null };
}

/** A result as a value: it crosses IPC and HTTP unchanged. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export type ChannelInput<C extends Channel> = z.input<(typeof inputSchemas)[C]>;
export type ChannelArgs<C extends Channel> = z.output<(typeof inputSchemas)[C]>;
export type ChannelResult<C extends Channel> = ChannelResults[C];

/** What the renderer calls: one function per channel. The preload's object satisfies exactly this. */
export type PenilaiApi = { [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelResults[C]>> };
