/** The pleno channels (contract.md section 6): the plenary's state, decisions, locking and reopening. */
import type { HandlerGroup } from '../deps.js';
import { decide, lock, openPleno, plenoView, reopen } from './workflow.js';

export const plenoHandlers = {
  'pleno.status': ({ competition }, deps) => plenoView(deps, competition),
  'pleno.open': ({ competition }, deps) => openPleno(deps, competition),
  'pleno.decide': ({ competition, order, reason }, deps) => decide(deps, competition, order, reason),
  'pleno.lock': ({ competition }, deps) => lock(deps, competition),
  'pleno.reopen': ({ competition, reason }, deps) => reopen(deps, competition, reason),
} satisfies HandlerGroup;
