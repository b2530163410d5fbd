/**
 * The local HTTP bridge of the browser mode: the same handlers as Electron's IPC, behind 127.0.0.1 only and a
 * random per-run token, plus the built renderer as static files. The rules, and why each (docs/security.md):
 *
 * - The first page load exchanges `?token=` for an HttpOnly, SameSite=Strict cookie, then redirects to a clean
 *   URL; the page and its scripts and styles then come with the cookie. The page itself carries the token in
 *   `<meta name="penilai-token">`, which only a page of our own origin can read.
 * - An API call (`POST /api/<channel>`) must carry the token in `X-Penilai-Token`, its `Origin` must be this bridge,
 *   and its body `application/json`: the cookie alone is not enough, because cookies ignore the port, so a page on
 *   any other port of 127.0.0.1 would send it too (a plain form or `text/plain` post needs no preflight).
 * - `GET /api/events` (server-sent events; EventSource cannot send a header) takes the cookie or the header: it
 *   only reads, and without CORS headers no other origin can read the answer.
 * - Any request whose `Origin` is not this bridge is refused (403) before anything else, static files included;
 *   a request without a valid token is refused (401). No CORS headers are ever sent.
 * - The Host header must name the loopback address and our port (a defence against DNS rebinding).
 * - Each channel has its own body limit (`BODY_LIMITS`): 1 MB unless it takes a file. A request must arrive whole
 *   within `requestTimeoutMs` (default 30 s; a body trickled in byte by byte is cut off with 408), its headers
 *   within 10 s.
 * - A path that does not decode (bad percent-encoding) answers 400; a static path never leaves the renderer
 *   folder (`staticFile` in platform/static-file.ts: no `..`, no NUL or backslash, nothing still percent-encoded
 *   after one decoding, no symbolic link out).
 * - Static files go out compressed (brotli or gzip, as the browser's Accept-Encoding allows, `Vary: Accept-Encoding`),
 *   compressed once per file and kept in memory. The hashed files under /assets/ never change for a given name:
 *   `Cache-Control: public, max-age=31536000, immutable`; index.html is revalidated on every load (`no-cache`, with
 *   an ETag that changes with the token), so a new build or a new run is picked up at once.
 * - `GET /api/events` is the main → renderer events as server-sent events (`event: <type>`, `data: <json>`);
 *   a comment line every 20 s keeps idle connections open. Closing the bridge ends every stream.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, relative as relativePath, resolve, sep } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { Channel } from '../../../shared/contract/channels.js';
import { decodeJson, encodeJson } from '../../../shared/contract/codec.js';
import type { PenilaiEvent } from '../../../shared/contract/events.js';
import type { Result } from '../../../shared/contract/schemas.js';
import type { MessageKey } from '../../../shared/i18n/messages.js';
import { CONTENT_SECURITY_POLICY } from '../platform/csp.js';
import { MIME, staticFile } from '../platform/static-file.js';
import type { EventBus } from '../platform/events.js';

export const TOKEN_COOKIE = 'penilai_token';
export const TOKEN_HEADER = 'x-penilai-token';
/** The name of the page's `<meta>` that carries the token to the renderer's own scripts. */
export const TOKEN_META = 'penilai-token';

const MB = 1024 * 1024;
/** The body limit of a channel that takes no file. */
export const DEFAULT_BODY_LIMIT = 1 * MB;
/**
 * The channels that take a file, and how big their body may be (the file travels as base64, 4/3 of its size).
 * Packages, PDFs and files to save: 64 MB; a photo (25 MB and its thumbnail, evidence/repository.ts): 36 MB;
 * spreadsheets, CSV and competition files: 16 MB; a drawn signature: 2 MB.
 */
export const BODY_LIMITS: Partial<Record<Channel, number>> = {
  'exchange.inspect': 64 * MB,
  'exchange.plan': 64 * MB,
  'exchange.apply': 64 * MB,
  'signatures.verify': 64 * MB,
  'signatures.sign': 64 * MB,
  'signatures.trust': 16 * MB,
  'app.saveFile': 64 * MB,
  'evidence.add': 36 * MB,
  'setup.import': 16 * MB,
  'setup.parseSites': 16 * MB,
  'setup.parseJurors': 16 * MB,
  'instruments.import': 16 * MB,
  'scoring.importScores': 16 * MB,
  'scoring.finalise': 2 * MB,
};

export function bodyLimit(channel: string): number {
  return (Object.hasOwn(BODY_LIMITS, channel) ? BODY_LIMITS[channel as Channel] : undefined) ?? DEFAULT_BODY_LIMIT;
}

/** How long a request may take to arrive whole, headers and body (`BridgeOptions.requestTimeoutMs`). */
export const REQUEST_TIMEOUT_MS = 30_000;
/** How long its headers may take. */
export const HEADERS_TIMEOUT_MS = 10_000;
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
  /** How long a request may take to arrive whole (headers and body), in ms; default 30 s. Tests pass a small one. */
  requestTimeoutMs?: number;
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

/** An API refusal as a value the renderer can show, with its status. */
function refuse(res: ServerResponse, status: number, code: string, key: MessageKey, params: Record<string, string | number> = {}): void {
  send(res, status, encodeJson({ ok: false, error: { code, key, params } }), 'application/json');
}

const REFUSED =
  'Akses ditolak: buka alamat lengkap (dengan token) yang dicetak oleh Penilai saat dijalankan.\nAccess denied: open the full address (with its token) that Penilai printed when it started.\n';

class TooLarge extends Error {}

