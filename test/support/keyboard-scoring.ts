/**
 * Scoring a whole site as a juror does with the keyboard alone: on a level radio group a digit chooses and Enter
 * moves on; on a number field the value is typed and Enter saves, N moves on; on a household checklist the
 * number of visited families is typed and each item answered "Ya" with Tab and Space, then N moves on.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** The code of the indicator that holds the keyboard focus. */
export function focusedIndicator(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.closest('li[data-indicator]')?.getAttribute('data-indicator') ?? null);
}

export async function scoreSiteWithKeyboard(page: Page, total: number): Promise<void> {
  const done = page.getByText(`${total} dari ${total} indikator dinilai`);
  for (let step = 0; step < total * 2 && (await done.count()) === 0; step += 1) {
    const code = await focusedIndicator(page);
    if (!code) throw new Error(`the keyboard focus left the indicators after step ${step}`);
    const row = page.locator(`li[data-indicator="${code}"]`);
    const role = await page.evaluate(() => document.activeElement?.getAttribute('role') ?? '');
    if (role === 'radio') {
      await page.keyboard.press(String(3 + (step % 3))); // a level: 3, 4 or 5
      await row.getByText('Tersimpan').waitFor();
      await page.keyboard.press('Enter');
    } else if ((await row.locator('.household').count()) > 0) {
      await page.keyboard.press('Control+A');
      await page.keyboard.type('1');
      await expect.poll(() => row.locator('.household-table tbody tr').count()).toBe(1);
      const items = (await row.locator('.household-table thead th').count()) - 1;
      for (let i = 0; i < items; i += 1) {
        await page.keyboard.press('Tab'); // to "Ya"
        await page.keyboard.press('Space');
        await page.keyboard.press('Tab'); // past "Tidak"
      }
      await row.locator('.household-result.complete').waitFor();
      await row.getByText('Tersimpan').waitFor();
      await page.keyboard.press('n');
    } else {
      await page.keyboard.type('80');
      await page.keyboard.press('Enter');
      await row.getByText('Tersimpan').waitFor();
      await page.keyboard.press('n');
    }
  }
  await done.first().waitFor();
}
