/**
 * The painted documents (paint.ts: Lembar Penilaian and Catatan untuk peserta drawn on pdfkit) where their layout
 * is put to the test: a sheet of 25 indicators over several pages, a juror's note of 4 000 characters (the most the
 * app takes) with "≥" in it (a character Noto Sans lacks), released to the site's Catatan. Read back with pdftotext
 * (the words, in order, per page, with their boxes), pdffonts and qpdf; then the painted sheet signed by its juror
 * with a key made by the app, checked by pdfsig and `verify --pdf --db`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePDFRawStream, PDFDocument, PDFRawStream } from 'pdf-lib';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStamp, qrPayload } from '../../shared/domain/doc-stamp.js';
import { UserError } from '../../shared/domain/errors.js';
import { buildRenderJob, inlineRenderer } from '../../electron/core/documents/render.js';
import { repositoryResources } from '../../electron/core/platform/resources.js';
import { aCompetition, anInstrument } from '../support/builders.js';
import { runCommand } from '../support/cli.js';
import { openTestCore, REPO_ROOT, tempDir } from '../support/core.js';
import { asSecretariat, call } from '../support/jury.js';
import { pdfPageCount, qpdfCheck } from '../support/pdf.js';

const temp = tempDir('penilai-paint-');
const db = join(temp.dir, 'paint.db');
const SHOTS = join(REPO_ROOT, 'test-results', 'documents');
const INDICATORS = 25;
/** 4 000 characters of numbered sentences, "≥" in each. */
const LONG_NOTE = (() => {
  let note = '';
  for (let i = 1; note.length < 4000; i++) note += `Temuan ${i}: cakupan posyandu ≥ 80 % belum tercapai di dusun ${i}. `;
  return note.slice(0, 4000).trimEnd();
})();

const FILE = aCompetition({
  competition: { code: 'PANJANG', name: 'Lomba Uji Lembar Panjang', place: 'Serang' },
  instrument: anInstrument({
    defaultScale: { min: 1, max: 5, step: 1 },
    phases: [{ code: 'ADM', name: 'Penilaian administrasi' }],
    aspects: [
      {
        code: 'A',
        name: 'Kelembagaan',
        indicators: Array.from({ length: INDICATORS }, (_, i) => ({
          code: `A${i + 1}`,
          name: `Indikator kelembagaan nomor ${i + 1} dengan nama yang cukup panjang untuk dua baris`,
          weight: 4,
          phase: 'ADM',
        })),
      },
    ],
  }),
  sites: [
    { code: 'S01', name: 'Desa Sukamaju', district: 'Cikeusal', regency: 'Kabupaten Serang', visitDate: '2026-09-08' },
    { code: 'S02', name: 'Desa Mekarsari', district: 'Menes', regency: 'Kabupaten Pandeglang' },
  ],
  jurors: [
    { code: 'J1', name: 'Dr. Hj. Siti Aminah', nip: '196501011990011001', role: 'ketua' },
    { code: 'J2', name: 'Ir. Bambang Wijaya', nip: '197003152000031002', role: 'anggota' },
  ],
});

beforeAll(async () => {
  const core = openTestCore(db);
  try {
    await call(core, 'setup.import', { name: 'panjang.json', bytes: new TextEncoder().encode(JSON.stringify(FILE)) });
    for (let i = 1; i <= INDICATORS; i++) {
      await call(core, 'scoring.setScore', { competition: 'PANJANG', juror: 'J1', site: 'S01', indicator: `A${i}`, value: 1 + (i % 5) });
    }
    await call(core, 'scoring.setNote', { competition: 'PANJANG', juror: 'J1', site: 'S01', indicator: 'A12', note: LONG_NOTE });
    await call(core, 'scoring.setNote', { competition: 'PANJANG', juror: 'J1', site: 'S01', indicator: 'A13', note: 'Sudah baik.' });
    await asSecretariat(core, 'PANJANG'); // releasing notes to a site is the secretariat's
    await call(core, 'documents.releaseNotes', {
      competition: 'PANJANG',
      site: 'S01',
      notes: [
        { juror: 'J1', indicator: 'A12' },
        { juror: 'J1', indicator: 'A13' },
      ],
    });
  } finally {
    core.close();
  }
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(() => temp.cleanup());

async function report(name: string, ...args: string[]): Promise<string> {
  const file = join(temp.dir, name);
  const run = await runCommand(['report', '--db', db, '--out', file, ...args]);
  expect(run.status, run.stderr).toBe(0);
  expect(qpdfCheck(file).ok).toBe(true);
  execFileSync('pdftoppm', ['-r', '60', '-png', file, join(SHOTS, name.replace(/\.pdf$/, ''))]);
  return file;
}

/** Each page's words with their boxes (pdftotext -bbox), in reading order. */
function pageWords(file: string): { word: string; xMin: number; yMin: number; yMax: number }[][] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return html
    .split(/<page /)
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        word: m[4]!
          .replace(/&amp;/g, '&')
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>'),
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        yMax: Number(m[3]),
      })),
    );
}

