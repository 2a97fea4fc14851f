// End-to-end tests: Chromium drives the local workbench against the emulator, which Playwright starts itself.
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT || 4400);
// Debian's Chromium where it is installed (these machines cannot download Playwright's browsers);
// elsewhere Playwright's own, after `npx playwright install chromium`.
const debianChromium = '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60000,
  expect: { timeout: 15000 },
  // One emulator holds shared state (reset before each test), so tests run one at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json']],
  use: {
    baseURL: `http://localhost:${port}`,
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: existsSync(debianChromium) ? debianChromium : undefined,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
    }
  },
  webServer: {
    command: 'node emulator/start.mjs --workbench',
    url: `http://localhost:${port}/_emulator/config`,
    env: { PORT: String(port) },
    reuseExistingServer: false,
    timeout: 60000
  }
});
