/**
 * The local HTTP bridge of the browser mode: the same handlers as Electron's IPC, behind 127.0.0.1 only and a
 * random per-run token, plus the built renderer as static files.
 *
 * - The first page load exchanges `?token=` for an HttpOnly, SameSite=Strict cookie, then redirects to a clean
 *   URL; scripts, styles and API calls then carry the cookie. An API call may also send `X-Penilai-Token`.
 * - Every request without a valid token is refused, static files included. No CORS headers are ever sent.
 * - The Host header must name the loopback address and our port (a defence against DNS rebinding).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { decodeJson, encodeJson } from '../../../shared/contract/codec.js';
import type { Result } from '../../../shared/contract/schemas.js';

export const TOKEN_COOKIE = 'penilai_token';
export const TOKEN_HEADER = 'x-penilai-token';
const MAX_BODY = 64 * 1024 * 1024;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  'frame-src blob:',
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

export interface BridgeOptions {
  dispatch: (channel: string, payload: unknown) => Promise<Result<unknown>>;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  port?: number;
  token?: string;
}

export interface Bridge {
  server: Server;
  port: number;
  token: string;
  /** The address to open, token included. */
  url: string;
  close(): Promise<void>;
}

function tokenMatches(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return rest.join('=');
  }
  return undefined;
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}

const REFUSED =
  'Akses ditolak: buka alamat lengkap (dengan token) yang dicetak oleh Penilai saat dijalankan.\nAccess denied: open the full address (with its token) that Penilai printed when it started.\n';

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const root = resolve(options.staticDir);
  let port = options.port ?? 0;

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421, 'Misdirected request');
    const url = new URL(req.url ?? '/', `http://${host}`);

    if (url.pathname.startsWith('/api/')) {
      if (!tokenMatches(cookieToken(req) ?? (req.headers[TOKEN_HEADER] as string | undefined), token)) {
        return send(
          res,
          401,
          encodeJson({ ok: false, error: { code: 'forbidden', key: 'error.forbidden', params: {} } }),
          'application/json',
        );
      }
      if (req.method !== 'POST') return send(res, 405, 'Method not allowed');
      let payload: unknown;
      try {
        const body = await readBody(req);
        payload = body.trim() === '' ? {} : decodeJson(body);
      } catch (error) {
        const detail = (error as Error).message;
        return send(
          res,
          400,
          encodeJson({ ok: false, error: { code: 'invalid', key: 'validate.json', params: { detail } } }),
          'application/json',
        );
      }
      const result = await options.dispatch(decodeURIComponent(url.pathname.slice('/api/'.length)), payload);
      return send(res, 200, encodeJson(result), 'application/json');
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    const offered = url.searchParams.get('token');
    if (offered !== null) {
      if (!tokenMatches(offered, token)) return send(res, 401, REFUSED);
      res.writeHead(303, {
        Location: '/',
        'Set-Cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'Cache-Control': 'no-store',
      });
      return void res.end();
    }
    if (!tokenMatches(cookieToken(req), token)) return send(res, 401, REFUSED);
    return serveStatic(url.pathname, res);
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = join(root, relative || 'index.html');
    if (!file.startsWith(root + sep) && file !== root) return send(res, 404, 'Not found');
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    if (!existsSync(file)) return send(res, 500, 'Renderer not built: run `npm run build` first.');
    const headers: Record<string, string> = {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': extname(file) === '.html' ? 'no-store' : 'max-age=3600',
    };
    if (extname(file) === '.html') {
      headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
      headers['X-Frame-Options'] = 'DENY';
    }
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  }

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : port;
      resolvePromise({
        server,
        port,
        token,
        url: `http://127.0.0.1:${port}/?token=${token}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
