/**
 * The juror's sheet in Chromium for the e2e tests of test/e2e/sheet-*.test.ts: a competition on the default P2WKSS
 * instrument (28 indicators, seven household checklists), jurors without a PIN, the app opened, the juror chosen
 * and a site's sheet open.
 */
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import type { ScoreSheet } from '../../shared/contract/schemas.js';
import { openTestCore, tempDir } from './core.js';
import { openApp, type App } from './e2e.js';

export const SHEET_CODE = 'SHEET-2026';
export const SHEET_NAME = 'Lomba P2WKSS Tingkat Provinsi Jawa Barat Tahun 2026';
export const JUROR_NAME = 'Dr. Hj. Siti Aminah, M.Si.';

export interface SheetFixture {
  core: Core;
  app: App;
  page: Page;
  /** The sheet of J1 at a site, as the core holds it. */
  sheet(site?: string): Promise<ScoreSheet>;
  close(): Promise<void>;
}

export async function openSheetFixture(prefix: string, options: { clock?: () => Date } = {}): Promise<SheetFixture> {
  const temp = tempDir(`penilai-e2e-${prefix}-`);
  const core = openTestCore(join(temp.dir, `${prefix}.sqlite`), options.clock);
  const created = await core.call('setup.create', {
    competition: { code: SHEET_CODE, name: SHEET_NAME, year: 2026 },
    sites: [
      { code: 'S01', name: 'Desa Sukamaju', regency: 'Kabupaten Garut' },
      { code: 'S02', name: 'Desa Mekarsari', regency: 'Kabupaten Bandung' },
      { code: 'S03', name: 'Desa Cibodas', regency: 'Kabupaten Bogor' },
    ],
    jurors: [{ code: 'J1', name: JUROR_NAME, role: 'ketua' }],
  });
  expect(created.ok).toBe(true);
  const app = await openApp(core);
  const fixture: SheetFixture = {
    core,
    app,
    page: app.page,
    sheet: async (site = 'S01') => {
      const result = await core.call('scoring.sheet', { competition: SHEET_CODE, juror: 'J1', site });
      if (!result.ok) throw new Error(result.error.key);
      return result.value;
    },
    close: async () => {
      await app.close();
      core.close();
      temp.cleanup();
    },
  };
  await goToSheet(app.page, 'Desa Sukamaju');
  return fixture;
}

/**
 * From wherever the app is (a fresh load, another tab) to a site's sheet, as the juror clicks: open the competition
 * if it is not open, the Penilaian tab, "who are you" if asked, then the site.
 */
export async function goToSheet(page: Page, site: string): Promise<void> {
  const open = page.getByRole('button', { name: `Buka ${SHEET_NAME}` });
  const tab = page.getByRole('button', { name: 'Penilaian', exact: true });
  await open.or(tab).first().waitFor();
  if ((await page.getByText('Sedang dibuka').count()) === 0 && (await open.count()) > 0) {
    await open.click();
    await page.getByText('Sedang dibuka').waitFor();
  }
  await tab.click();
  const who = page.getByRole('button', { name: new RegExp(JUROR_NAME.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  const siteButton = page.getByRole('button', { name: new RegExp(site) });
  await who.or(siteButton).first().waitFor();
  if ((await siteButton.count()) === 0) await who.click();
  await siteButton.click();
  await page.locator('li.indicator').first().waitFor();
}

export function row(page: Page, indicator: string) {
  return page.locator(`li[data-indicator="${indicator}"]`);
}

/**
 * No serious or critical axe-core violation in one part of the sheet (a dialog, the head, one indicator): the whole
 * sheet (28 indicators, seven checklists of ten families) takes axe most of a minute on a shared machine.
 */
export async function expectPartAccessible(page: Page, selector: string, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}
