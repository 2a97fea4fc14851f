import { expect } from '@playwright/test';
import { expectDecodedImage, openWorkbench, settled, status, strings, test, userState } from './workbench';

const en: IProfilePhotoSyncWebPartStrings = strings('en-us');

test.beforeEach(async ({ request }) => {
  expect((await request.post('/_emulator/reset')).status()).toBe(204);
});

interface IScenario {
  user: string;
  /** What a person reads once the check has settled. */
  verdict: string;
  body: string;
  microsoft365Photo: boolean;
  sharePointAlt: string;
  /** After Resync: the title a person reads, and how many uploads the emulator then holds. */
  resync?: { title: string; uploads: number; refusedUploads: number; manualSteps: boolean };
}

/** Resync ends in "Resynced": one upload, nothing refused, no manual steps. */
const RESYNCED: IScenario['resync'] = { title: en.ResyncDoneTitle, uploads: 1, refusedUploads: 0, manualSteps: false };

/** A user whose photos differ at first, and what Resync then ends with. */
function outOfSync(user: string, resync: IScenario['resync']): IScenario {
  return { user, verdict: en.VerdictOutOfSyncTitle, body: en.VerdictOutOfSyncBody, microsoft365Photo: true, sharePointAlt: en.SharePointPhotoAlt, resync };
}

const SCENARIOS: IScenario[] = [
  { user: 'in-sync', verdict: en.VerdictInSyncTitle, body: en.VerdictInSyncBody, microsoft365Photo: true, sharePointAlt: en.SharePointPhotoAlt },
  outOfSync('out-of-sync', RESYNCED),
  {
    user: 'placeholder', verdict: en.VerdictPlaceholderTitle, body: en.VerdictPlaceholderBody, microsoft365Photo: true, sharePointAlt: en.SharePointPlaceholderAlt,
    resync: RESYNCED
  },
  { user: 'no-photo', verdict: en.VerdictNoPhotoTitle, body: en.VerdictNoPhotoBody, microsoft365Photo: false, sharePointAlt: en.SharePointPlaceholderAlt },
  { user: 'consent-missing', verdict: en.VerdictCantCheckTitle, body: en.ReasonPermissionUser, microsoft365Photo: false, sharePointAlt: en.SharePointPhotoAlt },
  outOfSync('throttled', RESYNCED),
  outOfSync('upload-refused', { title: en.ResyncRefusedTitle, uploads: 0, refusedUploads: 1, manualSteps: true }),
  // SharePoint stores the upload at once, but its picture cache serves the previous picture for a while.
  outOfSync('stale', { title: en.ResyncCachedTitle, uploads: 1, refusedUploads: 0, manualSteps: false }),
  outOfSync('large-photo', RESYNCED),
  // SharePoint's new photo service already serves the Microsoft 365 photo; the profile still carries a 2021 timestamp.
  { user: 'new-photo-service', verdict: en.VerdictInSyncTitle, body: en.VerdictInSyncBody, microsoft365Photo: true, sharePointAlt: en.SharePointPhotoAlt },
  // Local uploads are off: SharePoint answers 200 and stores nothing.
  outOfSync('uploads-disabled', { title: en.ResyncNotTakenTitle, uploads: 0, refusedUploads: 0, manualSteps: true }),
  // SharePoint's large thumbnail keeps the shape of a photo that is not square: 300×400 and 300×225.
  outOfSync('portrait-photo', RESYNCED),
  outOfSync('landscape-photo', RESYNCED),
  // Graph's sized paths answer 404 for a photo stored in Entra ID: the original is read instead, never "no photo".
  outOfSync('entra-photo', RESYNCED)
];

for (const uploadsDisabledAnswer of [400, 403]) {
  test(`uploads turned off with ${uploadsDisabledAnswer}: one attempt, an honest refusal and the manual steps`, async ({ page, request }) => {
    await request.post('/_emulator/scenario-options', { data: { uploadsDisabledAnswer } });
    const attempts: string[] = [];
    page.on('request', (sent) => { if (/setmyprofilepicture$/i.test(sent.url())) attempts.push(sent.method()); });
    await openWorkbench(page, { user: 'uploads-disabled' });
    await settled(page);

    await page.getByRole('button', { name: en.ResyncButton }).click();

    await expect(await settled(page)).toContainText(en.ResyncRefusedTitle);
    await expect(page.getByRole('region', { name: en.TroubleshootingTitle })).toHaveCount(1);
    expect(attempts).toEqual(['POST']);
    const state = await userState(request, 'uploads-disabled');
    expect([state.uploads, state.refusedUploads]).toEqual([0, 1]);
  });
}

