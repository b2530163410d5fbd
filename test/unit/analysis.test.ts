/**
 * The analysis of contract section 6 computed by hand on small cases: Kendall's W per aspect (with ties in a juror's
 * ranks), leniency, outliers, the heatmap's deviations, the ranking without each juror (with a pleno decision that
 * holds, is void, or holds again), and the views beside the official ranking. Every expected number is worked out
 * in the comments.
 */
import { describe, expect, it } from 'vitest';
import { agreement, averageRanks, kendallW, sensitivity, views } from '../../shared/domain/analysis.js';
import { agreementReading, leniencyReading, readingText, sensitivityReading } from '../../shared/domain/analysis-reading.js';
import { DEFAULT_RULES, type Rules } from '../../shared/domain/competition.js';
import type { Instrument } from '../../shared/domain/instrument.js';
import { applyDecisions, type PlenoDecision } from '../../shared/domain/pleno.js';
import { rankSites, type RankingInput, type RankingJuror, type RankingScore } from '../../shared/domain/ranking.js';
import { anInstrument } from '../support/builders.js';

const ONE_TO_FIVE = { min: 1, max: 5, step: 1 };

function instrument(aspects: Record<string, { code: string; weight: number }[]>): Instrument {
  return anInstrument({
    code: 'UJI',
    name: 'Instrumen uji',
    defaultScale: ONE_TO_FIVE,
    phases: [{ code: 'P', name: 'Tahap P' }],
    aspects: Object.entries(aspects).map(([code, indicators]) => ({
      code,
      name: `Aspek ${code}`,
      indicators: indicators.map((i) => ({ code: i.code, name: `Indikator ${i.code}`, weight: i.weight, phase: 'P' })),
    })),
  });
}

/** Scores from { juror: { indicator: [score at S1, S2, …] } } (null: not scored). */
function scores(table: Record<string, Record<string, (number | null)[]>>): RankingScore[] {
  return Object.entries(table).flatMap(([juror, byIndicator]) =>
    Object.entries(byIndicator).flatMap(([indicator, values]) =>
      values.flatMap((value, i) => (value === null ? [] : [{ site: `S${i + 1}`, juror, indicator, value }])),
    ),
  );
}

function input(
  inst: Instrument,
  siteCount: number,
  jurors: RankingJuror[],
  list: RankingScore[],
  rules: Partial<Rules> = {},
): RankingInput {
  return {
    competition: 'UJI',
    instrument: inst,
    rules: { ...DEFAULT_RULES, ...rules },
    sites: Array.from({ length: siteCount }, (_, i) => ({ code: `S${i + 1}`, name: `Desa ${i + 1}`, category: null })),
    jurors,
    scores: list,
    finalisedSheets: [],
  };
}

const juror = (code: string, aspects: string[] | null = null, recusedSites: string[] = []): RankingJuror => ({
  code,
  aspects,
  recusedSites,
});

// ---------------------------------------------------------------------------------------------------------------
// The agreement case. Aspect A: A1 (weight 30), A2 (weight 20); aspect B: B1 (weight 50); scale 1–5, normalise max
// (normalised = score / 5). Five sites. J1 scores everything; J2 only aspect A (an aspect split); J3 everything but
// is recused from S5; J4 only aspect B. Two scores that must not count: J2's B1 at S1 (not J2's aspect) and J3's
// A1 at S5 (recused).
// ---------------------------------------------------------------------------------------------------------------
const AGREEMENT = input(
  instrument({
    A: [
      { code: 'A1', weight: 30 },
      { code: 'A2', weight: 20 },
    ],
    B: [{ code: 'B1', weight: 50 }],
  }),
  5,
  [juror('J1'), juror('J2', ['A']), juror('J3', null, ['S5']), juror('J4', ['B'])],
  scores({
    //       S1 S2 S3 S4 S5
    J1: { A1: [5, 4, 4, 2, 3], A2: [5, 4, 4, 3, 3], B1: [4, 4, 3, 2, 5] },
    J2: { A1: [5, 5, 3, 2, 3], A2: [4, 3, 4, 2, 3], B1: [1, null, null, null, null] },
    J3: { A1: [4, 3, 4, 3, 1], A2: [5, 3, 4, 2, null], B1: [5, 3, 3, 3, null] },
    J4: { B1: [2, 5, 4, 1, 1] },
  }),
);

