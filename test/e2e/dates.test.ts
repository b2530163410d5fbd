/**
 * The setup's dates read day/month/year whatever the browser's language: Debian's Chromium in English shows
 * `<input type="date">` as month/day/year, so 07/09/2026 (7 September) read as July 9th. A secretariat officer
 * on such a laptop opens the demo competition, reads its dates, types a wrong one and is told so in words, types
 * the right one with the keyboard, saves, and finds it again after a reload; the core holds ISO dates.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { openTestCore, tempDir } from '../support/core.js';
import { expectAccessible, openApp, shot, type App } from '../support/e2e.js';

const temp = tempDir('penilai-e2e-dates-');
let core: Core;
let app: App;
let page: Page;

async function saved() {
  const result = await core.call('setup.get', { code: 'DEMO' });
  if (!result.ok) throw new Error(result.error.key);
  return result.value;
}

beforeAll(async () => {
  core = openTestCore(join(temp.dir, 'dates.sqlite'));
  app = await openApp(core, { locale: 'en-US' });
  page = app.page;
  await page.setViewportSize({ width: 1366, height: 768 });
});

afterAll(async () => {
  expect(app.outsideRequests).toEqual([]);
  await app?.close();
  core?.close();
  temp.cleanup();
});

describe('dates in an English-speaking Chromium', () => {
  it('shows the competition dates day first: 07/09/2026 for 7 September 2026', async () => {
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await page.getByRole('button', { name: 'Buka lomba demo' }).click();
    await page.getByRole('tab', { name: /^Identitas/ }).click();
    const start = page.getByLabel('Mulai penilaian');
    await expect.poll(() => start.inputValue()).toBe('07/09/2026');
    expect(await page.getByLabel('Selesai penilaian').inputValue()).toBe('18/09/2026');
    expect(await page.getByLabel('Rapat pleno').inputValue()).toBe('21/09/2026');
    expect(await page.getByText('Senin, 7 September 2026').count()).toBe(1);
    expect(await page.getByText('Senin, 21 September 2026').count()).toBe(1);
    // The tab strip at the top of the window, the dates below it: what the officer sees on a 1366×768 laptop.
    await page.getByRole('tab', { name: /^Identitas/ }).evaluate((tab) => tab.scrollIntoView({ block: 'start' }));
    await shot(page, '7-load-identitas-tanggal', false);
    await expectAccessible(page, 'identitas-tanggal');
  });

  it('refuses 31/02/2026 in words and keeps the saved date', async () => {
    const start = page.getByLabel('Mulai penilaian');
    await start.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('31022026');
    expect(await start.inputValue()).toBe('31/02/2026');
    await page.getByText('Tanggal tidak valid: 31/02/2026').waitFor();
    expect(await start.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Senin, 7 September 2026').count()).toBe(0);
    await shot(page, '7-load-identitas-tanggal-salah', false);
    expect((await saved()).info.dates?.start).toBe('2026-09-07');

    // An unfinished date is pointed out once the officer leaves the field.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('8/9');
    await page.keyboard.press('Tab');
    await page.getByText('Tanggal belum lengkap: 8/9. Tulis hari/bulan/tahun, misalnya 07/09/2026.').waitFor();
  });

  it('takes 8/9/2026 typed with the keyboard, names the day, and saves it as 2026-09-08', async () => {
    const start = page.getByLabel('Mulai penilaian');
    await start.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('8/9/2026');
    await page.getByText('Selasa, 8 September 2026').waitFor();
    expect(await page.getByText(/Tanggal (tidak valid|belum lengkap)/).count()).toBe(0);
    await page.keyboard.press('Tab');
    expect(await start.inputValue()).toBe('08/09/2026');
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    await expect.poll(async () => (await saved()).info.dates?.start).toBe('2026-09-08');
    expect((await saved()).info.dates).toEqual({ start: '2026-09-08', end: '2026-09-18', plenary: '2026-09-21' });

    await page.reload();
    await page.getByRole('tab', { name: /^Identitas/ }).click();
    await expect.poll(() => page.getByLabel('Mulai penilaian').inputValue()).toBe('08/09/2026');
  });

  it('reads a visit date in the sites table day first too, and saves it as ISO', async () => {
    await page.getByRole('tab', { name: /^Lokus/ }).click();
    const visit = page.getByLabel('Tanggal kunjungan 1', { exact: true });
    await visit.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('10092026');
    expect(await visit.inputValue()).toBe('10/09/2026');
    await shot(page, '7-load-lokus-tanggal', false);
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    await expect.poll(async () => (await saved()).sites[0]!.visitDate).toBe('2026-09-10');
  });
});
