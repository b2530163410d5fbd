/**
 * The end-to-end harness: the built renderer served by the HTTP bridge over a test core, Debian's Chromium driving
 * it, screenshots into test-results/e2e/, and axe-core checks of what is on screen.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { startBridge, type Bridge } from '../../electron/core/bridge/server.js';
import { launchChromium } from './browser.js';
import { REPO_ROOT } from './core.js';

export const SHOTS = join(REPO_ROOT, 'test-results', 'e2e');

export interface App {
  page: Page;
  bridge: Bridge;
  /** Every request the page made to anything but the bridge (the app is offline by construction: stays empty). */
  outsideRequests: string[];
  close(): Promise<void>;
}

/** Serves the app over `core` (or the app's host, electron/core/backup/host.ts) and opens it in Chromium at 1366×900 (a juror's laptop), the token exchanged. */
export async function openApp(
  core: Pick<Core, 'dispatch' | 'events'>,
  options: { acceptDownloads?: boolean; locale?: string } = {},
): Promise<App> {
  mkdirSync(SHOTS, { recursive: true });
  const bridge = await startBridge({ dispatch: core.dispatch, events: core.events, staticDir: join(REPO_ROOT, 'out', 'renderer') });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      acceptDownloads: options.acceptDownloads ?? false,
      bypassCSP: true, // for axe-core's injected script only
      locale: options.locale ?? 'id-ID',
    });
    const page = await context.newPage();
    const outsideRequests: string[] = [];
    const origin = new URL(bridge.url).origin;
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol !== 'blob:' && url.protocol !== 'data:' && url.origin !== origin) outsideRequests.push(request.url());
    });
    await page.goto(bridge.url);
    const opened = browser;
    return {
      page,
      bridge,
      outsideRequests,
      close: async () => {
        await opened.close();
        await bridge.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await bridge.close();
    throw error;
  }
}

/** A screenshot for people to look at: the window as a juror sees it, or the whole page. */
export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

/** No serious or critical axe-core violation on the screen now shown. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}
