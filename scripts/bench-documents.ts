/**
 * `npm run bench -- documents`: the bundle of every document (`report --doc all`) of the large competition
 * (27 sites × 9 jurors, 60 indicators), laid out as the app lays it out (chunks of parts, each its own react-pdf
 * document, joined with pdf-lib) in a process of its own (scripts/bench-documents-child.ts), against
 *  (a) bare pdfkit drawing the same pages (same page count and sizes, the same text lines, a rule under each line,
 *      the embedded Noto fonts), measured in the same run: target ≤ 4×;
 *  (b) LibreOffice converting the equivalent workbook (the result's workbook, documents/workbook.ts) to PDF on the
 *      same machine (`soffice --headless --convert-to pdf`), or the command to run where soffice is missing;
 *  (c) the peak RSS of the process laying the bundle out: target < 400 MB.
 * The bundle holds whatever documents this version has (BUNDLE_ORDER filtered by the registry), so the figures grow
 * with the merged documents by themselves. A stand-in of the same pipeline at scale (the recap repeated as many
 * parts as the full bundle has sheets) shows the chunking whatever is merged; with BENCH_DOCUMENTS_VARIANTS=1 the
 * stand-in is also laid out as one react-pdf <Document> (the naive way) and with react-pdf's experimentalPagination.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument as PdfLibDocument } from 'pdf-lib';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { openRepositories } from '../electron/core/app.js';
import { CHUNK_PARTS } from '../electron/core/documents/bundle.js';
import { renderWorkbook } from '../electron/core/documents/workbook.js';
import { openDatabase } from '../electron/core/platform/database.js';
import { fontPath, repositoryResources } from '../electron/core/platform/resources.js';
import { ensureDefaultInstruments } from '../electron/core/setup/services.js';
import { SIZES, syntheticCompetition } from '../shared/domain/synthetic.js';
import { formatMs, summarise, type BenchRow } from './bench-lib.js';

export interface BenchSink {
  rows: BenchRow[];
  explanations: string[];
  notes: string[];
  progress(message: string): void;
}

interface ChildResult {
  ms: number;
  pages: number;
  bytes: number;
  parts: number;
  docs: string[];
  maxRssMb: number;
}

const CHILD = fileURLToPath(new URL('./bench-documents-child.ts', import.meta.url));
const TSCONFIG = fileURLToPath(new URL('../electron/tsconfig.json', import.meta.url));
const MEMORY_TARGET_MB = 400;
const RUNS = Number(process.env.BENCH_DOCUMENT_RUNS ?? 2);
const resources = repositoryResources();

/** Lays the document out in a fresh process (tsx with the electron tsconfig, as `npm run cli` runs). */
function layOut(db: string, code: string, out: string, extra: string[] = []): ChildResult {
  const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
  const run = spawnSync(tsx, ['--tsconfig', TSCONFIG, CHILD, db, code, out, ...extra], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`bench-documents-child failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as ChildResult;
}

interface PageText {
  width: number;
  height: number;
  lines: string[];
  /** Every text line as pdftotext -bbox-layout finds it (a table cell's line is a line of its own), with its box. */
  boxes: { text: string; x: number; y: number; w: number; h: number }[];
}

/** The pages of a PDF as pdfkit will draw them: size and text lines (pdftotext -layout), read before timing. */
async function pagesOf(file: string): Promise<PageText[]> {
  const doc = await PdfLibDocument.load(readFileSync(file), { updateMetadata: false });
  const texts = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 30 }).split('\f');
  const layout = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 30 })
    .split(/<page /)
    .slice(1);
  return doc.getPages().map((page, i) => {
    const { width, height } = page.getSize();
    const boxes = [
      ...(layout[i] ?? '').matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g),
    ].map((m) => {
      const [x, y, xMax, yMax] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
      const words = [...m[5]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) =>
        w[1]!
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"'),
      );
      return { text: words.join(' '), x, y, w: xMax - x, h: yMax - y };
    });
    return { width, height, lines: (texts[i] ?? '').split('\n').filter((l) => l.trim() !== ''), boxes };
  });
}

/** The bytes a pdfkit document writes, once it has ended. */
function bytesOf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** Bare pdfkit drawing the pages: each text line in Noto Sans (the first in bold) with a hairline rule under it. */
function drawWithPdfkit(pages: PageText[], fonts: { regular: Buffer; bold: Buffer }): Promise<{ bytes: Buffer; pages: number }> {
  const doc = new PDFDocument({ autoFirstPage: false, info: { Title: 'bench', Producer: 'Penilai' } });
  const done = bytesOf(doc);
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  for (const page of pages) {
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    const top = 32;
    const step = Math.min(14, (page.height - top - 24) / Math.max(1, page.lines.length));
    page.lines.forEach((line, i) => {
      const y = top + i * step;
      doc
        .font(i === 0 ? 'bold' : 'regular')
        .fontSize(Math.min(9, step * 0.75))
        .text(line.trim().replace(/\s{2,}/g, '   '), 36, y, { lineBreak: false, width: page.width - 72, height: step });
      doc
        .moveTo(36, y + step - 1)
        .lineTo(page.width - 36, y + step - 1)
        .lineWidth(0.3)
        .stroke('#999999');
    });
  }
  doc.end();
  return done.then((bytes) => ({ bytes, pages: pages.length }));
}

/**
 * Bare pdfkit drawing the same pages as they are: every text line pdftotext finds (each table cell's line on its
 * own), at its place and size, in Noto Sans, with a hairline rule under it, and each page's QR code (the bundle's own
 * payload, every run of dark modules a rectangle, as the documents draw it).
 */
function drawSamePages(pages: PageText[], fonts: { regular: Buffer; bold: Buffer }): Promise<{ bytes: Buffer; pages: number }> {
  const doc = new PDFDocument({ autoFirstPage: false, info: { Title: 'bench', Producer: 'Penilai' } });
  const done = bytesOf(doc);
  doc.registerFont('regular', fonts.regular);
  const qr = QRCode.create('PENILAI:lembar:LARGE:0:' + '0'.repeat(64), { errorCorrectionLevel: 'M' }).modules;
  for (const page of pages) {
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    doc.font('regular');
    for (const box of page.boxes) {
      doc.fontSize(Math.max(4, box.h / 1.362)).text(box.text, box.x, box.y, { lineBreak: false });
      doc
        .moveTo(box.x, box.y + box.h)
        .lineTo(box.x + box.w, box.y + box.h)
        .lineWidth(0.3)
        .stroke('#999999');
    }
    const unit = 40 / (qr.size + 4);
    for (let row = 0; row < qr.size; row++) {
      for (let col = 0; col < qr.size;) {
        if (!qr.data[row * qr.size + col]) {
          col++;
          continue;
        }
        let run = 1;
        while (col + run < qr.size && qr.data[row * qr.size + col + run]) run++;
        doc.rect(36 + (col + 2) * unit, page.height - 56 + (row + 2) * unit, run * unit, unit);
        col += run;
      }
    }
    doc.fill('#000000');
  }
  doc.end();
  return done.then((bytes) => ({ bytes, pages: pages.length }));
}

/** soffice's converter, with a profile of its own (two instances on one profile refuse to start). */
function sofficeConvert(xlsx: string, outDir: string, profile: string): number {
  const started = performance.now();
  const run = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, xlsx],
    { encoding: 'utf8', timeout: 600_000 },
  );
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`soffice failed (${run.status}): ${run.stderr}`);
  return ms;
}

function hasSoffice(): boolean {
  return spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
}

export async function documentsFigures(dir: string, sink: BenchSink): Promise<void> {
  const { rows, explanations, notes, progress } = sink;
  const code = 'LARGE';
  const large = syntheticCompetition({ ...SIZES.large, seed: 2026, code, assignment: 'sector' });
  const db = join(dir, 'documents.sqlite');
  {
    const conn = openDatabase({ file: db });
    try {
      const repos = openRepositories(conn, { id: 'b0000000-0000-4000-8000-000000000000', publicKey: null });
      conn.transaction(() => ensureDefaultInstruments(repos, resources))();
      repos.setup.createCompetition(large.file);
      repos.scoring.insertScores(code, large.scores, true);
    } finally {
      conn.close();
    }
  }
  const describe = `${large.file.sites.length} sites × ${large.file.jurors.length} jurors, ${SIZES.large.indicators} indicators`;
  const fonts = {
    regular: readFileSync(fontPath(resources, 'NotoSans-Regular.ttf')),
    bold: readFileSync(fontPath(resources, 'NotoSans-Bold.ttf')),
  };

  /** Alternates the layout (own process) and bare pdfkit of the same pages, RUNS times each. */
  async function against(
    label: string,
    extra: string[],
  ): Promise<{ bundle: ChildResult[]; pdfkit: number[]; same: number[]; pages: PageText[] }> {
    const out = join(dir, `${label}.pdf`);
    progress(`${label}: first layout (its pages are what pdfkit draws)`);
    const results: ChildResult[] = [layOut(db, code, out, extra)];
    const pages = await pagesOf(out);
    if (process.env.BENCH_KEEP_PDF) {
      mkdirSync(process.env.BENCH_KEEP_PDF, { recursive: true });
      writeFileSync(join(process.env.BENCH_KEEP_PDF, `${label}.pdf`), readFileSync(out));
    }
    const pdfkit: number[] = [];
    const same: number[] = [];
    await drawWithPdfkit(pages, fonts); // warm-up
    await drawSamePages(pages, fonts);
    if (process.env.BENCH_KEEP_PDF)
      writeFileSync(join(process.env.BENCH_KEEP_PDF, `${label}-pdfkit.pdf`), (await drawSamePages(pages, fonts)).bytes);
    for (let i = 0; i < RUNS; i++) {
      let start = performance.now();
      await drawWithPdfkit(pages, fonts);
      pdfkit.push(performance.now() - start);
      start = performance.now();
      await drawSamePages(pages, fonts);
      same.push(performance.now() - start);
      progress(`${label}: pdfkit ${formatMs(pdfkit[i]!)} (text lines), ${formatMs(same[i]!)} (same pages)`);
      if (i > 0) results.push(layOut(db, code, out, extra));
      progress(
        `${label}: layout ${formatMs(results[results.length - 1]!.ms)}, peak ${results[results.length - 1]!.maxRssMb.toFixed(0)} MB`,
      );
    }
    return { bundle: results, pdfkit, same, pages };
  }

  // (a) and (c): the bundle as it is in this version.
  const bundle = await against('bundle', []);
  const b = bundle.bundle[0]!;
  const bundleMedian = summarise(bundle.bundle.map((r) => r.ms)).median;
  const pdfkitMedian = summarise(bundle.pdfkit).median;
  const sameMedian = summarise(bundle.same).median;
  const peak = Math.max(...bundle.bundle.map((r) => r.maxRssMb));
  const what = `Bundle PDF (--doc all) of the large competition (${describe}): ${b.docs.join(', ')}; ${b.parts} parts, ${b.pages} pages (Lembar and Catatan painted on pdfkit, the others react-pdf in chunks of ${CHUNK_PARTS} parts, joined with pdf-lib), median`;
  rows.push({
    figure: what,
    value: bundleMedian,
    baseline: `bare pdfkit drawing the same ${b.pages} pages: every text line pdftotext -bbox-layout finds (each table cell's line its own), at its place and size, a rule under each, each page's QR code, embedded Noto Sans; target ≤ 4×`,
    baselineValue: sameMedian,
  });
  rows.push({
    figure: `The same bundle, median`,
    value: bundleMedian,
    baseline: `bare pdfkit drawing the pages' text as pdftotext -layout lines (a table row one line, no QR: the baseline of earlier runs, lighter than the pages)`,
    baselineValue: pdfkitMedian,
  });
  rows.push({
    figure: `Peak RSS of the process laying out that bundle (max over ${bundle.bundle.length} runs)`,
    value: peak,
    baseline: 'target',
    baselineValue: MEMORY_TARGET_MB,
    unit: 'MB',
  });
  notes.push(
    `Bundle: ${b.parts} parts (${b.docs.join(', ')}), ${b.pages} pages, ${(b.bytes / 1024).toFixed(0)} KiB; layout ${bundle.bundle.map((r) => formatMs(r.ms)).join(', ')} (${formatMs(bundleMedian / b.pages)} per page); pdfkit ${bundle.pdfkit.map(formatMs).join(', ')}; peak RSS ${bundle.bundle.map((r) => `${r.maxRssMb.toFixed(0)} MB`).join(', ')}.`,
  );

  // (b) the LibreOffice anchor.
  const workbook = join(dir, 'Hasil-LARGE.xlsx');
  {
    const conn = openDatabase({ file: db, mustExist: true });
    try {
      writeFileSync(
        workbook,
        (await renderWorkbook(openRepositories(conn, { id: 'b0000000-0000-4000-8000-000000000000', publicKey: null }), code)).bytes,
      );
    } finally {
      conn.close();
    }
  }
  const command = `soffice -env:UserInstallation=file:///tmp/penilai-lo --headless --convert-to pdf --outdir /tmp ${workbook}`;
  if (hasSoffice()) {
    const profile = join(dir, 'lo-profile');
    progress('LibreOffice: warm-up conversion (first start makes its profile)');
    sofficeConvert(workbook, dir, profile);
    const lo: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      lo.push(sofficeConvert(workbook, dir, profile));
      progress(`LibreOffice: ${formatMs(lo[i]!)}`);
    }
    const loPdf = join(dir, 'Hasil-LARGE.pdf');
    const loPages = existsSync(loPdf) ? (await PdfLibDocument.load(readFileSync(loPdf))).getPageCount() : 0;
    rows.push({
      figure: `Bundle PDF of the large competition (as above, ${b.pages} pages), median`,
      value: bundleMedian,
      baseline: `LibreOffice converting the result's workbook to PDF (soffice --headless --convert-to pdf, ${loPages} pages, process start included), median`,
      baselineValue: summarise(lo).median,
    });
  } else {
    notes.push(
      `LibreOffice is not installed here: the anchor is measured with \`time ${command}\` on the workbook of the large competition (\`export-xlsx\`).`,
    );
  }

  // react-pdf's chunked pipeline at scale (the recap, 3 pages, repeated as many parts as BENCH_STANDIN_PARTS): what
  // the bundle cost before the sheets were painted. Only with BENCH_DOCUMENTS_VARIANTS=1 (≈ 1.5 minutes).
  const standin = String(Number(process.env.BENCH_STANDIN_PARTS ?? 80));
  if (process.env.BENCH_DOCUMENTS_VARIANTS) {
    const s = await against('standin', ['--standin', standin]);
    const s0 = s.bundle[0]!;
    rows.push({
      figure: `Stand-in, react-pdf only: the recap repeated ${s0.parts} times (${s0.pages} pages), chunks of ${CHUNK_PARTS} joined, median`,
      value: summarise(s.bundle.map((r) => r.ms)).median,
      baseline: `bare pdfkit drawing the same ${s0.pages} pages (text lines)`,
      baselineValue: summarise(s.pdfkit).median,
    });
    rows.push({
      figure: `Peak RSS laying out the stand-in (${s0.pages} pages)`,
      value: Math.max(...s.bundle.map((r) => r.maxRssMb)),
      baseline: 'target',
      baselineValue: MEMORY_TARGET_MB,
      unit: 'MB',
    });
  }
  if (process.env.BENCH_DOCUMENTS_VARIANTS) {
    for (const [label, extra] of [
      ['one <Document> (naive)', ['--naive']],
      ['experimentalPagination, chunks', ['--experimental']],
      ['chunks of 4 parts', ['--chunk', '4']],
      ['chunks of 16 parts', ['--chunk', '16']],
    ] as const) {
      progress(`stand-in variant: ${label}`);
      const r = layOut(db, code, join(dir, 'variant.pdf'), ['--standin', standin, ...extra]);
      notes.push(
        `Stand-in variant, ${label}: ${r.pages} pages, ${(r.bytes / 1024).toFixed(0)} KiB, ${formatMs(r.ms)}, peak RSS ${r.maxRssMb.toFixed(0)} MB.`,
      );
    }
  }

  explanations.push(
    `**Bundle PDF**: \`report --doc all\` as the app's worker lays it out (bundle.ts: the recap and the Berita Acara as react-pdf documents, the sheets — Lembar, Formulir, Catatan — painted on pdfkit in one run, documents/paint.ts, the chunks' pages joined with pdf-lib, the outline and named destinations rebuilt, written without object streams), in a process of its own started for each run (the layout timed inside it, from the job to the bytes; the peak RSS is the process's maxRSS, start-up included). Baseline (a): bare pdfkit drawing the same pages — the same number and sizes, every text line pdftotext -bbox-layout finds on each page (read before timing) at its place and size in Noto Sans with a rule under it, and each page's QR code — timed in the bench process alternately with the layout, after one warm-up; the lighter baseline of earlier runs (pdftotext -layout lines, a table row as one line, no QR) beside it. Baseline (b): LibreOffice converting the result's workbook of the same competition to PDF, process start included (what a secretariat does today with a spreadsheet), after one warm-up that makes its profile. With BENCH_DOCUMENTS_VARIANTS=1, a stand-in repeats the recap to the length of the full bundle (react-pdf's chunked pipeline at scale) and its variants.`,
  );
}
