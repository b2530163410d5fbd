/**
 * A juror's laptop through a working day, in Chromium over the HTTP bridge: a reload and a restart of the app come
 * back to the same sheet and indicator; left unused for ten minutes (fake clocks in the browser and in the core)
 * the session locks, the note being typed is saved, and the juror's PIN brings the same sheet back; a write the
 * core refuses as locked is kept and saved after the PIN. Screenshots in test-results/e2e/ (prefix 7-laptop-).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { openTestCore, tempDir } from '../support/core.js';
import { expectAccessible, openApp, shot, type App } from '../support/e2e.js';
import { focusedIndicator } from '../../scripts/keyboard-scoring.js';

const CODE = 'KUNJUNGAN-2026';
const PIN = '2468';
const NAME = 'Dr. Hj. Siti Aminah, M.Si.';
const temp = tempDir('penilai-e2e-laptop-');
const database = join(temp.dir, 'laptop.sqlite');

let now = new Date('2026-09-08T09:00:00.000Z');
const clock = () => now;
const MINUTE = 60_000;

let core: Core;
let app: App;
let page: Page;

/** Opens the app on `core` as a restarted laptop does: what the browser kept (localStorage) is still there. */
async function open(kept?: Record<string, string>): Promise<void> {
  app = await openApp(core);
  page = app.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.clock.install({ time: now });
  if (kept) await page.evaluate((items) => Object.entries(items).forEach(([k, v]) => localStorage.setItem(k, v)), kept);
  await page.reload();
}

async function note(indicator: string): Promise<string | null | undefined> {
  const sheet = await core.call('scoring.sheet', { competition: CODE, juror: 'J1', site: 'S01' });
  if (!sheet.ok) throw new Error(sheet.error.key);
  return sheet.value.notes.find((s) => s.indicator === indicator)?.note;
}

async function value(indicator: string): Promise<number | undefined> {
  const sheet = await core.call('scoring.sheet', { competition: CODE, juror: 'J1', site: 'S01' });
  if (!sheet.ok) throw new Error(sheet.error.key);
  return sheet.value.scores.find((s) => s.indicator === indicator)?.value;
}

/** Whether the indicator's heading and the focused field are inside the window (its checklist may be taller). */
async function inView(indicator: string): Promise<boolean> {
  return page.evaluate((code) => {
    const inside = (el: Element | null) => {
      if (!el) return false;
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    };
    const row = document.querySelector(`li[data-indicator="${code}"]`);
    return inside(row?.querySelector('.indicator-title') ?? null) && inside(document.activeElement);
  }, indicator);
}

beforeAll(async () => {
  core = openTestCore(database, clock);
  const created = await core.call('setup.create', {
    competition: { code: CODE, name: 'Lomba P2WKSS Tingkat Provinsi Jawa Barat Tahun 2026', year: 2026 },
    sites: [
      { code: 'S01', name: 'Desa Sukamaju', regency: 'Kabupaten Garut' },
      { code: 'S02', name: 'Desa Mekarsari', regency: 'Kabupaten Bandung' },
    ],
    jurors: [
      { code: 'J1', name: NAME, role: 'ketua' },
      { code: 'J2', name: 'Budi Santoso, S.Sos.', role: 'anggota' },
    ],
  });
  expect(created.ok).toBe(true);
  // The secretariat sets J1's PIN in its own session (issue 12: nobody else may), then leaves it.
  expect((await core.call('session.setSecretariatPin', { competition: CODE, pin: '7391' })).ok).toBe(true);
  expect((await core.call('session.enterSecretariat', { competition: CODE, pin: '7391' })).ok).toBe(true);
  expect((await core.call('session.setJurorPin', { competition: CODE, juror: 'J1', pin: PIN })).ok).toBe(true);
  expect((await core.call('session.leaveSecretariat', {})).ok).toBe(true);
  await open();
  await page.getByRole('button', { name: 'Buka Lomba P2WKSS Tingkat Provinsi Jawa Barat Tahun 2026' }).click();
  await page.getByText('Sedang dibuka').waitFor();
  await page.getByRole('button', { name: 'Penilaian', exact: true }).click();
  await page.getByRole('button', { name: new RegExp(NAME.replaceAll('.', '\\.')) }).click();
  await page.getByLabel(`PIN ${NAME}`).fill(PIN);
  await page.keyboard.press('Enter');
  await page.getByText(`Menilai sebagai ${NAME} (J1)`).waitFor();
});

afterAll(async () => {
  await app?.close();
  core?.close();
  temp.cleanup();
});

