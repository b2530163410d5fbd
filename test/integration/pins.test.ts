/**
 * Keys, PINs and roles (issue 12), through `dispatch` on real SQLite files: wrong PINs sent all at once are counted
 * one at a time per juror and lock the juror after five (exactly five compared), a restart (a new core on the same
 * file) keeps the lock-out, a juror's PIN is set or reset only in the secretariat's session and changed by the juror
 * only with the current one, easy PINs are refused in words, and a database held by another process is reported as
 * busy, never as an internal error.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { openDatabase } from '../../electron/core/platform/database.js';
import { describeError, UserError, type AppError } from '../../shared/domain/errors.js';
import { weakPin } from '../../shared/domain/pin-strength.js';
import { databaseBytes, openTestCore, REPO_ROOT, tempDir } from '../support/core.js';

const temp = tempDir('penilai-pins-');
afterAll(() => temp.cleanup());

let now = new Date('2026-09-08T09:00:00.000Z');
const clock = () => now;
const later = (ms: number) => {
  now = new Date(now.getTime() + ms);
};

const open: Core[] = [];
afterEach(() => {
  for (const core of open.splice(0)) core.close();
});
let counter = 0;
function fresh(): { file: string; core: Core } {
  counter += 1;
  const file = join(temp.dir, `pins-${counter}.sqlite`);
  const core = openTestCore(file, clock);
  open.push(core);
  return { file, core };
}
function reopen(file: string, options: Parameters<typeof openTestCore>[2] = {}): Core {
  const core = openTestCore(file, clock, options);
  open.push(core);
  return core;
}

type Res<T> = Promise<{ ok: true; value: T } | { ok: false; error: AppError }>;
async function ok<T>(result: Res<T>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`expected ok, got ${r.error.key}: ${describeError(r.error, 'en')}`);
  return r.value;
}
async function fails(result: Res<unknown>): Promise<AppError> {
  const r = await result;
  if (r.ok) throw new Error('expected a failure');
  return r.error;
}

const SEKRETARIAT = '7391';
const JURI = '2468';

async function setUp(core: Core): Promise<void> {
  await ok(
    core.call('setup.create', {
      competition: { code: 'UJI', name: 'Lomba Uji', year: 2026 },
      sites: [{ code: 'S01', name: 'Desa Sukamaju' }],
      jurors: [
        { code: 'J1', name: 'Siti Aminah', role: 'ketua' },
        { code: 'J2', name: 'Budi Santoso', role: 'anggota' },
      ],
    }),
  );
  await ok(core.call('session.setSecretariatPin', { competition: 'UJI', pin: SEKRETARIAT }));
  await ok(core.call('session.enterSecretariat', { competition: 'UJI', pin: SEKRETARIAT }));
  await ok(core.call('session.setJurorPin', { competition: 'UJI', juror: 'J1', pin: JURI }));
  await ok(core.call('session.leaveSecretariat', {}));
}

describe('wrong PINs sent at once', () => {
  it('200 at once: exactly 5 compared, the juror locked, the rest refused without being tried; the right PIN too', async () => {
    const { core } = fresh();
    await setUp(core);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => core.call('session.enter', { competition: 'UJI', juror: 'J1', pin: String(5000 + i) })),
    );
    const keys = results.map((r) => (r.ok ? 'ok' : r.error.key));
    expect(keys.filter((k) => k === 'session.badPin')).toHaveLength(5);
    expect(keys.filter((k) => k === 'session.locked')).toHaveLength(195);
    // Counted in arrival order: the first five were compared.
    expect(keys.slice(0, 5)).toEqual(Array(5).fill('session.badPin'));
    expect(core.deps.repos.pinLockouts.state('UJI', 'J1')).toEqual({ failures: 0, lockouts: 1, lockedUntil: now.getTime() + 30_000 });
    const right = await fails(core.call('session.enter', { competition: 'UJI', juror: 'J1', pin: JURI }));
    expect(right.key).toBe('session.locked');
    expect(describeError(right, 'id')).toBe('Terlalu banyak PIN salah untuk juri J1. Coba lagi dalam 30 detik.');
    // The other juror is not held up by J1's lock-out.
    await ok(core.call('session.enterSecretariat', { competition: 'UJI', pin: SEKRETARIAT }));
  });

  it('the secretariat PIN too: 50 at once, 5 compared', async () => {
    const { core } = fresh();
    await setUp(core);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => core.call('session.enterSecretariat', { competition: 'UJI', pin: String(6000 + i) })),
    );
    const keys = results.map((r) => (r.ok ? 'ok' : r.error.key));
    expect(keys.filter((k) => k === 'session.secretariatBadPin')).toHaveLength(5);
    expect(keys.filter((k) => k === 'session.secretariatLocked')).toHaveLength(45);
  });

  it('a restart keeps the lock-out; it ends by the clock; the next lock-out in a row lasts twice as long', async () => {
    const { file, core } = fresh();
    await setUp(core);
    for (let i = 0; i < 5; i += 1) await fails(core.call('session.enter', { competition: 'UJI', juror: 'J1', pin: '5071' }));
    core.close();
    open.splice(open.indexOf(core), 1);

    const again = reopen(file);
    const locked = await fails(again.call('session.enter', { competition: 'UJI', juror: 'J1', pin: JURI }));
    expect(locked.key).toBe('session.locked');
    expect(locked.params.seconds).toBe(30);
    later(31_000);
    // Past the lock-out: five more wrong ones lock for 60 s (a restart in between changes nothing).
    for (let i = 0; i < 5; i += 1) await fails(again.call('session.enter', { competition: 'UJI', juror: 'J1', pin: '5071' }));
    const third = reopen(file);
    expect((await fails(third.call('session.enter', { competition: 'UJI', juror: 'J1', pin: JURI }))).params.seconds).toBe(60);
    later(61_000);
    await ok(third.call('session.enter', { competition: 'UJI', juror: 'J1', pin: JURI }));
    // The right PIN forgets the tries.
    expect(third.deps.repos.pinLockouts.state('UJI', 'J1')).toBeNull();
  });

  it('two cores on one file count the same tries', async () => {
    const { file, core } = fresh();
    await setUp(core);
    const other = reopen(file);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? other : core).call('session.enter', { competition: 'UJI', juror: 'J1', pin: String(8000 + i) }),
      ),
    );
    const keys = results.map((r) => (r.ok ? 'ok' : r.error.key));
    expect(keys.filter((k) => k === 'session.badPin')).toHaveLength(5);
    expect(keys.filter((k) => k === 'session.locked')).toHaveLength(35);
  });
});

describe('who may set a PIN', () => {
  it("a juror's PIN cannot be set or reset without the secretariat's session; the data stays as it was", async () => {
    const { core } = fresh();
    await setUp(core);
    const before = databaseBytes(core);
    const reset = await fails(core.call('session.setJurorPin', { competition: 'UJI', juror: 'J1', pin: '8642' }));
    expect(reset.key).toBe('session.secretariatForPin');
    expect(reset.code).toBe('forbidden');
    expect(describeError(reset, 'id')).toMatch(/^Menetapkan atau mengatur ulang PIN juri adalah tugas sekretariat/);
    const cleared = await fails(core.call('session.setJurorPin', { competition: 'UJI', juror: 'J1', pin: null }));
    expect(cleared.key).toBe('session.secretariatForPin');
    const first = await fails(core.call('session.setJurorPin', { competition: 'UJI', juror: 'J2', pin: '8642' }));
    expect(first.key).toBe('session.secretariatForPin');
    expect(databaseBytes(core)).toBe(before);
    // The old PIN still opens the session; the would-be new one does not.
    expect((await fails(core.call('session.enter', { competition: 'UJI', juror: 'J1', pin: '8642' }))).key).toBe('session.badPin');
    await ok(core.call('session.enter', { competition: 'UJI', juror: 'J1', pin: JURI }));
  });

  it("a juror's own change needs the current PIN; the secretariat, in its session, resets it and clears the lock-out", async () => {
    const { core } = fresh();
    await setUp(core);
    expect((await fails(core.call('session.setJurorPin', { competition: 'UJI', juror: 'J1', pin: '8642', currentPin: '9157' }))).key).toBe(
      'session.badPin',
    );
    await ok(core.call('session.setJurorPin', { competition: 'UJI', juror: 'J1', pin: '8642', currentPin: JURI }));
    await ok(core.call('session.enter', { competition: 'UJI', juror: 'J1', pin: '8642' }));
    for (let i = 0; i < 5; i += 1) await fails(core.call('session.enter', { competition: 'UJI', juror: 'J1', pin: '5071' }));
    expect((await fails(core.call('session.enter', { competition: 'UJI', juror: 'J1', pin: '8642' }))).key).toBe('session.locked');
    await ok(core.call('session.enterSecretariat', { competition: 'UJI', pin: SEKRETARIAT }));
    await ok(core.call('session.setJurorPin', { competition: 'UJI', juror: 'J1', pin: '3917' }));
    await ok(core.call('session.enter', { competition: 'UJI', juror: 'J1', pin: '3917' }));
  });
});

describe('easy PINs', () => {
  it.each([
    ['0000', 'same'],
    ['111111', 'same'],
    ['1234', 'sequence'],
    ['4321', 'sequence'],
    ['7890', 'sequence'],
    ['0987', 'sequence'],
    ['12345678', 'sequence'],
    ['1212', 'repeated'],
    ['123123', 'repeated'],
    ['2580', 'common'],
    ['1004', 'common'],
  ])('%s is refused (%s)', (pin, reason) => {
    expect(weakPin(pin)).toBe(reason);
  });

  it.each(['2468', '7391', '1357', '8642', '3917', '20261'])('%s is accepted', (pin) => {
    expect(weakPin(pin)).toBeNull();
  });

  it('are refused in words next to the field, for jurors and the secretariat, and change nothing', async () => {
    const { core } = fresh();
    await setUp(core);
    await ok(core.call('session.enterSecretariat', { competition: 'UJI', pin: SEKRETARIAT }));
    const before = databaseBytes(core);
    const same = await fails(core.call('session.setJurorPin', { competition: 'UJI', juror: 'J2', pin: '0000' }));
    expect(same).toMatchObject({ code: 'invalid', key: 'validate.weakPin.same', path: 'pin' });
    expect(describeError(same, 'id')).toContain('PIN ini terlalu mudah ditebak (satu angka diulang)');
    expect(describeError(same, 'en')).toContain('This PIN is too easy to guess (one digit repeated)');
    const sequence = await fails(core.call('session.setJurorPin', { competition: 'UJI', juror: 'J2', pin: '1234' }));
    expect(sequence.key).toBe('validate.weakPin.sequence');
    const own = await fails(core.call('session.setJurorPin', { competition: 'UJI', juror: 'J1', pin: '1212', currentPin: JURI }));
    expect(own.key).toBe('validate.weakPin.repeated');
    const secretariat = await fails(core.call('session.setSecretariatPin', { competition: 'UJI', pin: '4321', currentPin: SEKRETARIAT }));
    expect(secretariat).toMatchObject({ key: 'validate.weakPin.sequence', path: 'pin' });
    expect(databaseBytes(core)).toBe(before);
  });
});

describe('a database held by another process', () => {
  it('is reported busy in words, not as an internal error, and nothing is written; once free the same call goes through', async () => {
    const { file, core } = fresh();
    await setUp(core);
    core.close();
    open.splice(open.indexOf(core), 1);
    const waiting = reopen(file, { busyTimeoutMs: 200 });
    const holder = new Database(file);
    holder.pragma('busy_timeout = 0');
    holder.exec('BEGIN IMMEDIATE');
    holder.prepare(`UPDATE competition SET name = name WHERE code = 'UJI'`).run();
    try {
      const busy = await fails(waiting.call('setup.archive', { code: 'UJI', archived: true }));
      expect(busy).toEqual({ code: 'conflict', key: 'db.busy', params: {} });
      expect(describeError(busy, 'id')).toMatch(/^Basis data sedang dipakai program lain/);
      expect(describeError(busy, 'en')).toMatch(/^The database is in use by another program/);
      // A PIN check needs the write lock too (its try is counted first): busy, and no try was counted.
      const pin = await fails(waiting.call('session.enter', { competition: 'UJI', juror: 'J1', pin: '5071' }));
      expect(pin.key).toBe('db.busy');
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(waiting.deps.repos.pinLockouts.state('UJI', 'J1')).toBeNull();
    await ok(waiting.call('setup.archive', { code: 'UJI', archived: true }));
  });

  it('an older database to migrate while another process writes: busy in words, the file untouched', () => {
    const file = join(temp.dir, 'old-busy.sqlite');
    openDatabase({ file, targetVersion: 9 }).close();
    const holder = new Database(file);
    holder.exec('BEGIN IMMEDIATE');
    let caught: unknown;
    try {
      openDatabase({ file, busyTimeoutMs: 100 });
    } catch (error) {
      caught = error;
    } finally {
      holder.exec('ROLLBACK');
    }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).key).toBe('db.busy');
    expect(holder.pragma('user_version', { simple: true })).toBe(9);
    holder.close();
  });

  it('is waited for: a write lock held by another process for a moment does not fail the call', async () => {
    const { file, core } = fresh();
    await setUp(core);
    // Another process takes the write lock, says so, and lets it go 300 ms later; this core waits up to 5 s.
    const script = `
      const Database = require('better-sqlite3');
      const db = new Database(process.argv[1]);
      db.exec('BEGIN IMMEDIATE');
      db.prepare("UPDATE competition SET name = 'Dipegang proses lain' WHERE code = 'UJI'").run();
      process.stdout.write('held\\n');
      setTimeout(() => { db.exec('COMMIT'); db.close(); }, 300);
    `;
    const child = spawn(process.execPath, ['-e', script, file], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('held') && resolve());
      child.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
    });
    await ok(core.call('setup.archive', { code: 'UJI', archived: true }));
    await new Promise((resolve) => child.on('close', resolve));
    const detail = await ok(core.call('setup.get', { code: 'UJI' }));
    expect(detail.info.name).toBe('Dipegang proses lain');
  });
});
