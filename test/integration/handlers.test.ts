/**
 * The handlers behind every transport, called through `dispatch` on a real SQLite file: validation at the
 * boundary, errors as values with paths, scores checked against eligibility and the scale, and a failed call
 * that leaves the data as it was.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import type { ChannelInput } from '../../shared/contract/schemas.js';
import { describeError } from '../../shared/domain/errors.js';
import { fingerprint } from '../support/cli.js';
import { openTestCore, tempDir } from '../support/core.js';

const temp = tempDir('penilai-handlers-');
let databases = 0;
let file: string;
let core: Core;

function newCompetition(overrides: Partial<ChannelInput<'setup.create'>> = {}): ChannelInput<'setup.create'> {
  return {
    competition: { code: 'UJI', name: 'Lomba Uji', year: 2026 },
    sites: [
      { code: 'S01', name: 'Desa Satu', regency: 'Kabupaten A' },
      { code: 'S02', name: 'Desa Dua' },
    ],
    jurors: [
      { code: 'J1', name: 'Ketua', role: 'ketua', nip: '197003151995032001' },
      { code: 'J2', name: 'Anggota Kesehatan', role: 'anggota', aspects: ['D', 'F'] },
      { code: 'J3', name: 'Anggota Tanpa Aspek', role: 'anggota', aspects: [] },
    ],
    ...overrides,
  };
}

// Each test on its own fresh database: the tests pass alone and in any order.
beforeEach(() => {
  file = join(temp.dir, `h${(databases += 1)}.db`);
  core = openTestCore(file, () => new Date('2026-09-08T09:00:00Z'));
});
afterEach(() => core.close());
afterAll(() => temp.cleanup());

/** Competition UJI of `newCompetition()`, and J2's score 4 on D1 at S01 when `scored`. */
async function givenUji(scored: boolean): Promise<void> {
  const created = await core.call('setup.create', newCompetition());
  if (!created.ok) throw new Error(describeError(created.error, 'en'));
  if (!scored) return;
  const saved = await core.call('scoring.setScore', { competition: 'UJI', juror: 'J2', site: 'S01', indicator: 'D1', value: 4 });
  if (!saved.ok) throw new Error(describeError(saved.error, 'en'));
}

describe('setup.create', () => {
  it('refuses bad input with the path of the problem and stores nothing', async () => {
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = fingerprint(file);
    const cases: [ChannelInput<'setup.create'>, string, RegExp][] = [
      [
        newCompetition({ jurors: [{ code: 'J1', name: 'X', role: 'ketua', nip: '1970' }] }),
        'jurors[0].nip',
        /^Juri baris 1: NIP harus tepat 18 angka, misalnya 19700315 199503 2 001 \(spasi boleh\)$/,
      ],
      [
        newCompetition({ jurors: [{ code: 'J1', name: 'X', role: 'ketua', aspects: ['Z'] }] }),
        'jurors[0].aspects[0]',
        /^Juri baris 1: Aspek Z tidak ada di instrumen \(aspek yang ada: A, B, C, D, E, F, G, H\)$/,
      ],
      [
        newCompetition({
          sites: [
            { code: 'S01', name: 'A' },
            { code: 'S01', name: 'B' },
          ],
        }),
        'sites[1].code',
        /^Lokus baris 2: Kode S01 sudah dipakai di lokus baris 1$/,
      ],
      [newCompetition({ sites: [{ code: 'S01', name: '' }] }), 'sites[0].name', /^Lokus baris 1: Desa\/Kelurahan wajib diisi$/],
      [
        newCompetition({ competition: { code: 'UJI', name: 'Lomba', year: 1900 } }),
        'competition.year',
        /^Tahun tidak boleh kurang dari 2000$/,
      ],
    ];
    for (const [input, path, message] of cases) {
      const result = await core.call('setup.create', input);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.path).toBe(path);
      expect(describeError(result.error, 'id')).toMatch(message);
    }
    const wrongType = await core.dispatch('setup.create', { competition: { code: 1 } });
    expect(wrongType.ok || wrongType.error.code).toBe('invalid');
    expect(fingerprint(file)).toBe(before);
    const list = await core.call('setup.list', {});
    expect(list.ok && list.value).toEqual([]);
  });

  it('creates a competition on the default instrument and refuses the same code twice', async () => {
    const created = await core.call('setup.create', newCompetition());
    expect(created.ok && created.value).toMatchObject({
      code: 'UJI',
      sites: 2,
      jurors: 3,
      instrument: { code: 'P2WKSS-PROV', version: 1 },
    });
    const again = await core.call('setup.create', newCompetition());
    expect(!again.ok && again.error).toMatchObject({ code: 'conflict', key: 'competition.exists' });
    const detail = await core.call('setup.get', { code: 'UJI' });
    if (!detail.ok) throw new Error('get failed');
    expect(detail.value.jurors.map((j) => [j.code, j.aspects ?? 'all'])).toEqual([
      ['J1', 'all'],
      ['J2', ['D', 'F']],
      ['J3', []],
    ]);
  });
});

