import { describe, it, expect } from 'vitest';
import { DEFAULT_RULES, type Rules } from '../../shared/domain/competition.js';
import type { Instrument, Scale } from '../../shared/domain/instrument.js';
import {
  aggregate,
  compareCodePoints,
  rankSites,
  type RankedSite,
  type Ranking,
  type RankingJuror,
  type RankingScore,
  type RankingSite,
} from '../../shared/domain/ranking.js';
import { anInstrument } from '../support/builders.js';

// ---------------------------------------------------------------------------------------------------------------
// Builders: small instruments and inputs written by hand, so every expected number below can be checked on paper.
// ---------------------------------------------------------------------------------------------------------------

interface IndicatorSpec {
  code: string;
  weight: number;
  phase: string;
  scale?: Scale;
}

const ZERO_TO_TEN: Scale = { min: 0, max: 10, step: 1 };

/** An instrument from { aspectCode: [indicators] }; it must pass the real instrument checks (weights sum to 100). */
function buildInstrument(aspects: Record<string, IndicatorSpec[]>, phases: string[], defaultScale: Scale = ZERO_TO_TEN): Instrument {
  return anInstrument({
    code: 'UJI',
    name: 'Instrumen uji',
    defaultScale,
    phases: phases.map((code) => ({ code, name: `Tahap ${code}` })),
    aspects: Object.entries(aspects).map(([code, indicators]) => ({
      code,
      name: `Aspek ${code}`,
      indicators: indicators.map((i) => ({
        code: i.code,
        name: `Indikator ${i.code}`,
        weight: i.weight,
        phase: i.phase,
        ...(i.scale ? { scale: i.scale } : {}),
      })),
    })),
  });
}

/** One indicator I1 of weight 100 in aspect A, phase P: the total is 100 × the aggregated normalised score. */
function singleIndicator(scale: Scale = ZERO_TO_TEN): Instrument {
  return buildInstrument({ A: [{ code: 'I1', weight: 100, phase: 'P', scale }] }, ['P']);
}

/** Two indicators of weight 50: I1 in phase ADM, I2 in phase LAP, both in aspect A. */
function twoPhases(scale: Scale = ZERO_TO_TEN): Instrument {
  return buildInstrument(
    {
      A: [
        { code: 'I1', weight: 50, phase: 'ADM', scale },
        { code: 'I2', weight: 50, phase: 'LAP', scale },
      ],
    },
    ['ADM', 'LAP'],
  );
}

function rules(overrides: Partial<Rules> = {}): Rules {
  return { ...DEFAULT_RULES, ...overrides };
}

function site(code: string, category: string | null = null): RankingSite {
  return { code, name: `Desa ${code}`, category };
}

function juror(code: string, opts: { aspects?: string[]; recused?: string[] } = {}): RankingJuror {
  return { code, aspects: opts.aspects ?? null, recusedSites: opts.recused ?? [] };
}

/** scores('S01', 'J1', { I1: 8, I2: 6 }) */
function scores(siteCode: string, jurorCode: string, values: Record<string, number>): RankingScore[] {
  return Object.entries(values).map(([indicator, value]) => ({ site: siteCode, juror: jurorCode, indicator, value }));
}

interface Setup {
  instrument: Instrument;
  rules?: Partial<Rules>;
  sites: RankingSite[];
  jurors: RankingJuror[];
  scores: RankingScore[];
  /** Default: every (site, juror) pair finalised. */
  finalised?: { site: string; juror: string }[];
}

function run(setup: Setup): Ranking {
  const finalisedSheets = setup.finalised ?? setup.sites.flatMap((s) => setup.jurors.map((j) => ({ site: s.code, juror: j.code })));
  return rankSites({
    competition: 'UJI-2026',
    instrument: setup.instrument,
    rules: rules(setup.rules),
    sites: setup.sites,
    jurors: setup.jurors,
    scores: setup.scores,
    finalisedSheets,
  });
}

function bySite(ranking: Ranking, code: string): RankedSite {
  const found = ranking.ranking.find((r) => r.site === code);
  if (!found) throw new Error(`site ${code} not in ranking`);
  return found;
}

/** The columns a reader of the ranking sees, in listed order. */
function table(ranking: Ranking): [string, number, string | null, boolean, string | null][] {
  return ranking.ranking.map((r) => [r.site, r.rank, r.decidedBy, r.tied, r.label]);
}

// ---------------------------------------------------------------------------------------------------------------

