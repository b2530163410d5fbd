/**
 * The setup forms as the secretariat officer meets them: every problem at once, each beside its field in plain
 * words (no JSON path, no validator jargon), gone the moment it is fixed; NIPs typed as printed, codes upper-cased;
 * unsaved edits never lost without a question (an in-app question, the browser's own on reload, and the edits
 * offered back after it). Screenshots at 1366×768 in test-results/e2e/ (7-forms-*).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { openTestCore, tempDir } from '../support/core.js';
import { expectAccessible, openApp, shot, type App } from '../support/e2e.js';

let page: Page;
let core: Core;
let app: App;
const temp = tempDir('penilai-e2e-forms-');

/** A message a person reads must not show a JSON path, brackets, or a validator's bare phrase. */
const JARGON = /\w\.\w+\b(?!\d)|\[\d*\]|(^|: )(minimal|maksimal|harus berupa|must be at least|is required)\b/i;

async function messages(): Promise<string[]> {
  return (await page.locator('.field-error, [role=alert]').allTextContents()).map((text) => text.trim()).filter(Boolean);
}

async function expectNoJargon(): Promise<string[]> {
  const texts = await messages();
  expect(texts.filter((text) => JARGON.test(text.replace(/P2WKSS-JABAR-2026|\d+[.,]\d+/g, '')))).toEqual([]);
  return texts;
}

const error = (path: string) => page.locator(`#err-${path.replace(/[^\w-]/g, '_')}`);
/** The form's message beside a date field (DateField says it below the field, in the field's label). */
const dateError = (label: string) => page.locator('label.date-field', { hasText: label }).locator('.field-error');

async function tab(name: string): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
}

beforeAll(async () => {
  core = openTestCore(join(temp.dir, 'forms.sqlite'));
  app = await openApp(core);
  page = app.page;
  await page.setViewportSize({ width: 1366, height: 768 });
});

afterAll(async () => {
  expect(app.outsideRequests).toEqual([]);
  await app?.close();
  core?.close();
  temp.cleanup();
});

describe('the new-competition form', () => {
  it('shows every problem at once beside its field, and each goes the moment it is fixed', async () => {
    await page
      .locator('label', { hasText: /^Tahun/ })
      .locator('input')
      .fill('');
    await page.getByRole('button', { name: 'Simpan lomba' }).click();
    await error('competition.code').waitFor();
    const expected: [string, string][] = [
      ['competition.code', 'Kode lomba wajib diisi'],
      ['competition.name', 'Nama lomba wajib diisi'],
      ['competition.year', 'Tahun wajib diisi'],
      ['sites[0].name', 'Desa/Kelurahan wajib diisi'],
      ['sites[1].name', 'Desa/Kelurahan wajib diisi'],
      ['sites[2].name', 'Desa/Kelurahan wajib diisi'],
      ['jurors[0].name', 'Nama juri wajib diisi'],
      ['jurors[1].name', 'Nama juri wajib diisi'],
      ['jurors[2].name', 'Nama juri wajib diisi'],
    ];
    for (const [path, text] of expected) expect([path, await error(path).textContent()]).toEqual([path, text]);
    expect(await page.locator('.field-error').count()).toBe(expected.length);
    // No banner: every problem has its field. The field is marked and described by its message.
    expect(await page.locator('#form-error').count()).toBe(0);
    const codeField = page.getByLabel('Kode lomba');
    expect(await codeField.getAttribute('aria-invalid')).toBe('true');
    expect(await codeField.getAttribute('aria-describedby')).toBe('err-competition_code');
    // The first field with a problem has the focus.
    expect(await codeField.evaluate((el) => el === document.activeElement)).toBe(true);
    await shot(page, '7-forms-baru-kosong', false);
    await expectAccessible(page, 'forms-baru-kosong');

    // Typing one letter fixes that one problem at once; the others stay. Lower case becomes capitals.
    await codeField.pressSequentially('j');
    expect(await error('competition.code').count()).toBe(0);
    expect(await codeField.inputValue()).toBe('J');
    expect(await page.locator('.field-error').count()).toBe(expected.length - 1);
    expect(await error('competition.name').textContent()).toBe('Nama lomba wajib diisi');

    await codeField.fill('jabar 2026');
    expect(await error('competition.code').textContent()).toBe(
      'Kode lomba hanya boleh berisi huruf besar, angka dan tanda hubung (misalnya P2WKSS-JABAR-2026)',
    );
    await page
      .locator('label', { hasText: /^Tahun/ })
      .locator('input')
      .fill('dua ribu');
    expect(await error('competition.year').textContent()).toBe('Tahun harus berupa angka, misalnya 2026');
    await page
      .locator('label', { hasText: /^Tahun/ })
      .locator('input')
      .fill('1999');
    expect(await error('competition.year').textContent()).toBe('Tahun tidak boleh kurang dari 2000');
    await page.getByLabel('NIP (18 angka, boleh kosong) 2', { exact: true }).fill('1970 0315');
    expect(await error('jurors[1].nip').textContent()).toBe('NIP harus tepat 18 angka, misalnya 19700315 199503 2 001 (spasi boleh)');
    await expectNoJargon();
    await shot(page, '7-forms-baru-salah', false);
  });

  it('takes a NIP typed as printed and a code typed in lower case, and creates the competition', async () => {
    await page.getByLabel('Kode lomba').fill('jabar-2026');
    await page.getByLabel('Nama lomba').fill('Lomba P2WKSS Tingkat Provinsi Jawa Barat Tahun 2026');
    await page
      .locator('label', { hasText: /^Tahun/ })
      .locator('input')
      .fill('2026');
    for (const [i, name] of ['Desa Sukamaju', 'Desa Mekarsari', 'Kelurahan Cibeber'].entries())
      await page.getByLabel(`Desa/Kelurahan ${i + 1}`, { exact: true }).fill(name);
    for (const [i, name] of ['Dr. Hj. Siti Aminah, M.Si.', 'dr. Ratna Dewi Lestari, M.Kes.', 'Nurhayati, S.Sos.'].entries())
      await page.getByLabel(`Nama lengkap dan gelar ${i + 1}`, { exact: true }).fill(name);
    await page.getByLabel('NIP (18 angka, boleh kosong) 2', { exact: true }).fill('19700315 199503 2 001');
    expect(await page.locator('.field-error').count()).toBe(0);
    await page.getByRole('button', { name: 'Simpan lomba' }).click();
    await page.getByText('Lomba JABAR-2026 disimpan dan dibuka.').waitFor();
    const detail = await core.call('setup.get', { code: 'JABAR-2026' });
    expect(detail.ok && detail.value.jurors.map((j) => [j.code, j.nip ?? null])).toEqual([
      ['J1', null],
      ['J2', '197003151995032001'],
      ['J3', null],
    ]);
  });
});

