/**
 * The main → renderer events in the browser mode, in Debian's Chromium: the app's page (its CSP, its token cookie)
 * opens an EventSource on /api/events as renderer/src/api.ts does, and an event the core emits arrives with its
 * type and data; a page of another origin gets no stream. Nothing on screen changes.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { openTestCore, tempDir } from '../support/core.js';
import { openApp, type App } from '../support/e2e.js';

const temp = tempDir('penilai-e2e-events-');
let core: Core;
let app: App;
let page: Page;

beforeAll(async () => {
  core = openTestCore(join(temp.dir, 'events.sqlite'));
  app = await openApp(core);
  page = app.page;
  await page.getByRole('button', { name: 'Lomba baru' }).waitFor();
});

afterAll(async () => {
  expect(app.outsideRequests).toEqual([]);
  await app?.close();
  core?.close();
  temp.cleanup();
});

describe('server-sent events in Chromium', () => {
  it('reach the app’s page through EventSource, with the cookie and under its CSP', async () => {
    const before = core.events.listenerCount;
    // Functions, not strings: the page's CSP forbids eval.
    await page.evaluate(() => {
      const received: { type: string; data: unknown }[] = [];
      const source = new EventSource('/api/events');
      for (const type of ['progress', 'file.opened', 'backup.done']) {
        source.addEventListener(type, (message) => received.push({ type, data: JSON.parse((message as MessageEvent<string>).data) }));
      }
      Object.assign(window, { received, source });
      return new Promise<void>((resolve, reject) => {
        source.onopen = () => resolve();
        source.onerror = () => reject(new Error('event stream refused'));
      });
    });
    expect(core.events.listenerCount).toBe(before + 1);
    core.events.emit({ type: 'file.opened', data: { name: 'Lomba P2WKSS 2026.json', kind: 'competition' } });
    core.events.emit({ type: 'progress', data: { task: 'import', done: 2, total: 5 } });
    await page.waitForFunction(() => (window as unknown as { received: unknown[] }).received.length === 2);
    expect(await page.evaluate(() => (window as unknown as { received: unknown[] }).received)).toEqual([
      { type: 'file.opened', data: { name: 'Lomba P2WKSS 2026.json', kind: 'competition' } },
      { type: 'progress', data: { task: 'import', done: 2, total: 5 } },
    ]);
    // Closing the EventSource lets go of the core's bus.
    await page.evaluate(() => (window as unknown as { source: EventSource }).source.close());
    await expect.poll(() => core.events.listenerCount, { interval: 20, timeout: 50_000 }).toBe(before);
  });

  it('are refused to a page without the token cookie (another browser profile)', async () => {
    const context = await page.context().browser()!.newContext();
    try {
      const other = await context.newPage();
      const response = await other.goto(`${new URL(app.bridge.url).origin}/api/events`);
      expect(response?.status()).toBe(401);
      expect(await response?.headerValue('content-type')).toBe('application/json');
    } finally {
      await context.close();
    }
  });
});
