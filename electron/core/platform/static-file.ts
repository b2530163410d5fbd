/**
 * The built renderer's files, found by the path of a request, for both ways the app is served: the HTTP bridge of
 * the browser mode and the Electron shell's `app://` protocol. Its own module so that the shell need not import
 * the bridge. A path never leads out of the folder, however it is encoded.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';

/** The Content-Type of each kind of file the build writes. */
export const MIME: Record<string, string> = {
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

/**
 * The file a path (as sent, still percent-encoded) names inside `root`, or the status that refuses it: 400 for a
 * path that does not decode, that still holds `%` after one decoding (double encoding), a NUL, a backslash or a
 * `..` segment; 404 for one that would leave `root` anyway (a symbolic link out). `null`: nothing there.
 */
export function staticFile(root: string, pathname: string): { file: string } | { status: 400 | 404 } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 400 };
  }
  if (/[%\\\0]/.test(decoded) || decoded.split('/').some((segment) => segment === '..')) return { status: 400 };
  const relative = normalize(decoded).replace(/^\/+/, '');
  const file = join(root, relative || 'index.html');
  if (!file.startsWith(root + sep)) return { status: 404 };
  if (!existsSync(file)) return null;
  const real = realpathSync(file);
  if (!real.startsWith(realpathSync(root) + sep)) return { status: 404 };
  if (statSync(real).isDirectory()) return null;
  return { file };
}
