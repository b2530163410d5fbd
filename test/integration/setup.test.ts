/**
 * Setting up a competition through the handlers, on real SQLite files: saving the whole setup (identity, rules,
 * sites, jurors, assignments, recusals) all or nothing; instrument versions (an edit in place while unused, a new
 * version that keeps the scores of unchanged indicators); the competition file in and out.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import type { ChannelInput, CompetitionDetail } from '../../shared/contract/schemas.js';
import { describeError, type AppError } from '../../shared/domain/errors.js';
import type { Instrument } from '../../shared/domain/instrument.js';
import { openTestCore, tempDir } from '../support/core.js';

/** The versions of the P2WKSS instrument (every database also holds the other bundled defaults). */
const p2wkss = <T extends { code: string }>(list: T[]): T[] => list.filter((i) => i.code === 'P2WKSS-PROV');

const temp = tempDir('penilai-setup-');
afterAll(() => temp.cleanup());

let dbSeq = 0;
function freshCore(): Core {
  dbSeq += 1;
  return openTestCore(join(temp.dir, `setup-${dbSeq}.db`), () => new Date('2026-09-08T09:00:00Z'));
}

function newCompetition(code: string, overrides: Partial<ChannelInput<'setup.create'>> = {}): ChannelInput<'setup.create'> {
  return {
    competition: { code, name: `Lomba ${code}`, year: 2026 },
    sites: [
      { code: 'S01', name: 'Desa Satu', regency: 'Kabupaten A' },
      { code: 'S02', name: 'Desa Dua' },
      { code: 'S03', name: 'Desa Tiga' },
    ],
    jurors: [
      { code: 'J1', name: 'Ketua', role: 'ketua', nip: '197003151995032001' },
      { code: 'J2', name: 'Anggota Kesehatan', role: 'anggota', aspects: ['D', 'F'] },
      { code: 'J3', name: 'Anggota PKK', role: 'anggota', aspects: [] },
    ],
    ...overrides,
  };
}

async function ok<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: AppError }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(describeError(r.error, 'en'));
  return r.value;
}

