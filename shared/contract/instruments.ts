/** The instruments channels: stored instrument versions and their files. */
import { z } from 'zod';
import type { Instrument } from '../domain/instrument.js';
import { type FileBytes, code, fileInput, instrumentRef } from './common.js';

export const instrumentsInputs = {
  'instruments.list': z.strictObject({}),
  'instruments.get': instrumentRef,
  /** Reads an instrument from a `penilai.instrument/1` JSON file or the .xlsx template; stores nothing. */
  'instruments.import': fileInput,
  'instruments.export': z.strictObject({ code, version: z.number().int().min(1), format: z.enum(['json', 'xlsx']) }),
  'instruments.template': z.strictObject({}),
};

export interface InstrumentSummary {
  code: string;
  version: number;
  name: string;
  /** The SHA-256 of the version's canonical JSON: two laptops holding the same version show the same hash. */
  sha256: string;
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

export interface InstrumentsResults {
  'instruments.list': InstrumentSummary[];
  'instruments.get': Instrument;
  'instruments.import': Instrument;
  'instruments.export': FileBytes;
  'instruments.template': FileBytes;
}
