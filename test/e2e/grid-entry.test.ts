/**
 * Typing up paper sheets as the secretariat: one juror's scores in a grid with spreadsheet keys, then a blind
 * second pass whose mismatch is shown and corrected. Screenshots in test-results/e2e/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { openTestCore, tempDir } from '../support/core.js';
import { expectAccessible, openApp, SHOTS, type App } from '../support/e2e.js';

const CODE = 'KERTAS-2026';
const SECRETARIAT_PIN = '1357';
let page: Page;
let core: Core;
let app: App;
const temp = tempDir('penilai-e2e-grid-');

async function value(site: string, indicator: string): Promise<number | undefined> {
  const sheet = await core.call('scoring.sheet', { competition: CODE, juror: 'J2', site });
  if (!sheet.ok) throw new Error(sheet.error.key);
  return sheet.value.scores.find((s) => s.indicator === indicator)?.value;
}

beforeAll(async () => {
  core = openTestCore(join(temp.dir, 'kertas.sqlite'));
  const created = await core.call('setup.create', {
    competition: { code: CODE, name: 'Lomba Kampung KB Tingkat Provinsi 2026', year: 2026 },
    sites: [
      { code: 'S01', name: 'Desa Sukamaju' },
      { code: 'S02', name: 'Desa Mekarsari' },
    ],
    jurors: [
      { code: 'J1', name: 'Ketua Tim', role: 'ketua' },
      { code: 'J2', name: 'dr. Ratna Dewi Lestari, M.Kes.', role: 'anggota', aspects: ['D', 'F'] },
    ],
  });
  expect(created.ok).toBe(true);
  // The secretariat set its PIN in Lomba beforehand (test/e2e/laptop-lomba.test.ts does it there).
  expect((await core.call('session.setSecretariatPin', { competition: CODE, pin: SECRETARIAT_PIN })).ok).toBe(true);
  app = await openApp(core);
  page = app.page;
  await page.getByRole('button', { name: 'Buka Lomba Kampung KB Tingkat Provinsi 2026' }).click();
  await page.getByRole('button', { name: 'Penilaian', exact: true }).click();
  await page.getByRole('tab', { name: 'Ketik lembar kertas' }).click();
});

afterAll(async () => {
  await app?.close();
  core?.close();
  temp.cleanup();
});

describe('typing up paper sheets', () => {
  it('is the secretariat’s task: asks the secretariat PIN, refuses a wrong one, then shows the grid', async () => {
    await page.getByText('Mengetik lembar kertas adalah tugas sekretariat. Masukkan PIN sekretariat untuk melanjutkan.').waitFor();
    expect(await page.getByLabel('Juri').count()).toBe(0);
    await page.getByLabel('PIN sekretariat').fill('0000');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'PIN sekretariat salah.' }).waitFor();
    expect(await page.getByLabel('Juri').count()).toBe(0);
    await page.getByLabel('PIN sekretariat').fill(SECRETARIAT_PIN);
    await page.keyboard.press('Enter');
    await page.getByText('Sekretariat sedang mengetik lembar kertas; nilai dicatat atas nama sekretariat.').waitFor();
    await page.getByLabel('Juri').waitFor();
  });

  it('saves typed values cell by cell with spreadsheet keys, refusing one off the scale', async () => {
    await page.getByLabel('Juri').selectOption('J2');
    const first = page.getByLabel('S01 D1', { exact: true });
    await first.waitFor();
    // J2 scores aspects D and F only: nine indicators a site.
    expect(await page.locator('table.grid-entry thead th').count()).toBe(1 + 9);
    await first.click();
    await page.keyboard.type('4');
    await page.keyboard.press('ArrowRight'); // the caret is at the end: on to D2
    await page.keyboard.type('3');
    await page.keyboard.press('Enter'); // down to S02 D2
    await page.keyboard.type('7'); // off the 1–5 scale
    await page.keyboard.press('ArrowLeft'); // caret at the end: stays in the cell
    await page.keyboard.press('Tab');
    await page.getByText('Ada sel bertanda merah').waitFor();
    await expect.poll(() => value('S01', 'D1')).toBe(4);
    await expect.poll(() => value('S01', 'D2')).toBe(3);
    expect(await value('S02', 'D2')).toBeUndefined();
    await page.getByLabel('S02 D2', { exact: true }).fill('2');
    await page.getByLabel('S02 D2', { exact: true }).press('Enter');
    await expect.poll(() => value('S02', 'D2')).toBe(2);
    const history = await core.call('scoring.history', { competition: CODE, juror: 'J2' });
    expect(history.ok && history.value.map((h) => [h.site, h.indicator, h.newValue, h.actor])).toEqual([
      ['S01', 'D1', 4, 'sekretariat'],
      ['S01', 'D2', 3, 'sekretariat'],
      ['S02', 'D2', 2, 'sekretariat'],
    ]);
    await page.screenshot({ path: join(SHOTS, '30-ketik-lembar.png') });
    await expectAccessible(page, 'ketik-lembar');
  });

  it('shows a mismatch of the blind second pass and corrects it', async () => {
    await page.getByLabel('Entri ganda (pemeriksaan kedua)').check();
    expect(await page.getByLabel('S01 D1', { exact: true }).inputValue()).toBe(''); // blind: the first pass is hidden
    await page.getByLabel('S01 D1', { exact: true }).fill('4');
    await page.getByLabel('S01 D1', { exact: true }).press('Tab');
    await page.getByLabel('S01 D2', { exact: true }).fill('5');
    await page.getByLabel('S01 D2', { exact: true }).press('Tab');
    await page.getByText('1 nilai berbeda dari isian pertama').waitFor();
    await page.getByText(/S01 Desa Sukamaju · D2: isian pertama 3, isian kedua 5/).waitFor();
    await page.screenshot({ path: join(SHOTS, '31-entri-ganda.png') });
    await page.getByRole('button', { name: 'Pakai isian kedua' }).click();
    await expect.poll(() => value('S01', 'D2')).toBe(5);
    const history = await core.call('scoring.history', { competition: CODE, juror: 'J2', site: 'S01', indicator: 'D2' });
    expect(history.ok && history.value.map((h) => [h.oldValue, h.newValue, h.actor])).toEqual([
      [null, 3, 'sekretariat'],
      [3, 5, 'sekretariat'],
    ]);
  });
});
