/**
 * The bundle (`documents.render` / `report --doc all`) laid out in chunks and joined (issue 11, points 2, 6, 7):
 * one outline entry per part grouped by document, pages in order, the signing spaces' links and named
 * destinations kept, a classic xref table, every font embedded; progress events in order with total = parts;
 * cancel leaves no file and the next render works; documents not made yet refused in words. With only the documents
 * merged so far, a test-only entry ("Lembar Penilaian", one page per juror and site) stands for the many parts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, PDFHexString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.js';
import type { Core } from '../../electron/core/app.js';
import type { FileDialogs } from '../../electron/core/deps.js';
import { buildRenderJob } from '../../electron/core/documents/render.js';
import { repositoryResources } from '../../electron/core/platform/resources.js';
import { createDemo } from '../../electron/core/setup/services.js';
import type { PenilaiEvent } from '../../shared/contract/events.js';
import { parseStamp, SIGNING_SPACE } from '../../shared/domain/doc-stamp.js';
import { describeError } from '../../shared/domain/errors.js';
import { openTestCore, tempDir } from '../support/core.js';
import { pdfPageCount, qpdfCheck } from '../support/pdf.js';
import { testEntry, withTestEntry } from '../support/test-documents.js';

const temp = tempDir('penilai-bundle-');
const clock = () => new Date('2026-09-21T08:00:00');
let chosen: string | null = null;
const dialogs: FileDialogs = {
  saveFile: () => Promise.resolve(null),
  choosePath: () => Promise.resolve(chosen),
  printFile: () => Promise.resolve(true),
};
let core: Core;
let restore: () => void;

beforeAll(() => {
  core = openTestCore(join(temp.dir, 'b.db'), clock, { dialogs });
  createDemo(core.deps.repos, repositoryResources());
  // 3 jurors × 4 sites: 12 one-page parts after the recap (2 pages): 13 parts, two chunks of at most 8. The other
  // documents are taken out for the while, so that the pages are known whatever their layouts print.
  const restores = [
    withTestEntry(testEntry('lembar', 3, 4), 'lembar'),
    withTestEntry(undefined, 'berita-acara'),
    withTestEntry(undefined, 'formulir'),
    withTestEntry(undefined, 'catatan'),
  ];
  restore = () => restores.reverse().forEach((r) => r());
});
afterAll(() => {
  restore();
  core.close();
  temp.cleanup();
});

function progressOf(task: string): { events: { done: number; total: number }[]; stop: () => void } {
  const events: { done: number; total: number }[] = [];
  const stop = core.events.subscribe((event: PenilaiEvent) => {
    if (event.type === 'progress' && event.data.task === task) events.push({ done: event.data.done, total: event.data.total });
  });
  return { events, stop };
}

interface OutlineItem {
  title: string;
  destpageposfrom1: number;
  kids: OutlineItem[];
}

function outline(file: string): { title: string; page: number; kids: { title: string; page: number }[] }[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' })) as {
    outlines: OutlineItem[];
  };
  return json.outlines.map((o) => ({
    title: o.title,
    page: o.destpageposfrom1,
    kids: o.kids.map((k) => ({ title: k.title, page: k.destpageposfrom1 })),
  }));
}

function pageText(file: string, page: number): string {
  return execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
}

/** The signing links of each page (1-based): the destination each goes to and its rectangle's size. */
async function signingLinks(bytes: Uint8Array): Promise<{ page: number; destination: string; width: number; height: number }[]> {
  const doc = await PDFDocument.load(bytes);
  const links: { page: number; destination: string; width: number; height: number }[] = [];
  doc.getPages().forEach((page, i) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let k = 0; annots && k < annots.size(); k++) {
      const annot = annots.lookup(k, PDFDict);
      if (annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      const d = action?.lookup(PDFName.of('D'));
      if (!(d instanceof PDFString || d instanceof PDFHexString)) continue;
      const rect = annot
        .lookup(PDFName.of('Rect'), PDFArray)
        .asArray()
        .map((n) => Number(n.toString()));
      links.push({
        page: i + 1,
        destination: d.decodeText(),
        width: Math.round(rect[2]! - rect[0]!),
        height: Math.round(rect[3]! - rect[1]!),
      });
    }
  });
  return links;
}

