import { describe, expect, it } from 'vitest';
import { coverageGaps, type CoverageInput } from '../../shared/domain/coverage.js';

const instrument = { aspects: [{ code: 'A' }, { code: 'B' }, { code: 'C' }] };
const sites = [{ code: 'S01' }, { code: 'S02' }, { code: 'S03' }];

function input(jurors: CoverageInput['jurors']): CoverageInput {
  return { instrument, sites, jurors };
}

describe('coverageGaps', () => {
  it('finds nothing when one juror scores every aspect everywhere (aspects left out, or null)', () => {
    expect(coverageGaps(input([{}]))).toEqual([]);
    expect(coverageGaps(input([{ aspects: null, recusedSites: [] }]))).toEqual([]);
  });

  it('lists every cell when no juror scores anything (an empty list is not "every aspect")', () => {
    const gaps = coverageGaps(input([{ aspects: [] }]));
    expect(gaps).toHaveLength(9);
    expect(gaps.slice(0, 4)).toEqual([
      { site: 'S01', aspect: 'A' },
      { site: 'S01', aspect: 'B' },
      { site: 'S01', aspect: 'C' },
      { site: 'S02', aspect: 'A' },
    ]);
    expect(coverageGaps(input([]))).toHaveLength(9);
  });

  it('finds the aspect that no juror is assigned, at every site, in site then instrument order', () => {
    expect(coverageGaps(input([{ aspects: ['A'] }, { aspects: ['C', 'A'] }]))).toEqual([
      { site: 'S01', aspect: 'B' },
      { site: 'S02', aspect: 'B' },
      { site: 'S03', aspect: 'B' },
    ]);
  });

  it('finds the site where the only juror of an aspect is recused, and not where another juror covers it', () => {
    const jurors = [{ aspects: ['A', 'B'] }, { aspects: ['C'], recusedSites: ['S02'] }, { aspects: ['B'], recusedSites: ['S01'] }];
    expect(coverageGaps(input(jurors))).toEqual([{ site: 'S02', aspect: 'C' }]);
    // a second juror for C who is not recused from S02 closes the gap
    expect(coverageGaps(input([...jurors, { aspects: ['C'], recusedSites: ['S01'] }]))).toEqual([]);
  });

  it('ignores aspect codes that the instrument does not have', () => {
    expect(coverageGaps(input([{ aspects: ['A', 'B', 'Z'] }]))).toEqual([
      { site: 'S01', aspect: 'C' },
      { site: 'S02', aspect: 'C' },
      { site: 'S03', aspect: 'C' },
    ]);
  });

  it('has no gaps without sites', () => {
    expect(coverageGaps({ instrument, sites: [], jurors: [] })).toEqual([]);
  });
});
