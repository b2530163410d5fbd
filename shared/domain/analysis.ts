/**
 * How far the jurors agree, what the ranking would be without each juror, and other views beside the official
 * ranking (contract.md section 6). Pure: computed from the same ranking input as section 4 (`rankSites`), reading
 * only the scores of eligible jurors (shared/domain/eligibility.ts). The analysis domain (electron/core/analysis/),
 * the `agreement` and `sensitivity` commands and the UI's panels all call these functions.
 *
 * Words used below: a *cell* is one (site, indicator); a juror's *normalised score* on a cell is section 4's
 * (`max`: score / max; `range`: (score − min) / (max − min)); the *others' mean* on a cell is the mean normalised
 * score of the other eligible jurors who scored it.
 */
import type {
  Agreement,
  AlternativeView,
  AspectAgreement,
  DeviationCell,
  JurorLeniency,
  OutlierCell,
  Sensitivity,
  SensitivityChange,
  Views,
} from '../contract/analysis.js';
import { isEligible } from './eligibility.js';
import { listIndicators, scaleBounds } from './instrument.js';
import { roundScaled } from './numbers.js';
import { applyDecisions, type OfficialRanking, type PlenoDecision } from './pleno.js';
import { rankSites, type RankingInput, type RankingScore } from './ranking.js';

/** One eligible score, with what the analysis needs beside it. */
interface CellScore {
  juror: string;
  value: number;
  normalised: number;
}

interface Cell {
  site: string;
  indicator: string;
  aspect: string;
  weight: number;
  min: number;
  max: number;
  /** In the competition's juror order. */
  scores: CellScore[];
}

/** Every cell with its eligible scores, in site order then instrument order (cells nobody scored left out). */
function cellsOf(input: RankingInput): Cell[] {
  const byKey = new Map<string, number>();
  for (const s of input.scores) byKey.set(`${s.site}\u0000${s.juror}\u0000${s.indicator}`, s.value);
  const indicators = listIndicators(input.instrument);
  const cells: Cell[] = [];
  for (const site of input.sites) {
    for (const { indicator, aspect, scale } of indicators) {
      const { min, max } = scaleBounds(scale);
      const scores: CellScore[] = [];
      for (const juror of input.jurors) {
        if (!isEligible(juror, aspect.code, site.code)) continue;
        const value = byKey.get(`${site.code}\u0000${juror.code}\u0000${indicator.code}`);
        if (value === undefined) continue;
        const normalised = input.rules.normalise === 'max' ? value / max : (value - min) / (max - min);
        scores.push({ juror: juror.code, value, normalised });
      }
      if (scores.length > 0)
        cells.push({ site: site.code, indicator: indicator.code, aspect: aspect.code, weight: indicator.weight, min, max, scores });
    }
  }
  return cells;
}

/** The jurors (in competition order) who have at least one eligible score. */
function scoringJurors(input: RankingInput, cells: readonly Cell[]): string[] {
  const scored = new Set(cells.flatMap((c) => c.scores.map((s) => s.juror)));
  return input.jurors.map((j) => j.code).filter((code) => scored.has(code));
}

const mean = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0) / values.length;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A value as section 4 compares it before ranking: rounded to 9 decimals (the first rounding step), as an integer. */
const nine = (x: number): number => roundScaled(x, 9);

/**
 * Ranks 1 … n of the values, highest first, ties given the mean of the places they share; and Σ (t³ − t) over the
 * groups of t tied values. Values are compared after the first rounding step of section 4.
 */
export function averageRanks(values: readonly number[]): { ranks: number[]; ties: number } {
  const keyed = values.map((v, i) => ({ key: nine(v), i })).sort((a, b) => b.key - a.key);
  const ranks = new Array<number>(values.length).fill(0);
  let ties = 0;
  for (let start = 0; start < keyed.length;) {
    let end = start;
    while (end + 1 < keyed.length && keyed[end + 1]!.key === keyed[start]!.key) end += 1;
    const t = end - start + 1;
    const rank = (start + 1 + end + 1) / 2;
    for (let k = start; k <= end; k += 1) ranks[keyed[k]!.i] = rank;
    if (t > 1) ties += t ** 3 - t;
    start = end + 1;
  }
  return { ranks, ties };
}

/**
 * Kendall's W of m rankers over n objects with the tie correction: `points[j][i]` is ranker j's value for object i.
 * W = 12 S / (m² (n³ − n) − m Σ T), S = Σ_i (R_i − m (n + 1) / 2)², R_i the sum of object i's ranks.
 * Null when m < 2, n < 2 or the denominator is 0 (every ranker tied every object).
 */
export function kendallW(points: readonly (readonly number[])[]): number | null {
  const m = points.length;
  const n = points[0]?.length ?? 0;
  if (m < 2 || n < 2) return null;
  const sums = new Array<number>(n).fill(0);
  let tieSum = 0;
  for (const row of points) {
    const { ranks, ties } = averageRanks(row);
    ranks.forEach((r, i) => (sums[i]! += r));
    tieSum += ties;
  }
  const centre = (m * (n + 1)) / 2;
  const s = sums.reduce((acc, r) => acc + (r - centre) ** 2, 0);
  const denominator = m * m * (n ** 3 - n) - m * tieSum;
  if (denominator <= 0) return null;
  return (12 * s) / denominator;
}