for (const noPhotoAnswer of ['ErrorItemNotFound', 'ErrorEntityNotFound', 'oneByOneGif']) {
  test(`no-photo: Graph's "${noPhotoAnswer}" also reads "${en.VerdictNoPhotoTitle}"`, async ({ page, request }) => {
    expect((await request.post('/_emulator/scenario-options', { data: { noPhotoAnswer } })).status()).toBe(200);
    await openWorkbench(page, { user: 'no-photo' });

    const region = await settled(page);
    await expect(region).toContainText(en.VerdictNoPhotoTitle);
    await expect(page.getByRole('img', { name: en.Microsoft365PhotoAlt })).toHaveCount(0);
    await expect(page.getByRole('button', { name: en.ResyncButton })).toHaveCount(0);
  });
}

for (const scenario of SCENARIOS) {
  test(`${scenario.user}: shows both photos and reads "${scenario.verdict}"`, async ({ page, request }) => {
    await openWorkbench(page, { user: scenario.user });

    const region = await settled(page);
    await expect(region).toContainText(scenario.verdict);
    await expect(region).toContainText(scenario.body);
    await expect(region).not.toContainText(/\b[45]\d\d\b/);
    await expectDecodedImage(page.getByRole('img', { name: scenario.sharePointAlt }));
    if (scenario.microsoft365Photo) {
      await expectDecodedImage(page.getByRole('img', { name: en.Microsoft365PhotoAlt }));
    } else {
      await expect(page.getByRole('img', { name: en.Microsoft365PhotoAlt })).toHaveCount(0);
    }
    await expect(page.getByRole('button', { name: en.ResyncButton })).toHaveCount(scenario.resync ? 1 : 0);
    // Reading never writes.
    expect((await userState(request, scenario.user)).uploads).toBe(0);
  });

  if (scenario.resync) {
    const outcome = scenario.resync;
    test(`${scenario.user}: Resync ends with "${outcome.title}"`, async ({ page, request }) => {
      await openWorkbench(page, { user: scenario.user });
      await settled(page);
      // Hold the upload for a moment so the busy state can be seen whatever SharePoint answers.
      await request.post('/_emulator/faults', { data: { origin: 'site', path: 'SetMyProfilePicture', method: 'POST', count: 1, status: 0, delayMs: 1000 } });

      const button = page.getByRole('button', { name: en.ResyncButton });
      await button.click();
      await expect(page.getByRole('button', { name: en.ResyncBusyLabel })).toBeDisabled();

      const region = await settled(page);
      await expect(region).toContainText(outcome.title);
      await expect(page.getByRole('region', { name: en.TroubleshootingTitle })).toHaveCount(outcome.manualSteps ? 1 : 0);
      const state = await userState(request, scenario.user);
      expect({ uploads: state.uploads, refusedUploads: state.refusedUploads }).toEqual({ uploads: outcome.uploads, refusedUploads: outcome.refusedUploads });
      // One click, one upload attempt, whatever SharePoint did with it.
      expect(state.uploads + state.refusedUploads + state.ignoredUploads).toBe(1);
      if (outcome.uploads > 0) {
        // What reached SharePoint: an image SharePoint could decode (the Microsoft 365 photo), not an empty body.
        expect(state.lastUpload!.bytes).toBeGreaterThan(1000);
        expect(Math.max(state.lastUpload!.width, state.lastUpload!.height)).toBeLessThanOrEqual(648);
      }

      if (outcome.title === en.ResyncDoneTitle) {
        expect(state.sharePoint.placeholderState).toBe(0);
        // A fresh page load agrees: SharePoint now shows the Microsoft 365 photo.
        await page.reload();
        await expect(await settled(page)).toContainText(en.VerdictInSyncTitle);
      }
    });
  }
}

