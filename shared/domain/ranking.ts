/**
 * Scoring and ranking (contract.md section 4): normalised scores, aggregation over jurors, points per
 * indicator, aspect and phase, completeness, the ranking with its tie-break chain, shared ranks and labels.
 * Pure: `rank`, every report and the UI call this one function.
 */
import type { Rules } from './competition.js';
import { splitTieBreak } from './competition.js';
import { isEligible } from './eligibility.js';
import { listIndicators, scaleBounds, type Instrument } from './instrument.js';
import { roundScaled } from './numbers.js';

export interface RankingSite {
  code: string;
  name: string;
  category: string | null;
}

export interface RankingJuror {
  code: string;
  /** The aspects the juror scores; null means every aspect. */
  aspects: readonly string[] | null;
  recusedSites: readonly string[];
}

export interface RankingScore {
  site: string;
  juror: string;
  indicator: string;
  value: number;
}

export interface RankingInput {
  competition: string;
  instrument: Instrument;
  rules: Rules;
  /** In the competition's site order. */
  sites: readonly RankingSite[];
  jurors: readonly RankingJuror[];
  scores: readonly RankingScore[];
  /** Sheets (site, juror) that the juror has finalised. */
  finalisedSheets: readonly { site: string; juror: string }[];
}

export type DecidedBy = null | 'total' | 'tied' | string;

export interface RankedSite {
  rank: number;
  site: string;
  name: string;
  category: string | null;
  total: number;
  label: string | null;
  tied: boolean;
  complete: boolean;
  decidedBy: DecidedBy;
  aspects: Record<string, number>;
  phases: Record<string, number>;
  /** Eligible (juror, indicator) pairs scored, and how many there are. */
  scored: number;
  expected: number;
}

export interface Ranking {
  competition: string;
  aggregation: Rules['aggregation'];
  normalise: Rules['normalise'];
  precision: number;
  rankBy: Rules['rankBy'];
  tieBreak: string[];
  complete: boolean;
  finalised: boolean;
  ranking: RankedSite[];
}

/** Plain code-point order, as the contract asks (not UTF-16 unit order, not locale order). */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const ca = ia.next();
    const cb = ib.next();
    if (ca.done || cb.done) return ca.done && cb.done ? 0 : ca.done ? -1 : 1;
    const d = ca.value.codePointAt(0)! - cb.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
}

export function aggregate(values: readonly number[], method: Rules['aggregation']): number {
  const sorted = Float64Array.from(values).sort();
  return aggregateSorted(sorted, sorted.length, method);
}

/**
 * The aggregation over the first `n` values of `sorted` (ascending): the mean, the trimmed mean (without the lowest
 * and the highest from 5 values on) or the median; 0 for none. Summed from the lowest up, so every caller gets the
 * same number to the last bit.
 */
function aggregateSorted(sorted: Float64Array, n: number, method: Rules['aggregation']): number {
  if (n === 0) return 0;
  if (method === 'median') {
    const mid = Math.floor(n / 2);
    return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  }
  const from = method === 'trimmed-mean' && n >= 5 ? 1 : 0;
  const to = n - from;
  let sum = 0;
  for (let k = from; k < to; k += 1) sum += sorted[k]!;
  return sum / (to - from);
}

/**
 * The scores and finalised sheets of a `RankingInput` as arrays indexed by position (what the repository reads
 * straight from SQLite for the stress sizes): `values[(site × jurors + juror) × indicators + indicator]`, with the
 * positions of `sites`, `jurors` and the instrument's indicators in order (`listIndicators`), NaN where no score;
 * `finalised[site × jurors + juror]` is 1 for a finalised sheet.
 */
export interface ScoreGrid {
  values: Float64Array;
  finalised: Uint8Array;
}

/** A `RankingInput` whose scores and sheets are given as a `ScoreGrid` instead of lists. */
export type GridRankingInput = Omit<RankingInput, 'scores' | 'finalisedSheets'> & { grid: ScoreGrid };