describe('aggregate', () => {
  it('mean, trimmed-mean and median of hand-picked values', () => {
    // mean of 10, 9, 6, 6, 0 = 31 / 5 = 6.2
    expect(aggregate([10, 9, 6, 6, 0], 'mean')).toBeCloseTo(6.2, 12);
    // trimmed (5 values): drop one 10 and one 0 → (9 + 6 + 6) / 3 = 7
    expect(aggregate([10, 9, 6, 6, 0], 'trimmed-mean')).toBeCloseTo(7, 12);
    // trimmed drops exactly ONE highest and ONE lowest even when they repeat: 5,5,5,1,1 → (5+5+1)/3 = 11/3
    expect(aggregate([5, 5, 5, 1, 1], 'trimmed-mean')).toBeCloseTo(11 / 3, 12);
    // trimmed with 4 values is the plain mean: (10 + 9 + 6 + 0) / 4 = 6.25
    expect(aggregate([10, 9, 6, 0], 'trimmed-mean')).toBeCloseTo(6.25, 12);
    // median, odd count: sorted 0, 6, 6, 9, 10 → 6
    expect(aggregate([10, 9, 6, 6, 0], 'median')).toBe(6);
    // median, even count: sorted 0, 6, 9, 10 → (6 + 9) / 2 = 7.5
    expect(aggregate([10, 9, 6, 0], 'median')).toBe(7.5);
    // no score at all → 0
    expect(aggregate([], 'mean')).toBe(0);
    expect(aggregate([], 'median')).toBe(0);
    expect(aggregate([], 'trimmed-mean')).toBe(0);
  });
});

describe('rankSites: points', () => {
  // Aspect A: A1 (w 30, ADM), A2 (w 20, LAP); aspect B: B1 (w 50, LAP); scale 1–5 step 1 (min 1 matters for range).
  const instrument = buildInstrument(
    {
      A: [
        { code: 'A1', weight: 30, phase: 'ADM' },
        { code: 'A2', weight: 20, phase: 'LAP' },
      ],
      B: [{ code: 'B1', weight: 50, phase: 'LAP' }],
    },
    ['ADM', 'LAP'],
    { min: 1, max: 5, step: 1 },
  );
  const base = {
    instrument,
    sites: [site('S01')],
    jurors: [juror('J1'), juror('J2')],
    scores: [...scores('S01', 'J1', { A1: 4, A2: 5, B1: 3 }), ...scores('S01', 'J2', { A1: 2, A2: 5, B1: 4 })],
  };

  it('plain mean with normalise max: score / max', () => {
    const r = run({ ...base, rules: { aggregation: 'mean', normalise: 'max' } });
    const s = bySite(r, 'S01');
    // A1: mean(4/5, 2/5) = 0.6 → 30 × 0.6 = 18
    // A2: mean(5/5, 5/5) = 1   → 20 × 1   = 20
    // B1: mean(3/5, 4/5) = 0.7 → 50 × 0.7 = 35
    // total 73; aspect A = 18 + 20 = 38, B = 35; phase ADM = 18, LAP = 20 + 35 = 55
    expect(s.total).toBeCloseTo(73, 9);
    expect(s.aspects.A).toBeCloseTo(38, 9);
    expect(s.aspects.B).toBeCloseTo(35, 9);
    expect(s.phases.ADM).toBeCloseTo(18, 9);
    expect(s.phases.LAP).toBeCloseTo(55, 9);
    expect(s.complete).toBe(true);
    expect([s.scored, s.expected]).toEqual([6, 6]);
    expect([s.rank, s.label, s.decidedBy, s.tied]).toEqual([1, 'Juara I', null, false]);
    expect(r.aggregation).toBe('mean');
    expect(r.normalise).toBe('max');
    expect(r.complete).toBe(true);
    expect(r.finalised).toBe(true);
  });

  it('normalise range: (score − min) / (max − min), so the lowest level earns nothing', () => {
    const r = run({ ...base, rules: { normalise: 'range' } });
    const s = bySite(r, 'S01');
    // A1: mean((4−1)/4, (2−1)/4) = mean(0.75, 0.25) = 0.5   → 30 × 0.5   = 15
    // A2: mean(1, 1) = 1                                     → 20 × 1     = 20
    // B1: mean((3−1)/4, (4−1)/4) = mean(0.5, 0.75) = 0.625  → 50 × 0.625 = 31.25
    // total 66.25; A = 35, B = 31.25; ADM = 15, LAP = 51.25
    expect(s.total).toBeCloseTo(66.25, 9);
    expect(s.aspects.A).toBeCloseTo(35, 9);
    expect(s.aspects.B).toBeCloseTo(31.25, 9);
    expect(s.phases.ADM).toBeCloseTo(15, 9);
    expect(s.phases.LAP).toBeCloseTo(51.25, 9);
    expect(r.normalise).toBe('range');
  });

  it('a juror who gives the lowest level everywhere: 20 under max, 0 under range', () => {
    const low = { ...base, jurors: [juror('J1')], scores: scores('S01', 'J1', { A1: 1, A2: 1, B1: 1 }) };
    // max: every indicator 1/5 = 0.2 → 100 × 0.2 = 20; range: (1−1)/4 = 0 → 0
    expect(bySite(run({ ...low, rules: { normalise: 'max' } }), 'S01').total).toBeCloseTo(20, 9);
    expect(bySite(run({ ...low, rules: { normalise: 'range' } }), 'S01').total).toBe(0);
  });
});

