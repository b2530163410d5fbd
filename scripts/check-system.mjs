#!/usr/bin/env node
// The system packages the tests use: Debian's Chromium (end-to-end tests; Playwright's own browser download is
// unreachable here), poppler-utils (pdftotext, pdftoppm, pdfinfo, pdfsig), qpdf (PDF checks) and LibreOffice Calc
// without a display (the exported workbook opened and converted to CSV).
// Run by `npm test` before anything else. As root with apt-get it installs what is missing; otherwise it names
// the command to run and stops.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const NEEDS = [
  { pkg: 'chromium', present: () => existsSync(process.env.PENILAI_CHROMIUM ?? '/usr/bin/chromium') },
  { pkg: 'poppler-utils', present: () => onPath('pdftotext') && onPath('pdftoppm') && onPath('pdfsig') },
  { pkg: 'qpdf', present: () => onPath('qpdf') },
  { pkg: 'libreoffice-calc-nogui', present: () => onPath('soffice') },
];

/** @param {string} command */
function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

const missing = NEEDS.filter((n) => !n.present()).map((n) => n.pkg);
if (missing.length === 0) process.exit(0);

const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !onPath('apt-get')) {
  console.error(`Penilai tests need these system packages: ${missing.join(', ')}.\nInstall them first (Debian/Ubuntu): sudo ${command}`);
  process.exit(1);
}
console.error(`Installing system packages for the tests: ${missing.join(', ')}`);
execFileSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
