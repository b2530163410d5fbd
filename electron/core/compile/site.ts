/**
 * `compile.site`: one site of the official ranking opened up (the drill-down). The aspect, phase and total points are
 * the official ranking's; the indicators and scores come from the same ranking input (the locked snapshot's while
 * the result is locked or signed, else the database's); the jurors' notes and photos from their score sheets.
 */
import type { SiteDrill, SiteDrillJuror } from '../../../shared/contract/compile.js';
import type { EvidenceInfo } from '../../../shared/contract/evidence.js';
import { siteBreakdown } from '../../../shared/domain/drill.js';
import { UserError } from '../../../shared/domain/errors.js';
import { isFrozen } from '../../../shared/domain/pleno.js';
import type { Deps } from '../deps.js';

export function siteDrill({ repos }: Pick<Deps, 'repos'>, competition: string, site: string): SiteDrill {
  const official = repos.pleno.official(competition);
  const ranked = official.ranking.find((r) => r.site === site);
  if (!ranked) throw new UserError('site.notFound', { code: site }, 'not-found');
  const input = isFrozen(official.state) ? repos.pleno.snapshot(competition).input : repos.setup.rankingInput(competition);
  const breakdown = siteBreakdown(input, ranked);
  const detail = repos.setup.loadCompetition(competition);
  const names = new Map(detail.jurors.map((j) => [j.code, j.name]));

  // Each eligible juror's notes and photos at this site, from their sheet.
  const jurors = new Set(breakdown.indicators.flatMap((i) => i.jurors.map((j) => j.juror)));
  const notes = new Map<string, string>();
  const photos = new Map<string, EvidenceInfo[]>();
  for (const juror of jurors) {
    const sheet = repos.scoring.sheet({ competition, juror, site });
    for (const n of sheet.notes) if (n.note) notes.set(`${juror}\u0000${n.indicator}`, n.note);
    for (const e of sheet.evidence) {
      const key = `${juror}\u0000${e.indicator}`;
      photos.set(key, [...(photos.get(key) ?? []), e]);
    }
  }

  return {
    competition,
    site,
    name: ranked.name,
    rank: ranked.rank,
    label: ranked.label,
    tied: ranked.tied,
    complete: ranked.complete,
    total: ranked.total,
    precision: official.precision,
    aggregation: official.aggregation,
    normalise: official.normalise,
    state: official.state,
    aspects: breakdown.aspects,
    phases: breakdown.phases,
    indicators: breakdown.indicators.map((i) => ({
      ...i,
      jurors: i.jurors.map((j): SiteDrillJuror => ({
        ...j,
        name: names.get(j.juror) ?? j.juror,
        note: notes.get(`${j.juror}\u0000${i.code}`) ?? null,
        photos: photos.get(`${j.juror}\u0000${i.code}`) ?? [],
      })),
    })),
  };
}