/** The named destinations: name → page (1-based). */
async function namedDestinations(bytes: Uint8Array): Promise<Record<string, number>> {
  const doc = await PDFDocument.load(bytes);
  const pages = doc.getPages().map((p) => p.ref);
  const tree = doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('Dests'), PDFDict);
  const pairs = tree.lookup(PDFName.of('Names'), PDFArray);
  const found: Record<string, number> = {};
  for (let i = 0; i < pairs.size(); i += 2) {
    const name = (pairs.lookup(i) as PDFString).decodeText();
    found[name] = pages.indexOf(pairs.lookup(i + 1, PDFArray).get(0) as never) + 1;
  }
  return found;
}

describe('the bundle of every document', () => {
  it('is one PDF with one outline entry per part grouped by document, pages in order, links and destinations kept', async () => {
    const progress = progressOf('bundle-1');
    const rendered = await core.call('documents.render', { competition: 'DEMO', doc: 'all', task: 'bundle-1' });
    progress.stop();
    expect(rendered.ok, rendered.ok ? '' : describeError(rendered.error, 'en')).toBe(true);
    if (!rendered.ok) return;
    const file = join(temp.dir, rendered.value.name);
    writeFileSync(file, rendered.value.bytes);
    expect(rendered.value.name).toBe('Dokumen-Penilaian-DEMO.pdf');
    expect(rendered.value.pages).toBe(14);
    expect(pdfPageCount(file)).toBe(14);
    expect(qpdfCheck(file).ok).toBe(true);

    // Progress: parts laid out of all 13 parts, after each chunk of 8, in order.
    expect(progress.events).toEqual([
      { done: 0, total: 13 },
      { done: 8, total: 13 },
      { done: 13, total: 13 },
    ]);

    const sites = ['S01', 'S02', 'S03', 'S04'];
    expect(outline(file)).toEqual([
      { title: 'Rekapitulasi Nilai', page: 1, kids: [] },
      {
        title: 'Lembar Penilaian',
        page: 3,
        kids: ['J1', 'J2', 'J3'].flatMap((j, ji) => sites.map((s, si) => ({ title: `${j} · ${s}`, page: 3 + ji * 4 + si }))),
      },
    ]);

    // Pages in order: the recap's two pages, then each juror's sheets site by site, with their own footers.
    expect(pageText(file, 1)).toContain('REKAPITULASI NILAI');
    expect(pageText(file, 2)).toContain('Halaman 2 dari 2');
    expect(pageText(file, 3)).toContain('LEMBAR UJI J1 S01');
    expect(pageText(file, 7)).toContain('LEMBAR UJI J2 S01');
    expect(pageText(file, 14)).toContain('LEMBAR UJI J3 S04');
    expect(pageText(file, 14)).toContain('Halaman 1 dari 1');

    // The signing spaces: the recap's five (one per juror, on its last page) and one per sheet, each the space's size.
    const links = await signingLinks(rendered.value.bytes);
    expect(links.filter((l) => l.page === 2).map((l) => l.destination)).toEqual(['ttd-J1', 'ttd-J2', 'ttd-J3', 'ttd-J4', 'ttd-J5']);
    expect(links.filter((l) => l.page >= 3).map((l) => `${l.page}:${l.destination}`)).toEqual(
      Array.from({ length: 12 }, (_, i) => `${i + 3}:ttd-J${Math.floor(i / 4) + 1}`),
    );
    expect(new Set(links.map((l) => `${l.width}×${l.height}`))).toEqual(new Set([`${SIGNING_SPACE.width}×${SIGNING_SPACE.height}`]));
    // Each juror's destination: the last space of that juror in the file, as within one react-pdf document (J1's
    // last sheet is page 6, J2's page 10, J3's page 14; J4 and J5 sign only the recap).
    expect(await namedDestinations(rendered.value.bytes)).toEqual({ 'ttd-J1': 6, 'ttd-J2': 10, 'ttd-J3': 14, 'ttd-J4': 2, 'ttd-J5': 2 });

    // Ready for incremental signing: a classic xref table, no object streams; the stamp in the Keywords; fonts embedded.
    const raw = Buffer.from(rendered.value.bytes).toString('latin1');
    expect(raw).toMatch(/\nxref\n0 \d+\n/);
    expect(raw).not.toContain('/ObjStm');
    expect(raw).not.toContain('/XRefStm');
    const doc = await PDFDocument.load(rendered.value.bytes);
    expect(parseStamp(doc.getKeywords() ?? '')).toMatchObject({ doc: 'all', competition: 'DEMO', sha256: rendered.value.dataHash });
    expect(doc.getTitle()).toBe('Dokumen Penilaian — DEMO');
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    // Each chunk's Noto fonts, embedded and subset: bold and regular in the first (recap and sheets), regular alone
    // in the second (sheets only): fonts are duplicated per chunk, never lost.
    const noto = fonts.filter((line) => /\+NotoSans-/.test(line));
    expect(noto.map((line) => /NotoSans-\w+/.exec(line)?.[0]).sort()).toEqual(['NotoSans-Bold', 'NotoSans-Regular', 'NotoSans-Regular']);
    expect(noto.filter((line) => !/\byes\s+yes\s+yes\b/.test(line))).toEqual([]);
  });

  it('is written straight to the chosen file; cancelled, it leaves no file behind and the next one works', async () => {
    chosen = join(temp.dir, 'saved', 'Bundel.pdf');
    execFileSync('mkdir', ['-p', join(temp.dir, 'saved')]);
    const progress = progressOf('bundle-cancel');
    let cancel: Promise<unknown> | null = null;
    const stop = core.events.subscribe((event) => {
      if (event.type === 'progress' && event.data.task === 'bundle-cancel' && event.data.done > 0 && !cancel) {
        cancel = core.call('documents.cancel', { task: 'bundle-cancel' });
      }
    });
    const cancelled = await core.call('documents.save', { competition: 'DEMO', doc: 'all', task: 'bundle-cancel' });
    stop();
    progress.stop();
    expect(await cancel).toEqual({ ok: true, value: { cancelled: true } });
    expect(cancelled.ok).toBe(false);
    if (!cancelled.ok) {
      expect(cancelled.error.key).toBe('documents.cancelled');
      expect(describeError(cancelled.error, 'id')).toBe('Penyusunan dokumen dibatalkan. Tidak ada berkas yang ditulis.');
    }
    expect(progress.events.map((e) => e.done)).toEqual([0, 8]);
    expect(readdirSync(join(temp.dir, 'saved'))).toEqual([]);
    // The task is over: cancelling it again finds nothing.
    expect(await core.call('documents.cancel', { task: 'bundle-cancel' })).toEqual({ ok: true, value: { cancelled: false } });

    const saved = await core.call('documents.save', { competition: 'DEMO', doc: 'all', task: 'bundle-again' });
    expect(saved.ok && saved.value).toMatchObject({ saved: true, path: chosen, name: 'Dokumen-Penilaian-DEMO.pdf', pages: 14 });
    expect(readdirSync(join(temp.dir, 'saved'))).toEqual(['Bundel.pdf']);
    expect(pdfPageCount(chosen)).toBe(14);
    expect(qpdfCheck(chosen).ok).toBe(true);
    expect(saved.ok && readFileSync(chosen).length).toBeGreaterThan(10_000);
  });

  it('is what `report --doc all` writes from the command line', async () => {
    const out = join(temp.dir, 'cli', 'bundel.pdf');
    execFileSync('mkdir', ['-p', join(temp.dir, 'cli')]);
    let stderr = '';
    const status = await runCli(['report', '--db', join(temp.dir, 'b.db'), '--out', out, '--doc', 'all'], {
      out: () => {},
      err: (text) => void (stderr += text + '\n'),
    });
    expect(status, stderr).toBe(0);
    expect(stderr).toContain('(14 halaman)');
    expect(qpdfCheck(out).ok).toBe(true);
    expect(outline(out).map((o) => [o.title, o.page, o.kids.length])).toEqual([
      ['Rekapitulasi Nilai', 1, 0],
      ['Lembar Penilaian', 3, 12],
    ]);
  });

  it('asks for the file first: a closed save dialog lays nothing out and writes nothing', async () => {
    chosen = null;
    const progress = progressOf('bundle-closed');
    const saved = await core.call('documents.save', { competition: 'DEMO', doc: 'all', task: 'bundle-closed' });
    progress.stop();
    expect(saved.ok && saved.value).toMatchObject({ saved: false, path: null, pages: 0 });
    expect(progress.events).toEqual([]);
  });

  it('refuses a document this version cannot make yet, naming it as people do', async () => {
    const put = withTestEntry(undefined, 'formulir');
    try {
      const refused = await core.call('documents.render', { competition: 'DEMO', doc: 'formulir' });
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(describeError(refused.error, 'id')).toBe('Dokumen "Formulir Penilaian" belum dapat dibuat oleh versi aplikasi ini.');
        expect(describeError(refused.error, 'en')).toBe('Document "Formulir Penilaian" cannot be made by this version of the app yet.');
      }
    } finally {
      put();
    }
  });

  it('cannot be saved straight to a file in the browser mode (no dialog there: the bytes are downloaded once)', async () => {
    const browser = openTestCore(join(temp.dir, 'browser.db'), clock);
    try {
      createDemo(browser.deps.repos, repositoryResources());
      const refused = await browser.call('documents.save', { competition: 'DEMO', doc: 'rekap' });
      expect(refused.ok ? null : refused.error.key).toBe('documents.desktopOnly');
    } finally {
      browser.close();
    }
  });
});

