/**
 * Changing or deleting a competition is the secretariat's once the competition has a secretariat PIN (issue 12
 * point 8, carried to the setup): before any PIN its first setup is anyone's; after, `setup.save`,
 * `setup.saveInstrument` and `setup.delete` outside the secretariat's session are refused in words, Indonesian and
 * English, the database byte-identical; in the session each is taken, recorded as the secretariat's.
 */
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { describeError } from '../../shared/domain/errors.js';
import { databaseBytes, openTestCore, tempDir } from '../support/core.js';
import { asSecretariat, call, JURY_COMPETITION } from '../support/jury.js';

const C = 'JABAR';
const temp = tempDir('penilai-secretariat-setup-');
let core: Core;
let db = '';
let cases = 0;

beforeEach(async () => {
  core?.close();
  db = join(temp.dir, `lomba-${(cases += 1)}.sqlite`);
  core = openTestCore(db);
  await call(core, 'setup.import', { name: 'jabar.json', bytes: new TextEncoder().encode(JSON.stringify(JURY_COMPETITION)) });
});
afterAll(() => {
  core?.close();
  temp.cleanup();
});

const WORDS = [
  'Mengubah atau menghapus lomba ini adalah tugas sekretariat: masukkan PIN sekretariat dahulu. Tidak ada yang berubah; yang sudah diketik tetap di layar.',
  "Changing or deleting this competition is the secretariat's task: enter the secretariat PIN first. Nothing was changed; what was typed stays on screen.",
];

/** A save of the setup with site S03 renamed. */
async function renamed(name: string) {
  const detail = await call(core, 'setup.get', { code: C });
  return {
    code: C,
    competition: detail.info,
    sites: detail.sites.map((s) => (s.code === 'S03' ? { ...s, name } : s)),
    jurors: detail.jurors,
  };
}

describe('changing a competition that has a secretariat PIN', () => {
  it('before any secretariat PIN, its first setup is anyone’s', async () => {
    const saved = await call(core, 'setup.save', await renamed('Desa Cibodas Baru'));
    expect(saved.sites.find((s) => s.code === 'S03')!.name).toBe('Desa Cibodas Baru');
  });

  it('after it, saving the setup, the instrument or deleting is refused outside the session, taken in it', async () => {
    await asSecretariat(core, C);
    await call(core, 'session.leaveSecretariat', {});
    const save = await renamed('Desa Cibodas Lain');
    const detail = await call(core, 'setup.get', { code: C });
    const before = databaseBytes(core);
    for (const r of [
      await core.call('setup.save', save),
      await core.call('setup.saveInstrument', { competition: C, instrument: detail.instrument, asNewVersion: true }),
      await core.call('setup.delete', { code: C, confirm: C }),
    ]) {
      expect(r.ok ? null : [r.error.key, r.error.code, describeError(r.error, 'id'), describeError(r.error, 'en')]).toEqual([
        'session.secretariatForSetup',
        'forbidden',
        ...WORDS,
      ]);
    }
    expect(databaseBytes(core)).toBe(before);
    expect((await call(core, 'setup.get', { code: C })).sites.find((s) => s.code === 'S03')!.name).toBe('Desa Cibodas');

    await asSecretariat(core, C);
    const saved = await call(core, 'setup.save', save);
    expect(saved.sites.find((s) => s.code === 'S03')!.name).toBe('Desa Cibodas Lain');
    const history = await call(core, 'scoring.history', { competition: C });
    expect(history.at(-1)).toMatchObject({ kind: 'setup.site', actor: 'sekretariat' });
    expect(await call(core, 'setup.delete', { code: C, confirm: C })).toMatchObject({ code: C });
  });
});
