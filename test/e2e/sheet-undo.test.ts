/**
 * Undo redraws whatever it restores on the screen the juror is looking at (a score, a note, a checklist, a photo),
 * and a toast says what was undone, in Chromium.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/core.js';
import { shot } from '../support/e2e.js';
import { openSheetFixture, row, type SheetFixture } from '../support/sheet.js';

let fx: SheetFixture;
let page: Page;
const temp = tempDir('penilai-e2e-sheet-undo-');

/** A real 2×2 PNG. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  fx = await openSheetFixture('sheet-undo');
  page = fx.page;
});

afterAll(async () => {
  await fx?.close();
  temp.cleanup();
});

const undoButton = () => page.getByRole('button', { name: 'Urungkan', exact: true });
const toast = () => page.locator('.toast');

describe('undo on the sheet', () => {
  it('takes back a score: the level is no longer chosen, and the toast names it', async () => {
    const a1 = row(page, 'A1');
    await a1.getByRole('radio').nth(3).click();
    await a1.locator('.save-state.saved').waitFor();
    await undoButton().click();
    await toast().filter({ hasText: 'Diurungkan: nilai A1' }).waitFor();
    await a1.locator('.save-state.empty').waitFor();
    expect(await a1.locator('[role=radio][aria-checked=true]').count()).toBe(0);
    expect((await fx.sheet()).scores).toEqual([]);
  });

  it('takes back a note: the field shows the note as it was before', async () => {
    const field = page.getByLabel('Catatan penilai A2', { exact: true });
    await field.fill('Posyandu aktif');
    await field.blur();
    await row(page, 'A2').locator('.note-state.saved').waitFor();
    await field.fill('Posyandu aktif, register lengkap');
    await field.blur();
    await expect.poll(async () => (await fx.sheet()).notes).toEqual([{ indicator: 'A2', note: 'Posyandu aktif, register lengkap' }]);
    await row(page, 'A2').locator('.note-state.saved').waitFor();
    await undoButton().click();
    await toast().filter({ hasText: 'Diurungkan: catatan A2' }).waitFor();
    await expect.poll(() => field.inputValue()).toBe('Posyandu aktif');
    expect((await fx.sheet()).notes).toEqual([{ indicator: 'A2', note: 'Posyandu aktif' }]);
  });

  it('takes back a checklist answer: the cell is no longer ticked', async () => {
    const c2 = row(page, 'C2');
    const cell = c2.getByRole('group', { name: /^KK 1: / }).first();
    await cell.getByRole('button', { name: 'Ya' }).click();
    await expect.poll(() => cell.getByRole('button', { name: 'Ya' }).getAttribute('aria-pressed')).toBe('true');
    await c2.locator('.save-state.saved').waitFor();
    await undoButton().click();
    await toast().filter({ hasText: 'Diurungkan: daftar periksa C2' }).waitFor();
    await expect.poll(() => cell.getByRole('button', { name: 'Ya' }).getAttribute('aria-pressed')).toBe('false');
    expect((await fx.sheet()).household).toEqual([]);
    expect(await c2.locator('.household-result').textContent()).toMatch(/^Ya 0 dari 0/);
  });

  it('takes back a photo: its thumbnail goes away', async () => {
    const file = join(temp.dir, 'register-posyandu.png');
    writeFileSync(file, PHOTO);
    await page.getByLabel('Tambah foto A1', { exact: true }).setInputFiles(file);
    await row(page, 'A1').locator('.thumb img').waitFor();
    await undoButton().click();
    await toast().filter({ hasText: 'Diurungkan: foto A1' }).waitFor();
    await expect.poll(() => row(page, 'A1').locator('.thumb').count()).toBe(0);
    expect((await fx.sheet()).evidence).toEqual([]);
    await shot(page, '7-sheet-urungkan-foto', false);
    // The photo's removal by undo is on record, and the database still verifies.
    const history = await fx.core.call('scoring.history', { competition: 'SHEET-2026', juror: 'J1', site: 'S01', indicator: 'A1' });
    expect(history.ok && history.value.filter((e) => e.kind === 'evidence').map((e) => [e.oldText !== null, e.newText !== null])).toEqual([
      [false, true],
      [true, false],
    ]);
  });

  it('with Ctrl+Z from the keyboard, takes back the next change further back, and redraws it (the note again)', async () => {
    await page.locator('.sheet-head h2').click(); // the keyboard is not in a text field
    await page.keyboard.press('Control+z');
    await toast().filter({ hasText: 'Diurungkan: catatan A2' }).waitFor();
    await expect.poll(() => page.getByLabel('Catatan penilai A2', { exact: true }).inputValue()).toBe('');
    expect((await fx.sheet()).notes).toEqual([]);
  });
});
