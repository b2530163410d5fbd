/**
 * A laptop passed from hand to hand, through `dispatch` on real SQLite files: a juror's session locks after the
 * competition's time without use (by the core's clock) and after a restart, paper sheets are typed up only in the
 * secretariat's session (its own PIN), and competitions are archived, restored and deleted with what goes with them.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../electron/core/audit/verify.js';
import type { Core } from '../../electron/core/app.js';
import type { ChannelInput } from '../../shared/contract/schemas.js';
import { describeError, type AppError } from '../../shared/domain/errors.js';
import { openTestCore, tempDir } from '../support/core.js';
import { withoutDigests } from '../support/jury.js';

const temp = tempDir('penilai-laptop-');
afterAll(() => temp.cleanup());

let now = new Date('2026-09-08T09:00:00.000Z');
const clock = () => now;
const later = (ms: number) => {
  now = new Date(now.getTime() + ms);
};
const MINUTE = 60_000;

let core: Core;
let file: string;
let counter = 0;

beforeEach(() => {
  counter += 1;
  file = join(temp.dir, `laptop-${counter}.sqlite`);
  core = openTestCore(file, clock);
});
afterEach(() => core.close());

async function ok<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: AppError }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`expected ok, got ${r.error.key}: ${describeError(r.error, 'en')}`);
  return r.value;
}

async function fails(result: Promise<{ ok: true; value: unknown } | { ok: false; error: AppError }>): Promise<AppError> {
  const r = await result;
  if (r.ok) throw new Error('expected a failure');
  return r.error;
}

function competition(code: string): ChannelInput<'setup.create'> {
  return {
    competition: { code, name: `Lomba ${code}`, year: 2026 },
    sites: [
      { code: 'S01', name: 'Desa Sukamaju' },
      { code: 'S02', name: 'Desa Mekarsari' },
    ],
    jurors: [
      { code: 'J1', name: 'Dr. Hj. Siti Aminah, M.Si.', role: 'ketua' },
      { code: 'J2', name: 'Budi Santoso', role: 'anggota' },
    ],
  };
}

async function create(code: string, lockAfterMinutes?: number): Promise<void> {
  await ok(core.call('setup.create', competition(code)));
  if (lockAfterMinutes === undefined) return;
  const detail = await ok(core.call('setup.get', { code }));
  await ok(
    core.call('setup.save', {
      code,
      competition: { ...detail.info, rules: { ...detail.rules, lockAfterMinutes } },
      sites: detail.sites,
      jurors: detail.jurors,
    }),
  );
}

/** The secretariat sets a juror's PIN in its own session (its PIN set first), then leaves it. */
async function setJurorPin(code: string, juror: string, pin: string): Promise<void> {
  await ok(core.call('session.setSecretariatPin', { competition: code, pin: '1357' }));
  await ok(core.call('session.enterSecretariat', { competition: code, pin: '1357' }));
  await ok(core.call('session.setJurorPin', { competition: code, juror, pin }));
  await ok(core.call('session.leaveSecretariat', {}));
}

const score = (code: string, juror: string, site: string, indicator: string, value: number, entry?: boolean) =>
  core.call('scoring.setScore', { competition: code, juror, site, indicator, value, ...(entry ? { entry } : {}) });

