/**
 * The exchange channels (contract.md section 5): the setup package out, one juror's work out, any package in as a
 * plan and then applied, conflicts listed and decided, the board of who has finished what, and this laptop's key.
 */
import type { HandlerGroup } from '../deps.js';
import { fingerprint } from '../platform/identity.js';
import { board } from './board.js';
import { scoresPackage, setupPackage } from './export.js';
import { receivePackage, resolveConflicts } from './import.js';
import { inspectPackage } from './inspect.js';

export const exchangeHandlers = {
  'exchange.inspect': ({ name, bytes }) => inspectPackage(name, bytes),

  'exchange.identity': ({ competition }, { identity, repos }) => {
    const source = competition ? repos.exchange.source(competition) : null;
    return {
      device: { id: identity.id, fingerprint: fingerprint(identity.publicKey) },
      reportsTo: source ? { device: source.device, fingerprint: fingerprint(source.publicKey), created: source.created } : null,
    };
  },

  'exchange.setupPackage': ({ competition }, deps) => setupPackage(deps, competition),

  'exchange.exportScores': ({ competition, juror }, deps) => scoresPackage(deps, deps.repos.exchange, competition, juror),

  'exchange.plan': (input, deps) => receivePackage(deps, deps.repos.exchange, input, false),

  'exchange.apply': (input, deps) => receivePackage(deps, deps.repos.exchange, input, true),

  'exchange.conflicts': ({ competition, all }, { repos }) =>
    repos.exchange.conflicts(competition, all ?? false).map(({ localAnswers: _l, incomingAnswers: _i, ...c }) => c),

  // Resolving conflicts decides whose value stands in someone's sheet: the secretariat's, in its session.
  'exchange.resolve': ({ competition, ids, choice }, deps) => {
    deps.secretariat(competition, 'conflicts');
    return resolveConflicts(deps, deps.repos.exchange, competition, ids, choice);
  },

  'exchange.board': ({ competition }, deps) => board(deps, deps.repos.exchange, competition),
} satisfies HandlerGroup;
