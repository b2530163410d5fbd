/**
 * Packages between laptops through the UI (issue 9), on two installations: the secretariat and a juror's laptop,
 * each its own database and home (its own device key), each served by its own HTTP bridge to its own Chromium.
 * The secretariat writes the setup package on the Paket screen; the laptop receives it on its Paket screen; the juror
 * signs in, scores, "Kirim nilai" (the download captured), sees the fingerprint; the secretariat drops the package,
 * sees the plan, ticks the fingerprint box, applies; the board shows the juror's sheet. Then a conflict: the
 * secretariat corrects a cell, the juror changes the same cell and sends again, the plan shows it side by side, it is
 * applied and decided on screen; the board updated. Screenshots at 1366×768 in test-results/e2e/ (prefix 9-paket-).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { openTestCore, tempDir } from '../support/core.js';
import { expectAccessible, openApp, shot, type App } from '../support/e2e.js';
import { call, JURY_COMPETITION, asSecretariat, SECRETARIAT_PIN } from '../support/jury.js';
import { writeFileSync } from 'node:fs';

const NAME = 'Lomba P2WKSS Uji Jawa Barat';
const JUROR = 'Dr. Hj. Siti Aminah';
const temp = tempDir('penilai-e2e-paket-');

let secretariat: Core;
let laptop: Core;
let office: App;
let juror: App;
/** The secretariat's page and the juror's laptop's page. */
let sp: Page;
let jp: Page;
let setupFile: string;
let firstPackage: string;
let fingerprints: { secretariat: string; laptop: string };

async function saved(download: Promise<Download>, name: string): Promise<string> {
  const file = await download;
  const target = join(temp.dir, name);
  await file.saveAs(target);
  return target;
}

/** Drops files on the drop zone as a person drags them from the file manager. */
async function drop(page: Page, files: string[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.split('/').at(-1)!, bytes: [...readFileSync(f)] }));
  const transfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const item of items) dt.items.add(new File([new Uint8Array(item.bytes)], item.name));
    return dt;
  }, payload);
  await page.dispatchEvent('[data-testid="drop-zone"]', 'drop', { dataTransfer: transfer });
}

async function scoreOf(core: Core, site: string, indicator: string): Promise<number | undefined> {
  const sheet = await call(core, 'scoring.sheet', { competition: 'JABAR', juror: 'J1', site });
  return sheet.scores.find((s) => s.indicator === indicator)?.value;
}

/** Clicks a level of an indicator on the juror's sheet and waits until it says it is saved. */
async function level(page: Page, indicator: string, value: number): Promise<void> {
  const row = page.locator(`li[data-indicator="${indicator}"]`);
  await row
    .getByRole('radio')
    .nth(value - 1)
    .click();
  await row.getByText('Tersimpan').waitFor();
}

const fingerprintOn = (page: Page, label: string) => page.getByRole('group', { name: new RegExp(`^${label}`) }).locator('code');

beforeAll(async () => {
  secretariat = openTestCore(join(temp.dir, 'sekretariat.sqlite'), undefined, { home: join(temp.dir, 'home-sekretariat') });
  laptop = openTestCore(join(temp.dir, 'laptop-j1.sqlite'), undefined, { home: join(temp.dir, 'home-j1') });
  await call(secretariat, 'setup.import', { name: 'jabar.json', bytes: new TextEncoder().encode(JSON.stringify(JURY_COMPETITION)) });
  await asSecretariat(secretariat, 'JABAR');
  await call(secretariat, 'session.setJurorPin', { competition: 'JABAR', juror: 'J1', pin: '3917' });
  fingerprints = {
    secretariat: (await call(secretariat, 'exchange.identity', {})).device.fingerprint,
    laptop: (await call(laptop, 'exchange.identity', {})).device.fingerprint,
  };
  expect(fingerprints.secretariat).not.toBe(fingerprints.laptop);
  office = await openApp(secretariat, { acceptDownloads: true });
  juror = await openApp(laptop, { acceptDownloads: true });
  sp = office.page;
  jp = juror.page;
  for (const page of [sp, jp]) await page.setViewportSize({ width: 1366, height: 768 });
});