test('while SharePoint\'s picture cache lags, the SharePoint side shows the copy SharePoint stored', async ({ page, request }) => {
  await openWorkbench(page, { user: 'stale' });
  await settled(page);

  await page.getByRole('button', { name: en.ResyncButton }).click();

  await expect(await settled(page)).toContainText(en.ResyncCachedTitle);
  const sharePointPhoto = page.getByRole('img', { name: en.SharePointPhotoAlt });
  await expectDecodedImage(sharePointPhoto);
  // The stored copy on the My Site host (the large thumbnail beside PictureUrl), with the new picture timestamp.
  const { sharePoint } = await userState(request, 'stale');
  expect(await sharePointPhoto.getAttribute('src')).toBe(sharePoint.pictureUrl!.replace('_MThumb.jpg', '_LThumb.jpg'));
  await expect(page.getByRole('button', { name: en.ResyncButton })).toHaveCount(0);

  // The next visit, with the cache still behind and auto-resync on: the same answer, and no second upload.
  await openWorkbench(page, { user: 'stale', 'prop.autoResync': 'true' });
  await expect(await settled(page)).toContainText(en.ResyncCachedTitle);
  await expect(page.getByRole('button', { name: en.ResyncButton })).toHaveCount(0);
  await expectDecodedImage(page.getByRole('img', { name: en.SharePointPhotoAlt }));
  expect((await userState(request, 'stale')).uploads).toBe(1);
});

test('a fractional Retry-After is waited out in full before Graph is asked again', async ({ page, request }) => {
  await request.post('/_emulator/scenario-options', { data: { throttleRetryAfter: '2.5' } });
  const asked: number[] = [];
  page.on('request', (sent) => { if (/\/v1\.0\/me\/photo$/.test(sent.url()) && sent.method() === 'GET') asked.push(Date.now()); });
  await openWorkbench(page, { user: 'throttled' });

  await expect(await settled(page)).toContainText(en.VerdictOutOfSyncTitle);
  expect(asked).toHaveLength(2);
  // Date.parse('2.5') is a date in 2001: read as one, the retry would go out at once.
  expect(asked[1] - asked[0]).toBeGreaterThanOrEqual(2400);
});

test('a long Retry-After is not cut short: the person reads when to try again, and Graph is not asked early', async ({ page, request }) => {
  await request.post('/_emulator/scenario-options', { data: { throttleRetryAfter: '120' } });
  let asked: number = 0;
  page.on('request', (sent) => { if (/\/v1\.0\/me\/photo$/.test(sent.url()) && sent.method() === 'GET') asked += 1; });
  await openWorkbench(page, { user: 'throttled' });

  const region = await settled(page);
  await expect(region).toContainText(en.VerdictCantCheckTitle);
  await expect(region).toContainText(/Try again after \d{1,2}:\d\d/);
  expect(asked).toBe(1);
});

for (const skewMinutes of [-120, 120]) {
  test(`a browser clock ${Math.abs(skewMinutes)} minutes ${skewMinutes < 0 ? 'behind' : 'ahead'} does not turn a resync that worked into a failure`, async ({ page, request }) => {
    // SharePoint stamps pictures and digests with its own clock; the web part must never judge them by the browser's.
    await page.clock.setSystemTime(new Date(Date.now() + skewMinutes * 60 * 1000));
    await openWorkbench(page, { user: 'out-of-sync' });
    await settled(page);
    const pageClockOff: number = (await page.evaluate(() => Date.now())) - Date.now();
    expect(Math.abs(pageClockOff - skewMinutes * 60 * 1000)).toBeLessThan(60 * 1000);

    await page.getByRole('button', { name: en.ResyncButton }).click();

    await expect(await settled(page)).toContainText(en.ResyncDoneTitle);
    expect((await userState(request, 'out-of-sync')).uploads).toBe(1);
  });
}

test('a page editor reads which permission to approve, and where', async ({ page }) => {
  await openWorkbench(page, { user: 'consent-missing', editor: '1' });
  const region = await settled(page);
  await expect(region).toContainText(en.ReasonPermissionEditor);
  await expect(region).toContainText('User.Read');
});

test('Resync works with the keyboard alone', async ({ page, request }) => {
  await openWorkbench(page, { user: 'out-of-sync' });
  await settled(page);

  const resync = page.getByRole('button', { name: en.ResyncButton });
  for (let presses = 0; presses < 20 && !(await resync.evaluate((el) => el === document.activeElement)); presses++) {
    await page.keyboard.press('Tab');
  }
  await expect(resync).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(await settled(page)).toContainText(en.ResyncDoneTitle);
  // The Resync button is gone; focus went to the outcome, not back to the top of the page.
  await expect(status(page)).toBeFocused();
  expect((await userState(request, 'out-of-sync')).uploads).toBe(1);
});

