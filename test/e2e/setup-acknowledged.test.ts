/**
 * Issue 11: the secretariat gives the Rekapitulasi Nilai its number and the "Mengetahui" official in Lomba ›
 * Identitas, in Chromium over the HTTP bridge: a position without a name is refused beside the name field, in plain
 * words; filled in, it is saved with the competition (setup.get); emptied, the block is gone again.
 * Screenshot in test-results/e2e/ (11-identitas-mengetahui).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { openTestCore, tempDir } from '../support/core.js';
import { expectAccessible, openApp, shot, type App } from '../support/e2e.js';

const CODE = 'DESA-2026';
const NAME = 'Lomba Desa Tingkat Provinsi Banten Tahun 2026';
const TITLE = 'Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak Provinsi Banten';
let page: Page;
let core: Core;
let app: App;
const temp = tempDir('penilai-e2e-mengetahui-');

async function info() {
  const detail = await core.call('setup.get', { code: CODE });
  if (!detail.ok) throw new Error(detail.error.key);
  return detail.value.info;
}

async function save(): Promise<void> {
  await page.getByRole('button', { name: 'Simpan perubahan' }).click();
  await page.getByText(`Pengaturan lomba ${CODE} disimpan.`).waitFor();
}

beforeAll(async () => {
  core = openTestCore(join(temp.dir, 'lomba.sqlite'));
  const created = await core.call('setup.create', {
    competition: { code: CODE, name: NAME, year: 2026 },
    sites: [{ code: 'S01', name: 'Desa Sukamaju' }],
    jurors: [{ code: 'J1', name: 'Budi Santoso, S.Sos.', role: 'ketua' }],
  });
  expect(created.ok).toBe(true);
  app = await openApp(core);
  page = app.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('button', { name: `Buka ${NAME}` }).click();
  await page.getByRole('button', { name: 'Lomba', exact: true }).click();
  await page.getByRole('tab', { name: /^Identitas/ }).click();
});

afterAll(async () => {
  expect(app?.outsideRequests).toEqual([]);
  await app?.close();
  core?.close();
  temp.cleanup();
});

describe('Lomba › Identitas: the rekap number and the Mengetahui official', () => {
  it('refuses a position without a name beside the name field, then saves the official and the number', async () => {
    await page.getByLabel('Nomor Rekapitulasi Nilai').fill('400.10.2.1/574/DP3AKKB/2026');
    await page.getByLabel('Jabatan pejabat').fill(TITLE);
    // Not exact: while refused, the label also holds its message.
    const nameField = page.getByLabel('Nama pejabat');
    const message = page.locator('#err-competition_acknowledgedBy_name');
    await message.waitFor();
    expect(await message.textContent()).toMatch(/^Nama pejabat yang mengetahui/);
    await nameField.fill('Dra. Hj. Nurhayati Sulaeman, M.Si.');
    await page.getByLabel('NIP pejabat (18 angka, boleh kosong)').fill('19680512 199003 2 004');
    expect(await page.locator('.field-error').count()).toBe(0);
    await page.getByLabel('NIP pejabat (18 angka, boleh kosong)').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot(page, '11-identitas-mengetahui', false);
    await expectAccessible(page, 'identitas-mengetahui');
    await save();
    const saved = await info();
    expect(saved.documentNumbers).toEqual({ rekap: '400.10.2.1/574/DP3AKKB/2026' });
    expect(saved.acknowledgedBy).toEqual({ title: TITLE, name: 'Dra. Hj. Nurhayati Sulaeman, M.Si.', nip: '196805121990032004' });
  });

  it('emptied, the official is gone from the competition', async () => {
    for (const label of ['Jabatan pejabat', 'Nama pejabat', 'NIP pejabat (18 angka, boleh kosong)']) await page.getByLabel(label).fill('');
    await save();
    expect((await info()).acknowledgedBy).toBeUndefined();
  });
});