afterAll(async () => {
  expect(office?.outsideRequests).toEqual([]);
  expect(juror?.outsideRequests).toEqual([]);
  await office?.close();
  await juror?.close();
  secretariat?.close();
  laptop?.close();
  temp.cleanup();
});

describe('packages between two laptops, through the screens', () => {
  it('the secretariat writes the setup package on the Paket screen', async () => {
    await sp.getByRole('button', { name: `Buka ${NAME}` }).click();
    await sp.getByText('Sedang dibuka').waitFor();
    await sp.getByRole('button', { name: 'Paket', exact: true }).click();
    await sp.getByRole('heading', { name: 'Paket antarlaptop', level: 1 }).waitFor();
    expect(await fingerprintOn(sp, 'Sidik jari laptop ini').getAttribute('data-fingerprint')).toBe(fingerprints.secretariat);
    await sp.getByText('Lomba ini tidak diterima dari paket persiapan: laptop ini adalah sekretariatnya.').waitFor();
    const download = sp.waitForEvent('download');
    await sp.getByRole('button', { name: 'Buat paket persiapan' }).click();
    setupFile = await saved(download, 'persiapan-JABAR.penilai');
    await sp.getByText(/Paket persiapan .*\.penilai diunduh\./).waitFor();
    const summary = await call(secretariat, 'exchange.inspect', { name: 'persiapan.penilai', bytes: readFileSync(setupFile) });
    expect(summary).toMatchObject({ kind: 'setup', competition: { code: 'JABAR' }, device: { fingerprint: fingerprints.secretariat } });
    // Nobody scored yet: the board says so for every juror and site.
    const j1 = sp.locator('table.board tr[data-juror="J1"]');
    expect(await j1.locator('td[data-site="S01"]').innerText()).toBe('○ Belum mulai\n0/3 dinilai\nKurang: A1, A2, B1');
    expect(await j1.locator('th').innerText()).toContain('Belum ada paket diterima');
    await shot(sp, '9-paket-sekretariat', false);
    await expectAccessible(sp, 'paket-sekretariat');
  });
});

