/**
 * Laporan → "Semua dokumen" in Chromium over the HTTP bridge (1366×768): a progress bar with "n dari N bagian"
 * while the bundle is made, then the PDF is downloaded once, with the file, its pages and its verification code on
 * the screen; Batalkan stops the next one and nothing is downloaded. The bundle is the demo's real one (recap,
 * Berita Acara, a Lembar Penilaian per juror and site, the Formulir, a Catatan per site), laid out in this process.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { parseStamp, shortCode } from '../../shared/domain/doc-stamp.js';
import { openTestCore, tempDir } from '../support/core.js';
import { expectAccessible, openApp, shot, SHOTS, type App } from '../support/e2e.js';
import { pdfPageCount, pdfText, qpdfCheck } from '../support/pdf.js';
import { renderChunked } from '../../electron/core/documents/bundle.js';
import { registerFonts } from '../../electron/core/documents/fonts.js';
import { documentContext, isPainted, layOutChunk, planDocument, titleOf } from '../../electron/core/documents/render.js';
import { repositoryResources } from '../../electron/core/platform/resources.js';

const temp = tempDir('penilai-e2e-laporan-');
let core: Core;
let app: App;
let page: Page;

/**
 * The test holds the layout after its first chunk (the recap and the Berita Acara) until it has seen the screen at
 * "2 dari N bagian" (the whole bundle takes a few seconds: without the hold, the screen may skip that state). The
 * pipeline is the app's own (renderChunked with the app's layout of each chunk), only paused.
 */
let hold: { promise: Promise<void>; release: () => void } | null = null;
function holdSecondChunk(): () => void {
  let release = () => {};
  hold = { promise: new Promise<void>((resolve) => (release = resolve)), release: () => release() };
  return hold.release;
}

beforeAll(async () => {
  core = openTestCore(join(temp.dir, 'laporan.sqlite'));
  registerFonts(repositoryResources());
  const layOut = layOutChunk(repositoryResources());
  core.deps.renderPdf = (job, onProgress, signal) => {
    let chunk = 0;
    return renderChunked(
      job,
      async (part, onPart, partSignal) => {
        chunk += 1;
        if (chunk === 2 && hold) {
          // Held until the test releases it, or until the task is cancelled (the cancel has reached the core).
          signal?.addEventListener('abort', hold.release, { once: true });
          await hold.promise;
        }
        return layOut(part, onPart, partSignal);
      },
      { documentTitle: titleOf, painted: isPainted, ...(onProgress ? { onProgress } : {}), ...(signal ? { signal } : {}) },
    );
  };
  app = await openApp(core, { acceptDownloads: true });
  page = app.page;
  await page.setViewportSize({ width: 1366, height: 768 });
});

afterAll(async () => {
  expect(app.outsideRequests).toEqual([]);
  await app?.close();
  core?.close();
  temp.cleanup();
});

