/**
 * Who is scoring on this laptop (the session), juror PINs, and the scoring of a sheet beyond single scores:
 * notes, household checklists, undo, review, finalise with a signature, reopen with a reason, the grid of one
 * juror's scores, and the history.
 *
 * The session lives in the core (one per `openCore`), never in the renderer: a juror with a PIN writes as
 * themselves only while their session is open on this laptop; the secretariat types up paper sheets with
 * `entry: true` (actor `sekretariat`). PINs are kept as scrypt hashes with a random salt and compared in constant
 * time; five wrong PINs for a juror lock that juror's PIN out for 30 seconds (by the core's clock).
 *
 * A juror's session locks after the competition's `rules.lockAfterMinutes` (default 10) without use, by the core's
 * clock: writes are then refused (`session.idle`) until the juror gives their PIN again (`session.enter`). A juror
 * without a PIN cannot be locked meaningfully: their session simply ends (the laptop asks "Siapa Anda?" again),
 * and as before they may write without one. A new core (the app restarted) has no session at all.
 *
 * Typing up paper sheets (`entry: true`) is the secretariat's: it needs the secretariat's session, opened with the
 * competition's secretariat PIN (`session.enterSecretariat`), which ends after the same time without use.
 */
import { randomBytes, scrypt, timingSafeEqual, type BinaryLike, type ScryptOptions } from 'node:crypto';
import type { SessionInfo } from '../../../shared/contract/schemas.js';
import { lockAfterMs } from '../../../shared/domain/competition.js';
import { UserError } from '../../../shared/domain/errors.js';
import { SECRETARIAT } from '../scoring/repository.js';
import type { Deps } from '../deps.js';

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

/** The key under which the secretariat's wrong PINs are counted (no juror code can hold a NUL). */
export const SECRETARIAT_KEY = '\u0000sekretariat';

/** The session of one core: who is signed in, since when unused, the secretariat's session, and the wrong-PIN counts. */
export class SessionState {
  current: { competition: string; juror: string; lastActive: number; locked: boolean } | null = null;
  secretariat: { competition: string; lastActive: number } | null = null;
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
    const secretariat = juror === SECRETARIAT_KEY;
    const failure = this.failures.get(key);
    const at = now().getTime();
    if (failure && failure.lockedUntil > at) {
      const seconds = Math.ceil((failure.lockedUntil - at) / 1000);
      throw new UserError(secretariat ? 'session.secretariatLocked' : 'session.locked', { juror, seconds }, 'forbidden');
    }
    if (secretariat && pin === undefined) throw new UserError('session.secretariatPinRequired', {}, 'forbidden');
    if (pin === undefined) throw new UserError('session.pinRequired', { juror }, 'forbidden', 'pin');
    if (await pinMatches(stored, pin)) {
      this.failures.delete(key);
      return;
    }
    const count = (failure?.count ?? 0) + 1;
    this.failures.set(key, count >= PIN_ATTEMPTS ? { count: 0, lockedUntil: at + PIN_LOCK_MS } : { count, lockedUntil: 0 });
    if (secretariat) throw new UserError('session.secretariatBadPin', {}, 'forbidden');
    throw new UserError('session.badPin', { juror }, 'forbidden', 'pin');
  }
}

/**
 * The actor of a write to a juror's sheet: `sekretariat` for entry mode; otherwise the juror, who must hold this
 * laptop's session when they have a PIN, and whom another juror's open session may not write for.
 */
export function writerFor(
  deps: Pick<Deps, 'session' | 'repos' | 'clock'>,
  competition: string,
  juror: string,
  entry: boolean | undefined,
): string {
  if (entry) {
    requireSecretariat(deps, competition);
    return SECRETARIAT;
  }
  expireIdle(deps);
  const current = deps.session.current;
  if (current && current.competition === competition && current.juror === juror) {
    if (current.locked) throw new UserError('session.idle', { juror }, 'forbidden');
    current.lastActive = deps.clock().getTime();
    return juror;
  }
  if (current) throw new UserError('session.otherJuror', { juror, current: current.juror }, 'forbidden');
  if (deps.repos.scoring.juror(competition, juror).pinHash !== null) throw new UserError('session.required', { juror }, 'forbidden');
  return juror;
}

/** The competition's idle limit, or null when the competition is gone. */
function idleLimit(deps: Pick<Deps, 'repos'>, competition: string): number | null {
  return deps.repos.setup.hasCompetition(competition) ? lockAfterMs(deps.repos.setup.rules(competition)) : null;
}

/**
 * Applies the idle rule by the core's clock: a juror's session unused for longer than the limit locks (a juror
 * with a PIN) or ends (a juror without one); the secretariat's ends.
 */
export function expireIdle(deps: Pick<Deps, 'session' | 'repos' | 'clock'>): void {
  const now = deps.clock().getTime();
  const { current, secretariat } = deps.session;
  if (current && !current.locked) {
    const limit = idleLimit(deps, current.competition);
    if (limit === null) deps.session.current = null;
    else if (now - current.lastActive > limit) lockSession(deps);
  }
  if (secretariat) {
    const limit = idleLimit(deps, secretariat.competition);
    if (limit === null || now - secretariat.lastActive > limit) deps.session.secretariat = null;
  }
}

/** Locks the juror's session now: asked for the PIN again, or, for a juror without a PIN, ended. */
export function lockSession(deps: Pick<Deps, 'session' | 'repos'>): void {
  const current = deps.session.current;
  if (!current) return;
  let pinHash: string | null = null;
  try {
    pinHash = deps.repos.scoring.juror(current.competition, current.juror).pinHash;
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
  }
  if (pinHash === null) deps.session.current = null;
  else current.locked = true;
}

/** Refuses a paper-sheet entry unless the secretariat's session for this competition is open (and in use). */
export function requireSecretariat(deps: Pick<Deps, 'session' | 'repos' | 'clock'>, competition: string): void {
  expireIdle(deps);
  const open = deps.session.secretariat;
  if (open && open.competition === competition) {
    open.lastActive = deps.clock().getTime();
    return;
  }
  if (deps.repos.setup.secretariatPinHash(competition) === null) throw new UserError('session.secretariatNoPin', {}, 'forbidden');
  throw new UserError('session.secretariatRequired', {}, 'forbidden');
}

export function sessionInfo(deps: Deps): SessionInfo | null {
  expireIdle(deps);
  const current = deps.session.current;
  if (!current) return null;
  try {
    const { name } = deps.repos.scoring.juror(current.competition, current.juror);
    return { competition: current.competition, juror: current.juror, name, locked: current.locked };
  } catch (error) {
    // The juror or the competition is gone (setup changed): nobody is signed in any more.
    if (!(error instanceof UserError)) throw error;
    deps.session.current = null;
    return null;
  }
}