describe('rankSites: aggregation over jurors', () => {
  const instrument = singleIndicator(); // I1, weight 100, scale 0–10: total = 10 × aggregate of raw scores
  const five = ['J1', 'J2', 'J3', 'J4', 'J5'];
  const fiveScores = [10, 9, 6, 6, 0];

  function setupWith(jurorCodes: string[], values: number[]): Setup {
    return {
      instrument,
      sites: [site('S01')],
      jurors: jurorCodes.map((c) => juror(c)),
      scores: jurorCodes.flatMap((c, i) => scores('S01', c, { I1: values[i]! })),
    };
  }

  it('trimmed-mean with 5 jurors drops one highest and one lowest', () => {
    // (9 + 6 + 6) / 3 = 7 → 0.7 → 70   (the plain mean would be 6.2 → 62, the median 6 → 60)
    const r = run({ ...setupWith(five, fiveScores), rules: { aggregation: 'trimmed-mean' } });
    expect(bySite(r, 'S01').total).toBeCloseTo(70, 9);
    expect(r.aggregation).toBe('trimmed-mean');
  });

  it('trimmed-mean with 4 jurors is the plain mean', () => {
    // 10, 9, 6, 0 → (10 + 9 + 6 + 0) / 4 = 6.25 → 62.5   (trimming would give (9 + 6) / 2 = 7.5 → 75)
    const r = run({ ...setupWith(['J1', 'J2', 'J3', 'J4'], [10, 9, 6, 0]), rules: { aggregation: 'trimmed-mean' } });
    expect(bySite(r, 'S01').total).toBeCloseTo(62.5, 9);
  });

  it('trimmed-mean counts only jurors who scored: 5 eligible but 4 scored → plain mean', () => {
    // J5 has not scored: values 10, 9, 6, 6 → mean 31 / 4 = 7.75 → 77.5 (trimming would give (9 + 6) / 2 → 75)
    const setup = setupWith(five, fiveScores);
    const r = run({ ...setup, scores: setup.scores.filter((s) => s.juror !== 'J5'), rules: { aggregation: 'trimmed-mean' } });
    expect(bySite(r, 'S01').total).toBeCloseTo(77.5, 9);
    expect(bySite(r, 'S01').complete).toBe(false);
  });

  it('mean over the same 5 jurors', () => {
    // (10 + 9 + 6 + 6 + 0) / 5 = 6.2 → 62
    expect(bySite(run({ ...setupWith(five, fiveScores), rules: { aggregation: 'mean' } }), 'S01').total).toBeCloseTo(62, 9);
  });

  it('median with an odd count takes the middle value', () => {
    // sorted 0, 6, 6, 9, 10 → 6 → 60
    expect(bySite(run({ ...setupWith(five, fiveScores), rules: { aggregation: 'median' } }), 'S01').total).toBeCloseTo(60, 9);
  });

  it('median with an even count takes the mean of the two middle values', () => {
    // sorted 0, 6, 9, 10 → (6 + 9) / 2 = 7.5 → 75
    const r = run({ ...setupWith(['J1', 'J2', 'J3', 'J4'], [10, 9, 6, 0]), rules: { aggregation: 'median' } });
    expect(bySite(r, 'S01').total).toBeCloseTo(75, 9);
  });
});

