/**
 * Laporan → Catatan untuk peserta (issue 11, Build point 2): the secretariat picks a site, sees its jurors' notes
 * (names shown here, to the secretariat only), ticks the one to release, opens its session with the secretariat PIN
 * (a wrong one refused) and saves; the core then says it is released,
 * and the site's PDF is offered. In Indonesian, then the same section in English; axe-core on the screen. The demo
 * with ties (test/support/ties.ts): J1's note on A1 at S02 is the one note.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { openTestCore, tempDir } from '../support/core.js';
import { expectAccessible, openApp, shot, type App } from '../support/e2e.js';
import { asSecretariat, call, SECRETARIAT_PIN } from '../support/jury.js';
import { demoWithTies, TIE_NOTE } from '../support/ties.js';

const NAME = 'Lomba P2WKSS Tingkat Provinsi Banten Tahun 2026 (Demo)';
let page: Page;
let core: Core;
let app: App;
const temp = tempDir();

beforeAll(async () => {
  core = openTestCore(join(temp.dir, 'penilai.sqlite'));
  await demoWithTies(core);
  // The secretariat PIN is set, its session not open: the screen asks for it.
  await asSecretariat(core, 'DEMO');
  await call(core, 'session.leaveSecretariat', {});
  app = await openApp(core);
  page = app.page;
  await page.getByRole('button', { name: `Buka ${NAME}` }).click();
  await page.getByRole('button', { name: 'Laporan', exact: true }).click();
  await page.getByRole('heading', { name: 'Catatan untuk peserta', level: 2 }).waitFor();
});

afterAll(async () => {
  expect(app.outsideRequests).toEqual([]);
  await app?.close();
  core?.close();
  temp.cleanup();
});

describe('Laporan: releasing jurors notes to a site', () => {
  it('lists the notes of S02, releases the ticked one, and the core keeps it released', async () => {
    await page.getByRole('combobox', { name: 'Lokus yang catatannya dirilis' }).selectOption('S02');
    const box = page.getByRole('checkbox', { name: 'Rilis J1 A1' });
    await box.waitFor();
    expect(await box.isChecked()).toBe(false);
    expect(await page.locator('table.data tbody tr').count()).toBe(1);
    expect(await page.locator('table.data tbody tr td').last().textContent()).toBe(TIE_NOTE);
    await box.check();
    // Saving the choice is the secretariat's: its PIN is asked first, the button waits for it.
    const save = page.getByRole('button', { name: 'Simpan pilihan rilis' });
    await page
      .getByText('Merilis catatan juri kepada peserta adalah tugas sekretariat. Masukkan PIN sekretariat untuk menyimpan pilihan.')
      .waitFor();
    expect(await save.isDisabled()).toBe(true);
    await page.getByLabel('PIN sekretariat').fill('0000');
    await page.getByRole('button', { name: 'Buka' }).click();
    await page.getByRole('alert').filter({ hasText: 'PIN sekretariat salah.' }).waitFor();
    expect(await save.isDisabled()).toBe(true);
    await page.getByLabel('PIN sekretariat').fill(SECRETARIAT_PIN);
    await page.getByRole('button', { name: 'Buka' }).click();
    await page.getByText('Sekretariat sedang memilih catatan yang dirilis.').waitFor();
    await save.click();
    await page.getByText('1 catatan dirilis, 0 ditarik. Sekarang 1 catatan dirilis untuk lokus ini.').waitFor();
    await shot(page, 'laporan-catatan-rilis');
    await expectAccessible(page, 'laporan');
    const notes = await call(core, 'documents.notes', { competition: 'DEMO', site: 'S02' });
    expect(notes.map((n) => [n.juror, n.indicator, n.released])).toEqual([['J1', 'A1', true]]);
    expect(await page.getByRole('button', { name: 'Unduh Catatan untuk peserta (PDF)' }).isEnabled()).toBe(true);
  });

  it('in English: the same section and the note still ticked', async () => {
    await page.getByRole('group', { name: 'Bahasa' }).getByRole('button', { name: 'EN' }).click();
    await page.getByRole('heading', { name: 'Notes to the sites', level: 2 }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Release J1 A1' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Save the release choice' }).waitFor();
  });
});