/** Whether `needle`'s words appear in `hay` in the same order (other words may come between: cells, footers). */
function inOrder(hay: string[], needle: string[]): { ok: boolean; missing: string | null } {
  let at = 0;
  for (const word of needle) {
    while (at < hay.length && hay[at] !== word) at++;
    if (at === hay.length) return { ok: false, missing: word };
    at++;
  }
  return { ok: true, missing: null };
}

/** The footer of components.tsx / paint.ts: its rule is 60 points above the page's foot. */
const FOOTER_TOP = 841.89 - 60;

function expectPagesNumberedAndClear(file: string, pages: number): void {
  const words = pageWords(file);
  expect(words).toHaveLength(pages);
  words.forEach((page, i) => {
    const text = page.map((w) => w.word).join(' ');
    expect(text).toContain(`Halaman ${i + 1} dari ${pages}`);
    // Nothing of the body runs into the footer: every word above its rule but the footer's own.
    const footer = page.findIndex((w) => w.word === 'Penilai' && w.yMin > FOOTER_TOP);
    expect(footer, `page ${i + 1} has its footer`).toBeGreaterThan(0);
    for (const w of page.slice(0, footer)) expect(w.yMax, `page ${i + 1}: "${w.word}"`).toBeLessThan(FOOTER_TOP);
  });
}