describe('a reload and a restart come back to the same place', () => {
  it('after a reload: Penilaian, the same site’s sheet, C2 (a household checklist further down) focused and in view', async () => {
    await page.getByRole('button', { name: /Desa Sukamaju/ }).click();
    await page.locator('li.indicator').first().waitFor();
    // A few indicators scored with the keyboard.
    for (const level of ['3', '4', '5']) {
      await page.keyboard.press(level);
      await page
        .locator(`li[data-indicator="${await focusedIndicator(page)}"]`)
        .getByText('Tersimpan')
        .waitFor();
      await page.keyboard.press('Enter');
    }
    // Then on to C2, the household checklist, further down: the juror clicks its field.
    await page.locator('li[data-indicator="C2"] input').first().click();
    expect(await focusedIndicator(page)).toBe('C2');
    expect([await value('A1'), await value('A2'), await value('A3')]).toEqual([3, 4, 5]);

    await page.reload();
    await page.getByRole('heading', { name: `Lembar penilaian ${NAME} — Desa Sukamaju` }).waitFor();
    await expect.poll(() => focusedIndicator(page)).toBe('C2');
    expect(await inView('C2')).toBe(true);
    expect(await page.getByRole('button', { name: 'Penilaian', exact: true }).getAttribute('aria-current')).toBe('page');
    await shot(page, '7-laptop-reload', false);
  });

  it('after a restart (a new core on the same database): the PIN is asked, then the same sheet and C2 are back', async () => {
    const kept = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
    await app.close();
    core.close();
    core = openTestCore(database, clock);
    await open(kept);

    await page.getByRole('heading', { name: 'Sesi terkunci' }).waitFor();
    await page.getByText(`${NAME}, aplikasi dibuka kembali`).waitFor();
    expect(await page.locator('li.indicator').count()).toBe(0); // the sheet is hidden until the PIN is given
    await shot(page, '7-laptop-restart-pin', false);
    await expectAccessible(page, 'laptop-restart-pin');
    await page.getByLabel(`PIN ${NAME}`).fill('3917');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'PIN juri J1 salah.' }).waitFor();
    await page.getByLabel(`PIN ${NAME}`).fill(PIN);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Lembar penilaian ${NAME} — Desa Sukamaju` }).waitFor();
    await expect.poll(() => focusedIndicator(page)).toBe('C2');
    expect(await inView('C2')).toBe(true);
  });
});

describe('a laptop left unused', () => {
  it('locks after 10 minutes: the note being typed is saved, the PIN asked, then the same sheet is back', async () => {
    const text = 'Papan nama posyandu ada, register belum diisi bulan ini.';
    const field = page.getByLabel('Catatan penilai A2', { exact: true });
    await field.click();
    await page.keyboard.type(text);
    // The juror walks away with the caret still in the note.
    await page.clock.fastForward('10:01');
    await page.getByRole('heading', { name: 'Sesi terkunci' }).waitFor();
    await page.getByText(`${NAME}, laptop ini lama tidak dipakai`).waitFor();
    expect(await note('A2')).toBe(text);
    expect(await page.locator('li.indicator').count()).toBe(0);
    const session = await core.call('session.get', {});
    expect(session.ok && session.value).toMatchObject({ juror: 'J1', locked: true });
    // The core refuses the juror's writes meanwhile, whoever sends them.
    const refused = await core.call('scoring.setScore', { competition: CODE, juror: 'J1', site: 'S01', indicator: 'A4', value: 3 });
    expect(!refused.ok && refused.error.key).toBe('session.idle');
    await shot(page, '7-laptop-locked', false);
    await expectAccessible(page, 'laptop-locked');

    await page.getByLabel(`PIN ${NAME}`).fill(PIN);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Lembar penilaian ${NAME} — Desa Sukamaju` }).waitFor();
    expect(await page.getByLabel('Catatan penilai A2', { exact: true }).inputValue()).toBe(text);
    await expect.poll(() => focusedIndicator(page)).toBe('A2');
  });

  it('keeps a score the core refused as locked (its own clock ran out first) and saves it after the PIN', async () => {
    now = new Date(now.getTime() + 11 * MINUTE); // the core's clock: eleven minutes since the last write
    const a5 = page.locator('li[data-indicator="A5"]');
    await a5.getByRole('radio').nth(3).click();
    await page.getByRole('heading', { name: 'Sesi terkunci' }).waitFor();
    expect(await value('A5')).toBeUndefined();
    await page.getByLabel(`PIN ${NAME}`).fill(PIN);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Lembar penilaian ${NAME} — Desa Sukamaju` }).waitFor();
    await expect.poll(() => value('A5')).toBe(4);
  });

  it('signs a juror without a PIN out instead ("Siapa Anda?"); choosing themselves again brings their sheet back', async () => {
    await page.getByRole('button', { name: 'Ganti juri' }).click();
    await page.getByRole('button', { name: /Budi Santoso/ }).click();
    await page.getByText('Menilai sebagai Budi Santoso, S.Sos. (J2)').waitFor();
    await page.getByRole('button', { name: /Desa Mekarsari/ }).click();
    await page.locator('li.indicator').first().waitFor();
    await page.clock.fastForward('10:01');
    await page.getByRole('heading', { name: 'Siapa Anda?' }).waitFor();
    await page.getByRole('button', { name: /Budi Santoso/ }).click();
    await page.getByRole('heading', { name: 'Lembar penilaian Budi Santoso, S.Sos. — Desa Mekarsari' }).waitFor();
  });
});
