/**
 * Who is scoring on this laptop (the session), juror PINs, and the scoring of a sheet beyond single scores:
 * notes, household checklists, undo, review, finalise with a signature, reopen with a reason, the grid of one
 * juror's scores, and the history.
 *
 * The session lives in the core (one per `openCore`), never in the renderer: a juror with a PIN writes as
 * themselves only while their session is open on this laptop; the secretariat types up paper sheets with
 * `entry: true` (actor `sekretariat`). PINs are kept as scrypt hashes with a random salt and compared in constant
 * time; five wrong PINs for a juror lock that juror's PIN out for 30 seconds (by the core's clock).
 */
import { randomBytes, scrypt, timingSafeEqual, type BinaryLike, type ScryptOptions } from 'node:crypto';
import type { SessionInfo } from '../../../shared/contract/schemas.js';
import { UserError } from '../../../shared/domain/errors.js';
import { isPng, SECRETARIAT } from '../db/scores.js';
import type { Deps, Handler } from './index.js';

export const PIN_ATTEMPTS = 5;
export const PIN_LOCK_MS = 30_000;

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };

function scryptAsync(pin: BinaryLike, salt: BinaryLike, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(pin, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** A PIN as stored: `scrypt$N$r$p$salt$hash` (base64), one string. */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(pin, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function pinMatches(stored: string, pin: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scryptAsync(pin, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** The session of one core: who is signed in, and the wrong-PIN counts. */
export class SessionState {
  current: { competition: string; juror: string } | null = null;
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  /** Forgets a juror's wrong PINs (a new PIN set by the secretariat starts afresh). */
  clearFailures(competition: string, juror: string): void {
    this.failures.delete(`${competition}\u0000${juror}`);
  }

  /**
   * Checks a juror's PIN against the stored hash: refused while locked out, when missing, when wrong (counted:
   * the fifth wrong one locks the juror out for 30 s).
   */
  async checkPin(now: () => Date, competition: string, juror: string, stored: string, pin: string | undefined): Promise<void> {
    const key = `${competition}\u0000${juror}`;
    const failure = this.failures.get(key);
    const at = now().getTime();
    if (failure && failure.lockedUntil > at) {
      throw new UserError('session.locked', { juror, seconds: Math.ceil((failure.lockedUntil - at) / 1000) }, 'forbidden');
    }
    if (pin === undefined) throw new UserError('session.pinRequired', { juror }, 'forbidden', 'pin');
    if (await pinMatches(stored, pin)) {
      this.failures.delete(key);
      return;
    }
    const count = (failure?.count ?? 0) + 1;
    this.failures.set(key, count >= PIN_ATTEMPTS ? { count: 0, lockedUntil: at + PIN_LOCK_MS } : { count, lockedUntil: 0 });
    throw new UserError('session.badPin', { juror }, 'forbidden', 'pin');
  }
}

/**
 * The actor of a write to a juror's sheet: `sekretariat` for entry mode; otherwise the juror, who must hold this
 * laptop's session when they have a PIN, and whom another juror's open session may not write for.
 */
export function writerFor(deps: Pick<Deps, 'session' | 'store'>, competition: string, juror: string, entry: boolean | undefined): string {
  if (entry) return SECRETARIAT;
  const current = deps.session.current;
  if (current && current.competition === competition && current.juror === juror) return juror;
  if (current) throw new UserError('session.otherJuror', { juror, current: current.juror }, 'forbidden');
  if (deps.store.scores.juror(competition, juror).pinHash !== null) throw new UserError('session.required', { juror }, 'forbidden');
  return juror;
}

function sessionInfo(deps: Deps): SessionInfo | null {
  const current = deps.session.current;
  if (!current) return null;
  try {
    const { name } = deps.store.scores.juror(current.competition, current.juror);
    return { competition: current.competition, juror: current.juror, name };
  } catch (error) {
    // The juror or the competition is gone (setup changed): nobody is signed in any more.
    if (!(error instanceof UserError)) throw error;
    deps.session.current = null;
    return null;
  }
}

export const sessionHandlers: {
  'session.get': Handler<'session.get'>;
  'session.enter': Handler<'session.enter'>;
  'session.leave': Handler<'session.leave'>;
  'juror.setPin': Handler<'juror.setPin'>;
  'scoring.progress': Handler<'scoring.progress'>;
  'scoring.setNote': Handler<'scoring.setNote'>;
  'scoring.setHousehold': Handler<'scoring.setHousehold'>;
  'scoring.undo': Handler<'scoring.undo'>;
  'scoring.review': Handler<'scoring.review'>;
  'scoring.finalise': Handler<'scoring.finalise'>;
  'scoring.reopen': Handler<'scoring.reopen'>;
  'scoring.grid': Handler<'scoring.grid'>;
  'scoring.history': Handler<'scoring.history'>;
} = {
  'session.get': (_args, deps) => sessionInfo(deps),

  'session.enter': async ({ competition, juror, pin }, deps) => {
    const { name, pinHash } = deps.store.scores.juror(competition, juror);
    if (pinHash !== null) await deps.session.checkPin(deps.clock, competition, juror, pinHash, pin);
    deps.session.current = { competition, juror };
    return { competition, juror, name };
  },

  'session.leave': (_args, deps) => {
    deps.session.current = null;
    return null;
  },

  'juror.setPin': async ({ competition, juror, pin, currentPin }, deps) => {
    const { pinHash } = deps.store.scores.juror(competition, juror);
    let actor = SECRETARIAT;
    if (currentPin !== undefined) {
      // The juror's own change: the current PIN must match.
      if (pinHash === null) throw new UserError('session.noPin', { juror }, 'conflict', 'currentPin');
      await deps.session.checkPin(deps.clock, competition, juror, pinHash, currentPin);
      actor = juror;
    }
    if (pin === null && pinHash === null) return { juror, hasPin: false };
    const next = pin === null ? null : await hashPin(pin);
    deps.store.scores.setPinHash({ competition, juror, pinHash: next, actor });
    deps.session.clearFailures(competition, juror);
    return { juror, hasPin: next !== null };
  },

  'scoring.progress': ({ competition, juror }, { store }) => store.scores.progress(competition, juror),

  'scoring.setNote': ({ competition, juror, site, indicator, note, entry }, deps) =>
    deps.store.scores.setNote({ competition, juror, site, indicator, note, actor: writerFor(deps, competition, juror, entry) }),

  'scoring.setHousehold': ({ competition, juror, site, indicator, answers, reason }, deps) =>
    deps.store.scores.setHousehold({
      competition,
      juror,
      site,
      indicator,
      answers,
      reason,
      actor: writerFor(deps, competition, juror, false),
    }),

  'scoring.undo': ({ competition, juror, site }, deps) =>
    deps.store.scores.undo({ competition, juror, site, actor: writerFor(deps, competition, juror, false) }),

  'scoring.review': ({ competition, juror, site }, { store }) => ({ problems: store.scores.review({ competition, juror, site }) }),

  'scoring.finalise': async ({ competition, juror, site, signature, pin }, deps) => {
    const { pinHash } = deps.store.scores.juror(competition, juror);
    // What needs no PIN is refused first, so that a juror does not spend PIN attempts on an incomplete sheet.
    const problems = deps.store.scores.review({ competition, juror, site });
    if (problems.length > 0) throw new UserError('sheet.incomplete', { juror, site, count: problems.length }, 'conflict');
    if (!isPng(signature)) throw new UserError('sheet.badSignature', {}, 'invalid', 'signature');
    if (pinHash !== null) await deps.session.checkPin(deps.clock, competition, juror, pinHash, pin);
    else writerFor(deps, competition, juror, false);
    return deps.store.scores.finalise({ competition, juror, site, signature, actor: juror });
  },

  'scoring.reopen': ({ competition, juror, site, reason }, deps) => {
    const current = deps.session.current;
    const actor = current && current.competition === competition && current.juror === juror ? juror : SECRETARIAT;
    return deps.store.scores.reopen({ competition, juror, site, reason, actor });
  },

  'scoring.grid': ({ competition, juror }, { store }) => store.scores.grid(competition, juror),

  'scoring.history': ({ competition, juror, site, indicator }, { store }) => {
    if (!store.hasCompetition(competition)) throw new UserError('competition.notFound', { code: competition }, 'not-found');
    return store.scores.history({ competition, juror, site, indicator });
  },
};