describe('rankSites: ties and tie-breaks', () => {
  it('a tie on the total is broken by the tieBreak phase entry, named as written', () => {
    // I1 (w 50, ADM), I2 (w 50, LAP), scale 0–10, one juror.
    // S01: I1 6, I2 8 → 30 + 40 = 70, LAP 40
    // S02: I1 8, I2 6 → 40 + 30 = 70, LAP 30
    const r = run({
      instrument: twoPhases(),
      rules: { tieBreak: ['phase:LAP'] },
      sites: [site('S02'), site('S01')], // site order must not decide
      jurors: [juror('J1')],
      scores: [...scores('S01', 'J1', { I1: 6, I2: 8 }), ...scores('S02', 'J1', { I1: 8, I2: 6 })],
    });
    expect(bySite(r, 'S01').total).toBeCloseTo(70, 9);
    expect(bySite(r, 'S02').total).toBeCloseTo(70, 9);
    expect(table(r)).toEqual([
      ['S01', 1, null, false, 'Juara I'],
      ['S02', 2, 'phase:LAP', false, 'Juara II'],
    ]);
    expect(r.tieBreak).toEqual(['phase:LAP']);
  });

  it('an aspect entry breaks a tie the same way, after an earlier entry that does not differ', () => {
    // Aspect X: X1 (w 40, P); aspect Y: Y1 (w 60, P). One phase, so phase:P never differs between equal totals.
    // S01: X1 10, Y1 0  → 40 + 0  = 40; X 40
    // S02: X1 4,  Y1 4  → 16 + 24 = 40; X 16
    const instrument = buildInstrument({ X: [{ code: 'X1', weight: 40, phase: 'P' }], Y: [{ code: 'Y1', weight: 60, phase: 'P' }] }, ['P']);
    const r = run({
      instrument,
      rules: { tieBreak: ['phase:P', 'aspect:X'] },
      sites: [site('S01'), site('S02')],
      jurors: [juror('J1')],
      scores: [...scores('S01', 'J1', { X1: 10, Y1: 0 }), ...scores('S02', 'J1', { X1: 4, Y1: 4 })],
    });
    expect(table(r)).toEqual([
      ['S01', 1, null, false, 'Juara I'],
      ['S02', 2, 'aspect:X', false, 'Juara II'],
    ]);
    // With aspect:Y instead, S02 (Y 24) beats S01 (Y 0).
    const r2 = run({
      instrument,
      rules: { tieBreak: ['aspect:Y'] },
      sites: [site('S01'), site('S02')],
      jurors: [juror('J1')],
      scores: [...scores('S01', 'J1', { X1: 10, Y1: 0 }), ...scores('S02', 'J1', { X1: 4, Y1: 4 })],
    });
    expect(table(r2)).toEqual([
      ['S02', 1, null, false, 'Juara I'],
      ['S01', 2, 'aspect:Y', false, 'Juara II'],
    ]);
  });

  // I1 (w 60, ADM), I2 (w 40, LAP), scale 0–100000 step 1: points = weight × score / 100000.
  const fine: Scale = { min: 0, max: 100000, step: 1 };
  const fineInstrument = buildInstrument(
    {
      A: [
        { code: 'I1', weight: 60, phase: 'ADM', scale: fine },
        { code: 'I2', weight: 40, phase: 'LAP', scale: fine },
      ],
    },
    ['ADM', 'LAP'],
  );

  it('totals that differ only past the precision are tied (80.004 vs 79.996 → both 80.00)', () => {
    // S01: I1 = I2 = 79996 → 60 × 0.79996 + 40 × 0.79996 = 47.9976 + 31.9984 = 79.996
    // S02: I1 = I2 = 80004 → 48.0024 + 32.0016 = 80.004
    // At precision 2: totals 80.00 = 80.00; LAP 32.00 = 32.00 → still equal → same rank, listed by code.
    const setup: Setup = {
      instrument: fineInstrument,
      rules: { precision: 2, tieBreak: ['phase:LAP'] },
      sites: [site('S02'), site('S01')],
      jurors: [juror('J1')],
      scores: [...scores('S01', 'J1', { I1: 79996, I2: 79996 }), ...scores('S02', 'J1', { I1: 80004, I2: 80004 })],
    };
    const r = run(setup);
    expect(bySite(r, 'S01').total).toBeCloseTo(79.996, 9); // unrounded in the result
    expect(bySite(r, 'S02').total).toBeCloseTo(80.004, 9);
    expect(table(r)).toEqual([
      ['S01', 1, null, true, 'Juara I'],
      ['S02', 1, 'tied', true, 'Juara I'],
    ]);
    // At precision 3 the totals differ: 80.004 > 79.996, and S02 wins on the total.
    const r3 = run({ ...setup, rules: { precision: 3, tieBreak: ['phase:LAP'] } });
    expect(table(r3)).toEqual([
      ['S02', 1, null, false, 'Juara I'],
      ['S01', 2, 'total', false, 'Juara II'],
    ]);
    expect(r3.precision).toBe(3);
  });

  it('a rounding tie on the total is decided by the tie-break even against the higher raw total', () => {
    // S01: I2 = 100000 → LAP 40;  I1 = 66660 → 60 × 0.6666 = 39.996;  total 79.996
    // S02: I2 = 75000  → LAP 30;  I1 = 83340 → 60 × 0.8334 = 50.004;  total 80.004
    // precision 2: totals both 80.00; LAP 40.00 > 30.00 → S01 first, S02 decided by phase:LAP.
    const r = run({
      instrument: fineInstrument,
      rules: { precision: 2, tieBreak: ['phase:LAP'] },
      sites: [site('S01'), site('S02')],
      jurors: [juror('J1')],
      scores: [...scores('S01', 'J1', { I1: 66660, I2: 100000 }), ...scores('S02', 'J1', { I1: 83340, I2: 75000 })],
    });
    expect(bySite(r, 'S01').total).toBeCloseTo(79.996, 9);
    expect(bySite(r, 'S02').total).toBeCloseTo(80.004, 9);
    expect(bySite(r, 'S01').phases.LAP).toBeCloseTo(40, 9);
    expect(bySite(r, 'S02').phases.LAP).toBeCloseTo(30, 9);
    expect(table(r)).toEqual([
      ['S01', 1, null, false, 'Juara I'],
      ['S02', 2, 'phase:LAP', false, 'Juara II'],
    ]);
  });

  it('shared ranks 1, 2, 3, 3, 5 with their decidedBy, tied and labels', () => {
    // I1 (w 50, ADM), I2 (w 50, LAP), scale 0–10, one juror; tieBreak phase:LAP.
    // S01: 10, 8 → 50 + 40 = 90            → rank 1
    // S02:  8, 8 → 40 + 40 = 80, LAP 40    → rank 2 (below S01 on total)
    // S03: 10, 6 → 50 + 30 = 80, LAP 30    → rank 3 (same total as S02, lower LAP)
    // S04: 10, 6 → 80, LAP 30              → rank 3 (equal to S03 on every key; listed after it by code)
    // S05:  6, 6 → 30 + 30 = 60            → rank 5
    const r = run({
      instrument: twoPhases(),
      rules: { tieBreak: ['phase:LAP'] },
      sites: [site('S04'), site('S05'), site('S01'), site('S03'), site('S02')],
      jurors: [juror('J1')],
      scores: [
        ...scores('S01', 'J1', { I1: 10, I2: 8 }),
        ...scores('S02', 'J1', { I1: 8, I2: 8 }),
        ...scores('S03', 'J1', { I1: 10, I2: 6 }),
        ...scores('S04', 'J1', { I1: 10, I2: 6 }),
        ...scores('S05', 'J1', { I1: 6, I2: 6 }),
      ],
    });
    expect(r.ranking.map((s) => s.total)).toEqual([90, 80, 80, 80, 60].map((x) => expect.closeTo(x, 9)));
    expect(table(r)).toEqual([
      ['S01', 1, null, false, 'Juara I'],
      ['S02', 2, 'total', false, 'Juara II'],
      ['S03', 3, 'phase:LAP', true, 'Juara III'],
      ['S04', 3, 'tied', true, 'Juara III'],
      ['S05', 5, 'total', false, 'Harapan II'],
    ]);
  });

  it('labels follow the rank through rules.labels and stop past the list', () => {
    // Scores 10, 9, 8 → totals 100, 90, 80 with labels ['Terbaik', 'Kedua']: the third gets none.
    const r = run({
      instrument: singleIndicator(),
      rules: { labels: ['Terbaik', 'Kedua'] },
      sites: [site('S01'), site('S02'), site('S03')],
      jurors: [juror('J1')],
      scores: [...scores('S01', 'J1', { I1: 10 }), ...scores('S02', 'J1', { I1: 9 }), ...scores('S03', 'J1', { I1: 8 })],
    });
    expect(r.ranking.map((s) => s.label)).toEqual(['Terbaik', 'Kedua', null]);
  });
});

