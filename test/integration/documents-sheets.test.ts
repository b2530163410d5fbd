/**
 * The per-juror and per-site documents of issue 11 (Build point 2): Lembar Penilaian, Formulir penilaian and Catatan
 * untuk peserta, made by `report` in-process from a real SQLite file and read back with pdftotext, qpdf and pdffonts.
 *
 * Competition LEMBAR: three sites, three jurors (J1 Ketua every aspect; J2 aspect A only; J3 aspect B only and
 * recused from S02), so 3 + 3 + 2 = 8 sheets. A1 on a labelled 1–5 scale with a rubric, A2 on options a–d, B1 a
 * household checklist of 2 families × 2 items. J1's sheet at S01 is finalised with a drawn signature, reopened
 * with a reason, A1 changed from 4 to 5, and finalised again; J2's sheet at S01 stays a draft.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentContext, planDocument } from '../../electron/core/documents/render.js';
import { formatDateTime } from '../../shared/domain/dates.js';
import { changesRanking } from '../../shared/domain/pleno.js';
import { describeError } from '../../shared/domain/errors.js';
import { aCompetition, anInstrument } from '../support/builders.js';
import { fingerprint, runCommand } from '../support/cli.js';
import { openTestCore, REPO_ROOT, tempDir } from '../support/core.js';
import { call, PNG, asSecretariat } from '../support/jury.js';
import { pdfText, qpdfCheck } from '../support/pdf.js';

const temp = tempDir('penilai-sheets-');
const db = join(temp.dir, 'lembar.db');
const SHOTS = join(REPO_ROOT, 'test-results', 'documents');
const REOPEN_REASON = 'Nilai A1 diperiksa ulang bersama sekretariat';
const NOTE_A1 = 'Buku register kader lengkap sejak 2024.';
const NOTE_A2 = 'Notulen rapat belum ditandatangani kepala desa.';
const NOTE_J2 = 'Papan data posyandu tidak diperbarui.';

const FILE = aCompetition({
  competition: { code: 'LEMBAR', name: 'Lomba P2WKSS Uji Lembar', place: 'Serang' },
  instrument: anInstrument({
    defaultScale: {
      min: 1,
      max: 5,
      step: 1,
      labels: { '1': 'Sangat Kurang', '2': 'Kurang', '3': 'Cukup', '4': 'Baik', '5': 'Sangat Baik' },
    },
    phases: [
      { code: 'ADM', name: 'Penilaian administrasi' },
      { code: 'LAP', name: 'Verifikasi lapangan' },
    ],
    aspects: [
      {
        code: 'A',
        name: 'Kelembagaan',
        indicators: [
          {
            code: 'A1',
            name: 'Register kader',
            weight: 30,
            phase: 'ADM',
            rubric: { '1': 'Tidak ada register', '3': 'Register sebagian', '5': 'Register lengkap dan mutakhir' },
          },
          {
            code: 'A2',
            name: 'Notulen rapat koordinasi',
            weight: 30,
            phase: 'LAP',
            scale: {
              options: [
                { key: 'a', value: 4, label: 'Lengkap' },
                { key: 'b', value: 3, label: 'Sebagian besar' },
                { key: 'c', value: 2, label: 'Sebagian kecil' },
                { key: 'd', value: 1, label: 'Tidak ada' },
              ],
            },
          },
        ],
      },
      {
        code: 'B',
        name: 'Keluarga binaan',
        indicators: [
          {
            code: 'B1',
            name: 'Kunjungan rumah',
            weight: 40,
            phase: 'LAP',
            household: {
              sampleSize: 2,
              items: ['Jamban sehat', 'Air bersih'],
              bands: [
                { below: 50, score: 1 },
                { below: 80, score: 3 },
                { atLeast: 80, score: 5 },
              ],
            },
          },
        ],
      },
    ],
  }),
  sites: [
    { code: 'S01', name: 'Desa Sukamaju', district: 'Cikeusal', regency: 'Kabupaten Serang', visitDate: '2026-09-08' },
    { code: 'S02', name: 'Desa Mekarsari', district: 'Menes', regency: 'Kabupaten Pandeglang' },
    { code: 'S03', name: 'Desa Cibodas', district: 'Maja', regency: 'Kabupaten Lebak' },
  ],
  jurors: [
    { code: 'J1', name: 'Dr. Hj. Siti Aminah', nip: '196501011990011001', role: 'ketua' },
    { code: 'J2', name: 'Ir. Bambang Wijaya', nip: '197003152000031002', role: 'anggota', aspects: ['A'] },
    { code: 'J3', name: 'dr. Rina Kartika', role: 'anggota', aspects: ['B'], recusedSites: ['S02'] },
  ],
});

let clock = Date.parse('2026-09-08T03:00:00.000Z');
const tick = () => new Date((clock += 60_000));
const times: { firstFinal?: string; reopened?: string; final?: string } = {};

beforeAll(async () => {
  const core = openTestCore(db, tick);
  try {
    await call(core, 'setup.import', { name: 'lembar.json', bytes: new TextEncoder().encode(JSON.stringify(FILE)) });
    const competition = 'LEMBAR';
    const set = (juror: string, site: string, indicator: string, value: number, reason?: string) =>
      call(core, 'scoring.setScore', { competition, juror, site, indicator, value, ...(reason ? { reason } : {}) });
    await set('J1', 'S01', 'A1', 4);
    await set('J1', 'S01', 'A2', 4);
    await call(core, 'scoring.setHousehold', {
      competition,
      juror: 'J1',
      site: 'S01',
      indicator: 'B1',
      answers: [
        [true, true],
        [true, false],
      ],
    });
    await call(core, 'scoring.setNote', { competition, juror: 'J1', site: 'S01', indicator: 'A1', note: NOTE_A1 });
    await call(core, 'scoring.setNote', { competition, juror: 'J1', site: 'S01', indicator: 'A2', note: NOTE_A2 });
    times.firstFinal = (await call(core, 'scoring.finalise', { competition, juror: 'J1', site: 'S01', signature: PNG })).finalisedAt;
    await asSecretariat(core, competition); // reopening J1's sheet is the secretariat's
    times.reopened = (await call(core, 'scoring.reopen', { competition, juror: 'J1', site: 'S01', reason: REOPEN_REASON })).reopenedAt;
    await set('J1', 'S01', 'A1', 5, REOPEN_REASON);
    times.final = (await call(core, 'scoring.finalise', { competition, juror: 'J1', site: 'S01', signature: PNG })).finalisedAt;
    await set('J2', 'S01', 'A1', 3);
    await set('J2', 'S01', 'A2', 2);
    await call(core, 'scoring.setNote', { competition, juror: 'J2', site: 'S01', indicator: 'A1', note: NOTE_J2 });
    await call(core, 'scoring.setHousehold', {
      competition,
      juror: 'J3',
      site: 'S01',
      indicator: 'B1',
      answers: [
        [true, true],
        [true, true],
      ],
    });
    await set('J1', 'S02', 'A1', 3);
    await set('J1', 'S02', 'A2', 3);
    await set('J1', 'S02', 'B1', 5);
    await set('J2', 'S02', 'A1', 2);
    await set('J2', 'S02', 'A2', 1);
    await set('J3', 'S03', 'B1', 1);
  } finally {
    core.close();
  }
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(() => temp.cleanup());

/** `report` in-process; the PDF checked by qpdf, every font embedded (no Helvetica); its text with spaces collapsed. */
async function report(name: string, ...args: string[]): Promise<{ text: string; file: string; pages: number }> {
  const file = join(temp.dir, name);
  const run = await runCommand(['report', '--db', db, '--out', file, ...args]);
  expect(run.status, run.stderr).toBe(0);
  expect(qpdfCheck(file).ok).toBe(true);
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  expect(fonts.length).toBeGreaterThan(0);
  for (const line of fonts) {
    expect(line).not.toMatch(/Helvetica/);
    expect(line, line).toMatch(/\syes\s+yes\s+yes\s+\d+\s+\d+$/);
  }
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  // The pages, for people to look at.
  execFileSync('pdftoppm', ['-r', '60', '-png', file, join(SHOTS, name.replace(/\.pdf$/, ''))]);
  return { text: pdfText(file).replace(/\s+/g, ' '), file, pages };
}