describe('the juror’s laptop', () => {
  it('receives the setup package on its Paket screen: the plan names the secretariat, then the competition is here', async () => {
    await jp.getByRole('button', { name: 'Paket', exact: true }).click();
    await jp.getByText('Belum ada lomba yang dibuka.', { exact: false }).waitFor();
    expect(await fingerprintOn(jp, 'Sidik jari laptop ini').getAttribute('data-fingerprint')).toBe(fingerprints.laptop);
    await jp.getByLabel('Pilih berkas paket…').setInputFiles(setupFile);
    const card = jp.locator('article.received');
    await card.getByRole('heading', { name: 'Paket persiapan · persiapan-JABAR.penilai' }).waitFor();
    expect(await fingerprintOn(jp, 'Dari sekretariat dengan sidik jari').getAttribute('data-fingerprint')).toBe(fingerprints.secretariat);
    await card.getByText('Lomba ini belum ada di sini dan akan dibuat. 3 lokus dan 3 juri.').waitFor();
    await shot(jp, '9-paket-laptop-persiapan', false);
    await expectAccessible(jp, 'paket-laptop-persiapan');
    await card.getByRole('button', { name: 'Terapkan' }).click();
    await card.getByText('Diterapkan: lomba JABAR ada di laptop ini dan sudah dibuka.').waitFor();
    // The laptop now knows the secretariat it reports to, by the secretariat's own fingerprint.
    await jp.getByText(new RegExp(`Melapor ke sekretariat dengan sidik jari ${fingerprints.secretariat}`)).waitFor();
    await jp.getByText(NAME).first().waitFor();
    expect((await call(laptop, 'setup.list', {})).map((c) => c.code)).toEqual(['JABAR']);
    // A juror's laptop does not set up other laptops.
    expect(await jp.getByRole('button', { name: 'Buat paket persiapan' }).count()).toBe(0);
  });

  it('the juror signs in, scores two cells, sends the scores and sees this laptop’s fingerprint', async () => {
    await jp.getByRole('button', { name: 'Penilaian', exact: true }).click();
    await jp.getByRole('button', { name: new RegExp(JUROR.replaceAll('.', '\\.')) }).click();
    await jp.getByLabel(`PIN ${JUROR}`).fill('3917');
    await jp.keyboard.press('Enter');
    await jp.getByText(`Menilai sebagai ${JUROR} (J1)`).waitFor();
    await jp.getByRole('button', { name: /Desa Sukamaju/ }).click();
    await level(jp, 'A1', 4);
    await level(jp, 'A2', 5);
    expect([await scoreOf(laptop, 'S01', 'A1'), await scoreOf(laptop, 'S01', 'A2')]).toEqual([4, 5]);

    const download = jp.waitForEvent('download');
    await jp.getByRole('button', { name: 'Kirim nilai' }).click();
    firstPackage = await saved(download, 'nilai-J1-1.penilai');
    const panel = jp.getByRole('region', { name: `Paket nilai ${JUROR}` });
    await panel.getByText(/Paket .*\.penilai diunduh\. Serahkan berkas ini ke sekretariat/).waitFor();
    expect(await panel.locator('[data-count="scores"]').innerText()).toBe('2 nilai');
    expect(await panel.locator('[data-count="finalised"]').innerText()).toBe('0 lembar final');
    expect(await fingerprintOn(jp, 'Sidik jari laptop ini:').getAttribute('data-fingerprint')).toBe(fingerprints.laptop);
    expect(await fingerprintOn(jp, 'Sidik jari laptop ini:').innerText()).toBe(
      fingerprints.laptop.split(' ').slice(0, 4).join(' ') + '\n' + fingerprints.laptop.split(' ').slice(4).join(' '),
    );
    await panel.getByText(new RegExp(`Melapor ke sekretariat dengan sidik jari ${fingerprints.secretariat}`)).waitFor();
    const inside = await call(laptop, 'exchange.inspect', { name: 'nilai.penilai', bytes: readFileSync(firstPackage) });
    expect(inside).toMatchObject({ kind: 'scores', juror: 'J1', device: { fingerprint: fingerprints.laptop } });
    await shot(jp, '9-paket-kirim-nilai', false);
    await expectAccessible(jp, 'paket-kirim-nilai');
  });
});

