import AxeBuilder from '@axe-core/playwright';
import { expect, Page } from '@playwright/test';
import { openWorkbench, settled, strings, test } from './workbench';
import { LOCALES } from '../test/support/loadStrings';

const USERS: string[] = ['in-sync', 'out-of-sync', 'placeholder', 'no-photo', 'consent-missing', 'throttled', 'upload-refused', 'stale', 'large-photo'];
const THEMES: string[] = ['light', 'dark', 'teams-dark'];

/** axe-core over the web part's section; only serious and critical violations fail. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('[data-testid=section]').analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

test.beforeEach(async ({ request }) => {
  await request.post('/_emulator/reset');
});

for (const theme of THEMES) {
  test(`every user's verdict is accessible in the ${theme} theme`, async ({ page }) => {
    for (const user of USERS) {
      await openWorkbench(page, { user, theme, editor: '1' });
      await settled(page);
      expect(await seriousViolations(page), `${user} in ${theme}`).toEqual([]);
    }
  });
}

for (const locale of LOCALES) {
  test(`the resync states are accessible in ${locale}`, async ({ page, request }) => {
    const text: IProfilePhotoSyncWebPartStrings = strings(locale);
    for (const user of ['upload-refused', 'out-of-sync']) {
      await request.post('/_emulator/reset');
      await openWorkbench(page, { user, locale, theme: locale === 'en-us' ? 'teams-dark' : 'light' });
      await settled(page);
      // Slow the upload down so the busy state can be scanned too.
      await request.post('/_emulator/faults', { data: { origin: 'site', path: 'SetMyProfilePicture', count: 1, status: 0, delayMs: 1500 } });
      await page.getByRole('button', { name: text.ResyncButton }).click();
      await expect(page.getByRole('button', { name: text.ResyncBusyLabel })).toBeDisabled();
      expect(await seriousViolations(page), `${user} busy in ${locale}`).toEqual([]);
      await settled(page);
      expect(await seriousViolations(page), `${user} after resync in ${locale}`).toEqual([]);
    }
  });
}

test('check-on-click state is accessible', async ({ page }) => {
  await openWorkbench(page, { user: 'out-of-sync', 'prop.checkOnLoad': 'false' });
  expect(await seriousViolations(page)).toEqual([]);
});