describe('rankSites: eligibility and completeness', () => {
  it('ignores the scores of a juror recused from a site', () => {
    // I1 w 100, scale 0–10. J2 is recused from S01.
    // S01: only J1 counts: 8 → 80 (counting J2's 2 would give mean 5 → 50)
    // S02: J1 6, J2 4 → mean 5 → 50
    const r = run({
      instrument: singleIndicator(),
      sites: [site('S01'), site('S02')],
      jurors: [juror('J1'), juror('J2', { recused: ['S01'] })],
      scores: [
        ...scores('S01', 'J1', { I1: 8 }),
        ...scores('S01', 'J2', { I1: 2 }),
        ...scores('S02', 'J1', { I1: 6 }),
        ...scores('S02', 'J2', { I1: 4 }),
      ],
      // (S01, J2) is not a sheet, so it needs no finalising.
      finalised: [
        { site: 'S01', juror: 'J1' },
        { site: 'S02', juror: 'J1' },
        { site: 'S02', juror: 'J2' },
      ],
    });
    const s01 = bySite(r, 'S01');
    expect(s01.total).toBeCloseTo(80, 9);
    expect(s01.complete).toBe(true);
    expect([s01.scored, s01.expected]).toEqual([1, 1]);
    expect(bySite(r, 'S02').total).toBeCloseTo(50, 9);
    expect(r.complete).toBe(true);
    expect(r.finalised).toBe(true);
  });

  it('a juror with an empty aspects list scores nothing, even if scores for them are in the input', () => {
    // J2 has aspects []: not eligible anywhere. S01: J1 6 → 60 (J2's 10 would make it mean 8 → 80).
    const r = run({
      instrument: singleIndicator(),
      sites: [site('S01')],
      jurors: [juror('J1'), juror('J2', { aspects: [] })],
      scores: [...scores('S01', 'J1', { I1: 6 }), ...scores('S01', 'J2', { I1: 10 })],
      finalised: [{ site: 'S01', juror: 'J1' }], // J2 has no sheet to finalise
    });
    const s = bySite(r, 'S01');
    expect(s.total).toBeCloseTo(60, 9);
    expect([s.scored, s.expected]).toEqual([1, 1]);
    expect(s.complete).toBe(true);
    expect(r.finalised).toBe(true);
  });

  it('a missing score makes the site incomplete: it keeps its rank but loses its label', () => {
    // I1 (w 50, ADM), I2 (w 50, LAP), scale 0–10, jurors J1 and J2 (all aspects).
    // S01: all 10 → 100
    // S02: J1 8, 8; J2 I1 8, I2 missing → I1 mean 0.8 → 40; I2 over the juror who scored: 0.8 → 40; total 80
    // S03: all 6 → 60
    const r = run({
      instrument: twoPhases(),
      sites: [site('S01'), site('S02'), site('S03')],
      jurors: [juror('J1'), juror('J2')],
      scores: [
        ...scores('S01', 'J1', { I1: 10, I2: 10 }),
        ...scores('S01', 'J2', { I1: 10, I2: 10 }),
        ...scores('S02', 'J1', { I1: 8, I2: 8 }),
        ...scores('S02', 'J2', { I1: 8 }),
        ...scores('S03', 'J1', { I1: 6, I2: 6 }),
        ...scores('S03', 'J2', { I1: 6, I2: 6 }),
      ],
    });
    const s02 = bySite(r, 'S02');
    expect(s02.total).toBeCloseTo(80, 9);
    expect(s02.complete).toBe(false);
    expect([s02.scored, s02.expected]).toEqual([3, 4]);
    expect(table(r)).toEqual([
      ['S01', 1, null, false, 'Juara I'],
      ['S02', 2, 'total', false, null],
      ['S03', 3, 'total', false, 'Juara III'],
    ]);
    expect(r.ranking.map((s) => s.complete)).toEqual([true, false, true]);
    expect(r.complete).toBe(false);
  });

  it('an indicator with no eligible juror makes the site incomplete and counts 0', () => {
    // Aspect A: A1 (w 60); aspect B: B1 (w 40); scale 0–10. The only juror scores aspect A only.
    // S01: A1 10 → 60; B1 has no eligible juror → aggregate 0 → 0 points; total 60, incomplete.
    const instrument = buildInstrument({ A: [{ code: 'A1', weight: 60, phase: 'P' }], B: [{ code: 'B1', weight: 40, phase: 'P' }] }, ['P']);
    const r = run({
      instrument,
      sites: [site('S01')],
      jurors: [juror('J1', { aspects: ['A'] })],
      scores: [...scores('S01', 'J1', { A1: 10, B1: 10 })], // B1's score comes from a juror not eligible for B
    });
    const s = bySite(r, 'S01');
    expect(s.total).toBeCloseTo(60, 9);
    expect(s.aspects).toEqual({ A: expect.closeTo(60, 9), B: 0 });
    expect(s.complete).toBe(false);
    expect([s.scored, s.expected]).toEqual([1, 1]);
    expect([s.rank, s.label]).toEqual([1, null]);
    expect(r.complete).toBe(false);
  });

  it('is not complete with zero sites, but is finalised (there are no sheets)', () => {
    const r = run({ instrument: singleIndicator(), sites: [], jurors: [juror('J1')], scores: [] });
    expect(r.ranking).toEqual([]);
    expect(r.complete).toBe(false);
    expect(r.finalised).toBe(true);
  });

  describe('finalised', () => {
    // Aspects A (A1 w 50) and B (B1 w 50). J1 scores everything; J2 only B and is recused from S02; J3 scores nothing.
    // Sheets: (S01,J1), (S02,J1), (S01,J2). Not sheets: (S02,J2) recused, (S01,J3) and (S02,J3) no aspects.
    const instrument = buildInstrument({ A: [{ code: 'A1', weight: 50, phase: 'P' }], B: [{ code: 'B1', weight: 50, phase: 'P' }] }, ['P']);
    const base: Setup = {
      instrument,
      sites: [site('S01'), site('S02')],
      jurors: [juror('J1'), juror('J2', { aspects: ['B'], recused: ['S02'] }), juror('J3', { aspects: [] })],
      scores: [...scores('S01', 'J1', { A1: 5, B1: 5 }), ...scores('S02', 'J1', { A1: 5, B1: 5 }), ...scores('S01', 'J2', { B1: 5 })],
    };
    const sheets = [
      { site: 'S01', juror: 'J1' },
      { site: 'S02', juror: 'J1' },
      { site: 'S01', juror: 'J2' },
    ];

    it('is true when every sheet is finalised, whatever the non-sheets', () => {
      const r = run({ ...base, finalised: sheets });
      expect(r.finalised).toBe(true);
      expect(r.complete).toBe(true);
    });

    it('is false when one sheet is still a draft, though drafts count in the scores', () => {
      const r = run({ ...base, finalised: sheets.filter((s) => !(s.site === 'S01' && s.juror === 'J2')) });
      expect(r.finalised).toBe(false);
      // Draft scores still count: S01 B1 = mean(5/10, 5/10) = 0.5 → 25; A1 0.5 → 25; total 50, complete.
      expect(bySite(r, 'S01').total).toBeCloseTo(50, 9);
      expect(r.complete).toBe(true);
    });

    it('is false with no sheet finalised', () => {
      expect(run({ ...base, finalised: [] }).finalised).toBe(false);
    });
  });
});

