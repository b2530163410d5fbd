/**
 * The HTTP bridge of the browser mode: loopback only, a per-run token on every request (in a header and from our
 * own Origin for API calls), the token exchanged for an HttpOnly cookie, no CORS, JSON only, a body limit per
 * channel, slow requests cut off, no path escape; and `npm run web` as a newcomer runs it.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import {
  bodyLimit,
  chooseEncoding,
  DEFAULT_BODY_LIMIT,
  startBridge,
  TOKEN_COOKIE,
  type Bridge,
} from '../../electron/core/bridge/server.js';
import { staticFile } from '../../electron/core/platform/static-file.js';
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

/** What the app's own page sends with every API call: the token header, its Origin, a JSON body. */
function own(bridge: Bridge, extra: Record<string, string> = {}): Record<string, string> {
  return { 'X-Penilai-Token': bridge.token, Origin: `http://127.0.0.1:${bridge.port}`, 'Content-Type': 'application/json', ...extra };
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

  it('answers the token in its header, from our own Origin, with a JSON body', async () => {
    const byHeader = await send(bridge.port, '/api/setup.list', { method: 'POST', body: '{}', headers: own(bridge) });
    expect(byHeader.status).toBe(200);
    expect(JSON.parse(byHeader.body)).toEqual({ ok: true, value: [] });
    expect(byHeader.headers['access-control-allow-origin']).toBeUndefined();
    const localhost = await send(bridge.port, '/api/app.info', {
      method: 'POST',
      headers: {
        ...own(bridge, { Origin: `http://localhost:${bridge.port}`, 'Content-Type': 'application/json; charset=utf-8' }),
        Host: `localhost:${bridge.port}`,
      },
    });
    expect(JSON.parse(localhost.body)).toMatchObject({ ok: true, value: { desktop: false } });
  });

  it('refuses the cookie alone: cookies ignore the port, so any page of 127.0.0.1 would send it', async () => {
    const byCookie = await send(bridge.port, '/api/app.info', {
      method: 'POST',
      body: '{}',
      headers: { Cookie: `${TOKEN_COOKIE}=${bridge.token}`, Origin: `http://127.0.0.1:${bridge.port}`, 'Content-Type': 'application/json' },
    });
    expect(byCookie.status).toBe(401);
    expect(JSON.parse(byCookie.body)).toEqual({ ok: false, error: { code: 'forbidden', key: 'error.forbidden', params: {} } });
  });

  it('refuses a missing or foreign Origin, even with the token', async () => {
    const origins = [undefined, `http://127.0.0.1:${bridge.port + 1}`, 'http://localhost', 'null', `https://127.0.0.1:${bridge.port}`];
    for (const origin of origins) {
      const headers = own(bridge);
      if (origin === undefined) delete headers.Origin;
      else headers.Origin = origin;
      const refused = await send(bridge.port, '/api/setup.create', { method: 'POST', body: '{}', headers });
      expect([origin, refused.status]).toEqual([origin, 403]);
      expect(JSON.parse(refused.body)).toEqual({ ok: false, error: { code: 'forbidden', key: 'bridge.foreignOrigin', params: {} } });
    }
  });

  it('refuses text/plain, form posts and a missing Content-Type with 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined]) {
      const headers = own(bridge);
      if (type === undefined) delete headers['Content-Type'];
      else headers['Content-Type'] = type;
      const refused = await send(bridge.port, '/api/setup.list', { method: 'POST', body: '{}', headers });
      expect([type, refused.status]).toEqual([type, 415]);
      expect(JSON.parse(refused.body)).toMatchObject({ ok: false, error: { key: 'bridge.notJson' } });
    }
    expect((await send(bridge.port, '/api/setup.list', { headers: own(bridge) })).status).toBe(405);
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
    expect(page.body).toContain(`<head><meta name="penilai-token" content="${bridge.token}" />`);
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
      headers: { ...own(bridge, { Origin: 'http://evil.example' }), Host: 'evil.example:80' },
    });
    expect(rebound.status).toBe(421);
    const climb = await send(bridge.port, '/../../package.json', { headers: { Cookie: `${TOKEN_COOKIE}=${bridge.token}` } });
    expect(climb.body).not.toContain('"name": "penilai"');
  });

  it('answers malformed JSON with a value, not a crash', async () => {
    const bad = await send(bridge.port, '/api/setup.get', { method: 'POST', body: '{"code":', headers: own(bridge) });
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
    expect(gunzipSync(page.body).toString('utf8')).toBe(
      readFileSync(join(dir, 'index.html'), 'utf8').replace('<head>', `<head><meta name="penilai-token" content="${bridge.token}" />`),
    );
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

const MB = 1024 * 1024;

/** A raw request over a socket: what the server answered (the text) once it closed the connection. */
function raw(port: number, head: string, trickle?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let timer: NodeJS.Timeout | undefined;
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      clearInterval(timer);
      resolve(answer);
    });
    socket.write(head);
    // One byte at a time for as long as the server listens: it must cut the request off, however slow this is.
    if (trickle !== undefined) timer = setInterval(() => socket.writable && socket.write(trickle), 20);
  });
}