/** Kendall's W per aspect (contract section 6), in instrument order. */
function aspectAgreement(input: RankingInput, cells: readonly Cell[]): Record<string, AspectAgreement> {
  const result: Record<string, AspectAgreement> = {};
  for (const aspect of input.instrument.aspects) {
    const own = cells.filter((c) => c.aspect === aspect.code);
    const scored = new Set(own.flatMap((c) => c.scores.map((s) => s.juror)));
    const jurors = input.jurors.map((j) => j.code).filter((code) => scored.has(code));
    const indicators = aspect.indicators.map((i) => i.code);
    const bySite = new Map<string, Map<string, Map<string, number>>>();
    for (const c of own) {
      const site = bySite.get(c.site) ?? new Map<string, Map<string, number>>();
      bySite.set(c.site, site);
      site.set(c.indicator, new Map(c.scores.map((s) => [s.juror, c.weight * s.normalised])));
    }
    const sites = input.sites
      .map((s) => s.code)
      .filter((site) => jurors.length > 0 && indicators.every((i) => jurors.every((j) => bySite.get(site)?.get(i)?.has(j))));
    // Aspect points of each juror at each of those sites: Σ weight × normalised score over the aspect's indicators.
    const points = jurors.map((j) => sites.map((site) => indicators.reduce((sum, i) => sum + bySite.get(site)!.get(i)!.get(j)!, 0)));
    result[aspect.code] = { w: kendallW(points), jurors, sites };
  }
  return result;
}

type Differences = readonly { juror: string; difference: number | null }[];

/** For each juror's score on a cell: its normalised score minus the others' mean (null with no other juror). */
function differences(cell: Cell): Differences {
  const k = cell.scores.length;
  const sum = cell.scores.reduce((acc, s) => acc + s.normalised, 0);
  return cell.scores.map((s) => ({ juror: s.juror, difference: k < 2 ? null : s.normalised - (sum - s.normalised) / (k - 1) }));
}

function leniencies(jurors: readonly string[], cells: readonly Cell[], diffs: readonly Differences[]): Record<string, JurorLeniency> {
  const totals = new Map<string, { sum: number; cells: number }>(jurors.map((j) => [j, { sum: 0, cells: 0 }]));
  cells.forEach((_, c) => {
    for (const d of diffs[c]!) {
      if (d.difference === null) continue;
      const total = totals.get(d.juror)!;
      total.sum += d.difference;
      total.cells += 1;
    }
  });
  return Object.fromEntries(
    jurors.map((j) => {
      const { sum, cells: count } = totals.get(j)!;
      return [j, { leniency: count === 0 ? null : sum / count, cells: count }];
    }),
  );
}

function outliers(cells: readonly Cell[]): OutlierCell[] {
  const found: OutlierCell[] = [];
  for (const cell of cells) {
    if (cell.scores.length < 3) continue; // each juror needs at least 2 others
    const half = nine((cell.max - cell.min) / 2);
    const sorted = cell.scores.map((s) => s.value).sort((a, b) => a - b);
    for (const s of cell.scores) {
      // the others' scores: the sorted values without one instance of this juror's own
      const others = [...sorted];
      others.splice(others.indexOf(s.value), 1);
      const m = median(others);
      if (nine(Math.abs(s.value - m)) >= half)
        found.push({ site: cell.site, juror: s.juror, indicator: cell.indicator, score: s.value, median: m });
    }
  }
  return found;
}

/**
 * The jurors × sites heatmap: per juror (who scored anything, competition order) and site (site order), the mean
 * over the cells they scored there that another juror also scored of (their normalised score − the others' mean);
 * null, with `cells` 0, where there is no such cell.
 */
export function deviations(input: RankingInput): DeviationCell[] {
  const cells = cellsOf(input);
  return deviationsOf(input, cells, cells.map(differences));
}

function deviationsOf(input: RankingInput, cells: readonly Cell[], perCell: readonly Differences[]): DeviationCell[] {
  const diffs = new Map<string, number[]>();
  for (const [c, cell] of cells.entries())
    for (const d of perCell[c]!) {
      if (d.difference === null) continue;
      const key = `${d.juror}\u0000${cell.site}`;
      const list = diffs.get(key);
      if (list) list.push(d.difference);
      else diffs.set(key, [d.difference]);
    }
  return scoringJurors(input, cells).flatMap((juror) =>
    input.sites.map((site) => {
      const list = diffs.get(`${juror}\u0000${site.code}`) ?? [];
      return { juror, site: site.code, deviation: list.length === 0 ? null : mean(list), cells: list.length };
    }),
  );
}

/**
 * Agreement (contract section 6): Kendall's W per aspect; each juror's leniency (over the cells they scored that
 * another juror also scored, the mean of their normalised score minus the others' mean: positive = more generous);
 * the outlier cells (a score at least half the scale's range from the median of at least 2 other jurors' scores on
 * the cell), in site order, then instrument order, then juror order; and the heatmap's deviations. Only the jurors
 * who scored anything are listed.
 */
