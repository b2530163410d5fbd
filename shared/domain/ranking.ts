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
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  if (method === 'median') {
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  }
  const kept = method === 'trimmed-mean' && sorted.length >= 5 ? sorted.slice(1, -1) : sorted;
  return kept.reduce((s, v) => s + v, 0) / kept.length;
}

interface SiteResult extends Omit<RankedSite, 'rank' | 'label' | 'tied' | 'decidedBy'> {
  key: number[];
}

export function rankSites(input: RankingInput): Ranking {
  const { instrument, rules } = input;
  const indicators = listIndicators(instrument);
  const scoreMap = new Map<string, number>();
  for (const s of input.scores) scoreMap.set(`${s.site}\u0000${s.juror}\u0000${s.indicator}`, s.value);
  const finalised = new Set(input.finalisedSheets.map((s) => `${s.site}\u0000${s.juror}`));

  let allSheetsFinal = true;
  const results: SiteResult[] = input.sites.map((site) => {
    const aspects: Record<string, number> = Object.fromEntries(instrument.aspects.map((a) => [a.code, 0]));
    const phases: Record<string, number> = Object.fromEntries(instrument.phases.map((p) => [p.code, 0]));
    let total = 0;
    let complete = true;
    let scored = 0;
    let expected = 0;
    const sheetJurors = new Set<string>();
    for (const { indicator, aspect, scale } of indicators) {
      const { min, max } = scaleBounds(scale);
      const values: number[] = [];
      let eligibleCount = 0;
      for (const juror of input.jurors) {
        if (!isEligible(juror, aspect.code, site.code)) continue;
        eligibleCount += 1;
        sheetJurors.add(juror.code);
        const value = scoreMap.get(`${site.code}\u0000${juror.code}\u0000${indicator.code}`);
        if (value === undefined) continue;
        values.push(rules.normalise === 'max' ? value / max : (value - min) / (max - min));
      }
      expected += eligibleCount;
      scored += values.length;
      if (eligibleCount === 0 || values.length < eligibleCount) complete = false;
      const points = indicator.weight * aggregate(values, rules.aggregation);
      total += points;
      aspects[aspect.code] = (aspects[aspect.code] ?? 0) + points;
      phases[indicator.phase] = (phases[indicator.phase] ?? 0) + points;
    }
    for (const juror of sheetJurors) if (!finalised.has(`${site.code}\u0000${juror}`)) allSheetsFinal = false;
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