describe('rankSites: rankBy category', () => {
  it('ranks each category on its own, groups in order of first appearance, equal keys by code point', () => {
    // I1 w 100, scale 0–10, one juror: total = 10 × score.
    // Site order: K2 (kota 70), d1 (desa 50), D2 (desa 50), K1 (kota 90), L1 (kelurahan 30), D3 (desa 80)
    // Groups in order of first appearance: kota, desa, kelurahan.
    // kota:      K1 90 (1), K2 70 (2, total)
    // desa:      D3 80 (1), D2 50 (2, total), d1 50 (2, tied) — 'D' (U+0044) before 'd' (U+0064)
    // kelurahan: L1 30 (1)
    const values: [string, string, number][] = [
      ['K2', 'kota', 7],
      ['d1', 'desa', 5],
      ['D2', 'desa', 5],
      ['K1', 'kota', 9],
      ['L1', 'kelurahan', 3],
      ['D3', 'desa', 8],
    ];
    const r = run({
      instrument: singleIndicator(),
      rules: { rankBy: 'category' },
      sites: values.map(([code, category]) => site(code, category)),
      jurors: [juror('J1')],
      scores: values.flatMap(([code, , value]) => scores(code, 'J1', { I1: value })),
    });
    expect(r.rankBy).toBe('category');
    expect(r.ranking.map((s) => [s.category, s.site, s.rank, s.decidedBy, s.tied, s.label])).toEqual([
      ['kota', 'K1', 1, null, false, 'Juara I'],
      ['kota', 'K2', 2, 'total', false, 'Juara II'],
      ['desa', 'D3', 1, null, false, 'Juara I'],
      ['desa', 'D2', 2, 'total', true, 'Juara II'],
      ['desa', 'd1', 2, 'tied', true, 'Juara II'],
      ['kelurahan', 'L1', 1, null, false, 'Juara I'],
    ]);
  });

  it('with rankBy all, categories do not split the ranking and a missing category is null', () => {
    // S01 (desa) 5 → 50, S02 (no category) 9 → 90
    const r = run({
      instrument: singleIndicator(),
      rules: { rankBy: 'all' },
      sites: [site('S01', 'desa'), site('S02', null)],
      jurors: [juror('J1')],
      scores: [...scores('S01', 'J1', { I1: 5 }), ...scores('S02', 'J1', { I1: 9 })],
    });
    expect(r.ranking.map((s) => [s.site, s.category, s.rank])).toEqual([
      ['S02', null, 1],
      ['S01', 'desa', 2],
    ]);
  });
});

