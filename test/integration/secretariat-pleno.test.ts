/**
 * The plenary's decisions, locking and reopening the official result are the secretariat's (issue 12 point 8): on a
 * laptop they need the secretariat's session, opened with its PIN; without it (never opened, left, or only a juror
 * signed in) each is refused in words, Indonesian and English, the database byte-identical; with it each is taken.
 * The command line acts as the secretariat without a PIN: its operator holds the database file itself.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import type { Channel } from '../../shared/contract/channels.js';
import type { ChannelInput } from '../../shared/contract/schemas.js';
import { describeError } from '../../shared/domain/errors.js';
import { runCommand } from '../support/cli.js';
import { copyClosedDatabase, databaseBytes, openTestCore, tempDir } from '../support/core.js';
import { asSecretariat, call, SECRETARIAT_PIN } from '../support/jury.js';
import { demoWithTie, TIE_COMPETITION as C } from '../support/pleno.js';

const temp = tempDir('penilai-secretariat-pleno-');
const template = join(temp.dir, 'pleno.sqlite');
const DECISION = { competition: C, order: ['S05', 'S04'], reason: 'Pembinaan di S05 lebih berkelanjutan' };
let core: Core;
let db = template;
let cases = 0;

// The demo with a tie, the pleno open and a secretariat PIN set; each test starts from its own copy of it.
beforeAll(async () => {
  const setup = openTestCore(template);
  await demoWithTie(setup);
  await asSecretariat(setup, C);
  await call(setup, 'pleno.open', { competition: C });
  setup.close();
}, 60_000);

afterAll(() => {
  core?.close();
  temp.cleanup();
});

/** A copy of the template brought to the step a test starts from, with the secretariat's session closed. */
async function fresh(step: 'pleno' | 'decided' | 'locked'): Promise<void> {
  core?.close();
  db = join(temp.dir, `case-${(cases += 1)}.sqlite`);
  copyClosedDatabase(template, db);
  core = openTestCore(db);
  if (step !== 'pleno') {
    await asSecretariat(core, C);
    await call(core, 'pleno.decide', DECISION);
    if (step === 'locked') await call(core, 'pleno.lock', { competition: C });
  }
  await call(core, 'session.leaveSecretariat', {});
}

const WORDS = [
  'Keputusan pleno, mengunci, dan membuka kembali hasil resmi hanya boleh dilakukan sekretariat: masukkan PIN sekretariat dahulu. Tidak ada yang berubah.',
  "Only the secretariat may record the plenary's decisions, lock or reopen the official result: enter the secretariat PIN first. Nothing was changed.",
];

/** The channel refused for the role, in both languages, the database byte-identical. */
async function refusedForRole<Ch extends Channel>(channel: Ch, input: ChannelInput<Ch>): Promise<void> {
  const before = databaseBytes(core);
  const r = await core.call(channel, input);
  expect(r.ok ? null : [r.error.key, r.error.code, describeError(r.error, 'id'), describeError(r.error, 'en')]).toEqual([
    'session.secretariatForPleno',
    'forbidden',
    ...WORDS,
  ]);
  expect(databaseBytes(core)).toBe(before);
}

describe('the plenary needs the secretariat', () => {
  it('deciding the tie: refused without the session, taken with it', async () => {
    await fresh('pleno');
    await refusedForRole('pleno.decide', DECISION);
    expect((await call(core, 'pleno.status', { competition: C })).decisions).toEqual([]);
    await call(core, 'session.enterSecretariat', { competition: C, pin: SECRETARIAT_PIN });
    const view = await call(core, 'pleno.decide', DECISION);
    expect(view.decisions.map((d) => [d.order, d.status])).toEqual([[['S05', 'S04'], 'applied']]);
  });

  it('locking: refused to a juror signed in and to nobody, taken in the secretariat session', async () => {
    await fresh('decided');
    await call(core, 'session.enter', { competition: C, juror: 'J1' });
    await refusedForRole('pleno.lock', { competition: C });
    await call(core, 'session.leave', {});
    await refusedForRole('pleno.lock', { competition: C });
    expect((await call(core, 'pleno.status', { competition: C })).state).toBe('pleno');
    await asSecretariat(core, C);
    const view = await call(core, 'pleno.lock', { competition: C });
    expect([view.state, view.revision]).toEqual(['locked', 0]);
  });

  it('reopening the result: refused without the session, taken with it as revision 1', async () => {
    await fresh('locked');
    await refusedForRole('pleno.reopen', { competition: C, reason: 'Salah ketik nama lokus' });
    expect((await call(core, 'pleno.status', { competition: C })).state).toBe('locked');
    await asSecretariat(core, C);
    const view = await call(core, 'pleno.reopen', { competition: C, reason: 'Salah ketik nama lokus' });
    expect([view.state, view.revision]).toEqual(['pleno', 1]);
  });

  it('importing scores from a file: refused without the session in words, nothing written', async () => {
    await fresh('pleno');
    const before = databaseBytes(core);
    const bytes = new TextEncoder().encode('site,juror,indicator,score\nS01,J1,A1,3\n');
    const r = await core.call('scoring.importScores', { competition: C, name: 'nilai.csv', bytes });
    expect(r.ok ? null : [r.error.key, describeError(r.error, 'id'), describeError(r.error, 'en')]).toEqual([
      'session.secretariatForImport',
      'Mengimpor nilai juri dari berkas adalah tugas sekretariat: masukkan PIN sekretariat dahulu. Tidak ada yang berubah.',
      "Importing jurors' scores from a file is the secretariat's task: enter the secretariat PIN first. Nothing was changed.",
    ]);
    expect(databaseBytes(core)).toBe(before);
  });

  it('the command line locks and reopens without a PIN: its operator holds the database file', async () => {
    await fresh('decided');
    core.close();
    const locked = await runCommand(['pleno', 'lock', '--db', db, '--json']);
    expect([locked.status, locked.stderr]).toEqual([0, '']);
    expect((JSON.parse(locked.stdout) as { state: string; revision: number }).state).toBe('locked');
    core = openTestCore(db);
    expect((await call(core, 'pleno.status', { competition: C })).state).toBe('locked');
    // The app's core on the same file still asks for the secretariat's session.
    await refusedForRole('pleno.reopen', { competition: C, reason: 'Dibuka lagi' });
  });
});
