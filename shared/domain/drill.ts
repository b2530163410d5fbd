/**
 * A site's points opened up (issue 10, the drill-down): by aspect and phase with their maximum, by indicator
 * (weight, aggregate, points), then each eligible juror's score with its normalised value, the spread between the
 * jurors and the outliers (contract.md section 6). Pure: computed from the same ranking input as the official
 * ranking, with the site's aspect, phase and total points taken from that ranking.
 */
import { isEligible } from './eligibility.js';
import { isOptionsScale, levelKey, listIndicators, scaleBounds, type Scale } from './instrument.js';
import { EPSILON, roundScaled } from './numbers.js';
import { aggregate, type RankedSite, type RankingInput } from './ranking.js';

/** The median of a list of numbers (of an even count: the mean of the two middle values); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The outlier rule of contract.md section 6, one statement for the drill-down and the agreement analysis: a juror's
 * score on a cell is an outlier when at least 2 other jurors scored the same cell and the score differs from the
 * median of their scores by at least half the scale's range (max − min). `others`: the other jurors' raw scores.
 * Returns the median of the others (null with fewer than 2) and whether the score is an outlier. Differences are
 * compared after the first rounding step of section 4.
 */
export function scoreOutlier(
  score: number,
  others: readonly number[],
  bounds: { min: number; max: number },
): { outlier: boolean; median: number | null } {
  if (others.length < 2) return { outlier: false, median: null };
  const m = median(others)!;
  // Compared after the first rounding step of section 4 (9 decimals), as every value the rules compare.
  const half = roundScaled((bounds.max - bounds.min) / 2, 9);
  return { outlier: roundScaled(Math.abs(score - m), 9) >= half, median: m };
}

/** The label a scale gives a level ("Cukup"), if any. */
export function levelLabel(scale: Scale, value: number): string | null {
  const key = levelKey(value);
  if (isOptionsScale(scale)) {
    const option = scale.options.find((o) => Math.abs(o.value - value) < EPSILON);
    return option?.label ?? scale.labels?.[key] ?? null;
  }
  return scale.labels?.[key] ?? null;
}

export interface DrillJurorScore {
  juror: string;
  /** The raw score, or null when this eligible juror has not scored the indicator yet. */
  score: number | null;
  /** The score as the ranking counts it (0–1, by the competition's `normalise`), or null. */
  normalised: number | null;
  /** The scale's label for the score ("Baik"), if the scale names its levels. */
  label: string | null;
  /** The rubric's description of that level for this indicator, if the instrument gives one. */
  rubric: string | null;
  /** The median of the other jurors' scores when at least 2 others scored (the outlier rule), else null. */
  othersMedian: number | null;
  outlier: boolean;
}

export interface DrillIndicator {
  code: string;
  name: string;
  aspect: string;
  phase: string;
  weight: number;
  scale: { min: number; max: number };
  /** The aggregate of the normalised scores (0–1) by the competition's aggregation; 0 with none. */
  aggregate: number;
  /** weight × aggregate, as the ranking adds it up. */
  points: number;
  /** The most the indicator can give: its weight. */
  maxPoints: number;
  /** Every eligible juror, in the competition's juror order. */
  jurors: DrillJurorScore[];
  /** Highest minus lowest score among the jurors who scored, normalised and raw; null with fewer than 2 scores. */
  spread: { normalised: number | null; raw: number | null };
}

export interface DrillGroup {
  code: string;
  name: string;
  points: number;
  /** Σ weights of its indicators. */
  max: number;
}

export interface SiteBreakdown {
  aspects: DrillGroup[];
  phases: DrillGroup[];
  indicators: DrillIndicator[];
}

/**
 * The drill-down of one site. `ranked`: the site's row of the official ranking, whose aspect and phase points are
 * shown (they are what the ranking compared); the indicators come from `input`, the same input.
 */
export function siteBreakdown(input: RankingInput, ranked: Pick<RankedSite, 'site' | 'aspects' | 'phases'>): SiteBreakdown {
  const { instrument, rules } = input;
  const scores = new Map<string, number>();
  for (const s of input.scores) if (s.site === ranked.site) scores.set(`${s.juror}\u0000${s.indicator}`, s.value);

  const indicators: DrillIndicator[] = listIndicators(instrument).map(({ indicator, aspect, scale }) => {
    const bounds = scaleBounds(scale);
    const normalise = (v: number) => (rules.normalise === 'max' ? v / bounds.max : (v - bounds.min) / (bounds.max - bounds.min));
    const eligible = input.jurors.filter((j) => isEligible(j, aspect.code, ranked.site));
    const raw = eligible.map((j) => scores.get(`${j.code}\u0000${indicator.code}`) ?? null);
    const given = raw.filter((v): v is number => v !== null);
    const normalised = given.map(normalise);
    const agg = aggregate(normalised, rules.aggregation);
    const jurors = eligible.map((j, i): DrillJurorScore => {
      const score = raw[i]!;
      if (score === null) return { juror: j.code, score, normalised: null, label: null, rubric: null, othersMedian: null, outlier: false };
      const others = raw.filter((v, k): v is number => k !== i && v !== null);
      const { outlier, median: othersMedian } = scoreOutlier(score, others, bounds);
      return {
        juror: j.code,
        score,
        normalised: normalise(score),
        label: levelLabel(scale, score),
        rubric: indicator.rubric?.[levelKey(score)] ?? null,
        othersMedian,
        outlier,
      };
    });
    const spread = (list: number[]) => (list.length < 2 ? null : Math.max(...list) - Math.min(...list));
    return {
      code: indicator.code,
      name: indicator.name,
      aspect: aspect.code,
      phase: indicator.phase,
      weight: indicator.weight,
      scale: bounds,
      aggregate: agg,
      points: indicator.weight * agg,
      maxPoints: indicator.weight,
      jurors,
      spread: { normalised: spread(normalised), raw: spread(given) },
    };
  });

  const max = (pick: (i: DrillIndicator) => string, code: string) =>
    indicators.filter((i) => pick(i) === code).reduce((s, i) => s + i.weight, 0);
  return {
    aspects: instrument.aspects.map((a) => ({
      code: a.code,
      name: a.name,
      points: ranked.aspects[a.code] ?? 0,
      max: max((i) => i.aspect, a.code),
    })),
    phases: instrument.phases.map((p) => ({
      code: p.code,
      name: p.name,
      points: ranked.phases[p.code] ?? 0,
      max: max((i) => i.phase, p.code),
    })),
    indicators,
  };
}
