/**
 * Issue 11, the documents the whole jury signs: the Rekapitulasi Nilai and the Berita Acara Penilaian, rendered by
 * `report` (in-process) from a real SQLite file and read with pdftotext, at each step of the plenary:
 * 1. provisional, the tie S02/S03 undecided, no "Mengetahui" official;
 * 2. the tie decided through the pleno channels, the Mengetahui official set (setup.save);
 * 3. locked;
 * 4. reopened with a reason and locked again (revision 1).
 * The demo with ties (test/support/ties.ts), its jury set to J1 Anggota, J2 Ketua, J3 Anggota and a Sekretaris J4
 * who scores nothing but signs, the plenary on Senin 21 September 2026 in Serang. Pages are drawn into
 * test-results/documents/ to be looked at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { runCommand } from '../support/cli.js';
import { openTestCore, REPO_ROOT, tempDir } from '../support/core.js';
import { namedDestinations, pageTexts, pdfFonts } from '../support/jury-pdf.js';
import { asSecretariat, call } from '../support/jury.js';
import { qpdfCheck } from '../support/pdf.js';
import { demoWithTies } from '../support/ties.js';

const temp = tempDir('penilai-jury-docs-');
const db = join(temp.dir, 'jury.db');
const PICTURES = join(REPO_ROOT, 'test-results', 'documents');
const C = 'DEMO';

const BA_NUMBER = '400.10.2.1/573/DP3AKKB/2026';
const REKAP_NUMBER = '400.10.2.1/574/DP3AKKB/2026';
const DECISION = 'Inovasi posyandu Desa Cibeber lebih berkelanjutan.';
const REOPEN = 'Salah ketik nilai aspek B pada lembar juri J2 untuk Desa Sukamaju.';
const ACK = {
  title: 'Kepala Dinas Pemberdayaan Perempuan, Perlindungan Anak, Kependudukan dan Keluarga Berencana Provinsi Banten',
  name: 'Dra. Hj. Nurhayati Sulaeman, M.Si.',
  nip: '196805121990032004',
};
const SEKRETARIS = {
  code: 'J4',
  name: 'Sri Wahyuni, S.E.',
  nip: '197804162005012009',
  position: 'Analis Kebijakan Ahli Muda',
  agency: 'Bappeda Provinsi Banten',
  role: 'sekretaris' as const,
  aspects: [],
};
const SEMENTARA = 'SEMENTARA · hasil belum dikunci dalam rapat pleno · bukan untuk ditandatangani';

/** One step's documents: each page's text, the whole text in one line, and the file. */
interface Rendered {
  file: string;
  pages: string[];
  flat: string;
}
const docs: Record<string, { rekap: Rendered; ba: Rendered }> = {};

async function render(step: string, doc: 'rekap' | 'berita-acara'): Promise<Rendered> {
  const file = join(temp.dir, `${doc}-${step}.pdf`);
  const run = await runCommand(['report', '--db', db, '--out', file, '--doc', doc]);
  expect(run.status, run.stderr).toBe(0);
  mkdirSync(PICTURES, { recursive: true });
  execFileSync('pdftoppm', ['-r', '60', '-png', file, join(PICTURES, `${doc}-${step}`)]);
  const pages = pageTexts(file);
  return { file, pages, flat: pages.join('\n').replace(/\s+/g, ' ') };
}

async function step(name: string): Promise<void> {
  docs[name] = { rekap: await render(name, 'rekap'), ba: await render(name, 'berita-acara') };
}

async function withCore<T>(run: (core: Core) => Promise<T>): Promise<T> {
  const core = openTestCore(db);
  try {
    return await run(core);
  } finally {
    core.close();
  }
}

