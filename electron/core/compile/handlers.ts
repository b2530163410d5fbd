/**
 * The compile channels: the ranking of a competition by its rules (contract.md section 4), computed by the pure
 * ranking in shared/domain from what the repositories hold.
 */
import { rankSites } from '../../../shared/domain/ranking.js';
import type { HandlerGroup } from '../deps.js';

export const compileHandlers = {
  'compile.ranking': ({ competition }, { repos }) => rankSites(repos.setup.rankingInput(competition)),
} satisfies HandlerGroup;
