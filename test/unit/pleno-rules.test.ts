/**
 * Which recorded changes would alter a locked ranking (shared/domain/pleno.ts `changesRanking`): the write gate
 * refuses exactly these while a result is locked.
 */
import { describe, expect, it } from 'vitest';
import { changesRanking } from '../../shared/domain/pleno.js';

const juror = (before: object | null, after: object | null) => ({
  kind: 'setup.juror',
  payload: JSON.stringify({ action: 'change', before, after }),
});

describe('changesRanking', () => {
  it('says yes for scores, sheets, rules, the instrument and sites', () => {
    for (const kind of ['score', 'household', 'finalise', 'reopen', 'setup.rules', 'setup.instrument', 'setup.site'])
      expect([kind, changesRanking({ kind })]).toEqual([kind, true]);
  });

  it('says no for notes, photos, PINs, the competition identity and the plenary itself', () => {
    for (const kind of ['note', 'evidence', 'pin', 'setup.competition', 'exchange.import', 'pleno.lock', 'pleno.decide'])
      expect([kind, changesRanking({ kind })]).toEqual([kind, false]);
  });

  it('for a juror: yes when added, removed, or their aspects or recusals change; no for a name or NIP', () => {
    const j = { code: 'J2', name: 'Juri Dua', aspects: ['A', 'B'], recusedSites: ['S01'] };
    expect(changesRanking(juror(null, j))).toBe(true);
    expect(changesRanking(juror(j, null))).toBe(true);
    expect(changesRanking(juror(j, { ...j, aspects: ['A'] }))).toBe(true);
    expect(changesRanking(juror(j, { ...j, aspects: null }))).toBe(true);
    expect(changesRanking(juror(j, { ...j, recusedSites: [] }))).toBe(true);
    expect(changesRanking(juror(j, { ...j, name: 'Dr. Juri Dua', nip: '198001012005011001' }))).toBe(false);
    expect(changesRanking(juror(j, { ...j, aspects: ['B', 'A'] }))).toBe(false);
    expect(changesRanking({ kind: 'setup.juror', payload: 'not json' })).toBe(true);
  });
});