beforeAll(async () => {
  await withCore(async (core) => {
    await demoWithTies(core);
    const detail = await call(core, 'setup.get', { code: C });
    const roles: Record<string, 'ketua' | 'anggota'> = { J1: 'anggota', J2: 'ketua', J3: 'anggota' };
    await call(core, 'setup.save', {
      code: C,
      competition: {
        ...detail.info,
        place: 'Serang',
        dates: { ...detail.info.dates, plenary: '2026-09-21' },
        documentNumbers: { beritaAcara: BA_NUMBER, rekap: REKAP_NUMBER },
      },
      sites: detail.sites,
      jurors: [...detail.jurors.map((j) => ({ ...j, role: roles[j.code]! })), SEKRETARIS],
    });
  });
  await step('1-sementara');
  await withCore(async (core) => {
    await call(core, 'pleno.open', { competition: C });
    await asSecretariat(core, C);
    await call(core, 'pleno.decide', { competition: C, order: ['S03', 'S02'], reason: DECISION });
    const detail = await call(core, 'setup.get', { code: C });
    await call(core, 'setup.save', {
      code: C,
      competition: { ...detail.info, acknowledgedBy: ACK },
      sites: detail.sites,
      jurors: detail.jurors,
    });
  });
  await step('2-diputuskan');
  await withCore(async (core) => {
    await asSecretariat(core, C);
    await call(core, 'pleno.lock', { competition: C });
  });
  await step('3-dikunci');
  await withCore(async (core) => {
    await asSecretariat(core, C);
    await call(core, 'pleno.reopen', { competition: C, reason: REOPEN });
    await call(core, 'pleno.lock', { competition: C });
  });
  await step('4-revisi');
}, 240_000);
afterAll(() => temp.cleanup());

describe('Berita Acara Penilaian', () => {
  it('says the plenary date in words, the place, and its number', () => {
    const { flat } = docs['1-sementara']!.ba;
    expect(flat).toContain(`BERITA ACARA PENILAIAN LOMBA P2WKSS TINGKAT PROVINSI BANTEN TAHUN 2026 (DEMO) Nomor: ${BA_NUMBER}`);
    expect(flat).toContain(
      'Pada hari ini Senin tanggal dua puluh satu bulan September tahun dua ribu dua puluh enam, bertempat di Serang, ' +
        'kami yang bertanda tangan di bawah ini, Tim Penilai Lomba P2WKSS Tingkat Provinsi Banten Tahun 2026 (Demo):',
    );
  });

  it('lists the jury Ketua, Sekretaris, Anggota (in the competition order within a role) with NIP and position', () => {
    const lines = docs['1-sementara']!.ba.pages[0]!.split('\n').filter((l) => /^\d (Dr\.|Ir\.|dr\.|Sri)/.test(l));
    expect(lines).toEqual([
      '1 Ir. Bambang Hermawan, M.M. 196602021991022002 Anggota Tim Penilai, Dinas Kesehatan Ketua',
      '2 Sri Wahyuni, S.E. 197804162005012009 Analis Kebijakan Ahli Muda, Bappeda Sekretaris',
      '3 Dr. Hj. Siti Aminah, M.Si. 196501011990011001 Ketua Tim Penilai, DP3AKB Provinsi Anggota',
      '4 dr. Ratna Dewi Lestari, M.Kes. 196703031992031003 Anggota Tim Penilai, Dinas Pendidikan Anggota',
    ]);
    // The signature blocks in the same order, three a row: the roles, then the names, then the NIPs.
    const signing = docs['1-sementara']!.ba.pages.at(-1)!.split('\n');
    const at = signing.indexOf('1. Ketua, 2. Sekretaris, 3. Anggota,');
    expect(at).toBeGreaterThan(0);
    expect(signing.slice(at + 1, at + 6)).toEqual([
      'Ir. Bambang Hermawan, M.M. Sri Wahyuni, S.E. Dr. Hj. Siti Aminah, M.Si.',
      'NIP 196602021991022002 NIP 197804162005012009 NIP 196501011990011001',
      '4. Anggota,',
      'dr. Ratna Dewi Lestari, M.Kes.',
      'NIP 196703031992031003',
    ]);
  });

  it('gives Juara and Harapan with their totals, and the decision of the pleno with its reason', () => {
    const { pages, flat } = docs['2-diputuskan']!.ba;
    expect(
      pages
        .join('\n')
        .split('\n')
        .filter((l) => /^(Juara|Harapan) I/.test(l)),
    ).toEqual([
      'Juara I 1 Desa Margaluyu (S04) Kabupaten Tangerang 95,29',
      'Juara II 2 Desa Bugel (S01) Kabupaten Serang 82,34',
      'Juara III 3 Desa Mekarsari (S06) Kota Cilegon 67,07',
      'Harapan I 4 Desa Cibeber (S03) Kabupaten Lebak 54,82',
      'Harapan II 5 Desa Sukamaju (S02) Kabupaten Pandeglang 54,82',
      'Harapan III 6 Desa Sindangsari (S05) Kota Serang 54,82',
    ]);
    expect(flat).toContain(
      'Keputusan rapat pleno 1. Lokus dengan nilai total sama (54,82) pada peringkat 4: rapat pleno menetapkan urutan ' +
        `Desa Cibeber (S03), lalu Desa Sukamaju (S02), dengan alasan: ${DECISION}`,
    );
    expect(docs['1-sementara']!.ba.flat).toContain(
      'Keputusan rapat pleno Tidak ada keputusan rapat pleno atas lokus dengan nilai total sama.',
    );
  });

  it('says SEMENTARA until locked, and not once locked', () => {
    for (const s of ['1-sementara', '2-diputuskan']) {
      for (const doc of [docs[s]!.ba, docs[s]!.rekap]) doc.pages.forEach((p) => expect(p.split('\n')[0]).toBe(SEMENTARA));
    }
    for (const s of ['3-dikunci', '4-revisi']) {
      for (const doc of [docs[s]!.ba, docs[s]!.rekap]) expect(doc.flat).not.toContain('SEMENTARA');
    }
  });

  it('prints the Mengetahui official only when set', () => {
    expect(docs['1-sementara']!.ba.flat).not.toContain('Mengetahui');
    expect(docs['2-diputuskan']!.ba.flat).toContain(`Mengetahui, ${ACK.title} ${ACK.name} NIP ${ACK.nip}`);
    // The rekap, short of height on its landscape page, has the official sign as the grid's last block.
    expect(docs['1-sementara']!.rekap.flat).not.toContain('Mengetahui');
    const rekap = docs['2-diputuskan']!.rekap.pages.at(-1)!;
    for (const text of ['Mengetahui,', ACK.name, `NIP ${ACK.nip}`]) expect(rekap).toContain(text);
  });

  it('after reopening and locking again: Revisi 1 and the reason of the reopening', () => {
    expect(docs['3-dikunci']!.ba.flat).not.toContain('Revisi');
    expect(docs['4-revisi']!.ba.flat).toContain(
      `Berita acara ini adalah Revisi 1 dan menggantikan berita acara sebelumnya. Hasil yang telah dikunci dibuka kembali oleh rapat pleno dengan alasan: ${REOPEN}`,
    );
  });
});

