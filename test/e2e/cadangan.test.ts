/**
 * Cadangan in Chromium at 1366×768 over the HTTP bridge: a backup made by hand appears with its time, its reason in
 * words, its counts of scores and photos, size and short hash; checked without restoring; restored after a
 * confirmation that says in words what will be replaced, the state before kept as a backup. And the app on a
 * damaged database: only Cadangan, saying what is damaged and offering the newest backup; restoring it starts the
 * app again on the restored data. In English too. axe-core on each state; screenshots in test-results/e2e/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { openAppHost } from '../../electron/core/backup/host.js';
import { repositoryResources } from '../../electron/core/platform/resources.js';
import { damageMiddle, lockedDemoWithPhoto } from '../support/backup.js';
import { openTestCore, tempDir } from '../support/core.js';
import { expectAccessible, openApp, shot, type App } from '../support/e2e.js';
import { call } from '../support/jury.js';

const temp = tempDir('penilai-e2e-cadangan-');
const database = join(temp.dir, 'cadangan.sqlite');
const home = join(temp.dir, 'home');
let core: Core;
let app: App;
let page: Page;
let scores: number;

beforeAll(async () => {
  core = openTestCore(database, undefined, { home });
  await lockedDemoWithPhoto(core);
  scores = (core.db.prepare('SELECT count(*) AS n FROM score').get() as { n: number }).n;
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

const rows = () => page.locator('table.cadangan-list tbody tr');

describe('Cadangan', () => {
  it('opens from the navigation and makes a backup by hand, listed with its reason, counts, size and short hash', async () => {
    await page.getByRole('button', { name: 'Cadangan', exact: true }).click();
    await page.getByRole('heading', { name: 'Cadangan', level: 1 }).waitFor();
    await page.getByText('Belum ada cadangan di folder ini.').waitFor();
    await page.getByRole('button', { name: 'Cadangkan sekarang' }).click();
    await page.getByRole('status').getByText(`Cadangan dibuat: ${scores} nilai, 1 foto,`).waitFor();
    await expect.poll(() => rows().count()).toBe(1);
    const cells = await rows().first().locator('td').allInnerTexts();
    const made = (await call(core, 'backup.list', {})).backups[0]!;
    expect(cells.slice(1, 4)).toEqual(['Dibuat manual', String(scores), '1']);
    expect(cells[4]).toMatch(/^\d+ KB$/);
    expect(cells[5]).toBe(made.sha256.slice(0, 12));
    expect(cells[0]).toMatch(/ pukul \d{2}\.\d{2}$/);
    await shot(page, 'cadangan-01-daftar', false);
    await expectAccessible(page, 'cadangan');
  });

  it('checks a backup without restoring it', async () => {
    await rows()
      .first()
      .getByRole('button', { name: /^Periksa / })
      .click();
    await page.getByText(/utuh: basis data, 1 foto dan rantai riwayatnya sesuai manifes\./).waitFor();
    await shot(page, 'cadangan-02-diperiksa', false);
  });

  it('restores after saying in words what will be replaced; the state before is kept as a backup', async () => {
    await call(core, 'pleno.reopen', { competition: 'DEMO', reason: 'Salah ketik nama lokus' });
    await rows()
      .first()
      .getByRole('button', { name: /^Pulihkan / })
      .click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    await expect
      .poll(() => dialog.innerText())
      .toContain(`Basis data yang sekarang (${database}) akan diganti dengan cadangan ini: ${scores} nilai dan 1 foto.`);
    await shot(page, 'cadangan-03-konfirmasi', false);
    await expectAccessible(page, 'cadangan-konfirmasi');
    await dialog.getByRole('button', { name: 'Ya, pulihkan' }).click();
    await page
      .getByRole('status')
      .getByText(/dipulihkan\. Keadaan sebelumnya disimpan/)
      .waitFor();
    await expect.poll(() => rows().count()).toBe(2);
    expect(await rows().first().locator('td').nth(1).innerText()).toBe('Sebelum pemulihan');
    expect((await call(core, 'pleno.status', { competition: 'DEMO' })).state).toBe('locked');
    await shot(page, 'cadangan-04-dipulihkan', false);
  });

  it('in English', async () => {
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'Backups', level: 1 }).waitFor();
    expect(await rows().nth(1).locator('td').nth(1).innerText()).toBe('Made by hand');
    await shot(page, 'cadangan-05-english', false);
    await page.getByRole('button', { name: 'ID', exact: true }).click();
  });
});

describe('the app on a damaged database', () => {
  it('shows only Cadangan, says what is damaged, offers the newest backup and starts again once it is restored', async () => {
    const broken = join(temp.dir, 'rusak.sqlite');
    const brokenHome = join(temp.dir, 'home-rusak');
    const first = openTestCore(broken, undefined, { home: brokenHome });
    await lockedDemoWithPhoto(first);
    await call(first, 'backup.create', {});
    first.close();
    damageMiddle(broken);
    const host = openAppHost({
      database: broken,
      resources: repositoryResources(),
      version: 'test',
      desktop: false,
      home: brokenHome,
      log: () => {},
    });
    expect(host.core).toBe(null);
    const recovery = await openApp(host);
    try {
      const p = recovery.page;
      await p.setViewportSize({ width: 1366, height: 768 });
      const alert = p.getByRole('alert').filter({ hasText: 'Basis data rusak dan tidak dibuka' });
      await alert.waitFor();
      expect(await alert.innerText()).toContain(`Penilai tidak membuka ${broken}: pemeriksaan SQLite menemukan halaman berkas yang rusak.`);
      expect(await alert.innerText()).toMatch(
        new RegExp(`Cadangan utuh terbaru dibuat .* \\(${scores} nilai, 1 foto\\)\\. Nilai yang dicatat sesudahnya akan hilang:`),
      );
      expect(await p.getByRole('navigation').count()).toBe(0);
      await shot(p, 'cadangan-06-rusak', false);
      await expectAccessible(p, 'cadangan-rusak');
      await p.getByRole('button', { name: 'Pulihkan cadangan terbaru' }).click();
      await p.getByRole('alertdialog').getByRole('button', { name: 'Ya, pulihkan' }).click();
      // The app starts again on the restored database: the navigation and the competition are back.
      await p.getByRole('navigation').getByRole('button', { name: 'Lomba', exact: true }).waitFor();
      expect(host.core).not.toBe(null);
      await shot(p, 'cadangan-07-pulih', false);
    } finally {
      await recovery.close();
      host.close();
    }
  });
});
