/**
 * The browser mode: `npm run web -- [--port N] [--db FILE] [--home DIR]` (`--home`, or PENILAI_HOME: the installation
 * whose device identity the app writes as; default the app data folder, as the desktop app). Serves the built renderer and the handlers on
 * 127.0.0.1 and prints the address with its per-run token.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { defaultDataDir, DATABASE_FILE, homeDir } from './core/app.js';
import { openAppHost } from './core/backup/host.js';
import { startBridge } from './core/bridge/server.js';
import { repositoryResources } from './core/platform/resources.js';
import { UserError } from '../shared/domain/errors.js';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function runWeb(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, db: { type: 'string' }, home: { type: 'string' } },
    strict: true,
  });
  const port = values.port === undefined ? 4817 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UserError('cli.badOption', { option: '--port', value: String(values.port), expected: '0–65535' });
  }
  const database = resolve(values.db ?? join(defaultDataDir(), DATABASE_FILE));
  const staticDir = join(root, 'out', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    console.error('Penilai: tampilan belum dibangun; jalankan `npm run build` dahulu. (UI not built: run `npm run build`.)');
    process.exit(1);
  }
  const version = (await import('../package.json', { with: { type: 'json' } })).default.version;
  const home = values.home ? resolve(values.home) : homeDir();
  // A damaged database opens in recovery mode (core/backup/host.ts): the app says so and offers the newest backup.
  const core = openAppHost({
    database,
    resources: repositoryResources(),
    version,
    desktop: false,
    pdfWorker: true,
    home,
    autoBackup: true,
  });
  const bridge = await startBridge({ dispatch: core.dispatch, events: core.events, staticDir, port });
  console.log(`Penilai (mode peramban / browser mode) — basis data: ${database}`);
  console.log(`Buka / open: ${bridge.url}`);
  const stop = () => {
    void bridge.close().then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  runWeb(process.argv.slice(2)).catch((error: unknown) => {
    const message = error instanceof UserError ? error.describe('id') : (error as Error).message;
    console.error(`penilai: ${message}`);
    process.exit(1);
  });
}