/**
 * The body as text, or TooLarge as soon as it passes `limit` bytes: nothing more is kept, the rest is read and
 * dropped (so that the refusal reaches the client before the connection closes; the request timeout ends a body
 * that never stops).
 */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      req.off('end', onEnd);
      req.resume();
      reject(new TooLarge());
    };
    const onEnd = () => resolveBody(Buffer.concat(chunks).toString('utf8'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}

/** The media type of a Content-Type header, lower case, without its parameters. */
function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

export function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  /** Part of index.html's ETag: a page cached from an earlier run (another token) is never taken as current. */
  const tokenTag = createHash('sha256').update(token).digest('base64url').slice(0, 8);
  const root = resolve(options.staticDir);
  let port = options.port ?? 0;
  /** The open event streams, ended when the bridge closes (server.close() alone would wait for them forever). */
  const streams = new Set<() => void>();
  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;

  const server = createServer(
    {
      requestTimeout,
      headersTimeout: Math.min(HEADERS_TIMEOUT_MS, requestTimeout),
      // How often Node looks for requests past their time (its default, 30 s, would let a slow one run twice as long).
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(requestTimeout / 4))),
    },
    (req, res) => {
      handle(req, res).catch(() => {
        if (!res.headersSent) send(res, 500, 'Internal error');
        else res.end();
      });
    },
  );

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421, 'Misdirected request');
    // Only a path (origin-form): never an absolute URL, never `//other-host/…` read as one.
    const target = req.url ?? '';
    if (!target.startsWith('/') || target.startsWith('//')) return send(res, 400, 'Bad request');
    // The path as sent: URL parsing would resolve `..` and `%2e%2e` first and hide a climb from the checks below.
    const pathname = target.split('?', 1)[0]!;
    const query = new URLSearchParams(target.slice(pathname.length + 1));
    const origin = req.headers.origin;
    const sameOrigin = origin === `http://${host}`;
    // A browser names the page behind any cross-origin request: another page has nothing to ask of us, ever.
    if (origin !== undefined && !sameOrigin) return refuse(res, 403, 'forbidden', 'bridge.foreignOrigin');

    if (pathname.startsWith('/api/')) {
      const headerToken = req.headers[TOKEN_HEADER] as string | undefined;
      if (pathname === EVENTS_PATH) {
        if (!tokenMatches(headerToken ?? cookieToken(req), token)) return refuse(res, 401, 'forbidden', 'error.forbidden');
        return streamEvents(req, res);
      }
      if (!tokenMatches(headerToken, token)) return refuse(res, 401, 'forbidden', 'error.forbidden');
      // Browsers send Origin with every POST: one without it is no page of ours.
      if (!sameOrigin) return refuse(res, 403, 'forbidden', 'bridge.foreignOrigin');
      if (req.method !== 'POST') return send(res, 405, 'Method not allowed');
      let channel: string;
      try {
        channel = decodeURIComponent(pathname.slice('/api/'.length));
      } catch {
        return refuse(res, 400, 'invalid', 'bridge.badPath');
      }
      if (mediaType(req.headers['content-type']) !== 'application/json') {
        return refuse(res, 415, 'invalid', 'bridge.notJson');
      }
      const limit = bodyLimit(channel);
      const tooLarge = () => {
        // Nothing more of this body is kept (what still comes is read and dropped); the connection then closes.
        req.resume();
        res.setHeader('Connection', 'close');
        refuse(res, 413, 'invalid', 'bridge.tooLarge', { max: Math.round(limit / MB) });
      };
      if (Number(req.headers['content-length'] ?? 0) > limit) return tooLarge();
      let payload: unknown;
      try {
        const body = await readBody(req, limit);
        payload = body.trim() === '' ? {} : decodeJson(body);
      } catch (error) {
        if (error instanceof TooLarge) return tooLarge();
        return refuse(res, 400, 'invalid', 'validate.json', { detail: (error as Error).message });
      }
      const result = await options.dispatch(channel, payload);
      return send(res, 200, encodeJson(result), 'application/json');
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    const offered = query.get('token');
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
    return serveStatic(req, pathname, res);
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

  const indexFile = join(root, 'index.html');

  /** index.html with the token in a <meta> right after <head>, for the renderer's API calls (renderer/src/api.ts). */
  function withToken(page: Buffer): Buffer {
    const html = page.toString('utf8');
    const at = html.indexOf('<head>');
    const meta = `<meta name="${TOKEN_META}" content="${token}" />`;
    return Buffer.from(at < 0 ? meta + html : `${html.slice(0, at + 6)}${meta}${html.slice(at + 6)}`, 'utf8');
  }

  function body(file: string, encoding: Encoding): { bytes: Buffer; etag: string } {
    const stat = statSync(file);
    const key = `${stat.size}-${stat.mtimeMs}`;
    let cached = files.get(file);
    if (cached?.key !== key) {
      const tag = file === indexFile ? `-${tokenTag}` : '';
      cached = { key, etag: `"${stat.size.toString(36)}-${Math.round(stat.mtimeMs).toString(36)}${tag}"`, bodies: {} };
      files.set(file, cached);
    }
    let bytes = cached.bodies[encoding];
    if (!bytes) {
      const raw = cached.bodies.identity ?? (file === indexFile ? withToken(readFileSync(file)) : readFileSync(file));
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
    const found = staticFile(root, pathname);
    if (found && 'status' in found) return send(res, found.status, found.status === 400 ? 'Bad request' : 'Not found');
    let file = found?.file ?? join(root, normalize(decodeURIComponent(pathname)).replace(/^\/+/, ''));
    const inAssets = relativePath(root, file).split(sep)[0] === 'assets';
    if (!found) {
      // A missing build file is an error, never the page in its place (a script that receives HTML breaks quietly).
      if (inAssets) return send(res, 404, 'Not found');
      file = indexFile;
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