describe("Kendall's W", () => {
  it('ranks highest first and averages tied places; T = Σ (t³ − t)', () => {
    // 40 and 40 share places 2 and 3: 2.5 each; one group of 2: 2³ − 2 = 6
    expect(averageRanks([50, 40, 40, 24])).toEqual({ ranks: [1, 2.5, 2.5, 4], ties: 6 });
    // three equal values take places 2–4: 3 each; 3³ − 3 = 24
    expect(averageRanks([50, 30, 30, 30])).toEqual({ ranks: [1, 3, 3, 3], ties: 24 });
    // compared after the first rounding step: 0.1 + 0.2 and 0.3 are one value (0.300000000 both)
    expect(averageRanks([0.1 + 0.2, 0.3])).toEqual({ ranks: [1.5, 1.5], ties: 6 });
    // complete agreement is 1; every ranker tying everything has no W (denominator 0)
    expect(
      kendallW([
        [3, 2, 1],
        [30, 20, 10],
      ]),
    ).toBe(1);
    expect(
      kendallW([
        [1, 1],
        [2, 2],
      ]),
    ).toBeNull();
    expect(kendallW([[1, 2, 3]])).toBeNull();
  });

  it('per aspect, over the jurors who scored it and the sites where all of them scored all of it', () => {
    const result = agreement(AGREEMENT);
    // Aspect A: jurors J1, J2, J3 (m = 3); S5 is left out because J3 is recused there (n = 4).
    // Aspect points = 30·a1/5 + 20·a2/5 = 6·a1 + 4·a2:
    //   J1: S1 6·5+4·5 = 50, S2 6·4+4·4 = 40, S3 40, S4 6·2+4·3 = 24 → ranks 1, 2.5, 2.5, 4; T = 2³−2 = 6
    //   J2: S1 30+16 = 46,  S2 30+12 = 42,    S3 18+16 = 34, S4 12+8 = 20 → ranks 1, 2, 3, 4; T = 0
    //   J3: S1 24+20 = 44,  S2 18+12 = 30,    S3 24+16 = 40, S4 18+8 = 26 → ranks 1, 3, 2, 4; T = 0
    //   R = 3, 7.5, 7.5, 12; mean m(n+1)/2 = 7.5; S = 4.5² + 0 + 0 + 4.5² = 40.5
    //   W = 12·40.5 / (3²·(4³−4) − 3·6) = 486 / (540 − 18) = 486 / 522 = 27/29
    expect(result.aspects.A).toEqual({ w: expect.closeTo(27 / 29, 12), jurors: ['J1', 'J2', 'J3'], sites: ['S1', 'S2', 'S3', 'S4'] });
    // Aspect B: jurors J1, J3, J4 (J2's B1 is not eligible); S5 left out (J3 recused). Points = 50·b/5 = 10·b:
    //   J1: 40, 40, 30, 20 → ranks 1.5, 1.5, 3, 4; T = 6
    //   J3: 50, 30, 30, 30 → ranks 1, 3, 3, 3;     T = 3³−3 = 24
    //   J4: 20, 50, 40, 10 → ranks 3, 1, 2, 4;     T = 0
    //   R = 5.5, 5.5, 8, 11; S = 2² + 2² + 0.5² + 3.5² = 4 + 4 + 0.25 + 12.25 = 20.5
    //   W = 12·20.5 / (540 − 3·30) = 246 / 450 = 41/75
    expect(result.aspects.B).toEqual({ w: expect.closeTo(41 / 75, 12), jurors: ['J1', 'J3', 'J4'], sites: ['S1', 'S2', 'S3', 'S4'] });
    // the readings: 0,93 high; 0,55 medium
    expect(readingText('id', agreementReading(result.aspects.A!))).toBe('W 0,93 — kesepakatan tinggi (3 juri, 4 lokus)');
    expect(readingText('id', agreementReading(result.aspects.B!))).toBe('W 0,55 — kesepakatan sedang (3 juri, 4 lokus)');
    expect(readingText('en', agreementReading({ w: 0.4949, jurors: ['J1', 'J2'], sites: ['S1', 'S2'] }))).toBe(
      'W 0.49 — low agreement (2 jurors, 2 sites)',
    );
    // shown as 0,70 (0.6951 rounded): read as it is shown, high
    expect(agreementReading({ w: 0.6951, jurors: ['J1', 'J2'], sites: ['S1', 'S2'] }).key).toBe('analysis.w.high');
    expect(readingText('id', agreementReading({ w: null, jurors: ['J1'], sites: [] }))).toBe(
      'W tidak dapat dihitung: aspek ini dinilai oleh 1 juri saja (perlu paling sedikit 2).',
    );
  });

  it('leniency: the mean of (own normalised score − the others’ mean) over the cells shared with another juror', () => {
    const { jurors } = agreement(AGREEMENT);
    // In score units (÷ 5 for normalised units), own − mean of the other eligible jurors on the same cell:
    // J1  A1: S1 5−4.5 = .5, S2 4−4 = 0, S3 4−3.5 = .5, S4 2−2.5 = −.5, S5 3−3 = 0          → .5
    //     A2: S1 5−4.5 = .5, S2 4−3 = 1, S3 0, S4 3−2 = 1, S5 0                             → 2.5
    //     B1: S1 4−3.5 = .5, S2 4−4 = 0, S3 3−3.5 = −.5, S4 2−2 = 0, S5 5−1 = 4            → 4
    //     7 over 15 cells: 7/15 score points = 7/75 normalised
    expect(jurors.J1).toEqual({ leniency: expect.closeTo(7 / 75, 12), cells: 15 });
    // J2  A1: .5, 1.5, −1, −.5, 0 → .5; A2: −1, −.5, 0, −.5, 0 → −2; −1.5 over 10 cells = −.15 → −0.03 normalised
    expect(jurors.J2).toEqual({ leniency: expect.closeTo(-0.03, 12), cells: 10 });
    // J3  A1: −1, −1.5, .5, 1 → −1; A2: .5, −.5, 0, −.5 → −.5; B1: S1 5−3 = 2, −1.5, −.5, S4 3−1.5 = 1.5 → 1.5
    //     0 over 12 cells (S5 not counted: recused)
    expect(jurors.J3).toEqual({ leniency: expect.closeTo(0, 12), cells: 12 });
    // J4  B1: 2−4.5 = −2.5, 5−3.5 = 1.5, 4−3 = 1, 1−2.5 = −1.5, 1−5 = −4 → −5.5 over 5 = −1.1 → −0.22 normalised
    expect(jurors.J4).toEqual({ leniency: expect.closeTo(-0.22, 12), cells: 5 });
    // read in points of the 0–100 total: × 100, one decimal
    expect(readingText('id', leniencyReading('J1', jurors.J1!))).toBe(
      'J1 rata-rata 9,3 poin (dari 100) lebih tinggi dari juri lain: lebih royal (15 sel)',
    );
    expect(readingText('id', leniencyReading('J4', jurors.J4!))).toBe(
      'J4 rata-rata 22,0 poin (dari 100) lebih rendah dari juri lain: lebih pelit (5 sel)',
    );
    expect(readingText('id', leniencyReading('J3', jurors.J3!))).toBe('J3 rata-rata setara dengan juri lain (12 sel)');
    expect(readingText('en', leniencyReading('J2', jurors.J2!))).toBe(
      'J2 on average 3.0 points (of 100) below the other jurors: stricter (10 cells)',
    );
  });

  it('outliers: at least half the scale’s range (2 on 1–5) from the median of at least 2 other jurors', () => {
    const { outliers } = agreement(AGREEMENT);
    // S1 B1: J1 4, J3 5, J4 2. J3: |5 − median(4, 2) = 3| = 2 ≥ 2 (exactly half the range counts);
    // J4: |2 − median(4, 5) = 4.5| = 2.5. J1: |4 − 3.5| = .5. J2's 1 is not eligible and does not count.
    // S5 B1: J1 5, J4 1 differ by 4, but each has only one other juror: not judged.
    // Every other cell stays within 1.5 of its median (S2 A1: J2 5 against 3.5; S4 B1: J3 3 against 1.5).
    expect(outliers).toEqual([
      { site: 'S1', juror: 'J3', indicator: 'B1', score: 5, median: 3 },
      { site: 'S1', juror: 'J4', indicator: 'B1', score: 2, median: 4.5 },
    ]);
  });

  it('deviations: per juror and site, the mean over their shared cells there; null without one', () => {
    const { deviations } = agreement(AGREEMENT);
    const at = (j: string, s: string) => deviations.find((d) => d.juror === j && d.site === s);
    expect(deviations).toHaveLength(4 * 5);
    // J2 at S1: A1 .5, A2 −1 → −.25 score points → −0.05
    expect(at('J2', 'S1')).toEqual({ juror: 'J2', site: 'S1', deviation: expect.closeTo(-0.05, 12), cells: 2 });
    // J4 at S5: 1 − 5 = −4 → −0.8
    expect(at('J4', 'S5')).toEqual({ juror: 'J4', site: 'S5', deviation: expect.closeTo(-0.8, 12), cells: 1 });
    // J3 is recused from S5
    expect(at('J3', 'S5')).toEqual({ juror: 'J3', site: 'S5', deviation: null, cells: 0 });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Sensitivity: one indicator I1 of weight 100, scale 1–5: total = 100 × mean(score / 5) = 20 × mean score.
// ---------------------------------------------------------------------------------------------------------------
const ONE = instrument({ A: [{ code: 'I1', weight: 100 }] });
const THREE = [juror('J1'), juror('J2'), juror('J3')];

function official(i: RankingInput, decisions: PlenoDecision[] = []) {
  return applyDecisions(rankSites(i), decisions, i.rules.labels);
}

describe('sensitivity', () => {
  it('the ranking without each juror, and the labels that change', () => {
    // J1: 5 4 3; J2: 5 4 3; J3: 1 5 3
    // official: S1 20·11/3 = 73.33, S2 20·13/3 = 86.67, S3 60 → S2 Juara I, S1 Juara II, S3 Juara III
    // without J3: S1 100, S2 80, S3 60 → S1 Juara I, S2 Juara II
    // without J1 (or J2): S1 20·3 = 60, S2 20·4.5 = 90, S3 60 → S2 Juara I, S1 and S3 share rank 2: Juara II both
    const i = input(ONE, 3, THREE, scores({ J1: { I1: [5, 4, 3] }, J2: { I1: [5, 4, 3] }, J3: { I1: [1, 5, 3] } }));
    const result = sensitivity(i, official(i), []);
    expect(Object.keys(result.jurors)).toEqual(['J1', 'J2', 'J3']);
    expect(result.jurors.J3!.changes).toEqual([
      { site: 'S2', label: 'Juara I', labelWithout: 'Juara II' },
      { site: 'S1', label: 'Juara II', labelWithout: 'Juara I' },
    ]);
    expect(result.jurors.J3!.ranking.map((r) => [r.site, r.rank, r.total])).toEqual([
      ['S1', 1, 100],
      ['S2', 2, 80],
      ['S3', 3, 60],
    ]);
    expect(result.jurors.J1!.changes).toEqual([{ site: 'S3', label: 'Juara III', labelWithout: 'Juara II' }]);
    expect(result.jurors.J2!.changes).toEqual(result.jurors.J1!.changes);
    expect(readingText('id', sensitivityReading('J3', result.jurors.J3!.changes, 'id'))).toBe(
      'Tanpa J3: S2 Juara I → Juara II; S1 Juara II → Juara I.',
    );
    expect(readingText('en', sensitivityReading('J1', [], 'en'))).toBe('Without J1: no title changes.');
  });

  it('compares with the official ranking, the jury’s decisions applied the same way (void where the tie is gone)', () => {
    // J1: 5 4 3; J2: 5 3 4; J3: 5 4 4 → S1 100; S2 and S3 20·11/3 = 73.33 each: tied at rank 2.
    // The pleno orders S3 before S2: S3 Juara II, S2 Juara III (decidedBy "pleno").
    // without J1: S2 20·3.5 = 70, S3 20·4 = 80 → S3 II, S2 III (the decision is void, nothing changes)
    // without J2: S2 80, S3 70 → S2 II, S3 III: both labels change
    // without J3: S2 70, S3 70 → tied again: the decision applies, nothing changes
    const i = input(ONE, 3, THREE, scores({ J1: { I1: [5, 4, 3] }, J2: { I1: [5, 3, 4] }, J3: { I1: [5, 4, 4] } }));
    const decisions: PlenoDecision[] = [
      { id: 1, order: ['S3', 'S2'], reason: 'Inovasi lebih kuat', at: '2026-09-21T10:00:00Z', revision: 0 },
    ];
    const off = official(i, decisions);
    expect(off.ranking.map((r) => [r.site, r.label])).toEqual([
      ['S1', 'Juara I'],
      ['S3', 'Juara II'],
      ['S2', 'Juara III'],
    ]);
    const result = sensitivity(i, off, decisions);
    expect(result.jurors.J1!.changes).toEqual([]);
    expect(result.jurors.J1!.ranking.find((r) => r.site === 'S2')!.decidedBy).toBe('total');
    expect(result.jurors.J2!.changes).toEqual([
      { site: 'S3', label: 'Juara II', labelWithout: 'Juara III' },
      { site: 'S2', label: 'Juara III', labelWithout: 'Juara II' },
    ]);
    expect(result.jurors.J3!.changes).toEqual([]);
    expect(result.jurors.J3!.ranking.map((r) => [r.site, r.rank, r.decidedBy])).toEqual([
      ['S1', 1, null],
      ['S3', 2, 'total'],
      ['S2', 3, 'pleno'],
    ]);
  });

  it('a site that loses its only juror becomes incomplete and loses its label; a juror who scored nothing is not listed', () => {
    // J2 alone scores S2 (J1 recused there); J3 scores nothing (no aspects).
    // official: S1 20·4 = 80, S2 20·5 = 100 → S2 Juara I, S1 Juara II. Without J2: S2 has no score, incomplete,
    // total 0, rank 2, no label; S1 rank 1: Juara I.
    const i = input(
      ONE,
      2,
      [juror('J1', null, ['S2']), juror('J2'), juror('J3', [])],
      scores({ J1: { I1: [4, null] }, J2: { I1: [4, 5] } }),
    );
    const result = sensitivity(i, official(i), []);
    expect(Object.keys(result.jurors)).toEqual(['J1', 'J2']);
    expect(result.jurors.J2!.changes).toEqual([
      { site: 'S2', label: 'Juara I', labelWithout: null },
      { site: 'S1', label: 'Juara II', labelWithout: 'Juara I' },
    ]);
    expect(readingText('id', sensitivityReading('J2', result.jurors.J2!.changes, 'id'))).toBe(
      'Tanpa J2: S2 Juara I → tanpa predikat; S1 Juara II → Juara I.',
    );
  });
});

describe('views', () => {
  it('trimmed mean with 5 jurors drops one highest and one lowest, unlike the mean', () => {
    // S1: 5 5 5 5 1 → mean 4.2 → 84; trimmed (5 5 5) → 100; median 5 → 100
    // S2: 4 4 4 4 5 → mean 4.2 → 84; trimmed (4 4 4) → 80;  median 4 → 80
    const five = ['J1', 'J2', 'J3', 'J4', 'J5'].map((c) => juror(c));
    const i = input(
      ONE,
      2,
      five,
      scores({ J1: { I1: [5, 4] }, J2: { I1: [5, 4] }, J3: { I1: [5, 4] }, J4: { I1: [5, 4] }, J5: { I1: [1, 5] } }),
    );
    const result = views(i);
    expect(result.official).toBe('mean');
    const view = (m: string) => result.views.find((v) => v.method === m)!;
    expect(view('mean').ranking.map((r) => [r.site, r.rank, r.tied, r.total])).toEqual([
      ['S1', 1, true, expect.closeTo(84, 9)],
      ['S2', 1, true, expect.closeTo(84, 9)],
    ]);
    for (const method of ['trimmed-mean', 'median'])
      expect(view(method).ranking.map((r) => [r.site, r.rank, r.tied, r.label, r.total])).toEqual([
        ['S1', 1, false, 'Juara I', expect.closeTo(100, 9)],
        ['S2', 2, false, 'Juara II', expect.closeTo(80, 9)],
      ]);
    // 5 jurors but only 2 sites: no juror-normalised view
    expect(view('juror-normalised')).toEqual({ method: 'juror-normalised', available: false, ranking: [] });
  });

  it('juror-normalised is not available with 2 jurors', () => {
    const i = input(ONE, 6, [juror('J1'), juror('J2')], scores({ J1: { I1: [5, 4, 3, 3, 2, 2] }, J2: { I1: [4, 3, 2, 2, 1, 1] } }));
    expect(views(i).views.map((v) => [v.method, v.available, v.ranking.length])).toEqual([
      ['mean', true, 6],
      ['trimmed-mean', true, 6],
      ['median', true, 6],
      ['juror-normalised', false, 0],
    ]);
  });

  it('juror-normalised: z-scores per juror mapped back with the overall mean and standard deviation', () => {
    // J1 and J2 give P = 5 4 3 3 2 2, J3 (stricter) P − 1 = 4 3 2 2 1 1; normalised = score / 5.
    // J1, J2: mean 19/30, J3: mean 13/30; each juror's standard deviation √41/30 (squares of deviations sum to 82/300,
    // ÷ 6 = 41/900). All 18 together: mean μ = 17/30; variance 41/900 within + 8/900 between jurors = 49/900, σ = 7/30.
    // A score's z = (P/5 − 19/30) / (√41/30) = (6P − 19)/√41, the same for J3's P − 1; mapped x' = μ + σ·z, the
    // site's total 100·x' (the three jurors now agree): P = 5 → 100·(17/30 + 7·11/(30√41)), and so on.
    const i = input(
      ONE,
      6,
      THREE,
      scores({ J1: { I1: [5, 4, 3, 3, 2, 2] }, J2: { I1: [5, 4, 3, 3, 2, 2] }, J3: { I1: [4, 3, 2, 2, 1, 1] } }),
    );
    const view = views(i).views.find((v) => v.method === 'juror-normalised')!;
    const total = (p: number) => 100 * (17 / 30 + (7 * (6 * p - 19)) / (30 * Math.sqrt(41)));
    expect(view.available).toBe(true);
    expect(view.ranking.map((r) => [r.site, r.rank, r.label])).toEqual([
      ['S1', 1, 'Juara I'],
      ['S2', 2, 'Juara II'],
      ['S3', 3, 'Juara III'],
      ['S4', 3, 'Juara III'],
      ['S5', 5, 'Harapan II'],
      ['S6', 5, 'Harapan II'],
    ]);
    expect(view.ranking.map((r) => r.total)).toEqual([5, 4, 3, 3, 2, 2].map((p) => expect.closeTo(total(p), 9)));
    // S1 96,75; S5 31,16 (31.1583; against the mean's 93,33 and 33,33)
    expect(total(5)).toBeCloseTo(96.751, 3);
    expect(total(2)).toBeCloseTo(31.158, 3);
  });
});
