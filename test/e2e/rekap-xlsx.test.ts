/**
 * "Unduh Excel" on the Rekap screen, clicked in Chromium over the HTTP bridge: the secretariat opens the demo,
 * goes to Rekap and downloads the workbook; the file is a real .xlsx with the four sheets and the ranking shown on
 * the screen. axe-core checks the screen with the button and its message.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { openTestCore, tempDir } from '../support/core.js';
import { expectAccessible, openApp, shot, type App } from '../support/e2e.js';

const temp = tempDir('penilai-e2e-xlsx-');
let core: Core;
let app: App;
let page: Page;

beforeAll(async () => {
  core = openTestCore(join(temp.dir, 'xlsx.sqlite'));
  app = await openApp(core, { acceptDownloads: true });
  page = app.page;
});

afterAll(async () => {
  expect(app.outsideRequests).toEqual([]);
  await app?.close();
  core?.close();
  temp.cleanup();
});

describe('the workbook from the Rekap screen', () => {
  it('downloads Rekapitulasi-DEMO.xlsx with the four sheets and the ranking the screen shows', async () => {
    await page.getByRole('button', { name: 'Buka lomba demo' }).click();
    await page.getByRole('button', { name: 'Rekap', exact: true }).click();
    const first = page.locator('table.ranking tbody tr').first();
    await first.waitFor();
    const leader = await first.getAttribute('data-site');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Unduh Excel' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Rekapitulasi-DEMO.xlsx');
    const target = join(temp.dir, 'rekap.xlsx');
    await file.saveAs(target);
    await page.getByText('Buku kerja Rekapitulasi-DEMO.xlsx diunduh.').waitFor();

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(target) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Peringkat', 'Per juri', 'Nilai', 'Keputusan pleno']);
    const peringkat = workbook.getWorksheet('Peringkat')!;
    expect(peringkat.getRow(3).getCell(1).value).toBe(1);
    expect(peringkat.getRow(3).getCell(2).value).toBe(leader);

    await shot(page, '10-rekap-unduh-excel', false);
    await expectAccessible(page, 'rekap-excel');
  });
});
