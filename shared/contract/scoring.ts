/** The scoring channels: a juror's sheet and everything written on it, progress, the grid, the history. */
import type { ReviewProblem as DomainReviewProblem } from '../domain/review.js';
import { z } from 'zod';
import { nameField, noteField } from '../domain/text-fields.js';
import { REOPEN_REASON_MIN } from '../domain/competition.js';
import { bytes, code, pin } from './common.js';
import type { EvidenceInfo } from './evidence.js';

export const scoringInputs = {
  /**
   * Scores typed up elsewhere, as the CSV of contract.md section 3: checked whole first, then all or nothing (the
   * command line's `import-scores`). Entries by `impor`, each naming the file and line.
   */
  'scoring.importScores': z.strictObject({ competition: code, name: z.string().min(1).max(260), bytes }),
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
    reason: nameField.max(500).optional(),
    entry: z.boolean().optional(),
  }),
  'scoring.setNote': z.strictObject({
    competition: code,
    juror: code,
    site: code,
    indicator: code,
    note: noteField.max(4000),
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
    reason: nameField.max(500).optional(),
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
    reason: nameField.min(REOPEN_REASON_MIN).max(500),
  }),
  /** One juror's scores over all sites (typing up paper sheets). */
  'scoring.grid': z.strictObject({ competition: code, juror: code }),
  'scoring.history': z.strictObject({ competition: code, juror: code.optional(), site: code.optional(), indicator: code.optional() }),
};

export interface SheetScore {
  indicator: string;
  value: number;
  updatedAt: string;
}

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

export interface SheetProgress {
  site: string;
  /** Eligible indicators with a score, and how many are eligible. */
  scored: number;
  total: number;
  finalised: boolean;
  recused: boolean;
}

export interface HouseholdAnswers {
  indicator: string;
  /** families × items: true yes, false no, null not answered yet. */
  answers: (boolean | null)[][];
}

/** What stands between a sheet and its finalisation (shared/domain/review.ts decides it). */
export type ReviewProblem = DomainReviewProblem;

export interface SheetEvent {
  kind: 'finalise' | 'reopen';
  at: string;
  actor: string;
  reason: string | null;
}

/** What a juror writes on a sheet, and the PINs: the kinds whose values are cell columns. */
export type CellKind = 'score' | 'note' | 'household' | 'evidence' | 'finalise' | 'reopen' | 'pin';
/** Setup changes: identity, rules, a site, a juror (with aspects and recusals), the instrument version, archive. */
export type SetupKind = 'setup.competition' | 'setup.rules' | 'setup.site' | 'setup.juror' | 'setup.instrument' | 'setup.archive';
/** Every kind of ledger entry (rows of `ledger_kind`; a new domain adds its kinds with a migration). */
export type LedgerKind = CellKind | SetupKind | ExchangeKind;
/** Packages between laptops: a setup applied on a laptop, a score package imported, a conflict decided, a laptop accepted. */
export type ExchangeKind = 'exchange.setup' | 'exchange.import' | 'exchange.resolve' | 'exchange.trust';

export interface HistoryEntry {
  uuid: string;
  kind: LedgerKind;
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
  /** Setup kinds: what changed (before/after), as the entry's versioned payload; null for cell kinds. */
  payload: unknown;
  hash: string;
}

export interface GridData {
  juror: string;
  /** Every eligible indicator of any site, in instrument order. */
  indicators: string[];
  rows: { site: string; eligible: string[]; values: Record<string, number>; finalised: boolean }[];
}

/** What an import of scores did. */
export interface ImportSummary {
  competition: string;
  /** Lines imported. */
  rows: number;
  /** Scores that were new or differed from the stored value. */
  changed: number;
  /** Scores that already had this value (no write, no history). */
  unchanged: number;
  /** Notes that were new or differed from the stored note. */
  notes: number;
}

export interface ScoringResults {
  'scoring.importScores': ImportSummary;
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
}
