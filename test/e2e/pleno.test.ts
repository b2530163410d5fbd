/**
 * The plenary meeting as the jury runs it, in Chromium at 1366×768 over the HTTP bridge, on the demo competition
 * where S04 and S05 tie on Juara II (every sheet final): open the pleno, see the tie, try to record a decision
 * without a reason and be told, record it with a reason and see the ranking place them in that order ("Keputusan
 * rapat pleno"), lock after the confirmation, try to change a score sheet on the Penilaian screen and be refused
 * because the result is locked, reopen with a reason and see "Revisi 1"; the analysis tab; the same in English.
 * Screenshots in test-results/e2e/ (pleno-*); axe-core on each view.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import type { CompetitionDetail } from '../../shared/contract/setup.js';
import { agreementReading, leniencyReading, readingText, sensitivityReading } from '../../shared/domain/analysis-reading.js';
import { formatNumber } from '../../shared/domain/numbers.js';
import { databaseBytes, openTestCore, tempDir } from '../support/core.js';
import { expectAccessible, openApp, shot, type App } from '../support/e2e.js';
import { call, PNG, SECRETARIAT_PIN } from '../support/jury.js';
import { demoWithTie, TIE_COMPETITION as C } from '../support/pleno.js';

let page: Page;
let core: Core;
let app: App;
let detail: CompetitionDetail;
const temp = tempDir('penilai-e2e-pleno-');
const REASON = 'Juri sepakat pembinaan keluarga di S05 lebih berkelanjutan.';

const status = () => call(core, 'pleno.status', { competition: C });
const ranking = () => call(core, 'compile.ranking', { competition: C });
const currentStep = () => page.locator('.pleno-steps li[aria-current="step"] .step-name').textContent();

beforeAll(async () => {
  core = openTestCore(join(temp.dir, 'pleno.sqlite'));
  await demoWithTie(core);
  await call(core, 'session.leaveSecretariat', {}); // the screen asks for the secretariat PIN, as at the meeting
  detail = await call(core, 'setup.get', { code: C });
  app = await openApp(core);
  page = app.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('button', { name: `Buka ${detail.info.name}` }).click();
  await page.getByText('Sedang dibuka').waitFor();
  await page.getByRole('button', { name: 'Pleno', exact: true }).click();
  await page.getByRole('heading', { name: 'Rapat pleno', level: 1 }).waitFor();
}, 120_000);

afterAll(async () => {
  expect(app?.outsideRequests).toEqual([]);
  await app?.close();
  core?.close();
  temp.cleanup();
});

describe('the plenary meeting in Chromium', () => {
  it('asks the secretariat PIN before ties, locking or reopening show; a wrong one is refused in words', async () => {
    const ask = page.locator('.secretariat-ask');
    await ask.waitFor();
    expect(await ask.locator('p').first().textContent()).toBe(
      'Memutuskan urutan yang seri, mengunci, dan membuka kembali hasil resmi adalah tugas sekretariat. Masukkan PIN sekretariat untuk melanjutkan.',
    );
    expect(await page.locator('.tie').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Kunci hasil' }).count()).toBe(0);
    await page.getByLabel('PIN sekretariat').fill('0000');
    await page.getByRole('button', { name: 'Buka', exact: true }).click();
    await page.getByText('PIN sekretariat salah.').waitFor();
    await shot(page, 'pleno-00-pin-sekretariat');
    await expectAccessible(page, 'pleno-pin-sekretariat');
    await page.getByLabel('PIN sekretariat').fill(SECRETARIAT_PIN);
    await page.getByRole('button', { name: 'Buka', exact: true }).click();
    await page.locator('.secretariat-bar').waitFor();
    expect(await page.locator('.secretariat-ask').count()).toBe(0);
  });

  it('shows the draft result, the tie on Juara II and what blocks locking', async () => {
    expect(await currentStep()).toBe('Draf');
    const tie = page.locator('.tie[data-rank="2"]');
    await tie.waitFor();
    expect(await tie.locator('h3').textContent()).toBe('Peringkat 2 — Juara II: 2 lokus seri');
    expect(await tie.locator('.tie-place').allTextContents()).toEqual(['Peringkat 2=', 'Peringkat 2=']);
    expect(await tie.locator('li[data-site]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-site')))).toEqual(['S04', 'S05']);
    await page.getByText('Buka rapat pleno untuk memutuskan urutannya.').first().waitFor();
    await page.getByText('Lokus S04, S05 masih seri di peringkat 2 (Juara II): putuskan urutannya dalam pleno.').waitFor();
    // Both tied sites are shown on Juara II with their equal totals.
    const total = formatNumber((await ranking()).ranking.find((r) => r.site === 'S04')!.total, 2, 'id');
    for (const site of ['S04', 'S05']) {
      const row = page.locator(`table.official-places tr[data-site="${site}"]`);
      expect(await row.locator('td.rank').textContent()).toBe('2=');
      expect(await row.locator('td.total').textContent()).toBe(total);
    }
    await shot(page, 'pleno-01-draf');
    await expectAccessible(page, 'pleno-draf');
  });

  it('opens the plenary', async () => {
    await page.getByRole('button', { name: 'Buka rapat pleno' }).click();
    await page.getByText('Rapat pleno dibuka.').waitFor();
    expect(await currentStep()).toBe('Pleno');
    expect((await status()).state).toBe('pleno');
  });

  it('orders the tie by keyboard and refuses to record it without a reason, saying so beside the field', async () => {
    const tie = page.locator('.tie[data-rank="2"]');
    // The Up button of the site on top is disabled; S05 moves up with the keyboard.
    expect(await page.getByRole('button', { name: 'Naikkan S04' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Naikkan S05' }).focus();
    await page.keyboard.press('Enter');
    expect(await tie.locator('li[data-site]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-site')))).toEqual(['S05', 'S04']);
    expect(await tie.locator('li[data-site="S05"] .tie-place').textContent()).toBe('Peringkat 2 Juara II');
    expect(await tie.locator('li[data-site="S04"] .tie-place').textContent()).toBe('Peringkat 3 Juara III');
    // The focus followed S05 to the top, where its Up button is now disabled: it is on its Down button.
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Turunkan S05');

    await tie.getByRole('button', { name: 'Catat keputusan' }).click();
    const reason = tie.getByLabel('Alasan keputusan (wajib; dicatat dan dicetak)');
    await tie.getByText('Tulis alasan keputusan juri. Keputusan tanpa alasan tidak dicatat.').waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect((await status()).decisions).toEqual([]);
    await shot(page, 'pleno-02-alasan-kosong', false);
    await expectAccessible(page, 'pleno-alasan-kosong');
  });

  it('records the decision with its reason; the ranking places S05 before S04 by the plenary', async () => {
    const tie = page.locator('.tie[data-rank="2"]');
    await tie.getByLabel('Alasan keputusan (wajib; dicatat dan dicetak)').fill(REASON);
    await tie.getByRole('button', { name: 'Catat keputusan' }).click();
    await page.getByText('Keputusan pleno dicatat: S05 > S04.').waitFor();
    const decision = page.locator('.decision').first();
    expect(await decision.locator('.decision-order').textContent()).toBe('S05 > S04');
    expect(await decision.locator('.status-badge').textContent()).toBe('berlaku (peringkat 2)');
    expect(await decision.locator('.decision-reason').textContent()).toBe(`“${REASON}”`);
    await page.getByText('Semua syarat penguncian terpenuhi: setiap lokus lengkap', { exact: false }).waitFor();
    expect(await page.locator('.tie').count()).toBe(0);

    const s05 = page.locator('table.official-places tr[data-site="S05"]');
    const s04 = page.locator('table.official-places tr[data-site="S04"]');
    expect([await s05.locator('td.rank').textContent(), await s05.locator('.award').textContent()]).toEqual(['2', 'Juara II']);
    expect([await s04.locator('td.rank').textContent(), await s04.locator('.award').textContent()]).toEqual(['3', 'Juara III']);
    expect(await s04.locator('td.decided').textContent()).toBe(`Keputusan rapat pleno: ${REASON}`);
    const official = await ranking();
    expect(official.ranking.slice(1, 3).map((r) => [r.site, r.rank, r.label, r.decidedBy])).toEqual([
      ['S05', 2, 'Juara II', 'total'],
      ['S04', 3, 'Juara III', 'pleno'],
    ]);
    await shot(page, 'pleno-03-keputusan');
    await expectAccessible(page, 'pleno-keputusan');

    // Rekap reads the same official ranking.
    await page.getByRole('button', { name: 'Rekap', exact: true }).click();
    const row = page.locator('table.ranking tr[data-site="S04"]');
    await row.waitFor();
    expect(await row.locator('td.rank').textContent()).toBe('3');
    await row.getByText('Keputusan rapat pleno').waitFor();
    await page.getByRole('button', { name: 'Pleno', exact: true }).click();
    await page.locator('.decision').first().waitFor();
  });

  it('locks after a confirmation that says what locking means', async () => {
    await page.getByRole('button', { name: 'Kunci hasil' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Kunci hasil lomba?' });
    await dialog.getByText('ditolak sampai pleno dibuka kembali dengan alasan', { exact: false }).waitFor();
    await shot(page, 'pleno-04-konfirmasi-kunci', false);
    await dialog.getByRole('button', { name: 'Ya, kunci hasil' }).click();
    await page.getByRole('heading', { name: 'Hasil dikunci.', level: 2 }).waitFor();
    expect(await currentStep()).toBe('Dikunci');
    const locked = await status();
    expect(locked.state).toBe('locked');
    expect(await page.locator('.snapshot code').textContent()).toBe(`${locked.snapshot!.slice(0, 16)}…`);
    await shot(page, 'pleno-05-dikunci');
    await expectAccessible(page, 'pleno-dikunci');
  });

  it('refuses reopening a score sheet on the Penilaian screen, saying the result is locked', async () => {
    const before = databaseBytes(core);
    await page.getByRole('button', { name: 'Penilaian', exact: true }).click();
    const juror = detail.jurors[0]!;
    await page.getByRole('button', { name: new RegExp(juror.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
    const site = detail.sites.find((s) => s.code === 'S05')!;
    await page.getByRole('button', { name: new RegExp(site.name) }).click();
    await page.getByRole('button', { name: 'Buka kembali lembar ini' }).click();
    await page.getByLabel('Alasan membuka kembali (dicatat dan dicetak)').fill('Salah ketik nilai A1');
    await page.getByRole('button', { name: 'Buka kembali', exact: true }).click();
    const refusal = page.locator('.reopen .form-error[role="alert"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe(
      'Hasil lomba DEMO sudah dikunci: perubahan yang mengubah peringkat ditolak. Untuk mengubahnya, buka kembali pleno dengan alasan.',
    );
    expect(databaseBytes(core)).toBe(before);
    await shot(page, 'pleno-06-penilaian-ditolak', false);
    await expectAccessible(page, 'pleno-penilaian-ditolak');
  });

  it('reopens the plenary with a reason as Revisi 1', async () => {
    await page.getByRole('button', { name: 'Pleno', exact: true }).click();
    await page.getByRole('button', { name: 'Buka kembali', exact: true }).click();
    await page.getByRole('button', { name: 'Buka kembali sebagai Revisi 1' }).click();
    await page.getByText('Tulis alasan membuka kembali hasil yang sudah dikunci.').waitFor();
    expect((await status()).state).toBe('locked');
    await page.getByLabel('Alasan membuka kembali (wajib; dicatat)').fill('Koreksi salah ketik nilai A1 di S05 oleh J1');
    await page.getByRole('button', { name: 'Buka kembali sebagai Revisi 1' }).click();
    await page.getByText('Pleno dibuka kembali: Revisi 1.').waitFor();
    expect(await page.locator('.badge.revision').textContent()).toBe('Revisi 1');
    expect(await currentStep()).toBe('Pleno');
    const reopened = await status();
    expect([reopened.state, reopened.revision]).toEqual(['pleno', 1]);
    const history = page.locator('table.pleno-history tbody tr');
    expect(await history.count()).toBe(4);
    expect(await history.first().locator('td').nth(1).textContent()).toBe('Dibuka kembali');
    await history.first().getByText('“Koreksi salah ketik nilai A1 di S05 oleh J1”').waitFor();
    await shot(page, 'pleno-07-revisi-1');
    await expectAccessible(page, 'pleno-revisi');
  });

  it('shows the analysis: agreement with its reading, leniency, the outlier linked to its sheet, the heatmap, sensitivity, other views', async () => {
    await page.getByRole('tab', { name: 'Analisis penilaian juri' }).click();
    const agreement = await call(core, 'analysis.agreement', { competition: C });
    const sensitivity = await call(core, 'analysis.sensitivity', { competition: C });

    const aspectA = page.locator('[data-panel="agreement"] tr[data-aspect="A"]');
    await aspectA.waitFor();
    expect(await aspectA.locator('td.reading').textContent()).toBe(readingText('id', agreementReading(agreement.aspects.A!)));
    expect(await aspectA.locator('td.reading').textContent()).toBe(
      `W ${formatNumber(agreement.aspects.A!.w!, 2, 'id')} — kesepakatan tinggi (3 juri, 12 lokus)`,
    );
    const j2 = page.locator('[data-panel="agreement"] tr[data-juror="J2"]');
    expect(await j2.locator('td').last().textContent()).toBe(readingText('id', leniencyReading('J2', agreement.jurors.J2!)));

    // The heatmap: the box of J2 at S12 carries its value as text, in points of 100.
    const box = page.locator('.heatmap-svg g[data-juror="J2"][data-site="S12"] text');
    const deviation = agreement.deviations.find((d) => d.juror === 'J2' && d.site === 'S12')!.deviation!;
    expect(await box.textContent()).toBe(`${deviation > 0 ? '+' : ''}${formatNumber(deviation * 100, 1, 'id')}`);
    await page.locator('.hm-legend').getByText('lebih royal 5 poin atau lebih').waitFor();

    // Sensitivity, answered up front: without J1 the winner stays; without J3 the awards that would change.
    await page
      .locator('[data-panel="sensitivity"] li[data-juror="J1"]')
      .getByText('Tanpa J1: S10 tetap Juara I, dan tidak ada predikat yang berubah.')
      .waitFor();
    const withoutJ3 = readingText('id', sensitivityReading('J3', sensitivity.jurors.J3!.changes, 'id'));
    expect(sensitivity.jurors.J3!.changes.length).toBeGreaterThan(0);
    await page.locator('[data-panel="sensitivity"] li[data-juror="J3"]').getByText(withoutJ3).waitFor();

    // Other views, each marked as not the competition's rule.
    expect(await page.locator('[data-panel="views"] thead .not-rule').count()).toBe(4);
    await shot(page, 'pleno-08-analisis');
    await expectAccessible(page, 'pleno-analisis');
    // As printed: no buttons or tabs, the heatmap's colours and values kept.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('tab', { name: 'Analisis penilaian juri' }).isVisible()).toBe(false);
    expect(await box.isVisible()).toBe(true);
    await shot(page, 'pleno-08b-analisis-cetak');
    await page.emulateMedia({ media: 'screen' });

    // The outlier opens the juror's sheet it came from.
    expect(agreement.outliers).toEqual([{ site: 'S12', juror: 'J2', indicator: 'A2', score: 1, median: 4 }]);
    await page.getByRole('button', { name: 'Buka lembar J2 di S12' }).click();
    const j2Name = detail.jurors.find((j) => j.code === 'J2')!.name;
    const s12Name = detail.sites.find((s) => s.code === 'S12')!.name;
    await page.getByText(`Lembar penilaian ${j2Name} — ${s12Name}`).waitFor();
    await page.getByRole('button', { name: 'Pleno', exact: true }).click();
    await page.getByRole('tab', { name: 'Keputusan dan penguncian' }).click();
  });

  it('speaks English', async () => {
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'Plenary meeting', level: 1 }).waitFor();
    expect(await currentStep()).toBe('Plenary');
    expect(await page.locator('.badge.revision').textContent()).toBe('Revision 1');
    expect(await page.locator('.decision .status-badge').first().textContent()).toBe('in force (rank 2)');
    await shot(page, 'pleno-09-english');
    await expectAccessible(page, 'pleno-english');
    await page.getByRole('tab', { name: "Analysis of the jurors' scores" }).click();
    await page.locator('[data-panel="views"] thead').getByText("not the competition's rule").first().waitFor();
    await page.locator('[data-panel="sensitivity"]').getByText('Without J1: S10 stays Juara I, and no award changes.').waitFor();
    await shot(page, 'pleno-10-english-analysis');
    await expectAccessible(page, 'pleno-english-analysis');
    await page.getByRole('button', { name: 'ID', exact: true }).click();
  });

  it('shows a decision whose sites no longer tie as void, never applied silently', async () => {
    // In Revisi 1 a juror corrects a score at S05: S04 and S05 no
    // longer tie, and the decision on them no longer applies.
    const at = { competition: C, juror: 'J2', site: 'S05' }; // J2: the juror signed in on this laptop (the outlier's link)
    const sheet = await call(core, 'scoring.sheet', at);
    const first = sheet.scores[0]!;
    await call(core, 'scoring.reopen', { ...at, reason: 'Koreksi salah ketik nilai' });
    await call(core, 'scoring.setScore', {
      ...at,
      indicator: first.indicator,
      value: first.value === 1 ? 2 : first.value - 1,
      reason: 'salah ketik',
    });
    await call(core, 'scoring.finalise', { ...at, signature: PNG });
    await page.getByRole('button', { name: 'Rekap', exact: true }).click();
    await page.getByRole('button', { name: 'Pleno', exact: true }).click();
    const decision = page.locator('.decision.void');
    await decision.waitFor();
    expect(await decision.locator('.status-badge').textContent()).toBe('batal: lokus tidak lagi seri');
    await decision.getByText('Nilai berubah sesudah keputusan ini').waitFor();
    const official = await ranking();
    expect(official.decisions.map((d) => d.status)).toEqual(['void']);
    expect(official.ranking.find((r) => r.site === 'S04')!.decidedBy).not.toBe('pleno');
    expect(await page.locator('table.official-places tr[data-site="S04"] td.decided').textContent()).not.toContain('Keputusan rapat pleno');
    await shot(page, 'pleno-11-keputusan-batal');
    await expectAccessible(page, 'pleno-keputusan-batal');
  });

  it("draws the screen and its heatmap under the app's Content-Security-Policy, with no violation", async () => {
    // The harness lets axe-core in past the CSP; a second window here keeps it, as the desktop app and the browser
    // mode send it.
    const context = await page
      .context()
      .browser()!
      .newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
    try {
      const strict = await context.newPage();
      const violations: string[] = [];
      strict.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await strict.goto(app.bridge.url);
      await strict.getByRole('button', { name: `Buka ${detail.info.name}` }).click();
      await strict.getByText('Sedang dibuka').waitFor();
      await strict.getByRole('button', { name: 'Pleno', exact: true }).click();
      await strict.getByRole('tab', { name: 'Analisis penilaian juri' }).click();
      const box = strict.locator('.heatmap-svg g.hm-lenient2 rect').first();
      await box.waitFor();
      // The colours come from the app's stylesheet, which the CSP lets in.
      expect(await box.evaluate((rect) => getComputedStyle(rect).fill)).toBe('rgb(154, 61, 6)');
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
