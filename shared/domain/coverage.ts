/**
 * Coverage of a competition's setup: every (site, aspect) that no eligible juror scores. Such a cell would leave
 * its indicators at 0 points and its site never complete (contract.md section 4), so the setup warns about it.
 * Pure; takes anything shaped like a competition detail, a competition file or the setup editor's draft.
 */
import { isEligible } from './eligibility.js';

export interface CoverageInput {
  instrument: { aspects: readonly { code: string }[] };
  sites: readonly { code: string }[];
  jurors: readonly {
    /** Left out (or null): every aspect; an empty list: none. */
    aspects?: readonly string[] | null | undefined;
    recusedSites?: readonly string[] | undefined;
  }[];
}

export interface CoverageGap {
  site: string;
  aspect: string;
}

/** The (site, aspect) pairs without any eligible juror, in site order and then instrument (aspect) order. */
export function coverageGaps(input: CoverageInput): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  for (const site of input.sites) {
    for (const aspect of input.instrument.aspects) {
      const covered = input.jurors.some((juror) => isEligible(juror, aspect.code, site.code));
      if (!covered) gaps.push({ site: site.code, aspect: aspect.code });
    }
  }
  return gaps;
}
