/**
 * Rekap at the plenary meeting (issue 10, points 1, 2 and the aspect chart), in Chromium over the HTTP bridge: the
 * demo with ties (test/support/ties.ts: S02 and S03 tied on every key, S05 equal in total and placed below them by
 * phase LAP; at S02, J3's 1 on A1 an outlier). Both tied sites say Seri and the tie-break is explained; a site opens
 * by keyboard down to a juror's score and back, the address keeps the level across a reload, the mouse and the
 * breadcrumb do the same; the aspect chart under the table; in Indonesian and English; axe-core on every level.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { openTestCore, tempDir } from '../support/core.js';
import { expectAccessible, openApp, shot, type App } from '../support/e2e.js';
import { demoWithTies, TIE_NOTE } from '../support/ties.js';

const NAME = 'Lomba P2WKSS Tingkat Provinsi Banten Tahun 2026 (Demo)';
let page: Page;
let core: Core;
let app: App;
const temp = tempDir();

/** The Penentu (decided by) cell of a site's row in the ranking. */
const decidedBy = (site: string) => page.locator(`tr[data-site="${site}"] td`).last();
const hash = () => page.evaluate(() => window.location.hash);
const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-row-open') ?? document.activeElement?.tagName ?? null);

beforeAll(async () => {
  core = openTestCore(join(temp.dir, 'penilai.sqlite'));
  await demoWithTies(core);
  app = await openApp(core);
  page = app.page;
  await page.getByRole('button', { name: `Buka ${NAME}` }).click();
  await page.getByRole('button', { name: 'Rekap', exact: true }).click();
  await page.getByRole('heading', { name: 'Rekapitulasi nilai', level: 1 }).waitFor();
});

afterAll(async () => {
  expect(app.outsideRequests).toEqual([]);
  await app?.close();
  core?.close();
  temp.cleanup();
});

