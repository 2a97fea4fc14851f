import AxeBuilder from '@axe-core/playwright';
import { expect, FrameLocator, Locator, Page } from '@playwright/test';
import { strings, test, userState } from './workbench';

/**
 * The web part in Teams, Outlook and the Microsoft 365 app: the workbench's Teams host loads the production bundle in
 * the real SPFx runtime inside a frame named as Teams names it, and answers the teams-js SPFx ships.
 */

const en: IProfilePhotoSyncWebPartStrings = strings('en-us');
const FRAME: string = 'iframe[name=embedded-page-container]';

test.beforeEach(async ({ request }) => {
  expect((await request.post('/_emulator/reset')).status()).toBe(204);
});

/** Opens the Teams host and waits until the runtime in its frame has loaded the web part. */
async function openTeams(page: Page, query: Record<string, string>): Promise<FrameLocator> {
  await page.goto(`/?${new URLSearchParams(query).toString()}`);
  await expect(page.locator('body')).toHaveAttribute('data-teams-host-ready', 'true');
  const app: FrameLocator = page.frameLocator(FRAME);
  await expect(app.locator('body')).toHaveAttribute('data-workbench-ready', 'true');
  return app;
}

async function settledIn(app: FrameLocator): Promise<Locator> {
  const region: Locator = app.locator('[data-testid=section] [role=status]');
  await expect(region).toHaveAttribute('aria-busy', 'false');
  return region;
}

/** What the host heard from the SDK in its frame, by function. */
async function sdkCalls(page: Page): Promise<string[]> {
  return page.evaluate(() => ((window as unknown as { teamsSdkCalls: Array<{ func: string }> }).teamsSdkCalls || []).map((call) => call.func));
}