describe('the setup tabs', () => {
  it('says each problem beside its field, with its label, in both languages, and never a path', async () => {
    await tab('Identitas');
    await page.getByLabel('Mulai penilaian').fill('18/09/2026');
    await page.getByLabel('Selesai penilaian').fill('07/09/2026');
    expect(await dateError('Selesai penilaian').textContent()).toBe('Tanggal selesai tidak boleh sebelum tanggal mulai');
    expect(await page.getByLabel('Selesai penilaian').getAttribute('aria-invalid')).toBe('true');
    await page
      .locator('label', { hasText: /^Tahun/ })
      .locator('input')
      .fill('20a6');
    expect(await error('competition.year').textContent()).toBe('Tahun harus berupa angka, misalnya 2026');
    expect(
      await page
        .locator('label', { hasText: /^Tahun/ })
        .locator('input')
        .inputValue(),
    ).toBe('20a6');
    await page.getByLabel('Nama lomba').fill('');
    expect(await error('competition.name').textContent()).toBe('Nama lomba wajib diisi');
    await expectNoJargon();
    await shot(page, '7-forms-identitas-salah', false);
    await expectAccessible(page, 'forms-identitas');

    await tab('Aturan');
    await page.getByLabel('Predikat peringkat 4', { exact: true }).fill('');
    expect(await error('competition.rules.labels[3]').textContent()).toBe('Predikat ke-4 wajib diisi');
    await tab('Lokus');
    await page.getByLabel('Desa/Kelurahan 2', { exact: true }).fill('');
    await page.getByLabel('Kode 3', { exact: true }).fill('S01');
    expect(await error('sites[1].name').textContent()).toBe('Desa/Kelurahan wajib diisi');
    expect(await error('sites[2].code').textContent()).toBe('Kode S01 sudah dipakai di lokus baris 1 (S01)');
    await tab('Juri');
    await page.getByLabel('NIP 1', { exact: true }).fill('1970');
    expect(await error('jurors[0].nip').textContent()).toBe('NIP harus tepat 18 angka, misalnya 19700315 199503 2 001 (spasi boleh)');
    // Nothing here belongs to no field: no banner.
    expect(await page.locator('.card .form-error').count()).toBe(0);
    const texts = await expectNoJargon();
    expect(texts.length).toBeGreaterThan(0);
    await shot(page, '7-forms-juri-salah', false);

    await page.getByRole('button', { name: 'EN', exact: true }).click();
    expect(await error('jurors[0].nip').textContent()).toBe('NIP must be exactly 18 digits, e.g. 19700315 199503 2 001 (spaces allowed)');
    await tab('Rules');
    expect(await error('competition.rules.labels[3]').textContent()).toBe('Award 4 is required');
    await tab('Identity');
    expect(await page.locator('label', { hasText: /^Year/ }).locator('input').inputValue()).toBe('20a6'); // what was typed, kept across tabs
    expect(await error('competition.year').textContent()).toBe('Year must be a number, for example 2026');
    expect(await dateError('Scoring ends').textContent()).toBe('The end date cannot be before the start date');
    await expectNoJargon();
    await shot(page, '7-forms-identity-english', false);
    await page.getByRole('button', { name: 'ID', exact: true }).click();

    // Fixed, each message goes at once.
    await tab('Identitas');
    await page
      .locator('label', { hasText: /^Tahun/ })
      .locator('input')
      .fill('2026');
    expect(await error('competition.year').count()).toBe(0);
    expect(await dateError('Selesai penilaian').count()).toBe(1);
    await page.getByLabel('Selesai penilaian').fill('25/09/2026');
    expect(await dateError('Selesai penilaian').count()).toBe(0);
    await page.getByRole('button', { name: 'Batalkan perubahan' }).click();
    expect(await page.locator('.field-error').count()).toBe(0);
  });
});

