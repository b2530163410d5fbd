/** The pleno channels (contract.md section 6): the plenary's state, decisions, locking and reopening. */
import type { HandlerGroup } from '../deps.js';
import { decide, lock, openPleno, plenoView, reopen } from './workflow.js';

export const plenoHandlers = {
  'pleno.status': ({ competition }, deps) => plenoView(deps, competition),
  'pleno.open': ({ competition }, deps) => openPleno(deps, competition),
  // Deciding, locking and reopening the official result are the secretariat's: its session must be open here.
  'pleno.decide': ({ competition, order, reason }, deps) => {
    deps.secretariat(competition, 'pleno');
    return decide(deps, competition, order, reason);
  },
  'pleno.lock': ({ competition }, deps) => {
    deps.secretariat(competition, 'pleno');
    return lock(deps, competition);
  },
  'pleno.reopen': ({ competition, reason }, deps) => {
    deps.secretariat(competition, 'pleno');
    return reopen(deps, competition, reason);
  },
} satisfies HandlerGroup;
