/**
 * The typed contract: for every channel, the schema of its argument (validated in main before any handler
 * runs) and the type of its result. Main, preload, the HTTP bridge and the renderer all derive from this.
 */
import { z } from 'zod';
import type { CompetitionInfo, Juror, Rules, Site } from '../domain/competition.js';
import { nipSchema, ROLES } from '../domain/competition.js';
import type { AppError } from '../domain/errors.js';
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

export const inputSchemas = {
  'app.info': z.strictObject({}),
  'competition.list': z.strictObject({}),
  'competition.get': z.strictObject({ code }),
  'competition.create': z.strictObject({
    competition: z.strictObject({
      code,
      name: z.string().trim().min(1).max(300),
      year: z.number().int().min(2000).max(2100),
      organizer: text.optional(),
      region: text.optional(),
      place: text.optional(),
    }),
    sites: z.array(newSite).min(1),
    jurors: z.array(newJuror).min(1),
  }),
  'competition.createDemo': z.strictObject({}),
  'scoring.sheet': z.strictObject({ competition: code, juror: code, site: code }),
  'scoring.setScore': z.strictObject({
    competition: code,
    juror: code,
    site: code,
    indicator: code,
    value: z.number().finite().nullable(),
  }),
  'ranking.get': z.strictObject({ competition: code }),
  'report.render': z.strictObject({ competition: code, doc: z.enum(['rekap']) }),
  'file.save': z.strictObject({
    name: z.string().min(1).max(200),
    bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, { params: { key: 'validate.type', expected: 'bytes' } }),
  }),
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
}

export interface CompetitionDetail {
  info: CompetitionInfo;
  rules: Rules;
  instrument: Instrument;
  sites: Site[];
  jurors: (Juror & { recusedSites: string[] })[];
}

export interface SheetScore {
  indicator: string;
  value: number;
  note: string | null;
  updatedAt: string;
}

export interface ScoreSheet {
  competition: string;
  juror: string;
  site: string;
  /** The indicators this juror scores at this site, in instrument order. */
  eligible: string[];
  finalised: boolean;
  scores: SheetScore[];
}

export interface SavedScore {
  indicator: string;
  value: number | null;
  savedAt: string;
}

export interface RenderedFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
  pages: number;
}

export interface ChannelResults {
  'app.info': AppInfo;
  'competition.list': CompetitionSummary[];
  'competition.get': CompetitionDetail;
  'competition.create': CompetitionSummary;
  'competition.createDemo': CompetitionSummary;
  'scoring.sheet': ScoreSheet;
  'scoring.setScore': SavedScore;
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