export function agreement(input: RankingInput): Agreement {
  const cells = cellsOf(input);
  const diffs = cells.map(differences);
  return {
    competition: input.competition,
    aspects: aspectAgreement(input, cells),
    jurors: leniencies(scoringJurors(input, cells), cells, diffs),
    outliers: outliers(cells),
    deviations: deviationsOf(input, cells, diffs),
  };
}

/**
 * Sensitivity (contract section 6): for each juror who scored anything, the ranking of section 4 computed as if the
 * juror had no aspects, with the jury's decisions applied as they are to the official ranking (a decision whose
 * sites no longer share a rank is void there and changes nothing); `changes`: the sites whose label differs from
 * the official ranking's, in the official ranking's order.
 */
export function sensitivity(
  input: RankingInput,
  official: Pick<OfficialRanking, 'ranking'>,
  decisions: readonly PlenoDecision[],
): Sensitivity {
  const jurors = scoringJurors(input, cellsOf(input));
  const result: Sensitivity['jurors'] = {};
  for (const code of jurors) {
    // The juror with no aspects (their scores, no longer eligible, are left out too: the same ranking, less to read).
    const without: RankingInput = {
      ...input,
      jurors: input.jurors.map((j) => (j.code === code ? { ...j, aspects: [] } : j)),
      scores: input.scores.filter((s) => s.juror !== code),
    };
    const { ranking } = applyDecisions(rankSites(without), decisions, input.rules.labels);
    const labels = new Map(ranking.map((r) => [r.site, r.label]));
    const changes: SensitivityChange[] = official.ranking
      .filter((r) => (labels.get(r.site) ?? null) !== r.label)
      .map((r) => ({ site: r.site, label: r.label, labelWithout: labels.get(r.site) ?? null }));
    result[code] = { ranking, changes };
  }
  return { competition: input.competition, jurors: result };
}

/** The juror-normalised view needs at least this many jurors who scored and this many sites. */
export const JUROR_NORMALISED_MIN = { jurors: 3, sites: 6 } as const;

/** Population standard deviation. */
const deviation = (values: readonly number[], centre: number): number => Math.sqrt(mean(values.map((v) => (v - centre) ** 2)));

/**
 * The juror-normalised scores (the view `juror-normalised`). For juror j with normalised scores x over all the cells
 * they scored, mean μ_j and standard deviation σ_j (population); μ and σ the mean and standard deviation of every
 * juror's normalised scores together:
 *     z = (x − μ_j) / σ_j   (z = 0 when σ_j = 0),   x' = min(1, max(0, μ + σ · z)),
 * and x' is turned back into a score on the indicator's scale (`max`: x' · max; `range`: min + x' · (max − min)) so
 * that section 4's ranking, with the competition's own aggregation, reads it as the normalised score x'.
 */
export function jurorNormalisedScores(input: RankingInput): RankingScore[] {
  const cells = cellsOf(input);
  const all = cells.flatMap((c) => c.scores.map((s) => s.normalised));
  if (all.length === 0) return [];
  const mu = mean(all);
  const sigma = deviation(all, mu);
  const own = new Map<string, number[]>();
  for (const c of cells)
    for (const s of c.scores) {
      const list = own.get(s.juror);
      if (list) list.push(s.normalised);
      else own.set(s.juror, [s.normalised]);
    }
  const perJuror = new Map<string, { mu: number; sigma: number }>();
  for (const [juror, list] of own) {
    const m = mean(list);
    perJuror.set(juror, { mu: m, sigma: deviation(list, m) });
  }
  return cells.flatMap((c) =>
    c.scores.map((s) => {
      const j = perJuror.get(s.juror)!;
      const z = j.sigma === 0 ? 0 : (s.normalised - j.mu) / j.sigma;
      const mapped = Math.min(1, Math.max(0, mu + sigma * z));
      const value = input.rules.normalise === 'max' ? mapped * c.max : c.min + mapped * (c.max - c.min);
      return { site: c.site, juror: s.juror, indicator: c.indicator, value };
    }),
  );
}

/**
 * Rankings beside the official one (never the result of the competition): section 4's ranking with each of the
 * aggregations mean, trimmed-mean and median, and the juror-normalised view (`jurorNormalisedScores`, ranked with
 * the competition's own aggregation), available only with at least 3 jurors who scored and 6 sites.
 */
export function views(input: RankingInput): Views {
  const methods = ['mean', 'trimmed-mean', 'median'] as const;
  const list: AlternativeView[] = methods.map((method) => ({
    method,
    available: true,
    ranking: rankSites({ ...input, rules: { ...input.rules, aggregation: method } }).ranking,
  }));
  const jurors = scoringJurors(input, cellsOf(input)).length;
  const available = jurors >= JUROR_NORMALISED_MIN.jurors && input.sites.length >= JUROR_NORMALISED_MIN.sites;
  list.push({
    method: 'juror-normalised',
    available,
    ranking: available ? rankSites({ ...input, scores: jurorNormalisedScores(input) }).ranking : [],
  });
  return { competition: input.competition, official: input.rules.aggregation, views: list };
}