describe('the secretariat receives the juror’s package', () => {
  it('dropped on the Paket screen: the plan (who, which laptop, counts, cells); Terapkan waits for the fingerprint box', async () => {
    await drop(sp, [firstPackage]);
    const card = sp.locator('article.received[data-file="nilai-J1-1.penilai"]');
    await card.getByText(`Juri J1 — ${JUROR}`).waitFor();
    expect(await card.locator('code[data-fingerprint]').getAttribute('data-fingerprint')).toBe(fingerprints.laptop);
    const counts = Object.fromEntries(
      await Promise.all(
        ['new', 'changed', 'unchanged', 'conflicts', 'photos', 'sheets'].map(
          async (k) => [k, await card.locator(`[data-count="${k}"]`).innerText()] as const,
        ),
      ),
    );
    expect(counts).toEqual({
      new: '2 baru',
      changed: '0 berubah',
      unchanged: '0 tetap',
      conflicts: '0 konflik',
      photos: '0 foto',
      sheets: '0 lembar',
    });
    expect(await card.locator('table.plan-table tbody tr').allInnerTexts()).toEqual([
      'Desa Sukamaju (S01)\tA1\tBaru\t—\t4',
      'Desa Sukamaju (S01)\tA2\tBaru\t—\t5',
    ]);
    const apply = card.getByRole('button', { name: 'Terapkan' });
    expect(await apply.isDisabled()).toBe(true);
    await card.getByText('Ini laptop pertama juri J1.', { exact: false }).waitFor();
    await card.scrollIntoViewIfNeeded();
    await shot(sp, '9-paket-rencana', false);
    await expectAccessible(sp, 'paket-rencana');
    await card.getByLabel('Sidik jari sudah dicocokkan dengan laptop juri').check();
    await apply.click();
    await card.getByText('Diterapkan: 2 baru, 0 berubah, 0 konflik, 0 foto, 0 lembar.').waitFor();
    expect([await scoreOf(secretariat, 'S01', 'A1'), await scoreOf(secretariat, 'S01', 'A2')]).toEqual([4, 5]);
  });

  it('the board shows the juror’s sheet being scored, what is missing, and the last package with its laptop', async () => {
    const j1 = sp.locator('table.board tr[data-juror="J1"]');
    await j1.locator('td[data-site="S01"][data-state="scoring"]').waitFor();
    expect(await j1.locator('td[data-site="S01"]').innerText()).toBe('◐ Sedang dinilai\n2/3 dinilai\nKurang: B1');
    expect(await j1.locator('th').innerText()).toContain(
      `Paket terakhir: laptop ${fingerprints.laptop.split(' ').slice(0, 2).join(' ')} …`,
    );
    await j1.scrollIntoViewIfNeeded();
    await shot(sp, '9-paket-papan', false);
  });
});