describe('the PDF worker laying out a long job', () => {
  let workerCore: Core;
  beforeAll(() => {
    workerCore = openTestCore(join(temp.dir, 'w.db'), clock, { pdfWorker: true });
    createDemo(workerCore.deps.repos, repositoryResources());
  });
  afterAll(() => workerCore.close());

  /** The recap ten times over: ten parts of two pages, as a long job of the documents the worker knows. */
  function longJob() {
    const job = buildRenderJob(workerCore.deps.repos, 'DEMO', 'rekap', clock());
    return { ...job, parts: Array.from({ length: 10 }, (_, i) => ({ ...job.parts[0]!, bookmark: `Rekapitulasi Nilai ${i + 1}` })) };
  }

  it('reports progress per chunk in order and joins the chunks; cancelled, it stops and the next job works', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const cancelled = workerCore.deps.renderPdf(
      longJob(),
      (done) => {
        seen.push(done);
        if (done > 0) controller.abort();
      },
      controller.signal,
    );
    await expect(cancelled).rejects.toMatchObject({ key: 'documents.cancelled' });
    expect(seen).toEqual([0, 8]);

    const progress: string[] = [];
    const bytes = await workerCore.deps.renderPdf(longJob(), (done, total) => progress.push(`${done}/${total}`));
    expect(progress).toEqual(['0/10', '8/10', '10/10']);
    const file = join(temp.dir, 'worker-long.pdf');
    writeFileSync(file, bytes);
    expect(pdfPageCount(file)).toBe(20);
    expect(qpdfCheck(file).ok).toBe(true);
    expect(outline(file)).toEqual([
      {
        title: 'Rekapitulasi Nilai',
        page: 1,
        kids: Array.from({ length: 10 }, (_, i) => ({ title: String(i + 1), page: 1 + 2 * i })),
      },
    ]);
    expect(pageText(file, 20)).toContain('Halaman 2 dari 2');
    expect(existsSync(file)).toBe(true);
  });
});
