/** Chromium for the e2e tests: scripts/chromium.ts, plus a stand-in camera allowed without a prompt. */
import type { Browser } from 'playwright-core';
import { launchChromium as launch } from '../../scripts/chromium.js';

export { CHROMIUM } from '../../scripts/chromium.js';

export function launchChromium(): Promise<Browser> {
  // The photo-capture dialog can be tested with Chromium's stand-in camera.
  return launch(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream']);
}
