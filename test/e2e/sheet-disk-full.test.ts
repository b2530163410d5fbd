/**
 * A full disk while the juror scores, in Chromium (issue 12): the refused score is explained next to its indicator
 * in the juror's words ("Disk penuh …"), the value is kept and named, nothing is stored; once space is freed,
 * "Simpan lagi" saves it; a photo likewise. The disk is made full by `PRAGMA max_page_count` on the core's connection.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot } from '../support/e2e.js';
import { expectPartAccessible, openSheetFixture, row, SHEET_CODE, type SheetFixture } from '../support/sheet.js';

let fx: SheetFixture;
let page: Page;

beforeAll(async () => {
  fx = await openSheetFixture('sheet-disk-full');
  page = fx.page;
});

afterAll(async () => {
  await fx?.close();
});

/** The database may grow no more: scores typed at another site through the core until one is refused. */
async function fillDisk(): Promise<void> {
  fx.core.db.pragma(`max_page_count = ${String(fx.core.db.pragma('page_count', { simple: true }))}`);
  const indicators = (await fx.sheet('S02')).eligible;
  let refusedKey: string | null = null;
  for (let n = 0; n < 2000 && refusedKey === null; n += 1) {
    const result = await fx.core.call('scoring.setScore', {
      competition: SHEET_CODE,
      juror: 'J1',
      site: 'S02',
      indicator: indicators[n % indicators.length]!,
      value: 1 + (n % 3),
    });
    if (!result.ok) refusedKey = result.error.key;
  }
  expect(refusedKey).toBe('disk.full');
}
const freeDisk = () => fx.core.db.pragma('max_page_count = 4294967294');

const PHOTO_FILE = fileURLToPath(new URL('../fixtures/photos/photo-4x4.jpg', import.meta.url));
const scoreOf = async (indicator: string) => (await fx.sheet()).scores.find((s) => s.indicator === indicator)?.value;

describe('a full disk on the scoring screen', () => {
  it('says "Disk penuh" next to the indicator, keeps the value, and saves it again once space is freed', async () => {
    await fillDisk();

    const a1 = row(page, 'A1');
    await a1.getByRole('radio').nth(2).click();
    const alert = a1.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain(
      'Disk penuh: perubahan ini belum tersimpan. Semua yang sudah tersimpan sebelumnya tetap aman. Kosongkan ruang di disk (hapus atau pindahkan berkas lain), lalu simpan lagi.',
    );
    expect(await alert.innerText()).toContain('Nilai 3 belum tersimpan dan tetap di layar.');
    expect(await alert.innerText()).not.toContain('kesalahan internal');
    expect(await scoreOf('A1')).toBeUndefined();
    await shot(page, '7-sheet-disk-penuh', false);
    await expectPartAccessible(page, 'li[data-indicator="A1"]', 'disk penuh');

    // Space freed: one click saves the kept value.
    freeDisk();
    await alert.getByRole('button', { name: 'Simpan lagi' }).click();
    await expect.poll(() => scoreOf('A1')).toBe(3);
    await alert.waitFor({ state: 'detached' });
    expect(await a1.getByRole('radio', { checked: true }).innerText()).toContain('3');
  });

  it('says "Disk penuh" for a photo, keeps it ready, and saves it with "Simpan lagi" once space is freed', async () => {
    await fillDisk();
    const a2 = row(page, 'A2');
    await page.getByLabel('Tambah foto A2', { exact: true }).setInputFiles(PHOTO_FILE);
    const alert = a2.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Disk penuh: perubahan ini belum tersimpan.');
    expect(await alert.innerText()).toContain('Foto photo-4x4.jpg belum tersimpan dan tetap disiapkan.');
    expect((await fx.sheet()).evidence).toEqual([]);

    freeDisk();
    await alert.getByRole('button', { name: 'Simpan lagi' }).click();
    await a2.locator('.thumb img').waitFor();
    await alert.waitFor({ state: 'detached' });
    expect((await fx.sheet()).evidence.map((e) => [e.indicator, e.name])).toEqual([['A2', 'photo-4x4.jpg']]);
  });
});
