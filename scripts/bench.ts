/**
 * `npm run bench`: speed as ratios against baselines measured in the same run (never timed assertions in tests).
 * Writes docs/benchmarks.md and prints the same table; progress goes to stderr.
 *
 * Figures:
 *  1. Ranking of the stress competition (40 sites × 25 jurors × 150 indicators = 150,000 scores) on a real SQLite
 *     file, end to end as the app shows it (`repos.pleno.official`), the pure ranking and the read alone, against one
 *     SQL aggregate over the same rows.
 *  2. The recap PDF (react-pdf, as the app renders it) of a typical and a large competition, against the same
 *     table drawn by hand with bare pdfkit from the same view model.
 *  3. One durable score save through the handler on a database of 150,000 scores, against a bare INSERT with the
 *     same durability (WAL, synchronous=FULL); p50 and p99.
 *  4. The first screen in Chromium over the HTTP bridge, from navigation start to the Lomba screen taking input,
 *     against a static HTML page of the same bytes from the same server.
 *  5. Key presses to score the default sheet from the keyboard, against the number of answers on it.
 *  6. A 25 MB byte array through the bridge's JSON codec, against Node's Buffer base64 of the same bytes.
 *  7. 25 score packages (150,000 scores) imported and verified through `exchange.apply`, against bare better-sqlite3
 *     inserting the same rows in one transaction.
 *  8. The bundle of every document of the large competition against bare pdfkit drawing the same pages and
 *     LibreOffice converting the workbook, with the peak memory of the laying-out process (bench-documents.ts).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import PDFDocument from 'pdfkit';
import { openCore } from '../electron/core/app.js';
import { openDatabase, type Db } from '../electron/core/platform/database.js';
import { openRepositories } from '../electron/core/app.js';

/** The device the benchmarks write as (their databases are thrown away). */
const BENCH_DEVICE = { id: 'b0000000-0000-4000-8000-000000000000', publicKey: null };
import { fontPath, loadDefaultInstrument, repositoryResources, type Resources } from '../electron/core/platform/resources.js';
import { inlineRenderer, renderDocument } from '../electron/core/documents/render.js';
import { buildRekapModel, type RekapModel } from '../electron/core/documents/rekap-model.js';
import { ensureDefaultInstruments } from '../electron/core/setup/services.js';
import { decodeJson, encodeJson, toBase64, toBase64Chunked } from '../shared/contract/codec.js';
import { listIndicators } from '../shared/domain/instrument.js';
import { ledgerFileSchema, SCORES_LEDGER_FILE, type PackageLedger } from '../shared/domain/package.js';
import { readPackage } from '../electron/core/exchange/package-file.js';
import { rankSites } from '../shared/domain/ranking.js';
import { scoreSiteWithKeyboard } from './keyboard-scoring.js';
import { documentsFigures } from './bench-documents.js';
import { seededRandom, SIZES, syntheticCompetition, type SyntheticCompetition } from '../shared/domain/synthetic.js';
import {
  collectGarbage,
  firstScreenFiles,
  formatMs,
  machine,
  markdownTable,
  measure,
  measureAgainst,
  openBrowserBench,
  summarise,
  type BenchRow,
  type BrowserBench,
  type Measurement,
} from './bench-lib.js';

const SEED = 2026;
const RANKING_RUNS = 20;
const resources: Resources = repositoryResources();
const started = performance.now();
const loadAtStart = loadavg()[0]!;
const rows: BenchRow[] = [];
const explanations: string[] = [];
const notes: string[] = [];
/** Keeps results reachable so no measured work can be optimised away. */
let sink: unknown;

function progress(message: string): void {
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}\n`);
}

async function timed(label: string, fn: () => unknown, warmup: number, runs: number): Promise<Measurement> {
  collectGarbage();
  progress(`${label}: ${warmup} warm-up + ${runs} runs`);
  const m = await measure(fn, { warmup, runs, gcBeforeEachRun: true });
  progress(`${label}: median ${formatMs(m.median)}, p95 ${formatMs(m.p95)}`);
  return m;
}

/** A subject and its baseline, measured in alternation (see `measureAgainst`), with a full GC before every run. */
async function timedPair(
  label: string,
  subject: () => unknown,
  baselineLabel: string,
  baseline: () => unknown,
  warmup: number,
  runs: number,
): Promise<{ subject: Measurement; baseline: Measurement }> {
  collectGarbage();
  progress(`${label} against ${baselineLabel}: ${warmup} warm-up + ${runs} runs each, alternating`);
  const m = await measureAgainst(subject, baseline, { warmup, runs, gcBeforeEachRun: true });
  progress(
    `${label}: median ${formatMs(m.subject.median)}, p95 ${formatMs(m.subject.p95)}; ${baselineLabel}: median ${formatMs(m.baseline.median)}, p95 ${formatMs(m.baseline.p95)}`,
  );
  return m;
}

/** As `timedPair`, with untimed work before every call (a fresh database for a subject that writes). */
async function timedPairPrepared(
  label: string,
  subject: () => unknown,
  baselineLabel: string,
  baseline: () => unknown,
  prepare: (which: 'subject' | 'baseline') => unknown,
  warmup: number,
  runs: number,
): Promise<{ subject: Measurement; baseline: Measurement }> {
  collectGarbage();
  progress(`${label} against ${baselineLabel}: ${warmup} warm-up + ${runs} runs each, alternating`);
  const m = await measureAgainst(subject, baseline, {
    warmup,
    runs,
    gcBeforeEachRun: true,
    prepare,
    onRun: (i, ms) => progress(`${label}: run ${i + 1}, ${formatMs(ms)}`),
  });
  progress(`${label}: median ${formatMs(m.subject.median)}; ${baselineLabel}: median ${formatMs(m.baseline.median)}`);
  return m;
}

/** A fresh database file holding the given competitions, every sheet finalised; closed afterwards so that the
 * measurements open it as the app would (WAL checkpointed, nothing in memory). */
function buildDatabase(file: string, competitions: readonly SyntheticCompetition[]): void {
  const db = openDatabase({ file });
  try {
    const repos = openRepositories(db, BENCH_DEVICE);
    db.transaction(() => ensureDefaultInstruments(repos, resources))();
    for (const { file: competition, scores } of competitions) {
      repos.setup.createCompetition(competition);
      repos.scoring.insertScores(competition.competition.code, scores, true);
    }
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Ranking of the stress competition
// ---------------------------------------------------------------------------------------------------------------

async function rankingFigures(dir: string): Promise<void> {
  const code = 'STRESS';
  const size = SIZES.stress;
  const expected = size.sites * size.jurors * size.indicators;
  progress(`stress competition: ${size.sites} sites × ${size.jurors} jurors × ${size.indicators} indicators`);
  const stress = syntheticCompetition({ ...size, seed: SEED, code, assignment: 'all' });
  if (stress.scores.length !== expected) throw new Error(`expected ${expected} scores, got ${stress.scores.length}`);
  const file = join(dir, 'stress.sqlite');
  buildDatabase(file, [stress]);
  progress(`stress database written (${stress.scores.length.toLocaleString('en')} scores)`);

  const db: Db = openDatabase({ file, mustExist: true });
  try {
    const repos = openRepositories(db, BENCH_DEVICE);
    const competitionId = db.prepare<[string], { id: number }>('SELECT id FROM competition WHERE code = ?').get(code)!.id;
    const aggregate = db.prepare<[number], { site_id: number; total: number; n: number }>(
      `SELECT sc.site_id, SUM(sc.value) AS total, COUNT(*) AS n
       FROM score sc JOIN site s ON s.id = sc.site_id WHERE s.competition_id = ? GROUP BY sc.site_id`,
    );

    // Both sides must read every row, and the app's ranking must be the ranking of the lists: check once, untimed.
    const sums = aggregate.all(competitionId);
    const counted = sums.reduce((s, r) => s + r.n, 0);
    if (sums.length !== size.sites || counted !== expected) throw new Error(`aggregate saw ${sums.length} sites / ${counted} scores`);
    const input = repos.setup.rankingInput(code);
    if (input.scores.length !== expected) throw new Error(`rankingInput read ${input.scores.length} scores`);
    const check = repos.pleno.official(code);
    if (check.ranking.length !== size.sites || !check.complete || !check.finalised)
      throw new Error('stress ranking is not complete and final');
    if (JSON.stringify(check.ranking) !== JSON.stringify(rankSites(input).ranking))
      throw new Error('repos.pleno.official differs from rankSites(repos.setup.rankingInput())');

    const sql = () => (sink = aggregate.all(competitionId));
    const endToEnd = await timedPair(
      'repos.pleno.official(code)',
      () => (sink = repos.pleno.official(code)),
      'SQL aggregate',
      sql,
      3,
      RANKING_RUNS,
    );
    const pure = await timedPair('rankSites(input)', () => (sink = rankSites(input)), 'SQL aggregate', sql, 3, RANKING_RUNS);
    const readOnly = await timedPair(
      'repos.setup.rankingGrid(code)',
      () => (sink = repos.setup.rankingGrid(code)),
      'SQL aggregate',
      sql,
      3,
      RANKING_RUNS,
    );

    const base = 'one SQL aggregate (SUM … GROUP BY site over score ⋈ site), same file';
    const scale = `stress: ${size.sites} sites × ${size.jurors} jurors × ${size.indicators} indicators = ${expected.toLocaleString('en')} scores`;
    for (const key of ['median', 'p95'] as const) {
      rows.push({
        figure: `Ranking, end to end: repos.pleno.official() on a SQLite file, ${scale}, ${key}`,
        value: endToEnd.subject[key],
        baseline: base,
        baselineValue: endToEnd.baseline[key],
      });
    }
    for (const key of ['median', 'p95'] as const) {
      rows.push({
        figure: `Ranking, pure: rankSites(input) in memory, scores as a list, ${scale}, ${key}`,
        value: pure.subject[key],
        baseline: base,
        baselineValue: pure.baseline[key],
      });
    }
    rows.push({
      figure: `Ranking, reading only: repos.setup.rankingGrid() (the SQL part of the end-to-end figure), ${scale}, median`,
      value: readOnly.subject.median,
      baseline: base,
      baselineValue: readOnly.baseline.median,
    });

    explanations.push(
      `**Ranking, end to end**: what the app does to show the ranking of the stress competition: \`repos.pleno.official(code)\`, the one ranking every report, \`rank\` and the UI read (the result's state; \`repos.setup.rankingGrid(code)\`: competition, instrument, sites, jurors, every score and finalised sheet read from a SQLite file opened with the app's \`openDatabase\`; \`rankSites\`; the jury's decisions read and applied), over ${RANKING_RUNS} runs after 3 warm-ups; the baseline is a minimal read of the same ${expected.toLocaleString('en')} rows: one prepared \`SELECT site_id, SUM(value), COUNT(*) … GROUP BY site_id\` joined to \`site\` only to filter by competition, run alternately with it (${RANKING_RUNS} runs each). Nothing is remembered between calls: every run reads and ranks again. Checked once before timing: the result equals \`rankSites(repos.setup.rankingInput(code))\`.`,
      `**Ranking, pure**: \`rankSites\` alone on a \`RankingInput\` already in memory with its 150,000 scores as a list (put in the score grid, then normalised, aggregated over jurors, points per indicator, aspect and phase, tie-breaks and labels), against the same SQL baseline (measured again, alternating with it).`,
      `**Ranking, reading only**: \`repos.setup.rankingGrid(code)\` alone, the SQL and object-building part of the end-to-end figure (the scores read in one statement grouped by sheet into a grid indexed by site, juror and indicator), against the same SQL baseline.`,
    );
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 2. The recap PDF: react-pdf (the app) against the same table drawn with bare pdfkit
// ---------------------------------------------------------------------------------------------------------------

