/** The shared test builders give data the app accepts, and a score for exactly the cells a juror may score. */
import { describe, expect, it } from 'vitest';
import { isOnScale, listIndicators, parseInstrument } from '../../shared/domain/instrument.js';
import { parseCompetitionFile } from '../../shared/domain/competition.js';
import { aCompetition, anInstrument, scoresFor } from '../support/builders.js';

describe('test builders', () => {
  it('anInstrument is a valid instrument, overrides replacing whole fields', () => {
    expect(parseInstrument(anInstrument()).ok).toBe(true);
    expect(listIndicators(anInstrument()).map((ref) => ref.indicator.code)).toEqual(['A1', 'A2', 'B1']);
    expect(anInstrument({ code: 'LAIN', version: 2 })).toMatchObject({ code: 'LAIN', version: 2, name: 'Instrumen uji kecil' });
    expect(() => anInstrument({ aspects: [] })).toThrow(/anInstrument: the test instrument is invalid/);
  });

  it('aCompetition is a valid competition file around it', () => {
    const file = aCompetition({ competition: { code: 'LAIN' } });
    expect(parseCompetitionFile(file).ok).toBe(true);
    expect(file.competition).toMatchObject({ code: 'LAIN', name: 'Lomba Uji', year: 2026 });
    expect(file.sites.map((s) => s.code)).toEqual(['S01', 'S02']);
    expect(file.jurors.map((j) => j.code)).toEqual(['J1', 'J2']);
    expect(() =>
      aCompetition({
        sites: [
          { code: 'S01', name: 'Satu' },
          { code: 'S01', name: 'Dua' },
        ],
      }),
    ).toThrow(/aCompetition/);
  });

  it('scoresFor gives every eligible cell once, in order, on its scale, the same every time', () => {
    const file = aCompetition({
      jurors: [
        { code: 'J1', name: 'Juri Satu', role: 'ketua' },
        { code: 'J2', name: 'Juri Dua', role: 'anggota', aspects: ['B'], recusedSites: ['S02'] },
      ],
    });
    const scores = scoresFor(file);
    expect(scores.map((s) => `${s.site}/${s.juror}/${s.indicator}`)).toEqual([
      'S01/J1/A1',
      'S01/J1/A2',
      'S01/J1/B1',
      'S01/J2/B1',
      'S02/J1/A1',
      'S02/J1/A2',
      'S02/J1/B1',
    ]);
    expect(scores.map((s) => s.value)).toEqual([1, 3, 5, 2, 4, 1, 3]);
    const scale = file.instrument.defaultScale;
    expect(scores.every((s) => isOnScale(scale, s.value))).toBe(true);
    expect(scoresFor(file)).toEqual(scores);
    expect(scoresFor(file, (cell, i) => (cell.juror === 'J2' ? 5 : i)).map((s) => s.value)).toEqual([0, 1, 2, 5, 4, 5, 6]);
  });
});