describe('Lembar Penilaian', () => {
  it("J1 at S01: every score with its label and note, the household summary, FINAL with its time, the reopening's reason, the points", async () => {
    const { text, file } = await report('lembar-J1-S01.pdf', '--doc', 'lembar', '--juror', 'J1', '--site', 'S01');
    expect(text).toContain('LEMBAR PENILAIAN');
    expect(text).toContain(`FINAL — difinalkan ${formatDateTime(new Date(times.final!))}`);
    expect(text).not.toContain('DRAF');
    for (const line of [
      'Lokus : S01 — Desa Sukamaju',
      'Kecamatan : Cikeusal',
      'Kabupaten/Kota : Kabupaten Serang',
      'Tanggal kunjungan : Selasa, 8 September 2026',
      'Juri : J1 — Dr. Hj. Siti Aminah',
      'NIP : 196501011990011001',
      'Peran : Ketua',
      'Aspek A — Kelembagaan (poin 60,00 dari 60,00)',
      'Tahap ADM — Penilaian administrasi',
      `A1 Register kader 30 5 Sangat Baik ${NOTE_A1}`,
      'Tahap LAP — Verifikasi lapangan',
      `A2 Notulen rapat koordinasi 30 4 a · Lengkap ${NOTE_A2}`,
      'Aspek B — Keluarga binaan (poin 24,00 dari 40,00)',
      'Kunjungan rumah: 2 dari 2 KK dikunjungi, 3 dari 4 jawaban "Ya" (75,0 %), rentang 50 % s.d. < 80 % → nilai 3.',
      'Jumlah poin juri: 84,00 dari 100,00',
      `1. ${formatDateTime(new Date(times.reopened!))} (oleh sekretariat): ${REOPEN_REASON}`,
      'Dr. Hj. Siti Aminah NIP 196501011990011001',
    ]) {
      expect(text).toContain(line);
    }
    expect(text).toMatch(/B1 Kunjungan rumah .*40 3 Cukup/);
    // The signing space of J1 (named destination) and the drawn signature image of the finalisation.
    const bytes = readFileSync(file).toString('latin1');
    expect(bytes).toContain('(ttd-J1)');
    expect(bytes).toMatch(/\/Subtype\s*\/Image/);
  });

  it('J2 at S01 (not finalised) says DRAF — belum final, has no drawn signature and no reopening', async () => {
    const { text, file } = await report('lembar-J2-S01.pdf', '--doc', 'lembar', '--juror', 'J2', '--site', 'S01');
    expect(text).toContain('DRAF — belum final');
    expect(text).not.toContain('FINAL —');
    expect(text).toContain(`A1 Register kader 30 3 Cukup ${NOTE_J2}`);
    expect(text).toContain('A2 Notulen rapat koordinasi 30 2 c · Sebagian kecil');
    expect(text).toContain('Lembar ini tidak pernah dibuka kembali.');
    expect(text).toContain('(belum difinalkan)');
    expect(text).not.toContain('Keluarga binaan');
    const bytes = readFileSync(file).toString('latin1');
    expect(bytes).toContain('(ttd-J2)');
    expect(bytes).not.toMatch(/\/Subtype\s*\/Image/);
  });

  it('one part per sheet a juror scores: 8, none for J3 at S02 (recused)', async () => {
    const core = openTestCore(db);
    try {
      const plan = planDocument(documentContext(core.deps.repos, 'LEMBAR', new Date()), 'lembar', { juror: null, site: null });
      expect(plan.parts.map((p) => p.part.title)).toEqual([
        'Lembar Penilaian J1 · S01',
        'Lembar Penilaian J1 · S02',
        'Lembar Penilaian J1 · S03',
        'Lembar Penilaian J2 · S01',
        'Lembar Penilaian J2 · S02',
        'Lembar Penilaian J2 · S03',
        'Lembar Penilaian J3 · S01',
        'Lembar Penilaian J3 · S03',
      ]);
    } finally {
      core.close();
    }
    const { text } = await report('lembar-all.pdf', '--doc', 'lembar');
    expect(text.match(/LEMBAR PENILAIAN/g)).toHaveLength(8);
    expect(text).not.toMatch(/Lembar Penilaian LEMBAR · J3 · S02/);
  });

  it('refusals name their cause and leave the database byte-identical: unknown juror, unknown site, a recused juror', async () => {
    const before = fingerprint(db);
    const out = join(temp.dir, 'refused.pdf');
    for (const [args, message] of [
      [['--juror', 'J9'], 'Juri J9 tidak ada di lomba LEMBAR.'],
      [['--site', 'S99'], 'Lokus S99 tidak ada di lomba LEMBAR.'],
      [
        ['--juror', 'J3', '--site', 'S02'],
        'Lembar Penilaian tidak dibuat: juri J3 mengundurkan diri dari lokus S02 (konflik kepentingan), jadi tidak menilai lokus itu.',
      ],
    ] as const) {
      const run = await runCommand(['report', '--db', db, '--out', out, '--doc', 'lembar', ...args]);
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain(message);
      expect(fingerprint(db)).toBe(before);
    }
  });
});

