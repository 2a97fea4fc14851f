// `npm run screenshots`: pictures of the web part's main states in the local workbench, for docs/ and the README.
// Starts its own emulator on free ports; needs Chromium (Debian's /usr/bin/chromium, or Playwright's own).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startEmulator } from '../emulator/server.mjs';
import { chromiumLaunchOptions } from '../test/support/chromium.mjs';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

const SHOTS = [
  { name: 'out-of-sync', query: { user: 'out-of-sync' } },
  { name: 'resynced', query: { user: 'out-of-sync' }, resync: true },
  { name: 'in-sync-dark', query: { user: 'in-sync', theme: 'dark' } },
  { name: 'placeholder-teams-dark-bg', query: { user: 'placeholder', theme: 'teams-dark', locale: 'bg-bg' } },
  { name: 'upload-refused-ro', query: { user: 'upload-refused', locale: 'ro-ro' }, resync: true },
  { name: 'consent-missing-editor', query: { user: 'consent-missing', editor: '1' } },
  { name: 'no-photo-sl', query: { user: 'no-photo', locale: 'sl-si' } },
  // The Teams host (workbench/src/teamsHost.tsx): the web part in Teams' three themes, after a resync SharePoint refused.
  { name: 'teams-default', query: { host: 'teams-personal', teamsTheme: 'default', user: 'upload-refused' }, resync: true },
  { name: 'teams-dark', query: { host: 'teams-personal', teamsTheme: 'dark', user: 'out-of-sync' } },
  { name: 'teams-contrast', query: { host: 'teams-personal', teamsTheme: 'contrast', user: 'upload-refused' }, resync: true },
  { name: 'teams-dark-phone-lv', query: { host: 'teams-personal', teamsTheme: 'dark', user: 'placeholder', locale: 'lv-lv', width: 'phone' } }
];

const NUDGE_SHOTS = [
  { name: 'nudge-out-of-sync', query: { user: 'out-of-sync' } },
  { name: 'nudge-placeholder-dark-sl', query: { user: 'placeholder', theme: 'dark', locale: 'sl-si' } }
];

const emulator = await startEmulator({ sitePort: 0, mySitePort: 0, graphPort: 0, workbenchDir: join(root, 'workbench', 'dist') });
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  for (const shot of SHOTS) {
    await fetch(`${emulator.siteUrl}/_emulator/reset`, { method: 'POST' });
    await page.goto(`${emulator.siteUrl}/?${new URLSearchParams(shot.query)}`);
    // In the Teams host the web part is in Teams' frame.
    const scope = shot.query.host ? page.frameLocator('iframe[name=embedded-page-container]') : page;
    const status = scope.locator('[data-testid=section] [role=status]');
    await status.and(scope.locator('[aria-busy=false]')).waitFor();
    if (shot.resync) {
      // Resync is the last button (Check again comes first).
      await scope.locator('[data-testid=section] button').last().click();
      await page.waitForTimeout(300);
      await status.and(scope.locator('[aria-busy=false]')).waitFor({ timeout: 30000 });
    }
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, `${shot.name}.png`) });
    console.log(`docs/screenshots/${shot.name}.png`);
  }
  // The photo reminder on the News page (no web part), each in a fresh browser: it speaks once per quiet period.
  for (const shot of NUDGE_SHOTS) {
    await fetch(`${emulator.siteUrl}/_emulator/reset`, { method: 'POST' });
    const context = await browser.newContext({ viewport: { width: 1280, height: 360 } });
    const fresh = await context.newPage();
    await fresh.goto(`${emulator.siteUrl}/?${new URLSearchParams({ page: 'news', ...shot.query })}`);
    await fresh.locator('[data-testid=photo-nudge] img').nth(1).waitFor({ timeout: 30000 });
    await fresh.waitForTimeout(300);
    await fresh.screenshot({ path: join(out, `${shot.name}.png`) });
    console.log(`docs/screenshots/${shot.name}.png`);
    await context.close();
  }
} finally {
  await browser.close();
  await emulator.close();
}