function positions(codes: readonly string[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  codes.forEach((code, i) => {
    const list = map.get(code);
    if (list) list.push(i);
    else map.set(code, [i]);
  });
  return map;
}

/** The grid of a `RankingInput`'s lists: a later score of the same cell replaces an earlier one. */
export function scoreGrid(input: RankingInput): ScoreGrid {
  const indicators = listIndicators(input.instrument);
  const S = input.sites.length;
  const J = input.jurors.length;
  const I = indicators.length;
  const values = new Float64Array(S * J * I).fill(NaN);
  const finalised = new Uint8Array(S * J);
  const sitePos = positions(input.sites.map((s) => s.code));
  const jurorPos = positions(input.jurors.map((j) => j.code));
  const indicatorPos = positions(indicators.map((r) => r.indicator.code));
  for (const score of input.scores) {
    const ss = sitePos.get(score.site);
    const js = jurorPos.get(score.juror);
    const is = indicatorPos.get(score.indicator);
    if (!ss || !js || !is) continue;
    for (const s of ss) for (const j of js) for (const i of is) values[(s * J + j) * I + i] = score.value;
  }
  for (const sheet of input.finalisedSheets) {
    const ss = sitePos.get(sheet.site);
    const js = jurorPos.get(sheet.juror);
    if (!ss || !js) continue;
    for (const s of ss) for (const j of js) finalised[s * J + j] = 1;
  }
  return { values, finalised };
}

interface SiteResult extends Omit<RankedSite, 'rank' | 'label' | 'tied' | 'decidedBy'> {
  key: number[];
}

/**
 * The ranking of contract section 4. Takes the input with its scores as lists (`RankingInput`, what files, tests
 * and snapshots hold) or as a grid (`GridRankingInput`, what the app reads); the lists are put in a grid first, so
 * both are ranked by the same code below.
 */
export function rankSites(input: RankingInput | GridRankingInput): Ranking {
  const grid = 'grid' in input ? input.grid : scoreGrid(input);
  const { instrument, rules, sites, jurors } = input;
  const indicators = listIndicators(instrument);
  const J = jurors.length;
  const I = indicators.length;
  if (grid.values.length !== sites.length * J * I || grid.finalised.length !== sites.length * J)
    throw new Error('score grid does not fit the sites, jurors and indicators');

  // Per indicator: its aspect's and phase's slot, weight and normalisation; per aspect code, one slot.
  const aspectCodes = [...new Set(instrument.aspects.map((a) => a.code))];
  const phaseCodes = [...new Set([...instrument.phases.map((p) => p.code), ...indicators.map((r) => r.indicator.phase)])];
  const aspectSlot = indicators.map((r) => aspectCodes.indexOf(r.aspect.code));
  const phaseSlot = indicators.map((r) => phaseCodes.indexOf(r.indicator.phase));
  const weight = indicators.map((r) => r.indicator.weight);
  const bounds = indicators.map((r) => scaleBounds(r.scale));
  const byMax = rules.normalise === 'max';
  const values = new Float64Array(J);
  const eligible = new Uint8Array(J * aspectCodes.length);

  let allSheetsFinal = true;
  const results: SiteResult[] = sites.map((site, s) => {
    // Who scores which aspect at this site, asked once per (juror, aspect): the rule is isEligible's.
    for (let j = 0; j < J; j += 1)
      for (let a = 0; a < aspectCodes.length; a += 1)
        eligible[j * aspectCodes.length + a] = isEligible(jurors[j]!, aspectCodes[a]!, site.code) ? 1 : 0;
    const aspectPoints = new Float64Array(aspectCodes.length);
    const phasePoints = new Float64Array(phaseCodes.length);
    let total = 0;
    let complete = true;
    let scored = 0;
    let expected = 0;
    const sheetJuror = new Uint8Array(J);
    for (let i = 0; i < I; i += 1) {
      const a = aspectSlot[i]!;
      const { min, max } = bounds[i]!;
      let n = 0;
      let eligibleCount = 0;
      for (let j = 0; j < J; j += 1) {
        if (eligible[j * aspectCodes.length + a] === 0) continue;
        eligibleCount += 1;
        sheetJuror[j] = 1;
        const value = grid.values[(s * J + j) * I + i]!;
        if (Number.isNaN(value)) continue;
        values[n] = byMax ? value / max : (value - min) / (max - min);
        n += 1;
      }
      expected += eligibleCount;
      scored += n;
      if (eligibleCount === 0 || n < eligibleCount) complete = false;
      const sorted = values.subarray(0, n).sort();
      const points = weight[i]! * aggregateSorted(sorted, n, rules.aggregation);
      total += points;
      aspectPoints[a] = aspectPoints[a]! + points;
      phasePoints[phaseSlot[i]!] = phasePoints[phaseSlot[i]!]! + points;
    }
    for (let j = 0; j < J; j += 1) if (sheetJuror[j] === 1 && grid.finalised[s * J + j] === 0) allSheetsFinal = false;
    // Aspects in the instrument's order, then phases: the instrument's, then any other an indicator names.
    const aspects: Record<string, number> = {};
    aspectCodes.forEach((code, a) => (aspects[code] = aspectPoints[a]!));
    const phases: Record<string, number> = {};
    phaseCodes.forEach((code, p) => (phases[code] = phasePoints[p]!));
    const key = [roundScaled(total, rules.precision)];
    for (const entry of rules.tieBreak) {
      const [kind, ref] = splitTieBreak(entry);
      const value = (kind === 'phase' ? phases[ref] : aspects[ref]) ?? 0;
      key.push(roundScaled(value, rules.precision));
    }
    return { site: site.code, name: site.name, category: site.category, total, complete, aspects, phases, scored, expected, key };
  });

  const groups = new Map<string | null, SiteResult[]>();
  for (const r of results) {
    const group = rules.rankBy === 'category' ? r.category : null;
    const list = groups.get(group);
    if (list) list.push(r);
    else groups.set(group, [r]);
  }

  const ranking: RankedSite[] = [];
  for (const members of groups.values()) ranking.push(...rankGroup(members, rules));

  return {
    competition: input.competition,
    aggregation: rules.aggregation,
    normalise: rules.normalise,
    precision: rules.precision,
    rankBy: rules.rankBy,
    tieBreak: [...rules.tieBreak],
    complete: results.length > 0 && results.every((r) => r.complete),
    finalised: allSheetsFinal,
    ranking,
  };
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] !== b[i]) return b[i]! - a[i]!;
  }
  return 0;
}

function rankGroup(members: SiteResult[], rules: Rules): RankedSite[] {
  const sorted = [...members].sort((a, b) => compareKeys(a.key, b.key) || compareCodePoints(a.site, b.site));
  const ranks: number[] = [];
  sorted.forEach((r, i) => {
    const prev = sorted[i - 1];
    ranks.push(prev && compareKeys(prev.key, r.key) === 0 ? ranks[i - 1]! : i + 1);
  });
  return sorted.map((r, i) => {
    const { key, ...rest } = r;
    const rank = ranks[i]!;
    const tied = ranks.filter((x) => x === rank).length > 1;
    let decidedBy: DecidedBy = null;
    const prev = sorted[i - 1];
    if (prev) {
      const at = key.findIndex((v, k) => v !== prev.key[k]);
      decidedBy = at < 0 ? 'tied' : at === 0 ? 'total' : rules.tieBreak[at - 1]!;
    }
    const label = r.complete && rank <= rules.labels.length ? rules.labels[rank - 1]! : null;
    return { rank, ...rest, label, tied, decidedBy };
  });
}