describe('a juror session left unused', () => {
  it('locks after 10 minutes by the core’s clock: writes refused, the PIN asked again, nothing lost', async () => {
    await create('UJI');
    await setJurorPin('UJI', 'J1', '2468');
    await ok(core.call('session.enter', { competition: 'UJI', juror: 'J1', pin: '2468' }));
    await ok(score('UJI', 'J1', 'S01', 'A1', 3));
    await ok(core.call('scoring.setNote', { competition: 'UJI', juror: 'J1', site: 'S01', indicator: 'A1', note: 'SK ada' }));

    later(10 * MINUTE); // exactly the limit: still open
    expect(await ok(core.call('session.get', {}))).toEqual({
      competition: 'UJI',
      juror: 'J1',
      name: 'Dr. Hj. Siti Aminah, M.Si.',
      locked: false,
    });
    await ok(score('UJI', 'J1', 'S01', 'A2', 4)); // a write is use: the ten minutes start again

    later(10 * MINUTE + 1000);
    expect(await ok(core.call('session.get', {}))).toMatchObject({ juror: 'J1', locked: true });
    const refused = await fails(score('UJI', 'J1', 'S01', 'A3', 5));
    expect(refused.key).toBe('session.idle');
    expect(describeError(refused, 'id')).toBe('Sesi juri J1 terkunci karena lama tidak dipakai: masukkan PIN untuk melanjutkan.');
    expect(
      (await fails(core.call('scoring.setNote', { competition: 'UJI', juror: 'J1', site: 'S01', indicator: 'A1', note: 'diganti' }))).key,
    ).toBe('session.idle');

    expect((await fails(core.call('session.enter', { competition: 'UJI', juror: 'J1', pin: '3917' }))).key).toBe('session.badPin');
    expect(await ok(core.call('session.get', {}))).toMatchObject({ locked: true });
    await ok(core.call('session.enter', { competition: 'UJI', juror: 'J1', pin: '2468' }));
    await ok(score('UJI', 'J1', 'S01', 'A3', 5));
    const sheet = await ok(core.call('scoring.sheet', { competition: 'UJI', juror: 'J1', site: 'S01' }));
    expect(sheet.scores.map((s) => [s.indicator, s.value])).toEqual([
      ['A1', 3],
      ['A2', 4],
      ['A3', 5],
    ]);
    expect(sheet.notes).toEqual([{ indicator: 'A1', note: 'SK ada' }]);
  });

  it('follows rules.lockAfterMinutes; session.touch keeps a session in use open; session.lock locks at once', async () => {
    await create('UJI', 3);
    expect((await ok(core.call('setup.get', { code: 'UJI' }))).rules.lockAfterMinutes).toBe(3);
    await setJurorPin('UJI', 'J1', '2468');
    await ok(core.call('session.enter', { competition: 'UJI', juror: 'J1', pin: '2468' }));
    later(2 * MINUTE);
    await ok(core.call('session.touch', {}));
    later(2 * MINUTE);
    await ok(score('UJI', 'J1', 'S01', 'A1', 3));
    later(3 * MINUTE + 1000);
    expect((await fails(score('UJI', 'J1', 'S01', 'A1', 4))).key).toBe('session.idle');
    await ok(core.call('session.enter', { competition: 'UJI', juror: 'J1', pin: '2468' }));
    expect(await ok(core.call('session.lock', {}))).toMatchObject({ juror: 'J1', locked: true });
    expect((await fails(score('UJI', 'J1', 'S01', 'A1', 4))).key).toBe('session.idle');
    expect(await ok(core.call('session.touch', {}))).toMatchObject({ locked: true }); // touching does not unlock
  });

  it('refuses a lock time outside 1–240 minutes', async () => {
    await create('UJI');
    const detail = await ok(core.call('setup.get', { code: 'UJI' }));
    for (const lockAfterMinutes of [0, 241, 2.5]) {
      const error = await fails(
        core.call('setup.save', {
          code: 'UJI',
          competition: { ...detail.info, rules: { ...detail.rules, lockAfterMinutes } },
          sites: detail.sites,
          jurors: detail.jurors,
        }),
      );
      expect(error.path).toBe('competition.rules.lockAfterMinutes');
    }
  });

  it('ends, for a juror without a PIN, instead of locking (the laptop asks who is there; the juror may still write)', async () => {
    await create('UJI');
    await ok(core.call('session.enter', { competition: 'UJI', juror: 'J2' }));
    later(10 * MINUTE + 1000);
    expect(await ok(core.call('session.get', {}))).toBeNull();
    expect(await ok(core.call('session.lock', {}))).toBeNull();
    await ok(score('UJI', 'J2', 'S01', 'A1', 2));
  });

  it('is gone after a restart: a new core on the same database asks the PIN again', async () => {
    await create('UJI');
    await setJurorPin('UJI', 'J1', '2468');
    await ok(core.call('session.enter', { competition: 'UJI', juror: 'J1', pin: '2468' }));
    await ok(score('UJI', 'J1', 'S01', 'A1', 3));
    core.close();
    core = openTestCore(file, clock);
    expect(await ok(core.call('session.get', {}))).toBeNull();
    expect((await fails(score('UJI', 'J1', 'S01', 'A1', 4))).key).toBe('session.required');
    await ok(core.call('session.enter', { competition: 'UJI', juror: 'J1', pin: '2468' }));
    await ok(score('UJI', 'J1', 'S01', 'A1', 4));
  });

  it('round-trips rules.lockAfterMinutes through the competition file', async () => {
    await create('UJI', 15);
    const exported = await ok(core.call('setup.export', { code: 'UJI' }));
    const parsed = JSON.parse(new TextDecoder().decode(exported.bytes)) as { competition: { rules: { lockAfterMinutes?: number } } };
    expect(parsed.competition.rules.lockAfterMinutes).toBe(15);
    await ok(core.call('setup.archive', { code: 'UJI', archived: true }));
    await ok(core.call('setup.delete', { code: 'UJI', confirm: 'UJI' }));
    const text = new TextDecoder().decode(exported.bytes).replaceAll('"UJI"', '"SALINAN"');
    await ok(core.call('setup.import', { name: 'salinan.penilai.json', bytes: new TextEncoder().encode(text) }));
    expect((await ok(core.call('setup.get', { code: 'SALINAN' }))).rules.lockAfterMinutes).toBe(15);
  });
});

