/**
 * The shapes the per-juror and per-site documents (lembar, formulir, catatan) build, written here rather than
 * imported from `registry.ts`: the registry imports these documents, so they must not import it back (no cycle).
 * `DocumentContext`, `DocumentOptions` and `DocumentPart` of the registry are the same shapes.
 */
import type { CompetitionDetail } from '../../../shared/contract/schemas.js';
import type { OfficialRanking } from '../../../shared/domain/pleno.js';
import type { Repositories } from '../deps.js';

export interface PartContext {
  repos: Repositories;
  detail: CompetitionDetail;
  ranking: OfficialRanking;
  now: Date;
}

export interface PartOptions {
  juror: string | null;
  site: string | null;
}

export interface Part<M> {
  title: string;
  juror: string | null;
  site: string | null;
  data: unknown;
  model(): M;
}