describe('scoring', () => {
  it('saves a score at once and reports it in the sheet', async () => {
    await givenUji(false);
    const saved = await core.call('scoring.setScore', { competition: 'UJI', juror: 'J2', site: 'S01', indicator: 'D1', value: 4 });
    expect(saved.ok && saved.value).toEqual({ indicator: 'D1', value: 4, savedAt: '2026-09-08T09:00:00.000Z' });
    const sheet = await core.call('scoring.sheet', { competition: 'UJI', juror: 'J2', site: 'S01' });
    if (!sheet.ok) throw new Error('sheet failed');
    expect(sheet.value.eligible).toEqual(['D1', 'D2', 'D3', 'D4', 'D5', 'F1', 'F2', 'F3', 'F4']);
    expect(sheet.value.scores.map((s) => [s.indicator, s.value])).toEqual([['D1', 4]]);
  });

  it('refuses a score off the scale, off the step, for an aspect not assigned, and for a juror who scores nothing', async () => {
    await givenUji(true);
    const attempts: [ChannelInput<'scoring.setScore'>, string][] = [
      [{ competition: 'UJI', juror: 'J2', site: 'S01', indicator: 'D1', value: 6 }, 'score.offRange'],
      [{ competition: 'UJI', juror: 'J1', site: 'S01', indicator: 'C1', value: 72.5 }, 'score.offRange'],
      [{ competition: 'UJI', juror: 'J2', site: 'S01', indicator: 'A1', value: 3 }, 'score.notEligible'],
      [{ competition: 'UJI', juror: 'J3', site: 'S01', indicator: 'D1', value: 3 }, 'score.notEligible'],
      [{ competition: 'UJI', juror: 'J9', site: 'S01', indicator: 'D1', value: 3 }, 'juror.notFound'],
      [{ competition: 'UJI', juror: 'J1', site: 'S01', indicator: 'Z9', value: 3 }, 'indicator.notFound'],
    ];
    for (const [input, key] of attempts) {
      const result = await core.call('scoring.setScore', input);
      expect(!result.ok && result.error.key, JSON.stringify(input)).toBe(key);
    }
    const sheet = await core.call('scoring.sheet', { competition: 'UJI', juror: 'J2', site: 'S01' });
    expect(sheet.ok && sheet.value.scores.map((s) => s.value)).toEqual([4]);
  });

  it('moves the ranking: the scored site leads, incomplete and without a label', async () => {
    await givenUji(true);
    const ranking = await core.call('compile.ranking', { competition: 'UJI' });
    if (!ranking.ok) throw new Error('ranking failed');
    const [first, second] = ranking.value.ranking;
    // D1 weight 5, J2's 4 of max 5 → 5 × 0,8 = 4 points; J1 has not scored D1, so the mean is over J2 alone.
    expect(first).toMatchObject({ site: 'S01', rank: 1, total: 4, label: null, complete: false, decidedBy: null });
    expect(second).toMatchObject({ site: 'S02', rank: 2, total: 0, decidedBy: 'total' });
    expect(ranking.value.complete).toBe(false);
  });

  it('clears a score with null', async () => {
    await givenUji(true);
    await core.call('scoring.setScore', { competition: 'UJI', juror: 'J2', site: 'S01', indicator: 'D1', value: null });
    const sheet = await core.call('scoring.sheet', { competition: 'UJI', juror: 'J2', site: 'S01' });
    expect(sheet.ok && sheet.value.scores).toEqual([]);
  });
});

describe('dispatch', () => {
  it('refuses an unknown channel and an unexpected field as values, never as exceptions', async () => {
    const unknown = await core.dispatch('competition.drop', {});
    expect(!unknown.ok && unknown.error.key).toBe('error.unknownChannel');
    const extra = await core.dispatch('setup.get', { code: 'UJI', sql: 'DROP TABLE score' });
    expect(!extra.ok && extra.error).toMatchObject({ code: 'invalid', key: 'validate.unknownKey' });
  });

  it('renders the recap PDF as bytes', async () => {
    await givenUji(false);
    const pdf = await core.call('documents.render', { competition: 'UJI', doc: 'rekap' });
    if (!pdf.ok) throw new Error(describeError(pdf.error, 'en'));
    expect(pdf.value.name).toBe('Rekapitulasi-UJI.pdf');
    expect(Buffer.from(pdf.value.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(pdf.value.pages).toBe(1);
  });

  it('has no file dialogs in the browser mode and says so', async () => {
    const result = await core.call('app.saveFile', { name: 'x.pdf', bytes: new Uint8Array([1]) });
    expect(!result.ok && result.error.key).toBe('error.unsupported');
  });
});
