/**
 * The analysis channels (contract.md section 6): agreement between jurors, the ranking without each juror, and other
 * views beside the official ranking. Read-only, no tables: computed by shared/domain/analysis.ts from the ranking
 * input (`repos.setup.rankingInput`) and, for sensitivity, the official ranking and its decisions
 * (`repos.pleno.official`).
 */
import { agreement, sensitivity, views } from '../../../shared/domain/analysis.js';
import type { HandlerGroup } from '../deps.js';

export const analysisHandlers = {
  'analysis.agreement': ({ competition }, { repos }) => agreement(repos.setup.rankingInput(competition)),
  'analysis.sensitivity': ({ competition }, { repos }) => {
    const input = repos.setup.rankingInput(competition);
    const official = repos.pleno.official(competition);
    return sensitivity(input, official, official.decisions);
  },
  'analysis.views': ({ competition }, { repos }) => views(repos.setup.rankingInput(competition)),
} satisfies HandlerGroup;
