/**
 * The local HTTP bridge of the browser mode: the same handlers as Electron's IPC, behind 127.0.0.1 only and a
 * random per-run token, plus the built renderer as static files.
 *
 * - The first page load exchanges `?token=` for an HttpOnly, SameSite=Strict cookie, then redirects to a clean
 *   URL; scripts, styles and API calls then carry the cookie. An API call may also send `X-Penilai-Token`.
 * - Every request without a valid token is refused, static files included. No CORS headers are ever sent.
 * - The Host header must name the loopback address and our port (a defence against DNS rebinding).
 * - Static files go out compressed (brotli or gzip, as the browser's Accept-Encoding allows, `Vary: Accept-Encoding`),
 *   compressed once per file and kept in memory. The hashed files under /assets/ never change for a given name:
 *   `Cache-Control: public, max-age=31536000, immutable`; index.html is revalidated on every load (`no-cache`, with
 *   an ETag), so a new build is picked up at once.
 * - `GET /api/events` is the main → renderer events as server-sent events (`event: <type>`, `data: <json>`),
 *   behind the same token; a comment line every 20 s keeps idle connections open. Closing the bridge ends every
 *   stream.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, relative as relativePath, resolve, sep } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { decodeJson, encodeJson } from '../../../shared/contract/codec.js';
import type { PenilaiEvent } from '../../../shared/contract/events.js';
import type { Result } from '../../../shared/contract/schemas.js';
import { CONTENT_SECURITY_POLICY } from '../platform/csp.js';
import type { EventBus } from '../platform/events.js';

export const TOKEN_COOKIE = 'penilai_token';
export const TOKEN_HEADER = 'x-penilai-token';
const MAX_BODY = 64 * 1024 * 1024;
export const EVENTS_PATH = '/api/events';
/** How often an idle event stream gets a comment line, so that nothing between drops it as dead. */
export const HEARTBEAT_MS = 20_000;

/** Calls `beat` periodically until the returned function is called. */
export type Heartbeat = (beat: () => void) => () => void;

const everyTwentySeconds: Heartbeat = (beat) => {
  const timer = setInterval(beat, HEARTBEAT_MS);
  timer.unref();
  return () => clearInterval(timer);
};

/** One server-sent event: its type as the event name, its data as one line of JSON (JSON never holds a raw newline). */
export function serverSentEvent(event: PenilaiEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

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

/** Text formats worth compressing (images and woff2 are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.ttf', '.ico']);

/** Hashed build output: the name changes whenever the content does. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

export type Encoding = 'br' | 'gzip' | 'identity';

/**
 * The encoding to send, from an Accept-Encoding header: brotli, else gzip, else none; a coding listed with q=0 is
 * refused, `*` stands for the codings not named.
 */
export function chooseEncoding(header: string | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    accepted.set(name, q ? Number(q[1]) : 1);
  }
  const quality = (coding: string) => accepted.get(coding) ?? accepted.get('*') ?? 0;
  if (quality('br') > 0) return 'br';
  if (quality('gzip') > 0) return 'gzip';
  return 'identity';
}

interface CachedFile {
  key: string;
  etag: string;
  bodies: Partial<Record<Encoding, Buffer>>;
}

export interface BridgeOptions {
  dispatch: (channel: string, payload: unknown) => Promise<Result<unknown>>;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  port?: number;
  token?: string;
  /** The core's events, streamed on GET /api/events (without it that path answers 404). */
  events?: Pick<EventBus, 'subscribe'>;
  /** The keep-alive schedule of event streams; tests pass one they drive by hand. Default: every 20 s. */
  heartbeat?: Heartbeat;
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
  /** The open event streams, ended when the bridge closes (server.close() alone would wait for them forever). */
  const streams = new Set<() => void>();

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
      if (url.pathname === EVENTS_PATH) return streamEvents(req, res);
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
    return serveStatic(req, url.pathname, res);
  }

  function streamEvents(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') return send(res, 405, 'Method not allowed');
    if (!options.events) return send(res, 404, 'Not found');
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      // The connection ends with the stream: nothing idle is left for server.close() to wait on.
      Connection: 'close',
    });
    // A first comment sends the headers at once, so the client knows the stream is open.
    res.write(': penilai\n\n');
    const unsubscribe = options.events.subscribe((event) => res.write(serverSentEvent(event)));
    const stopHeartbeat = (options.heartbeat ?? everyTwentySeconds)(() => res.write(':\n\n'));
    const end = () => {
      if (!streams.delete(end)) return;
      unsubscribe();
      stopHeartbeat();
      res.end();
    };
    streams.add(end);
    // The client went away (closed the tab, EventSource.close()) or the bridge is closing.
    res.on('close', end);
  }

  /** The bytes of each static file in each encoding, for as long as the file's size and time stay the same. */
  const files = new Map<string, CachedFile>();

  function body(file: string, encoding: Encoding): { bytes: Buffer; etag: string } {
    const stat = statSync(file);
    const key = `${stat.size}-${stat.mtimeMs}`;
    let cached = files.get(file);
    if (cached?.key !== key) {
      cached = { key, etag: `"${stat.size.toString(36)}-${Math.round(stat.mtimeMs).toString(36)}"`, bodies: {} };
      files.set(file, cached);
    }
    let bytes = cached.bodies[encoding];
    if (!bytes) {
      const raw = cached.bodies.identity ?? readFileSync(file);
      cached.bodies.identity = raw;
      // Brotli at quality 9 is as small as gzip -9 or smaller and fast enough to run once per file on first request.
      bytes =
        encoding === 'br'
          ? brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } })
          : encoding === 'gzip'
            ? gzipSync(raw, { level: 9 })
            : raw;
      cached.bodies[encoding] = bytes;
    }
    return { bytes, etag: encoding === 'identity' ? cached.etag : `${cached.etag.slice(0, -1)}-${encoding}"` };
  }

  function serveStatic(req: IncomingMessage, pathname: string, res: ServerResponse): void {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return send(res, 400, 'Bad request');
    }
    const relative = normalize(decoded).replace(/^([/\\])+/, '');
    let file = join(root, relative || 'index.html');
    if (!file.startsWith(root + sep) && file !== root) return send(res, 404, 'Not found');
    const inAssets = relativePath(root, file).split(sep)[0] === 'assets';
    if (!existsSync(file) || statSync(file).isDirectory()) {
      // A missing build file is an error, never the page in its place (a script that receives HTML breaks quietly).
      if (inAssets) return send(res, 404, 'Not found');
      file = join(root, 'index.html');
    }
    if (!existsSync(file)) return send(res, 500, 'Renderer not built: run `npm run build` first.');
    const ext = extname(file);
    const compressible = COMPRESSIBLE.has(ext);
    const encoding = compressible ? chooseEncoding(req.headers['accept-encoding']) : 'identity';
    const { bytes, etag } = body(file, encoding);
    const headers: Record<string, string> = {
      'Content-Type': MIME[ext] ?? 'application/octet-stream',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': inAssets ? IMMUTABLE_CACHE : 'no-cache',
      ETag: etag,
    };
    if (compressible) headers.Vary = 'Accept-Encoding';
    if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
    if (ext === '.html') {
      headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
      headers['X-Frame-Options'] = 'DENY';
    }
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      return void res.end();
    }
    headers['Content-Length'] = String(bytes.length);
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : bytes);
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
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            for (const end of [...streams]) end();
          }),
      });
    });
  });
}
