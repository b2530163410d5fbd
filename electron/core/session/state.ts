/**
 * Who is scoring on this laptop (the session) and juror PINs; the rules that read the session with the repositories
 * (who may write, the idle lock) are in ./rules.ts.
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
import { UserError } from '../../../shared/domain/errors.js';

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
