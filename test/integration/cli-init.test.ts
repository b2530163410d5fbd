/**
 * `init` and `export` of contract.md section 1, run as real processes on real files: a competition file on the
 * draft instrument loads, ranks and comes back out field for field; every invalid file is refused in one line
 * that names the file, the JSON path and the problem, with the database left as it was (or never created).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ranking } from '../../shared/domain/ranking.js';
import { runCommand, fingerprint, type CliRun } from '../support/cli.js';
import { copyClosedDatabase, openTestCore, tempDir } from '../support/core.js';

const DRAFT: Record<string, unknown> = JSON.parse(
  readFileSync(new URL('../../resources/instruments/p2wkss-provinsi.json', import.meta.url), 'utf8'),
);

interface Json {
  [key: string]: unknown;
}

/** A competition file with every field the format accepts: the draft instrument, 8 sites, 6 jurors. */
function competitionFile(code = 'P2WKSS-BANTEN-2026'): Json & { competition: Json; instrument: Json; sites: Json[]; jurors: Json[] } {
  const regencies = [
    'Kabupaten Serang',
    'Kabupaten Pandeglang',
    'Kabupaten Lebak',
    'Kabupaten Tangerang',
    'Kota Serang',
    'Kota Cilegon',
    'Kota Tangerang',
    'Kota Tangerang Selatan',
  ];
  return {
    format: 'penilai.competition/1',
    competition: {
      code,
      name: 'Lomba P2WKSS Tingkat Provinsi Banten Tahun 2026',
      year: 2026,
      level: 'provinsi',
      region: 'Banten',
      organizer: 'Dinas Pemberdayaan Perempuan, Perlindungan Anak, Kependudukan dan Keluarga Berencana Provinsi Banten',
      place: 'Serang',
      dates: { start: '2026-09-07', end: '2026-09-18', plenary: '2026-09-21' },
      letterhead: {
        lines: ['PEMERINTAH PROVINSI BANTEN', 'DINAS P3AKKB'],
        address: 'Jl. Syech Nawawi Al Bantani, Serang',
        logo: 'data:image/png;base64,iVBORw0KGgo=',
      },
      documentNumbers: { beritaAcara: '400.10.2.1/573/DP3AKKB/2026', rekap: '400.10.2.1/574/DP3AKKB/2026' },
      rules: {
        aggregation: 'trimmed-mean',
        normalise: 'range',
        tieBreak: ['phase:LAP', 'aspect:E'],
        precision: 3,
        rankBy: 'all',
        labels: ['Juara I', 'Juara II', 'Juara III', 'Juara IV', 'Harapan I'],
      },
    },
    instrument: structuredClone(DRAFT),
    sites: regencies.map((regency, i) => ({
      code: `S0${i + 1}`,
      name: `Desa Lokus ${i + 1}`,
      regency,
      district: `Kecamatan ${i + 1}`,
      category: i % 3 === 2 ? 'kelurahan' : 'desa',
      contact: `0812-000-00${i}`,
      visitDate: `2026-09-${String(8 + i).padStart(2, '0')}`,
    })),
    jurors: [
      {
        code: 'J1',
        name: 'Dr. Hj. Siti Aminah, M.Si.',
        nip: '197003151995032001',
        position: 'Kepala Bidang',
        agency: 'DP3AKKB',
        role: 'ketua',
      },
      {
        code: 'J2',
        name: 'Rina Marlina, S.E.',
        nip: '198204122006042003',
        position: 'Sekretaris',
        agency: 'DP3AKKB',
        role: 'sekretaris',
        aspects: ['A', 'B', 'H'],
      },
      {
        code: 'J3',
        name: 'dr. Budi Santoso',
        nip: '197811202005011002',
        agency: 'Dinas Kesehatan',
        role: 'anggota',
        aspects: ['D', 'F'],
        recusedSites: ['S03'],
      },
      {
        code: 'J4',
        name: 'Ir. Wahyu Hidayat',
        nip: '197505051999031004',
        agency: 'Dinas Lingkungan Hidup',
        role: 'anggota',
        aspects: ['C', 'E', 'G'],
      },
      {
        code: 'J5',
        name: 'Dra. Ratna Dewi',
        nip: '196912121994032005',
        agency: 'Dinas Pendidikan',
        role: 'anggota',
        aspects: ['A', 'C', 'D', 'E', 'F', 'G'],
      },
      // TP-PKK: no NIP; sits on the jury and signs, scores nothing
      { code: 'J6', name: 'Hj. Nurhasanah', position: 'Ketua TP-PKK', agency: 'TP-PKK Provinsi Banten', role: 'anggota', aspects: [] },
    ],
  };
}

