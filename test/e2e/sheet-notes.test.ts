/**
 * Notes are saved like scores, in Chromium: a note written before any score is kept; a note typed and followed at
 * once by a reload, a tab close or another top tab is there afterwards; "Tersimpan" shows only once the core has
 * answered, and the writes reach the core in the order they were made.
 */
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot } from '../support/e2e.js';
import { goToSheet, openSheetFixture, row, type SheetFixture } from '../support/sheet.js';

let fx: SheetFixture;
let page: Page;

beforeAll(async () => {
  fx = await openSheetFixture('sheet-notes');
  page = fx.page;
});

afterAll(async () => {
  await fx?.close();
});

const noteOf = async (indicator: string, site = 'S01') => (await fx.sheet(site)).notes.find((n) => n.indicator === indicator)?.note;

describe('notes on the sheet', () => {
  it('keeps a note written before any score, typed and followed at once by a reload', async () => {
    const note = page.getByLabel('Catatan penilai A2', { exact: true });
    await note.click();
    await page.keyboard.type('Posyandu aktif, register lengkap');
    await page.reload();
    await expect.poll(() => noteOf('A2')).toBe('Posyandu aktif, register lengkap');
    expect((await fx.sheet()).scores.find((s) => s.indicator === 'A2')).toBeUndefined(); // no score needed
    await goToSheet(page, 'Desa Sukamaju');
    expect(await page.getByLabel('Catatan penilai A2', { exact: true }).inputValue()).toBe('Posyandu aktif, register lengkap');
  });

  it('keeps a note typed just before the tab is closed', async () => {
    await page.getByLabel('Catatan penilai A3', { exact: true }).click();
    await page.keyboard.type('Notulen rapat ada');
    const context = page.context();
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => noteOf('A3')).toBe('Notulen rapat ada');
    page = await context.newPage();
    await page.goto(fx.app.bridge.url);
    await goToSheet(page, 'Desa Sukamaju');
    expect(await page.getByLabel('Catatan penilai A3', { exact: true }).inputValue()).toBe('Notulen rapat ada');
  });

  it('keeps a note typed just before another top tab (Rekap) is clicked', async () => {
    await page.getByLabel('Catatan penilai A4', { exact: true }).click();
    await page.keyboard.type('Kader 12 orang');
    await page.getByRole('button', { name: 'Rekap', exact: true }).click();
    await expect.poll(() => noteOf('A4')).toBe('Kader 12 orang');
    await goToSheet(page, 'Desa Sukamaju');
    expect(await page.getByLabel('Catatan penilai A4', { exact: true }).inputValue()).toBe('Kader 12 orang');
  });

  it('shows "Tersimpan" only once the core has answered, and sends the changes in order', async () => {
    const held: Route[] = [];
    let hold = true;
    await page.route('**/api/scoring.setNote', (route) => {
      if (hold) held.push(route);
      else void route.continue();
    });
    const field = page.getByLabel('Catatan penilai A5', { exact: true });
    const state = row(page, 'A5').locator('.note-state');
    await field.click();
    await page.keyboard.type('Satu');
    await page.keyboard.press('Tab'); // leaving the field sends it
    await expect.poll(() => held.length).toBe(1);
    expect(await state.textContent()).toBe('Menyimpan…');
    await field.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' dua');
    await page.keyboard.press('Tab');
    // The second write waits for the first: it is not even sent yet.
    expect(held.length).toBe(1);
    expect(await state.textContent()).toBe('Menyimpan…');
    await shot(page, '7-sheet-catatan-menyimpan', false);
    hold = false;
    await held[0]!.continue();
    await state.filter({ hasText: 'Tersimpan' }).waitFor();
    expect(await noteOf('A5')).toBe('Satu dua');
    const history = await fx.core.call('scoring.history', { competition: 'SHEET-2026', juror: 'J1', site: 'S01', indicator: 'A5' });
    expect(history.ok && history.value.map((e) => [e.kind, e.oldText, e.newText])).toEqual([
      ['note', null, 'Satu'],
      ['note', 'Satu', 'Satu dua'],
    ]);
    expect(await field.inputValue()).toBe('Satu dua');
  });
});
