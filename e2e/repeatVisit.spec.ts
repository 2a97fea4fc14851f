import { expect, Request } from '@playwright/test';
import { renderPortrait } from '../test/support/emulatorPortraits';
import { expectDecodedImage, keptCheckStored, openWorkbench, settled, strings, test, userState } from './workbench';

const en: IProfilePhotoSyncWebPartStrings = strings('en-us');

test.beforeEach(async ({ request }) => {
  expect((await request.post('/_emulator/reset')).status()).toBe(204);
});

/** Requests to SharePoint, the My Site host and Graph (not the workbench's own files or the emulator's control surface). */
function isServiceRequest(sent: Request): boolean {
  const url: URL = new URL(sent.url());
  return sent.method() !== 'OPTIONS' && (url.pathname.startsWith('/_api/') || url.pathname.startsWith('/_layouts/') ||
    url.pathname.startsWith('/_vti_bin/') || url.pathname.startsWith('/v1.0/') || url.pathname.startsWith('/User%20Photos/'));
}

for (const user of ['out-of-sync', 'in-sync', 'placeholder', 'no-photo']) {
  test(`${user}: a repeat visit where nothing changed costs two small requests and shows the same verdict and photos`, async ({ page }) => {
    await openWorkbench(page, { user });
    const verdict: string = (await (await settled(page)).innerText()).split('\n')[0];
    await keptCheckStored(page);

    const sent: Request[] = [];
    page.on('request', (request) => { if (isServiceRequest(request)) sent.push(request); });
    await page.reload();
    await expect(page.locator('body')).toHaveAttribute('data-workbench-ready', 'true');
    await expect(await settled(page)).toContainText(verdict);
    // Every answer read to its end, so its size is known.
    await Promise.all(sent.map(async (request) => (await request.response())?.finished()));

    const paths: string[] = sent.map((request) => new URL(request.url()).pathname.replace(/^.*\/(?=[^/]+$)/, '').toLowerCase()).sort();
    expect(paths).toEqual(['getmyproperties', 'photo']);
    let bytes: number = 0;
    for (const request of sent) {
      const sizes = await request.sizes();
      bytes += sizes.responseBodySize + sizes.responseHeadersSize;
    }
    expect(bytes).toBeLessThan(10 * 1024);
    await expectDecodedImage(page.getByRole('img', { name: user === 'placeholder' || user === 'no-photo' ? en.SharePointPlaceholderAlt : en.SharePointPhotoAlt }));
    if (user !== 'no-photo') {
      await expectDecodedImage(page.getByRole('img', { name: en.Microsoft365PhotoAlt }));
    }
  });
}

test('after the Microsoft 365 photo changed, the next visit reads only that photo and compares it with the kept SharePoint picture', async ({ page, request }) => {
  await openWorkbench(page, { user: 'out-of-sync' });
  await expect(await settled(page)).toContainText(en.VerdictOutOfSyncTitle);
  await keptCheckStored(page);

  // The person puts the photo SharePoint shows back in Outlook (Graph's PUT): a new etag, and now the photos match.
  const token: string = (await (await request.get('/_emulator/token?user=out-of-sync')).json()).access_token;
  const { graphUrl } = await (await request.get('/_emulator/config')).json();
  const put = await request.put(`${graphUrl}/v1.0/me/photo/$value`, {
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'image/jpeg' },
    data: await renderPortrait('bogdanOld', 648)
  });
  expect(put.status()).toBe(200);

  const sent: Request[] = [];
  page.on('request', (sentRequest) => { if (isServiceRequest(sentRequest)) sent.push(sentRequest); });
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-workbench-ready', 'true');
  await expect(await settled(page)).toContainText(en.VerdictInSyncTitle);

  // SharePoint: its picture version only, no profile, no picture. Graph: its version, then the new photo.
  const sharePoint: string[] = sent.map((sentRequest) => new URL(sentRequest.url())).filter((url) => !url.pathname.startsWith('/v1.0/'))
    .map((url) => url.pathname.replace(/^.*\//, '') + url.search);
  expect(sharePoint).toEqual(['getmyproperties?%24select=AccountName%2CPictureUrl']);
  expect(sent.some((sentRequest) => /\$value$|%24value$/i.test(new URL(sentRequest.url()).pathname))).toBe(true);
  await expectDecodedImage(page.getByRole('img', { name: en.SharePointPhotoAlt }));
  await expectDecodedImage(page.getByRole('img', { name: en.Microsoft365PhotoAlt }));
  expect((await userState(request, 'out-of-sync')).uploads).toBe(0);
});

test('a kept check is not shown once SharePoint changed, and a resync from a kept check works', async ({ page, request }) => {
  await openWorkbench(page, { user: 'out-of-sync' });
  await settled(page);
  await keptCheckStored(page);
  await page.reload();
  await expect(await settled(page)).toContainText(en.VerdictOutOfSyncTitle);

  // Shown from the kept check: Resync still uploads the person's own photo, and SharePoint is read back.
  await page.getByRole('button', { name: en.ResyncButton }).click();
  await expect(await settled(page)).toContainText(en.ResyncDoneTitle);
  expect((await userState(request, 'out-of-sync')).uploads).toBe(1);

  // SharePoint goes back to the old photo elsewhere: its PictureUrl changes, so the next visit checks in full.
  await request.post('/_emulator/reset');
  await page.reload();
  await expect(await settled(page)).toContainText(en.VerdictOutOfSyncTitle);
});

test('another person on the same browser sees nothing of the first one\'s kept check', async ({ page }) => {
  await openWorkbench(page, { user: 'in-sync' });
  await settled(page);
  // There is a kept check for the first person to find, so finding nothing means something.
  await keptCheckStored(page);

  const sent: string[] = [];
  page.on('requestfinished', (request) => { if (isServiceRequest(request)) sent.push(new URL(request.url()).pathname); });
  await openWorkbench(page, { user: 'out-of-sync' });
  await expect(await settled(page)).toContainText(en.VerdictOutOfSyncTitle);
  // A full check: both photos were read.
  expect(sent.some((path) => /\$value$|%24value$/i.test(path))).toBe(true);
  expect(sent.some((path) => /afdcache/i.test(path))).toBe(true);
});
