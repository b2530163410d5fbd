import { describe, expect, it } from 'vitest';
import { eligibleIndicators, isEligible, isRecused, scoresAspect } from '../../shared/domain/eligibility.js';
import { listIndicators } from '../../shared/domain/instrument.js';
import { syntheticInstrument } from '../../shared/domain/synthetic.js';

describe('eligibility (contract.md section 4)', () => {
  it('aspects left out or null mean every aspect; an empty list means none', () => {
    expect(scoresAspect({}, 'A')).toBe(true);
    expect(scoresAspect({ aspects: null }, 'A')).toBe(true);
    expect(scoresAspect({ aspects: [] }, 'A')).toBe(false);
    expect(scoresAspect({ aspects: ['B', 'A'] }, 'A')).toBe(true);
    expect(scoresAspect({ aspects: ['B'] }, 'A')).toBe(false);
    expect(scoresAspect({ aspects: new Set(['A']) }, 'A')).toBe(true);
    expect(scoresAspect({ aspects: new Set(['B']) }, 'A')).toBe(false);
  });

  it('a recusal removes the site whatever the aspects', () => {
    expect(isRecused({}, 'S01')).toBe(false);
    expect(isRecused({ recusedSites: ['S02'] }, 'S01')).toBe(false);
    expect(isRecused({ recusedSites: ['S02', 'S01'] }, 'S01')).toBe(true);
    expect(isRecused({ recusedSites: new Set(['S01']) }, 'S01')).toBe(true);
    expect(isEligible({ recusedSites: ['S01'] }, 'A', 'S01')).toBe(false);
    expect(isEligible({ recusedSites: ['S01'] }, 'A', 'S02')).toBe(true);
    expect(isEligible({ aspects: ['A'], recusedSites: ['S01'] }, 'A', 'S02')).toBe(true);
    expect(isEligible({ aspects: ['A'], recusedSites: ['S01'] }, 'B', 'S02')).toBe(false);
    expect(isEligible({ aspects: null, recusedSites: [] }, 'B', 'S02')).toBe(true);
  });

  it('eligibleIndicators keeps instrument order, from the instrument or from its listed indicators', () => {
    const instrument = syntheticInstrument(23); // A1–A10, B1–B10, C1–C3
    const codes = (refs: { indicator: { code: string } }[]) => refs.map((r) => r.indicator.code);
    expect(codes(eligibleIndicators(instrument, { aspects: ['C', 'A'] }, 'S01'))).toEqual([
      ...['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10'],
      ...['C1', 'C2', 'C3'],
    ]);
    expect(codes(eligibleIndicators(listIndicators(instrument), { aspects: new Set(['C']) }, 'S01'))).toEqual(['C1', 'C2', 'C3']);
    expect(eligibleIndicators(instrument, { aspects: ['A', 'B', 'C'], recusedSites: ['S01'] }, 'S01')).toEqual([]);
    expect(eligibleIndicators(instrument, { aspects: [] }, 'S01')).toEqual([]);
    expect(eligibleIndicators(instrument, {}, 'S01')).toHaveLength(23);
  });
});
