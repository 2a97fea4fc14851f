import { APIRequestContext, expect, Locator, Page, test as base } from '@playwright/test';
import { loadStrings } from '../test/support/loadStrings';

/** The web part's strings, read from the same AMD files SharePoint loads. */
export function strings(locale: string = 'en-us'): IProfilePhotoSyncWebPartStrings {
  return loadStrings(locale);
}

export interface IEmulatorUserState {
  uploads: number;
  refusedUploads: number;
  /** Uploads SharePoint answered with 200 and dropped (local uploads turned off). */
  ignoredUploads: number;
  /** What the last accepted upload carried: its size in bytes, Content-Type and decoded dimensions. */
  lastUpload: { bytes: number; contentType: string | null; width: number; height: number } | null;
  sharePoint: { timestamp: number; placeholderState: number; pictureUrl: string | null; width: number | null; height: number | null };
  graph: { hasPhoto: boolean; etag: string | null; width: number | null; height: number | null };
}

export async function userState(request: APIRequestContext, user: string): Promise<IEmulatorUserState> {
  const response = await request.get(`/_emulator/state?user=${user}`);
  expect(response.ok()).toBe(true);
  return response.json();
}

/**
 * Opens the workbench, which hosts the web part's --ship bundle in the real SPFx runtime, and waits until the
 * runtime has loaded it. Any uncaught error on the page fails the test.
 */
export async function openWorkbench(page: Page, query: Record<string, string>): Promise<void> {
  await page.goto(`/?${new URLSearchParams(query).toString()}`);
  await expect(page.locator('body')).toHaveAttribute('data-workbench-ready', 'true');
}

/** Playwright's test, where any uncaught error on the page fails the test that caused it. */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
    expect(errors, 'uncaught errors on the workbench page').toEqual([]);
  }, { auto: true }]
});

/** The web part's live region, where the verdict and progress are announced. */
export function status(page: Page): Locator {
  return page.locator('[data-testid=section] [role=status]');
}

/** Waits until the check or resync has settled (the live region is no longer busy). */
export async function settled(page: Page): Promise<Locator> {
  const region: Locator = status(page);
  await expect(region).toHaveAttribute('aria-busy', 'false');
  return region;
}

/**
 * Waits until the web part has kept the person's check in Cache Storage. It writes after the verdict is on screen, so a
 * reload at once can come before the write, and the next visit then checks in full (right, but not what a test of the
 * kept check means to see).
 */
export async function keptCheckStored(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(async () => {
    for (const name of await caches.keys()) {
      const keys: readonly Request[] = await (await caches.open(name)).keys();
      if (keys.some((request: Request) => request.url.endsWith('/check'))) {
        return true;
      }
    }
    return false;
  })).toBe(true);
}

/** An image that the browser actually decoded (not a broken-image icon). */
export async function expectDecodedImage(image: Locator): Promise<void> {
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
}