describe('body limits per channel', () => {
  it('allows 1 MB to a channel without a file, more only to those that take one', () => {
    expect(DEFAULT_BODY_LIMIT).toBe(1 * MB);
    expect(bodyLimit('setup.save')).toBe(1 * MB);
    expect(bodyLimit('scoring.setNote')).toBe(1 * MB);
    expect(bodyLimit('exchange.apply')).toBe(64 * MB);
    expect(bodyLimit('signatures.sign')).toBe(64 * MB);
    expect(bodyLimit('evidence.add')).toBe(36 * MB);
    expect(bodyLimit('setup.parseSites')).toBe(16 * MB);
    expect(bodyLimit('no.such')).toBe(1 * MB);
    expect(bodyLimit('constructor')).toBe(1 * MB);
  });

  it('refuses a declared body over the limit with 413 before reading any of it', async () => {
    const head = (channel: string, length: number) =>
      `POST /api/${channel} HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\nX-Penilai-Token: ${bridge.token}\r\n` +
      `Origin: http://127.0.0.1:${bridge.port}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;
    const refused = await raw(bridge.port, head('setup.save', MB + 1));
    expect(refused).toMatch(/^HTTP\/1\.1 413 /);
    expect(refused).toContain('Connection: close');
    expect(refused).toContain('{"ok":false,"error":{"code":"invalid","key":"bridge.tooLarge","params":{"max":1}}}');
    const photo = await raw(bridge.port, head('evidence.add', 37 * MB));
    expect(photo).toMatch(/^HTTP\/1\.1 413 /);
    expect(photo).toContain('"max":36');
  });

  it('refuses a body without a declared length once it passes the limit', async () => {
    const filler = 'x'.repeat(MB);
    const chunked = await send(bridge.port, '/api/setup.get', {
      method: 'POST',
      headers: { ...own(bridge), 'Transfer-Encoding': 'chunked' },
      body: `{"code":"${filler}"}`,
    }).catch((error: NodeJS.ErrnoException) => ({ status: error.code, body: '' }));
    expect(chunked.status).toBe(413);
    // Just under the limit goes through to the handler, which judges the value itself.
    const under = await send(bridge.port, '/api/setup.get', {
      method: 'POST',
      headers: own(bridge),
      body: `{"code":"${'x'.repeat(MB - 20)}"}`,
    });
    expect(under.status).toBe(200);
    expect(JSON.parse(under.body)).toMatchObject({ ok: false });
  });
});

describe('slow requests', () => {
  let slow: Bridge;
  const dispatched: string[] = [];
  beforeAll(async () => {
    slow = await startBridge({
      dispatch: (channel, payload) => {
        dispatched.push(channel);
        return core.dispatch(channel, payload);
      },
      staticDir: join(REPO_ROOT, 'out', 'renderer'),
      requestTimeoutMs: 300,
    });
  });
  afterAll(() => slow.close());
  // What each test dispatched, and nothing of another's.
  beforeEach(() => {
    dispatched.length = 0;
  });

  it('closes a request whose body trickles in byte by byte, with 408, and never runs it', async () => {
    const head =
      `POST /api/setup.createDemo HTTP/1.1\r\nHost: 127.0.0.1:${slow.port}\r\nX-Penilai-Token: ${slow.token}\r\n` +
      `Origin: http://127.0.0.1:${slow.port}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`;
    const answer = await raw(slow.port, head, ' ');
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(dispatched).toEqual([]);
  });

  it('closes a request whose headers never end, with 408', async () => {
    const answer = await raw(slow.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${slow.port}\r\n`, 'X');
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('still answers a request that arrives whole', async () => {
    const reply = await send(slow.port, '/api/setup.list', {
      method: 'POST',
      body: '{}',
      headers: { 'X-Penilai-Token': slow.token, Origin: `http://127.0.0.1:${slow.port}`, 'Content-Type': 'application/json' },
    });
    expect(reply.status).toBe(200);
    expect(dispatched).toEqual(['setup.list']);
  });
});

