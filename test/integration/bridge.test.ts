/**
 * The HTTP bridge of the browser mode: loopback only, a per-run token on every request, the token exchanged for
 * an HttpOnly cookie, no CORS, no path escape; and `npm run web` as a newcomer runs it.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { chooseEncoding, startBridge, TOKEN_COOKIE, type Bridge } from '../../electron/core/bridge/server.js';
import { openTestCore, REPO_ROOT, tempDir } from '../support/core.js';

const temp = tempDir('penilai-bridge-');
let core: Core;
let bridge: Bridge;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The same request, the body kept as bytes (compressed bodies are not text). */
function sendRaw(
  port: number,
  path: string,
  headers: Record<string, string>,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  core = openTestCore(join(temp.dir, 'b.db'));
  bridge = await startBridge({ dispatch: core.dispatch, staticDir: join(REPO_ROOT, 'out', 'renderer') });
});
afterAll(async () => {
  await bridge.close();
  core.close();
  temp.cleanup();
});

describe('the token', () => {
  it('refuses an API request without a token or with a wrong one', async () => {
    const none = await send(bridge.port, '/api/setup.list', { method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const wrong = await send(bridge.port, '/api/setup.list', {
      method: 'POST',
      body: '{}',
      headers: { 'X-Penilai-Token': 'x'.repeat(bridge.token.length) },
    });
    expect(wrong.status).toBe(401);
    const wrongCookie = await send(bridge.port, '/api/setup.list', {
      method: 'POST',
      body: '{}',
      headers: { Cookie: `${TOKEN_COOKIE}=nope` },
    });
    expect(wrongCookie.status).toBe(401);
  });

  it('answers with the right token, as header or cookie', async () => {
    const byHeader = await send(bridge.port, '/api/setup.list', {
      method: 'POST',
      body: '{}',
      headers: { 'X-Penilai-Token': bridge.token },
    });
    expect(byHeader.status).toBe(200);
    expect(JSON.parse(byHeader.body)).toEqual({ ok: true, value: [] });
    const byCookie = await send(bridge.port, '/api/app.info', { method: 'POST', headers: { Cookie: `${TOKEN_COOKIE}=${bridge.token}` } });
    expect(JSON.parse(byCookie.body)).toMatchObject({ ok: true, value: { desktop: false } });
    expect(byCookie.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('exchanges ?token= for an HttpOnly SameSite=Strict cookie and a clean address', async () => {
    const first = await send(bridge.port, `/?token=${bridge.token}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toContain(`${TOKEN_COOKIE}=${bridge.token}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await send(bridge.port, '/', { headers: { Cookie: `${TOKEN_COOKIE}=${bridge.token}` } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('refuses the page itself without the token, and a wrong ?token=', async () => {
    expect((await send(bridge.port, '/')).status).toBe(401);
    const wrong = await send(bridge.port, '/?token=guess');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toContain('Akses ditolak');
  });

  it('refuses a foreign Host header (DNS rebinding) and paths that climb out of the app', async () => {
    const rebound = await send(bridge.port, '/api/setup.list', {
      method: 'POST',
      headers: { Host: 'evil.example:80', 'X-Penilai-Token': bridge.token },
    });
    expect(rebound.status).toBe(421);
    const climb = await send(bridge.port, '/../../package.json', { headers: { Cookie: `${TOKEN_COOKIE}=${bridge.token}` } });
    expect(climb.body).not.toContain('"name": "penilai"');
  });

  it('answers malformed JSON with a value, not a crash', async () => {
    const bad = await send(bridge.port, '/api/setup.get', {
      method: 'POST',
      body: '{"code":',
      headers: { 'X-Penilai-Token': bridge.token },
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { key: 'validate.json' } });
  });
});

describe('static files: compressed and cached', () => {
  const dir = join(REPO_ROOT, 'out', 'renderer');
  const script = readdirSync(join(dir, 'assets')).find((f) => /^index-[\w-]+\.js$/.test(f))!;
  const scriptBytes = () => readFileSync(join(dir, 'assets', script));
  const cookie = () => `${TOKEN_COOKIE}=${bridge.token}`;

  it('sends gzip when the browser accepts only gzip, and it unpacks to the file itself', async () => {
    const reply = await sendRaw(bridge.port, `/assets/${script}`, { Cookie: cookie(), 'Accept-Encoding': 'gzip' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-encoding']).toBe('gzip');
    expect(reply.headers.vary).toBe('Accept-Encoding');
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(Number(reply.headers['content-length'])).toBe(reply.body.length);
    expect(reply.body.length).toBeLessThan(scriptBytes().length / 2);
    expect(gunzipSync(reply.body).equals(scriptBytes())).toBe(true);
  });

  it('sends brotli when the browser accepts it, as Chromium does', async () => {
    const reply = await sendRaw(bridge.port, `/assets/${script}`, { Cookie: cookie(), 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(reply.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(reply.body).equals(scriptBytes())).toBe(true);
  });

  it('sends the plain bytes when no compression is accepted', async () => {
    for (const accept of [undefined, 'identity', 'gzip;q=0, br;q=0']) {
      const reply = await sendRaw(bridge.port, `/assets/${script}`, { Cookie: cookie(), ...(accept ? { 'Accept-Encoding': accept } : {}) });
      expect(reply.status).toBe(200);
      expect(reply.headers['content-encoding']).toBeUndefined();
      expect(reply.headers.vary).toBe('Accept-Encoding');
      expect(reply.body.equals(scriptBytes())).toBe(true);
    }
  });

  it('lets the browser keep hashed assets for a year and revalidate the page on every load', async () => {
    const asset = await sendRaw(bridge.port, `/assets/${script}`, { Cookie: cookie(), 'Accept-Encoding': 'gzip' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await sendRaw(bridge.port, '/', { Cookie: cookie(), 'Accept-Encoding': 'gzip' });
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(gunzipSync(page.body).toString('utf8')).toBe(readFileSync(join(dir, 'index.html'), 'utf8'));
    const again = await sendRaw(bridge.port, '/', {
      Cookie: cookie(),
      'Accept-Encoding': 'gzip',
      'If-None-Match': String(page.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('keeps the token rule for assets and answers a missing asset with 404, never the page', async () => {
    expect((await sendRaw(bridge.port, `/assets/${script}`, { 'Accept-Encoding': 'gzip' })).status).toBe(401);
    const missing = await sendRaw(bridge.port, '/assets/index-missing.js', { Cookie: cookie() });
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).not.toContain('<div id="root">');
    const climb = await sendRaw(bridge.port, '/assets/%2e%2e/%2e%2e/package.json', { Cookie: cookie() });
    expect(climb.body.toString()).not.toContain('"name": "penilai"');
  });

  it('reads Accept-Encoding as browsers and proxies write it', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.8')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*;q=0')).toBe('identity');
    expect(chooseEncoding('deflate')).toBe('identity');
    expect(chooseEncoding(undefined)).toBe('identity');
  });
});

describe('npm run web', () => {
  it('serves the app on the port asked for and prints the address with its token', async () => {
    const port = 40000 + Math.floor(Math.random() * 20000);
    const child = spawn('npm', ['run', 'web', '--', '--port', String(port), '--db', join(temp.dir, 'web.db')], {
      cwd: REPO_ROOT,
      detached: true,
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no address printed: ${out}`)), 30_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(out);
          if (match) {
            clearTimeout(timer);
            resolve(match[0]);
          }
        });
      });
      expect(new URL(url).port).toBe(String(port));
      const token = new URL(url).searchParams.get('token')!;
      expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/); // 24 random bytes, base64url
      expect((await send(port, '/api/setup.list', { method: 'POST', body: '{}' })).status).toBe(401);
      expect((await send(port, '/api/setup.list', { method: 'POST', body: '{}', headers: { 'X-Penilai-Token': token } })).status).toBe(200);
      expect((await send(port, `/?token=${token}`)).status).toBe(303);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
  });
});
