/**
 * Verifikasi dokumen in Chromium at 1366×768 over the HTTP bridge, as the secretariat uses it: the recap is saved
 * from Laporan, the verification code is read from the PDF's footer (pdftotext), typed in Verifikasi dokumen and
 * found ("cocok"); a wrong code is "tidak cocok" with what that can mean; the page's QR text, after the result was
 * locked and reopened, says which revision it claims and which the result is at now; in English too. axe-core
 * checks every state of the screen; screenshots in test-results/e2e/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { qrPayload, shortCode } from '../../shared/domain/doc-stamp.js';
import { openTestCore, tempDir } from '../support/core.js';
import { expectAccessible, openApp, shot, type App } from '../support/e2e.js';
import { asSecretariat, call } from '../support/jury.js';
import { pdfText } from '../support/pdf.js';

const temp = tempDir('penilai-e2e-verifikasi-');
let core: Core;
let app: App;
let page: Page;
/** What the saved recap's footer says: its code and its whole data hash. */
let printed: { code: string; sha256: string };

beforeAll(async () => {
  // As `npm run web` runs it: PDFs laid out in the worker thread.
  core = openTestCore(join(temp.dir, 'verifikasi.sqlite'), undefined, { pdfWorker: true });
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

const result = () => page.locator('.verif-result');

async function checkCode(text: string): Promise<void> {
  await page.getByLabel('Kode verifikasi', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Periksa kode' }).click();
}

describe('Verifikasi dokumen', () => {
  it('the recap saved from Laporan carries a verification code and its data hash in the footer', async () => {
    await page.getByRole('button', { name: 'Buka lomba demo' }).click();
    await page.getByRole('button', { name: 'Laporan', exact: true }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Simpan PDF' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Rekapitulasi-DEMO.pdf');
    const target = join(temp.dir, 'rekap.pdf');
    await file.saveAs(target);

    const text = pdfText(target);
    // The footer: "Kode verifikasi AB12-CD34-EF56", and on the next line "SHA-256 data <64 hex>".
    const code = /Kode verifikasi ([0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4})/.exec(text);
    const hash = /SHA-256 data ([0-9a-f]{64})/.exec(text);
    expect(code).not.toBeNull();
    expect(hash).not.toBeNull();
    printed = { code: code![1]!, sha256: hash![1]! };
    expect(printed.code).toBe(shortCode(printed.sha256));
    // The same data hash the core gives for the recap now.
    expect((await call(core, 'documents.render', { competition: 'DEMO', doc: 'rekap' })).dataHash).toBe(printed.sha256);
  });

  it('opens from the navigation, in Indonesian, at its own address', async () => {
    await page.getByRole('button', { name: 'Verifikasi', exact: true }).click();
    await page.getByRole('heading', { name: 'Verifikasi dokumen', level: 1 }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/verifikasi');
    await page.getByRole('heading', { name: 'Periksa halaman cetak' }).waitFor();
    await page.getByRole('heading', { name: 'Periksa berkas PDF' }).waitFor();
    await page.getByRole('heading', { name: 'Sertifikat tepercaya' }).waitFor();
    await shot(page, 'verifikasi-01-kosong');
    await expectAccessible(page, 'verifikasi');
  });

  it('finds the printed recap by the code typed as read from the page: "cocok dengan data saat ini"', async () => {
    await checkCode(printed.code);
    await page.getByText('Cocok dengan data saat ini').waitFor();
    expect(await result().getAttribute('data-verdict')).toBe('match');
    const name = (await call(core, 'setup.get', { code: 'DEMO' })).info.name;
    const facts = await page.locator('.verif-match dd').allTextContents();
    expect(facts).toEqual([
      `${name} (DEMO)`,
      'Revisi 0 (hasil pertama)',
      'draf — hasil belum dibahas dalam rapat pleno',
      'Rekapitulasi Nilai',
      printed.code,
      printed.sha256,
    ]);
    await page.getByText('Hasil belum dikunci: data masih dapat berubah').waitFor();
    await shot(page, 'verifikasi-02-cocok', false);
    await expectAccessible(page, 'verifikasi-cocok');

    // Typed loosely: lower case, no dashes, spaces around.
    await checkCode(`  ${printed.code.replaceAll('-', '').toLowerCase()} `);
    await page.getByText('Cocok dengan data saat ini').waitFor();
    expect(await page.locator('.verif-match .verif-code').textContent()).toBe(printed.code);
  });

  it('says a wrong code does not match, and what that can mean', async () => {
    const wrong = printed.code.startsWith('0000') ? '1111-2222-3333' : '0000-2222-3333';
    await checkCode(wrong);
    await page.getByText('Tidak cocok dengan data di laptop ini').waitFor();
    expect(await result().getAttribute('data-verdict')).toBe('no-match');
    await page.getByText(`Kode yang diperiksa: ${wrong}`).waitFor();
    expect(await result().locator('li').allTextContents()).toEqual([
      'halaman dicetak dari revisi hasil yang lain (hasil dibuka kembali dan dikunci ulang sesudahnya);',
      'data berubah sesudah halaman dicetak (nilai diubah atau lembar dibuka kembali sebelum hasil dikunci);',
      'kode salah ketik: periksa lagi ke-12 angka dan huruf pada kaki halaman;',
      'dokumen dibuat di laptop lain yang datanya belum diterima di laptop ini.',
    ]);
    await shot(page, 'verifikasi-03-tidak-cocok', false);
    await expectAccessible(page, 'verifikasi-tidak-cocok');

    await checkCode('bukan kode');
    await page.getByText('Ini bukan kode verifikasi.', { exact: false }).waitFor();
    expect(await result().getAttribute('data-verdict')).toBe('not-a-code');
  });

  it('reads the page QR text; once the result is locked and reopened, says the page is of revision 0 and the result at 1', async () => {
    const qr = qrPayload({ doc: 'rekap', competition: 'DEMO', revision: 0, sha256: printed.sha256 });
    await checkCode(qr);
    await page.getByText('Cocok dengan data saat ini').waitFor();

    await call(core, 'pleno.open', { competition: 'DEMO' });
    await asSecretariat(core, 'DEMO'); // locking and reopening are the secretariat's
    await call(core, 'pleno.lock', { competition: 'DEMO' });
    const reopened = await call(core, 'pleno.reopen', { competition: 'DEMO', reason: 'Keberatan peserta diterima' });
    expect(reopened.revision).toBe(1);

    await checkCode(qr);
    await page.getByText('Tidak cocok dengan data di laptop ini').waitFor();
    const name = (await call(core, 'setup.get', { code: 'DEMO' })).info.name;
    expect(await page.locator('.verif-claim p').allTextContents()).toEqual([
      'Menurut kode QR, halaman ini adalah Rekapitulasi Nilai lomba DEMO, revisi 0.',
      `Di laptop ini, hasil lomba ${name} sekarang revisi 1 (rapat pleno sedang berlangsung — hasil belum dikunci).`,
      'Dokumen ini dari revisi 0; hasil sekarang revisi 1.',
    ]);
    await shot(page, 'verifikasi-04-qr-revisi', false);
    await expectAccessible(page, 'verifikasi-qr-revisi');
  });

  it('reads in English', async () => {
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'Verify a document', level: 1 }).waitFor();
    await page.getByText('Does not match the data on this laptop').waitFor();
    await page.getByText('This document is from revision 0; the result is now at revision 1.').waitFor();
    await page
      .getByText('According to its QR code, this page is the score recap (Rekapitulasi Nilai) of competition DEMO, revision 0.')
      .waitFor();
    await shot(page, 'verifikasi-05-english', false);
    await expectAccessible(page, 'verifikasi-english');

    await page
      .getByLabel('Verification code', { exact: true })
      .fill(shortCode((await call(core, 'documents.render', { competition: 'DEMO', doc: 'rekap' })).dataHash));
    await page.getByRole('button', { name: 'Check code' }).click();
    await page.getByText('Matches the current data').waitFor();
    expect(await page.locator('.verif-match dd').nth(1).textContent()).toBe('Revision 1');
    await page.getByRole('button', { name: 'ID', exact: true }).click();
    await page.getByRole('heading', { name: 'Verifikasi dokumen', level: 1 }).waitFor();
  });
});