describe('Formulir penilaian', () => {
  it('the generic form shows every indicator, weight, phase, rubric level, the levels to tick and a column per family', async () => {
    const { text } = await report('formulir-umum.pdf', '--doc', 'formulir');
    expect(text).toContain('FORMULIR PENILAIAN');
    for (const aspect of FILE.instrument.aspects)
      for (const indicator of aspect.indicators) {
        expect(text).toContain(`${indicator.code} ${indicator.name} Bobot ${indicator.weight} · Tahap ${indicator.phase}`);
        for (const [level, words] of Object.entries(indicator.rubric ?? {})) expect(text).toContain(`${level} ${words}`);
      }
    expect(text).toContain('Nilai: 1 Sangat Kurang 2 Kurang 3 Cukup 4 Baik 5 Sangat Baik');
    expect(text).toContain('Nilai: d (1) Tidak ada c (2) Sebagian kecil b (3) Sebagian besar a (4) Lengkap');
    expect(text).toContain('Kunjungan rumah: 2 KK sampel; tulis Y atau T');
    expect(text).toContain('Persentase "Ya" → nilai: 0 % s.d. < 50 % → 1; 50 % s.d. < 80 % → 3; ≥ 80 % → 5');
    expect(text).toContain('Butir KK 1 KK 2 Jamban sehat Air bersih');
    expect(text.match(/Catatan:/g)).toHaveLength(3);
  });

  it("J2's form at S01 has J2's name and only aspect A; the set for J3 is S01 and S03", async () => {
    const { text } = await report('formulir-J2-S01.pdf', '--doc', 'formulir', '--juror', 'J2', '--site', 'S01');
    expect(text).toContain('Juri : J2 — Ir. Bambang Wijaya');
    expect(text).toContain('Lokus : S01 — Desa Sukamaju');
    expect(text).toContain('A1 Register kader');
    expect(text).not.toContain('B1 Kunjungan rumah');
    const j3 = await report('formulir-J3.pdf', '--doc', 'formulir', '--juror', 'J3');
    expect(j3.text.match(/FORMULIR PENILAIAN/g)).toHaveLength(2);
    expect(j3.text).toContain('Lokus : S01 — Desa Sukamaju');
    expect(j3.text).toContain('Lokus : S03 — Desa Cibodas');
    expect(j3.text).not.toContain('S02 — Desa Mekarsari');
  });
});

