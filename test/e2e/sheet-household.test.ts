/**
 * Household checklists as the juror uses them on a visit, in Chromium: the number of families visited edited
 * freely and taken on Enter, lowering it asks first (naming the families that lose answers) and undo brings them
 * back; the family × item grid answered from the keyboard (Y/T, 1/0, arrows, K and B for "Ya untuk semua"), each
 * "Ya untuk semua" one undo step; letters typed into a note stay in the note.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot } from '../support/e2e.js';
import { expectPartAccessible, openSheetFixture, row, type SheetFixture } from '../support/sheet.js';

let fx: SheetFixture;
let page: Page;

beforeAll(async () => {
  fx = await openSheetFixture('sheet-household');
  page = fx.page;
});

afterAll(async () => {
  await fx?.close();
});

const answersOf = async (indicator: string) => (await fx.sheet()).household.find((h) => h.indicator === indicator)?.answers;
const cell = (indicator: string, family: number, item: number) => row(page, indicator).locator(`[data-cell="${family - 1}-${item - 1}"]`);
const familyRows = (indicator: string) => row(page, indicator).locator('.household-table tbody tr');

describe('the number of families visited', () => {
  it('is edited freely (empty while typing) and taken on Enter; lowering it asks first, naming the families with answers', async () => {
    const c2 = row(page, 'C2');
    await cell('C2', 9, 1).getByRole('button', { name: 'Ya' }).click();
    await cell('C2', 10, 2).getByRole('button', { name: 'Tidak' }).click();
    await expect.poll(() => answersOf('C2').then((a) => a?.[9])).toEqual([null, false]);
    const families = page.getByLabel('KK dikunjungi C2', { exact: true });
    await families.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    expect(await families.inputValue()).toBe(''); // empty while typing, nothing taken yet
    expect(await familyRows('C2').count()).toBe(10);
    await page.keyboard.type('8');
    expect(await familyRows('C2').count()).toBe(10);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Kurangi KK dikunjungi menjadi 8?' });
    await dialog.getByText('KK 9 dan 10 punya jawaban yang akan dihapus.').waitFor();
    await shot(page, '7-sheet-kurangi-kk', false);
    await expectPartAccessible(page, '[role=dialog]', 'sheet-kurangi-kk');
    await expectPartAccessible(page, 'li[data-indicator="C2"]', 'sheet-daftar-periksa');
    // Cancelled: nothing changes.
    await dialog.getByRole('button', { name: 'Batal' }).click();
    expect(await families.inputValue()).toBe('10');
    expect(await familyRows('C2').count()).toBe(10);
    expect((await answersOf('C2'))?.length).toBe(10);

    await families.fill('8');
    await families.blur(); // leaving the field takes it too
    await dialog.getByRole('button', { name: 'Hapus jawaban' }).click();
    await expect.poll(() => answersOf('C2').then((a) => a?.length)).toBe(8);
    expect(await familyRows('C2').count()).toBe(8);
    expect(await families.inputValue()).toBe('8');

    // Undo brings the families and their answers back, on screen too.
    await page.getByRole('button', { name: 'Urungkan', exact: true }).click();
    await page.locator('.toast').filter({ hasText: 'Diurungkan: daftar periksa C2' }).waitFor();
    await expect.poll(() => familyRows('C2').count()).toBe(10);
    expect(await families.inputValue()).toBe('10');
    expect((await answersOf('C2'))?.[8]).toEqual([true, null]);
    expect(await cell('C2', 9, 1).getByRole('button', { name: 'Ya' }).getAttribute('aria-pressed')).toBe('true');
    expect(await c2.locator('.household-result').textContent()).toMatch(/^Ya 1 dari 2/);
    // Enter in the field moves on to the first family's answers.
    await families.click();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'KK 1: ' + (await c2.locator('.household-item').first().textContent()),
    );
  });
});

describe('the checklist grid from the keyboard', () => {
  it('answers with Y/T and 1/0 and moves on; arrows move; K and B answer "Ya" for a family and for an item', async () => {
    const d5 = row(page, 'D5'); // 10 families × 2 items
    await cell('D5', 1, 1).focus();
    await page.keyboard.press('t'); // KK 1, item 1: Tidak → KK 1, item 2
    await page.keyboard.press('y'); // KK 1, item 2: Ya → KK 2, item 1
    await page.keyboard.press('1'); // KK 2, item 1: Ya → KK 2, item 2
    await page.keyboard.press('0'); // KK 2, item 2: Tidak → KK 3, item 1
    await expect
      .poll(() => answersOf('D5').then((a) => a?.slice(0, 3)))
      .toEqual([
        [false, true],
        [true, false],
        [null, null],
      ]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe('2-0');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe('2-1');
    await page.keyboard.press('k'); // "Ya untuk semua" for KK 3
    await expect.poll(() => answersOf('D5').then((a) => a?.[2])).toEqual([true, true]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe('3-0');
    await page.keyboard.press('b'); // "Ya untuk semua" for item 1 in every family
    await expect.poll(() => answersOf('D5').then((a) => a?.map((f) => f[0]))).toEqual(Array(10).fill(true));
    expect((await answersOf('D5'))?.map((f) => f[1])).toEqual([true, false, true, null, null, null, null, null, null, null]);
    await d5.locator('.save-state.saved').waitFor();
    await shot(page, '7-sheet-daftar-periksa-keyboard', false);

    // Each "Ya untuk semua" is one undo step.
    await page.keyboard.press('Control+z');
    await page.locator('.toast').filter({ hasText: 'Diurungkan: daftar periksa D5' }).waitFor();
    await expect
      .poll(() => answersOf('D5').then((a) => a?.map((f) => f[0])))
      .toEqual([false, true, true, null, null, null, null, null, null, null]);
    expect(await cell('D5', 4, 1).getByRole('button', { name: 'Ya' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('answers a whole family with the "Ya untuk semua" button of its row and an item with the one of its column', async () => {
    const d5 = row(page, 'D5');
    await d5.getByRole('button', { name: 'Ya untuk semua butir KK 5', exact: true }).click();
    await expect.poll(() => answersOf('D5').then((a) => a?.[4])).toEqual([true, true]);
    const item = (await d5.locator('.household-table thead th .household-item').nth(1).textContent())!;
    await d5.getByRole('button', { name: `Ya untuk semua KK: ${item}` }).click();
    await expect
      .poll(() => answersOf('D5').then((a) => a?.map((f) => f[1])))
      .toEqual([true, true, true, true, true, true, true, true, true, true]);
  });

  it('never types a shortcut letter into a text field, nor takes it as an answer there', async () => {
    const note = page.getByLabel('Catatan penilai D5', { exact: true });
    await note.click();
    await page.keyboard.type('Tidak ada yang menolak; Ya semua bersih. Nanti dicek lagi');
    expect(await note.inputValue()).toBe('Tidak ada yang menolak; Ya semua bersih. Nanti dicek lagi');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Catatan penilai D5');
    await note.blur();
    await expect
      .poll(async () => (await fx.sheet()).notes.find((n) => n.indicator === 'D5')?.note)
      .toBe('Tidak ada yang menolak; Ya semua bersih. Nanti dicek lagi');
    expect((await answersOf('D5'))?.[3]).toEqual([null, true]); // unchanged by the letters typed
  });
});