interface Fonts {
  regular: Buffer;
  bold: Buffer;
}

/** Column widths of rekap.tsx (points); the aspect columns share what is left, as its flexGrow columns do. */
const W = { rank: 46, code: 30, name: 100, regency: 100, total: 44, label: 58, decided: 50 };
const MARGIN = { top: 32, bottom: 48, left: 36, right: 36 };
const PAD = 3;

/**
 * The recap's table drawn by hand: letterhead, title, status line, the table (rank, code, name, regency, one
 * column per aspect, total, label, decided-by) with its header repeated on every page, and a page footer with
 * "Halaman X dari N". Same page size, margins, fonts, font sizes and column widths as the react-pdf document;
 * no legend, method or signature blocks. Resolves to the PDF bytes and the page count.
 */
function drawRekapWithPdfkit(model: RekapModel, fonts: Fonts): Promise<{ bytes: Buffer; pages: number }> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: MARGIN,
    bufferPages: true,
    info: { Title: `${model.title} — ${model.subtitle}`, Author: 'Penilai', Creator: 'Penilai', Producer: 'Penilai' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);

  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const bottom = doc.page.height - MARGIN.bottom;
  const fixed = W.rank + W.code + W.name + W.regency + W.total + W.label + W.decided;
  const aspectWidth = (width - fixed) / Math.max(1, model.aspects.length);
  type Align = 'left' | 'center' | 'right';
  const columns: { width: number; align: Align }[] = [
    { width: W.rank, align: 'center' },
    { width: W.code, align: 'center' },
    { width: W.name, align: 'left' },
    { width: W.regency, align: 'left' },
    ...model.aspects.map(() => ({ width: aspectWidth, align: 'right' as Align })),
    { width: W.total, align: 'right' },
    { width: W.label, align: 'left' },
    { width: W.decided, align: 'left' },
  ];

  // Letterhead and titles.
  let y = MARGIN.top;
  model.letterhead.lines.forEach((line, i) => {
    doc
      .font('bold')
      .fontSize(i === 0 ? 13 : 11)
      .fillColor('#111');
    doc.text(line, left, y, { width, align: 'center' });
    y = doc.y;
  });
  if (model.letterhead.address) {
    doc
      .font('regular')
      .fontSize(8)
      .text(model.letterhead.address, left, y + 2, { width, align: 'center' });
    y = doc.y;
  }
  y += 6;
  doc
    .lineWidth(2.2)
    .strokeColor('#000')
    .moveTo(left, y)
    .lineTo(left + width, y)
    .stroke();
  y += 3;
  doc
    .lineWidth(0.6)
    .moveTo(left, y)
    .lineTo(left + width, y)
    .stroke();
  y += 10;
  doc.font('bold').fontSize(12).text(model.title, left, y, { width, align: 'center' });
  doc.font('regular').fontSize(10).text(model.subtitle, left, doc.y, { width, align: 'center' });
  doc
    .fontSize(8.5)
    .fillColor(model.status.provisional ? '#9a3412' : '#111')
    .text(model.status.text, left, doc.y + 8, { width, align: 'center' });
  y = doc.y + 8;

  const rowHeight = (cells: readonly string[], font: string, size: number): number => {
    doc.font(font).fontSize(size);
    return Math.max(...cells.map((text, i) => doc.heightOfString(text || ' ', { width: columns[i]!.width - 2 * PAD }))) + 2 * PAD;
  };
  const drawRow = (
    cells: readonly string[],
    top: number,
    height: number,
    size: number,
    head: boolean,
    fontOf: (i: number) => string,
  ): void => {
    let x = left;
    cells.forEach((text, i) => {
      const column = columns[i]!;
      if (head) doc.rect(x, top, column.width, height).fill('#e8eef5');
      doc.lineWidth(0.8).strokeColor('#333').rect(x, top, column.width, height).stroke();
      doc.font(fontOf(i)).fontSize(size).fillColor('#111');
      doc.text(text, x + PAD, top + PAD, { width: column.width - 2 * PAD, align: head ? 'center' : column.align });
      x += column.width;
    });
  };

  const header = [
    'Peringkat',
    'Kode',
    'Desa/Kelurahan',
    'Kabupaten/Kota',
    ...model.aspects.map((a) => `${a.code}\n(${a.max})`),
    'Total',
    'Predikat',
    'Penentu',
  ];
  const headerHeight = rowHeight(header, 'bold', 7.5);
  const drawHeader = (): void => {
    drawRow(header, y, headerHeight, 7.5, true, () => 'bold');
    y += headerHeight;
  };
  drawHeader();
  // As in rekap.tsx: the total is bold, the label too when there is one; everything else is regular.
  const totalColumn = 4 + model.aspects.length;
  for (const r of model.rows) {
    const cells = [r.tied ? `${r.rank}=` : r.rank, r.code, r.name, r.regency, ...r.aspects, r.total, r.label, r.decidedBy];
    const height = rowHeight(cells, 'regular', 8);
    if (y + height > bottom) {
      doc.addPage();
      y = MARGIN.top;
      drawHeader();
    }
    drawRow(cells, y, height, 8, false, (i) => (i === totalColumn || (i === totalColumn + 1 && r.label) ? 'bold' : 'regular'));
    y += height;
  }

  // Footer on every page, written below the bottom margin (which would otherwise start a new page).
  const range = doc.bufferedPageRange();
  const footer = `Penilai · Rekapitulasi Nilai ${model.competitionCode} · dicetak ${model.printedAt}`;
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    const fy = doc.page.height - 20 - 7.5 * 1.2 - 4;
    doc
      .lineWidth(0.5)
      .strokeColor('#999')
      .moveTo(left, fy)
      .lineTo(left + width, fy)
      .stroke();
    doc.font('regular').fontSize(7.5).fillColor('#555');
    doc.text(footer, left, fy + 4, { width: width / 2, lineBreak: false });
    doc.text(`Halaman ${i + 1} dari ${range.count}`, left + width / 2, fy + 4, { width: width / 2, align: 'right', lineBreak: false });
  }
  doc.end();
  return done.then((bytes) => ({ bytes, pages: range.count }));
}