describe('Catatan untuk peserta', () => {
  it('shows the points beside the highest and the maximum, and only the released notes, jurors numbered not named', async () => {
    const core = openTestCore(db, tick);
    try {
      const notes = await call(core, 'documents.notes', { competition: 'LEMBAR', site: 'S01' });
      expect(notes.map((n) => [n.juror, n.indicator, n.note, n.released])).toEqual([
        ['J1', 'A1', NOTE_A1, false],
        ['J1', 'A2', NOTE_A2, false],
        ['J2', 'A1', NOTE_J2, false],
      ]);
      // Releasing is the secretariat's: outside its session, refused in words and nothing released.
      const outside = await core.call('documents.releaseNotes', {
        competition: 'LEMBAR',
        site: 'S01',
        notes: [{ juror: 'J1', indicator: 'A2' }],
      });
      expect(outside.ok ? null : [outside.error.key, describeError(outside.error, 'id')]).toEqual([
        'session.secretariatForNotes',
        'Merilis catatan juri kepada peserta adalah tugas sekretariat: masukkan PIN sekretariat dahulu. Tidak ada yang berubah.',
      ]);
      expect(await call(core, 'documents.notes', { competition: 'LEMBAR', site: 'S01' })).toEqual(notes);
      await asSecretariat(core, 'LEMBAR');
      const released = await call(core, 'documents.releaseNotes', {
        competition: 'LEMBAR',
        site: 'S01',
        notes: [{ juror: 'J1', indicator: 'A2' }],
      });
      expect([released.released, released.withdrawn]).toEqual([1, 0]);
      expect(released.notes.filter((n) => n.released).map((n) => `${n.juror} ${n.indicator}`)).toEqual(['J1 A2']);
      const history = await call(core, 'scoring.history', { competition: 'LEMBAR', site: 'S01' });
      expect(history.filter((e) => e.kind === ('documents.release' as never)).map((e) => [e.juror, e.indicator, e.newText])).toEqual([
        ['J1', 'A2', 'released'],
      ]);
    } finally {
      core.close();
    }
    // A release is no ranking change: the write gate allows it while the result is locked.
    expect(changesRanking({ kind: 'documents.release' })).toBe(false);
    // The ledger with its release entry still verifies.
    const verified = await runCommand(['verify', '--db', db]);
    expect(verified.status, verified.stdout + verified.stderr).toBe(0);

    const { text } = await report('catatan-S01.pdf', '--doc', 'catatan', '--site', 'S01');
    expect(text).toContain('CATATAN UNTUK PESERTA');
    expect(text).toContain('Peringkat Nilai total Predikat 1 dari 3 lokus 78,50 dari 100,00 Juara I');
    expect(text).toContain('A Kelembagaan 46,50 46,50 60,00');
    expect(text).toContain('B Keluarga binaan 32,00 40,00 40,00');
    // The notes section holds exactly the one released note, under "Juri 1".
    const section = /Catatan tim penilai (.*) Nama juri tidak dicantumkan\./.exec(text)?.[1];
    expect(section).toBe(`Juri 1 A2 Notulen rapat koordinasi: ${NOTE_A2}`);
    expect(text).not.toContain(NOTE_A1);
    expect(text).not.toContain(NOTE_J2);
    for (const name of ['Ir. Bambang Wijaya', 'dr. Rina Kartika']) expect(text).not.toContain(name);

    const s02 = await report('catatan-S02.pdf', '--doc', 'catatan', '--site', 'S02');
    expect(s02.text).toContain('A Kelembagaan 30,00 46,50 60,00');
    expect(s02.text).toContain('Belum ada catatan juri yang dirilis untuk lokus ini.');
  });

  it('a note that does not exist is refused by name and nothing is written', async () => {
    const core = openTestCore(db, tick);
    try {
      const before = await call(core, 'documents.notes', { competition: 'LEMBAR', site: 'S01' });
      await asSecretariat(core, 'LEMBAR');
      const r = await core.call('documents.releaseNotes', {
        competition: 'LEMBAR',
        site: 'S01',
        notes: [
          { juror: 'J1', indicator: 'A1' },
          { juror: 'J3', indicator: 'B1' },
        ],
      });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.key).toBe('documents.noteNotFound');
      expect(await call(core, 'documents.notes', { competition: 'LEMBAR', site: 'S01' })).toEqual(before);
    } finally {
      core.close();
    }
  });
});