describe('a painted Lembar longer than a page', () => {
  it('keeps every word of a 4 000-character note in order across pages, the header repeated, nothing under the footer', async () => {
    const file = await report('paint-lembar-J1-S01.pdf', '--doc', 'lembar', '--juror', 'J1', '--site', 'S01');
    const pages = pdfPageCount(file);
    expect(pages).toBeGreaterThanOrEqual(3);
    expectPagesNumberedAndClear(file, pages);
    const words = pageWords(file);
    const all = words.flat().map((w) => w.word);
    expect(inOrder(all, LONG_NOTE.split(/\s+/))).toEqual({ ok: true, missing: null });
    // Every indicator, in order, with its name.
    expect(inOrder(all, Array.from({ length: INDICATORS }, (_, i) => [`A${i + 1}`, 'Indikator', 'kelembagaan']).flat()).ok).toBe(true);
    // The table's header again at the top of every page the table goes on to (the words of its first line, left
    // to right).
    for (const page of words.slice(1)) {
      if (!page.some((w) => /^A\d+$/.test(w.word))) continue;
      const top = Math.min(...page.map((w) => w.yMin));
      const line = page
        .filter((w) => w.yMin < top + 4)
        .sort((a, b) => a.xMin - b.xMin)
        .map((w) => w.word);
      expect(line).toEqual(['Kode', 'Indikator', 'Bobot', 'Nilai', 'Keterangan', 'Catatan', 'juri']);
    }
    // "≥" is set in DejaVu Sans (Noto Sans lacks it); every font embedded, no Helvetica.
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.some((l) => /DejaVuSans/.test(l))).toBe(true);
    for (const line of fonts) {
      expect(line).not.toMatch(/Helvetica/);
      expect(line, line).toMatch(/\syes\s+yes\s+yes\s+\d+\s+\d+$/);
    }
    expect(all.filter((w) => w === '≥')).toHaveLength(LONG_NOTE.split('≥').length - 1);
  });

  it("draws on every page the QR code of the document's stamp, module for module", async () => {
    const file = await report('paint-qr.pdf', '--doc', 'lembar', '--juror', 'J1', '--site', 'S01');
    const pdf = await PDFDocument.load(readFileSync(file));
    const stamp = parseStamp(pdf.getKeywords() ?? '')!;
    // The matrix a scanner reads: the payload's own QR code (error correction M, as the app makes it).
    const expected = QRCode.create(qrPayload(stamp), { errorCorrectionLevel: 'M' }).modules;
    const want = Array.from({ length: expected.size }, (_, r) =>
      Array.from({ length: expected.size }, (_, c) => (expected.data[r * expected.size + c] ? '1' : '0')).join(''),
    );
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(3);
    for (const page of pdf.getPages()) {
      const contents = page.node.Contents();
      const streams = contents instanceof PDFRawStream ? [contents] : [];
      const text = streams.map((st) => Buffer.from(decodePDFRawStream(st).decode()).toString('latin1')).join('\n');
      // The code's rectangles (x y w h re, one per run of dark modules), read back into a grid of modules.
      const block = /q 0 g ((?:[\d.]+ [\d.]+ [\d.]+ [\d.]+ re ?)+) f Q/.exec(text);
      expect(block, 'a QR code on the page').not.toBeNull();
      const rects = [...block![1]!.matchAll(/([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re/g)].map((m) => m.slice(1, 5).map(Number));
      const unit = rects[0]![3]!;
      const x0 = Math.min(...rects.map((r) => r[0]!));
      const y0 = Math.min(...rects.map((r) => r[1]!));
      const grid = Array.from({ length: expected.size }, () => Array<string>(expected.size).fill('0'));
      for (const [x, y, w] of rects) {
        const row = Math.round((y! - y0) / unit);
        const col = Math.round((x! - x0) / unit);
        for (let k = 0; k < Math.round(w! / unit); k++) grid[row]![col + k] = '1';
      }
      expect(grid.map((r) => r.join(''))).toEqual(want);
    }
  });

  it('the Catatan of S01 carries the released long note whole and the short one, over its pages', async () => {
    const file = await report('paint-catatan-S01.pdf', '--doc', 'catatan', '--site', 'S01');
    const pages = pdfPageCount(file);
    expect(pages).toBeGreaterThanOrEqual(2);
    expectPagesNumberedAndClear(file, pages);
    const all = pageWords(file)
      .flat()
      .map((w) => w.word);
    expect(inOrder(all, ['Juri', '1', 'A12', ...LONG_NOTE.split(/\s+/), 'A13', 'Sudah', 'baik.'])).toEqual({ ok: true, missing: null });
    expect(all.join(' ')).not.toContain('Siti Aminah: ');
  });

  it('is signed by its juror with a key made by the app: pdfsig valid, verify --pdf --db exits 0', async () => {
    const file = await report('paint-sign.pdf', '--doc', 'lembar', '--juror', 'J1', '--site', 'S01');
    const pass = join(temp.dir, 'pass.txt');
    writeFileSync(pass, 'rahasia-uji-123\n');
    const p12 = join(temp.dir, 'j1.p12');
    const home = join(temp.dir, 'home');
    const made = await runCommand([
      'keys',
      'new',
      '--out',
      p12,
      '--name',
      'Dr. Hj. Siti Aminah',
      '--nip',
      '196501011990011001',
      '--passphrase-file',
      pass,
    ]);
    expect(made.status, made.stderr).toBe(0);
    const signed = join(temp.dir, 'paint-signed.pdf');
    const sign = await runCommand([
      'sign',
      '--pdf',
      file,
      '--out',
      signed,
      '--p12',
      p12,
      '--passphrase-file',
      pass,
      '--db',
      db,
      '--home',
      home,
    ]);
    expect(sign.status, sign.stderr).toBe(0);
    expect(sign.stderr).toContain('(juri J1)');
    expect(qpdfCheck(signed).ok).toBe(true);
    const sig = spawnSync('pdfsig', [signed], { encoding: 'utf8' }).stdout;
    expect(sig).toContain('Signature Field Name: ttd-J1');
    expect(sig).toContain('Signature Validation: Signature is Valid.');
    const verify = await runCommand(['verify', '--pdf', signed, '--db', db, '--home', home]);
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    expect(verify.stdout).toContain('Hash data cocok dengan basis data');
    // The visible signature sits in the juror's block of the last page.
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', String(pdfPageCount(signed)), signed, join(SHOTS, 'paint-signed')]);
  });

  it('a run of painted sheets reports its progress per sheet and stops at a cancel between two sheets', async () => {
    const core = openTestCore(db);
    try {
      const job = buildRenderJob(core.deps.repos, 'PANJANG', 'lembar', new Date('2026-09-21T08:00:00'));
      expect(job.parts.map((p) => p.bookmark)).toEqual([
        'Lembar Penilaian J1 · S01',
        'Lembar Penilaian J1 · S02',
        'Lembar Penilaian J2 · S01',
        'Lembar Penilaian J2 · S02',
      ]);
      const render = inlineRenderer(repositoryResources());
      const seen: string[] = [];
      const bytes = await render(job, (done, total) => seen.push(`${done}/${total}`));
      expect(seen).toEqual(['0/4', '1/4', '2/4', '3/4', '4/4', '4/4']);
      expect(
        Buffer.from(bytes)
          .toString('latin1')
          .match(/\/Type \/Page\b/g)?.length,
      ).toBeGreaterThanOrEqual(4);

      const abort = new AbortController();
      const cancelled: string[] = [];
      const stopped = await render(
        job,
        (done, total) => {
          cancelled.push(`${done}/${total}`);
          if (done === 2) abort.abort();
        },
        abort.signal,
      ).then(
        () => null,
        (error: unknown) => error,
      );
      expect(stopped).toBeInstanceOf(UserError);
      expect((stopped as UserError).key).toBe('documents.cancelled');
      expect(cancelled).toEqual(['0/4', '1/4', '2/4']);
    } finally {
      core.close();
    }
  });
});