type FileJson = ReturnType<typeof competitionFile>;

const temp = tempDir('penilai-init-');
let seq = 0;

function writeJson(value: unknown, name = `c${(seq += 1)}.json`): string {
  const path = join(temp.dir, name);
  writeFileSync(path, JSON.stringify(value, null, 2));
  return path;
}

function expectOneLineError(run: CliRun, pattern: RegExp): string {
  expect(run.status, run.stderr).not.toBe(0);
  expect(run.status).not.toBe(70); // a user error, not an internal one
  const lines = run.stderr.trim().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
  return lines[0]!;
}

afterAll(() => temp.cleanup());

describe('init, rank and export of a full competition file', () => {
  const db = join(temp.dir, 'banten.db');
  const input = competitionFile();
  const source = writeJson(input, 'banten.json');
  let ranking: Ranking;

  beforeAll(async () => {
    const run = await runCommand(['init', '--db', db, '--competition', source]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('P2WKSS-BANTEN-2026');
    const ranked = await runCommand(['rank', '--db', db, '--json']);
    expect(ranked.status, ranked.stderr).toBe(0);
    ranking = JSON.parse(ranked.stdout) as Ranking;
  });

  it('ranks the 8 sites, none complete and none labelled', () => {
    // no sheet is finalised: a sheet is every (juror, site) pair with an eligible indicator, scored or not
    expect(ranking).toMatchObject({
      competition: 'P2WKSS-BANTEN-2026',
      aggregation: 'trimmed-mean',
      normalise: 'range',
      precision: 3,
      complete: false,
      finalised: false,
    });
    expect(ranking.ranking.map((r) => r.site).sort()).toEqual(['S01', 'S02', 'S03', 'S04', 'S05', 'S06', 'S07', 'S08']);
    expect(ranking.ranking.every((r) => !r.complete && r.label === null && r.total === 0)).toBe(true);
    // eligibility as written: J3 (D, F) is recused from S03, so S03 expects fewer (juror, indicator) pairs
    const expected = Object.fromEntries(ranking.ranking.map((r) => [r.site, r.expected]));
    expect(expected.S03).toBeLessThan(expected.S01!);
  });

  it('exports every field as it was given, and the export loads into a fresh database to the same competition', async () => {
    const out = join(temp.dir, 'banten.out.json');
    const run = await runCommand(['export', '--db', db, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const exported = JSON.parse(readFileSync(out, 'utf8')) as FileJson;
    // The file was written in the form the app keeps (aspects in instrument order, full rules), so it comes back equal,
    // with the competition's identity made at creation.
    const { uuid, ...competition } = exported.competition;
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect({ ...exported, competition }).toEqual(input);
    expect(exported.jurors[5]).toEqual({
      code: 'J6',
      name: 'Hj. Nurhasanah',
      position: 'Ketua TP-PKK',
      agency: 'TP-PKK Provinsi Banten',
      role: 'anggota',
      aspects: [],
    });
    expect(exported.jurors[0]).not.toHaveProperty('aspects'); // left out: every aspect

    const fresh = join(temp.dir, 'fresh.db');
    expect((await runCommand(['init', '--db', fresh, '--competition', out])).status).toBe(0);
    const again = join(temp.dir, 'banten.again.json');
    expect((await runCommand(['export', '--db', fresh, '--competition', 'P2WKSS-BANTEN-2026', '--out', again])).status).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(out, 'utf8'));
    expect(JSON.parse((await runCommand(['rank', '--db', fresh, '--json'])).stdout)).toEqual(ranking);
  });

  it("gives the same bytes as the app's setup.export", async () => {
    const out = join(temp.dir, 'cli-export.json');
    expect((await runCommand(['export', '--db', db, '--competition', 'P2WKSS-BANTEN-2026', '--out', out])).status).toBe(0);
    const core = openTestCore(db);
    try {
      const result = await core.call('setup.export', { code: 'P2WKSS-BANTEN-2026' });
      if (!result.ok) throw new Error(result.error.key);
      expect(result.value.name).toBe('P2WKSS-BANTEN-2026.penilai.json');
      expect(result.value.mime).toBe('application/json');
      expect(Buffer.from(result.value.bytes).toString('utf8')).toBe(readFileSync(out, 'utf8'));
    } finally {
      core.close();
    }
  });

  it('adds a second competition on the same instrument, and then needs --competition', async () => {
    // On a copy: the other tests read the database with its one competition, whatever the order.
    const both = copyClosedDatabase(db, join(temp.dir, 'banten-dua.db'));
    const second = competitionFile('P2WKSS-BANTEN-2028');
    second.competition.year = 2028;
    expect((await runCommand(['init', '--db', both, '--competition', writeJson(second)])).status).toBe(0);
    expectOneLineError(await runCommand(['export', '--db', both, '--out', join(temp.dir, 'x.json')]), /beberapa lomba/);
    expect(existsSync(join(temp.dir, 'x.json'))).toBe(false);
    const out = join(temp.dir, '2028.json');
    expect((await runCommand(['export', '--db', both, '--competition', 'P2WKSS-BANTEN-2028', '--out', out])).status).toBe(0);
    expect((JSON.parse(readFileSync(out, 'utf8')) as FileJson).competition.year).toBe(2028);
  });
});

describe('invalid competition files', () => {
  const db = join(temp.dir, 'existing.db');
  beforeAll(async () => {
    expect((await runCommand(['init', '--db', db, '--competition', writeJson(competitionFile('ADA'))])).status).toBe(0);
  });

  type Case = [name: string, make: (f: FileJson) => unknown, path: string, problem: RegExp];
  const aspects = (f: FileJson) => f.instrument.aspects as { code: string; indicators: Json[] }[];
  const cases: Case[] = [
    [
      'weights summing to 99',
      (f) => (aspects(f)[0]!.indicators[0]!.weight = 2),
      'instrument.aspects',
      /: Jumlah bobot semua indikator harus 100, sekarang 99$/,
    ],
    [
      'a duplicate indicator code',
      (f) => (aspects(f)[1]!.indicators[0]!.code = 'A1'),
      'instrument.aspects[1].indicators[0].code',
      /: Kode A1 sudah dipakai di indikator ke-1 aspek ke-1$/,
    ],
    [
      'an unknown phase',
      (f) => (aspects(f)[0]!.indicators[2]!.phase = 'PLENO'),
      'instrument.aspects[0].indicators[2].phase',
      /: Tahap PLENO tidak ada di instrumen \(tahap yang ada: /,
    ],
    [
      'an unknown aspect in a juror’s list',
      (f) => (f.jurors[2]!.aspects = ['D', 'Z']),
      'jurors[2].aspects[1]',
      /: Aspek Z tidak ada di instrumen \(aspek yang ada: /,
    ],
    [
      'an unknown aspect in the tie-break chain',
      (f) => ((f.competition.rules as Json).tieBreak = ['phase:LAP', 'aspect:Z']),
      'competition.rules.tieBreak[1]',
      /: Penentu seri "aspect:Z" tidak menunjuk tahap atau aspek yang ada di instrumen$/,
    ],
    [
      'a scale with min ≥ max',
      (f) => (aspects(f)[2]!.indicators[0]!.scale = { min: 100, max: 100, step: 1 }),
      'instrument.aspects[2].indicators[0].scale',
      /: Skala tidak wajar: nilai terendah \(100\) harus lebih kecil dari nilai tertinggi \(100\)$/,
    ],
    [
      'household bands that leave a gap',
      (f) => (((aspects(f)[2]!.indicators[1]!.household as Json).bands as Json[])[4] = { atLeast: 95, score: 5 }),
      'instrument.aspects[2].indicators[1].household.bands[4].atLeast',
      /: Pita nilai rumah tangga: pita terakhir harus mulai dari 90 \(batas pita sebelumnya\), agar tidak ada celah$/,
    ],
    [
      'a NIP that is not 18 digits',
      (f) => (f.jurors[1]!.nip = '19820412200604200'),
      'jurors[1].nip',
      /: NIP harus tepat 18 angka, misalnya 19700315 199503 2 001 \(spasi boleh\)$/,
    ],
    [
      'rankBy category with a site lacking a category',
      (f) => {
        (f.competition.rules as Json).rankBy = 'category';
        delete f.sites[4]!.category;
      },
      'sites[4].category',
      /: Kategori wajib diisi bila pemeringkatan per kategori$/,
    ],
    [
      'a newer format tag',
      (f) => (f.format = 'penilai.competition/2'),
      'format',
      /format "penilai\.competition\/2" tidak didukung; yang didukung: penilai\.competition\/1/,
    ],
    ['a wrong format tag', (f) => (f.format = 'penilai.instrument/1'), 'format', /format "penilai\.instrument\/1" tidak didukung/],
    ['a missing site name', (f) => delete f.sites[7]!.name, 'sites[7].name', /: Desa\/Kelurahan wajib diisi$/],
    ['an unknown field', (f) => (f.competition.sponsor = 'Bank'), 'competition', /: Data lomba memuat isian yang tidak dikenal: sponsor$/],
    [
      'a logo that is an address to fetch',
      (f) => (f.competition.letterhead = { logo: 'https://contoh.example/logo.png' }),
      'competition.letterhead.logo',
      /: Logo kop surat harus berupa gambar PNG atau JPEG yang disertakan di berkas .*bukan alamat atau nama berkas$/,
    ],
    [
      'a logo that is a file on the laptop',
      (f) => (f.competition.letterhead = { logo: '/etc/passwd' }),
      'competition.letterhead.logo',
      /: Logo kop surat harus berupa gambar PNG atau JPEG/,
    ],
    [
      'a logo of another picture type',
      (f) => (f.competition.letterhead = { logo: 'data:image/svg+xml;base64,PHN2Zy8+' }),
      'competition.letterhead.logo',
      /: Logo kop surat harus berupa gambar PNG atau JPEG/,
    ],
  ];

  for (const [name, make, path, problem] of cases) {
    it(`refuses ${name}: one line with the file, ${path} and the problem; nothing changes`, async () => {
      const file = competitionFile('BARU');
      make(file);
      const source = writeJson(file);
      const before = fingerprint(db);
      const line = expectOneLineError(await runCommand(['init', '--db', db, '--competition', source]), problem);
      expect(line).toContain(`Berkas ${source} tidak valid di ${path}: `);
      expect(fingerprint(db)).toBe(before);
      const missing = join(temp.dir, `never-${seq}.db`);
      expectOneLineError(await runCommand(['init', '--db', missing, '--competition', source]), problem);
      expect(existsSync(missing)).toBe(false);
    });
  }

  it('says it in English with --lang en', async () => {
    const file = competitionFile('BARU');
    aspects(file)[0]!.indicators[0]!.weight = 2;
    const source = writeJson(file);
    const line = expectOneLineError(
      await runCommand(['init', '--db', db, '--competition', source, '--lang', 'en']),
      /: The weights of all indicators must add up to 100; they add up to 99$/,
    );
    expect(line).toContain(`File ${source} is invalid at instrument.aspects: `);
    const nip = competitionFile('BARU');
    nip.jurors[0]!.nip = '1970';
    expectOneLineError(
      await runCommand(['init', '--db', db, '--competition', writeJson(nip), '--lang', 'en']),
      /invalid at jurors\[0\]\.nip: NIP must be exactly 18 digits, e\.g\. 19700315 199503 2 001 \(spaces allowed\)$/,
    );
  });

  it('refuses malformed JSON with the line and column, in both languages', async () => {
    const text = JSON.stringify(competitionFile('BARU'), null, 2).replace('"year": 2026,', '"year": 2026,,');
    const source = join(temp.dir, 'broken.json');
    writeFileSync(source, text);
    const lineNo = text.split('\n').findIndex((l) => l.includes('2026,,')) + 1;
    const before = fingerprint(db);
    expectOneLineError(
      await runCommand(['init', '--db', db, '--competition', source]),
      new RegExp(`^penilai: Berkas ${source} baris ${lineNo} kolom \\d+: bukan JSON yang valid$`),
    );
    expectOneLineError(
      await runCommand(['init', '--db', db, '--competition', source, '--lang', 'en']),
      new RegExp(`File ${source} line ${lineNo} column \\d+: not valid JSON$`),
    );
    expect(fingerprint(db)).toBe(before);
    const missing = join(temp.dir, 'never-json.db');
    expectOneLineError(await runCommand(['init', '--db', missing, '--competition', source]), /bukan JSON yang valid/);
    expect(existsSync(missing)).toBe(false);
    // an empty file, too
    writeFileSync(source, '');
    expectOneLineError(await runCommand(['init', '--db', db, '--competition', source]), /baris 1 kolom 1: bukan JSON yang valid/);
  });

  it('accepts a UTF-8 BOM at the start of the file', async () => {
    const source = join(temp.dir, 'bom.json');
    writeFileSync(source, '\uFEFF' + JSON.stringify(competitionFile('BOM')));
    const run = await runCommand(['init', '--db', db, '--competition', source]);
    expect(run.status, run.stderr).toBe(0);
  });

  it('upper-cases a competition code written in lower case, and refuses one with spaces, naming competition.code', async () => {
    const lower = competitionFile('kecil-2026');
    lower.jurors[0]!.nip = '19700315 199503 2 001';
    const run = await runCommand(['init', '--db', db, '--competition', writeJson(lower)]);
    expect(run.status, run.stderr).toBe(0);
    const ranked = await runCommand(['rank', '--db', db, '--competition', 'KECIL-2026', '--json']);
    expect(ranked.status, ranked.stderr).toBe(0);
    expect((JSON.parse(ranked.stdout) as { competition: string }).competition).toBe('KECIL-2026');
    const out = join(temp.dir, 'kecil.json');
    expect((await runCommand(['export', '--db', db, '--competition', 'KECIL-2026', '--out', out])).status).toBe(0);
    const exported = JSON.parse(readFileSync(out, 'utf8')) as FileJson;
    expect([exported.competition.code, exported.jurors[0]!.nip]).toEqual(['KECIL-2026', '197003151995032001']);

    const spaced = writeJson(competitionFile('BANTEN 2026'));
    const before = fingerprint(db);
    const line = expectOneLineError(
      await runCommand(['init', '--db', db, '--competition', spaced]),
      /: Kode lomba hanya boleh berisi huruf besar, angka dan tanda hubung \(misalnya P2WKSS-JABAR-2026\)$/,
    );
    expect(line).toContain(`Berkas ${spaced} tidak valid di competition.code: `);
    expect(fingerprint(db)).toBe(before);
  });

  it('refuses dates that end before they start', async () => {
    const file = competitionFile('TANGGAL');
    file.competition.dates = { start: '2026-09-18', end: '2026-09-07' };
    const source = writeJson(file);
    const line = expectOneLineError(
      await runCommand(['init', '--db', db, '--competition', source]),
      /: Tanggal selesai tidak boleh sebelum tanggal mulai$/,
    );
    expect(line).toContain(`Berkas ${source} tidak valid di competition.dates.end: `);
  });

  it('refuses a code that already exists, naming competition.code', async () => {
    const source = writeJson(competitionFile('ADA'));
    const before = fingerprint(db);
    const line = expectOneLineError(
      await runCommand(['init', '--db', db, '--competition', source]),
      /Lomba dengan kode ADA sudah ada di basis data/,
    );
    expect(line).toContain(`Berkas ${source} tidak valid di competition.code: `);
    expect(fingerprint(db)).toBe(before);
  });

  it('refuses an instrument code and version already in the database with other content, also in a new database', async () => {
    const file = competitionFile('BARU');
    aspects(file)[0]!.indicators[0]!.name = 'Nama indikator yang diubah tanpa menaikkan versi';
    const source = writeJson(file);
    const before = fingerprint(db);
    const line = expectOneLineError(
      await runCommand(['init', '--db', db, '--competition', source]),
      /Instrumen P2WKSS-PROV versi 1 sudah ada di basis data dengan isi yang berbeda/,
    );
    expect(line).toContain('tidak valid di instrument.version: ');
    expect(fingerprint(db)).toBe(before);
    // a new database holds the default instruments as the app has them, so the clash is found there too, and no file is left
    const missing = join(temp.dir, 'never-conflict.db');
    expectOneLineError(await runCommand(['init', '--db', missing, '--competition', source]), /isi yang berbeda/);
    for (const suffix of ['', '-wal', '-shm', '-journal']) expect(existsSync(missing + suffix)).toBe(false);
    // with its own version number it is welcome
    (file.instrument as Json).version = 2;
    expect((await runCommand(['init', '--db', db, '--competition', writeJson(file)])).status).toBe(0);
  });

  it('refuses a competition file that does not exist and a missing option, creating nothing', async () => {
    const missing = join(temp.dir, 'never-nofile.db');
    expectOneLineError(
      await runCommand(['init', '--db', missing, '--competition', join(temp.dir, 'nope.json')]),
      /Berkas tidak ditemukan: .*nope\.json/,
    );
    expectOneLineError(await runCommand(['init', '--db', missing]), /Opsi --competition wajib diisi untuk perintah init/);
    expect(existsSync(missing)).toBe(false);
  });

  it('export refuses a missing database and a missing output folder, leaving nothing', async () => {
    const missing = join(temp.dir, 'never-export.db');
    expectOneLineError(
      await runCommand(['export', '--db', missing, '--out', join(temp.dir, 'e.json')]),
      /Berkas basis data tidak ditemukan/,
    );
    expect(existsSync(missing)).toBe(false);
    expectOneLineError(
      await runCommand(['export', '--db', db, '--competition', 'ADA', '--out', join(temp.dir, 'no-dir', 'e.json')]),
      /Folder tujuan tidak ada/,
    );
    expectOneLineError(
      await runCommand(['export', '--db', db, '--competition', 'TIDAK-ADA', '--out', join(temp.dir, 'e.json')]),
      /Lomba dengan kode TIDAK-ADA tidak ada/,
    );
    expect(existsSync(join(temp.dir, 'e.json'))).toBe(false);
  });
});
