/**
 * Setting up a competition through the interface alone, as the secretariat officer of journeys.md would: create
 * it, change an indicator's weight and see the validation, save the instrument as a new version, import sites
 * from an .xlsx file (after a refused bad file), assign aspects to jurors and a recusal, see the coverage warning,
 * and, once scoring has started, be refused an in-place change with the offer of a new version.
 * Screenshots in test-results/e2e/; axe-core on every tab visited.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { openTestCore, tempDir } from '../support/core.js';
import { expectAccessible, openApp, shot, SHOTS, type App } from '../support/e2e.js';

const CODE = 'JABAR-2026';
let page: Page;
let core: Core;
let app: App;
const temp = tempDir('penilai-e2e-setup-');

/** A sites workbook as a secretariat would have it: a title row, then the header, then one row per locus. */
async function sitesWorkbook(file: string, rows: (string | undefined)[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Lokus');
  sheet.addRow(['Kode', 'Desa/Kelurahan', 'Kabupaten/Kota', 'Kecamatan', 'Kategori']);
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
}

async function detail() {
  const result = await core.call('setup.get', { code: CODE });
  if (!result.ok) throw new Error(result.error.key);
  return result.value;
}

async function tab(name: string): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
}

beforeAll(async () => {
  core = openTestCore(join(temp.dir, 'setup.sqlite'), undefined, { pdfWorker: true });
  app = await openApp(core, { acceptDownloads: true });
  page = app.page;
});

afterAll(async () => {
  expect(app.outsideRequests).toEqual([]);
  await app?.close();
  core?.close();
  temp.cleanup();
});