describe('compareCodePoints', () => {
  it('orders by Unicode code point, not locale and not UTF-16 units', () => {
    expect(compareCodePoints('B', 'a')).toBeLessThan(0); // 0x42 < 0x61 (a locale order would put 'a' first)
    expect(compareCodePoints('S10', 'S9')).toBeLessThan(0); // '1' < '9': no numeric collation
    expect(compareCodePoints('S01', 'S01')).toBe(0);
    expect(compareCodePoints('S0', 'S01')).toBeLessThan(0); // a prefix first
    expect(compareCodePoints('S01', 'S0')).toBeGreaterThan(0);
    // U+FF21 (fullwidth A) vs U+1F600 (emoji, UTF-16 surrogates 0xD83D 0xDE00):
    // by code point FF21 < 1F600; by UTF-16 units 0xD83D < 0xFF21 would give the opposite.
    expect(compareCodePoints('\uFF21', '\u{1F600}')).toBeLessThan(0);
    expect('\uFF21' < '\u{1F600}').toBe(false); // the naive comparison gets it the other way round
  });

  it('lists sites with equal keys by code point in a ranking', () => {
    // Both score 5 → 50 and tie; U+FF21 must come before U+1F600.
    const r = run({
      instrument: singleIndicator(),
      sites: [site('\u{1F600}'), site('\uFF21')],
      jurors: [juror('J1')],
      scores: [...scores('\u{1F600}', 'J1', { I1: 5 }), ...scores('\uFF21', 'J1', { I1: 5 })],
    });
    expect(table(r)).toEqual([
      ['\uFF21', 1, null, true, 'Juara I'],
      ['\u{1F600}', 1, 'tied', true, 'Juara I'],
    ]);
  });
});