describe('Rekapitulasi Nilai', () => {
  it('carries its number, the status, and Revisi 1 once locked again', () => {
    expect(docs['1-sementara']!.rekap.flat).toContain(
      `REKAPITULASI NILAI Lomba P2WKSS Tingkat Provinsi Banten Tahun 2026 (Demo) Nomor: ${REKAP_NUMBER}`,
    );
    expect(docs['3-dikunci']!.rekap.flat).toContain('Hasil telah dikunci dalam rapat pleno.');
    expect(docs['4-revisi']!.rekap.flat).toContain('Hasil telah dikunci dalam rapat pleno · Revisi 1.');
  });
});

describe('both documents', () => {
  it('are valid PDFs with embedded fonts only, and a named signing destination for every juror on the signature page', async () => {
    for (const s of Object.keys(docs)) {
      for (const doc of [docs[s]!.rekap, docs[s]!.ba]) {
        expect(qpdfCheck(doc.file).ok, doc.file).toBe(true);
        const fonts = pdfFonts(doc.file);
        expect(fonts.length).toBeGreaterThan(0);
        expect(fonts.filter((f) => !f.embedded || /Helvetica/i.test(f.name))).toEqual([]);
        const destinations = await namedDestinations(doc.file);
        const signing = doc.pages.findIndex((p) => p.includes('TIM PENILAI')) + 1;
        expect(Object.fromEntries(destinations)).toEqual({ 'ttd-J1': signing, 'ttd-J2': signing, 'ttd-J3': signing, 'ttd-J4': signing });
      }
    }
  });

  it('the acknowledgedBy official travels through the competition file export and import', async () => {
    const file = join(temp.dir, 'lomba.json');
    const exported = await runCommand(['export', '--db', db, '--out', file]);
    expect(exported.status, exported.stderr).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).competition.acknowledgedBy).toEqual(ACK);
    const other = join(temp.dir, 'lain.db');
    const made = await runCommand(['init', '--db', other, '--competition', file]);
    expect(made.status, made.stderr).toBe(0);
    const core = openTestCore(other);
    try {
      expect((await call(core, 'setup.get', { code: C })).info.acknowledgedBy).toEqual(ACK);
    } finally {
      core.close();
    }
  });
});
