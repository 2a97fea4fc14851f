import { expect, Page } from '@playwright/test';
import { keptCheckStored, openWorkbench, settled, strings, test } from './workbench';

/**
 * A shared computer: one person checks their photos, then another person opens the same page in the same browser.
 * Nothing of the first person may stay in the browser's storage: not their photos, not their profile record.
 */

const en: IProfilePhotoSyncWebPartStrings = strings('en-us');

test.beforeEach(async ({ request }) => {
  expect((await request.post('/_emulator/reset')).status()).toBe(204);
});

/** Every key the web part keeps in Cache Storage and local storage, and the kept record's text. */
async function keptInBrowser(page: Page): Promise<{ cache: string[]; local: string[]; records: string }> {
  return page.evaluate(async () => {
    const cache: string[] = [];
    let records: string = '';
    for (const name of await caches.keys()) {
      const opened: Cache = await caches.open(name);
      for (const request of await opened.keys()) {
        cache.push(new URL(request.url).pathname);
        if (request.url.endsWith('/check')) {
          records += await (await opened.match(request))!.text();
        }
      }
    }
    const local: string[] = [];
    for (let index = 0; index < localStorage.length; index++) {
      const key: string | null = localStorage.key(index);
      if (key && key.indexOf('profilePhotoSync.') === 0) {
        local.push(key);
      }
    }
    return { cache, local, records };
  });
}

test('after another person uses the web part in the same browser, nothing of the first person is kept', async ({ page }) => {
  // The first person's check is kept (their photos and profile record); then a resync SharePoint stores while its
  // picture cache lags leaves an entry in the resync memory too.
  await openWorkbench(page, { user: 'stale' });
  await settled(page);
  await keptCheckStored(page);
  const first = await keptInBrowser(page);
  expect(first.cache.some((path) => path.indexOf('/stale%40contoso.example/') > 0)).toBe(true);
  expect(first.records).toContain('stale@contoso.example');
  await page.getByRole('button', { name: en.ResyncButton }).click();
  await expect(await settled(page)).toContainText(en.ResyncCachedTitle);
  expect((await keptInBrowser(page)).local.some((key) => key.indexOf('stale@contoso.example') > 0)).toBe(true);

  await openWorkbench(page, { user: 'in-sync' });
  await expect(await settled(page)).toContainText(en.VerdictInSyncTitle);
  await keptCheckStored(page);

  const after = await keptInBrowser(page);
  expect(after.cache.filter((path) => path.indexOf('stale') >= 0)).toEqual([]);
  expect(after.local.filter((key) => key.indexOf('stale') >= 0)).toEqual([]);
  expect(after.records).not.toContain('stale@contoso.example');
  // Bounded: one person's record and images.
  expect(after.cache.length).toBeLessThanOrEqual(3);
});

test('an expired kept check is deleted, not left behind', async ({ page }) => {
  await openWorkbench(page, { user: 'in-sync' });
  await settled(page);
  await keptCheckStored(page);
  // The site owner keeps no checks any more: the next visit finds the kept one too old for the new setting.
  await openWorkbench(page, { user: 'in-sync', 'prop.keepCheck': 'off' });
  await settled(page);
  await expect.poll(async () => (await keptInBrowser(page)).cache).toEqual([]);
});
