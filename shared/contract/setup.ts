/** The setup channels: competitions, their identity, rules, sites, jurors and instrument version, the competition file, sites and jurors from spreadsheets. */
import { z } from 'zod';
import {
  type CompetitionInfo,
  type Juror,
  type Rules,
  type Site,
  competitionCodeSchema,
  competitionInfoSchema,
  jurorSchema,
  siteSchema,
} from '../domain/competition.js';
import type { Instrument } from '../domain/instrument.js';
import { type FileBytes, type ParsedRows, code, fileInput, instrumentRef, newJuror, newSite, text } from './common.js';
import type { SavedInstrument } from './instruments.js';

export const setupInputs = {
  /** The competitions; archived ones too with `includeArchived` (each says whether it is archived). */
  'setup.list': z.strictObject({ includeArchived: z.boolean().optional() }),
  'setup.get': z.strictObject({ code }),
  'setup.create': z.strictObject({
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
  /** The demo competition (contract.md section 1, `demo`): 12 sites, 5 jurors, seed 1 unless said. */
  'setup.createDemo': z.strictObject({
    sites: z.number().int().min(1).max(200).optional(),
    jurors: z.number().int().min(1).max(50).optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31)
      .optional(),
  }),
  /** Saves the whole setup of a competition but its instrument: identity, rules, sites, jurors, assignments, recusals. */
  'setup.save': z.strictObject({
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
  'setup.saveInstrument': z.strictObject({ competition: code, instrument: z.unknown(), asNewVersion: z.boolean() }),
  'setup.export': z.strictObject({ code }),
  'setup.import': fileInput,
  /** Archives a competition (hidden from the list, everything kept) or restores it (`archived: false`). */
  'setup.archive': z.strictObject({ code, archived: z.boolean() }),
  /** What would go with a competition if it were deleted. */
  'setup.usage': z.strictObject({ code }),
  /** Deletes a competition and its rows (its history entries stay); `confirm` must repeat its code. */
  'setup.delete': z.strictObject({ code, confirm: z.string().max(100) }),
  /** Reads sites from .xlsx or .csv for a preview; stores nothing. */
  'setup.parseSites': fileInput,
  'setup.exportSites': z.strictObject({ competition: code, format: z.enum(['xlsx', 'csv']) }),
  'setup.parseJurors': fileInput,
  'setup.exportJurors': z.strictObject({ competition: code, format: z.enum(['xlsx', 'csv']) }),
};

export interface CompetitionSummary {
  code: string;
  name: string;
  year: number;
  sites: number;
  jurors: number;
  /** The competition's identity across laptops (competition.uuid of the competition file). */
  uuid: string;
  /** The instrument version in use, with the SHA-256 of its canonical JSON (instruments.list says the same). */
  instrument: { code: string; version: number; name: string; sha256: string };
  /** Archived: hidden from the list unless asked, kept in the database and in the history. */
  archived: boolean;
}

export interface CompetitionUsage {
  code: string;
  name: string;
  sites: number;
  jurors: number;
  scores: number;
  photos: number;
}

export interface CompetitionDetail {
  info: CompetitionInfo;
  rules: Rules;
  instrument: Instrument;
  /** The SHA-256 of the instrument version's canonical JSON: what two laptops compare to know they score on one version. */
  instrumentSha256: string;
  sites: Site[];
  jurors: JurorWithRecusals[];
  /** Whether any score has been given in this competition (its instrument version is then locked). */
  scoringStarted: boolean;
  /** Codes of the jurors who have a PIN. */
  pins: string[];
}

export type JurorWithRecusals = Juror & { recusedSites: string[] };

export interface SetupResults {
  'setup.list': CompetitionSummary[];
  'setup.get': CompetitionDetail;
  'setup.create': CompetitionSummary;
  'setup.createDemo': CompetitionSummary;
  'setup.save': CompetitionDetail;
  'setup.saveInstrument': SavedInstrument;
  'setup.export': FileBytes;
  'setup.import': CompetitionSummary;
  'setup.archive': CompetitionSummary;
  'setup.usage': CompetitionUsage;
  'setup.delete': CompetitionUsage;
  'setup.parseSites': ParsedRows<Site>;
  'setup.exportSites': FileBytes;
  'setup.parseJurors': ParsedRows<JurorWithRecusals>;
  'setup.exportJurors': FileBytes;
}
