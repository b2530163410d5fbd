/**
 * Secrets kept at rest in the installation's home folder (issue 12): the device's private key today, and any other
 * secret that must one day be kept (a PKCS#12 passphrase is never kept: docs/security.md). A secret is sealed by a
 * `SecretProtector` and written as one JSON file (`penilai.sealed/1`), never into the database or a log:
 *
 * - `scrypt`: AES-256-GCM under a key derived with scrypt (N 2^15, r 8, p 1, a random 16-byte salt per file) from
 *   the installation's secret: `PENILAI_KEY_SECRET` when set (a passphrase the operator keeps off the disk), else
 *   `device.secret` in the home folder (32 random bytes, made once, owner-only). The command line and the browser
 *   mode use it; so does the desktop app where the OS offers no keychain.
 * - `os`: the desktop shell's protector backed by Electron's `safeStorage` (DPAPI, macOS Keychain, libsecret or
 *   KWallet), plugged in through `CoreOptions.keyProtector` (electron/main/key-store.ts).
 *
 * What each protects against, and what not, is in docs/security.md ("The device key at rest").
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync } from 'node:crypto';
import { existsSync, linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../../shared/domain/errors.js';

export const SEALED_FORMAT = 'penilai.sealed/1';
export const SECRET_FILE = 'device.secret';
export const SECRET_ENV = 'PENILAI_KEY_SECRET';
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 };

/** A sealed secret as written to its file. */
export type Sealed =
  | {
      format: typeof SEALED_FORMAT;
      protection: 'scrypt';
      N: number;
      r: number;
      p: number;
      salt: string;
      iv: string;
      tag: string;
      data: string;
    }
  | { format: typeof SEALED_FORMAT; protection: 'os'; data: string };

/** Seals and opens secrets; `open` throws when the secret is not the one it was sealed with. */
export interface SecretProtector {
  readonly kind: Sealed['protection'];
  seal(plain: Buffer): Sealed;
  open(sealed: Sealed): Buffer;
}

/** Derived keys by salt and secret: a core opened a hundred times in one process derives once (scrypt costs ~0.1 s). */
const derived = new Map<string, Buffer>();

function deriveKey(secret: Buffer, salt: Buffer, params: { N: number; r: number; p: number }): Buffer {
  const id = createHash('sha256').update(secret).update(salt).update(`${params.N}/${params.r}/${params.p}`).digest('hex');
  let key = derived.get(id);
  if (!key) {
    key = scryptSync(secret, salt, 32, { ...params, maxmem: 128 * params.N * params.r * 2 });
    derived.set(id, key);
  }
  return key;
}

/** The scrypt + AES-256-GCM protector over one secret (bytes or a passphrase). */
export function scryptProtector(secret: Buffer): SecretProtector {
  return {
    kind: 'scrypt',
    seal(plain) {
      const salt = randomBytes(16);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', deriveKey(secret, salt, SCRYPT), iv);
      cipher.setAAD(Buffer.from(SEALED_FORMAT));
      const data = Buffer.concat([cipher.update(plain), cipher.final()]);
      return {
        format: SEALED_FORMAT,
        protection: 'scrypt',
        ...SCRYPT,
        salt: salt.toString('base64'),
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        data: data.toString('base64'),
      };
    },
    open(sealed) {
      if (sealed.protection !== 'scrypt') throw new Error('not sealed with scrypt');
      const key = deriveKey(secret, Buffer.from(sealed.salt, 'base64'), sealed);
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
      decipher.setAAD(Buffer.from(SEALED_FORMAT));
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
    },
  };
}

function writeOwnerOnly(file: string, data: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, data, { mode: 0o600, flag: 'w' });
  renameSync(temp, file);
}

/**
 * Writes `file` only if it does not exist yet, atomically: written whole under a temporary name, then linked into
 * place, which fails when another process got there first (two first starts at once, as the test workers do on one
 * home folder). Returns whether this call made the file; either way the file that stands is whole and the only one.
 */
export function publishOnce(file: string, data: string, mode: number): boolean {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temp, data, { mode, flag: 'wx' });
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

/**
 * The installation's own scrypt protector: over `PENILAI_KEY_SECRET` when set, else over `device.secret` in the
 * home folder (made on first use when `create`).
 */
export function homeProtector(home: string, env: NodeJS.ProcessEnv = process.env, create = true): SecretProtector {
  const given = env[SECRET_ENV];
  if (given) return scryptProtector(Buffer.from(given, 'utf8'));
  const file = join(home, SECRET_FILE);
  if (!existsSync(file)) {
    if (!create) throw new UserError('identity.badSecret', { file });
    publishOnce(file, randomBytes(32).toString('base64') + '\n', 0o600);
  }
  return scryptProtector(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
}

/** Whether a file's text is a sealed secret (else it is an older plain file). */
export function parseSealed(text: string): Sealed | null {
  if (!text.trimStart().startsWith('{')) return null;
  try {
    const value = JSON.parse(text) as Partial<Sealed>;
    return value.format === SEALED_FORMAT && (value.protection === 'scrypt' || value.protection === 'os') ? (value as Sealed) : null;
  } catch {
    return null;
  }
}

/** Writes a sealed secret to its file, owner-only, atomically. */
export function writeSealed(file: string, sealed: Sealed): void {
  writeOwnerOnly(file, JSON.stringify(sealed, null, 2) + '\n');
}