describe('the bundle from the Laporan screen', () => {
  // Generous limits: the bundle is laid out in this process on 2 shared cores (never a timed assertion).
  it('shows the progress in parts, downloads the one PDF and shows its pages and verification code', { timeout: 600_000 }, async () => {
    await page.getByRole('button', { name: 'Buka lomba demo' }).click();
    await page.getByRole('button', { name: 'Laporan', exact: true }).click();
    await page.getByRole('radio', { name: /Semua dokumen/ }).check();
    await shot(page, 'laporan-01-pilih', false);

    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    const download = page.waitForEvent('download', { timeout: 300_000 });
    const release = holdSecondChunk();
    await page.getByRole('button', { name: 'Simpan PDF' }).click();
    const bar = page.getByRole('progressbar', { name: 'Kemajuan penyusunan PDF' });
    await bar.waitFor({ timeout: 300_000 });
    await page.getByText(/^\d+ dari \d+ bagian$/).waitFor({ timeout: 300_000 });
    const partsText = (await page.getByText(/^\d+ dari \d+ bagian$/).textContent()) ?? '';
    const total = Number(/dari (\d+) bagian/.exec(partsText)?.[1]);
    const plan = planDocument(documentContext(core.deps.repos, 'DEMO', new Date()), 'all', { juror: null, site: null });
    expect(total).toBe(plan.parts.length);
    const sheets = plan.parts.filter((p) => p.doc === 'lembar').length;
    expect(sheets).toBeGreaterThanOrEqual(50);
    await page.getByText(`2 dari ${total} bagian`).waitFor({ timeout: 300_000 });
    expect(await bar.getAttribute('value')).toBe('2');
    expect(await bar.getAttribute('max')).toBe(String(total));
    await shot(page, 'laporan-02-kemajuan', false);
    release();

    const file = await download;
    expect(file.suggestedFilename()).toBe('Dokumen-Penilaian-DEMO.pdf');
    const target = join(SHOTS, 'laporan-bundel.pdf');
    await file.saveAs(target);
    const result = page.getByRole('status').filter({ hasText: 'Kode verifikasi' });
    await result.waitFor({ timeout: 60_000 });
    const pages = pdfPageCount(target);
    await page.getByText(`PDF Dokumen-Penilaian-DEMO.pdf (${pages} halaman) diunduh.`).waitFor();
    expect(await bar.count()).toBe(0);
    expect(qpdfCheck(target).ok).toBe(true);
    // One Lembar Penilaian per juror and site, each with its page numbers.
    expect(pdfText(target).match(/LEMBAR PENILAIAN/g)).toHaveLength(sheets);
    // The verification code shown is the short code of the bundle's data hash, the one its stamp (Keywords) carries.
    const code = (await result.locator('code').textContent()) ?? '';
    const stamp = parseStamp((await PDFDocument.load(readFileSync(target))).getKeywords() ?? '');
    expect(stamp?.doc).toBe('all');
    expect(code).toBe(shortCode(stamp!.sha256));
    await shot(page, 'laporan-03-tersimpan', false);
    await expectAccessible(page, 'laporan-bundel');
    expect(downloads).toHaveLength(1);
  });

  it('Batalkan stops the bundle: nothing is downloaded, and the message says so', { timeout: 600_000 }, async () => {
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    holdSecondChunk();
    await page.getByRole('button', { name: 'Simpan PDF' }).click();
    await page.getByText(/^2 dari \d+ bagian$/).waitFor({ timeout: 300_000 });
    // The layout is held after its first chunk: the cancel releases it, and no further chunk is laid out.
    await page.getByRole('button', { name: 'Batalkan' }).click();
    await page.getByText('Penyusunan dokumen dibatalkan. Tidak ada berkas yang ditulis.').waitFor({ timeout: 300_000 });
    expect(await page.getByRole('progressbar').count()).toBe(0);
    await expect(page.getByRole('button', { name: 'Simpan PDF' }).isEnabled()).resolves.toBe(true);
    await shot(page, 'laporan-04-dibatalkan', false);
    expect(downloads).toEqual([]);

    // Lembar Penilaian is made per juror and site: it can be limited to one of each.
    await page.getByRole('radio', { name: /Lembar Penilaian/ }).check();
    await page.getByRole('combobox', { name: 'Juri', exact: true }).selectOption('J2');
    await page.getByRole('combobox', { name: 'Lokus', exact: true }).selectOption('S03');
    await shot(page, 'laporan-04b-pilih-juri-lokus', false);
    await page.getByRole('radio', { name: /Semua dokumen/ }).check();
    // No juror or site picker for the bundle (the notes' own site picker further down stays).
    expect(await page.getByRole('combobox', { name: 'Juri', exact: true }).count()).toBe(0);
    expect(await page.getByRole('combobox', { name: 'Lokus', exact: true }).count()).toBe(0);

    // English: the same screen in the second language.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('radio', { name: /All documents/ }).waitFor();
    await shot(page, 'laporan-05-english', false);
    await page.getByRole('button', { name: 'ID', exact: true }).click();
  });

  it('Cetak in the browser opens the PDF in a new tab, to print from there', { timeout: 600_000 }, async () => {
    await page.getByRole('radio', { name: /Rekapitulasi Nilai/ }).check();
    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Cetak' }).click();
    const tab = await popup;
    await tab.waitForURL(/^blob:/, { timeout: 300_000 });
    await page.getByText(/^PDF Rekapitulasi-DEMO\.pdf \(\d+ halaman\) dibuka di tab baru; cetak dari sana\.$/).waitFor();
    await shot(page, 'laporan-06-cetak-tab', false);
    await tab.close();
  });
});
