/**
 * Eligibility (contract.md section 4): a juror scores an indicator at a site if and only if the juror's aspects
 * include the indicator's aspect (left out, null: every aspect; an empty list: none) and the juror is not recused
 * from the site. The one statement of that rule: the ranking, the coverage warning, the score import, the score
 * sheet, the instrument move and the setup editor all ask here.
 */
import { listIndicators, type IndicatorRef, type Instrument } from './instrument.js';

/** A list or a set of codes; the database side keeps sets, the files and forms keep lists. */
export type Codes = readonly string[] | ReadonlySet<string>;

export interface EligibilityJuror {
  /** The aspects the juror scores; null or left out: every aspect. */
  aspects?: Codes | null | undefined;
  /** The sites the juror must not score (conflict of interest). */
  recusedSites?: Codes | null | undefined;
}

function holds(codes: Codes, code: string): boolean {
  return 'has' in codes ? codes.has(code) : codes.includes(code);
}

/** Whether the juror scores this aspect at all (whatever the site). */
export function scoresAspect(juror: EligibilityJuror, aspect: string): boolean {
  return juror.aspects == null || holds(juror.aspects, aspect);
}

/** Whether the juror is recused from the site. */
export function isRecused(juror: EligibilityJuror, site: string): boolean {
  return juror.recusedSites != null && holds(juror.recusedSites, site);
}

/** Whether the juror scores the indicators of this aspect at this site. */
export function isEligible(juror: EligibilityJuror, aspect: string, site: string): boolean {
  return scoresAspect(juror, aspect) && !isRecused(juror, site);
}

/** The juror's indicators at a site, in instrument order (from the instrument or its already listed indicators). */
export function eligibleIndicators(
  instrument: Instrument | readonly IndicatorRef[],
  juror: EligibilityJuror,
  site: string,
): IndicatorRef[] {
  const refs = 'aspects' in instrument ? listIndicators(instrument) : instrument;
  return refs.filter((ref) => isEligible(juror, ref.aspect.code, site));
}
