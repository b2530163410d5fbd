import { describe, expect, it } from 'vitest';
import { tieGroups } from '../../shared/domain/pleno.js';
import type { RankedSite } from '../../shared/domain/ranking.js';

const site = (code: string, rank: number, category: string, decidedBy: string | null, tied: boolean): RankedSite => ({
  rank,
  site: code,
  name: code,
  category,
  total: 50,
  label: null,
  tied,
  complete: true,
  decidedBy,
  aspects: {},
  phases: {},
  scored: 1,
  expected: 1,
});

describe('tieGroups: the sites that share one rank', () => {
  it('ranked all together (rankBy all), a desa and a kelurahan sharing rank 2 are one tie', () => {
    const ranking = [site('S01', 1, 'desa', null, false), site('S02', 2, 'desa', 'total', true), site('S03', 2, 'kelurahan', 'tied', true)];
    expect(tieGroups(ranking).map((g) => g.map((s) => s.site))).toEqual([['S02', 'S03']]);
  });

  it('ranked by category, the last of one category and the first of the next are never one tie', () => {
    const ranking = [
      site('S01', 1, 'desa', null, false),
      site('S02', 1, 'kelurahan', null, true),
      site('S03', 1, 'kelurahan', 'tied', true),
    ];
    expect(tieGroups(ranking).map((g) => g.map((s) => s.site))).toEqual([['S02', 'S03']]);
  });
});
