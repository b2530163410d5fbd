/** The channels `documents.notes` and `documents.releaseNotes`: the notes of a site and which of them the site may read. */
import type { ReleasableNote } from '../../../shared/contract/documents.js';
import { listIndicators } from '../../../shared/domain/instrument.js';
import type { Repositories } from '../deps.js';
import { ReleaseRepository } from './release-repository.js';

export function siteNotes(repos: Repositories, competition: string, site: string): ReleasableNote[] {
  const detail = repos.setup.loadCompetition(competition);
  const refs = listIndicators(detail.instrument);
  return new ReleaseRepository(repos).notes(
    competition,
    site,
    refs.map((r) => r.indicator.code),
    new Map(refs.map((r) => [r.indicator.code, r.indicator.name])),
  );
}

export function releaseNotes(
  repos: Repositories,
  competition: string,
  site: string,
  notes: readonly { juror: string; indicator: string }[],
  now: Date,
): { released: number; withdrawn: number; notes: ReleasableNote[] } {
  const changed = new ReleaseRepository(repos).setReleased(competition, site, notes, now.toISOString());
  return { ...changed, notes: siteNotes(repos, competition, site) };
}
