/**
 * The compile channels: the official ranking of a competition (contract.md sections 4 and 6): its rules' ranking
 * with the jury's decisions, or the locked snapshot (the pleno repository's `official`); and one site of it opened
 * up by aspect, phase, indicator and juror (`compile.site`, site.ts).
 */
import type { HandlerGroup } from '../deps.js';
import { siteDrill } from './site.js';

export const compileHandlers = {
  'compile.ranking': ({ competition }, { repos }) => repos.pleno.official(competition),
  'compile.site': ({ competition, site }, deps) => siteDrill(deps, competition, site),
} satisfies HandlerGroup;
