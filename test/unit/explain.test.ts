import { describe, expect, it } from 'vitest';
import { explainPlace, explainTieBreak, explanationText } from '../../shared/domain/explain.js';

const names = {
  phases: [
    { code: 'ADM', name: 'Penilaian administrasi' },
    { code: 'LAP', name: 'Verifikasi lapangan' },
  ],
  aspects: [{ code: 'E', name: 'Kesehatan keluarga' }],
};

describe('explainPlace: what decided a place, as a key and parameters', () => {
  it('says nothing where the total decided or the site stood alone', () => {
    expect(explainPlace({ decidedBy: 'total' }, names)).toBeNull();
    expect(explainPlace({ decidedBy: null }, names)).toBeNull();
  });

  it('a tie left by the whole chain, a phase by its name, an aspect by its code', () => {
    expect(explainPlace({ decidedBy: 'tied' }, names)).toEqual({ key: 'ranking.decidedBy.tied', params: {} });
    const phase = explainPlace({ decidedBy: 'phase:LAP' }, names)!;
    expect(phase).toEqual({ key: 'ranking.decidedBy.phase', params: { code: 'LAP', name: 'Verifikasi lapangan' } });
    const aspect = explainPlace({ decidedBy: 'aspect:E' }, names)!;
    expect(aspect).toEqual({ key: 'ranking.decidedBy.aspect', params: { code: 'E', name: 'Kesehatan keluarga' } });
    expect([phase, aspect, { key: 'ranking.decidedBy.tied' as const, params: {} }].map((e) => explanationText('id', e))).toEqual([
      'Tahap Verifikasi lapangan',
      'Aspek E',
      'Seri',
    ]);
    expect([phase, aspect].map((e) => explanationText('en', e))).toEqual(['Phase Verifikasi lapangan', 'Aspect E']);
    const pleno = explainPlace({ decidedBy: 'pleno' }, names)!;
    expect([explanationText('id', pleno), explanationText('en', pleno)]).toEqual(['Keputusan rapat pleno', "The plenary's decision"]);
  });
});

describe('explainTieBreak: the chain in a sentence', () => {
  it('no chain: equal totals share a rank', () => {
    const none = explainTieBreak([], names);
    expect(none).toEqual({ key: 'ranking.tieBreak.none', params: {} });
    expect(explanationText('id', none)).toBe('Nilai total yang sama berbagi peringkat; urutan penentu seri tidak ditetapkan.');
    expect(explanationText('en', none)).toBe('Equal totals share a rank; no tie-break chain is set.');
  });

  it('each entry in turn, in both languages', () => {
    const chain = explainTieBreak(['phase:LAP', 'aspect:E'], names);
    expect(chain).toEqual({
      key: 'ranking.tieBreak.chain',
      params: {},
      parts: [
        { key: 'ranking.tieBreak.phase', params: { code: 'LAP', name: 'Verifikasi lapangan' } },
        { key: 'ranking.tieBreak.aspect', params: { code: 'E', name: 'Kesehatan keluarga' } },
      ],
    });
    expect(explanationText('id', chain)).toBe(
      'Bila nilai total sama, penentu berikutnya berturut-turut: nilai tahap Verifikasi lapangan; nilai aspek E (Kesehatan keluarga).',
    );
    expect(explanationText('en', chain)).toBe(
      'When totals are equal, these decide in turn: the points of phase Verifikasi lapangan; the points of aspect E (Kesehatan keluarga).',
    );
  });
});
