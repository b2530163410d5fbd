/**
 * The compile channels: the official ranking of a competition (contract.md sections 4 and 6): its rules' ranking
 * with the jury's decisions, or the locked snapshot (the pleno repository's `official`).
 */
import type { HandlerGroup } from '../deps.js';

export const compileHandlers = {
  'compile.ranking': ({ competition }, { repos }) => repos.pleno.official(competition),
} satisfies HandlerGroup;