describe('a refusal from the core', () => {
  it('shows a code already taken beside the code field, until the code changes', async () => {
    await page.getByRole('button', { name: 'Lomba baru' }).click();
    const form = page.locator('section.card', { has: page.getByRole('heading', { name: 'Lomba baru', level: 2 }) });
    await form.getByLabel('Kode lomba').fill('jabar-2026');
    await form.getByLabel('Nama lomba').fill('Lomba Kedua');
    for (const i of [1, 2, 3]) {
      await form.getByLabel(`Desa/Kelurahan ${i}`, { exact: true }).fill(`Desa ${i}`);
      await form.getByLabel(`Nama lengkap dan gelar ${i}`, { exact: true }).fill(`Juri ${i}`);
    }
    await form.getByRole('button', { name: 'Simpan lomba' }).click();
    await error('competition.code').waitFor();
    expect(await error('competition.code').textContent()).toBe('Lomba dengan kode JABAR-2026 sudah ada di basis data.');
    expect(await form.locator('.field-error').count()).toBe(1);
    await form.getByLabel('Kode lomba').fill('JABAR-2027');
    expect(await error('competition.code').count()).toBe(0);
    await page.getByRole('button', { name: 'Lomba baru' }).click();
    expect(await form.count()).toBe(0);
  });
});

describe('the PIN form', () => {
  it('says a wrong PIN beside the juror’s PIN field, and lets it go when the field changes', async () => {
    await tab('Juri');
    const field = page.getByLabel('PIN baru untuk J1', { exact: true });
    await field.fill('12');
    await page.locator('tr', { has: field }).getByRole('button', { name: 'Atur PIN' }).click();
    await error('pin-J1').waitFor();
    expect(await error('pin-J1').textContent()).toBe('PIN harus 4 sampai 8 angka');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await expectNoJargon();
    await field.fill('123');
    expect(await error('pin-J1').count()).toBe(0);
    await field.fill('');
    await tab('Identitas');
  });
});

