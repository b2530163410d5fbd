/**
 * A juror on a site visit, in Chromium over the HTTP bridge: chooses themselves with a PIN, scores a whole site
 * with the keyboard alone (level keys, Enter to the next indicator, N to the next unscored, household checklists),
 * adds a note and a photo, finalises with a drawn signature and the PIN, and sees the ranking change. Screenshots
 * of each screen in test-results/e2e/; axe-core on each.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { formatNumber } from '../../shared/domain/numbers.js';
import { openTestCore, tempDir } from '../support/core.js';
import { expectAccessible, openApp, shot, type App } from '../support/e2e.js';
import { focusedIndicator, scoreSiteWithKeyboard } from '../../scripts/keyboard-scoring.js';

const CODE = 'KUNJUNGAN-2026';
const PIN = '2468';
let page: Page;
let core: Core;
let app: App;
const temp = tempDir('penilai-e2e-scoring-');

/** A real 2×2 PNG (red, green, blue, white), as a phone would send a much larger one. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  core = openTestCore(join(temp.dir, 'kunjungan.sqlite'), undefined, { pdfWorker: true });
  const created = await core.call('setup.create', {
    competition: { code: CODE, name: 'Lomba P2WKSS Tingkat Provinsi Jawa Barat Tahun 2026', year: 2026 },
    sites: [
      { code: 'S01', name: 'Desa Sukamaju', regency: 'Kabupaten Garut' },
      { code: 'S02', name: 'Desa Mekarsari', regency: 'Kabupaten Bandung' },
    ],
    jurors: [
      { code: 'J1', name: 'Dr. Hj. Siti Aminah, M.Si.', role: 'ketua' },
      { code: 'J2', name: 'dr. Ratna Dewi Lestari, M.Kes.', role: 'anggota', aspects: ['D', 'F'] },
    ],
  });
  expect(created.ok).toBe(true);
  // The secretariat sets J1's PIN in its own session (issue 12: nobody else may), then leaves it.
  expect((await core.call('session.setSecretariatPin', { competition: CODE, pin: '7391' })).ok).toBe(true);
  expect((await core.call('session.enterSecretariat', { competition: CODE, pin: '7391' })).ok).toBe(true);
  const pin = await core.call('session.setJurorPin', { competition: CODE, juror: 'J1', pin: PIN });
  expect(pin.ok).toBe(true);
  expect((await core.call('session.leaveSecretariat', {})).ok).toBe(true);
  app = await openApp(core);
  page = app.page;
  await page.getByRole('button', { name: 'Buka Lomba P2WKSS Tingkat Provinsi Jawa Barat Tahun 2026' }).click();
  await page.getByText('Sedang dibuka').waitFor();
  await page.getByRole('button', { name: 'Penilaian', exact: true }).click();
});

afterAll(async () => {
  await app?.close();
  core?.close();
  temp.cleanup();
});

describe('a juror scores a site on a visit', () => {
  it('chooses themselves with a PIN (a wrong one is refused)', async () => {
    await page.getByRole('heading', { name: 'Siapa Anda?' }).waitFor();
    await shot(page, '20-penilaian-siapa', false);
    await expectAccessible(page, 'penilaian-siapa');
    await page.getByRole('button', { name: /Dr\. Hj\. Siti Aminah/ }).click();
    await page.getByLabel('PIN Dr. Hj. Siti Aminah, M.Si.').fill('1111');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: /PIN/ }).waitFor();
    await page.getByLabel('PIN Dr. Hj. Siti Aminah, M.Si.').fill(PIN);
    await page.keyboard.press('Enter');
    await page.getByText('Menilai sebagai Dr. Hj. Siti Aminah, M.Si. (J1)').waitFor();
    await page.getByText('0 dari 28 indikator dinilai').first().waitFor();
  });

  it('scores all 28 indicators of a site with the keyboard alone', async () => {
    await page.getByRole('button', { name: /Desa Sukamaju/ }).click();
    await page.locator('li.indicator').first().waitFor();
    expect(await focusedIndicator(page)).toBe('A1'); // the keyboard starts on the first unscored indicator
    await scoreSiteWithKeyboard(page, 28);
    await page.getByText('28 dari 28 indikator dinilai').first().waitFor();
    const sheet = await core.call('scoring.sheet', { competition: CODE, juror: 'J1', site: 'S01' });
    expect(sheet.ok && sheet.value.scores.length).toBe(28);
    await shot(page, '21-penilaian-lembar-utuh');
    await page.locator('li[data-indicator="C2"]').scrollIntoViewIfNeeded();
    await shot(page, '21-penilaian-lembar', false);
    await expectAccessible(page, 'penilaian-lembar');
  });

  it('adds a note and a photo to an indicator', async () => {
    await page.getByLabel('Catatan penilai A1', { exact: true }).fill('SK ada di tingkat desa dan kecamatan; tingkat kabupaten belum.');
    await page.getByLabel('Catatan penilai A1', { exact: true }).blur();
    const photoFile = join(temp.dir, 'register-posyandu.png');
    writeFileSync(photoFile, PHOTO);
    await page.getByLabel('Tambah foto A1', { exact: true }).setInputFiles(photoFile);
    await page.locator('li[data-indicator="A1"] .thumb img').waitFor();
    const sheet = await core.call('scoring.sheet', { competition: CODE, juror: 'J1', site: 'S01' });
    if (!sheet.ok) throw new Error(sheet.error.key);
    expect(sheet.value.notes.find((n) => n.indicator === 'A1')?.note).toBe(
      'SK ada di tingkat desa dan kecamatan; tingkat kabupaten belum.',
    );
    expect(sheet.value.evidence.map((e) => [e.indicator, e.name])).toEqual([['A1', 'register-posyandu.png']]);
    await page.locator('li[data-indicator="A1"] .thumb').click();
    await page.getByRole('dialog', { name: 'register-posyandu.png' }).waitFor();
    await shot(page, '22-penilaian-foto', false);
    await page.getByRole('button', { name: 'Tutup' }).click();
  });

  it('takes a photo dropped on an indicator', async () => {
    const target = page.locator('li[data-indicator="A3"]');
    const transfer = await page.evaluateHandle((base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'notulen-rapat.png', { type: 'image/png' }));
      return data;
    }, PHOTO.toString('base64'));
    await target.dispatchEvent('dragover', { dataTransfer: transfer });
    await target.dispatchEvent('drop', { dataTransfer: transfer });
    await target.locator('.thumb img').waitFor();
    const sheet = await core.call('scoring.sheet', { competition: CODE, juror: 'J1', site: 'S01' });
    expect(sheet.ok && sheet.value.evidence.filter((e) => e.indicator === 'A3').map((e) => e.name)).toEqual(['notulen-rapat.png']);
  });

  it('takes a photo with the camera', async () => {
    await page.locator('li[data-indicator="A2"]').getByRole('button', { name: 'Kamera' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kamera' });
    await expect.poll(() => dialog.locator('video').evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
    await shot(page, '22b-penilaian-kamera', false);
    await dialog.getByRole('button', { name: 'Ambil foto' }).click();
    await page.locator('li[data-indicator="A2"] .thumb img').waitFor();
    const sheet = await core.call('scoring.sheet', { competition: CODE, juror: 'J1', site: 'S01' });
    if (!sheet.ok) throw new Error(sheet.error.key);
    const photo = sheet.value.evidence.find((e) => e.indicator === 'A2');
    expect(photo?.mime).toBe('image/jpeg');
    expect(photo?.hasThumbnail).toBe(true);
  });

  it('finalises with a drawn signature and the PIN, and the sheet is locked', async () => {
    await page.getByRole('button', { name: 'Tinjau & finalkan' }).click();
    await page.getByText('Semua indikator lengkap. Tanda tangani untuk memfinalkan.').waitFor();
    const pad = page.getByRole('img', { name: 'Kotak tanda tangan' });
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + 140);
    await page.mouse.down();
    for (let i = 1; i <= 20; i += 1) await page.mouse.move(box.x + 40 + i * 20, box.y + 140 - Math.sin(i / 2) * 60);
    await page.mouse.up();
    await page.getByLabel('PIN', { exact: true }).fill(PIN);
    await page.getByRole('region', { name: 'Tinjau dan finalkan lembar penilaian' }).scrollIntoViewIfNeeded();
    await shot(page, '23-penilaian-finalisasi', false);
    await expectAccessible(page, 'penilaian-finalisasi');
    await page.getByRole('button', { name: 'Finalkan lembar' }).click();
    await page.getByText('Lembar ini sudah difinalkan dan terkunci.').waitFor();
    const sheet = await core.call('scoring.sheet', { competition: CODE, juror: 'J1', site: 'S01' });
    expect(sheet.ok && sheet.value.finalised).toBe(true);
    expect(await page.locator('li[data-indicator="A2"] [role=radio]').first().isDisabled()).toBe(true);
    await shot(page, '24-penilaian-terkunci', false);
  });

  it('reopens the finalised sheet only with a reason, which stays with the sheet', async () => {
    await page.getByRole('button', { name: 'Buka kembali lembar ini' }).click();
    await page.getByLabel('Alasan membuka kembali (dicatat dan dicetak)').fill('ok');
    expect(await page.getByRole('button', { name: 'Buka kembali', exact: true }).isDisabled()).toBe(true); // too short to be a reason
    await page
      .getByLabel('Alasan membuka kembali (dicatat dan dicetak)')
      .fill('Salah ketik nilai A3 pada kunjungan; dikoreksi atas permintaan ketua.');
    await page.getByRole('button', { name: 'Buka kembali', exact: true }).click();
    await page.getByText(/dibuka kembali oleh J1: “Salah ketik nilai A3/).waitFor();
    const sheet = await core.call('scoring.sheet', { competition: CODE, juror: 'J1', site: 'S01' });
    expect(sheet.ok && sheet.value.finalised).toBe(false);
    expect(sheet.ok && sheet.value.events.map((e) => [e.kind, e.reason])).toEqual([
      ['finalise', null],
      ['reopen', 'Salah ketik nilai A3 pada kunjungan; dikoreksi atas permintaan ketua.'],
    ]);
    await shot(page, '24b-penilaian-dibuka-kembali', false);
  });

  it('sees the ranking change', async () => {
    await page.getByRole('button', { name: 'Rekap', exact: true }).click();
    const ranking = await core.call('compile.ranking', { competition: CODE });
    if (!ranking.ok) throw new Error(ranking.error.key);
    const first = ranking.value.ranking[0]!;
    expect(first.site).toBe('S01');
    await page.locator('tr[data-site="S01"] td.total').waitFor();
    expect(await page.locator('tr[data-site="S01"] td.total').textContent()).toBe(formatNumber(first.total, 2, 'id'));
    expect(await page.locator('tr[data-site="S01"] td.rank').textContent()).toBe('1');
    await shot(page, '25-rekap-setelah-kunjungan', false);
  });

  it('made no request beyond this machine', () => {
    expect(app.outsideRequests).toEqual([]);
  });
});