test('a second click while resyncing uploads nothing more', async ({ page, request }) => {
  await openWorkbench(page, { user: 'stale' });
  await settled(page);

  await page.getByRole('button', { name: en.ResyncButton }).click();
  // The busy button stays focusable (aria-disabled) and receives these clicks; the web part must ignore them.
  const busy = page.getByRole('button', { name: en.ResyncBusyLabel });
  await expect(busy).toHaveAttribute('aria-disabled', 'true');
  await busy.click({ force: true });
  await busy.click({ force: true });

  await expect(await settled(page)).toContainText(en.ResyncCachedTitle);
  expect((await userState(request, 'stale')).uploads).toBe(1);
});

test('check on click: nothing is read until the person asks', async ({ page }) => {
  const reads: string[] = [];
  page.on('request', (sent) => {
    if (/\/_api\/|userphoto\.aspx|\/v1\.0\//i.test(sent.url())) {
      reads.push(sent.url());
    }
  });
  await openWorkbench(page, { user: 'out-of-sync', 'prop.checkOnLoad': 'false' });
  await expect(status(page)).toContainText(en.NotCheckedMessage);
  await page.waitForTimeout(500);
  expect(reads).toEqual([]);
  await page.getByRole('button', { name: en.CheckButton }).click();
  await expect(await settled(page)).toContainText(en.VerdictOutOfSyncTitle);
});

test('auto-resync uploads without a click when the site owner turned it on', async ({ page, request }) => {
  await openWorkbench(page, { user: 'out-of-sync', 'prop.autoResync': 'true' });
  await expect(status(page)).toContainText(en.ResyncDoneTitle);
  expect((await userState(request, 'out-of-sync')).uploads).toBe(1);
});

test('a timed-out request digest is renewed once and the upload goes through', async ({ page, request }) => {
  const posts: string[] = [];
  page.on('request', (sent) => {
    if (sent.method() === 'POST' && /\/_api\/(contextinfo|.*setmyprofilepicture)$/i.test(sent.url())) posts.push(sent.url().split('/').pop()!.toLowerCase());
  });
  // A first resync uses the digest the page came with, and pnpjs keeps it.
  await openWorkbench(page, { user: 'out-of-sync' });
  await settled(page);
  await page.getByRole('button', { name: en.ResyncButton }).click();
  await expect(await settled(page)).toContainText(en.ResyncDoneTitle);
  expect(posts).toEqual(['setmyprofilepicture']);

  // Back to the old photo on the same page, and every digest handed out so far goes stale.
  await request.post('/_emulator/reset');
  await request.post('/_emulator/expire-digests');
  await page.getByRole('button', { name: en.CheckAgainButton }).click();
  await expect(await settled(page)).toContainText(en.VerdictOutOfSyncTitle);
  posts.length = 0;
  await page.getByRole('button', { name: en.ResyncButton }).click();

  // The kept digest is refused with 403 -2130575252 (timed out); one fresh digest, one retry, and the upload counts.
  await expect(await settled(page)).toContainText(en.ResyncDoneTitle);
  expect(posts).toEqual(['setmyprofilepicture', 'contextinfo', 'setmyprofilepicture']);
  expect((await userState(request, 'out-of-sync')).uploads).toBe(1);
});

test('a request digest SharePoint calls invalid is renewed once and the upload goes through', async ({ page, request }) => {
  const contextInfo: string[] = [];
  page.on('request', (sent) => { if (/\/_api\/contextinfo$/i.test(sent.url())) contextInfo.push(sent.method()); });
  await openWorkbench(page, { user: 'out-of-sync' });
  await settled(page);
  await request.post('/_emulator/faults', {
    data: {
      origin: 'site', path: 'SetMyProfilePicture', method: 'POST', count: 1, status: 403,
      body: { 'odata.error': { code: '-2130575251, Microsoft.SharePoint.SPException', message: { lang: 'en-US', value: 'The security validation for this page is invalid and might be corrupted. Please use your web browser\'s Back button to try your operation again.' } } }
    }
  });

  await page.getByRole('button', { name: en.ResyncButton }).click();

  await expect(await settled(page)).toContainText(en.ResyncDoneTitle);
  expect((await userState(request, 'out-of-sync')).uploads).toBe(1);
  // The page's digest for the first try and one fresh digest for the retry: never more.
  expect(contextInfo).toEqual(['POST']);
});

