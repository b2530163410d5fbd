/**
 * The Content-Security-Policy of the app's pages, in one place: the HTTP bridge sends it as a header with
 * index.html, the Electron shell adds it to every response of its session, and renderer/index.html carries the
 * same directives in its <meta> tag (checked by test/integration/electron-build.test.ts). Its own module so that
 * the shell need not import the bridge to read it.
 */
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
