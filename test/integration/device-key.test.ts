/**
 * The device's private key at rest (issue 12): sealed in `device.key` (scrypt + AES-256-GCM under the installation's
 * secret, or the desktop shell's OS keychain through the safeStorage hook), never plain on disk, never in the
 * database; an older plain `device.key` keeps working and is sealed in place; a wrong secret is said in words.
 */
import { createPrivateKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { safeStorageProtector, type SafeStorageLike } from '../../electron/main/key-store.js';
import { openIdentity, verifySignature } from '../../electron/core/platform/identity.js';
import { parseSealed, scryptProtector } from '../../electron/core/platform/secrets.js';
import { describeError, UserError } from '../../shared/domain/errors.js';
import { openTestCore, REPO_ROOT, tempDir } from '../support/core.js';

const temp = tempDir('penilai-device-key-');
afterAll(() => temp.cleanup());
let homes = 0;
const newHome = () => join(temp.dir, `home-${(homes += 1)}`);
const NO_ENV = {} as NodeJS.ProcessEnv;
const DATA = new TextEncoder().encode('ledger entry');

/** The 32-byte Ed25519 seed at the end of a PKCS#8 DER: what must never be found in a file. */
const seedOf = (der: Buffer) => der.subarray(-32);

function caught(work: () => unknown): UserError {
  try {
    work();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** A stand-in for Electron's safeStorage: a reversible transform, as the keychain would be. */
function fakeSafeStorage(backend: 'gnome_libsecret' | 'basic_text' = 'gnome_libsecret', available = true): SafeStorageLike {
  const flip = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text: string) => flip(Buffer.from(`keychain:${text}`)),
    decryptString: (data: Buffer) => {
      const text = flip(data).toString();
      if (!text.startsWith('keychain:')) throw new Error('not ours');
      return text.slice('keychain:'.length);
    },
  };
}

describe('the device key at rest', () => {
  it('is sealed on first use (no PEM on disk, owner-only), opens again as the same device, and signs', () => {
    const home = newHome();
    const first = openIdentity(home, { env: NO_ENV });
    const text = readFileSync(join(home, 'device.key'), 'utf8');
    expect(text).not.toContain('PRIVATE KEY');
    const sealed = parseSealed(text);
    expect(sealed).toMatchObject({ format: 'penilai.sealed/1', protection: 'scrypt', N: 32768, r: 8, p: 1 });
    if (process.platform !== 'win32') {
      expect(statSync(join(home, 'device.key')).mode & 0o777).toBe(0o600);
      expect(statSync(join(home, 'device.secret')).mode & 0o777).toBe(0o600);
    }
    const again = openIdentity(home, { env: NO_ENV });
    expect(again.id).toBe(first.id);
    expect(again.publicKey).toBe(first.publicKey);
    expect(verifySignature(first.publicKey, DATA, again.sign(DATA))).toBe(true);
  });

  it('of an older Penilai (plain PEM) keeps working: the same device, sealed in place on first open', () => {
    const home = newHome();
    mkdirSync(home, { recursive: true });
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
    const id = randomUUID();
    writeFileSync(
      join(home, 'device.json'),
      JSON.stringify({ format: 'penilai.device/1', id, publicKey: raw, created: '2026-01-01T00:00:00.000Z' }),
    );
    writeFileSync(join(home, 'device.key'), privateKey.export({ format: 'pem', type: 'pkcs8' }) as string, { mode: 0o600 });
    const seed = seedOf(privateKey.export({ format: 'der', type: 'pkcs8' }));

    const opened = openIdentity(home, { env: NO_ENV });
    expect(opened.id).toBe(id);
    expect(opened.publicKey).toBe(raw);
    expect(verifySignature(raw, DATA, opened.sign(DATA))).toBe(true);
    const file = readFileSync(join(home, 'device.key'));
    expect(file.toString()).not.toContain('PRIVATE KEY');
    expect(file.includes(seed)).toBe(false);
    expect(parseSealed(file.toString())?.protection).toBe('scrypt');
    expect(openIdentity(home, { env: NO_ENV }).publicKey).toBe(raw);
  });

  it('under PENILAI_KEY_SECRET: no secret file written; a wrong or missing secret refused in words', () => {
    const home = newHome();
    const env = { PENILAI_KEY_SECRET: 'kata sandi panjang milik operator' } as NodeJS.ProcessEnv;
    const identity = openIdentity(home, { env });
    expect(existsSync(join(home, 'device.secret'))).toBe(false);
    expect(openIdentity(home, { env }).publicKey).toBe(identity.publicKey);
    const wrong = caught(() => openIdentity(home, { env: { PENILAI_KEY_SECRET: 'salah' } as NodeJS.ProcessEnv }));
    expect(wrong.key).toBe('identity.badSecret');
    expect(describeError(wrong.toValue(), 'id')).toBe(
      `Kunci perangkat di ${join(home, 'device.key')} tidak dapat dibuka dengan rahasia yang diberikan. Periksa PENILAI_KEY_SECRET atau berkas rahasia di folder yang sama.`,
    );
    expect(caught(() => openIdentity(home, { env: NO_ENV })).key).toBe('identity.badSecret');
  });

  it('changed on disk is refused (the seal is authenticated), and a damaged file said in words', () => {
    const home = newHome();
    openIdentity(home, { env: NO_ENV });
    const keyFile = join(home, 'device.key');
    const sealed = JSON.parse(readFileSync(keyFile, 'utf8')) as { data: string };
    const bytes = Buffer.from(sealed.data, 'base64');
    bytes[0]! ^= 1;
    writeFileSync(keyFile, JSON.stringify({ ...sealed, data: bytes.toString('base64') }));
    expect(caught(() => openIdentity(home, { env: NO_ENV })).key).toBe('identity.badSecret');
    writeFileSync(keyFile, 'bukan kunci');
    const damaged = caught(() => openIdentity(home, { env: NO_ENV }));
    expect(damaged.key).toBe('identity.unreadable');
    expect(describeError(damaged.toValue(), 'en')).toBe(`The device key file ${keyFile} is damaged or not a Penilai key.`);
  });

  it('is never in the database: a core that wrote and signed leaves no trace of the key in its file', async () => {
    const home = newHome();
    const file = join(temp.dir, 'db-key.sqlite');
    const core = openTestCore(file, undefined, { home });
    const created = await core.call('setup.create', {
      competition: { code: 'UJI', name: 'Lomba Uji', year: 2026 },
      sites: [{ code: 'S01', name: 'Desa Sukamaju' }],
      jurors: [{ code: 'J1', name: 'Siti Aminah', role: 'ketua' }],
    });
    expect(created.ok).toBe(true);
    expect((await core.call('exchange.setupPackage', { competition: 'UJI' })).ok).toBe(true);
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    core.close();
    const sealed = parseSealed(readFileSync(join(home, 'device.key'), 'utf8'))!;
    const der = scryptProtector(Buffer.from(readFileSync(join(home, 'device.secret'), 'utf8').trim(), 'base64')).open(sealed);
    expect(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).asymmetricKeyType).toBe('ed25519');
    const db = readFileSync(file);
    expect(db.includes(seedOf(der))).toBe(false);
    expect(db.includes(Buffer.from(seedOf(der).toString('base64')))).toBe(false);
  });
});