describe('competition setup through the interface', () => {
  it('creates the competition and opens its setup', async () => {
    await page.getByLabel('Kode lomba').fill(CODE);
    await page.getByLabel('Nama lomba').fill('Lomba P2WKSS Tingkat Provinsi Jawa Barat Tahun 2026');
    await page.getByLabel('Desa/Kelurahan 1', { exact: true }).fill('Desa Sukamaju');
    await page.getByLabel('Desa/Kelurahan 2', { exact: true }).fill('Desa Mekarsari');
    await page.getByLabel('Desa/Kelurahan 3', { exact: true }).fill('Desa Cibeber');
    for (const [i, name] of ['Dr. Hj. Siti Aminah, M.Si.', 'dr. Ratna Dewi Lestari, M.Kes.', 'Nurhayati, S.Sos.'].entries()) {
      await page.getByLabel(`Nama lengkap dan gelar ${i + 1}`, { exact: true }).fill(name);
    }
    await page.getByRole('button', { name: 'Simpan lomba' }).click();
    await page.getByRole('tab', { name: /^Identitas/ }).waitFor();
    await page.getByRole('heading', { name: /Pengaturan: Lomba P2WKSS Tingkat Provinsi Jawa Barat/ }).waitFor();
  });

  it('shows the weights no longer summing to 100 when an indicator changes, and saves the fix as a new version', async () => {
    await tab('Instrumen');
    await page.getByLabel('Bobot A1', { exact: true }).fill('4');
    await page.getByText('Jumlah bobot 101,00 — harus 100').waitFor();
    await page.getByText('Jumlah bobot semua indikator harus 100, sekarang 101').waitFor();
    expect(await page.getByRole('button', { name: 'Simpan instrumen' }).isDisabled()).toBe(true);
    await shot(page, '10-setup-instrumen-bobot');
    await expectAccessible(page, 'setup-instrumen');

    await page.getByLabel('Bobot A2', { exact: true }).fill('3');
    await page.getByText('Jumlah bobot 100,00').waitFor();
    await page.getByRole('button', { name: 'Pratinjau formulir' }).click();
    const preview = page.getByRole('region', { name: 'Pratinjau formulir' });
    await preview.getByText('LEMBAR PENILAIAN').waitFor();
    expect(await preview.locator('tr', { hasText: 'SK Tim Pelaksana' }).locator('td.num').textContent()).toBe('4');
    await preview.screenshot({ path: join(SHOTS, '10b-setup-pratinjau-formulir.png') });
    await page.getByRole('button', { name: 'Tutup pratinjau' }).click();
    // A household-visit indicator shows its sample, items and bands in its details.
    await page
      .locator('tr', { has: page.getByLabel('Kode C2', { exact: true }) })
      .getByRole('button', { name: 'Rinci' })
      .click();
    expect(await page.getByLabel('Pita nilai C2', { exact: true }).inputValue()).toBe('<40=1; <60=2; <75=3; <90=4; >=90=5');
    expect(await page.getByLabel('Jumlah KK sampel C2', { exact: true }).inputValue()).toBe('10');
    await page.locator('tr.details-row').screenshot({ path: join(SHOTS, '10c-setup-indikator-rumah-tangga.png') });
    await page.getByRole('button', { name: 'Simpan instrumen' }).click();
    // The bundled default is never edited in place: the refusal offers the next version.
    const offer = page.getByRole('button', { name: 'Simpan sebagai versi 2' });
    await offer.waitFor();
    await offer.click();
    await page.getByText('versi 2', { exact: false }).first().waitFor();
    const saved = await detail();
    expect([
      saved.instrument.version,
      saved.instrument.aspects[0]!.indicators[0]!.weight,
      saved.instrument.aspects[0]!.indicators[1]!.weight,
    ]).toEqual([2, 4, 3]);
  });

  it('refuses a bad sites file with the row and column, and stores nothing', async () => {
    await tab('Lokus');
    const bad = join(temp.dir, 'lokus-salah.xlsx');
    await sitesWorkbook(bad, [
      ['S04', 'Desa Margaluyu', 'Kabupaten Bandung'],
      ['S05', '', 'Kabupaten Garut'],
    ]);
    await page.locator('label.file-button', { hasText: 'Impor lokus' }).locator('input[type=file]').setInputFiles(bad);
    await page.getByText(/lokus-salah\.xlsx, lembar Lokus, baris 3, kolom Desa\/Kelurahan/).waitFor();
    expect(await page.getByRole('button', { name: /Tambahkan \d+ baris/ }).isDisabled()).toBe(true);
    await shot(page, '11-setup-lokus-impor-salah');
    await page.getByRole('button', { name: 'Batal' }).click();
    expect((await detail()).sites).toHaveLength(3);
  });

  it('imports eight sites from an .xlsx file with a preview and saves them', async () => {
    const good = join(temp.dir, 'lokus.xlsx');
    await sitesWorkbook(good, [
      ['S01', 'Desa Sukamaju', 'Kabupaten Garut', 'Tarogong Kidul', 'desa'],
      ['S02', 'Desa Mekarsari', 'Kabupaten Bandung', 'Cileunyi', 'desa'],
      ['S03', 'Kelurahan Cibeber', 'Kota Cimahi', 'Cimahi Selatan', 'kelurahan'],
      ['S04', 'Desa Margaluyu', 'Kabupaten Bandung Barat', 'Lembang', 'desa'],
      ['S05', 'Desa Sindangsari', 'Kabupaten Sumedang', 'Jatinangor', 'desa'],
      ['S06', 'Kelurahan Sukaresmi', 'Kota Bogor', 'Tanah Sareal', 'kelurahan'],
      ['S07', 'Desa Karangsari', 'Kabupaten Cirebon', 'Weru', 'desa'],
      ['S08', 'Desa Cikande', 'Kabupaten Subang', 'Pagaden', 'desa'],
    ]);
    await page.locator('label.file-button', { hasText: 'Impor lokus' }).locator('input[type=file]').setInputFiles(good);
    await page.getByText('Dari lokus.xlsx: 8 baris terbaca').waitFor();
    await shot(page, '12-setup-lokus-pratinjau');
    await page.getByRole('button', { name: 'Tambahkan 8 baris' }).click();
    expect(await page.getByLabel('Kabupaten/Kota 8', { exact: true }).inputValue()).toBe('Kabupaten Subang');
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    await page.getByText(`Pengaturan lomba ${CODE} disimpan.`).waitFor();
    const saved = await detail();
    expect(saved.sites.map((s) => [s.code, s.name, s.category])).toEqual([
      ['S01', 'Desa Sukamaju', 'desa'],
      ['S02', 'Desa Mekarsari', 'desa'],
      ['S03', 'Kelurahan Cibeber', 'kelurahan'],
      ['S04', 'Desa Margaluyu', 'desa'],
      ['S05', 'Desa Sindangsari', 'desa'],
      ['S06', 'Kelurahan Sukaresmi', 'kelurahan'],
      ['S07', 'Desa Karangsari', 'desa'],
      ['S08', 'Desa Cikande', 'desa'],
    ]);
    await shot(page, '13-setup-lokus');
    await expectAccessible(page, 'setup-lokus');
  });

  it('assigns aspects to jurors and a recusal, and warns of an aspect nobody scores', async () => {
    await tab('Juri');
    // J2 (health) scores D and F only; J3 sits on the jury and signs but scores nothing.
    for (const aspect of ['A', 'B', 'C', 'E', 'G', 'H'])
      await page.getByRole('checkbox', { name: new RegExp(`^J2 menilai aspek ${aspect} `) }).uncheck();
    for (const aspect of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'])
      await page.getByRole('checkbox', { name: new RegExp(`^J3 menilai aspek ${aspect} `) }).uncheck();
    // J1 comes from Kabupaten Bandung: not to score S02.
    await page.locator('tr', { hasText: 'Dr. Hj. Siti Aminah' }).locator('details summary').click();
    await page.getByRole('checkbox', { name: 'J1 tidak menilai S02 Desa Mekarsari' }).check();
    await page.getByText('Ada aspek yang tidak dinilai siapa pun').waitFor();
    await page.getByText('Lokus S02 Desa Mekarsari: aspek A, B, C, E, G, H tidak dinilai oleh juri mana pun.').waitFor();
    await shot(page, '14-setup-juri');
    await expectAccessible(page, 'setup-juri');
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    await page.getByText(`Pengaturan lomba ${CODE} disimpan.`).waitFor();
    const saved = await detail();
    expect(saved.jurors.map((j) => [j.code, j.aspects ?? 'semua', j.recusedSites])).toEqual([
      ['J1', 'semua', ['S02']],
      ['J2', ['D', 'F'], []],
      ['J3', [], []],
    ]);
  });

  it('adds a tie-break entry under Aturan', async () => {
    await tab('Aturan');
    await page.getByLabel('Tambahkan penentu seri').selectOption('aspect:E');
    await page.getByRole('button', { name: 'Tambah', exact: true }).click();
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    await page.getByText(`Pengaturan lomba ${CODE} disimpan.`).waitFor();
    expect((await detail()).rules.tieBreak).toEqual(['phase:LAP', 'aspect:E']);
    await shot(page, '15-setup-aturan');
    await expectAccessible(page, 'setup-aturan');
  });

  it('once scoring has started, refuses changing the instrument in place and offers a new version', async () => {
    const scored = await core.call('scoring.setScore', { competition: CODE, juror: 'J1', site: 'S01', indicator: 'A1', value: 4 });
    expect(scored.ok).toBe(true);
    await page.reload();
    await tab('Instrumen');
    await page.getByText('Penilaian sudah dimulai: instrumen terkunci').waitFor();
    await page.getByLabel('Nama aspek H', { exact: true }).fill('Dampak, Kesetaraan Gender, Inovasi & Keberlanjutan');
    await page.getByRole('button', { name: 'Simpan instrumen' }).click();
    await page.getByText('sudah dipakai untuk menilai dan terkunci. Simpan perubahan sebagai versi baru (versi 3).').waitFor();
    await shot(page, '16-setup-instrumen-terkunci');
    await page.getByRole('button', { name: 'Simpan sebagai versi 3' }).click();
    await page.getByText('versi 3').first().waitFor();
    const saved = await detail();
    expect(saved.instrument.version).toBe(3);
    expect(saved.instrument.aspects[7]!.name).toBe('Dampak, Kesetaraan Gender, Inovasi & Keberlanjutan');
    // A1's code and scale did not change: its score was kept on the new version.
    const sheet = await core.call('scoring.sheet', { competition: CODE, juror: 'J1', site: 'S01' });
    expect(sheet.ok && sheet.value.scores.map((s) => [s.indicator, s.value])).toEqual([['A1', 4]]);
  });
});
