/** The compile channels: the ranking by the competition's rules (contract.md section 4), and one site opened up. */
import { z } from 'zod';
import type { DrillGroup, DrillIndicator, DrillJurorScore } from '../domain/drill.js';
import type { PlenoState } from '../domain/pleno.js';
import type { OfficialRanking } from '../domain/pleno.js';
import type { Rules } from '../domain/competition.js';
import { code } from './common.js';
import type { EvidenceInfo } from './evidence.js';

export const compileInputs = {
  'compile.ranking': z.strictObject({ competition: code }),
  /** One site's points by aspect, phase, indicator and juror, from the official ranking (the drill-down). */
  'compile.site': z.strictObject({ competition: code, site: code }),
};

/** A juror's score in the drill-down, with the juror's name, note and photos (fetched with `evidence.get`). */
export interface SiteDrillJuror extends DrillJurorScore {
  name: string;
  note: string | null;
  photos: EvidenceInfo[];
}

export interface SiteDrillIndicator extends Omit<DrillIndicator, 'jurors'> {
  jurors: SiteDrillJuror[];
}

/** One site of the official ranking opened up (issue 10): every value a person reads, unrounded (the UI rounds). */
export interface SiteDrill {
  competition: string;
  site: string;
  name: string;
  rank: number;
  label: string | null;
  tied: boolean;
  complete: boolean;
  total: number;
  precision: number;
  aggregation: Rules['aggregation'];
  normalise: Rules['normalise'];
  /** The state of the result the values come from (locked and signed: the snapshot). */
  state: PlenoState;
  aspects: DrillGroup[];
  phases: DrillGroup[];
  indicators: SiteDrillIndicator[];
}

export interface CompileResults {
  'compile.ranking': OfficialRanking;
  'compile.site': SiteDrill;
}
