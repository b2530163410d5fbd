/**
 * A competition's identity (issue 8 point 5): `competition.uuid` travels in the competition file, optional on input,
 * always written on export, kept by `init` and the app's import; a bad uuid and a uuid already used by another
 * competition are refused in plain words with the database left byte for byte as it was. Each instrument version's
 * content hash is what `instruments.list` and the competition show. The command line runs in-process.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.js';
import { sha256 } from '../../electron/core/platform/hash.js';
import { canonicalJson } from '../../shared/domain/canonical.js';
import type { CompetitionFile } from '../../shared/domain/competition.js';
import { describeError, type AppError } from '../../shared/domain/errors.js';
import { syntheticCompetition } from '../../shared/domain/synthetic.js';
import { fingerprint } from '../support/cli.js';
import { openTestCore, tempDir } from '../support/core.js';

const temp = tempDir('penilai-identity-');
afterAll(() => temp.cleanup());
let seq = 0;
const fresh = (name: string) => join(temp.dir, `${(seq += 1)}-${name}`);

async function cli(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, { out: (t) => void (stdout += t + '\n'), err: (t) => void (stderr += t + '\n') });
  return { status, stdout, stderr };
}

function competitionFile(code: string, uuid?: string): CompetitionFile {
  const { file } = syntheticCompetition({ sites: 3, jurors: 2, seed: 4, code });
  return uuid === undefined ? file : { ...file, competition: { uuid, ...file.competition } };
}

function writeJson(name: string, value: unknown): string {
  const path = fresh(name);
  writeFileSync(path, JSON.stringify(value, null, 2));
  return path;
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as CompetitionFile & { competition: { uuid?: string } };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('competition.uuid through init and export', () => {
  it('a file without a uuid gets one made at creation; export writes it, and init of the export keeps it', async () => {
    const db = fresh('a.db');
    expect((await cli(['init', '--db', db, '--competition', writeJson('in.json', competitionFile('UJI'))])).status).toBe(0);
    const out = fresh('out.json');
    expect((await cli(['export', '--db', db, '--out', out])).status).toBe(0);
    const exported = readJson(out);
    const uuid = exported.competition.uuid!;
    expect(uuid).toMatch(UUID);
    expect(Object.keys(exported.competition)[0]).toBe('uuid');

    const core = openTestCore(db);
    try {
      const list = await core.call('setup.list', {});
      expect(list.ok && list.value.map((c) => [c.code, c.uuid])).toEqual([['UJI', uuid]]);
    } finally {
      core.close();
    }

    // a second laptop set up from the exported file holds the same competition, and exports the same bytes
    const other = fresh('b.db');
    expect((await cli(['init', '--db', other, '--competition', out])).status).toBe(0);
    const again = fresh('again.json');
    expect((await cli(['export', '--db', other, '--out', again])).status).toBe(0);
    expect(readJson(again).competition.uuid).toBe(uuid);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(out, 'utf8'));
  });

  it('a uuid given in capitals is kept, in lower case', async () => {
    const db = fresh('c.db');
    const file = writeJson('upper.json', competitionFile('UJI', '3F2B8C1E-5D4A-4C2B-9E1F-0A6B7C8D9E10'));
    expect((await cli(['init', '--db', db, '--competition', file])).status).toBe(0);
    const out = fresh('c.json');
    expect((await cli(['export', '--db', db, '--out', out])).status).toBe(0);
    expect(readJson(out).competition.uuid).toBe('3f2b8c1e-5d4a-4c2b-9e1f-0a6b7c8d9e10');
  });

  it('a bad uuid is refused in words, in both languages, and the database is left byte for byte', async () => {
    const db = fresh('d.db');
    expect((await cli(['init', '--db', db, '--competition', writeJson('first.json', competitionFile('PERTAMA'))])).status).toBe(0);
    const before = fingerprint(db);
    const bad = writeJson('bad.json', competitionFile('KEDUA', '3f2b8c1e-5d4a-4c2b-9e1f'));
    const id = await cli(['init', '--db', db, '--competition', bad]);
    expect(id.status).toBe(1);
    expect(id.stderr).toContain(
      'Identitas lomba (uuid) harus berupa UUID: 32 angka heksadesimal dalam kelompok 8-4-4-4-12, misalnya 3f2b8c1e-5d4a-4c2b-9e1f-0a6b7c8d9e10. Hapus isian ini agar aplikasi membuatnya sendiri.',
    );
    expect(id.stderr).toContain('competition.uuid');
    const en = await cli(['init', '--db', db, '--competition', bad, '--lang', 'en']);
    expect(en.status).toBe(1);
    expect(en.stderr).toContain(
      'Competition identity (uuid) must be a UUID: 32 hexadecimal digits in groups of 8-4-4-4-12, e.g. 3f2b8c1e-5d4a-4c2b-9e1f-0a6b7c8d9e10. Remove it to let the app make one.',
    );
    expect(fingerprint(db)).toBe(before);
  });

  it('a uuid already used by another competition in the database is refused, the database unchanged', async () => {
    const db = fresh('e.db');
    const uuid = '0b7e2a94-1c3d-4e5f-8a9b-0c1d2e3f4a5b';
    expect((await cli(['init', '--db', db, '--competition', writeJson('one.json', competitionFile('SATU', uuid))])).status).toBe(0);
    const before = fingerprint(db);
    const second = writeJson('two.json', competitionFile('DUA', uuid));
    const id = await cli(['init', '--db', db, '--competition', second]);
    expect(id.status).toBe(1);
    expect(id.stderr).toContain(
      `Identitas lomba (uuid) ${uuid} sudah dipakai lomba SATU di basis data ini. Berkas ini adalah lomba yang sama atau salinannya; hapus "uuid" dari berkas bila memang lomba baru.`,
    );
    const en = await cli(['init', '--db', db, '--competition', second, '--lang', 'en']);
    expect(en.stderr).toContain(`Competition identity (uuid) ${uuid} is already used by competition SATU in this database.`);
    expect(fingerprint(db)).toBe(before);
  });
});

describe('competition.uuid through the app', () => {
  async function ok<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: AppError }>): Promise<T> {
    const r = await result;
    if (!r.ok) throw new Error(describeError(r.error, 'en'));
    return r.value;
  }

  it('setup.import keeps the uuid, setup.export writes it, setup.save refuses to change it', async () => {
    const core = openTestCore(fresh('f.db'));
    try {
      const uuid = '6a1f0c2e-9b8d-4c7a-b6e5-d4c3b2a1f0e9';
      const bytes = new TextEncoder().encode(JSON.stringify(competitionFile('APP', uuid)));
      const created = await ok(core.call('setup.import', { name: 'lomba.penilai.json', bytes }));
      expect(created.uuid).toBe(uuid);
      const exported = await ok(core.call('setup.export', { code: 'APP' }));
      expect((JSON.parse(new TextDecoder().decode(exported.bytes)) as CompetitionFile).competition.uuid).toBe(uuid);

      const again = await core.call('setup.import', {
        name: 'lomba-2.penilai.json',
        bytes: new TextEncoder().encode(JSON.stringify(competitionFile('APP2', uuid))),
      });
      expect(again.ok ? null : [again.error.key, again.error.path]).toEqual(['competition.uuidTaken', 'competition.uuid']);

      const detail = await ok(core.call('setup.get', { code: 'APP' }));
      expect(detail.info.uuid).toBe(uuid);
      const save = { code: 'APP', competition: detail.info, sites: detail.sites, jurors: detail.jurors };
      expect((await ok(core.call('setup.save', save))).info.uuid).toBe(uuid);
      const changed = await core.call('setup.save', {
        ...save,
        competition: { ...detail.info, uuid: '00000000-0000-4000-8000-000000000000' },
      });
      expect(changed.ok ? null : describeError(changed.error, 'en')).toBe(
        `A competition's identity (uuid) cannot change: competition APP stays ${uuid}.`,
      );
    } finally {
      core.close();
    }
  });

  it('the instrument version in use shows the SHA-256 of its canonical JSON, the same in instruments.list', async () => {
    const core = openTestCore(fresh('g.db'));
    try {
      const file = competitionFile('HASH');
      const bytes = new TextEncoder().encode(JSON.stringify(file));
      const summary = await ok(core.call('setup.import', { name: 'h.penilai.json', bytes }));
      const detail = await ok(core.call('setup.get', { code: 'HASH' }));
      const expected = sha256(canonicalJson(detail.instrument));
      expect(expected).toMatch(/^[0-9a-f]{64}$/);
      expect(summary.instrument.sha256).toBe(expected);
      expect(detail.instrumentSha256).toBe(expected);
      const listed = (await ok(core.call('instruments.list', {}))).find(
        (i) => i.code === file.instrument.code && i.version === file.instrument.version,
      );
      expect(listed?.sha256).toBe(expected);
    } finally {
      core.close();
    }
  });
});
