/**
 * The exchange channels: packages carried between laptops (`.penilai`, contract.md section 5).
 * - A secretariat writes the setup package for the jurors' laptops (`exchange.setupPackage`); a juror's laptop
 *   writes one juror's work (`exchange.exportScores`).
 * - Receiving is plan, then apply: `exchange.plan` checks the whole package and says what it would change (nothing
 *   is written); `exchange.apply` checks it again and applies the same plan in one unit of the write gate.
 * - Conflicts left by an import are listed (`exchange.conflicts`) and decided by the secretariat (`exchange.resolve`).
 * - `exchange.board`: jurors × sites, who still owes what, and the last package from each juror.
 */
import { z } from 'zod';
import { code, fileInput, type FileBytes } from './common.js';

/** A key fingerprint as people read it aloud: 8 groups of 4 lowercase hex digits. */
const fingerprintInput = z
  .string()
  .trim()
  .refine((v) => /^[0-9a-f]{4}( [0-9a-f]{4}){7}$/.test(v), { params: { key: 'validate.fingerprint' } });

const receive = z.strictObject({
  name: fileInput.shape.name,
  bytes: fileInput.shape.bytes,
  /** The fingerprint of a new laptop's key the secretariat accepts for a juror who already has a pinned laptop. */
  acceptKey: fingerprintInput.optional(),
});

export const exchangeInputs = {
  /** Reads a package and checks all of it (signature, every member) without touching the database. */
  'exchange.inspect': fileInput,
  /** This laptop's device and key fingerprint, and for a competition the secretariat it reports to. */
  'exchange.identity': z.strictObject({ competition: code.optional() }),
  /** The setup package of a competition, for the jurors' laptops. */
  'exchange.setupPackage': z.strictObject({ competition: code }),
  /** One juror's work for one competition on this laptop, as a score package. */
  'exchange.exportScores': z.strictObject({ competition: code, juror: code }),
  /** What importing a package would do; nothing is written. */
  'exchange.plan': receive,
  /** Imports a package: the plan, applied in one unit of work (or refused whole). */
  'exchange.apply': receive,
  /** The open conflicts of a competition (and the decided ones, with `all`). */
  'exchange.conflicts': z.strictObject({ competition: code, all: z.boolean().optional() }),
  /** Decides open conflicts: keep the value held here, or take the one the package brought. */
  'exchange.resolve': z.strictObject({
    competition: code,
    ids: z.array(z.number().int().min(1)).min(1).max(100_000),
    choice: z.enum(['local', 'incoming']),
  }),
  /** Jurors × sites: the state of every sheet, and the last package received from each juror. */
  'exchange.board': z.strictObject({ competition: code }),
};

export interface PackageSummary {
  kind: 'setup' | 'scores';
  competition: { uuid: string; code: string };
  instrument: { code: string; version: number; sha256: string };
  /** The device that signed it, with its key's fingerprint for people to compare (8 groups of 4 hex digits). */
  device: { id: string; fingerprint: string };
  /** For a scores package: the juror and the range of the device's ledger entries it carries. */
  juror?: string;
  entries?: { chain: string; from: number; to: number; head: string };
  created: string;
  /** The members besides the manifest and its signature: how many, and their size together in bytes. */
  files: { count: number; size: number };
}

/** One cell's side in a plan or a conflict: what it holds, and who last wrote it, where and when. */
export interface CellSide {
  value: number | null;
  note: string | null;
  /** Household answers: how many families, how many items answered "ya" of how many answered. */
  household: { families: number; yes: number; answered: number } | null;
  actor: string | null;
  device: string | null;
  at: string | null;
}

export type CellStatus = 'new' | 'changed' | 'unchanged' | 'conflict';

export interface PlanCell {
  site: string;
  indicator: string;
  status: CellStatus;
  local: CellSide;
  incoming: CellSide;
}

export interface ImportPlan {
  kind: 'setup' | 'scores';
  file: string;
  /** The package's SHA-256 (the file as received), as recorded with the import. */
  sha256: string;
  competition: { uuid: string; code: string; name: string };
  device: {
    id: string;
    fingerprint: string;
    /** `pinned`: this laptop's key is known for the juror; `first`: the first laptop of the juror (pinned on apply); `accepted`: a new laptop accepted by `acceptKey`. */
    trust: 'pinned' | 'first' | 'accepted' | 'secretariat';
  };
  created: string;
  /** What the import does as a whole: `unchanged` when the database already holds all of it. */
  action: 'create' | 'update' | 'unchanged';
  /** Scores packages: the juror, the entries, and each touched cell and sheet. */
  juror?: { code: string; name: string };
  entries?: { from: number; to: number; known: number; new: number };
  counts: { new: number; changed: number; unchanged: number; conflicts: number; photos: number; sheets: number };
  cells: PlanCell[];
  sheets: { site: string; status: 'finalised' | 'reopened' | 'draft' }[];
  /** Setup packages: sites and jurors it holds. */
  setup?: { sites: number; jurors: number };
  applied: boolean;
}

export interface ExportSummary {
  file: FileBytes;
  juror: string;
  sites: number;
  scores: number;
  notes: number;
  photos: number;
  finalised: number;
  entries: { from: number; to: number };
  fingerprint: string;
}

export interface Conflict {
  id: number;
  juror: string;
  site: string;
  indicator: string;
  local: CellSide;
  incoming: CellSide;
  openedAt: string;
  resolution: 'local' | 'incoming' | null;
  resolvedAt: string | null;
}

export type BoardState = 'none' | 'scoring' | 'finalised' | 'reopened';

export interface BoardCell {
  site: string;
  state: BoardState;
  /** Eligible indicators scored, of how many. */
  scored: number;
  total: number;
  /** What keeps the sheet from done: indicators without a score (codes), and whether it is not finalised. */
  missing: string[];
}

export interface BoardRow {
  juror: string;
  name: string;
  cells: BoardCell[];
  /** The last package received from this juror: from which laptop, when it was written and received. */
  lastPackage: { device: string; fingerprint: string; created: string; receivedAt: string; entries: number } | null;
  /** Laptops pinned for this juror. */
  devices: { id: string; fingerprint: string; pinnedAt: string }[];
}

export interface Board {
  competition: string;
  sites: { code: string; name: string }[];
  jurors: BoardRow[];
  openConflicts: number;
}

export interface ExchangeResults {
  'exchange.inspect': PackageSummary;
  'exchange.identity': {
    device: { id: string; fingerprint: string };
    reportsTo: { device: string; fingerprint: string; created: string } | null;
  };
  'exchange.setupPackage': FileBytes;
  'exchange.exportScores': ExportSummary;
  'exchange.plan': ImportPlan;
  'exchange.apply': ImportPlan;
  'exchange.conflicts': Conflict[];
  'exchange.resolve': { resolved: number };
  'exchange.board': Board;
}
