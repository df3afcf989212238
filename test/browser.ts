/**
 * Debian's Chromium for browser tests, driven by playwright-core. Outside CI a
 * machine without it skips the browser tests (and says so); in CI they fail.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasBrowser = existsSync(CHROMIUM);
/** true: run browser tests (fail if the browser is missing in CI). */
export const runBrowserTests = hasBrowser || Boolean(process.env.CI);

if (!runBrowserTests) {
  console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (install Debian's chromium package; CI does)`);
}

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}
