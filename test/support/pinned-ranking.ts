/**
 * The mid-size synthetic competitions whose rankings test/integration/ranking-pinned.test.ts pins to
 * test/fixtures/ranking-pinned.json: 12 sites × 7 jurors × 40 indicators, jurors split by aspect (one scores no
 * aspect), recusals, missing scores, one site's sheets left open, an exact tie and a tie decided by the chain, under
 * each aggregation, both normalisations and both ways of ranking. Deterministic (seeded); the same case always
 * gives the same scores.
 */
import { join } from 'node:path';
import { rulesSchema, type CompetitionFile, type Rules } from '../../shared/domain/competition.js';
import type { OfficialRanking } from '../../shared/domain/pleno.js';
import { rankSites, type Ranking, type RankingInput, type RankingScore } from '../../shared/domain/ranking.js';
import { syntheticCompetition } from '../../shared/domain/synthetic.js';
import { openTestCore } from './core.js';
import { asSecretariat } from './jury.js';

export interface PinnedCase {
  file: CompetitionFile;
  /** Scores whose sheets are finalised, and scores whose sheets stay open. */
  finalised: RankingScore[];
  open: RankingScore[];
}

export const PINNED_VARIANTS: readonly { code: string; rules: Partial<Rules>; missing: number }[] = [
  { code: 'PIN-MEAN-MAX-ALL', rules: { aggregation: 'mean', normalise: 'max', rankBy: 'all' }, missing: 0 },
  { code: 'PIN-MEAN-RANGE-CAT', rules: { aggregation: 'mean', normalise: 'range', rankBy: 'category' }, missing: 0.02 },
  { code: 'PIN-TRIM-MAX-CAT', rules: { aggregation: 'trimmed-mean', normalise: 'max', rankBy: 'category' }, missing: 0 },
  { code: 'PIN-TRIM-RANGE-ALL', rules: { aggregation: 'trimmed-mean', normalise: 'range', rankBy: 'all' }, missing: 0.02 },
  { code: 'PIN-MEDIAN-MAX-ALL', rules: { aggregation: 'median', normalise: 'max', rankBy: 'all' }, missing: 0.02 },
  { code: 'PIN-MEDIAN-RANGE-CAT', rules: { aggregation: 'median', normalise: 'range', rankBy: 'category' }, missing: 0 },
];

export function pinnedCase(variant: (typeof PINNED_VARIANTS)[number], seed: number): PinnedCase {
  const { file, scores } = syntheticCompetition({
    sites: 12,
    jurors: 7,
    indicators: 40,
    seed,
    code: variant.code,
    assignment: 'sector',
    missing: variant.missing,
  });
  file.competition.rules = {
    ...file.competition.rules,
    ...variant.rules,
    tieBreak: ['phase:LAP', 'aspect:B', 'phase:ADM'],
    precision: 2,
  };
  // Recusals: J2 from S03, J4 from S03 and S07, the ketua from S11.
  const recused: Record<string, string[]> = { J1: ['S11'], J2: ['S03'], J4: ['S03', 'S07'] };
  file.jurors = file.jurors.map((j) => (recused[j.code] ? { ...j, recusedSites: recused[j.code] } : j));
  const eligible = scores.filter((s) => !recused[s.juror]?.includes(s.site));

  // S02 scores exactly as S01 (an exact tie); S05 as S04 with A1 (ADM) and A3 (LAP) swapped: the same total,
  // other phase points, so the chain decides between them.
  const bySite = (site: string) => eligible.filter((s) => s.site === site);
  const swap: Record<string, string> = { A1: 'A3', A3: 'A1' };
  const rest = eligible.filter((s) => s.site !== 'S02' && s.site !== 'S05');
  const all = [
    ...rest,
    ...bySite('S01').map((s) => ({ ...s, site: 'S02' })),
    ...bySite('S04').map((s) => ({ ...s, site: 'S05', indicator: swap[s.indicator] ?? s.indicator })),
  ];
  // S12's sheets stay open (not finalised).
  return { file, finalised: all.filter((s) => s.site !== 'S12'), open: all.filter((s) => s.site === 'S12') };
}

/** The ranking's input as the pure function takes it, built without the database. */
export function pinnedInput(c: PinnedCase): RankingInput {
  const sheets = new Map<string, { site: string; juror: string }>();
  for (const s of c.finalised) sheets.set(`${s.site}/${s.juror}`, { site: s.site, juror: s.juror });
  return {
    competition: c.file.competition.code,
    instrument: c.file.instrument,
    rules: rulesSchema.parse(c.file.competition.rules),
    sites: c.file.sites.map((s) => ({ code: s.code, name: s.name, category: s.category ?? null })),
    jurors: c.file.jurors.map((j) => ({ code: j.code, aspects: j.aspects ?? null, recusedSites: j.recusedSites ?? [] })),
    scores: [...c.finalised, ...c.open],
    finalisedSheets: [...sheets.values()],
  };
}

/** Every variant's ranking, from the pure function on the input above and from the app (`repos.pleno.official`) on
 * a real SQLite file in `dir`; the first variant with a pleno decision that orders the exact tie. */
export async function computePinned(dir: string): Promise<Record<string, { pure: Ranking; official: OfficialRanking }>> {
  const out: Record<string, { pure: Ranking; official: OfficialRanking }> = {};
  const core = openTestCore(join(dir, 'pinned.sqlite'), () => new Date('2026-09-21T09:00:00Z'));
  try {
    for (const [i, variant] of PINNED_VARIANTS.entries()) {
      const c = pinnedCase(variant, 100 + i);
      const { setup, scoring } = core.deps.repos;
      setup.createCompetition(c.file);
      scoring.insertScores(variant.code, c.finalised, true);
      scoring.insertScores(variant.code, c.open, false);
      if (i === 0) {
        await asSecretariat(core, variant.code);
        for (const [channel, request] of [
          ['pleno.open', { competition: variant.code }],
          ['pleno.decide', { competition: variant.code, order: ['S02', 'S01'], reason: 'Keputusan rapat pleno: S02 lebih berkelanjutan.' }],
        ] as const) {
          const r = await core.call(channel, request as never);
          if (!r.ok) throw new Error(`${channel}: ${r.error.key}`);
        }
      }
      out[variant.code] = { pure: rankSites(pinnedInput(c)), official: core.deps.repos.pleno.official(variant.code) };
    }
  } finally {
    core.close();
  }
  return out;
}