/** axe-core over the web part in the frame: serious and critical violations, and with `aaa` WCAG AAA contrast too. */
async function violations(page: Page, aaa: boolean): Promise<string[]> {
  const builder: AxeBuilder = new AxeBuilder({ page }).include({ fromFrames: [FRAME, '[data-testid=section]'] });
  if (aaa) {
    builder.options({ rules: { 'color-contrast-enhanced': { enabled: true } } });
  }
  const results = await builder.analyze();
  // A scan that reached nothing in the frame would pass whatever the colours.
  expect(results.passes.some((rule) => rule.nodes.some((node) => node.target.length > 1))).toBe(true);
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical' || (aaa && violation.id === 'color-contrast-enhanced'))
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** The web part's background and text colour, as the person sees them. */
async function colours(app: FrameLocator): Promise<{ background: string; text: string }> {
  return app.locator('[data-testid=section] section').first().evaluate((element: HTMLElement) => {
    const style: CSSStyleDeclaration = getComputedStyle(element);
    return { background: style.backgroundColor, text: style.color };
  });
}

const VERDICTS: Array<[string, string]> = [
  ['in-sync', en.VerdictInSyncTitle], ['out-of-sync', en.VerdictOutOfSyncTitle], ['placeholder', en.VerdictPlaceholderTitle],
  ['no-photo', en.VerdictNoPhotoTitle], ['consent-missing', en.VerdictCantCheckTitle], ['throttled', en.VerdictOutOfSyncTitle],
  ['upload-refused', en.VerdictOutOfSyncTitle], ['stale', en.VerdictOutOfSyncTitle], ['large-photo', en.VerdictOutOfSyncTitle],
  ['entra-photo', en.VerdictOutOfSyncTitle], ['new-photo-service', en.VerdictInSyncTitle], ['uploads-disabled', en.VerdictOutOfSyncTitle],
  ['portrait-photo', en.VerdictOutOfSyncTitle], ['landscape-photo', en.VerdictOutOfSyncTitle]
];

for (const host of ['teams-personal', 'teams-tab']) {
  test(`${host}: every seeded person's verdict, as on a SharePoint page`, async ({ page, request }) => {
    for (const [user, verdict] of VERDICTS) {
      await request.post('/_emulator/reset');
      const app: FrameLocator = await openTeams(page, { host, user });
      await expect(await settledIn(app), user).toContainText(verdict);
    }
    // The runtime waited for Teams before it started the web part, and the web part listens for theme changes.
    expect(await sdkCalls(page)).toEqual(expect.arrayContaining(['initialize', 'getContext']));
    expect(await page.evaluate(() => (window as unknown as { teamsSdkCalls: Array<{ func: string; args: unknown[] }> }).teamsSdkCalls
      .filter((call) => call.func === 'registerHandler').map((call) => call.args[0]))).toContain('themeChange');
  });
}

test('personal app, dark: out of sync → Resync → Resynced, with one upload, through SharePoint\'s OBO token path', async ({ page, request }) => {
  const app: FrameLocator = await openTeams(page, { host: 'teams-personal', teamsTheme: 'dark', user: 'out-of-sync' });
  await expect(await settledIn(app)).toContainText(en.VerdictOutOfSyncTitle);
  await app.getByRole('button', { name: en.ResyncButton }).click();
  await expect(await settledIn(app)).toContainText(en.ResyncDoneTitle);
  expect((await userState(request, 'out-of-sync')).uploads).toBe(1);
  const frame = page.frame({ name: 'embedded-page-container' })!;
  const paths: string[] = await frame.evaluate(() => (window as unknown as { workbenchTokenRequests: Array<{ path: string }> }).workbenchTokenRequests.map((r) => r.path));
  expect(paths.length).toBeGreaterThan(0);
  expect(new Set(paths)).toEqual(new Set(['obo']));
});

test('consent missing on the OBO path: "ask your administrator", never a status code, and no pane advice in a personal app', async ({ page }) => {
  const app: FrameLocator = await openTeams(page, { host: 'teams-personal', user: 'consent-missing', editor: '1' });
  const region: Locator = await settledIn(app);
  await expect(region).toContainText(en.VerdictCantCheckTitle);
  await expect(region).toContainText(en.ReasonPermissionUserApp);
  await expect(region).not.toContainText(en.ReasonPermissionEditorApp);
  await expect(region).not.toContainText(/\b(40[13]|AADSTS)/);
});

const THEME_COLOURS: Record<string, { background: string; text: string }> = {
  default: { background: 'rgb(255, 255, 255)', text: 'rgb(36, 36, 36)' },
  dark: { background: 'rgb(41, 41, 41)', text: 'rgb(255, 255, 255)' },
  contrast: { background: 'rgb(0, 0, 0)', text: 'rgb(255, 255, 255)' }
};

for (const theme of Object.keys(THEME_COLOURS)) {
  const next: string = theme === 'contrast' ? 'default' : 'contrast';
  test(`Teams' ${theme} theme at load, then ${next} live: the web part follows, and axe finds nothing`, async ({ page }) => {
    const app: FrameLocator = await openTeams(page, { host: 'teams-personal', teamsTheme: theme, user: 'upload-refused' });
    await settledIn(app);
    // The verdict, then a refusal with the manual steps: every kind of text the web part shows.
    await app.getByRole('button', { name: en.ResyncButton }).click();
    await expect(await settledIn(app)).toContainText(en.ResyncRefusedTitle);
    expect(await colours(app)).toEqual(THEME_COLOURS[theme]);
    expect(await violations(page, theme === 'contrast')).toEqual([]);

    await page.getByTestId('teams-theme-switcher').selectOption(next);
    await expect.poll(() => colours(app)).toEqual(THEME_COLOURS[next]);
    expect(await violations(page, next === 'contrast')).toEqual([]);
  });
}

test('high contrast: the keyboard focus ring is yellow on black, 7:1 or more', async ({ page }) => {
  const app: FrameLocator = await openTeams(page, { host: 'teams-personal', teamsTheme: 'contrast', user: 'out-of-sync' });
  await settledIn(app);
  await app.getByRole('button', { name: en.CheckAgainButton }).focus();
  await page.keyboard.press('Tab');
  const outline: string = await app.getByRole('button', { name: en.ResyncButton }).evaluate((button: HTMLElement) => {
    const style: CSSStyleDeclaration = getComputedStyle(button);
    return `${style.outlineStyle} ${style.outlineColor}`;
  });
  expect(outline).toBe('solid rgb(255, 255, 1)');
});

test('Windows forced colours: an unavailable Resync looks unavailable, in Windows\' own colours', async ({ page, request }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  const app: FrameLocator = await openTeams(page, { host: 'teams-personal', teamsTheme: 'contrast', user: 'out-of-sync' });
  await settledIn(app);
  const colourOf = (button: Locator): Promise<string> => button.evaluate((element: HTMLElement) => getComputedStyle(element).color);
  const systemColour = (name: string): Promise<string> => page.evaluate((keyword: string) => {
    const probe: HTMLElement = document.createElement('span');
    probe.style.color = keyword;
    document.body.appendChild(probe);
    const value: string = getComputedStyle(probe).color;
    probe.remove();
    return value;
  }, name);
  const resync: Locator = app.getByRole('button', { name: en.ResyncButton });
  expect(await colourOf(resync)).toBe(await systemColour('ButtonText'));
  // Hovered, it keeps Windows' button colours, not the theme's hover colour behind ButtonText.
  await resync.hover();
  expect(await resync.evaluate((element: HTMLElement) => getComputedStyle(element).backgroundColor)).toBe(await page.evaluate(() => {
    const probe: HTMLElement = document.createElement('span');
    probe.style.backgroundColor = 'ButtonFace';
    document.body.appendChild(probe);
    const value: string = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return value;
  }));

  await request.post('/_emulator/faults', { data: { origin: 'site', path: 'SetMyProfilePicture', count: 1, status: 0, delayMs: 1500 } });
  await resync.click();
  const busy: Locator = app.getByRole('button', { name: en.ResyncBusyLabel });
  await expect(busy).toHaveAttribute('aria-disabled', 'true');
  expect(await colourOf(busy)).toBe(await systemColour('GrayText'));
  expect(await systemColour('GrayText')).not.toBe(await systemColour('ButtonText'));
  await settledIn(app);
});

test('a phone\'s 360 px: nothing scrolls sideways, in the longest language and with the manual steps shown', async ({ page }) => {
  const bg: IProfilePhotoSyncWebPartStrings = strings('bg-bg');
  const app: FrameLocator = await openTeams(page, { host: 'teams-personal', width: 'phone', user: 'upload-refused', locale: 'bg-bg', teamsTheme: 'dark' });
  await settledIn(app);
  await app.getByRole('button', { name: bg.ResyncButton }).click();
  await expect(await settledIn(app)).toContainText(bg.ResyncRefusedTitle);
  const frame = page.frame({ name: 'embedded-page-container' })!;
  const widths = await frame.evaluate(() => ({ client: document.documentElement.clientWidth, scroll: document.documentElement.scrollWidth }));
  expect(widths.client).toBeLessThanOrEqual(360);
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
});

test('a SharePoint session that expires mid-visit is renewed once through Teams single sign-on', async ({ page, request }) => {
  const signIns: string[] = [];
  page.on('request', (sent) => { if (/nativeclient\/authenticate$/i.test(sent.url())) signIns.push(sent.method()); });
  const app: FrameLocator = await openTeams(page, { host: 'teams-personal', user: 'out-of-sync' });
  await expect(await settledIn(app)).toContainText(en.VerdictOutOfSyncTitle);

  expect((await request.post('/_emulator/expire-session', { data: { user: 'out-of-sync' } })).status()).toBe(204);
  await app.getByRole('button', { name: en.CheckAgainButton }).click();

  await expect(await settledIn(app)).toContainText(en.VerdictOutOfSyncTitle);
  expect(signIns).toEqual(['POST']);
  expect((await sdkCalls(page)).filter((func) => func === 'authentication.getAuthToken')).toHaveLength(1);
});

test('an upload refused for an expired session: the session is renewed, the identity checked again, then one upload', async ({ page, request }) => {
  const sent: string[] = [];
  page.on('request', (request_) => {
    const path: string = new URL(request_.url()).pathname.toLowerCase();
    if (/nativeclient\/authenticate$|getmyproperties$|setmyprofilepicture$/.test(path)) {
      sent.push(path.split('/').pop()!);
    }
  });
  const app: FrameLocator = await openTeams(page, { host: 'teams-personal', user: 'out-of-sync' });
  await settledIn(app);
  // SharePoint refuses the upload for an expired session, once.
  await request.post('/_emulator/faults', { data: { origin: 'site', path: 'SetMyProfilePicture', method: 'POST', count: 1, status: 401, body: '' } });
  sent.length = 0;
  await app.getByRole('button', { name: en.ResyncButton }).click();
  await expect(await settledIn(app)).toContainText(en.ResyncDoneTitle);
  const firstUpload: number = sent.indexOf('setmyprofilepicture');
  const signIn: number = sent.indexOf('authenticate');
  expect(signIn).toBeGreaterThan(firstUpload);
  // After the sign-in, the profile is read again (the identity check) before the one upload SharePoint stores.
  expect(sent.slice(signIn + 1)).toEqual(expect.arrayContaining(['getmyproperties', 'setmyprofilepicture']));
  expect(sent.indexOf('getmyproperties', signIn)).toBeLessThan(sent.indexOf('setmyprofilepicture', signIn));
  expect(sent.filter((name) => name === 'authenticate')).toHaveLength(1);
  expect((await userState(request, 'out-of-sync')).uploads).toBe(1);
});

test('a session that expires before Resync: renewed by the identity check\'s reads, then exactly one upload', async ({ page, request }) => {
  const signIns: string[] = [];
  page.on('request', (sent) => { if (/nativeclient\/authenticate$/i.test(sent.url())) signIns.push(sent.method()); });
  const app: FrameLocator = await openTeams(page, { host: 'teams-personal', user: 'out-of-sync' });
  await settledIn(app);
  await request.post('/_emulator/expire-session', { data: { user: 'out-of-sync' } });
  await app.getByRole('button', { name: en.ResyncButton }).click();
  await expect(await settledIn(app)).toContainText(en.ResyncDoneTitle);
  expect(signIns).toEqual(['POST']);
  expect((await userState(request, 'out-of-sync')).uploads).toBe(1);
});

test('a session SharePoint will not renew: the person reads that the sign-in expired and to open the app again', async ({ page, request }) => {
  const app: FrameLocator = await openTeams(page, { host: 'teams-personal', user: 'out-of-sync' });
  await settledIn(app);
  await request.post('/_emulator/expire-session', { data: { user: 'out-of-sync' } });
  await request.post('/_emulator/faults', { data: { origin: 'site', path: 'NativeClient/Authenticate', count: 5, status: 500 } });
  await app.getByRole('button', { name: en.CheckAgainButton }).click();
  const region: Locator = await settledIn(app);
  await expect(region).toContainText(en.VerdictCantCheckTitle);
  await expect(region).toContainText(en.ReasonSignedOutApp);
  await expect(region).not.toContainText(/\b401\b/);
  expect((await sdkCalls(page)).filter((func) => func === 'authentication.getAuthToken')).toHaveLength(1);
  expect((await userState(request, 'out-of-sync')).uploads).toBe(0);
});

test('Outlook as the host: the same verdict, and words for an app, not a page', async ({ page }) => {
  const app: FrameLocator = await openTeams(page, { host: 'outlook', user: 'no-photo' });
  const region: Locator = await settledIn(app);
  await expect(region).toContainText(en.VerdictNoPhotoTitle);
  await expect(region).toContainText(en.VerdictNoPhotoBodyApp);
  await expect(page.locator('.teams-bar')).toContainText('Outlook');
});

test('a channel tab\'s settings, where its property pane is, tell its editor what to approve; a personal app addresses no editor', async ({ page }) => {
  await openTeams(page, { host: 'teams-tab', user: 'consent-missing' });
  await page.getByTestId('tab-settings').click();
  let app: FrameLocator = page.frameLocator(FRAME);
  await expect(app.locator('body')).toHaveAttribute('data-workbench-ready', 'true');
  let region: Locator = await settledIn(app);
  await expect(region).toContainText(en.ReasonPermissionUserApp);
  await expect(region).toContainText(en.ReasonPermissionEditorApp);

  app = await openTeams(page, { host: 'teams-personal', user: 'consent-missing', editor: '1' });
  region = await settledIn(app);
  await expect(region).toContainText(en.ReasonPermissionUserApp);
  await expect(region).not.toContainText(en.ReasonPermissionEditorApp);
});

test('Tab settings opens the tab with the web part\'s own property pane, as Teams configures a tab', async ({ page }) => {
  await openTeams(page, { host: 'teams-tab', user: 'in-sync' });
  await page.getByTestId('tab-settings').click();
  const app: FrameLocator = page.frameLocator(FRAME);
  await expect(app.locator('body')).toHaveAttribute('data-workbench-ready', 'true');
  // The pane's groups come from the web part's getPropertyPaneConfiguration(), read through the runtime.
  await expect(app.getByRole('complementary', { name: 'Web part properties' }).getByText(en.BehaviourGroupName)).toBeVisible();
});

test('a host that never answers the SDK: SPFx does not start the web part (platform behaviour)', async ({ page }) => {
  await page.goto(`/?${new URLSearchParams({ host: 'teams-personal', teamsHost: 'silent', user: 'in-sync' }).toString()}`);
  await expect.poll(() => sdkCalls(page)).toContain('initialize');
  const frame = page.frame({ name: 'embedded-page-container' })!;
  // The runtime has asked to load the web part; the Teams-aware host waits for getContext before onInit.
  await expect.poll(() => frame.evaluate(() => performance.getEntriesByName('workbench:load-web-part').length)).toBe(1);
  await page.waitForTimeout(2000);
  await expect(page.frameLocator(FRAME).locator('[data-testid=section] section')).toHaveCount(0);
  expect(await sdkCalls(page)).not.toContain('registerHandler');
});