/** The smallest pdfkit document that pays what every recap pays for its fonts: both fonts embedded, one line each. */
function drawFontsOnlyWithPdfkit(fonts: Fonts): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margins: MARGIN });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.font('regular').fontSize(8).text('Desa Jayamukti, Kabupaten Bekasi 15,73 Juara I');
  doc.font('bold').fontSize(8).text('REKAPITULASI NILAI 93,08 Juara I');
  doc.end();
  return done;
}

function countIndicators(c: SyntheticCompetition): number {
  return c.file.instrument.aspects.reduce((n, a) => n + a.indicators.length, 0);
}

async function pdfFigures(dir: string): Promise<void> {
  const now = new Date();
  const typical = syntheticCompetition({
    sites: SIZES.typical.sites,
    jurors: SIZES.typical.jurors,
    instrument: loadDefaultInstrument(resources),
    seed: SEED,
    code: 'TYPICAL',
    assignment: 'sector',
  });
  const large = syntheticCompetition({ ...SIZES.large, seed: SEED, code: 'LARGE', assignment: 'sector' });
  const file = join(dir, 'reports.sqlite');
  buildDatabase(file, [typical, large]);
  progress(
    `report database written (typical ${typical.scores.length.toLocaleString('en')} scores, large ${large.scores.length.toLocaleString('en')} scores)`,
  );

  const fonts: Fonts = {
    regular: readFileSync(fontPath(resources, 'NotoSans-Regular.ttf')),
    bold: readFileSync(fontPath(resources, 'NotoSans-Bold.ttf')),
  };
  const db = openDatabase({ file, mustExist: true });
  try {
    const repos = openRepositories(db, BENCH_DEVICE);
    const cases = [
      {
        name: 'typical',
        competition: typical,
        runs: 9,
        describe: `${typical.file.sites.length} sites, ${typical.file.jurors.length} jurors, default instrument: ${typical.file.instrument.aspects.length} aspects, ${countIndicators(typical)} indicators`,
      },
      {
        name: 'large',
        competition: large,
        runs: 7,
        describe: `${large.file.sites.length} sites, ${large.file.jurors.length} jurors, synthetic instrument: ${large.file.instrument.aspects.length} aspects, ${countIndicators(large)} indicators`,
      },
    ];
    for (const c of cases) {
      const code = c.competition.file.competition.code;
      const model = buildRekapModel(repos.setup.loadCompetition(code), rankSites(repos.setup.rankingInput(code)), now);
      const last = { react: { pages: 0, bytes: 0 }, pdfkit: { pages: 0, bytes: 0 } };
      const { subject: reactTime, baseline: pdfkitTime } = await timedPair(
        `renderDocument rekap, ${c.name}`,
        async () => {
          const out = await renderDocument(repos, inlineRenderer(resources), code, 'rekap', now);
          last.react = { pages: out.pages, bytes: out.bytes.length };
          sink = out;
        },
        'pdfkit table',
        async () => {
          const out = await drawRekapWithPdfkit(model, fonts);
          last.pdfkit = { pages: out.pages, bytes: out.bytes.length };
          sink = out;
        },
        1,
        c.runs,
      );
      if (process.env.BENCH_KEEP_PDF) {
        const keep = join(process.env.BENCH_KEEP_PDF, `rekap-${c.name}`);
        mkdirSync(dirname(keep), { recursive: true });
        writeFileSync(`${keep}-react-pdf.pdf`, (await renderDocument(repos, inlineRenderer(resources), code, 'rekap', now)).bytes);
        writeFileSync(`${keep}-pdfkit.pdf`, (await drawRekapWithPdfkit(model, fonts)).bytes);
      }
      const pages = (n: number): string => `${n} page${n === 1 ? '' : 's'}`;
      rows.push({
        figure: `Recap PDF, ${c.name} (${c.describe}): renderDocument (react-pdf), ${pages(last.react.pages)}, median`,
        value: reactTime.median,
        baseline: `same table drawn with bare pdfkit, ${pages(last.pdfkit.pages)}`,
        baselineValue: pdfkitTime.median,
      });
      notes.push(
        `Recap PDF, ${c.name}: react-pdf ${pages(last.react.pages)}, ${(last.react.bytes / 1024).toFixed(0)} KiB, median ${formatMs(reactTime.median)}, p95 ${formatMs(reactTime.p95)} over ${reactTime.runs} runs (${formatMs(reactTime.median / last.react.pages)} per page); pdfkit ${pages(last.pdfkit.pages)}, ${(last.pdfkit.bytes / 1024).toFixed(0)} KiB, median ${formatMs(pdfkitTime.median)}, p95 ${formatMs(pdfkitTime.p95)} over ${pdfkitTime.runs} runs.`,
      );
    }
    // What part of the pdfkit baseline is the fixed price of its fonts: bare pdfkit parses and subsets the two Noto
    // TTFs in every document, where react-pdf keeps the parsed fonts between documents.
    const fontsOnly = await timed(
      'pdfkit document with both fonts and one line each',
      async () => {
        sink = await drawFontsOnlyWithPdfkit(fonts);
      },
      2,
      15,
    );
    notes.push(
      `Of the pdfkit baseline, ${formatMs(fontsOnly.median)} (median of ${fontsOnly.runs} runs, same run) is the fixed cost of a pdfkit document that uses both Noto Sans fonts (one line in each, one page): bare pdfkit parses and subsets the TTFs for every document, while react-pdf keeps parsed fonts between documents. The ratio is therefore expected to grow with the length of the document.`,
    );
    explanations.push(
      `**Recap PDF**: \`renderDocument(repos, inlineRenderer(resources), code, 'rekap', date)\` as the app calls it (load the competition, rank it, build the view model, lay out and write the whole react-pdf document: letterhead, table, aspect legend, method, signature blocks, footers) for a typical and a large competition, median after 1 warm-up; the baseline, run alternately with it (as many runs), draws the same table (same view-model strings, columns rank, code, name, regency, one per aspect, total, label and decided-by, same fonts, sizes, widths and A4 landscape margins, header repeated per page, letterhead, title and page footers, but no legend, method or signature blocks) with bare pdfkit from a view model built once before timing. The documents differ by those blocks and by the data step (a few milliseconds at these sizes), so the ratio is an order of magnitude of what react-pdf costs over hand-drawn pdfkit, not an exact like-for-like.`,
    );
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 3. One score save, durable, on a database of 150,000 scores
// ---------------------------------------------------------------------------------------------------------------

const SAVE_RUNS = 300;
const SAVE_WARMUP = 30;

/**
 * `core.call('scoring.setScore', …)` as the UI calls it (through `dispatch`: the contract's schema check, the
 * session rule, eligibility, scale, sheet state, the score row, the hash-chained history entry, one durable commit)
 * against a bare prepared INSERT of one row, autocommit, into a table shaped like `score` holding as many rows, on
 * a connection with the same durability (WAL, synchronous=FULL). Both commit once per call, so both wait for one
 * fsync of the WAL; the ratio is what the app's checks and its history add to that.
 */
async function scoreSaveFigures(dir: string): Promise<void> {
  const code = 'SIMPAN';
  const size = SIZES.stress;
  const expected = size.sites * size.jurors * size.indicators;
  const stress = syntheticCompetition({ ...size, seed: SEED + 1, code, assignment: 'all' });
  if (stress.scores.length !== expected) throw new Error(`expected ${expected} scores, got ${stress.scores.length}`);
  const file = join(dir, 'save.sqlite');
  const db0 = openDatabase({ file });
  try {
    const repos = openRepositories(db0, BENCH_DEVICE);
    db0.transaction(() => ensureDefaultInstruments(repos, resources))();
    repos.setup.createCompetition(stress.file);
    // Sheets left open (not finalised), so that every score can still change.
    repos.scoring.insertScores(code, stress.scores, false);
  } finally {
    db0.close();
  }
  progress(`score-save database written (${expected.toLocaleString('en')} scores, as many history entries)`);

  const bareFile = join(dir, 'bare.sqlite');
  const bare = new Database(bareFile);
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = FULL');
  bare.exec(`CREATE TABLE score (id INTEGER PRIMARY KEY, site_id INTEGER NOT NULL, juror_id INTEGER NOT NULL, indicator_code TEXT NOT NULL,
    value REAL NOT NULL, instrument_id INTEGER NOT NULL, updated_at TEXT NOT NULL, UNIQUE (site_id, juror_id, indicator_code)) STRICT`);
  const bareInsert = bare.prepare(
    'INSERT INTO score (site_id, juror_id, indicator_code, value, instrument_id, updated_at) VALUES (?, ?, ?, ?, 1, ?)',
  );
  bare.transaction(() => {
    for (let i = 0; i < expected; i += 1) bareInsert.run(Math.floor(i / 1000), i % 1000, 'X', 3, '2026-09-08T09:00:00.000Z');
  })();
  let bareNext = expected;

  const core = openCore({ database: file, resources, version: 'bench', desktop: false });
  try {
    if (core.db.pragma('synchronous', { simple: true }) !== 2 || bare.pragma('synchronous', { simple: true }) !== 2)
      throw new Error('expected synchronous=FULL on both');
    if (core.db.pragma('journal_mode', { simple: true }) !== 'wal' || bare.pragma('journal_mode', { simple: true }) !== 'wal')
      throw new Error('expected WAL on both');
    // Cells visited in a fixed pseudo-random order; every call changes the value (values 1–4 lie on every scale of the synthetic instrument).
    const random = seededRandom(SEED);
    const current = new Map(stress.scores.map((s) => [`${s.site}/${s.juror}/${s.indicator}`, s.value]));
    const cells = stress.scores.filter(() => random() < 0.01).map((s) => ({ site: s.site, juror: s.juror, indicator: s.indicator }));
    let next = 0;
    let failures = 0;
    const save = async () => {
      const cell = cells[next % cells.length]!;
      next += 1;
      const key = `${cell.site}/${cell.juror}/${cell.indicator}`;
      const value = ((current.get(key) ?? 1) % 4) + 1;
      current.set(key, value);
      const result = await core.call('scoring.setScore', { competition: code, ...cell, value });
      if (!result.ok) failures += 1;
      sink = result;
    };
    const insert = () => {
      bareNext += 1;
      sink = bareInsert.run(Math.floor(bareNext / 1000), bareNext % 1000, 'X', 4, new Date().toISOString());
    };
    const m = await timedPair('scoring.setScore through dispatch', save, 'bare INSERT', insert, SAVE_WARMUP, SAVE_RUNS);
    if (failures > 0) throw new Error(`${failures} score saves were refused`);
    const history = core.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM history').get()!.n;

    const base = 'bare better-sqlite3 INSERT of one row, autocommit, WAL + synchronous=FULL, table of 150,000 rows';
    const scale = `database of ${expected.toLocaleString('en')} scores`;
    for (const key of ['p50', 'p99'] as const) {
      rows.push({
        figure: `Score save, durable: core.call('scoring.setScore') from the handler call to the commit, ${scale}, ${key}`,
        value: m.subject[key],
        baseline: base,
        baselineValue: m.baseline[key],
      });
    }
    explanations.push(
      `**Score save, durable**: one \`core.call('scoring.setScore', …)\` as the renderer's call arrives (contract schema check in \`dispatch\`, session rule, eligibility and scale, sheet state, the score row and its hash-chained history entry in one transaction, committed with WAL and synchronous=FULL before the call returns) on a database of ${expected.toLocaleString('en')} scores and as many history entries, ${SAVE_RUNS} runs after ${SAVE_WARMUP} warm-ups, each changing a score (the cells are visited in a fixed pseudo-random order); the baseline, run alternately with it (${SAVE_RUNS} runs), is a prepared \`INSERT\` of one row in autocommit into a table shaped like \`score\` holding 150,000 rows, on its own connection with the same pragmas. Both pay one fsync of the WAL per call; p50 and p99 are nearest-rank percentiles (the p99 of ${SAVE_RUNS} runs is the ${SAVE_RUNS - Math.ceil(0.99 * SAVE_RUNS) + 1}th slowest). The target is at most ×3 at p50 and at p99.`,
    );
    notes.push(
      `The score-save database held ${history.toLocaleString('en')} history entries at the end of the measurement; the hash chain makes each save read the last entry's hash (an index look-up), not the chain.`,
    );
  } finally {
    core.close();
    bare.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 4. The first screen in Chromium, over the HTTP bridge
// ---------------------------------------------------------------------------------------------------------------

const LOAD_RUNS = 20;
const LOAD_WARMUP = 3;
/** The performance mark the renderer sets once the Lomba screen lists the competitions (renderer/src/App.tsx). */
const FIRST_SCREEN_READY = 'penilai:first-screen-ready';
const BASELINE_PAGE = 'bench-baseline.html';

/**
 * A static page that weighs what the first screen weighs: the app's stylesheet linked, a heading and a button, and
 * the app's own index.html and scripts inside an HTML comment (so it compresses as they do) up to the same number of bytes.
 */
function baselinePage(rendererDir: string, files: ReturnType<typeof firstScreenFiles>): Buffer {
  const css = files.filter((f) => f.path.endsWith('.css'));
  const target = files.reduce((s, f) => s + f.bytes, 0) - css.reduce((s, f) => s + f.bytes, 0);
  const head = Buffer.from(
    `<!doctype html>\n<html lang="id">\n<head>\n<meta charset="UTF-8" />\n<title>Penilai</title>\n${css.map((f) => `<link rel="stylesheet" href="./${f.path}">`).join('\n')}\n</head>\n<body>\n<h1>Lomba</h1>\n<button type="button">Lomba baru</button>\n<!--`,
  );
  const tail = Buffer.from('-->\n</body>\n</html>\n');
  // "--" would end the comment early; "-_" keeps the byte count.
  const filler = Buffer.from(
    files
      .filter((f) => !f.path.endsWith('.css'))
      .map((f) => readFileSync(join(rendererDir, f.path), 'latin1'))
      .join('\n')
      .replace(/--/g, '-_'),
    'latin1',
  );
  const room = target - head.length - tail.length;
  if (room < 0 || room > filler.length) throw new Error(`cannot build a baseline page of ${target} bytes`);
  const page = Buffer.concat([head, filler.subarray(0, room), tail]);
  if (page.length !== target) throw new Error(`baseline page has ${page.length} bytes, expected ${target}`);
  return page;
}

/** One load of the app in a fresh browser profile, then a reload in the same one; milliseconds from navigation start. */
async function loadApp(bench: BrowserBench): Promise<{ cold: number; warm: number; transferred: number }> {
  const { context, page } = await bench.newPage();
  try {
    const ready = async () => {
      await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, FIRST_SCREEN_READY, { polling: 'raf' });
      return page.evaluate((name) => performance.getEntriesByName(name)[0]!.startTime, FIRST_SCREEN_READY);
    };
    await page.goto(`${bench.origin}/`, { waitUntil: 'commit' });
    const cold = await ready();
    // (Evaluated in the page, written as text: this script is typed for Node, which has no navigation timing.)
    const transferred = await page.evaluate<number>(
      `[...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].reduce((s, e) => s + e.transferSize, 0)`,
    );
    await page.reload({ waitUntil: 'commit' });
    const warm = await ready();
    return { cold, warm, transferred };
  } finally {
    await context.close();
  }
}

/** The same for the static baseline page: navigation start to the end of its load event. */
async function loadBaseline(bench: BrowserBench): Promise<{ cold: number; warm: number }> {
  const { context, page } = await bench.newPage();
  try {
    // Functions, not strings: the page's CSP forbids eval. (Typed for Node, which has no navigation timing.)
    const loadEventEnd = () =>
      (performance.getEntriesByType('navigation' as never)[0] as unknown as { loadEventEnd: number } | undefined)?.loadEventEnd ?? 0;
    const loaded = async () => {
      await page.waitForFunction(
        () =>
          ((performance.getEntriesByType('navigation' as never)[0] as unknown as { loadEventEnd: number } | undefined)?.loadEventEnd ?? 0) >
          0,
      );
      return page.evaluate(loadEventEnd);
    };
    await page.goto(`${bench.origin}/${BASELINE_PAGE}`, { waitUntil: 'commit' });
    const cold = await loaded();
    await page.reload({ waitUntil: 'commit' });
    const warm = await loaded();
    return { cold, warm };
  } finally {
    await context.close();
  }
}

async function firstScreenFigures(dir: string): Promise<void> {
  const built = fileURLToPath(new URL('../out/renderer', import.meta.url));
  if (!existsSync(join(built, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first');
  const staticDir = join(dir, 'renderer');
  cpSync(built, staticDir, { recursive: true });
  const files = firstScreenFiles(staticDir);
  const bytes = files.reduce((s, f) => s + f.bytes, 0);
  const gzipBytes = files.reduce((s, f) => s + f.gzipBytes, 0);
  writeFileSync(join(staticDir, BASELINE_PAGE), baselinePage(staticDir, files));
  progress(`first screen: ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB, ${(gzipBytes / 1024).toFixed(1)} KiB gzip`);

  const core = openCore({ database: join(dir, 'load.sqlite'), resources, version: 'bench', desktop: false });
  let bench: BrowserBench | undefined;
  try {
    const demo = await core.call('setup.createDemo', {});
    if (!demo.ok) throw new Error(`demo competition: ${demo.error.key}`);
    bench = await openBrowserBench({ dispatch: core.dispatch, staticDir });

    // Once, untimed: the mark means what it says (the list is shown, its first button takes a click).
    {
      const { context, page } = await bench.newPage();
      await page.goto(`${bench.origin}/`);
      await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, FIRST_SCREEN_READY);
      const button = page.getByRole('button', { name: 'Lomba baru' });
      if (!(await button.isEnabled()) || (await page.getByText(demo.value.name).count()) === 0)
        throw new Error('the first screen is marked ready before it shows the competitions and takes input');
      await context.close();
    }

    progress(`first screen against a static page of ${bytes} bytes: ${LOAD_WARMUP} warm-up + ${LOAD_RUNS} runs each, alternating`);
    for (let i = 0; i < LOAD_WARMUP; i += 1) {
      await loadBaseline(bench);
      await loadApp(bench);
    }
    const app = { cold: [] as number[], warm: [] as number[] };
    const base = { cold: [] as number[], warm: [] as number[] };
    let transferred = 0;
    for (let i = 0; i < LOAD_RUNS; i += 1) {
      for (const which of i % 2 === 0 ? (['baseline', 'app'] as const) : (['app', 'baseline'] as const)) {
        if (which === 'app') {
          const r = await loadApp(bench);
          app.cold.push(r.cold);
          app.warm.push(r.warm);
          transferred = r.transferred;
        } else {
          const r = await loadBaseline(bench);
          base.cold.push(r.cold);
          base.warm.push(r.warm);
        }
      }
    }
    const [appCold, appWarm, baseCold, baseWarm] = [app.cold, app.warm, base.cold, base.warm].map(summarise) as [
      Measurement,
      Measurement,
      Measurement,
      Measurement,
    ];
    progress(
      `first screen: cold median ${formatMs(appCold.median)} (static page ${formatMs(baseCold.median)}), reload median ${formatMs(appWarm.median)} (static page ${formatMs(baseWarm.median)})`,
    );

    const baseline = `static HTML page of the same ${(bytes / 1024).toFixed(0)} KiB (the app's stylesheet, its page and scripts in a comment), same bridge, navigation start → load event end`;
    const what = 'First screen in Chromium over the HTTP bridge: navigation start → Lomba screen listing the competitions, taking input';
    for (const key of ['median', 'p95'] as const) {
      rows.push({ figure: `${what}, first start (empty cache), ${key}`, value: appCold[key], baseline, baselineValue: baseCold[key] });
    }
    rows.push({
      figure: `${what}, reload (assets from the browser's cache), median`,
      value: appWarm.median,
      baseline,
      baselineValue: baseWarm.median,
    });
    explanations.push(
      `**First screen**: the built renderer (out/renderer) served by the HTTP bridge over a core whose database holds the demo competition, loaded by Debian's Chromium (headless, 1366×768) in a fresh browser profile each run (empty cache and storage, the token cookie already set); the time is the \`${FIRST_SCREEN_READY}\` performance mark, which the app sets once the Lomba screen lists the competitions (checked once before timing: the list shows the demo and the "Lomba baru" button is enabled), read from the page's own clock (milliseconds since navigation start). Then a reload in the same profile (hashed assets come from the browser's cache, index.html is revalidated). The baseline, loaded alternately with it (${LOAD_RUNS} runs each after ${LOAD_WARMUP} warm-ups), is a static HTML page from the same bridge with the same byte count as everything the first screen downloads (index.html, the entry script and its static imports, the stylesheet: ${bytes.toLocaleString('en')} bytes), made of a heading, a button, the same stylesheet and the app's index.html and scripts inside an HTML comment, so that it compresses alike; its time is the end of its load event. The ratio is what running the app (parsing and running React and the app, its first API calls) adds to fetching its bytes. The target is at most 1 s at the median for a first start.`,
    );
    notes.push(
      `The first screen downloads ${files.length} files: ${bytes.toLocaleString('en')} bytes, ${gzipBytes.toLocaleString('en')} bytes with gzip -9 (budget 160,000, checked by test/integration/renderer-bundle.test.ts); Chromium received ${transferred.toLocaleString('en')} bytes on a first start (brotli, with headers). The other screens, the setup workspace and zod load with \`import()\` when first opened, or in the background once the first screen is ready.`,
    );
  } finally {
    await bench?.close();
    core.close();
  }
}

/**
 * The whole default P2WKSS sheet scored from the keyboard alone, as the e2e test does it (the same routine,
 * scripts/keyboard-scoring.ts), counting key presses. The baseline is the number of answers on the sheet (one
 * per level indicator and one per family and item of each household checklist at the default sample): one key per
 * answer is what a form without shortcuts would at best take, before any key to move between fields.
 */
async function keyPressFigures(dir: string): Promise<void> {
  const staticDir = fileURLToPath(new URL('../out/renderer', import.meta.url));
  if (!existsSync(join(staticDir, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first');
  const core = openCore({ database: join(dir, 'keys.sqlite'), resources, version: 'bench', desktop: false });
  let bench: BrowserBench | undefined;
  try {
    const name = 'Lomba P2WKSS Tingkat Provinsi Jawa Barat Tahun 2026';
    const created = await core.call('setup.create', {
      competition: { code: 'KUNCI-2026', name, year: 2026 },
      sites: [{ code: 'S01', name: 'Desa Sukamaju', regency: 'Kabupaten Garut' }],
      jurors: [{ code: 'J1', name: 'Dr. Hj. Siti Aminah, M.Si.', role: 'ketua' }],
    });
    if (!created.ok) throw new Error(`competition: ${created.error.key}`);
    const detail = await core.call('setup.get', { code: 'KUNCI-2026' });
    if (!detail.ok) throw new Error(`competition: ${detail.error.key}`);
    const indicators = listIndicators(detail.value.instrument);
    const answers = indicators.reduce(
      (sum, r) => sum + (r.indicator.household ? r.indicator.household.sampleSize * r.indicator.household.items.length : 1),
      0,
    );
    bench = await openBrowserBench({ dispatch: core.dispatch, staticDir });
    const { context, page } = await bench.newPage();
    await page.goto(`${bench.origin}/`);
    await page.getByRole('button', { name: `Buka ${name}` }).click();
    await page.getByText('Sedang dibuka').waitFor();
    await page.getByRole('button', { name: 'Penilaian', exact: true }).click();
    await page.getByRole('button', { name: /Dr\. Hj\. Siti Aminah/ }).click();
    await page.getByRole('button', { name: /Desa Sukamaju/ }).click();
    await page.locator('li.indicator').first().waitFor();
    const keys = await scoreSiteWithKeyboard(page, indicators.length);
    await context.close();
    const sheet = await core.call('scoring.sheet', { competition: 'KUNCI-2026', juror: 'J1', site: 'S01' });
    if (!sheet.ok || sheet.value.scores.length !== indicators.length) throw new Error('the sheet was not scored in full');
    progress(`keyboard: ${indicators.length} indicators, ${answers} answers, ${keys} key presses`);
    rows.push({
      figure: `Key presses to score the default P2WKSS sheet (${indicators.length} indicators, household checklists at the default sample) with the keyboard alone (target ≤ 120; about 376 before issue 7)`,
      value: keys,
      baseline: `answers on the sheet: one key per answer (${indicators.length - indicators.filter((r) => r.indicator.household).length} levels + every family × item of the checklists)`,
      baselineValue: answers,
      unit: 'keys',
    });
    explanations.push(
      `**Key presses**: the built renderer in Chromium over the bridge; a juror without a PIN opens the site and scores it with the routine of the e2e test (scripts/keyboard-scoring.ts): a digit and Enter on a level, B ("Ya untuk semua" for the item in every family) on each checklist item. The count is every key pressed from the first indicator to "${indicators.length} dari ${indicators.length} indikator dinilai"; the sheet is then read back from the core (every indicator scored). The baseline counts the answers the sheet holds.`,
    );
  } finally {
    await bench?.close();
    core.close();
  }
}

/**
 * Bytes over the HTTP bridge: a 25 MB photo as the bridge's JSON carries it ({"$bytes": base64}), encoded and
 * decoded with shared/contract/codec.ts, against Node's own `Buffer` base64 of the same bytes in the same run.
 * The btoa fallback is what a browser without `Uint8Array.prototype.toBase64` runs.
 */
async function codecFigures(): Promise<void> {
  const size = 25 * 1024 * 1024;
  const bytes = new Uint8Array(size);
  let x = SEED >>> 0;
  for (let i = 0; i < size; i += 1) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    bytes[i] = x >>> 24;
  }
  const base64 = Buffer.from(bytes).toString('base64');
  const json = encodeJson({ bytes });
  // Both sides must produce the same thing: checked once, untimed.
  if (toBase64(bytes) !== base64 || toBase64Chunked(bytes) !== base64 || json !== `{"bytes":{"$bytes":"${base64}"}}`)
    throw new Error('codec base64 differs from Buffer');
  if (!Buffer.from((decodeJson(json) as { bytes: Uint8Array }).bytes).equals(Buffer.from(bytes))) throw new Error('decodeJson differs');

  const encodeBaseline = "Buffer.from(bytes).toString('base64')";
  const encode = await timedPair(
    'toBase64(bytes)',
    () => (sink = toBase64(bytes)),
    encodeBaseline,
    () => (sink = Buffer.from(bytes).toString('base64')),
    2,
    10,
  );
  rows.push({
    figure: '25 MB of bytes to base64: toBase64(bytes), median',
    value: encode.subject.median,
    baseline: encodeBaseline,
    baselineValue: encode.baseline.median,
  });
  const sendBaseline = "JSON.stringify({ bytes: { $bytes: Buffer.from(bytes).toString('base64') } })";
  const send = await timedPair(
    'encodeJson({ bytes })',
    () => (sink = encodeJson({ bytes })),
    sendBaseline,
    () => (sink = JSON.stringify({ bytes: { $bytes: Buffer.from(bytes).toString('base64') } })),
    2,
    10,
  );
  rows.push({
    figure: '25 MB of bytes as the bridge sends them: encodeJson({ bytes }), median',
    value: send.subject.median,
    baseline: sendBaseline,
    baselineValue: send.baseline.median,
  });
  const receiveBaseline = "Buffer.from(JSON.parse(text).bytes.$bytes, 'base64')";
  const receive = await timedPair(
    'decodeJson(text)',
    () => (sink = decodeJson(json)),
    receiveBaseline,
    () => (sink = Buffer.from((JSON.parse(json) as { bytes: { $bytes: string } }).bytes.$bytes, 'base64')),
    2,
    10,
  );
  rows.push({
    figure: '25 MB of bytes as the bridge receives them: decodeJson(text), median',
    value: receive.subject.median,
    baseline: receiveBaseline,
    baselineValue: receive.baseline.median,
  });
  explanations.push(
    `**Bytes over the bridge**: a ${size.toLocaleString('en')}-byte array (a large photo; seeded pseudo-random bytes) through shared/contract/codec.ts under Node (\`Uint8Array.prototype.toBase64\` where present, else \`Buffer\`; a browser without either uses \`btoa\` over chunks of 24 KiB, not measured here because Node 20's \`btoa\` is not the browser's), 10 runs after 2 warm-ups each, alternately with its baseline: \`toBase64\` against Node's own \`Buffer.from(bytes).toString('base64')\`; \`encodeJson\` (the bridge's JSON) against JSON.stringify of Buffer's base64 in the same wrapper; \`decodeJson\` (JSON.parse with the reviver, the strict alphabet check, then \`Buffer.write\` into a new array) against JSON.parse and Buffer's lenient decoding. Each result is checked once against the baseline's before timing. The encoder used before issue 8 concatenated four characters per three bytes in a loop and took seconds for 25 MB.`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// 7. Score packages from 25 laptops imported on the secretariat's database
// ---------------------------------------------------------------------------------------------------------------

const EXCHANGE = { sites: 60, jurors: 25, indicators: 100 };
const EXCHANGE_RUNS = 3;

/**
 * 25 jurors, each on a laptop of their own (its own home and device key, its own database made from the
 * secretariat's setup package), each with 60 sites × 100 indicators scored through the app's bulk path
 * (`repos.scoring.insertScores`: the score rows and one ledger entry each) and exported with `exchange.exportScores`:
 * 25 signed packages, 150,000 scores. Measured: `exchange.apply` of all 25, one after the other, on a fresh copy of
 * the secretariat's database (the core already open, as in the app): every package read and checked whole
 * (signature, every member's hash, the zip's layout, the chain of entries hashed again, work against entries,
 * eligibility of every cell), planned cell by cell and applied in one unit of the write gate each, durable. Against
 * bare better-sqlite3 inserting the same rows (the 150,000 scores and the ledger entries behind them) into tables with
 * the columns, keys and indexes of `score` and `history`, in one transaction, with the same durability.
 */
/** The ledger a score package carries (read and checked whole first). */
async function ledgerOf(bytes: Uint8Array): Promise<PackageLedger> {
  const { members } = await readPackage(bytes, 'bench.penilai');
  const member = members.find((m) => m.path === SCORES_LEDGER_FILE)!;
  return ledgerFileSchema.parse(JSON.parse(new TextDecoder().decode(member.bytes)));
}

async function exchangeFigures(dir: string): Promise<void> {
  const code = 'TUKAR';
  const expected = EXCHANGE.sites * EXCHANGE.jurors * EXCHANGE.indicators;
  const synthetic = syntheticCompetition({ ...EXCHANGE, seed: SEED + 2, code, assignment: 'all' });
  if (synthetic.scores.length !== expected) throw new Error(`expected ${expected} scores, got ${synthetic.scores.length}`);
  const open = (database: string, home: string) => openCore({ database, resources, version: 'bench', desktop: false, home, log: () => {} });
  const value = async <T>(result: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> => {
    const r = await result;
    if (!r.ok) throw new Error(`bench call refused: ${JSON.stringify(r.error)}`);
    return r.value;
  };

  const template = join(dir, 'exchange-secretariat.sqlite');
  const secretariatHome = join(dir, 'home-secretariat');
  const secretariat = open(template, secretariatHome);
  let setup: Uint8Array;
  try {
    const bytes = new TextEncoder().encode(JSON.stringify(synthetic.file));
    await value(secretariat.call('setup.import', { name: 'tukar.json', bytes }));
    setup = (await value(secretariat.call('exchange.setupPackage', { competition: code }))).bytes;
  } finally {
    secretariat.close();
  }

  const packages: { name: string; bytes: Uint8Array }[] = [];
  for (const juror of synthetic.file.jurors) {
    const file = join(dir, `exchange-laptop-${juror.code}.sqlite`);
    const laptop = open(file, join(dir, `home-${juror.code}`));
    try {
      await value(laptop.call('exchange.apply', { name: 'persiapan.penilai', bytes: setup }));
      laptop.deps.repos.scoring.insertScores(
        code,
        synthetic.scores.filter((s) => s.juror === juror.code),
        false,
      );
      const summary = await value(laptop.call('exchange.exportScores', { competition: code, juror: juror.code }));
      packages.push({ name: summary.file.name, bytes: summary.file.bytes });
    } finally {
      laptop.close();
    }
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  }
  const packageBytes = packages.reduce((n, p) => n + p.bytes.length, 0);
  progress(
    `${packages.length} score packages written (${expected.toLocaleString('en')} scores, ${(packageBytes / 1024 / 1024).toFixed(1)} MB)`,
  );

  // The subject's database: a fresh copy of the secretariat's for every run, opened before the clock starts.
  const target = join(dir, 'exchange-run.sqlite');
  let core: ReturnType<typeof open> | null = null;
  const fresh = (): void => {
    core?.close();
    core = null;
    for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
    cpSync(template, target);
    core = open(target, secretariatHome);
  };
  const importAll = async (): Promise<void> => {
    for (const p of packages) {
      const plan = await value(core!.call('exchange.apply', p));
      if (!plan.applied) throw new Error(`${p.name} was not applied`);
    }
  };

  // The baseline's database: tables with the columns, keys and indexes of `score` and `history`, the same
  // pragmas, empty at every run. Its rows are the ones the import stores: every score and every ledger entry the
  // packages carry, taken from the packages before the clock starts.
  const bareFile = join(dir, 'exchange-bare.sqlite');
  let bare: Database.Database | null = null;
  const siteIds = new Map(synthetic.file.sites.map((s, i) => [s.code, i + 1]));
  const jurorIds = new Map(synthetic.file.jurors.map((j, i) => [j.code, i + 1]));
  const carried: unknown[][] = [];
  /** Each juror's laptop (the device the import writes on the juror's score rows). */
  const laptopOf = new Map<string, string>();
  for (const p of packages) {
    const ledger = await ledgerOf(p.bytes);
    for (const e of ledger.entries) {
      if (!('uuid' in e)) continue;
      if (e.juror !== null) laptopOf.set(e.juror, ledger.chain);
      carried.push([
        ledger.chain,
        e.seq,
        e.format,
        e.uuid,
        e.competition,
        e.kind,
        e.site,
        e.juror,
        e.indicator,
        e.oldValue,
        e.newValue,
        e.oldText,
        e.newText,
        e.instrumentVersion,
        e.actor,
        e.device,
        e.reason,
        e.at,
        e.undoes,
        e.payload,
        e.v,
        e.prevHash,
        e.hash,
      ]);
    }
  }
  const freshBare = (): void => {
    bare?.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(bareFile + suffix, { force: true });
    bare = new Database(bareFile);
    bare.pragma('journal_mode = WAL');
    bare.pragma('synchronous = FULL');
    // The columns, keys and indexes of the app's `score` and `history` (migrations 001–007), without the foreign keys.
    bare.exec(`CREATE TABLE score (id INTEGER PRIMARY KEY, site_id INTEGER NOT NULL, juror_id INTEGER NOT NULL, indicator_code TEXT NOT NULL,
      value REAL NOT NULL, instrument_id INTEGER NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT, device TEXT,
      UNIQUE (site_id, juror_id, indicator_code)) STRICT;
      CREATE INDEX score_by_juror ON score (juror_id, site_id);
      CREATE TABLE history (id INTEGER PRIMARY KEY, chain TEXT NOT NULL, seq INTEGER NOT NULL, format INTEGER NOT NULL, uuid TEXT NOT NULL UNIQUE,
        competition TEXT NOT NULL, kind TEXT NOT NULL, site TEXT, juror TEXT, indicator TEXT, old_value REAL, new_value REAL, old_text TEXT,
        new_text TEXT, instrument_version INTEGER, actor TEXT NOT NULL, device TEXT NOT NULL, reason TEXT, at TEXT NOT NULL, undoes TEXT,
        payload TEXT, v INTEGER, prev_hash TEXT NOT NULL, hash TEXT NOT NULL UNIQUE, UNIQUE (chain, seq)) STRICT;
      CREATE INDEX history_by_sheet ON history (competition, juror, site, id);`);
  };
  const insertAll = (): void => {
    const db = bare!;
    const insert = db.prepare(
      'INSERT INTO score (site_id, juror_id, indicator_code, value, instrument_id, updated_at, updated_by, device) VALUES (?, ?, ?, ?, 1, ?, ?, ?)',
    );
    const entry = db.prepare(
      `INSERT INTO history (chain, seq, format, uuid, competition, kind, site, juror, indicator, old_value, new_value, old_text, new_text,
         instrument_version, actor, device, reason, at, undoes, payload, v, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const at = new Date().toISOString();
    db.transaction(() => {
      for (const e of carried) entry.run(...e);
      for (const s of synthetic.scores)
        insert.run(siteIds.get(s.site)!, jurorIds.get(s.juror)!, s.indicator, s.value, at, s.juror, laptopOf.get(s.juror)!);
    })();
  };

  try {
    const m = await timedPairPrepared(
      `exchange.apply × ${packages.length}`,
      importAll,
      'bare INSERT × 150,000 scores + their ledger entries in one transaction',
      insertAll,
      (which) => (which === 'subject' ? fresh() : freshBare()),
      1,
      EXCHANGE_RUNS,
    );
    // Both sides wrote every row: checked once, untimed, on the last run's databases.
    const held = core!.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM score').get()!.n;
    const bareHeld = bare!.prepare<[], { n: number }>('SELECT count(*) AS n FROM score').get()!.n;
    const bareEntries = bare!.prepare<[], { n: number }>('SELECT count(*) AS n FROM history').get()!.n;
    if (bareEntries !== carried.length) throw new Error(`inserted ${bareEntries} entries, expected ${carried.length}`);
    if (held !== expected || bareHeld !== expected)
      throw new Error(`imported ${held} and inserted ${bareHeld} scores, expected ${expected}`);
    const entries = core!.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM history').get()!.n;
    const scale = `${packages.length} packages, ${EXCHANGE.jurors} jurors × ${EXCHANGE.sites} sites × ${EXCHANGE.indicators} indicators = ${expected.toLocaleString('en')} scores`;
    const base =
      'bare better-sqlite3 INSERT of the same rows (150,000 scores and the 150,000 ledger entries behind them) in one transaction, WAL + synchronous=FULL';
    rows.push({
      figure: `Score packages imported and verified: exchange.apply of each package on the secretariat's database, ${scale}, median`,
      value: m.subject.median,
      baseline: base,
      baselineValue: m.baseline.median,
    });
    explanations.push(
      `**Score packages imported**: ${packages.length} score packages (${(packageBytes / 1024 / 1024).toFixed(1)} MB in all), one per juror, each written by a laptop of its own (its own home and Ed25519 key, its database made from the secretariat's setup package, ${EXCHANGE.sites} sites × ${EXCHANGE.indicators} indicators of a synthetic instrument scored through the app's bulk path \`repos.scoring.insertScores\`, then \`exchange.exportScores\`), applied one after the other with \`core.call('exchange.apply', …)\` on a fresh copy of the secretariat's database whose core is opened before the clock starts: each package read and checked whole (zip layout, signature, every member's hash, the chain of entries hashed again, the work against its entries, every cell's eligibility), planned cell by cell and applied as one unit of the write gate (the laptop's entries stored verbatim, the score rows, the receipt and the import's own entry), committed with WAL and synchronous=FULL. ${EXCHANGE_RUNS} runs after 1 warm-up, alternately with the baseline: bare better-sqlite3 inserting the rows the import stores, the ${expected.toLocaleString('en')} scores into a table with the columns, unique keys and indexes of \`score\` and the ${carried.length.toLocaleString('en')} ledger entries the packages carry into one with those of \`history\` (every column filled as the import fills it; no foreign keys), in one transaction, on an empty file with the same pragmas. The target is at most ×3.`,
    );
    notes.push(
      `After the exchange import the secretariat's database held ${held.toLocaleString('en')} scores and ${entries.toLocaleString('en')} history entries (the laptops' entries and links, its own).`,
    );
  } finally {
    (core as ReturnType<typeof open> | null)?.close();
    (bare as Database.Database | null)?.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------

function writeReport(): string {
  const m = machine();
  const table = markdownTable(rows);
  const text = [
    '# Benchmarks',
    '',
    'Generated by `npm run bench` (scripts/bench.ts); rerun it to refresh this file. Speed is reported as a ratio against a baseline measured in the same run, on the same machine, never as a timed assertion in a test: compare ratios between machines, not milliseconds.',
    '',
    `- Date: ${new Date()
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, ' UTC')}`,
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.os}`,
    `- Node: ${m.node}`,
    `- Load average (1 min) at start and end of the run: ${loadAtStart.toFixed(2)} and ${loadavg()[0]!.toFixed(2)} (on ${m.cores} cores; other processes running make the milliseconds and the p95 noisier than the ratios of medians)`,
    '',
    'Ratio = value ÷ baseline value (the same statistic of both). Median over the timed runs; p95 is the nearest-rank 95th percentile (an observed run, with 20 runs the second slowest). Warm-up runs are not timed. Each figure and its baseline are run alternately (baseline first in even rounds, subject first in odd ones), so a load that comes and goes affects both; a full garbage collection (untimed) precedes every timed run.',
    '',
    table,
    '## What is measured',
    '',
    ...explanations.map((e) => `- ${e}`),
    '',
    '## Details',
    '',
    ...notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
  const target = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  progress(`wrote ${target}`);
  return table;
}

/**
 * `npm run bench` runs each section in a process of its own, so that one section's heap (the stress ranking holds
 * hundreds of MB) does not slow the next one's garbage collection, then writes docs/benchmarks.md from all of them.
 * `npm run bench -- save` (or `ranking`, `pdf`, `load`, `keys`, `codec`, `exchange`, `documents`) runs one section in this process and prints its table.
 */
const SECTIONS = {
  ranking: rankingFigures,
  pdf: pdfFigures,
  save: scoreSaveFigures,
  load: firstScreenFigures,
  keys: keyPressFigures,
  codec: codecFigures,
  exchange: exchangeFigures,
  documents: (dir: string) => documentsFigures(dir, { rows, explanations, notes, progress }),
} as const;
const only = process.argv[2] as keyof typeof SECTIONS | undefined;
const resultFile = process.argv[3];
if (only) {
  const dir = mkdtempSync(join(tmpdir(), 'penilai-bench-'));
  try {
    await SECTIONS[only](dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  void sink;
  if (resultFile) writeFileSync(resultFile, JSON.stringify({ rows, explanations, notes }));
  else process.stdout.write(markdownTable(rows));
} else {
  const dir = mkdtempSync(join(tmpdir(), 'penilai-bench-'));
  try {
    for (const section of Object.keys(SECTIONS)) {
      const file = join(dir, `${section}.json`);
      const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), section, file], {
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      if (child.status !== 0) throw new Error(`bench section ${section} failed (${child.status})`);
      const part = JSON.parse(readFileSync(file, 'utf8')) as { rows: BenchRow[]; explanations: string[]; notes: string[] };
      rows.push(...part.rows);
      explanations.push(...part.explanations);
      notes.push(...part.notes);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(writeReport());
}
progress('done');
