// End-to-end tests: Chromium drives the local workbench against the emulator, which Playwright starts itself.
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/support/chromium.mjs';

const port = Number(process.env.E2E_PORT || 4400);

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
    launchOptions: chromiumLaunchOptions()
  },
  webServer: {
    command: 'node emulator/start.mjs --workbench',
    url: `http://localhost:${port}/_emulator/config`,
    env: { PORT: String(port) },
    reuseExistingServer: false,
    timeout: 60000
  }
});