describe('typing up paper sheets (entry mode)', () => {
  it('needs the secretariat PIN set in Lomba, then the secretariat’s session; entries stay the secretariat’s', async () => {
    await create('UJI');
    expect(await ok(core.call('session.secretariat', { competition: 'UJI' }))).toEqual({ hasPin: false, open: false });
    const noPin = await fails(score('UJI', 'J1', 'S01', 'A1', 3, true));
    expect(noPin.key).toBe('session.secretariatNoPin');
    expect(describeError(noPin, 'id')).toMatch(/Sekretariat belum menetapkan PIN sekretariat/);
    expect((await fails(core.call('session.enterSecretariat', { competition: 'UJI', pin: '1357' }))).key).toBe('session.secretariatNoPin');

    await ok(core.call('session.setSecretariatPin', { competition: 'UJI', pin: '1357' }));
    expect(await ok(core.call('session.secretariat', { competition: 'UJI' }))).toEqual({ hasPin: true, open: false });
    expect((await fails(score('UJI', 'J1', 'S01', 'A1', 3, true))).key).toBe('session.secretariatRequired');
    expect(
      (await fails(core.call('scoring.setNote', { competition: 'UJI', juror: 'J1', site: 'S01', indicator: 'A1', note: 'x', entry: true })))
        .key,
    ).toBe('session.secretariatRequired');
    const wrong = await fails(core.call('session.enterSecretariat', { competition: 'UJI', pin: '0000' }));
    expect(describeError(wrong, 'en')).toBe('Wrong secretariat PIN.');

    await ok(core.call('session.enterSecretariat', { competition: 'UJI', pin: '1357' }));
    expect(await ok(score('UJI', 'J1', 'S01', 'A1', 3, true))).toMatchObject({ value: 3 });
    await ok(
      core.call('scoring.setNote', { competition: 'UJI', juror: 'J1', site: 'S01', indicator: 'A1', note: 'dari kertas', entry: true }),
    );
    const history = await ok(core.call('scoring.history', { competition: 'UJI', juror: 'J1' }));
    expect(history.map((h) => [h.kind, h.actor])).toEqual([
      ['score', 'sekretariat'],
      ['note', 'sekretariat'],
    ]);
    // A juror's own session is not the secretariat's.
    await ok(core.call('session.leaveSecretariat', {}));
    await ok(core.call('session.enter', { competition: 'UJI', juror: 'J1' }));
    expect((await fails(score('UJI', 'J1', 'S01', 'A2', 3, true))).key).toBe('session.secretariatRequired');
    expect(verifyDatabase(core.db)).toMatchObject({ count: 0 });
  });

  it('counts wrong secretariat PINs (five lock it out for 30 s) and ends the session after the time without use', async () => {
    await create('UJI');
    await ok(core.call('session.setSecretariatPin', { competition: 'UJI', pin: '1357' }));
    for (let i = 0; i < 5; i += 1) await fails(core.call('session.enterSecretariat', { competition: 'UJI', pin: '0000' }));
    const locked = await fails(core.call('session.enterSecretariat', { competition: 'UJI', pin: '1357' }));
    expect(locked.key).toBe('session.secretariatLocked');
    later(30_000);
    await ok(core.call('session.enterSecretariat', { competition: 'UJI', pin: '1357' }));
    later(9 * MINUTE);
    await ok(score('UJI', 'J1', 'S01', 'A1', 3, true));
    later(10 * MINUTE + 1000);
    expect(await ok(core.call('session.secretariat', { competition: 'UJI' }))).toEqual({ hasPin: true, open: false });
    expect((await fails(score('UJI', 'J1', 'S01', 'A1', 4, true))).key).toBe('session.secretariatRequired');
  });

  it('changes the secretariat PIN only with the current one, recorded in the history without the PIN', async () => {
    await create('UJI');
    await ok(core.call('session.setSecretariatPin', { competition: 'UJI', pin: '1357' }));
    expect((await fails(core.call('session.setSecretariatPin', { competition: 'UJI', pin: '2468' }))).key).toBe(
      'session.secretariatPinRequired',
    );
    expect((await fails(core.call('session.setSecretariatPin', { competition: 'UJI', pin: '2468', currentPin: '0000' }))).key).toBe(
      'session.secretariatBadPin',
    );
    await ok(core.call('session.setSecretariatPin', { competition: 'UJI', pin: '2468', currentPin: '1357' }));
    expect((await fails(core.call('session.enterSecretariat', { competition: 'UJI', pin: '1357' }))).key).toBe('session.secretariatBadPin');
    await ok(core.call('session.enterSecretariat', { competition: 'UJI', pin: '2468' }));
    const pins = (await ok(core.call('scoring.history', { competition: 'UJI' }))).filter((h) => h.kind === 'pin');
    expect(pins.map((h) => [h.juror, h.actor, h.oldText === null, /^sha256:[0-9a-f]{64}$/.test(h.newText ?? '')])).toEqual([
      [null, 'sekretariat', true, true],
      [null, 'sekretariat', false, true],
    ]);
    const stored = core.db.prepare(`SELECT secretariat_pin_hash AS h FROM competition WHERE code = 'UJI'`).get() as { h: string };
    expect(stored.h).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(withoutDigests(pins)).not.toContain('2468');
    expect(verifyDatabase(core.db)).toMatchObject({ count: 0 });
    // A PIN put in behind the app's back (no history entry) is found by verify.
    core.db.prepare(`UPDATE competition SET secretariat_pin_hash = ? WHERE code = 'UJI'`).run(`${stored.h}x`);
    const report = verifyDatabase(core.db);
    expect(report.problems).toEqual([{ key: 'verify.secretariatPin', params: { competition: 'UJI' } }]);
  });
});