describe('a conflict: the secretariat corrected a cell the juror changes again', () => {
  let second: string;

  it('the juror changes both cells on the sheet and sends again; the plan shows each conflict side by side', async () => {
    // The secretariat corrects A1 and A2 of J1 at S01 from the paper sheet (recorded as the secretariat's).
    await call(secretariat, 'session.enterSecretariat', { competition: 'JABAR', pin: '7391' });
    for (const [indicator, value] of [
      ['A1', 2],
      ['A2', 1],
    ] as const)
      await call(secretariat, 'scoring.setScore', { competition: 'JABAR', juror: 'J1', site: 'S01', indicator, value, entry: true });
    await call(secretariat, 'session.leaveSecretariat', {});
    // Meanwhile, on the laptop, the juror changes the same two cells.
    await jp.getByRole('button', { name: 'Tutup' }).click();
    await level(jp, 'A1', 3);
    await level(jp, 'A2', 3);
    const download = jp.waitForEvent('download');
    await jp.getByRole('button', { name: 'Kirim nilai' }).click();
    second = await saved(download, 'nilai-J1-2.penilai');
    await jp
      .getByRole('region', { name: `Paket nilai ${JUROR}` })
      .locator('[data-count="scores"]')
      .getByText('2')
      .waitFor();

    // The secretariat picks it with the button this time.
    await sp.getByLabel('Pilih berkas paket…').setInputFiles(second);
    const card = sp.locator('article.received[data-file="nilai-J1-2.penilai"]');
    await card.locator('[data-count="conflicts"]').getByText('2').waitFor();
    expect(await card.locator('[data-count="conflicts"]').innerText()).toBe('2 konflik');
    expect(await card.locator('table.plan-table tbody tr').allInnerTexts()).toEqual([
      'Desa Sukamaju (S01)\tA1\tKonflik\t2\t3',
      'Desa Sukamaju (S01)\tA2\tKonflik\t1\t3',
    ]);
    const a2 = card.locator('.plan-conflicts .conflict[data-cell="S01/A2"]');
    expect(await a2.locator('.side-local dl').innerText()).toMatch(
      /^Nilai\n1\nCatatan\n—\nOleh\nSekretariat\nLaptop\nlaptop ini\nWaktu\n.+/,
    );
    expect(await a2.locator('.side-incoming dl').innerText()).toMatch(
      new RegExp(
        `^Nilai\\n3\\nCatatan\\n—\\nOleh\\n${JUROR.replaceAll('.', '\\.')} \\(J1\\)\\nLaptop\\n${fingerprints.laptop.slice(0, 9)} …\\nWaktu\\n.+`,
      ),
    );
    // The laptop is known now: no fingerprint box this time.
    expect(await card.getByText('Ini laptop pertama juri J1.', { exact: false }).count()).toBe(0);
    await card.locator('.plan-conflicts').scrollIntoViewIfNeeded();
    await shot(sp, '9-paket-konflik-rencana', false);
    await expectAccessible(sp, 'paket-konflik-rencana');
    await card.getByRole('button', { name: 'Terapkan' }).click();
    await card
      .getByText(
        'Diterapkan: 0 baru, 0 berubah, 2 konflik, 0 foto, 0 lembar. Putuskan konfliknya di bagian "Konflik yang belum diputuskan".',
      )
      .waitFor();
    expect(await card.locator('.plan-conflicts').count()).toBe(0); // they are decided below now
    // Held until decided: the secretariat's values stay.
    expect([await scoreOf(secretariat, 'S01', 'A1'), await scoreOf(secretariat, 'S01', 'A2')]).toEqual([2, 1]);
  });

  it('decided on screen: one by one, then the rest in bulk; the board updated', async () => {
    const list = sp.locator('ul.conflict-list');
    await list.locator('li[data-conflict="J1/S01/A1"]').waitFor();
    expect(await list.locator('li').count()).toBe(2);
    await sp.getByText('2 konflik belum diputuskan.').waitFor();
    // Deciding is the secretariat's: its PIN is asked first (its session was left after typing the paper sheet).
    const ask = sp.locator('.secretariat-ask');
    await ask.waitFor();
    expect(await ask.locator('p').first().textContent()).toBe(
      'Menyelesaikan konflik adalah tugas sekretariat. Masukkan PIN sekretariat untuk memutuskannya.',
    );
    expect(await list.getByRole('button', { name: 'Pakai nilai sekretariat' }).count()).toBe(0);
    await ask.scrollIntoViewIfNeeded();
    await shot(sp, '9-paket-konflik-pin', false);
    await sp.getByLabel('PIN sekretariat').fill('7391');
    await sp.getByRole('button', { name: 'Buka', exact: true }).click();
    await sp.locator('.secretariat-bar').waitFor();
    await list.scrollIntoViewIfNeeded();
    await shot(sp, '9-paket-konflik', false);
    await expectAccessible(sp, 'paket-konflik');
    // A1: the secretariat's correction stands.
    await list.locator('li[data-conflict="J1/S01/A1"]').getByRole('button', { name: 'Pakai nilai sekretariat' }).click();
    await sp.getByText('1 konflik diputuskan.').waitFor();
    expect(await list.locator('li').count()).toBe(1);
    // The rest (A2), selected all at once: the laptop's value.
    await sp.getByLabel('Pilih semua (1)').check();
    await sp.locator('.bulk-bar').getByRole('button', { name: 'Pakai nilai laptop' }).click();
    await sp.getByText('Tidak ada konflik yang terbuka.').waitFor();
    expect([await scoreOf(secretariat, 'S01', 'A1'), await scoreOf(secretariat, 'S01', 'A2')]).toEqual([2, 3]);
    expect(await call(secretariat, 'exchange.conflicts', { competition: 'JABAR' })).toEqual([]);
    const j1 = sp.locator('table.board tr[data-juror="J1"]');
    expect(await j1.locator('td[data-site="S01"]').innerText()).toBe('◐ Sedang dinilai\n2/3 dinilai\nKurang: B1');
    expect(await sp.getByText('konflik belum diputuskan').count()).toBe(0);
    await sp.locator('table.board').scrollIntoViewIfNeeded();
    await shot(sp, '9-paket-papan-akhir', false);
  });
});

