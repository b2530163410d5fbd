/**
 * The renderer served from the app's own scheme, `app://penilai/`, instead of `file://`: the pages get a real
 * origin of their own (no file:// privileges over the disk, a CSP header on every page), and the handler answers
 * GET only, with files from the build folder only (`staticFile`: no `..`, no encoded or double-encoded climb, no
 * symbolic link out). Electron is only a type here: tests call the handler with plain Requests.
 */
import type { CustomScheme } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../core/platform/csp.js';
import { MIME, staticFile } from '../core/platform/static-file.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'penilai';
/** The app's origin, with the trailing slash isTrustedUrl and the window's first load expect. */
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/`;

/**
 * Registered before the app is ready: `standard` (URLs parsed like http, relative paths and `'self'` work),
 * `secure` (a secure context, as the camera needs), `supportFetchAPI` and `codeCache`. Not `bypassCSP`, not
 * `corsEnabled`, not `allowServiceWorkers`, not `stream`.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

function answer(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}

/** The path of an `app://penilai/…` address exactly as written (a URL parser would resolve `..` before any check). */
function rawPath(url: string): string | null {
  const prefix = `${APP_SCHEME}://${APP_HOST}/`;
  if (!url.toLowerCase().startsWith(prefix)) return null;
  return `/${url.slice(prefix.length).split(/[?#]/, 1)[0]!}`;
}

/** The handler of `protocol.handle('app', …)` for the build folder `root` (out/renderer). */
export function appProtocolHandler(root: string): (request: Pick<Request, 'method' | 'url'>) => Promise<Response> {
  const folder = resolve(root);
  return async (request) => {
    if (request.method !== 'GET') return answer(405, 'Method not allowed');
    const path = rawPath(request.url);
    if (path === null) return answer(404, 'Not found');
    const found = staticFile(folder, path);
    if (found === null) return answer(404, 'Not found');
    if ('status' in found) return answer(found.status, found.status === 400 ? 'Bad request' : 'Not found');
    const ext = extname(found.file);
    const headers: Record<string, string> = {
      'Content-Type': MIME[ext] ?? 'application/octet-stream',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    };
    if (ext === '.html') headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
    return new Response(new Uint8Array(await readFile(found.file)), { status: 200, headers });
  };
}