test('a resync writes with the digest the page came with: no contextinfo round trip', async ({ page, request }) => {
  const contextInfo: string[] = [];
  page.on('request', (sent) => { if (/\/_api\/contextinfo$/i.test(sent.url())) contextInfo.push(sent.method()); });
  await openWorkbench(page, { user: 'out-of-sync' });
  await settled(page);

  await page.getByRole('button', { name: en.ResyncButton }).click();

  await expect(await settled(page)).toContainText(en.ResyncDoneTitle);
  expect(contextInfo).toEqual([]);
  expect((await userState(request, 'out-of-sync')).uploads).toBe(1);
});

test('a refused Graph permission stays "ask your administrator" when checked again within five minutes', async ({ page }) => {
  let tokenRequests: number = 0;
  page.on('request', (sent) => { if (/\/_emulator\/token/.test(sent.url())) tokenRequests += 1; });
  await openWorkbench(page, { user: 'consent-missing' });
  await expect(await settled(page)).toContainText(en.ReasonPermissionUser);
  // The check's Graph requests go out together, and each asks for a token before either has failed.
  const askedOnLoad: number = tokenRequests;
  expect(askedOnLoad).toBeGreaterThan(0);

  // The check is over in an instant when the token is refused from memory: wait for its SharePoint read instead of
  // trying to catch the busy state.
  const recheck = page.waitForRequest(/getmyproperties/i);
  await page.getByRole('button', { name: en.CheckAgainButton }).click();
  await recheck;
  const region = await settled(page);

  // The real token provider refused at once ("Token request previously failed"), without asking again; that is
  // still the permission, not the network.
  expect(tokenRequests).toBe(askedOnLoad);
  await expect(region).toContainText(en.ReasonPermissionUser);
  await expect(region).not.toContainText(en.ReasonNetwork);
});

test('SharePoint\'s OBO token path, which fails with a plain string, also reads as the permission', async ({ page }) => {
  await openWorkbench(page, { user: 'consent-missing', token: 'obo' });
  await expect(await settled(page)).toContainText(en.ReasonPermissionUser);
  const paths: string[] = await page.evaluate(() => (window as unknown as { workbenchTokenRequests: Array<{ path: string }> }).workbenchTokenRequests.map((r) => r.path));
  expect(paths.length).toBeGreaterThan(0);
  expect(new Set(paths)).toEqual(new Set(['obo']));
});

