import AxeBuilder from '@axe-core/playwright';
import { expect, Locator, Page, Request } from '@playwright/test';
import { LOCALES } from '../test/support/loadStrings';
import { expectDecodedImage, openWorkbench, status, settled, strings, test, userState } from './workbench';

/**
 * The nudge, the package's Application Customizer, hosted from the --ship bundle by the real SPFx runtime's extension
 * manager on the workbench's News page (no web part) and Home page (the web part), against the emulator.
 */

const en: IProfilePhotoSyncWebPartStrings = strings('en-us');
const DAY_MS: number = 24 * 60 * 60 * 1000;

test.beforeEach(async ({ request }) => {
  expect((await request.post('/_emulator/reset')).status()).toBe(204);
});

/** Requests to SharePoint, the My Site host and Graph, as the page sends them (preflights left out). */
function serviceRequests(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request: Request) => {
    const url: URL = new URL(request.url());
    if (request.method() !== 'OPTIONS' && /^\/(_api|_layouts|_vti_bin|v1\.0|User%20Photos)\//.test(url.pathname)) {
      sent.push(`${request.method()} ${url.port === '4323' || url.pathname.startsWith('/v1.0/') ? 'graph' : 'sharepoint'} ${url.pathname.toLowerCase()}`);
    }
  });
  return sent;
}

function bar(page: Page): Locator {
  return page.getByRole('region', { name: en.NudgeRegionLabel });
}

/** The verdict every surface of the browser noted last (the nudge's and the web part's), once one is noted. */
async function noted(page: Page): Promise<string> {
  let verdict: string = '';
  await expect.poll(async () => {
    verdict = await page.evaluate(() => {
      const raw: string | null = window.localStorage.getItem('profilePhotoSync.recentCheck');
      return raw ? String(JSON.parse(raw).verdict) : '';
    });
    return verdict;
  }, { message: 'a check noted in local storage' }).not.toBe('');
  return verdict;
}

async function openNews(page: Page, query: Record<string, string>): Promise<void> {
  await openWorkbench(page, { page: 'news', ...query });
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('#top-placeholder').analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

for (const [user, message] of [['out-of-sync', en.NudgeOutOfSyncMessage], ['placeholder', en.NudgePlaceholderMessage]]) {
  test(`${user}: the bar shows on a page without the web part, with both photos, after one PeopleManager call`, async ({ page }) => {
    const sent: string[] = serviceRequests(page);
    await openNews(page, { user });
    await expect(bar(page)).toContainText(message);
    await expectDecodedImage(bar(page).getByRole('img', { name: en.Microsoft365PhotoAlt }));
    await expectDecodedImage(bar(page).getByRole('img', { name: user === 'placeholder' ? en.SharePointPlaceholderAlt : en.SharePointPhotoAlt }));
    await expect(bar(page).getByRole('button', { name: en.ResyncButton })).toBeVisible();
    await expect(bar(page).getByRole('link', { name: en.NudgeOpenPhotoPage })).toHaveAttribute('href', /\?user=/);
    expect(sent.filter((line) => line.endsWith('/getmyproperties'))).toHaveLength(1);
    expect(sent.filter((line) => line.includes('setmyprofilepicture'))).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });
}

for (const [user, verdict] of [['in-sync', 'inSync'], ['no-photo', 'noMicrosoft365Photo'], ['consent-missing', 'cantCheck']]) {
  test(`${user}: nothing shows, and the next page view inside the quiet period sends no request`, async ({ page }) => {
    await openNews(page, { user });
    expect(await noted(page)).toBe(verdict);
    await expect(bar(page)).toHaveCount(0);
    // Nothing pre-allocated: the placeholder takes no room when there is nothing to say.
    expect(await page.locator('#top-placeholder').evaluate((element: HTMLElement) => element.getBoundingClientRect().height)).toBe(0);

    const sent: string[] = serviceRequests(page);
    await page.reload();
    await expect(page.locator('body')).toHaveAttribute('data-workbench-ready', 'true');
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 500))));
    expect(sent).toEqual([]);
    await expect(bar(page)).toHaveCount(0);
  });
}

test('a person in sync costs one Graph request and no SharePoint request once the quiet period is over', async ({ page }) => {
  await openNews(page, { user: 'in-sync' });
  expect(await noted(page)).toBe('inSync');
  const checkedAt: number = await page.evaluate(() => JSON.parse(window.localStorage.getItem('profilePhotoSync.recentCheck')!).checkedAt);

  await page.clock.setSystemTime(new Date(Date.now() + 8 * DAY_MS));
  const sent: string[] = serviceRequests(page);
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-workbench-ready', 'true');
  await expect.poll(() => page.evaluate(() => JSON.parse(window.localStorage.getItem('profilePhotoSync.recentCheck')!).checkedAt)).toBeGreaterThan(checkedAt);
  expect(sent).toEqual(['GET graph /v1.0/me/photo']);
  await expect(bar(page)).toHaveCount(0);
});

