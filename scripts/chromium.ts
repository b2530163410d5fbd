/**
 * Debian's Chromium driven by playwright-core (Playwright's own browser download cannot be fetched here), headless,
 * with the flags that keep it from reaching for the network. Used by the e2e tests and by `npm run bench`.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.PENILAI_CHROMIUM ?? '/usr/bin/chromium';

/** `extraArgs`: e.g. the e2e tests' stand-in camera. */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" (scripts/check-system.mjs does this)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}
