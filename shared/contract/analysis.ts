/**
 * The analysis channels (contract.md section 6): how far the jurors agree, what the ranking would be without each
 * juror, and other views beside the official ranking. Read-only; computed by pure functions in
 * shared/domain/analysis.ts from the ranking input (electron/core/analysis/). (Registered in schemas.ts and
 * channels.ts together with its handlers.)
 */
import { z } from 'zod';
import type { OfficialSite } from '../domain/pleno.js';
import type { Ranking } from '../domain/ranking.js';
import { code } from './common.js';

export const analysisInputs = {
  'analysis.agreement': z.strictObject({ competition: code }),
  'analysis.sensitivity': z.strictObject({ competition: code }),
  'analysis.views': z.strictObject({ competition: code }),
};

/** Kendall's W for one aspect (contract section 6): null when fewer than 2 jurors or 2 sites, or no spread. */
export interface AspectAgreement {
  w: number | null;
  /** The jurors who scored any indicator of the aspect. */
  jurors: string[];
  /** The sites at which every one of them scored every indicator of it. */
  sites: string[];
}

export interface JurorLeniency {
  /** Mean of (their normalised score − the other jurors' mean on the same cell); null with no shared cell. */
  leniency: number | null;
  /** The cells counted. */
  cells: number;
}

export interface OutlierCell {
  site: string;
  juror: string;
  indicator: string;
  score: number;
  /** The median of the other jurors' scores on that cell. */
  median: number;
}

/** One juror's mean deviation at one site: mean over the cells they scored there of their normalised score minus
 * the other jurors' mean (the heatmap); null where no other juror scored a cell they scored. */
export interface DeviationCell {
  juror: string;
  site: string;
  deviation: number | null;
  cells: number;
}

export interface Agreement {
  competition: string;
  aspects: Record<string, AspectAgreement>;
  jurors: Record<string, JurorLeniency>;
  outliers: OutlierCell[];
  deviations: DeviationCell[];
}

export interface SensitivityChange {
  site: string;
  label: string | null;
  labelWithout: string | null;
}

export interface Sensitivity {
  competition: string;
  /** The ranking without the juror has the jury's decisions applied, so a place may carry its `decision`. */
  jurors: Record<string, { ranking: OfficialSite[]; changes: SensitivityChange[] }>;
}

/** A ranking computed another way than the competition's rule: never the official result. */
export interface AlternativeView {
  method: 'mean' | 'trimmed-mean' | 'median' | 'juror-normalised';
  /** False when the view needs more than there is (juror-normalised: at least 3 jurors and 6 sites). */
  available: boolean;
  ranking: Ranking['ranking'];
}

export interface Views {
  competition: string;
  /** The competition's own aggregation (the official one), for reference. */
  official: Ranking['aggregation'];
  views: AlternativeView[];
}

export interface AnalysisResults {
  'analysis.agreement': Agreement;
  'analysis.sensitivity': Sensitivity;
  'analysis.views': Views;
}