async function fails(result: Promise<{ ok: true; value: unknown } | { ok: false; error: AppError }>): Promise<AppError> {
  const r = await result;
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

/** The save payload of a competition as it stands (what the setup editor starts from). */
function savePayload(detail: CompetitionDetail): ChannelInput<'setup.save'> {
  return {
    code: detail.info.code,
    competition: structuredClone(detail.info),
    sites: structuredClone(detail.sites),
    jurors: structuredClone(detail.jurors),
  };
}

function editable(instrument: Instrument): Instrument {
  return structuredClone(instrument);
}

function indicator(instrument: Instrument, code: string) {
  const found = instrument.aspects.flatMap((a) => a.indicators).find((i) => i.code === code);
  if (!found) throw new Error(`no indicator ${code}`);
  return found;
}

describe('setup.save', () => {
  let core: Core;
  let start: CompetitionDetail;
  const get = () => ok(core.call('setup.get', { code: 'SIMPAN' }));

  // Each test starts from a fresh database with SIMPAN as created; what else it needs it builds itself.
  beforeEach(async () => {
    core = freshCore();
    await ok(core.call('setup.create', newCompetition('SIMPAN')));
    start = await get();
  });
  afterEach(() => core.close());

  /** The full setup of the first test: identity, rules by category, sites S03, S04, S01, jurors J2, J1, J4. */
  function bantenPayload(from: CompetitionDetail): ChannelInput<'setup.save'> {
    const payload = savePayload(from);
    payload.competition = {
      ...payload.competition,
      name: 'Lomba P2WKSS Tingkat Provinsi Banten Tahun 2026',
      year: 2026,
      level: 'provinsi',
      region: 'Banten',
      organizer: 'DP3AKKB Provinsi Banten',
      place: 'Serang',
      dates: { start: '2026-09-07', end: '2026-09-18', plenary: '2026-09-21' },
      letterhead: { lines: ['PEMERINTAH PROVINSI BANTEN'], address: 'Jl. Syech Nawawi', logo: 'data:image/png;base64,AA==' },
      documentNumbers: { beritaAcara: '400.10.2.1/573/DP3AKKB/2026' },
      rules: {
        aggregation: 'median',
        normalise: 'range',
        tieBreak: ['aspect:E', 'phase:LAP'],
        precision: 1,
        rankBy: 'category',
        labels: ['Juara I', 'Juara II'],
      },
    };
    payload.sites = [
      { code: 'S03', name: 'Kelurahan Tiga', category: 'kelurahan', contact: '0812', visitDate: '2026-09-09' },
      { code: 'S04', name: 'Desa Empat', regency: 'Kota B', district: 'Kec. C', category: 'desa' },
      { code: 'S01', name: 'Desa Satu', regency: 'Kabupaten A', category: 'desa' },
    ];
    payload.jurors = [
      { code: 'J2', name: 'Anggota Kesehatan', role: 'anggota', aspects: ['F', 'D', 'E'], recusedSites: ['S04'] },
      { code: 'J1', name: 'Ketua', role: 'ketua', nip: '197003151995032001', position: 'Kabid', agency: 'DP3AKKB', recusedSites: [] },
      { code: 'J4', name: 'Anggota Baru', role: 'sekretaris', aspects: ['A'], recusedSites: ['S01', 'S03'] },
    ];
    return payload;
  }

  /** SIMPAN saved with the full setup of the first test; `start` becomes it. */
  async function savedBanten(): Promise<CompetitionDetail> {
    start = await ok(core.call('setup.save', bantenPayload(start)));
    return start;
  }

  /** The save payload without site S01 (and without the recusals naming it). */
  function withoutS01(detail: CompetitionDetail): ChannelInput<'setup.save'> {
    const payload = savePayload(detail);
    payload.sites = payload.sites.filter((s) => s.code !== 'S01');
    payload.jurors.forEach((j) => (j.recusedSites = (j.recusedSites ?? []).filter((s) => s !== 'S01')));
    return payload;
  }

  it('saves identity, rules, sites (new order, a new one, one removed) and jurors with aspects and recusals', async () => {
    const payload = bantenPayload(start);
    const saved = await ok(core.call('setup.save', payload));
    expect(saved.info).toEqual(payload.competition);
    expect(saved.sites).toEqual(payload.sites);
    expect(saved.jurors).toEqual([
      { code: 'J2', name: 'Anggota Kesehatan', role: 'anggota', aspects: ['D', 'E', 'F'], recusedSites: ['S04'] },
      { code: 'J1', name: 'Ketua', role: 'ketua', nip: '197003151995032001', position: 'Kabid', agency: 'DP3AKKB', recusedSites: [] },
      { code: 'J4', name: 'Anggota Baru', role: 'sekretaris', aspects: ['A'], recusedSites: ['S03', 'S01'] },
    ]);
    expect(await get()).toEqual(saved);
    const ranking = await ok(core.call('compile.ranking', { competition: 'SIMPAN' }));
    expect(ranking).toMatchObject({ aggregation: 'median', rankBy: 'category', precision: 1 });
    expect(ranking.ranking.map((r) => r.site)).toEqual(['S03', 'S01', 'S04']); // grouped by category in site order
  });

  it('refuses an invalid setup with the path of the first problem, and changes nothing', async () => {
    await savedBanten();
    const cases: [(p: ChannelInput<'setup.save'>) => void, string, string][] = [
      [
        (p) => (p.jurors[0]!.aspects = ['D', 'Z']),
        'jurors[0].aspects[1]',
        'Juri baris 1: Aspek Z tidak ada di instrumen (aspek yang ada: A, B, C, D, E, F, G, H)',
      ],
      [(p) => (p.jurors[2]!.recusedSites = ['S09']), 'jurors[2].recusedSites[0]', 'Juri baris 3: Lokus S09 tidak ada di lomba ini'],
      [
        (p) => (p.competition.rules!.tieBreak = ['phase:PLENO']),
        'competition.rules.tieBreak[0]',
        'Penentu seri "phase:PLENO" tidak menunjuk tahap atau aspek yang ada di instrumen',
      ],
      [(p) => delete p.sites[1]!.category, 'sites[1].category', 'Lokus baris 2: Kategori wajib diisi bila pemeringkatan per kategori'],
      [
        (p) => p.sites.push({ code: 'S01', name: 'Lagi', category: 'desa' }),
        'sites[3].code',
        'Lokus baris 4: Kode S01 sudah dipakai di lokus baris 3',
      ],
      [
        (p) => p.jurors.push({ code: 'J1', name: 'Lagi', role: 'anggota' }),
        'jurors[3].code',
        'Juri baris 4: Kode J1 sudah dipakai di juri baris 2',
      ],
      [
        (p) => (p.jurors[1]!.nip = '12345'),
        'jurors[1].nip',
        'Juri baris 2: NIP harus tepat 18 angka, misalnya 19700315 199503 2 001 (spasi boleh)',
      ],
      [(p) => (p.competition.code = 'LAIN'), 'competition.code', 'Kode lomba tidak dapat diubah (lomba SIMPAN, isian LAIN).'],
    ];
    for (const [change, path, message] of cases) {
      const payload = savePayload(start);
      change(payload);
      const error = await fails(core.call('setup.save', payload));
      expect(error.path, path).toBe(path);
      expect(describeError(error, 'id')).toBe(message);
    }
    expect(await get()).toEqual(start);
    const unknown = await fails(core.call('setup.save', { ...savePayload(start), code: 'TIDAK-ADA' }));
    expect(unknown.key).toBe('competition.notFound');
  });

  it('refuses to remove a site or a juror that has scores, and removes them once the scores are gone', async () => {
    await savedBanten();
    // the recusal saved holds: J2 cannot score at S04
    expect(
      await fails(core.call('scoring.setScore', { competition: 'SIMPAN', juror: 'J2', site: 'S04', indicator: 'D1', value: 4 })),
    ).toMatchObject({
      key: 'score.notEligible',
    });
    await ok(core.call('scoring.setScore', { competition: 'SIMPAN', juror: 'J2', site: 'S01', indicator: 'D1', value: 4 }));
    const before = await get();
    const noSite = withoutS01(before);
    const siteError = await fails(core.call('setup.save', noSite));
    expect(siteError).toMatchObject({ code: 'conflict', key: 'setup.siteHasScores', params: { code: 'S01', count: 1 } });
    expect(describeError(siteError, 'id')).toMatch(/Lokus S01 tidak dapat dihapus: sudah ada 1 nilai/);
    const noJuror = savePayload(before);
    noJuror.jurors = noJuror.jurors.filter((j) => j.code !== 'J2');
    const jurorError = await fails(core.call('setup.save', noJuror));
    expect(jurorError).toMatchObject({ key: 'setup.jurorHasScores', params: { code: 'J2', count: 1 } });
    expect(describeError(jurorError, 'en')).toMatch(/Juror J2 cannot be removed: they have already given 1 scores/);
    expect(await get()).toEqual(before);

    await ok(core.call('scoring.setScore', { competition: 'SIMPAN', juror: 'J2', site: 'S01', indicator: 'D1', value: null }));
    const saved = await ok(core.call('setup.save', noSite));
    expect(saved.sites.map((s) => s.code)).toEqual(['S03', 'S04']);
  });

  // Decision (see Repositories.saveCompetition): a change of aspects or recusals that makes scores ineligible is allowed;
  // those scores stay stored, stop counting, and count again when the assignment is restored.
  it('lets a juror be recused after scoring: the scores stop counting, and count again when restored', async () => {
    // the full setup, then S01 removed
    await ok(core.call('setup.save', withoutS01(await savedBanten())));
    await ok(core.call('scoring.setScore', { competition: 'SIMPAN', juror: 'J2', site: 'S03', indicator: 'D1', value: 5 }));
    const total = async () =>
      (await ok(core.call('compile.ranking', { competition: 'SIMPAN' }))).ranking.find((r) => r.site === 'S03')!.total;
    expect(await total()).toBe(5);
    const recused = savePayload(await get());
    recused.jurors.find((j) => j.code === 'J2')!.recusedSites = ['S03', 'S04'];
    await ok(core.call('setup.save', recused));
    expect(await total()).toBe(0);
    expect((await ok(core.call('scoring.sheet', { competition: 'SIMPAN', juror: 'J2', site: 'S03' }))).scores).toEqual([]);
    expect((await get()).scoringStarted).toBe(true);

    const restored = savePayload(await get());
    restored.jurors.find((j) => j.code === 'J2')!.recusedSites = ['S04'];
    await ok(core.call('setup.save', restored));
    expect(await total()).toBe(5);
  });
});

describe('instrument versions', () => {
  let core: Core;
  // Each test starts from a fresh database with GESER on the built-in version 1; the versions and scores a test
  // needs it makes itself with the functions below.
  beforeEach(async () => {
    core = freshCore();
    await ok(core.call('setup.create', newCompetition('GESER')));
  });
  afterEach(() => core.close());
  const detail = () => ok(core.call('setup.get', { code: 'GESER' }));
  const score = (juror: string, site: string, indicator: string, value: number | null) =>
    core.call('scoring.setScore', { competition: 'GESER', juror, site, indicator, value });

  /** Version 2 for GESER before any scoring: H1 renamed. */
  async function version2(): Promise<void> {
    const instrument = editable((await detail()).instrument);
    indicator(instrument, 'H1').name = 'Peran perempuan (APKM)';
    await ok(core.call('setup.saveInstrument', { competition: 'GESER', instrument, asNewVersion: true }));
  }

  /** Scoring starts at S01: J1 A1 4, A2 3, D1 5; J2 D1 3, F3 4. */
  async function scoresAtS01(): Promise<void> {
    await ok(score('J1', 'S01', 'A1', 4));
    await ok(score('J1', 'S01', 'A2', 3));
    await ok(score('J1', 'S01', 'D1', 5));
    await ok(score('J2', 'S01', 'D1', 3));
    await ok(score('J2', 'S01', 'F3', 4));
  }

  /** The changes of version 3: new weights for A1 and A2, a new scale for D1, F3 removed (its weight to F4). */
  function version3Of(instrument: Instrument): Instrument {
    indicator(instrument, 'A1').weight = 4; // weights change: scores are kept
    indicator(instrument, 'A2').weight = 3;
    indicator(instrument, 'D1').scale = { min: 0, max: 10, step: 1 }; // the scale changes: scored again
    const f = instrument.aspects.find((a) => a.code === 'F')!;
    f.indicators = f.indicators.filter((i) => i.code !== 'F3'); // removed: its score no longer counts
    indicator(instrument, 'F4').weight += 3;
    return instrument;
  }

  /** GESER scored on version 2, moved to version 3, D1 scored again (8): J1 A1 4, A2 3 and J2 D1 8 count. */
  async function movedToVersion3(): Promise<void> {
    await version2();
    await scoresAtS01();
    const instrument = version3Of(editable((await detail()).instrument));
    await ok(core.call('setup.saveInstrument', { competition: 'GESER', instrument, asNewVersion: true }));
    await ok(score('J2', 'S01', 'D1', 8));
  }

  it('refuses to edit the built-in instrument in place, offering the next version, and stores nothing', async () => {
    const instrument = editable((await detail()).instrument);
    instrument.name = 'Instrumen yang diubah';
    const error = await fails(core.call('setup.saveInstrument', { competition: 'GESER', instrument, asNewVersion: false }));
    expect(error).toMatchObject({ code: 'conflict', key: 'instrument.bundled', params: { code: 'P2WKSS-PROV', version: 1, next: 2 } });
    expect(describeError(error, 'id')).toMatch(/Simpan perubahan sebagai versi baru \(versi 2\)/);
    expect(p2wkss(await ok(core.call('instruments.list', {})))).toHaveLength(1);
  });

  it('checks the instrument and the setup against it, with paths', async () => {
    const badWeight = editable((await detail()).instrument);
    indicator(badWeight, 'A1').weight = 2;
    const e1 = await fails(core.call('setup.saveInstrument', { competition: 'GESER', instrument: badWeight, asNewVersion: true }));
    expect(e1.path).toBe('instrument.aspects');
    expect(describeError(e1, 'id')).toBe('Jumlah bobot semua indikator harus 100, sekarang 99');

    // without aspect F, juror J2's assignment (D, F) names an unknown aspect
    const noF = editable((await detail()).instrument);
    const f = noF.aspects.findIndex((a) => a.code === 'F');
    const fWeight = noF.aspects[f]!.indicators.reduce((s, i) => s + i.weight, 0);
    noF.aspects.splice(f, 1);
    indicator(noF, 'A1').weight += fWeight;
    const e2 = await fails(core.call('setup.saveInstrument', { competition: 'GESER', instrument: noF, asNewVersion: true }));
    expect(e2.path).toBe('jurors[1].aspects[1]');
    expect(describeError(e2, 'id')).toBe('Juri baris 2: Aspek F tidak ada di instrumen (aspek yang ada: A, B, C, D, E, G, H)');

    const e3 = await fails(
      core.call('setup.saveInstrument', { competition: 'GESER', instrument: { format: 'penilai.instrument/1' }, asNewVersion: true }),
    );
    expect(e3.path).toBe('instrument.code');
    expect(p2wkss(await ok(core.call('instruments.list', {})))).toHaveLength(1);
  });

  it('makes version 2 before scoring (no scores to keep), which can then be edited in place', async () => {
    const instrument = editable((await detail()).instrument);
    indicator(instrument, 'H1').name = 'Peran perempuan (APKM)';
    const saved = await ok(core.call('setup.saveInstrument', { competition: 'GESER', instrument, asNewVersion: true }));
    expect(saved).toEqual({ code: 'P2WKSS-PROV', version: 2, kept: 0, dropped: 0 });
    const now = await detail();
    expect(now.instrument.version).toBe(2);
    expect(indicator(now.instrument, 'H1').name).toBe('Peran perempuan (APKM)');

    const again = editable(now.instrument);
    indicator(again, 'H2').name = 'Diubah di tempat';
    expect(await ok(core.call('setup.saveInstrument', { competition: 'GESER', instrument: again, asNewVersion: false }))).toEqual({
      code: 'P2WKSS-PROV',
      version: 2,
      kept: 0,
      dropped: 0,
    });
    expect(indicator(await ok(core.call('instruments.get', { code: 'P2WKSS-PROV', version: 2 })), 'H2').name).toBe('Diubah di tempat');
    // the built-in version 1 is untouched
    expect(indicator(await ok(core.call('instruments.get', { code: 'P2WKSS-PROV', version: 1 })), 'H2').name).not.toBe('Diubah di tempat');
    const mismatch = editable(now.instrument);
    mismatch.version = 7;
    expect(
      await fails(core.call('setup.saveInstrument', { competition: 'GESER', instrument: mismatch, asNewVersion: false })),
    ).toMatchObject({
      key: 'instrument.mismatch',
      path: 'instrument.version',
    });
    expect(await fails(core.call('instruments.get', { code: 'P2WKSS-PROV', version: 9 }))).toMatchObject({
      code: 'not-found',
      key: 'instrument.notFound',
    });
  });

  it('locks a version once scoring has started: an edit is refused with the version and the next one', async () => {
    await version2();
    expect((await detail()).scoringStarted).toBe(false);
    await scoresAtS01();
    expect((await detail()).scoringStarted).toBe(true);
    const instrument = editable((await detail()).instrument);
    indicator(instrument, 'H1').name = 'Lagi';
    const error = await fails(core.call('setup.saveInstrument', { competition: 'GESER', instrument, asNewVersion: false }));
    expect(error).toMatchObject({
      code: 'conflict',
      key: 'instrument.locked',
      params: { code: 'P2WKSS-PROV', version: 2, next: 3 },
      path: 'instrument',
    });
    expect(describeError(error, 'id')).toMatch(
      /Instrumen P2WKSS-PROV versi 2 sudah dipakai untuk menilai dan terkunci\. Simpan perubahan sebagai versi baru \(versi 3\)/,
    );
    expect(describeError(error, 'en')).toMatch(/version 2 has been used for scoring and is locked.*\(version 3\)/);
    expect(indicator((await detail()).instrument, 'H1').name).toBe('Peran perempuan (APKM)');
  });

  it('moves to a new version keeping scores of indicators with the same code and scale, dropping the others', async () => {
    await version2();
    await scoresAtS01();
    const instrument = version3Of(editable((await detail()).instrument));
    const saved = await ok(core.call('setup.saveInstrument', { competition: 'GESER', instrument, asNewVersion: true }));
    expect(saved).toEqual({ code: 'P2WKSS-PROV', version: 3, kept: 2, dropped: 3 });

    const ranking = await ok(core.call('compile.ranking', { competition: 'GESER' }));
    // only A1 (J1: 4 of 5, weight 4) and A2 (J1: 3 of 5, weight 3) count: 3,2 + 1,8
    expect(ranking.ranking.find((r) => r.site === 'S01')!.total).toBeCloseTo(5, 9);
    const j1 = await ok(core.call('scoring.sheet', { competition: 'GESER', juror: 'J1', site: 'S01' }));
    expect(j1.scores.map((s) => [s.indicator, s.value])).toEqual([
      ['A1', 4],
      ['A2', 3],
    ]);
    const j2 = await ok(core.call('scoring.sheet', { competition: 'GESER', juror: 'J2', site: 'S01' }));
    expect(j2.scores).toEqual([]);
    expect(j2.eligible).not.toContain('F3');

    // D1 is scored again on its new scale
    await ok(score('J2', 'S01', 'D1', 8));
    const after = await ok(core.call('compile.ranking', { competition: 'GESER' }));
    expect(after.ranking.find((r) => r.site === 'S01')!.total).toBeCloseTo(5 + 5 * 0.8, 9);

    const list = p2wkss(await ok(core.call('instruments.list', {})));
    expect(list.map((i) => [i.version, i.locked, i.usedBy, i.indicators])).toEqual([
      [1, false, [], 28],
      [2, true, [], 28], // the dropped scores stay recorded on the version they were given on
      [3, true, ['GESER'], 27],
    ]);
  });

  it('a new version with nothing changed moves nothing and keeps every score', async () => {
    await movedToVersion3();
    const instrument = editable((await detail()).instrument);
    const saved = await ok(core.call('setup.saveInstrument', { competition: 'GESER', instrument, asNewVersion: true }));
    expect(saved).toEqual({ code: 'P2WKSS-PROV', version: 3, kept: 3, dropped: 0 });
    expect(p2wkss(await ok(core.call('instruments.list', {})))).toHaveLength(3);
  });

  it('refuses an in-place edit of a version another competition uses', async () => {
    await movedToVersion3(); // versions 2 and 3 exist
    await ok(core.call('setup.create', { ...newCompetition('KEDUA'), instrument: { code: 'P2WKSS-PROV', version: 2 } }));
    await ok(core.call('setup.create', { ...newCompetition('KETIGA'), instrument: { code: 'P2WKSS-PROV', version: 3 } }));
    const missing = await fails(
      core.call('setup.create', { ...newCompetition('KEEMPAT'), instrument: { code: 'P2WKSS-PROV', version: 9 } }),
    );
    expect(missing).toMatchObject({ code: 'not-found', key: 'instrument.notFound', path: 'instrument' });
    // version 4 for KETIGA, not yet scored, then shared by a fifth competition
    const v4 = editable((await ok(core.call('setup.get', { code: 'KETIGA' }))).instrument);
    indicator(v4, 'H1').name = 'Versi empat';
    expect(await ok(core.call('setup.saveInstrument', { competition: 'KETIGA', instrument: v4, asNewVersion: true }))).toMatchObject({
      version: 4,
    });
    await ok(core.call('setup.create', { ...newCompetition('KELIMA'), instrument: { code: 'P2WKSS-PROV', version: 4 } }));
    const edit = editable(v4);
    edit.version = 4;
    indicator(edit, 'H1').name = 'Diubah';
    const error = await fails(core.call('setup.saveInstrument', { competition: 'KETIGA', instrument: edit, asNewVersion: false }));
    expect(error).toMatchObject({ key: 'instrument.shared', params: { code: 'P2WKSS-PROV', version: 4, next: 5, others: 'KELIMA' } });
    const list = p2wkss(await ok(core.call('instruments.list', {})));
    expect(list.find((i) => i.version === 4)).toMatchObject({ locked: false, usedBy: ['KETIGA', 'KELIMA'] });
  });

  it('reopens the finalised sheets that have a new or changed indicator to score, and only those', async () => {
    await ok(core.call('setup.create', newCompetition('FINAL')));
    const repos = core.deps.repos;
    repos.scoring.insertScores(
      'FINAL',
      [
        { site: 'S01', juror: 'J1', indicator: 'A1', value: 4 },
        { site: 'S01', juror: 'J2', indicator: 'F1', value: 4 },
      ],
      true,
    );
    const instrument = editable((await ok(core.call('setup.get', { code: 'FINAL' }))).instrument);
    indicator(instrument, 'A2').scale = { min: 0, max: 10, step: 1 };
    const saved = await ok(core.call('setup.saveInstrument', { competition: 'FINAL', instrument, asNewVersion: true }));
    expect(saved).toMatchObject({ kept: 2, dropped: 0 });
    const sheet = (juror: string) => ok(core.call('scoring.sheet', { competition: 'FINAL', juror, site: 'S01' }));
    expect((await sheet('J1')).finalised).toBe(false); // J1 scores A2, which must be scored again
    expect((await sheet('J2')).finalised).toBe(true); // J2 scores D and F, unchanged
    await ok(core.call('scoring.setScore', { competition: 'FINAL', juror: 'J1', site: 'S01', indicator: 'A2', value: 9 }));
    expect(
      await fails(core.call('scoring.setScore', { competition: 'FINAL', juror: 'J2', site: 'S01', indicator: 'F2', value: 3 })),
    ).toMatchObject({ key: 'score.sheetFinal' });
  });
});

describe('competition file in and out', () => {
  let core: Core;
  beforeEach(() => {
    core = freshCore();
  });
  afterEach(() => core.close());

  const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

  /** Competition ASAL created and saved with J2 recused at S02 and a number for the minutes. */
  async function asal(): Promise<CompetitionDetail> {
    await ok(core.call('setup.create', newCompetition('ASAL')));
    const detail = await ok(core.call('setup.get', { code: 'ASAL' }));
    const payload = savePayload(detail);
    payload.jurors[1]!.recusedSites = ['S02'];
    payload.competition.documentNumbers = { beritaAcara: '1/2/3' };
    return ok(core.call('setup.save', payload));
  }

  it('imports a competition file and exports it back to the same file', async () => {
    const detail = await asal();
    const exported = await ok(core.call('setup.export', { code: 'ASAL' }));
    expect(exported).toMatchObject({ name: 'ASAL.penilai.json', mime: 'application/json' });
    const file = JSON.parse(Buffer.from(exported.bytes).toString('utf8')) as {
      competition: { code: string; uuid: string };
      jurors: unknown[];
    };
    expect(file.jurors[1]).toEqual({ code: 'J2', name: 'Anggota Kesehatan', role: 'anggota', aspects: ['D', 'F'], recusedSites: ['S02'] });
    expect(file.competition.uuid).toBe(detail.info.uuid);

    // Another competition made from this one: its own code and its own identity.
    file.competition.code = 'SALINAN';
    file.competition.uuid = 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';
    const summary = await ok(core.call('setup.import', { name: 'SALINAN.penilai.json', bytes: bytes(file) }));
    expect(summary).toMatchObject({ code: 'SALINAN', sites: 3, jurors: 3, instrument: { code: 'P2WKSS-PROV', version: 1 } });
    const back = await ok(core.call('setup.export', { code: 'SALINAN' }));
    expect(JSON.parse(Buffer.from(back.bytes).toString('utf8'))).toEqual(file);
  });

  it('refuses malformed JSON, an invalid file, a taken code and a clashing instrument, storing nothing', async () => {
    await asal();
    const before = await ok(core.call('setup.list', {}));
    const broken = await fails(core.call('setup.import', { name: 'x.json', bytes: new TextEncoder().encode('{"format": ') }));
    expect(broken).toMatchObject({ key: 'input.problem', params: { file: 'x.json', line: 1, column: 12 } });
    // The place in the app's words, never the parser's English.
    expect(describeError(broken, 'id')).toBe('x.json, baris 1, kolom 12: bukan JSON yang valid');
    expect(describeError(broken, 'en')).toBe('x.json, line 1, column 12: not valid JSON');

    const exported = await ok(core.call('setup.export', { code: 'ASAL' }));
    const file = JSON.parse(Buffer.from(exported.bytes).toString('utf8')) as {
      format: string;
      competition: { code: string; uuid: string };
      instrument: { aspects: { indicators: { name: string }[] }[] };
    };
    const newer = { ...file, format: 'penilai.competition/2' };
    const later = await fails(core.call('setup.import', { name: 'x.json', bytes: bytes(newer) }));
    expect(later).toMatchObject({ key: 'input.problem', params: { file: 'x.json', cause: 'validate.formatTag' } });
    // A field's problem names the file, then the place in it.
    const empty = structuredClone(file) as unknown as { sites: { name: string }[] };
    empty.sites[1]!.name = '';
    const named = await fails(core.call('setup.import', { name: 'lomba-banten.json', bytes: bytes(empty) }));
    expect([describeError(named, 'id'), describeError(named, 'en')]).toEqual([
      'lomba-banten.json: Lokus baris 2: Desa/Kelurahan wajib diisi',
      'lomba-banten.json: Site row 2: Village/ward is required',
    ]);
    expect(await fails(core.call('setup.import', { name: 'x.json', bytes: bytes(file) }))).toMatchObject({
      key: 'competition.exists',
      path: 'competition.code',
    });
    file.competition.code = 'BEDA';
    file.competition.uuid = 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e';
    file.instrument.aspects[0]!.indicators[0]!.name = 'Lain';
    const clash = await fails(core.call('setup.import', { name: 'x.json', bytes: bytes(file) }));
    expect(clash).toMatchObject({
      code: 'conflict',
      key: 'instrument.conflict',
      path: 'instrument.version',
      params: { code: 'P2WKSS-PROV', version: 1 },
    });
    expect(await ok(core.call('setup.list', {}))).toEqual(before);
  });
});
