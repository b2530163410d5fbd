import { rankSites } from '../../../shared/domain/ranking.js';
import type { Handler } from './index.js';

export const scoringHandlers: {
  'scoring.sheet': Handler<'scoring.sheet'>;
  'scoring.setScore': Handler<'scoring.setScore'>;
  'ranking.get': Handler<'ranking.get'>;
} = {
  'scoring.sheet': ({ competition, juror, site }, { store }) => store.sheet(competition, juror, site),

  'scoring.setScore': ({ competition, juror, site, indicator, value }, { store }) =>
    store.setScore(competition, juror, site, indicator, value),

  'ranking.get': ({ competition }, { store }) => rankSites(store.rankingInput(competition)),
};
