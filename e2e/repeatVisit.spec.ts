import { APIRequestContext, expect, Request } from '@playwright/test';
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

/** Changes the person's Microsoft 365 photo as Outlook would (Graph's PUT): a new etag. */
async function putMicrosoft365Photo(request: APIRequestContext, user: string, portrait: string): Promise<void> {
  const token: string = (await (await request.get(`/_emulator/token?user=${user}`)).json()).access_token;
  const { graphUrl } = await (await request.get('/_emulator/config')).json();
  const put = await request.put(`${graphUrl}/v1.0/me/photo/$value`, {
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'image/jpeg' },
    data: await renderPortrait(portrait, 648)
  });
  expect(put.status()).toBe(200);
}

test('after a Microsoft 365 photo change, SharePoint\'s picture is read again even where its PictureUrl did not change', async ({ page, request }) => {
  // SharePoint's new photo service (MC653734) serves the Microsoft 365 photo, and follows it, under an unchanged PictureUrl.
  await openWorkbench(page, { user: 'new-photo-service' });
  await expect(await settled(page)).toContainText(en.VerdictInSyncTitle);
  await keptCheckStored(page);
  const pictureUrl: string | null = (await userState(request, 'new-photo-service')).sharePoint.pictureUrl;
  await putMicrosoft365Photo(request, 'new-photo-service', 'amara');
  expect((await userState(request, 'new-photo-service')).sharePoint.pictureUrl).toBe(pictureUrl);

  const sent: Request[] = [];
  page.on('request', (sentRequest) => { if (isServiceRequest(sentRequest)) sent.push(sentRequest); });
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-workbench-ready', 'true');
  // Compared with the kept picture (the old photo) it would read out of sync and offer an upload for nothing.
  await expect(await settled(page)).toContainText(en.VerdictInSyncTitle);
  expect(sent.some((sentRequest) => /afdcache/i.test(new URL(sentRequest.url()).pathname))).toBe(true);
  await expect(page.getByRole('button', { name: en.ResyncButton })).toHaveCount(0);
});

test('after only SharePoint\'s picture changed, the kept Microsoft 365 photo is compared with it and Graph sends its version alone', async ({ page, request }) => {
  await openWorkbench(page, { user: 'out-of-sync' });
  await settled(page);
  await page.getByRole('button', { name: en.ResyncButton }).click();
  await expect(await settled(page)).toContainText(en.ResyncDoneTitle);
  // Kept after the resync: in sync.
  await keptCheckStored(page);

  // SharePoint goes back to the old photo elsewhere (the seed again: a new PictureUrl, the same Graph photo and etag).
  await request.post('/_emulator/reset');
  const sent: Request[] = [];
  page.on('request', (sentRequest) => { if (isServiceRequest(sentRequest)) sent.push(sentRequest); });
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-workbench-ready', 'true');
  await expect(await settled(page)).toContainText(en.VerdictOutOfSyncTitle);
  const graph: string[] = sent.map((sentRequest) => new URL(sentRequest.url()).pathname).filter((path) => path.startsWith('/v1.0/'));
  expect(graph).toEqual(['/v1.0/me/photo']);
  expect(sent.some((sentRequest) => /afdcache/i.test(new URL(sentRequest.url()).pathname))).toBe(true);
  await expectDecodedImage(page.getByRole('img', { name: en.Microsoft365PhotoAlt }));

  // Resync uploads the kept photo, which is the one Graph still has.
  await page.getByRole('button', { name: en.ResyncButton }).click();
  await expect(await settled(page)).toContainText(en.ResyncDoneTitle);
  expect((await userState(request, 'out-of-sync')).uploads).toBe(1);
});

const foreignImages: Array<{ part: string; stamp: string | undefined; what: string }> = [
  { part: 'microsoft365', stamp: '1', what: 'a Microsoft 365 photo kept by another check (two tabs keeping at once)' },
  { part: 'sharepoint', stamp: undefined, what: 'a SharePoint picture without its check\'s stamp (kept by an earlier version)' }
];

for (const { part, stamp, what } of foreignImages) {
  test(`a kept check with ${what} is not shown: the visit checks in full`, async ({ page }) => {
    await openWorkbench(page, { user: 'in-sync' });
    await settled(page);
    await keptCheckStored(page);
    const replaced: number = await page.evaluate(async ({ part, stamp }) => {
      let count: number = 0;
      for (const name of await caches.keys()) {
        const cache: Cache = await caches.open(name);
        for (const key of await cache.keys()) {
          if (key.url.endsWith(`/${part}`)) {
            const image: Blob = await (await cache.match(key))!.blob();
            await cache.put(key, new Response(image, { headers: stamp === undefined ? {} : { 'X-Profile-Photo-Sync-Checked-At': stamp } }));
            count++;
          }
        }
      }
      return count;
    }, { part, stamp });
    expect(replaced).toBe(1);

    const sent: string[] = [];
    page.on('requestfinished', (finished) => { if (isServiceRequest(finished)) sent.push(new URL(finished.url()).pathname); });
    await page.reload();
    await expect(await settled(page)).toContainText(en.VerdictInSyncTitle);
    expect(sent.some((path) => /\$value$|%24value$/i.test(path))).toBe(true);
    expect(sent.some((path) => /afdcache/i.test(path))).toBe(true);
  });
}

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