describe('Rekap: ties explained, the drill-down, the aspect chart', () => {
  it('says Seri on both tied sites and which values placed S05 below them', async () => {
    await page.locator('tr[data-site="S05"]').waitFor();
    expect(await decidedBy('S02').textContent()).toBe('Seri');
    expect(await decidedBy('S03').textContent()).toBe('Seri');
    expect(await decidedBy('S05').textContent()).toBe('S03 di atas S05: nilai tahap LAP 20,02 > 18,42');
    expect(await page.locator('tr[data-site="S02"] td.rank').textContent()).toBe('4=');
    await shot(page, 'rekap-01-seri-dan-penentu');
    await expectAccessible(page, 'rekap');
  });

  it('draws the aspect points of the six leading sites, each bar read out with its value', async () => {
    const chart = page.locator('figure.chart');
    await chart.getByText('Nilai aspek 6 lokus teratas').waitFor();
    const bars = chart.locator('rect[role="img"]');
    expect(await bars.count()).toBe(6 * 8);
    const first = await bars.first().getAttribute('aria-label');
    expect(first).toMatch(/^S04 Desa Margaluyu, aspek A \(.+\): \d+,\d\d dari 15,00$/);
    expect(await chart.locator('.chart-legend li').allTextContents()).toEqual([
      'S04 Desa Margaluyu (1)',
      'S01 Desa Bugel (2)',
      'S06 Desa Mekarsari (3)',
      'S02 Desa Sukamaju (4=)',
      'S03 Desa Cibeber (4=)',
      'S05 Desa Sindangsari (6)',
    ]);
    await chart.scrollIntoViewIfNeeded();
    await shot(page, 'rekap-02-grafik-aspek', false);
    // As printed: the same chart, its colours and its figures.
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'rekap-02b-cetak');
    await page.emulateMedia({ media: 'screen' });
  });

  it('opens S02 by keyboard down to a juror’s score, with the outlier said in words, the note and the photo', async () => {
    await page.locator('[data-row-open="S02"]').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'S02 · Desa Sukamaju', level: 2 }).waitFor();
    expect(await hash()).toBe('#/rekap/S02');
    await page.getByText('Peringkat 4= · total 54,82 dari 100').waitFor();
    await shot(page, 'rekap-03-lokus-per-aspek');
    await expectAccessible(page, 'rincian lokus');

    // Down to aspect A: Down arrow moves between the rows, Enter opens.
    await page.locator('[data-row-open="A"]').focus();
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('B');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Aspek A · /, level: 2 }).waitFor();
    expect(await hash()).toBe('#/rekap/S02/A');
    await page.getByText('⚠ 1 pencilan').waitFor();
    await shot(page, 'rekap-04-aspek-indikator');
    await expectAccessible(page, 'rincian aspek');

    await page.locator('[data-row-open="A1"]').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^A1 · /, level: 2 }).waitFor();
    expect(await hash()).toBe('#/rekap/S02/A/A1');
    const rows = page.locator('table.jurors tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(0).locator('td').nth(0).textContent()).toBe('4');
    expect(await rows.nth(0).locator('td').nth(1).textContent()).toBe('Baik');
    expect(await rows.nth(0).locator('td').nth(4).textContent()).toBe(TIE_NOTE);
    await rows.nth(0).getByRole('button', { name: 'Foto register.jpg dari J1' }).locator('img').waitFor();
    expect(await rows.nth(2).locator('td').nth(0).textContent()).toBe('1');
    expect(await rows.nth(2).locator('td').nth(3).textContent()).toBe('⚠ Pencilan: berbeda 3 dari median juri lain (4)');
    expect(await rows.nth(1).locator('td').nth(3).textContent()).toBe('sejalan');
    await page.getByText('Selisih antarjuri (tertinggi − terendah): 3 pada skor, 0,60 ternormalisasi.').waitFor();
    await shot(page, 'rekap-05-indikator-juri');
    await expectAccessible(page, 'rincian indikator');
  });

  it('a reload lands on the same level', async () => {
    await page.reload();
    await page.getByRole('heading', { name: /^A1 · /, level: 2 }).waitFor();
    expect(await hash()).toBe('#/rekap/S02/A/A1');
    await page.getByRole('navigation', { name: 'Letak rincian' }).getByText('A1', { exact: true }).waitFor();
  });

  it('goes back up by keyboard, the focus on the row it came from', async () => {
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: /^Aspek A · /, level: 2 }).waitFor();
    expect(await hash()).toBe('#/rekap/S02/A');
    await expect.poll(focused).toBe('A1');
    await page.keyboard.press('Backspace');
    await page.getByRole('heading', { name: 'S02 · Desa Sukamaju', level: 2 }).waitFor();
    await expect.poll(focused).toBe('A');
    await page.keyboard.press('Escape');
    await page.locator('tr[data-site="S05"]').waitFor();
    expect(await hash()).toBe('#/rekap');
    await expect.poll(focused).toBe('S02');
  });

  it('and by mouse: a click on a row opens it, the breadcrumb goes back', async () => {
    await page.locator('tr[data-site="S05"] td').nth(2).click();
    await page.getByRole('heading', { name: 'S05 · Desa Sindangsari', level: 2 }).waitFor();
    await page.getByText('S03 di atas S05: nilai tahap LAP 20,02 > 18,42').waitFor();
    await shot(page, 'rekap-08-lokus-penentu-seri', false);
    await page
      .locator('tr', { has: page.locator('[data-row-open="B"]') })
      .locator('td')
      .nth(1)
      .click();
    await page.getByRole('heading', { name: /^Aspek B · /, level: 2 }).waitFor();
    await page.getByRole('navigation', { name: 'Letak rincian' }).getByRole('button', { name: 'S05 Desa Sindangsari' }).click();
    await page.getByRole('heading', { name: 'S05 · Desa Sindangsari', level: 2 }).waitFor();
    await page.getByRole('navigation', { name: 'Letak rincian' }).getByRole('button', { name: 'Peringkat' }).click();
    await page.locator('tr[data-site="S05"]').waitFor();
    expect(await hash()).toBe('#/rekap');
  });

  it('in English: Tied on both, the tie-break in English, the drill-down in English', async () => {
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'Score recap', level: 1 }).waitFor();
    expect(await decidedBy('S02').textContent()).toBe('Tied');
    expect(await decidedBy('S03').textContent()).toBe('Tied');
    expect(await decidedBy('S05').textContent()).toBe('S03 above S05: phase LAP points 20.02 > 18.42');
    await shot(page, 'rekap-06-en-tied');
    await expectAccessible(page, 'rekap (en)');
    await page.locator('[data-row-open="S02"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-row-open="A"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-row-open="A1"]').focus();
    await page.keyboard.press('Enter');
    await page.getByText('⚠ Outlier: 3 from the other jurors’ median (4)').waitFor();
    await page.getByText('Spread between jurors (highest − lowest): 3 in score, 0.60 normalised.').waitFor();
    await shot(page, 'rekap-07-en-indicator-jurors');
    await expectAccessible(page, 'drill-down (en)');
    await page.getByRole('button', { name: 'ID', exact: true }).click();
  });

  it('leaving Rekap leaves the address, so a reload opens the screen left to, not the drill-down', async () => {
    // An address typed (or the browser's Back) moves the drill-down too.
    await page.evaluate(() => (window.location.hash = '#/rekap/S02'));
    await page.getByRole('heading', { name: 'S02 · Desa Sukamaju', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Lomba', exact: true }).click();
    expect(await hash()).toBe('');
    await page.reload();
    await page.getByRole('heading', { name: 'Lomba', level: 1 }).waitFor();
  });
});
