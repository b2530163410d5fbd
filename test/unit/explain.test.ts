import { describe, expect, it } from 'vitest';
import { explainPlace, explainPlaces, explainTieBreak, explanationText, type PlaceSite } from '../../shared/domain/explain.js';

const names = {
  phases: [
    { code: 'ADM', name: 'Penilaian administrasi' },
    { code: 'LAP', name: 'Verifikasi lapangan' },
  ],
  aspects: [{ code: 'E', name: 'Kesehatan keluarga' }],
};

const site = (code: string, decidedBy: string | null, tied: boolean, values: { LAP?: number; E?: number } = {}): PlaceSite => ({
  site: code,
  decidedBy,
  tied,
  phases: { ADM: 40, LAP: values.LAP ?? 40 },
  aspects: { E: values.E ?? 20 },
});

describe('explainPlace: what decided a place, as a key and parameters', () => {
  it('says nothing where the total decided or the site stood alone', () => {
    expect(explainPlace(site('S01', null, false), null, 2, names)).toBeNull();
    expect(explainPlace(site('S02', 'total', false), site('S01', null, false), 2, names)).toBeNull();
  });

  it('every site sharing a rank says Seri, the first of the group as well', () => {
    // Ranks 1, 2=, 2=: the first of the tied pair differs from S01 by its total, the second by nothing.
    const ranking = { precision: 2, ranking: [site('S01', null, false), site('S03', 'total', true), site('S04', 'tied', true)] };
    const texts = explainPlaces(ranking, names).map((e) => (e ? explanationText('id', e) : ''));
    expect(texts).toEqual(['', 'Seri', 'Seri']);
    expect(explainPlaces(ranking, names).map((e) => (e ? explanationText('en', e) : ''))).toEqual(['', 'Tied', 'Tied']);
  });

  it('a place decided by the tie-break chain quotes the values that decided it, at the precision', () => {
    const above = site('S02', 'total', false, { LAP: 40.1 });
    const below = site('S05', 'phase:LAP', false, { LAP: 38.749 });
    const phase = explainPlace(below, above, 2, names)!;
    expect(phase).toEqual({
      key: 'ranking.decidedBy.phaseValues',
      params: { above: 'S02', below: 'S05', code: 'LAP', name: 'Verifikasi lapangan', higher: 40.1, lower: 38.749, precision: 2 },
    });
    expect(explanationText('id', phase)).toBe('S02 di atas S05: nilai tahap LAP 40,10 > 38,75');
    expect(explanationText('en', phase)).toBe('S02 above S05: phase LAP points 40.10 > 38.75');
    const aspect = explainPlace(site('S07', 'aspect:E', false, { E: 12.5 }), site('S06', 'phase:LAP', false, { E: 13 }), 1, names)!;
    expect(explanationText('id', aspect)).toBe('S06 di atas S07: nilai aspek E 13,0 > 12,5');
    expect(explanationText('en', aspect)).toBe('S06 above S07: aspect E points 13.0 > 12.5');
  });

  it('the first of a tied group placed by the chain below the site before it says both', () => {
    const ranking = {
      precision: 2,
      ranking: [
        site('S05', null, false, { LAP: 41 }),
        site('S02', 'phase:LAP', true, { LAP: 40.1 }),
        site('S03', 'tied', true, { LAP: 40.1 }),
      ],
    };
    const [, first, second] = explainPlaces(ranking, names);
    expect(explanationText('id', first!)).toBe('Seri; S05 di atas S02: nilai tahap LAP 41,00 > 40,10');
    expect(explanationText('en', first!)).toBe('Tied; S05 above S02: phase LAP points 41.00 > 40.10');
    expect(explanationText('id', second!)).toBe('Seri');
  });

  it('a place settled by the plenary meeting gives its reason', () => {
    const decided = { ...site('S05', 'pleno', false), decision: { reason: 'Inovasi posyandu lebih berkelanjutan.' } };
    const pleno = explainPlace(decided, site('S02', 'total', false), 2, names)!;
    expect(explanationText('id', pleno)).toBe('Keputusan rapat pleno: Inovasi posyandu lebih berkelanjutan.');
    expect(explanationText('en', pleno)).toBe("The plenary's decision: Inovasi posyandu lebih berkelanjutan.");
    const bare = explainPlace(site('S05', 'pleno', false), null, 2, names)!;
    expect([explanationText('id', bare), explanationText('en', bare)]).toEqual(['Keputusan rapat pleno', "The plenary's decision"]);
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
