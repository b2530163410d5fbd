/**
 * The sheet from the keyboard, in Chromium: the whole default P2WKSS sheet (28 indicators, its seven household
 * checklists at the default ten families) in at most 120 key presses; Enter moves on from a number field and from a
 * note; the focus stays visible after a mouse click; the head (progress, Urungkan, Tinjau & finalkan) stays in view
 * while scrolling at 1366×768; on a reopened sheet a change without a reason is explained next to the indicator,
 * with the reason field right there, and applied once the reason is given.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listIndicators } from '../../shared/domain/instrument.js';
import { shot } from '../support/e2e.js';
import { focusedIndicator, scoreSiteWithKeyboard } from '../../scripts/keyboard-scoring.js';
import { expectPartAccessible, goToSheet, openSheetFixture, row, SHEET_CODE, type SheetFixture } from '../support/sheet.js';

let fx: SheetFixture;
let page: Page;

beforeAll(async () => {
  fx = await openSheetFixture('sheet-keyboard');
  page = fx.page;
});

afterAll(async () => {
  await fx?.close();
});

describe('the whole sheet from the keyboard', () => {
  it('scores the default P2WKSS sheet in at most 120 key presses', async () => {
    expect(await focusedIndicator(page)).toBe('A1');
    const presses = await scoreSiteWithKeyboard(page, 28);
    console.log(`key presses for the whole default P2WKSS sheet (28 indicators, 7 checklists × 10 families): ${presses}`);
    expect(presses).toBeLessThanOrEqual(120);
    const sheet = await fx.sheet();
    expect(sheet.scores).toHaveLength(28);
    expect(sheet.household.map((h) => [h.indicator, h.answers.length, h.answers.flat().every((a) => a === true)])).toEqual([
      ['C2', 10, true],
      ['D4', 10, true],
      ['D5', 10, true],
      ['E3', 10, true],
      ['F1', 10, true],
      ['F2', 10, true],
      ['G1', 10, true],
    ]);
  });
});

describe('Enter, focus and the head', () => {
  it('Enter in a number field saves and moves to the next indicator', async () => {
    await goToSheet(page, 'Desa Mekarsari');
    const field = row(page, 'C1').locator('.number-entry input');
    await field.click();
    await page.keyboard.type('75');
    await page.keyboard.press('Enter');
    expect(await focusedIndicator(page)).toBe('C2');
    await expect.poll(async () => (await fx.sheet('S02')).scores.find((s) => s.indicator === 'C1')?.value).toBe(75);
  });

  it('Enter in a note saves it and moves on (Shift+Enter starts a new line)', async () => {
    const note = page.getByLabel('Catatan penilai A1', { exact: true });
    await note.click();
    await page.keyboard.type('SK desa ada');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('SK kecamatan belum');
    await page.keyboard.press('Enter');
    expect(await focusedIndicator(page)).toBe('A2');
    await expect.poll(async () => (await fx.sheet('S02')).notes).toEqual([{ indicator: 'A1', note: 'SK desa ada\nSK kecamatan belum' }]);
  });

  it('shows the focus after a mouse click on a level', async () => {
    await row(page, 'A3').getByRole('radio').nth(2).click();
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { style: style.outlineStyle, width: style.outlineWidth, role: document.activeElement!.getAttribute('role') };
    });
    expect(outline).toEqual({ style: 'solid', width: '3px', role: 'radio' });
  });

  it('keeps the head in view while scrolling at 1366×768', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await row(page, 'D3').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1500);
    for (const name of ['Urungkan', 'Tinjau & finalkan']) {
      const box = (await page.getByRole('button', { name, exact: true }).boundingBox())!;
      expect(box.y, name).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, name).toBeLessThanOrEqual(768);
    }
    const progress = (await page.locator('.sheet-head .progress-pill').boundingBox())!;
    expect(progress.y).toBeGreaterThanOrEqual(0);
    await shot(page, '7-sheet-kepala-tetap', false);
    await expectPartAccessible(page, '.sheet-head', 'sheet-head');
  });
});

describe('a reopened sheet', () => {
  it('asks for the reason next to the indicator, and applies the change once it is given', async () => {
    // S03 scored in full and finalised by the core, then reopened.
    const detail = await fx.core.call('setup.get', { code: SHEET_CODE });
    if (!detail.ok) throw new Error(detail.error.key);
    const refs = listIndicators(detail.value.instrument);
    fx.core.deps.repos.scoring.insertScores(
      SHEET_CODE,
      refs.map((r) => ({ site: 'S03', juror: 'J1', indicator: r.indicator.code, value: 'min' in r.scale && r.scale.max > 5 ? 80 : 3 })),
      true,
    );
    // Reopening J1's sheet from outside J1's session is the secretariat's (its PIN set and its session opened here).
    expect((await fx.core.call('session.setSecretariatPin', { competition: SHEET_CODE, pin: '7391' })).ok).toBe(true);
    expect((await fx.core.call('session.enterSecretariat', { competition: SHEET_CODE, pin: '7391' })).ok).toBe(true);
    const reopened = await fx.core.call('scoring.reopen', {
      competition: SHEET_CODE,
      juror: 'J1',
      site: 'S03',
      reason: 'Koreksi nilai setelah rapat pleno',
    });
    expect(reopened.ok).toBe(true);
    await goToSheet(page, 'Desa Cibodas');
    await page.getByText(/dibuka kembali oleh/).waitFor();

    const a4 = row(page, 'A4');
    await a4.getByRole('radio').nth(4).click(); // 3 → 5, without a reason
    const refusal = a4.getByRole('alert');
    await refusal.getByText('Alasan perubahan wajib diisi').waitFor();
    const reason = a4.getByLabel('Alasan perubahan A4');
    await expect.poll(() => reason.evaluate((el) => el === document.activeElement)).toBe(true);
    // Next to the indicator, on screen; not in the banner at the top.
    const box = (await reason.boundingBox())!;
    expect(box.y).toBeGreaterThan(0);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    expect(await page.locator('.notice-error').count()).toBe(0);
    await shot(page, '7-sheet-alasan-di-indikator', false);
    await expectPartAccessible(page, 'li[data-indicator="A4"]', 'sheet-reason');
    expect((await fx.sheet('S03')).scores.find((s) => s.indicator === 'A4')?.value).toBe(3);

    await page.keyboard.type('Salah pilih saat kunjungan');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await fx.sheet('S03')).scores.find((s) => s.indicator === 'A4')?.value).toBe(5);
    await expect.poll(() => refusal.count()).toBe(0);
    const history = await fx.core.call('scoring.history', { competition: SHEET_CODE, juror: 'J1', site: 'S03', indicator: 'A4' });
    expect(history.ok && history.value.at(-1)).toMatchObject({
      kind: 'score',
      oldValue: 3,
      newValue: 5,
      reason: 'Salah pilih saat kunjungan',
    });
  });

  it('asks for the reason for a checklist change too', async () => {
    const c2 = row(page, 'C2');
    await c2.getByRole('button', { name: 'Ya untuk semua butir KK 1', exact: true }).click();
    await c2.getByRole('alert').getByText('Alasan perubahan wajib diisi').waitFor();
    await page.keyboard.type('Kunjungan ulang KK 1');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await fx.sheet('S03')).household.find((h) => h.indicator === 'C2')?.answers[0]).toEqual([true, true]);
  });
});
