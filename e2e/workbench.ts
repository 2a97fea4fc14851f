import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { APIRequestContext, expect, Locator, Page } from '@playwright/test';

/** The web part's strings, read from the same AMD files SharePoint loads. */
export function strings(locale: string = 'en-us'): IProfilePhotoSyncWebPartStrings {
  let loaded: IProfilePhotoSyncWebPartStrings | undefined;
  const file: string = join(__dirname, '..', 'src', 'webparts', 'profilePhotoSync', 'loc', `${locale}.js`);
  vm.runInNewContext(readFileSync(file, 'utf8'), { define: (_deps: string[], factory: () => IProfilePhotoSyncWebPartStrings) => { loaded = factory(); } });
  return loaded!;
}

export interface IEmulatorUserState {
  uploads: number;
  refusedUploads: number;
  sharePoint: { timestamp: number; placeholderState: number };
  graph: { hasPhoto: boolean };
}

export async function userState(request: APIRequestContext, user: string): Promise<IEmulatorUserState> {
  const response = await request.get(`/_emulator/state?user=${user}`);
  expect(response.ok()).toBe(true);
  return response.json();
}

export async function openWorkbench(page: Page, query: Record<string, string>): Promise<void> {
  await page.goto(`/?${new URLSearchParams(query).toString()}`);
}

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

/** An image that the browser actually decoded (not a broken-image icon). */
export async function expectDecodedImage(image: Locator): Promise<void> {
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
}
