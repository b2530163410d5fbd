/**
 * This installation's device identity: a UUID and an Ed25519 key pair, kept in the installation's home folder
 * (Electron's `userData`; `--home DIR` or `PENILAI_HOME` for the command line and the browser mode), never in the
 * database. A database copied to another laptop therefore writes its new ledger entries under that laptop's
 * device, and two homes on one machine behave as two laptops.
 *
 * Files: `device.json` (`{ format, id, publicKey, created }`, the public key raw, base64) and `device.key` (the
 * private key, PKCS#8, sealed at rest by a SecretProtector: ./secrets.ts, `penilai.sealed/1`, readable by the owner
 * only). Made once, on first use, atomically (a half-written identity is never left behind). A `device.key` of an
 * older Penilai (plain PKCS#8 PEM) still opens, and is sealed in place the first time it is opened.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../../shared/domain/errors.js';
import {
  homeProtector,
  parseSealed,
  publishOnce,
  scryptProtector,
  SECRET_ENV,
  SECRET_FILE,
  writeSealed,
  type Sealed,
  type SecretProtector,
} from './secrets.js';

export const IDENTITY_FORMAT = 'penilai.device/1';
const INFO_FILE = 'device.json';
const KEY_FILE = 'device.key';

export interface DeviceIdentity {
  id: string;
  /** The raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
  /** Signs bytes with the device's private key (64 raw bytes). */
  sign(data: Uint8Array): Uint8Array;
}

/** The raw public key of an Ed25519 KeyObject (the last 32 bytes of its SPKI DER). */
function rawPublicKey(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' }).subarray(-32);
}

function writeAtomic(file: string, data: string, mode: number): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, data, { mode, flag: 'w' });
  renameSync(temp, file);
}

export interface IdentityOptions {
  /**
   * What seals the private key: the desktop shell's OS keychain (electron/main/key-store.ts) when it has one; left
   * out, the installation's scrypt secret (`PENILAI_KEY_SECRET`, else `device.secret` in the home folder).
   */
  protector?: SecretProtector | null;
  env?: NodeJS.ProcessEnv;
}

/** Opens a sealed key with whichever of the installation's protectors sealed it; null when none can. */
function openSealed(home: string, sealed: Sealed, options: IdentityOptions): Buffer | null {
  const env = options.env ?? process.env;
  const candidates: SecretProtector[] = [];
  if (options.protector && options.protector.kind === sealed.protection) candidates.push(options.protector);
  if (sealed.protection === 'scrypt') {
    if (env[SECRET_ENV]) candidates.push(homeProtector(home, env, false));
    const file = join(home, SECRET_FILE);
    if (existsSync(file)) candidates.push(scryptProtector(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')));
  }
  for (const protector of candidates) {
    try {
      return protector.open(sealed);
    } catch {
      // not this one: try the next
    }
  }
  return null;
}

/** Opens the identity kept in `home`, making it on first use; an older plain `device.key` is sealed in place. */
export function openIdentity(home: string, options: IdentityOptions = {}): DeviceIdentity {
  mkdirSync(home, { recursive: true });
  const infoFile = join(home, INFO_FILE);
  const keyFile = join(home, KEY_FILE);
  const protector = (): SecretProtector => options.protector ?? homeProtector(home, options.env ?? process.env);
  // Made on first use. Two processes starting at once on an empty home (the test workers, the app and the command
  // line) keep one key: each file is published only if it is not there yet (publishOnce), and the description is
  // made from the key that stands.
  let madeKey = false;
  if (!existsSync(keyFile)) {
    const { privateKey: fresh } = generateKeyPairSync('ed25519');
    const sealedFresh = protector().seal(fresh.export({ format: 'der', type: 'pkcs8' }));
    madeKey = publishOnce(keyFile, JSON.stringify(sealedFresh, null, 2) + '\n', 0o600);
  }
  const text = readFileSync(keyFile, 'utf8');
  const sealed = parseSealed(text);
  let privateKey: KeyObject;
  try {
    if (sealed === null) {
      // An older Penilai's plain PEM: opened, then sealed in place (the same key, so the same device).
      privateKey = createPrivateKey(text);
      writeSealed(keyFile, protector().seal(privateKey.export({ format: 'der', type: 'pkcs8' })));
    } else {
      const der = openSealed(home, sealed, options);
      if (der === null) throw new UserError('identity.badSecret', { file: keyFile });
      privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
      der.fill(0);
      // Sealed by the scrypt secret, and the desktop shell now offers the OS keychain: moved there.
      if (options.protector && options.protector.kind !== sealed.protection) {
        writeSealed(keyFile, options.protector.seal(privateKey.export({ format: 'der', type: 'pkcs8' })));
      }
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError('identity.unreadable', { file: keyFile });
  }
  const derived = rawPublicKey(createPublicKey(privateKey)).toString('base64');
  const describe = () =>
    JSON.stringify({ format: IDENTITY_FORMAT, id: randomUUID(), publicKey: derived, created: new Date().toISOString() }, null, 2) + '\n';
  // A key just made replaces a description left without its key; otherwise the first description stands.
  if (madeKey && existsSync(infoFile)) writeAtomic(infoFile, describe(), 0o644);
  else if (!existsSync(infoFile)) publishOnce(infoFile, describe(), 0o644);
  const info = JSON.parse(readFileSync(infoFile, 'utf8')) as { id: string; publicKey: string };
  if (derived !== info.publicKey) throw new Error(`${infoFile} does not match ${keyFile}`);
  return { id: info.id, publicKey: info.publicKey, sign: (data) => sign(null, data, privateKey) };
}

/** The identity kept in `home` (its id and public key) if there is one; never makes one. */
export function readIdentity(home: string): { id: string; publicKey: string } | null {
  const infoFile = join(home, INFO_FILE);
  if (!existsSync(infoFile)) return null;
  try {
    const info = JSON.parse(readFileSync(infoFile, 'utf8')) as { id?: unknown; publicKey?: unknown };
    return typeof info.id === 'string' && typeof info.publicKey === 'string' ? { id: info.id, publicKey: info.publicKey } : null;
  } catch {
    return null;
  }
}

/** Whether `signature` is the Ed25519 signature of `data` by the raw public key (base64). */
export function verifySignature(publicKey: string, data: Uint8Array, signature: Uint8Array): boolean {
  const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(publicKey, 'base64')]);
  return verify(null, data, createPublicKey({ key: spki, format: 'der', type: 'spki' }), signature);
}

/**
 * A fingerprint people can read aloud and compare (contract.md section 5): the first 16 bytes of the SHA-256 of
 * the raw public key, as 8 groups of 4 lowercase hex digits separated by spaces.
 */
export function fingerprint(publicKey: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 32);
  return hex.match(/.{4}/g)!.join(' ');
}