describe('rankSites: options scales', () => {
  // a–d → 4/3/2/1, listed out of value order on purpose: min and max come from the values.
  const options: Scale = {
    options: [
      { key: 'b', value: 3 },
      { key: 'a', value: 4 },
      { key: 'd', value: 1 },
      { key: 'c', value: 2 },
    ],
  };

  function optionsRun(normalise: Rules['normalise']): Ranking {
    return run({
      instrument: singleIndicator(options),
      rules: { normalise },
      sites: [site('S01'), site('S02'), site('S03')],
      jurors: [juror('J1')],
      scores: [...scores('S01', 'J1', { I1: 3 }), ...scores('S02', 'J1', { I1: 1 }), ...scores('S03', 'J1', { I1: 4 })],
    });
  }

  it('normalise max divides by the largest value', () => {
    // b = 3 → 3 / 4 = 0.75 → 75; d = 1 → 1 / 4 → 25; a = 4 → 100
    const r = optionsRun('max');
    expect(bySite(r, 'S01').total).toBeCloseTo(75, 9);
    expect(bySite(r, 'S02').total).toBeCloseTo(25, 9);
    expect(bySite(r, 'S03').total).toBeCloseTo(100, 9);
    expect(r.ranking.map((s) => s.site)).toEqual(['S03', 'S01', 'S02']);
  });

  it('normalise range uses the smallest and largest values', () => {
    // b = 3 → (3 − 1) / (4 − 1) = 2/3 → 66.666… (66.67 at precision 2); d = 1 → 0; a = 4 → 100
    const r = optionsRun('range');
    expect(bySite(r, 'S01').total).toBeCloseTo(200 / 3, 9);
    expect(bySite(r, 'S02').total).toBe(0);
    expect(bySite(r, 'S03').total).toBeCloseTo(100, 9);
  });
});
