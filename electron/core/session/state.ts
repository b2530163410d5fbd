/**
 * Who is scoring on this laptop (the session) and juror PINs; the rules that read the session with the repositories
 * (who may write, the idle lock) are in ./rules.ts.
 *
 * The session lives in the core (one per `openCore`), never in the renderer: a juror with a PIN writes as
 * themselves only while their session is open on this laptop; the secretariat types up paper sheets with
 * `entry: true` (actor `sekretariat`). PINs are kept as scrypt hashes with a random salt and compared in constant
 * time; five wrong PINs in a row for a juror lock that juror's PIN out for 30 seconds, each further lock-out in a
 * row twice as long up to an hour (by the core's clock), counted in the database (./repository.ts) so that a
 * restart keeps them, and one check at a time per juror.
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
import type { PinLockouts } from './repository.js';

export { PIN_ATTEMPTS, PIN_LOCK_MS } from './repository.js';

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

/** The subject under which the secretariat's wrong PINs are counted (no juror code is empty). */
export const SECRETARIAT_KEY = '';

/** Where wrong-PIN counts are kept (./repository.ts, table pin_lockout). */
export type LockoutStore = Pick<PinLockouts, 'reserve' | 'clear'>;

/** The session of one core: who is signed in, since when unused, and the secretariat's session. */
export class SessionState {
  current: { competition: string; juror: string; lastActive: number; locked: boolean } | null = null;
  secretariat: { competition: string; lastActive: number } | null = null;
  /**
   * The command line's core: its operator holds the database file itself, so it acts as the secretariat without a
   * PIN (a PIN would protect nothing there; docs/security.md "Roles"). Never set by the app or the bridge.
   */
  operator = false;
  /** One PIN check at a time per competition and subject: the tail of each one's queue. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly lockouts: LockoutStore) {}

  /** Forgets a subject's wrong PINs (a new PIN set starts afresh). */
  clearFailures(competition: string, juror: string): void {
    this.lockouts.clear(competition, juror);
  }

  /**
   * Checks a juror's (or, with SECRETARIAT_KEY, the secretariat's) PIN against the stored hash: refused while
   * locked out, when missing, when wrong. Checks of one subject run one after another, each try counted in the
   * database before it is compared (see PinLockouts.reserve): of many tries sent at once, exactly PIN_ATTEMPTS are
   * compared before the lock-out refuses the rest.
   */
  checkPin(now: () => Date, competition: string, juror: string, stored: string, pin: string | undefined): Promise<void> {
    const key = `${competition}\u0000${juror}`;
    const previous = this.queues.get(key) ?? Promise.resolve();
    const mine = previous.then(
      () => this.checkNow(now, competition, juror, stored, pin),
      () => this.checkNow(now, competition, juror, stored, pin),
    );
    const tail = mine.catch(() => undefined);
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return mine;
  }

  private async checkNow(now: () => Date, competition: string, juror: string, stored: string, pin: string | undefined): Promise<void> {
    const secretariat = juror === SECRETARIAT_KEY;
    if (pin === undefined) {
      if (secretariat) throw new UserError('session.secretariatPinRequired', {}, 'forbidden');
      throw new UserError('session.pinRequired', { juror }, 'forbidden', 'pin');
    }
    const { locked } = this.lockouts.reserve(competition, juror, now().getTime());
    if (locked !== null) {
      throw new UserError(secretariat ? 'session.secretariatLocked' : 'session.locked', { juror, seconds: locked }, 'forbidden');
    }
    if (await pinMatches(stored, pin)) {
      this.lockouts.clear(competition, juror);
      return;
    }
    if (secretariat) throw new UserError('session.secretariatBadPin', {}, 'forbidden');
    throw new UserError('session.badPin', { juror }, 'forbidden', 'pin');
  }
}