describe("the desktop shell's keychain hook (Electron safeStorage, a stand-in here)", () => {
  it('is not offered without a real keychain (unavailable, or Linux basic_text)', () => {
    expect(safeStorageProtector(fakeSafeStorage('gnome_libsecret', false), 'linux')).toBeNull();
    expect(safeStorageProtector(fakeSafeStorage('basic_text'), 'linux')).toBeNull();
    expect(safeStorageProtector(fakeSafeStorage('basic_text'), 'win32')?.kind).toBe('os');
  });

  it('seals a new key; moves a scrypt-sealed key to the keychain on first open; the same device throughout', () => {
    const protector = safeStorageProtector(fakeSafeStorage(), 'linux')!;
    const home = newHome();
    const fresh = openIdentity(home, { env: NO_ENV, protector });
    expect(parseSealed(readFileSync(join(home, 'device.key'), 'utf8'))?.protection).toBe('os');
    expect(existsSync(join(home, 'device.secret'))).toBe(false);
    expect(openIdentity(home, { env: NO_ENV, protector }).publicKey).toBe(fresh.publicKey);
    // Without the keychain (the command line on the same home) it cannot be opened: said in words.
    expect(caught(() => openIdentity(home, { env: NO_ENV })).key).toBe('identity.badSecret');

    const older = newHome();
    const before = openIdentity(older, { env: NO_ENV });
    const moved = openIdentity(older, { env: NO_ENV, protector });
    expect(moved.publicKey).toBe(before.publicKey);
    expect(parseSealed(readFileSync(join(older, 'device.key'), 'utf8'))?.protection).toBe('os');
    expect(verifySignature(before.publicKey, DATA, moved.sign(DATA))).toBe(true);
  });
});

describe('first starts at once on one home folder', () => {
  it('six processes making the identity together all end with the same id and key, and it opens after', async () => {
    const home = newHome();
    const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
    const script = join(REPO_ROOT, 'test', 'support', 'open-identity.ts');
    // Started a little ahead and held to one moment (module loading takes a while), so that they race.
    const startAt = String(Date.now() + 4000);
    const runs = await Promise.all(
      Array.from(
        { length: 6 },
        () =>
          new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
            const child = spawn(tsx, [script, home, startAt], { cwd: REPO_ROOT, env: { ...process.env, PENILAI_KEY_SECRET: '' } });
            let out = '';
            let err = '';
            child.stdout.on('data', (d: Buffer) => (out += d.toString()));
            child.stderr.on('data', (d: Buffer) => (err += d.toString()));
            child.on('close', (code) => resolve({ code, out, err }));
          }),
      ),
    );
    for (const run of runs) expect(run.code, run.err).toBe(0);
    const seen = runs.map((r) => JSON.parse(r.out.trim()) as { id: string; publicKey: string; signed: number });
    expect(new Set(seen.map((s) => `${s.id} ${s.publicKey}`)).size).toBe(1);
    expect(seen.every((s) => s.signed === 64)).toBe(true);
    const again = openIdentity(home, { env: NO_ENV });
    expect([again.id, again.publicKey]).toEqual([seen[0]!.id, seen[0]!.publicKey]);
  }, 120_000);
});
