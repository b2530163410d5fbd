import { rankSites } from '../../../shared/domain/ranking.js';
import type { Handler } from './index.js';
import { writerFor } from './session.js';

export const scoringHandlers: {
  'scoring.sheet': Handler<'scoring.sheet'>;
  'scoring.setScore': Handler<'scoring.setScore'>;
  'ranking.get': Handler<'ranking.get'>;
} = {
  'scoring.sheet': ({ competition, juror, site }, { store }) => store.scores.sheet({ competition, juror, site }),

  // One durable commit per call: the repository's transaction commits (WAL, synchronous=FULL) before this returns.
  'scoring.setScore': ({ competition, juror, site, indicator, value, reason, entry }, deps) =>
    deps.store.scores.setScore({ competition, juror, site, indicator, value, reason, actor: writerFor(deps, competition, juror, entry) }),

  'ranking.get': ({ competition }, { store }) => rankSites(store.rankingInput(competition)),
};
