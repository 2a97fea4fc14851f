import { expect } from '@playwright/test';
import { openWorkbench, settled, status, strings, test, userState } from './workbench';

const en: IProfilePhotoSyncWebPartStrings = strings('en-us');
const MY_PROPERTIES: string = '/_api/SP.UserProfiles.PeopleManager/GetMyProperties';

test.beforeEach(async ({ request }) => {
  expect((await request.post('/_emulator/reset')).status()).toBe(204);
});

/** What another tab does when someone signs in to SharePoint as another person: the auth cookie changes. */
async function signInToSharePointAs(page: import('@playwright/test').Page, user: string): Promise<void> {
  await page.evaluate((id) => { document.cookie = `emulator-user=${encodeURIComponent(id)}; path=/; SameSite=Lax`; }, user);
}

test('another account signed in to SharePoint after the check: Resync writes nothing to anyone', async ({ page, request }) => {
  const writes: string[] = [];
  page.on('request', (sent) => { if (/setmyprofilepicture$/i.test(sent.url())) writes.push(sent.url()); });
  await openWorkbench(page, { user: 'out-of-sync' });
  await expect(await settled(page)).toContainText(en.VerdictOutOfSyncTitle);

  await signInToSharePointAs(page, 'in-sync');
  await page.getByRole('button', { name: en.ResyncButton }).click();

  const region = await settled(page);
  await expect(region).toContainText(en.ResyncFailedTitle);
  await expect(region).toContainText(en.ReasonAccountChanged);
  expect(writes).toEqual([]);
  for (const user of ['out-of-sync', 'in-sync']) {
    const state = await userState(request, user);
    expect([user, state.uploads, state.refusedUploads]).toEqual([user, 0, 0]);
  }
});

test('another account signed in to SharePoint: a new check shows nothing of that person\'s profile', async ({ page }) => {
  await openWorkbench(page, { user: 'out-of-sync' });
  await settled(page);

  await signInToSharePointAs(page, 'placeholder');
  await page.getByRole('button', { name: en.CheckAgainButton }).click();

  const region = await settled(page);
  await expect(region).toContainText(en.VerdictCantCheckTitle);
  await expect(region).toContainText(en.ReasonAccountChanged);
  await expect(page.getByRole('img', { name: en.SharePointPhotoAlt })).toHaveCount(0);
  await expect(page.getByRole('img', { name: en.SharePointPlaceholderAlt })).toHaveCount(0);
  await expect(page.getByRole('button', { name: en.ResyncButton })).toHaveCount(0);
});

for (const stored of ['Standard', 'bogus', 'toString', '__proto__']) {
  test(`a stored sensitivity "${stored}" falls back to the default: identical photos stay in sync, nothing is written`, async ({ page, request }) => {
    await openWorkbench(page, { user: 'in-sync', 'prop.sensitivity': stored, 'prop.autoResync': 'true', 'prop.photoSize': stored });

    await expect(await settled(page)).toContainText(en.VerdictInSyncTitle);
    expect((await userState(request, 'in-sync')).uploads).toBe(0);
    const image = page.getByRole('img', { name: en.Microsoft365PhotoAlt });
    await expect(image).toHaveAttribute('width', '120');
  });
}

test('an 8,000-character title wraps: the page does not scroll sideways', async ({ page }) => {
  await openWorkbench(page, { user: 'in-sync', 'prop.title': 'W'.repeat(8000) });
  await settled(page);

  const overflow: number = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

for (const [name, timestamp] of [['far in the future', '999999999999'], ['the year 1', '1']]) {
  test(`an SPS-PictureTimestamp ${name} reads "no date" and the web part keeps working`, async ({ page, request }) => {
    const answer = await request.get(MY_PROPERTIES, { headers: { Cookie: 'emulator-user=out-of-sync', Accept: 'application/json' } });
    const body = await answer.json();
    body.UserProfileProperties = body.UserProfileProperties.map((p: { Key: string; Value: string }) =>
      p.Key === 'SPS-PictureTimestamp' ? { ...p, Value: timestamp } : p);
    body.PictureUrl = String(body.PictureUrl).replace(/t=\d+/, `t=${timestamp}`);
    await request.post('/_emulator/faults', { data: { origin: 'site', path: 'getmyproperties', status: 200, body, count: 10 } });

    await openWorkbench(page, { user: 'out-of-sync' });

    await expect(await settled(page)).toContainText(en.VerdictOutOfSyncTitle);
    await expect(page.getByText(en.NoChangeDate)).toBeVisible();
    await expect(page.getByText(en.CrashMessage)).toHaveCount(0);
  });
}

test('auto-resync does not upload again on every page view while SharePoint keeps the old photo', async ({ page, request }) => {
  // SharePoint answers 200 to each upload and keeps nothing (local uploads turned off).
  for (let view = 0; view < 4; view++) {
    await openWorkbench(page, { user: 'uploads-disabled', 'prop.autoResync': 'true' });
    await settled(page);
    await expect(status(page)).not.toContainText(en.CheckingMessage);
  }
  expect((await userState(request, 'uploads-disabled')).ignoredUploads).toBe(1);
});
