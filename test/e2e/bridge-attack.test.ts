/**
 * Another page on 127.0.0.1 attacks the app through the bridge, in Chromium: the browser holds the app's cookie
 * (cookies ignore the port, and SameSite counts 127.0.0.1:any as the same site), and the page tries every way a
 * page can post without a preflight (fetch with credentials, text/plain, a form post) and the ways that need one.
 * Every request that reaches the bridge is refused, the database is unchanged, and the app itself still works.
 */
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { openTestCore, tempDir } from '../support/core.js';
import { openApp, type App } from '../support/e2e.js';

let core: Core;
let app: App;
let attacker: Server;
let attackerOrigin: string;
let bridgeOrigin: string;
let page: Page;
/** Every request the bridge answered: who asked (its Origin), what, and the status. */
const seen: { origin: string | undefined; method: string; path: string; status: number }[] = [];
const temp = tempDir();

/** The attacker's page: two forms aimed at the bridge, answered into frames of their own. */
function attackPage(api: string): string {
  return `<!doctype html><html><head><title>Hadiah</title></head><body>
<form id="plain" method="POST" enctype="text/plain" action="${api}" target="one"><input name='{"name":"' value='x"}'></form>
<form id="form" method="POST" action="${api}" target="two"><input name="name" value="x"></form>
<iframe name="one"></iframe><iframe name="two"></iframe>
</body></html>`;
}

beforeAll(async () => {
  core = openTestCore(join(temp.dir, 'penilai.sqlite'));
  app = await openApp(core);
  bridgeOrigin = new URL(app.bridge.url).origin;
  app.bridge.server.on('request', (req, res) => {
    res.on('finish', () =>
      seen.push({ origin: req.headers.origin, method: req.method ?? '', path: req.url ?? '', status: res.statusCode }),
    );
  });
  const api = `${bridgeOrigin}/api/setup.createDemo`;
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(attackPage(api));
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  const address = attacker.address();
  attackerOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  page = await app.page.context().newPage();
});

afterAll(async () => {
  await app?.close();
  await new Promise((resolve) => attacker?.close(resolve));
  core?.close();
  temp.cleanup();
});

describe('a page on another port of 127.0.0.1', () => {
  it('finds the app working for its own page, the token sent in its header', async () => {
    await app.page.getByText('Belum ada lomba di basis data ini.').waitFor();
    const own = seen.filter((r) => r.path.startsWith('/api/') && r.method === 'POST');
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((r) => r.status === 200 && r.origin === bridgeOrigin)).toBe(true);
  });

  it('changes nothing with fetch, text/plain, form posts or a guessed token', async () => {
    const before = await core.dispatch('setup.list', {});
    const cookies = await page.context().cookies(bridgeOrigin);
    expect(cookies.map((c) => c.name)).toEqual(['penilai_token']); // the browser would send it: the attack is real
    seen.length = 0;
    await page.goto(attackerOrigin);

    const results = await page.evaluate(
      async ({ api, root }) => {
        const demo = JSON.stringify({ name: 'x' });
        const attempts: [string, RequestInit][] = [
          [
            'text/plain',
            { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body: demo },
          ],
          ['form', { method: 'POST', mode: 'no-cors', credentials: 'include', body: new URLSearchParams({ name: 'x' }) }],
          ['no type', { method: 'POST', mode: 'no-cors', credentials: 'include', body: new Blob([demo]) }],
          ['json', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: demo }],
          [
            'guessed token',
            { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json', 'X-Penilai-Token': 'x' }, body: demo },
          ],
        ];
        const out: Record<string, string> = {};
        for (const [name, init] of attempts) {
          out[name] = await fetch(api, init).then(
            (r) => `${r.type} ${r.status}`,
            (e: Error) => e.name,
          );
        }
        // Reading the page for its token: refused (and no CORS headers would let the page see the answer anyway).
        out.page = await fetch(root, { credentials: 'include' }).then(
          (r) => r.text(),
          (e: Error) => e.name,
        );
        return out;
      },
      { api: `${bridgeOrigin}/api/setup.createDemo`, root: `${bridgeOrigin}/` },
    );
    expect(results).toEqual({
      'text/plain': 'opaque 0',
      form: 'opaque 0',
      'no type': 'opaque 0',
      json: 'TypeError',
      'guessed token': 'TypeError',
      page: 'TypeError',
    });

    for (const form of ['#plain', '#form']) {
      const answered = page.waitForResponse((r) => r.url() === `${bridgeOrigin}/api/setup.createDemo` && r.request().method() === 'POST');
      await page.locator(form).evaluate((f: HTMLFormElement) => f.submit());
      expect((await answered).status()).toBe(403);
    }

    const fromAttacker = seen.filter((r) => r.origin === attackerOrigin);
    // Three no-cors fetches and two form posts reached the bridge with the cookie, the preflights of the two
    // others (OPTIONS) and the read of the page: each refused for its Origin, nothing dispatched.
    expect(fromAttacker.map((r) => `${r.method} ${r.status}`)).toEqual([
      'POST 403',
      'POST 403',
      'POST 403',
      'OPTIONS 403',
      'OPTIONS 403',
      'GET 403',
      'POST 403',
      'POST 403',
    ]);
    // No request that names another page (the attacker's, or "null" from a sandboxed frame) got an answer. The app's
    // own page may call the bridge meanwhile (its own Origin, or none on a same-origin GET): that is not the attack.
    expect(seen.filter((r) => r.origin !== undefined && r.origin !== bridgeOrigin && r.status < 400)).toEqual([]);
    expect(await core.dispatch('setup.list', {})).toEqual(before);
  });

  it('gets 4xx for malformed paths, never a file from outside the app', async () => {
    for (const path of ['/%E0%A4%A', '/%252e%252e/package.json', '/..%2fpackage.json', '/api/%E0%A4%A']) {
      const reply = await app.page.request.get(`${bridgeOrigin}${path}`, { maxRedirects: 0 });
      expect([path, reply.status()]).toEqual([path, path.startsWith('/api/') ? 401 : 400]);
    }
  });
});
