/**
 * The thin path of the foundation, clicked as a secretariat officer and a juror would, in Chromium over the
 * HTTP bridge: create a competition on the default instrument (after a refused invalid NIP), score one site
 * for one juror, see the ranking update, save the recap PDF, switch to English, open the demo.
 * Screenshots land in test-results/e2e/; axe-core checks every screen visited.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { formatNumber } from '../../shared/domain/numbers.js';
import { openTestCore, tempDir } from '../support/core.js';
import { expectAccessible, openApp, shot, SHOTS, type App } from '../support/e2e.js';
import { scoreSiteWithKeyboard } from '../../scripts/keyboard-scoring.js';
import { pdfText, qpdfCheck } from '../support/pdf.js';

let page: Page;
let core: Core;
let app: App;
const temp = tempDir();

beforeAll(async () => {
  // As `npm run web` runs it: PDFs laid out in the worker thread.
  core = openTestCore(join(temp.dir, 'penilai.sqlite'), undefined, { pdfWorker: true });
  app = await openApp(core, { acceptDownloads: true });
  page = app.page;
});

afterAll(async () => {
  expect(app.outsideRequests).toEqual([]);
  await app?.close();
  core?.close();
  temp.cleanup();
});

describe('thin path in Chromium', () => {
  it('opens in Indonesian with an empty database', async () => {
    expect(new URL(page.url()).search).toBe(''); // the token was exchanged for a cookie and left the address bar
    await page.getByRole('heading', { name: 'Lomba', level: 1 }).waitFor();
    await page.getByText('Belum ada lomba di basis data ini.').waitFor();
    for (const tab of ['Lomba', 'Penilaian', 'Rekap', 'Laporan']) await page.getByRole('button', { name: tab, exact: true }).waitFor();
    await shot(page, '01-lomba-kosong');
    await expectAccessible(page, 'lomba');
  });

  it('refuses an invalid NIP with a message in Indonesian and saves nothing, then creates the competition', async () => {
    await page.getByLabel('Kode lomba').fill('UJI-2026');
    await page.getByLabel('Nama lomba').fill('Lomba P2WKSS Tingkat Provinsi Jawa Barat Tahun 2026');
    await page.getByLabel('Penyelenggara').fill('DP3AKB Provinsi Jawa Barat');
    const sites = [
      ['Desa Sukamaju', 'Kabupaten Garut'],
      ['Desa Mekarsari', 'Kabupaten Bandung'],
      ['Kelurahan Cibeber', 'Kota Cimahi'],
    ];
    for (const [i, [name, regency]] of sites.entries()) {
      await page.getByLabel(`Desa/Kelurahan ${i + 1}`, { exact: true }).fill(name!);
      await page.getByLabel(`Kabupaten/Kota ${i + 1}`, { exact: true }).fill(regency!);
    }
    const jurors = ['Dr. Hj. Siti Aminah, M.Si.', 'Ir. Bambang Hermawan, M.M.', 'Nurhayati, S.Sos.'];
    for (const [i, name] of jurors.entries()) await page.getByLabel(`Nama lengkap dan gelar ${i + 1}`, { exact: true }).fill(name);
    await page.getByLabel('NIP (18 angka, boleh kosong) 1', { exact: true }).fill('19700315199503');
    await page.getByRole('button', { name: 'Simpan lomba' }).click();
    // Said beside the field, in words: no path, no row to look up.
    const error = page.locator('#err-jurors_0__nip');
    await error.waitFor();
    expect(await error.textContent()).toBe('NIP harus tepat 18 angka, misalnya 19700315 199503 2 001 (spasi boleh)');
    expect(await page.getByLabel('NIP (18 angka, boleh kosong) 1', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    const before = await core.call('setup.list', {});
    expect(before.ok && before.value).toEqual([]);
    await shot(page, '02-lomba-nip-salah');

    await page.getByLabel('NIP (18 angka, boleh kosong) 1', { exact: true }).fill('197003151995032001');
    await page.getByRole('button', { name: 'Simpan lomba' }).click();
    await page.getByText('Lomba UJI-2026 disimpan dan dibuka.').waitFor();
    await page.getByText('Sedang dibuka').waitFor();
    const after = await core.call('setup.list', {});
    expect(after.ok && after.value.map((c) => [c.code, c.sites, c.jurors])).toEqual([['UJI-2026', 3, 3]]);
    await shot(page, '03-lomba-dibuat');
    await expectAccessible(page, 'lomba-dibuat');
  });

  // 28 indicators typed in Chromium: on a loaded machine this takes longer than the default minute.
  it('scores a whole site for one juror with the keyboard and shows every score saved', { timeout: 240_000 }, async () => {
    await page.getByRole('button', { name: 'Penilaian', exact: true }).click();
    await page.getByRole('button', { name: /Dr\. Hj\. Siti Aminah/ }).click();
    await page.getByRole('button', { name: /Desa Sukamaju/ }).click();
    await page.locator('li.indicator').first().waitFor();
    expect(await page.locator('li.indicator').count()).toBe(28);
    await scoreSiteWithKeyboard(page, 28);
    const sheet = await core.call('scoring.sheet', { competition: 'UJI-2026', juror: 'J1', site: 'S01' });
    expect(sheet.ok && sheet.value.scores.length).toBe(28);
    await shot(page, '04-penilaian');
    await expectAccessible(page, 'penilaian');
  });

  it('shows the updated ranking with decimal commas', async () => {
    await page.getByRole('button', { name: 'Rekap', exact: true }).click();
    const ranking = await core.call('compile.ranking', { competition: 'UJI-2026' });
    if (!ranking.ok) throw new Error('ranking failed');
    const first = ranking.value.ranking[0]!;
    expect(first.site).toBe('S01');
    expect(first.total).toBeGreaterThan(0);
    const row = page.locator('tr[data-site="S01"]');
    await row.waitFor();
    const expectedTotal = formatNumber(first.total, 2, 'id');
    expect(expectedTotal).toContain(',');
    expect(await row.locator('td.total').textContent()).toBe(expectedTotal);
    expect(await row.locator('td.rank').textContent()).toBe('1');
    // The other two sites have no score yet: tied on 0,00 and flagged incomplete.
    expect(await page.locator('tr[data-site="S02"] td.total').textContent()).toBe('0,00');
    await page.getByText('Sementara: belum semua nilai masuk').waitFor();
    await shot(page, '05-rekap');
    await expectAccessible(page, 'rekap');
  });

  it('saves the recap PDF, which real tools can read', async () => {
    await page.getByRole('button', { name: 'Laporan', exact: true }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Simpan PDF' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Rekapitulasi-UJI-2026.pdf');
    const target = join(SHOTS, 'rekap-uji.pdf');
    await file.saveAs(target);
    await page.getByText(/PDF Rekapitulasi-UJI-2026\.pdf \(\d+ halaman\) diunduh\./).waitFor();
    expect(qpdfCheck(target).ok).toBe(true);
    const text = pdfText(target);
    expect(text).toContain('REKAPITULASI NILAI');
    for (const name of ['Desa Sukamaju', 'Desa Mekarsari', 'Kelurahan Cibeber']) expect(text).toContain(name);
    await shot(page, '06-laporan');
    await expectAccessible(page, 'laporan');
  });

  it('switches to English and back', async () => {
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Scoring', exact: true }).click();
    await page.getByRole('heading', { name: 'Scoring', level: 1 }).waitFor();
    await shot(page, '07-english');
    await page.getByRole('button', { name: 'ID', exact: true }).click();
    await page.getByRole('heading', { name: 'Penilaian', level: 1 }).waitFor();
  });

  it('opens the demo competition and shows its full ranking with awards', async () => {
    await page.getByRole('button', { name: 'Lomba', exact: true }).click();
    await page.getByRole('button', { name: 'Buka lomba demo' }).click();
    // The database already holds a real competition: the demo is added beside it only when confirmed.
    await page.getByRole('button', { name: 'Ya, buka lomba demo' }).click();
    await page.getByText('Lomba P2WKSS Tingkat Provinsi Banten Tahun 2026 (Demo)').first().waitFor();
    await page.getByRole('button', { name: 'Rekap', exact: true }).click();
    await page.locator('table.ranking tbody tr').nth(11).waitFor();
    expect(await page.locator('table.ranking tbody tr').count()).toBe(12);
    expect(await page.locator('.award').allTextContents()).toEqual([
      'Juara I',
      'Juara II',
      'Juara III',
      'Harapan I',
      'Harapan II',
      'Harapan III',
    ]);
    await page.getByText('Semua nilai telah masuk.').waitFor();
    await shot(page, '08-demo-rekap');
    await expectAccessible(page, 'demo-rekap');
    writeFileSync(join(SHOTS, 'README.txt'), 'Screenshots of the thin path, made by test/e2e/thin-path.test.ts.\n');
  });
});
