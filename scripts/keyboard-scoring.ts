/**
 * Scoring a whole site as a juror does with the keyboard alone, counting every key pressed: on a level radio group
 * a digit chooses and Enter moves on; on a number field the value is typed and Enter saves and moves on; on a
 * household checklist (at the default number of families visited) B answers "Ya" for the focused item in every
 * family and moves to the next item, and after the last item on to the next indicator. Used by the e2e tests and
 * by `npm run bench` (the number of key presses for the default P2WKSS sheet).
 */
import type { Page } from 'playwright-core';

/** The code of the indicator that holds the keyboard focus. */
export function focusedIndicator(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.closest('li[data-indicator]')?.getAttribute('data-indicator') ?? null);
}

/** What kind of control holds the focus: a level, a number field, a checklist cell, or something else. */
function focusedKind(page: Page): Promise<'radio' | 'number' | 'cell' | 'other'> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return 'other';
    if (el.getAttribute('role') === 'radio') return 'radio';
    if (el.closest('.number-entry') && el.tagName === 'INPUT') return 'number';
    if (el.classList.contains('yesno')) return 'cell';
    return 'other';
  });
}

/**
 * Scores every indicator of the open sheet from the keyboard focus on (the sheet puts it on the first unscored
 * indicator) until the progress reads `total` of `total`; returns the number of key presses it took.
 */
export async function scoreSiteWithKeyboard(page: Page, total: number): Promise<number> {
  let presses = 0;
  const press = async (key: string) => {
    presses += 1;
    await page.keyboard.press(key);
  };
  const done = page.getByText(`${total} dari ${total} indikator dinilai`);
  for (let step = 0; step < total * 2 && (await done.count()) === 0; step += 1) {
    const code = await focusedIndicator(page);
    if (!code) throw new Error(`the keyboard focus left the indicators after step ${step} (${presses} key presses)`);
    const row = page.locator(`li[data-indicator="${code}"]`);
    const saved = row.locator('.indicator-input .save-state.saved');
    const kind = await focusedKind(page);
    if (kind === 'radio') {
      await press(String(3 + (step % 3))); // a level: 3, 4 or 5
      await saved.waitFor();
      await press('Enter');
    } else if (kind === 'cell') {
      const items = await row.locator('.household-table thead th .household-item').count();
      for (let i = 0; i < items; i += 1) await press('b'); // "Ya" for this item in every family, then the next item
      await row.locator('.household-result.complete').waitFor();
      await saved.waitFor();
    } else if (kind === 'number') {
      for (const digit of '80') await press(digit);
      await press('Enter'); // saves and moves on
      await saved.waitFor();
    } else {
      throw new Error(`the keyboard focus is on no control of ${code} after ${presses} key presses`);
    }
  }
  await done.first().waitFor();
  return presses;
}