describe('packages that are refused or held', () => {
  it('several files dropped at once: a damaged one refused next to its name; one from a new laptop held until accepted', async () => {
    // The juror's laptop broke: J1 scores S02 A1 on a new laptop (its own home, its own key), set up the same way.
    const spare = openTestCore(join(temp.dir, 'laptop-j1-baru.sqlite'), undefined, { home: join(temp.dir, 'home-j1-baru') });
    // The secretariat has not opened its session (or it ended): the card will ask its PIN.
    await call(secretariat, 'session.leaveSecretariat', {});
    try {
      await call(spare, 'exchange.apply', { name: 'persiapan.penilai', bytes: readFileSync(setupFile) });
      await call(spare, 'session.enter', { competition: 'JABAR', juror: 'J1', pin: '3917' });
      await call(spare, 'scoring.setScore', { competition: 'JABAR', juror: 'J1', site: 'S02', indicator: 'A1', value: 5 });
      // And S01 A2 as the secretariat holds it already (3): unchanged there.
      await call(spare, 'scoring.setScore', { competition: 'JABAR', juror: 'J1', site: 'S01', indicator: 'A2', value: 3 });
      const made = await call(spare, 'exchange.exportScores', { competition: 'JABAR', juror: 'J1' });
      const fresh = (await call(spare, 'exchange.identity', {})).device.fingerprint;
      const held = join(temp.dir, 'nilai-J1-laptop-baru.penilai');
      writeFileSync(held, made.file.bytes);
      const damaged = join(temp.dir, 'nilai-J1-rusak.penilai');
      writeFileSync(damaged, readFileSync(firstPackage).subarray(0, 300));

      await drop(sp, [damaged, held]);
      const bad = sp.locator('article.received[data-file="nilai-J1-rusak.penilai"]');
      await bad.getByRole('alert').waitFor();
      expect(await bad.getByRole('alert').innerText()).toBe(
        'Ditolak: Paket nilai-J1-rusak.penilai rusak atau terpotong (mungkin belum selesai disalin). Salin ulang dari laptop asalnya.',
      );
      const card = sp.locator('article.received[data-file="nilai-J1-laptop-baru.penilai"]');
      await card.getByRole('alert').waitFor();
      expect(await card.getByRole('alert').innerText()).toMatch(
        /^Ditahan: laptop baru: Paket nilai-J1-laptop-baru\.penilai ditahan: ditandatangani laptop baru/,
      );
      expect(await card.locator('code[data-fingerprint]').getAttribute('data-fingerprint')).toBe(fresh);
      const accept = card.getByRole('button', { name: 'Terima laptop baru' });
      expect(await accept.isDisabled()).toBe(true);
      // Accepting a juror's new laptop is the secretariat's: its PIN is asked in the card.
      await card.getByText('Menerima laptop baru juri adalah tugas sekretariat. Masukkan PIN sekretariat untuk menerimanya.').waitFor();
      await card.scrollIntoViewIfNeeded();
      await shot(sp, '9-paket-ditahan', false);
      await expectAccessible(sp, 'paket-ditahan');
      await card.getByLabel('Sidik jari sudah dicocokkan dengan laptop baru juri').check();
      expect(await accept.isDisabled()).toBe(true);
      await card.getByLabel('PIN sekretariat').fill(SECRETARIAT_PIN);
      await card.getByRole('button', { name: 'Buka' }).click();
      await card.getByText('Sekretariat sedang menerima paket.').waitFor();
      await accept.click();
      await card.getByText('Laptop baru diterima untuk juri ini; periksa rencananya lalu terapkan.').waitFor();
      expect(await card.locator('table.plan-table tbody tr').allInnerTexts()).toEqual(['Desa Mekarsari (S02)\tA1\tBaru\t—\t5']);
      // Only what changes is listed; the unchanged cells on request.
      await card.getByRole('button', { name: 'Tampilkan semua (1 tetap)' }).click();
      expect(await card.locator('table.plan-table tbody tr').allInnerTexts()).toEqual([
        'Desa Mekarsari (S02)\tA1\tBaru\t—\t5',
        'Desa Sukamaju (S01)\tA2\tTetap\t3\t3',
      ]);
      await card.getByRole('button', { name: 'Terapkan' }).click();
      await card.getByText('Diterapkan: 1 baru, 0 berubah, 0 konflik, 0 foto, 0 lembar.').waitFor();
      expect(await scoreOf(secretariat, 'S02', 'A1')).toBe(5);
      const j1 = sp.locator('table.board tr[data-juror="J1"]');
      // The board is fetched again after the package is applied: wait for it to name the new laptop.
      await j1.locator('th', { hasText: `Paket terakhir: laptop ${fresh.slice(0, 9)} …` }).waitFor({ timeout: 10_000 });
    } finally {
      spare.close();
    }
  });

  it('a .penilai file opened with the app (double-click) arrives on the Paket screen; the same package again changes nothing', async () => {
    const before = await call(secretariat, 'scoring.history', { competition: 'JABAR', juror: 'J1', site: 'S01', indicator: 'A1' });
    // What the desktop shell does with a file double-clicked: the core keeps it and announces `file.opened`.
    secretariat.openFile(firstPackage);
    const card = sp.locator('article.received[data-file="nilai-J1-1.penilai"]');
    await card.getByText('Tidak ada yang berubah: isi paket ini sudah ada di sini.').waitFor();
    expect(await card.locator('[data-count="new"]').innerText()).toBe('0 baru');
    expect(await card.getByRole('button', { name: 'Terapkan' }).count()).toBe(0);
    expect(await call(secretariat, 'scoring.history', { competition: 'JABAR', juror: 'J1', site: 'S01', indicator: 'A1' })).toEqual(before);
    expect(await call(secretariat, 'app.openedFiles', { kind: 'package' })).toEqual([]); // taken once
  });

  it('in English when the app is in English', async () => {
    await sp.getByRole('button', { name: 'EN', exact: true }).click();
    await sp.getByRole('heading', { name: 'Packages between laptops', level: 1 }).waitFor();
    await sp.getByRole('button', { name: 'Make the setup package' }).waitFor();
    await sp.getByText('Legend:').waitFor();
    // What was said before the switch is said again in English.
    await sp.getByText(/^Setup package JABAR-persiapan-.*\.penilai downloaded\.$/).waitFor();
    await sp.getByText('Conflicts decided: 1.').waitFor();
    await sp.getByText('Applied: 1 new, 0 changed, 0 conflicts, 0 photos, 0 sheets.').waitFor();
    const j1 = sp.locator('table.board tr[data-juror="J1"]');
    expect(await j1.locator('td[data-site="S01"]').innerText()).toBe('◐ Being scored\n2/3 scored\nMissing: B1');
    await sp.locator('article.received[data-file="nilai-J1-rusak.penilai"]').getByText('Refused:', { exact: false }).waitFor();
    await shot(sp, '9-paket-english', true);
    await sp.getByRole('button', { name: 'ID', exact: true }).click();
    // The juror's laptop too: the package just sent, in English.
    await jp.getByRole('button', { name: 'EN', exact: true }).click();
    await jp.getByRole('button', { name: 'Send scores' }).waitFor();
    const panel = jp.getByRole('region', { name: `Score package of ${JUROR}` });
    expect(await panel.locator('[data-count="scores"]').innerText()).toBe('2 scores');
    await panel.getByText('This laptop’s fingerprint:').waitFor();
    await panel.getByText(/^Package .*\.penilai downloaded\. Hand this file to the secretariat/).waitFor();
    await shot(jp, '9-paket-kirim-english', false);
    await jp.getByRole('button', { name: 'ID', exact: true }).click();
  });
});