test('Resync from the bar uploads once, says so, and the bar closes', async ({ page, request }) => {
  await openNews(page, { user: 'out-of-sync' });
  await bar(page).getByRole('button', { name: en.ResyncButton }).click();
  await expect(bar(page).getByRole('status')).toContainText(en.ResyncDoneTitle);
  expect((await userState(request, 'out-of-sync')).uploads).toBe(1);
  await expect(bar(page)).toHaveCount(0, { timeout: 10000 });
  expect(await noted(page)).toBe('inSync');
  // SharePoint now shows the Microsoft 365 photo: on the web part's page, the same verdict.
  await page.getByTestId('page-link-home').click();
  await expect(await settled(page)).toContainText(en.VerdictInSyncTitle);
  expect((await userState(request, 'out-of-sync')).uploads).toBe(1);
});

test('Not now keeps the bar away for the quiet period, across navigation and page loads, then it comes back', async ({ page }) => {
  await openNews(page, { user: 'out-of-sync' });
  await bar(page).getByRole('button', { name: en.NudgeNotNow }).click();
  await expect(bar(page)).toHaveCount(0);
  await page.getByTestId('page-link-home').click();
  await page.getByTestId('page-link-news').click();
  await expect(bar(page)).toHaveCount(0);

  const sent: string[] = serviceRequests(page);
  await page.clock.setSystemTime(new Date(Date.now() + 6 * DAY_MS));
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-workbench-ready', 'true');
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 500))));
  expect(sent).toEqual([]);
  await expect(bar(page)).toHaveCount(0);

  await page.clock.setSystemTime(new Date(Date.now() + 8 * DAY_MS));
  await page.reload();
  await expect(bar(page)).toContainText(en.NudgeOutOfSyncMessage);
});

test('in-place navigation neither duplicates the bar nor checks again', async ({ page }) => {
  await openNews(page, { user: 'out-of-sync' });
  await expect(bar(page)).toBeVisible();
  const sent: string[] = serviceRequests(page);
  for (let round = 0; round < 3; round++) {
    await page.getByTestId('page-link-home').click();
    await expect(await settled(page)).toContainText(en.VerdictOutOfSyncTitle);
    await page.getByTestId('page-link-news').click();
    await expect(page.locator('#page-title')).toHaveText('News');
  }
  await expect(bar(page)).toHaveCount(1);
  await expect(page.locator('#top-placeholder [data-testid=photo-nudge]')).toHaveCount(1);
  // The web part on Home shows the nudge's kept check: its two small version reads, no photo again.
  expect(sent.filter((line) => line.includes('/photos/'))).toEqual([]);
});

test('the web part and the nudge on one page: one check, by the web part, and the nudge stays silent there', async ({ page }) => {
  const sent: string[] = serviceRequests(page);
  await openWorkbench(page, { user: 'out-of-sync' });
  await expect(await settled(page)).toContainText(en.VerdictOutOfSyncTitle);
  expect(await noted(page)).toBe('outOfSync');
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 500))));
  await expect(bar(page)).toHaveCount(0);
  expect(sent.filter((line) => line.endsWith('/getmyproperties'))).toHaveLength(1);
  // The person saw the verdict in the web part today: the next page does not check or nag again.
  const after: number = sent.length;
  await page.getByTestId('page-link-news').click();
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 500))));
  await expect(bar(page)).toHaveCount(0);
  expect(sent.slice(after)).toEqual([]);
  expect(await status(page).count()).toBe(0);
});

for (const locale of LOCALES) {
  test(`the bar speaks the page's language: ${locale}`, async ({ page }) => {
    await openNews(page, { user: 'placeholder', locale });
    const words: IProfilePhotoSyncWebPartStrings = strings(locale);
    await expect(page.getByRole('region', { name: words.NudgeRegionLabel })).toContainText(words.NudgePlaceholderMessage);
    await expect(page.getByRole('button', { name: words.ResyncButton })).toBeVisible();
    await expect(page.getByRole('button', { name: words.NudgeNotNow })).toHaveAccessibleDescription(words.NudgeNotNowHint.replace('{0}', '7'));
    await expect(page.getByRole('link', { name: words.NudgeOpenPhotoPage })).toBeVisible();
  });
}

for (const theme of ['light', 'dark', 'teams-dark']) {
  test(`the bar in the page's ${theme} theme passes axe, keyboard included`, async ({ page }) => {
    await openNews(page, { user: 'out-of-sync', theme });
    await expect(bar(page)).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    // Reachable by keyboard, in reading order: Resync, the photo page, Not now.
    await page.getByRole('button', { name: en.ResyncButton }).focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: en.NudgeOpenPhotoPage })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: en.NudgeNotNow })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(bar(page)).toHaveCount(0);
  });
}

test('an admin\'s malformed properties fall back to the defaults; enabled:false does nothing at all', async ({ page }) => {
  await openNews(page, { user: 'out-of-sync', nudge: '{quietDays: seven' });
  await expect(bar(page)).toContainText(en.NudgeOutOfSyncMessage);
  await expect(bar(page).getByRole('link', { name: en.NudgeOpenPhotoPage })).toHaveCount(0);

  await page.evaluate(() => window.localStorage.clear());
  const sent: string[] = serviceRequests(page);
  await openNews(page, { user: 'out-of-sync', nudge: '{"enabled":false}' });
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 500))));
  expect(sent).toEqual([]);
  await expect(bar(page)).toHaveCount(0);
});
