// How every Chromium the project drives is started: the end-to-end tests (playwright.config.mjs), the screenshots and
// the benchmark.
import { existsSync } from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Options for Playwright's chromium.launch() and for launchOptions in its config; a new object each call. Debian's
 * Chromium where it is installed (these machines cannot download Playwright's browsers); elsewhere Playwright's own,
 * after `npx playwright install chromium`. No sandbox (containers run as root), no GPU, and none of the background work
 * (component updates, sync, first-run pages, other network chatter) that would add requests and noise to what is
 * measured.
 */
export function chromiumLaunchOptions() {
  return {
    executablePath: existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
  };
}