test('Graph refusing the token (403 ErrorAccessDenied) reads as the permission, after AadHttpClient\'s one retry', async ({ page, request }) => {
  const denied = { error: { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' } };
  await request.post('/_emulator/faults', { data: { origin: 'graph', path: '/me/photo$', method: 'GET', count: 10, status: 403, body: denied } });
  let asked: number = 0;
  page.on('request', (sent) => { if (/\/v1\.0\/me\/photo$/.test(sent.url()) && sent.method() === 'GET') asked += 1; });
  await openWorkbench(page, { user: 'out-of-sync' });

  const region = await settled(page);
  await expect(region).toContainText(en.ReasonPermissionUser);
  // AadHttpClient sends a request Graph answered with 403 once more, with a fresh token.
  expect(asked).toBe(2);
});

test('Graph out of reach reads as the connection, not the permission', async ({ page }) => {
  await page.route(/\/v1\.0\/me\/photo/, (route) => route.abort('internetdisconnected'));
  await openWorkbench(page, { user: 'out-of-sync' });
  const region = await settled(page);
  await expect(region).toContainText(en.VerdictCantCheckTitle);
  await expect(region).toContainText(en.ReasonNetwork);
});

test('a stale signed photo link from userphoto.aspx is asked for again', async ({ page, request }) => {
  await request.post('/_emulator/faults', { data: { origin: 'site', path: 'afdcache', count: 1, status: 403, body: 'The photo link has expired.' } });
  await openWorkbench(page, { user: 'in-sync' });
  await expect(await settled(page)).toContainText(en.VerdictInSyncTitle);
  await expectDecodedImage(page.getByRole('img', { name: en.SharePointPhotoAlt }));
});

test('a server error reads as a clear message, not a status code', async ({ page, request }) => {
  await request.post('/_emulator/faults', { data: { origin: 'site', path: 'GetMyProperties', count: 5, status: 500, body: 'not json' } });
  await openWorkbench(page, { user: 'in-sync' });
  const region = await settled(page);
  await expect(region).toContainText(en.VerdictCantCheckTitle);
  await expect(region).toContainText(en.ReasonUnexpected);
  await expect(region).not.toContainText('500');
});

test('a lost connection reads as a clear message, and nothing is uploaded', async ({ page, request }) => {
  await openWorkbench(page, { user: 'out-of-sync' });
  await settled(page);
  await page.route(/\/setmyprofilepicture$/i, (route) => route.abort('internetdisconnected'));

  await page.getByRole('button', { name: en.ResyncButton }).click();

  const region = await settled(page);
  await expect(region).toContainText(en.ResyncFailedTitle);
  await expect(region).toContainText(en.ReasonNetwork);
  await expect(page.getByRole('button', { name: en.ResyncButton })).toBeEnabled();
  expect((await userState(request, 'out-of-sync')).uploads).toBe(0);
});

test('property pane changes reach the web part through the SPFx runtime', async ({ page }) => {
  await openWorkbench(page, { user: 'in-sync' });
  await settled(page);
  const photo = page.getByRole('img', { name: en.Microsoft365PhotoAlt });
  await expect(photo).toHaveAttribute('width', '120');

  await page.locator('#property-photoSize').selectOption('large');
  await expect(photo).toHaveAttribute('width', '176');
  await page.locator('#property-title').fill('My photo');
  await expect(page.getByRole('heading', { name: 'My photo' })).toBeVisible();
  // Stored as the page would store it: a reload shows the same.
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-workbench-ready', 'true');
  await expect(page.getByRole('heading', { name: 'My photo' })).toBeVisible();
});

test('a theme change reaches the web part through the section\'s theme provider', async ({ page }) => {
  await openWorkbench(page, { user: 'in-sync' });
  await settled(page);
  const title = page.getByRole('heading', { name: en.DefaultTitle });
  const light: string = await title.evaluate((el) => getComputedStyle(el).color);

  await page.getByTestId('theme-switcher').selectOption('dark');

  await expect.poll(() => title.evaluate((el) => getComputedStyle(el).color)).not.toBe(light);
});

test('a page editor can switch the page to edit mode and back; the web part keeps its verdict', async ({ page }) => {
  await openWorkbench(page, { user: 'out-of-sync', editor: '1' });
  await expect(await settled(page)).toContainText(en.VerdictOutOfSyncTitle);
  const reads: string[] = [];
  page.on('request', (sent) => { if (/\/_api\/|userphoto|\/v1\.0\//i.test(sent.url())) reads.push(sent.url()); });
  const edit = page.getByRole('button', { name: 'Edit page' });

  await edit.click();
  await expect(edit).toHaveAttribute('aria-pressed', 'true');
  await expect(status(page)).toContainText(en.VerdictOutOfSyncTitle);
  await edit.click();
  await expect(edit).toHaveAttribute('aria-pressed', 'false');

  await expect(status(page)).toContainText(en.VerdictOutOfSyncTitle);
  await expect(page.getByRole('button', { name: en.ResyncButton })).toBeEnabled();
  // The mode changed through the runtime without a new check, and without a failure on the page.
  expect(reads).toEqual([]);
  await expect(page.getByTestId('workbench-failure')).toHaveCount(0);
});

test('removing the web part disposes it: nothing is left on the page and nothing runs afterwards', async ({ page, request }) => {
  await openWorkbench(page, { user: 'stale' });
  await settled(page);
  const requests: string[] = [];
  page.on('request', (sent) => { if (/\/_api\/|userphoto|\/v1\.0\//i.test(sent.url())) requests.push(sent.url()); });

  // SharePoint keeps the old photo for this user, so the web part reads back again after 2 s and 5 s; the page
  // editor removes it during that wait.
  // The first read of the profile after the click is the first read-back, which comes after the upload.
  const firstReadBack = page.waitForRequest(/getmyproperties/i);
  await page.getByRole('button', { name: en.ResyncButton }).click();
  await firstReadBack;
  await expect(status(page)).toContainText(en.ResyncVerifying);
  await page.getByRole('button', { name: 'Remove web part' }).click();
  const countAtRemoval: number = requests.length;

  await expect(page.locator('#webpart [role=status]')).toHaveCount(0);
  // A theme change after disposal must not reach a disposed web part (an error here would fail the test).
  await page.getByTestId('theme-switcher').selectOption('dark');
  await page.waitForTimeout(2500);
  // At most the read-back already under way at removal finishes; no new one starts.
  expect(requests.length - countAtRemoval).toBeLessThanOrEqual(2);
  expect(requests.slice(countAtRemoval).filter((url) => /getmyproperties/i.test(url))).toEqual([]);
  expect((await userState(request, 'stale')).uploads).toBe(1);
});
