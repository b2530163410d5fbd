/**
 * The session channels: who is scoring on this laptop, the lock after idle time, the secretariat's session, and
 * the PINs of jurors and of the secretariat. The rules themselves are in ./rules.ts and ./state.ts.
 */
import { UserError } from '../../../shared/domain/errors.js';
import type { HandlerGroup } from '../deps.js';
import { SECRETARIAT } from '../../../shared/domain/roles.js';
import { expireIdle, lockSession, requireSecretariat, sessionInfo } from './rules.js';
import { hashPin, SECRETARIAT_KEY } from './state.js';

export const sessionHandlers = {
  'session.get': (_args, deps) => sessionInfo(deps),

  'session.enter': async ({ competition, juror, pin }, deps) => {
    const { name, pinHash } = deps.repos.scoring.juror(competition, juror);
    if (pinHash !== null) await deps.session.checkPin(deps.clock, competition, juror, pinHash, pin);
    deps.session.current = { competition, juror, lastActive: deps.clock().getTime(), locked: false };
    return { competition, juror, name, locked: false };
  },

  'session.leave': (_args, deps) => {
    deps.session.current = null;
    return null;
  },

  'session.lock': (_args, deps) => {
    lockSession(deps);
    return sessionInfo(deps);
  },

  'session.touch': (_args, deps) => {
    expireIdle(deps);
    const now = deps.clock().getTime();
    if (deps.session.current && !deps.session.current.locked) deps.session.current.lastActive = now;
    if (deps.session.secretariat) deps.session.secretariat.lastActive = now;
    return sessionInfo(deps);
  },

  'session.secretariat': ({ competition }, deps) => {
    expireIdle(deps);
    return {
      hasPin: deps.repos.setup.secretariatPinHash(competition) !== null,
      open: deps.session.secretariat?.competition === competition,
    };
  },

  'session.enterSecretariat': async ({ competition, pin }, deps) => {
    const stored = deps.repos.setup.secretariatPinHash(competition);
    if (stored === null) throw new UserError('session.secretariatNoPin', {}, 'conflict');
    await deps.session.checkPin(deps.clock, competition, SECRETARIAT_KEY, stored, pin);
    deps.session.secretariat = { competition, lastActive: deps.clock().getTime() };
    return { hasPin: true, open: true };
  },

  'session.leaveSecretariat': (_args, deps) => {
    deps.session.secretariat = null;
    return null;
  },

  'session.setSecretariatPin': async ({ competition, pin, currentPin }, deps) => {
    const stored = deps.repos.setup.secretariatPinHash(competition);
    // Changing it needs the current one (counted like any wrong PIN); the first one is set freely.
    if (stored !== null) await deps.session.checkPin(deps.clock, competition, SECRETARIAT_KEY, stored, currentPin);
    deps.repos.setup.setSecretariatPinHash(competition, await hashPin(pin));
    deps.session.clearFailures(competition, SECRETARIAT_KEY);
    deps.session.secretariat = null;
    return { hasPin: true, open: false };
  },

  'session.setJurorPin': async ({ competition, juror, pin, currentPin }, deps) => {
    const { pinHash } = deps.repos.scoring.juror(competition, juror);
    let actor = SECRETARIAT;
    if (currentPin !== undefined) {
      // The juror's own change: the current PIN must match.
      if (pinHash === null) throw new UserError('session.noPin', { juror }, 'conflict', 'currentPin');
      await deps.session.checkPin(deps.clock, competition, juror, pinHash, currentPin);
      actor = juror;
    } else {
      // Setting, resetting or removing someone's PIN is the secretariat's: its session must be open here.
      requireSecretariat(deps, competition, 'pin');
    }
    if (pin === null && pinHash === null) return { juror, hasPin: false };
    const next = pin === null ? null : await hashPin(pin);
    deps.repos.scoring.setPinHash({ competition, juror, pinHash: next, actor });
    deps.session.clearFailures(competition, juror);
    return { juror, hasPin: next !== null };
  },
} satisfies HandlerGroup;