describe('archiving and deleting a competition', () => {
  it('hides an archived competition from the list (unless asked), keeps it whole, and restores it', async () => {
    await create('LAMA');
    await create('BARU');
    await ok(core.call('session.setSecretariatPin', { competition: 'LAMA', pin: '1357' }));
    await ok(core.call('session.enterSecretariat', { competition: 'LAMA', pin: '1357' }));
    await ok(score('LAMA', 'J1', 'S01', 'A1', 3, true));
    const archived = await ok(core.call('setup.archive', { code: 'LAMA', archived: true }));
    expect(archived).toMatchObject({ code: 'LAMA', archived: true });
    expect((await ok(core.call('setup.list', {}))).map((c) => c.code)).toEqual(['BARU']);
    expect((await ok(core.call('setup.list', { includeArchived: true }))).map((c) => [c.code, c.archived])).toEqual([
      ['LAMA', true],
      ['BARU', false],
    ]);
    expect((await ok(core.call('scoring.history', { competition: 'LAMA' }))).filter((h) => h.kind === 'score')).toHaveLength(1);
    expect((await ok(core.call('scoring.sheet', { competition: 'LAMA', juror: 'J1', site: 'S01' }))).scores).toHaveLength(1);
    await ok(core.call('setup.archive', { code: 'LAMA', archived: false }));
    expect((await ok(core.call('setup.list', {}))).map((c) => [c.code, c.archived])).toEqual([
      ['LAMA', false],
      ['BARU', false],
    ]);
  });

  it('deletes a competition only when its code is typed: its rows go, the others stay, the history chain holds', async () => {
    await ok(core.call('setup.createDemo', {}));
    await create('HAPUS');
    await ok(core.call('session.setSecretariatPin', { competition: 'HAPUS', pin: '1357' }));
    await ok(core.call('session.enterSecretariat', { competition: 'HAPUS', pin: '1357' }));
    await ok(core.call('session.setJurorPin', { competition: 'HAPUS', juror: 'J1', pin: '2468' }));
    for (const [site, indicator, value] of [
      ['S01', 'A1', 3],
      ['S01', 'A2', 2],
      ['S02', 'A1', 1],
    ] as const)
      await ok(score('HAPUS', 'J1', site, indicator, value, true));
    await ok(core.call('session.enter', { competition: 'HAPUS', juror: 'J1', pin: '2468' }));
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
      'base64',
    );
    await ok(
      core.call('evidence.add', {
        competition: 'HAPUS',
        juror: 'J1',
        site: 'S01',
        indicator: 'A1',
        name: 'foto.png',
        mime: 'image/png',
        bytes: new Uint8Array(png),
      }),
    );
    const count = (table: string) => (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const tables = ['site', 'juror', 'score', 'evidence', 'sheet', 'history'] as const;
    const before = Object.fromEntries(tables.map((t) => [t, count(t)])) as Record<(typeof tables)[number], number>;
    const demoRanking = await ok(core.call('compile.ranking', { competition: 'DEMO' }));

    expect(await ok(core.call('setup.usage', { code: 'HAPUS' }))).toEqual({
      code: 'HAPUS',
      name: 'Lomba HAPUS',
      sites: 2,
      jurors: 2,
      scores: 3,
      photos: 1,
    });
    const refused = await fails(core.call('setup.delete', { code: 'HAPUS', confirm: 'hapus saja' }));
    expect(describeError(refused, 'id')).toBe('Untuk menghapus, ketik kode lomba persis: HAPUS.');
    expect(Object.fromEntries(tables.map((t) => [t, count(t)]))).toEqual(before);

    expect(await ok(core.call('setup.delete', { code: 'HAPUS', confirm: 'HAPUS' }))).toEqual({
      code: 'HAPUS',
      name: 'Lomba HAPUS',
      sites: 2,
      jurors: 2,
      scores: 3,
      photos: 1,
    });
    expect(Object.fromEntries(tables.map((t) => [t, count(t)]))).toEqual({
      site: before.site - 2,
      juror: before.juror - 2,
      score: before.score - 3,
      evidence: before.evidence - 1,
      sheet: before.sheet - 2, // J1's two sheets (S01, S02) in HAPUS
      history: before.history + 1, // append-only: the record of what was done stays, and the deletion is recorded
    });
    const deletion = core.deps.repos.scoring.history({ competition: 'HAPUS' }).at(-1)!;
    expect(deletion).toMatchObject({
      kind: 'setup.competition',
      actor: 'sekretariat',
      payload: { action: 'delete', sites: 2, jurors: 2, scores: 3, photos: 1 },
    });
    expect((await ok(core.call('setup.list', { includeArchived: true }))).map((c) => c.code)).toEqual(['DEMO']);
    expect((await fails(core.call('setup.get', { code: 'HAPUS' }))).key).toBe('competition.notFound');
    expect(await ok(core.call('session.get', {}))).toBeNull();
    expect(await ok(core.call('compile.ranking', { competition: 'DEMO' }))).toEqual(demoRanking);
    expect(verifyDatabase(core.db, file)).toMatchObject({ count: 0, problems: [] });

    // Its code is not given again (its history would be mixed into a new competition's)…
    const again = await fails(core.call('setup.create', competition('HAPUS')));
    expect(describeError(again, 'id')).toMatch(/Kode HAPUS pernah dipakai lomba yang sudah dihapus/);
    // …and a deleted demo makes way for DEMO-2.
    await ok(core.call('setup.delete', { code: 'DEMO', confirm: 'DEMO' }));
    expect(await ok(core.call('setup.createDemo', {}))).toMatchObject({ code: 'DEMO-2', sites: 12, jurors: 5 });
    expect(verifyDatabase(core.db, file)).toMatchObject({ count: 0, problems: [] });
  });
});