describe('paths', () => {
  const cookie = () => ({ Cookie: `${TOKEN_COOKIE}=${bridge.token}` });

  it('answers a channel name with broken percent-encoding with 400, not 500', async () => {
    for (const path of ['/api/setup.%E0%A4%A', '/api/%', '/api/setup.list%ZZ']) {
      const bad = await send(bridge.port, path, { method: 'POST', body: '{}', headers: own(bridge) });
      expect([path, bad.status]).toEqual([path, 400]);
      expect(JSON.parse(bad.body)).toEqual({ ok: false, error: { code: 'invalid', key: 'bridge.badPath', params: {} } });
    }
  });

  it('refuses static paths that are malformed, encoded twice or climb, with 400', async () => {
    const paths = [
      '/%E0%A4%A',
      '/%',
      '/assets/%zz.js',
      '/../../package.json',
      '/assets/../../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/%2E%2E/package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/%252e%252e/%252e%252e/package.json',
      '/..%2fpackage.json',
      '/..%5cpackage.json',
      '/assets%5c..%5c..%5cpackage.json',
      '/index.html%00.js',
      '/%00',
    ];
    for (const path of paths) {
      const bad = await send(bridge.port, path, { headers: cookie() });
      expect([path, bad.status]).toEqual([path, 400]);
      expect(bad.body).not.toContain('"name": "penilai"');
    }
  });

  it('refuses a request target that is not a path', async () => {
    for (const target of ['//evil.example/api/setup.list', `http://127.0.0.1:${bridge.port}/`, '*']) {
      const answer = await raw(bridge.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\nConnection: close\r\n\r\n`);
      expect([target, answer.slice(0, 12)]).toEqual([target, 'HTTP/1.1 400']);
    }
  });

  it('finds files only inside the renderer folder, a symbolic link out included', () => {
    const root = join(temp.dir, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<html></html>');
    writeFileSync(join(root, 'assets', 'a.js'), '');
    writeFileSync(join(temp.dir, 'secret.txt'), 'secret');
    symlinkSync(join(temp.dir, 'secret.txt'), join(root, 'assets', 'out.js'));
    symlinkSync(join(root, 'assets', 'a.js'), join(root, 'assets', 'in.js'));
    expect(staticFile(root, '/')).toEqual({ file: join(root, 'index.html') });
    expect(staticFile(root, '/assets/a.js')).toEqual({ file: join(root, 'assets', 'a.js') });
    expect(staticFile(root, '/assets/in.js')).toEqual({ file: join(root, 'assets', 'in.js') });
    expect(staticFile(root, '/assets/out.js')).toEqual({ status: 404 });
    expect(staticFile(root, '/assets/none.js')).toBeNull();
    expect(staticFile(root, '/assets')).toBeNull();
    expect(staticFile(root, '/../secret.txt')).toEqual({ status: 400 });
    expect(staticFile(root, '/a/./../../secret.txt')).toEqual({ status: 400 });
    expect(staticFile(root, '/%2e%2e/secret.txt')).toEqual({ status: 400 });
    expect(staticFile(root, '/%252e%252e/secret.txt')).toEqual({ status: 400 });
    expect(staticFile(root, '/%E0%A4%A')).toEqual({ status: 400 });
  });

  it('gives index.html an ETag of its run: a page cached under another token is sent again', async () => {
    const other = await startBridge({ dispatch: core.dispatch, staticDir: join(REPO_ROOT, 'out', 'renderer') });
    try {
      const first = await send(bridge.port, '/', { headers: cookie() });
      const second = await send(other.port, '/', {
        headers: { Cookie: `${TOKEN_COOKIE}=${other.token}`, 'If-None-Match': String(first.headers.etag) },
      });
      expect(second.status).toBe(200);
      expect(second.headers.etag).not.toBe(first.headers.etag);
      expect(second.body).toContain(`<meta name="penilai-token" content="${other.token}" />`);
    } finally {
      await other.close();
    }
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
      const headers = { 'X-Penilai-Token': token, Origin: `http://127.0.0.1:${port}`, 'Content-Type': 'application/json' };
      expect((await send(port, '/api/setup.list', { method: 'POST', body: '{}', headers })).status).toBe(200);
      expect((await send(port, `/?token=${token}`)).status).toBe(303);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
  });
});