describe('unsaved edits', () => {
  it('asks before another screen, another competition, or the instrument tab hides them', async () => {
    await tab('Identitas');
    await page.getByLabel('Tempat').fill('Bandung');
    const dialog = page.getByRole('alertdialog', { name: 'Perubahan belum disimpan' });

    await tab('Instrumen');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Ada perubahan pengaturan lomba JABAR-2026 yang belum disimpan.');
    await shot(page, '7-forms-tanya-pindah', false);
    await expectAccessible(page, 'forms-tanya-pindah');
    await page.getByRole('button', { name: 'Kembali ke isian' }).click();
    expect(await dialog.count()).toBe(0);
    expect(await page.getByLabel('Tempat').inputValue()).toBe('Bandung');

    await page.getByRole('button', { name: 'Penilaian', exact: true }).click();
    await dialog.waitFor();
    await page.getByRole('button', { name: 'Kembali ke isian' }).click();
    await page.getByRole('heading', { name: 'Lomba', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Buka lomba demo' }).click();
    await dialog.waitFor();
    await page.getByRole('button', { name: 'Kembali ke isian' }).click();
    expect(await page.getByLabel('Tempat').inputValue()).toBe('Bandung');
    expect((await core.call('setup.list', {})).ok && (await core.call('setup.list', {}))).toMatchObject({
      value: [{ code: 'JABAR-2026' }],
    });
  });

  it('asks on reload, and offers the edits back after it', async () => {
    await page.clock.setFixedTime(new Date(2026, 8, 7, 10, 15));
    await page.getByLabel('Tempat').fill('Kota Bandung');
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.type());
      void d.accept();
    });
    await page.reload();
    expect(asked).toEqual(['beforeunload']);
    const offer = page.getByText('Ada perubahan yang belum disimpan dari 7 September 2026 pukul 10.15.');
    await offer.waitFor();
    expect(await page.getByLabel('Tempat').inputValue()).toBe('');
    await shot(page, '7-forms-pulihkan', false);
    await page.getByRole('button', { name: 'Pulihkan' }).click();
    expect(await page.getByLabel('Tempat').inputValue()).toBe('Kota Bandung');
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    await page.getByText('Pengaturan lomba JABAR-2026 disimpan.').waitFor();
    const detail = await core.call('setup.get', { code: 'JABAR-2026' });
    expect(detail.ok && detail.value.info.place).toBe('Kota Bandung');

    // Saved: nothing is offered after the next reload, and nothing asks.
    page.once('dialog', (d) => {
      asked.push(d.type());
      void d.accept();
    });
    await page.reload();
    await page.getByRole('tab', { name: /^Identitas/ }).waitFor();
    expect(await page.getByText('Ada perubahan yang belum disimpan dari').count()).toBe(0);
    expect(asked).toEqual(['beforeunload']);
  });

  it('discards only when told to', async () => {
    await page.getByLabel('Tempat').fill('Cimahi');
    await page.getByRole('button', { name: 'Rekap', exact: true }).click();
    await page.getByRole('button', { name: 'Buang perubahan dan pindah' }).click();
    await page.getByRole('heading', { name: 'Rekap', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Lomba', exact: true }).click();
    expect(await page.getByLabel('Tempat').inputValue()).toBe('Kota Bandung');
    expect(await page.getByText('Ada perubahan yang belum disimpan dari').count()).toBe(0);
  });
});

describe('the reopen reason', () => {
  /** Enough of a PNG for the signature check: the signature bytes and an IHDR chunk. */
  const signature = new Uint8Array([
    ...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13],
    ...new TextEncoder().encode('IHDR'),
    ...new Array<number>(17).fill(1),
  ]);

  it('says its minimum length in the hint and in the message', async () => {
    const where = { competition: 'JABAR-2026', juror: 'J1', site: 'S01' };
    const sheet = await core.call('scoring.sheet', where);
    if (!sheet.ok) throw new Error(sheet.error.key);
    for (const indicator of sheet.value.eligible)
      expect((await core.call('scoring.setScore', { ...where, indicator, value: 4 })).ok).toBe(true);
    const finalised = await core.call('scoring.finalise', { ...where, signature });
    expect(finalised.ok || finalised.error.key).toBe(true);

    await page.getByRole('button', { name: 'Penilaian', exact: true }).click();
    await page.getByRole('button', { name: /Dr\. Hj\. Siti Aminah/ }).click();
    await page.getByRole('button', { name: /Desa Sukamaju/ }).click();
    await page.getByRole('button', { name: 'Buka kembali lembar ini' }).click();
    const reason = page.getByLabel('Alasan membuka kembali (dicatat dan dicetak)');
    expect(await page.locator('#reopen-hint').textContent()).toBe('Paling sedikit 5 karakter (sekarang 0).');
    await reason.fill('ok');
    expect(await page.locator('#reopen-hint').textContent()).toBe('Paling sedikit 5 karakter (sekarang 2).');
    expect(await page.locator('#reopen-error').textContent()).toBe('Alasan paling sedikit 5 karakter');
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('button', { name: 'Buka kembali', exact: true }).isDisabled()).toBe(true);
    await shot(page, '7-forms-alasan-pendek', false);
    await reason.fill('Salah ketik nilai A3');
    expect(await page.locator('#reopen-error').count()).toBe(0);
    await page.getByRole('button', { name: 'Buka kembali', exact: true }).click();
    await page.getByText(/dibuka kembali oleh J1: “Salah ketik nilai A3”/).waitFor();
  });
});
