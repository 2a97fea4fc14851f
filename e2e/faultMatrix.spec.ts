import { Browser, expect, Page, APIRequestContext } from '@playwright/test';
import { IEmulatorUserState, openWorkbench, status, strings, test, userState } from './workbench';

/**
 * The fault matrix: every endpoint the web part calls × every way it can fail, during the check and during the
 * resync, each cell on a person of its own (a copy of out-of-sync, whose photos differ) with faults that touch only
 * that person's requests, so cells run side by side. For each cell: a sentence from the strings (no status code,
 * no stack), the right retries, SharePoint changed exactly when the person is told it worked, usable buttons and no
 * page error. It prints the matrix and the count of cells tried and held.
 */

const en: IProfilePhotoSyncWebPartStrings = strings('en-us');

/** Cells at once, each in its own browser context (its own cookie, its own person). */
const PARALLEL: number = 4;
/** Longer than the web part waits for a read (20 s) or an upload (60 s): "no answer past the timeout". */
const READ_HANG_MS: number = 23000;
const UPLOAD_HANG_MS: number = 64000;

type Phase = 'check' | 'resync';

interface IEndpoint {
  name: string;
  origin: 'site' | 'graph';
  /** Matched, case-insensitively, against the request's path and query, on the emulator and in the browser. */
  path: string;
  method?: 'GET' | 'POST';
  /** What the endpoint answers with: JSON, an image, or the upload's own answer. */
  body: 'json' | 'image' | 'upload';
  /** Matching requests let through before the fault starts (the upload ticket's own profile read). */
  skip?: number;
  /** Before the fault: the upload's digest is refused once, so the resync must ask contextinfo. */
  needsStaleDigest?: boolean;
  /** During the resync, the endpoint is read only after SharePoint took the upload. */
  afterUpload?: boolean;
}

interface IFault {
  name: string;
  /** The emulator fault, less origin, path, user and count. */
  spec: Record<string, unknown>;
  /** How many requests it answers: throttling once (to see the retry), everything else every time. */
  count: number;
  /** For throttling: the Retry-After, in seconds. */
  retryAfter?: number;
  applies: (endpoint: IEndpoint) => string | undefined;
}

const GRAPH_ERROR = (code: string, message: string): Record<string, unknown> => ({ error: { code, message } });
const SP_ERROR = (code: string, message: string): Record<string, unknown> => ({ 'odata.error': { code, message: { lang: 'en-US', value: message } } });

const ENDPOINTS: Record<Phase, IEndpoint[]> = {
  check: [
    { name: 'Graph /me/photo', origin: 'graph', path: '^/v1\\.0/me/photo$', body: 'json' },
    { name: 'Graph photo bytes', origin: 'graph', path: '(\\$|%24)value$', body: 'image' },
    { name: 'GetMyProperties', origin: 'site', path: 'getmyproperties', body: 'json' },
    { name: 'userphoto.aspx', origin: 'site', path: 'userphoto\\.aspx', body: 'image' },
    { name: 'photo redirect target', origin: 'site', path: 'afdcache\\.ashx', body: 'image' }
  ],
  resync: [
    { name: 'GetMyProperties (before upload)', origin: 'site', path: 'getmyproperties', body: 'json' },
    { name: 'contextinfo', origin: 'site', path: 'contextinfo', method: 'POST', body: 'json', needsStaleDigest: true },
    { name: 'SetMyProfilePicture', origin: 'site', path: 'setmyprofilepicture', method: 'POST', body: 'upload' },
    { name: 'GetMyProperties (read-back)', origin: 'site', path: 'getmyproperties', body: 'json', skip: 1, afterUpload: true },
    { name: 'userphoto.aspx (read-back)', origin: 'site', path: 'userphoto\\.aspx', body: 'image', afterUpload: true },
    { name: 'photo redirect target (read-back)', origin: 'site', path: 'afdcache\\.ashx', body: 'image', afterUpload: true }
  ]
};

const always = (): undefined => undefined;
const throttle = (status: number, retryAfter: number): IFault => ({
  name: `${status} Retry-After ${retryAfter}`,
  spec: { status, retryAfter, body: status === 429 ? GRAPH_ERROR('TooManyRequests', 'Too many requests') : 'Service Unavailable' },
  count: 1,
  retryAfter,
  applies: always
});

const FAULTS: IFault[] = [
  { name: 'connection dropped', spec: { drop: true }, count: 50, applies: always },
  {
    name: 'no answer in time',
    spec: {},
    count: 50,
    applies: always
  },
  { name: '401', spec: { status: 401, body: GRAPH_ERROR('InvalidAuthenticationToken', 'Access token has expired or is not yet valid.') }, count: 50, applies: always },
  { name: '403', spec: { status: 403, body: SP_ERROR('-2147024891, System.UnauthorizedAccessException', 'Access denied.') }, count: 50, applies: always },
  { name: '404', spec: { status: 404, body: GRAPH_ERROR('ErrorItemNotFound', 'Not found.') }, count: 50, applies: always },
  throttle(429, 1), throttle(429, 2.5), throttle(429, 120),
  throttle(503, 1), throttle(503, 2.5), throttle(503, 120),
  { name: '500', spec: { status: 500, body: SP_ERROR('-2146232832, Microsoft.SharePoint.SPException', 'Unexpected.') }, count: 50, applies: always },
  { name: 'malformed JSON', spec: { status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"odata.null":' }, count: 50, applies: always },
  {
    name: 'HTML with 200', spec: { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: '<!DOCTYPE html><html><body><form action="/_forms/default.aspx">Sign in</form></body></html>' },
    count: 50, applies: always
  },
  { name: 'wrong content type', spec: { status: 200, headers: { 'Content-Type': 'text/plain' }, body: 'OK' }, count: 50, applies: always },
  { name: 'empty body', spec: { status: 200, headers: { 'Content-Type': 'application/json' }, body: '' }, count: 50, applies: always },
  {
    name: 'corrupt image bytes', spec: { status: 200, headers: { 'Content-Type': 'image/jpeg' }, body: '\u00ff\u00d8\u00ff\u00e0 not really a JPEG' }, count: 50,
    applies: (endpoint) => endpoint.body === 'image' ? undefined : 'answers JSON, not an image'
  },
  {
    name: 'stale digest -2130575251', count: 1,
    spec: { status: 403, body: SP_ERROR('-2130575251, Microsoft.SharePoint.SPException', 'The security validation for this page is invalid and might be corrupted.') },
    applies: (endpoint) => endpoint.body === 'upload' ? undefined : 'only writes carry a digest'
  },
  {
    name: 'stale digest -2130575252', count: 1,
    spec: { status: 403, body: SP_ERROR('-2130575252, Microsoft.SharePoint.SPException', 'The security validation for this page has timed out.') },
    applies: (endpoint) => endpoint.body === 'upload' ? undefined : 'only writes carry a digest'
  }
];

/** Endpoints the web part does not call at all, listed so the matrix says why they have no cells. */
const NOT_CALLED: Array<{ endpoint: string; reason: string }> = [
  { endpoint: 'Graph /me/photos (size list)', reason: 'not requested: the bytes are read at 648×648 directly, falling back to /me/photo/$value' },
  { endpoint: 'Graph during the resync', reason: 'the resync uploads the photo the check read, and whom Graph answers for is read from the token SPFx holds: no Graph request' },
  { endpoint: 'contextinfo and SetMyProfilePicture during the check', reason: 'the check writes nothing' }
];

type Told = 'outOfSync' | 'noPhoto' | 'cantCheck' | 'resynced' | 'cached' | 'unconfirmed' | 'unknown' | 'resyncFailed' | 'refused' | 'notTaken';

const TITLES: Record<Told, string> = {
  outOfSync: en.VerdictOutOfSyncTitle,
  noPhoto: en.VerdictNoPhotoTitle,
  cantCheck: en.VerdictCantCheckTitle,
  resynced: en.ResyncDoneTitle,
  cached: en.ResyncCachedTitle,
  unconfirmed: en.ResyncUnconfirmedTitle,
  unknown: en.ResyncUnknownTitle,
  resyncFailed: en.ResyncFailedTitle,
  refused: en.ResyncRefusedTitle,
  notTaken: en.ResyncNotTakenTitle
};

/** What a person may be told after each cell. */
function allowedOutcomes(phase: Phase, endpoint: IEndpoint, fault: IFault): Told[] {
  const transientThrottle: boolean = fault.retryAfter !== undefined && fault.retryAfter <= 10;
  if (phase === 'check') {
    if (transientThrottle) {
      return ['outOfSync'];
    }
    // Any 404 on a Graph photo path means "no photo" (docs/dev/platform-facts.md#no-photo).
    if (fault.name === '404' && endpoint.origin === 'graph') {
      return ['noPhoto'];
    }
    return ['cantCheck'];
  }
  if (transientThrottle || fault.name.indexOf('stale digest') === 0) {
    return ['resynced'];
  }
  if (endpoint.afterUpload) {
    // SharePoint took the upload; what the read-back shows decides the words, never "did not finish".
    return ['resynced', 'cached', 'unconfirmed'];
  }
  if (endpoint.body === 'upload' && fault.name === 'no answer in time') {
    return ['unknown', 'resynced', 'cached'];
  }
  if (endpoint.body === 'upload' && ['403', '404', '500'].indexOf(fault.name) >= 0) {
    return ['refused'];
  }
  return ['resyncFailed'];
}

/** Outcomes after which SharePoint must hold the new photo, and after which it must not. */
const CHANGED: Told[] = ['resynced', 'cached', 'unconfirmed'];
const UNCHANGED: Told[] = ['outOfSync', 'noPhoto', 'cantCheck', 'resyncFailed', 'refused', 'notTaken'];

interface ICell {
  phase: Phase;
  endpoint: IEndpoint;
  fault: IFault;
  user: string;
}

interface IResult {
  cell: ICell;
  held: boolean;
  problems: string[];
}

function faultSpec(cell: ICell): Record<string, unknown> {
  const { endpoint, fault } = cell;
  const hang: boolean = fault.name === 'no answer in time';
  return {
    origin: endpoint.origin,
    path: endpoint.path,
    method: endpoint.method,
    user: cell.user,
    count: fault.count,
    skip: endpoint.skip ?? 0,
    ...(hang ? { delayMs: endpoint.body === 'upload' ? UPLOAD_HANG_MS : READ_HANG_MS } : fault.spec)
  };
}

async function addFault(request: APIRequestContext, spec: Record<string, unknown>): Promise<void> {
  const response = await request.post('/_emulator/faults', { data: spec });
  expect(response.status(), JSON.stringify(await response.json())).toBe(201);
}

/** The title a person reads once nothing is busy, or undefined when it never settles. */
async function settledTitle(page: Page, timeoutMs: number): Promise<Told | undefined> {
  const region = status(page);
  try {
    await expect(region).toHaveAttribute('aria-busy', 'false', { timeout: timeoutMs });
  } catch {
    return undefined;
  }
  // The title comes first; a body sentence may contain another title's words.
  const text: string = (await region.innerText()).trim();
  return (Object.keys(TITLES) as Told[]).find((told) => text.indexOf(TITLES[told]) === 0);
}

async function runCell(browser: Browser, baseURL: string, request: APIRequestContext, cell: ICell): Promise<IResult> {
  const problems: string[] = [];
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  const page: Page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // No token, digest or photo bytes in anything the page writes to the console.
  const secrets: string[] = [];
  page.on('console', (message) => {
    const found: RegExpMatchArray | null = message.text().match(/eyJ[\w-]{10,}\.|Bearer\s+\S+|0x[0-9A-F]{32,}|data:image\//i);
    if (found) {
      secrets.push(found[0].slice(0, 16));
    }
  });
  const pattern: RegExp = new RegExp(cell.endpoint.path, 'i');
  // Every request to the faulted endpoint, as it starts; when it started is read from the browser's own clock once
  // its answer is in (events reach the test later than the requests go out).
  let sentToEndpoint: import('@playwright/test').Request[] = [];
  const matches = (sent: import('@playwright/test').Request): boolean => {
    const url: URL = new URL(sent.url());
    const originMatches: boolean = cell.endpoint.origin === 'graph' ? /\/v1\.0\//.test(url.pathname) : !/\/v1\.0\//.test(url.pathname);
    return originMatches && sent.method() !== 'OPTIONS' && pattern.test(url.pathname + url.search) && (!cell.endpoint.method || sent.method() === cell.endpoint.method);
  };
  page.on('request', (sent) => {
    if (matches(sent)) {
      sentToEndpoint.push(sent);
    }
  });
  try {
    const created = await request.post('/_emulator/users', { data: { id: cell.user, like: 'out-of-sync' } });
    expect(created.status()).toBe(201);
    const before: IEmulatorUserState = await userState(request, cell.user);
    const hang: boolean = cell.fault.name === 'no answer in time';
    const wait: number = hang ? (cell.endpoint.body === 'upload' ? 110000 : 60000) : 45000;

    if (cell.phase === 'check') {
      await addFault(request, faultSpec(cell));
      await openWorkbench(page, { user: cell.user });
    } else {
      await openWorkbench(page, { user: cell.user });
      const first: Told | undefined = await settledTitle(page, 30000);
      if (first !== 'outOfSync') {
        throw new Error(`before the fault the check read ${first ?? 'nothing settled'}`);
      }
      if (cell.endpoint.needsStaleDigest) {
        await addFault(request, {
          origin: 'site', path: 'setmyprofilepicture', method: 'POST', user: cell.user, count: 1, status: 403,
          body: SP_ERROR('-2130575252, Microsoft.SharePoint.SPException', 'The security validation for this page has timed out.')
        });
      }
      await addFault(request, faultSpec(cell));
      sentToEndpoint = [];
      await page.getByRole('button', { name: en.ResyncButton }).click();
    }

    const told: Told | undefined = await settledTitle(page, wait);
    const allowed: Told[] = allowedOutcomes(cell.phase, cell.endpoint, cell.fault);
    const text: string = await status(page).innerText();
    if (told === undefined || allowed.indexOf(told) < 0) {
      problems.push(`told "${text.replace(/\s+/g, ' ').slice(0, 140)}", expected ${allowed.join(' or ')}`);
    }
    // A sentence, never a code or a stack.
    if (/\b[1-5]\d\d\b|error|exception|undefined|null|NaN|\bat\s+\S+:\d+/i.test(text.replace(/Microsoft 365/g, ''))) {
      problems.push(`status text shows something raw: "${text.replace(/\s+/g, ' ').slice(0, 140)}"`);
    }
    if (told !== undefined && text.trim().length < TITLES[told].length + 20) {
      problems.push('a title without a sentence that explains it');
    }

    // Buttons usable again (Resync may wait for the time a throttling server gave).
    const buttons = page.locator('[data-testid=section] button');
    for (let i = 0; i < await buttons.count(); i++) {
      const button = buttons.nth(i);
      const name: string = (await button.innerText()).trim();
      const disabled: boolean = await button.isDisabled();
      const waitingForServer: boolean = name === en.ResyncButton && text.indexOf(en.ReasonThrottledUntil.split('{0}')[0].trim()) >= 0;
      if (disabled && !waitingForServer) {
        problems.push(`button "${name}" left disabled`);
      }
      if (name === en.ResyncBusyLabel) {
        problems.push('a button left spinning');
      }
    }

    // Retries as the server asked (requests let through before the fault started are not its retries).
    const started: number[] = await Promise.all(sentToEndpoint.map(async (sent) => {
      await sent.response().catch(() => undefined);
      return sent.timing().startTime;
    }));
    const hits: number[] = started.sort((a, b) => a - b).slice(cell.phase === 'resync' ? cell.endpoint.skip ?? 0 : 0);
    if (cell.fault.retryAfter !== undefined) {
      const expectedHits: number = cell.fault.retryAfter <= 10 ? 2 : 1;
      if (hits.length < expectedHits || (cell.fault.retryAfter > 10 && hits.length !== 1)) {
        problems.push(`${hits.length} requests to the endpoint, expected ${expectedHits}`);
      } else if (expectedHits === 2 && hits[1] - hits[0] < cell.fault.retryAfter * 1000 - 150) {
        problems.push(`retried after ${hits[1] - hits[0]} ms, before the ${cell.fault.retryAfter} s asked`);
      }
    } else if (cell.fault.name === '500' || cell.fault.name === '401') {
      // Not retried (a read that failed may be read once more later in the resync, never at once in a loop).
      if (hits.length > 3) {
        problems.push(`${hits.length} requests after a ${cell.fault.name}`);
      }
    }

    // SharePoint changed exactly when the person was told it did.
    const after: IEmulatorUserState = await userState(request, cell.user);
    const changed: boolean = after.sharePoint.timestamp !== before.sharePoint.timestamp;
    if (told !== undefined && CHANGED.indexOf(told) >= 0 && !changed) {
      problems.push('told it worked, but SharePoint is unchanged');
    }
    if (told !== undefined && UNCHANGED.indexOf(told) >= 0 && changed) {
      problems.push('told it did not work, but SharePoint changed');
    }
    if (after.uploads > 1) {
      problems.push(`${after.uploads} uploads stored`);
    }
    // Only the person's own, valid Microsoft 365 photo.
    if (after.lastUpload && (after.lastUpload.width !== after.graph.width || after.lastUpload.height !== after.graph.height)) {
      problems.push(`uploaded a ${after.lastUpload.width}×${after.lastUpload.height} image, not the ${after.graph.width}×${after.graph.height} photo`);
    }
    problems.push(...errors.map((error) => `page error: ${error}`));
    problems.push(...secrets.map((secret) => `console shows a secret: ${secret}…`));
  } catch (error) {
    problems.push(`cell broke: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    await context.close();
  }
  return { cell, held: problems.length === 0, problems };
}

function printMatrix(results: IResult[]): void {
  const mark = (phase: Phase, endpoint: IEndpoint, fault: IFault): string => {
    const result: IResult | undefined = results.find((r) => r.cell.phase === phase && r.cell.endpoint === endpoint && r.cell.fault === fault);
    return result === undefined ? '–' : result.held ? '✓' : '✗';
  };
  const lines: string[] = ['', 'Fault matrix (✓ held, ✗ failed, – not applicable)', ''];
  const header: string = `${'phase / endpoint'.padEnd(44)} ${FAULTS.map((_fault, index) => String(index + 1).padStart(2)).join(' ')}`;
  lines.push(header);
  for (const phase of ['check', 'resync'] as Phase[]) {
    for (const endpoint of ENDPOINTS[phase]) {
      lines.push(`${`${phase}: ${endpoint.name}`.padEnd(44)} ${FAULTS.map((fault) => mark(phase, endpoint, fault).padStart(2)).join(' ')}`);
    }
  }
  lines.push('', FAULTS.map((fault, index) => `${index + 1}: ${fault.name}`).join('; '), '');
  lines.push('Not applicable:');
  for (const phase of ['check', 'resync'] as Phase[]) {
    for (const endpoint of ENDPOINTS[phase]) {
      for (const fault of FAULTS) {
        const reason: string | undefined = fault.applies(endpoint);
        if (reason) {
          lines.push(`  ${phase}: ${endpoint.name} × ${fault.name}: ${reason}`);
        }
      }
    }
  }
  for (const missing of NOT_CALLED) {
    lines.push(`  ${missing.endpoint}: ${missing.reason}`);
  }
  const held: number = results.filter((r) => r.held).length;
  lines.push('', `cells tried: ${results.length}, held: ${held}`);
  for (const failed of results.filter((r) => !r.held)) {
    lines.push(`  ✗ ${failed.cell.phase}: ${failed.cell.endpoint.name} × ${failed.cell.fault.name}: ${failed.problems.join('; ')}`);
  }
  console.log(lines.join('\n'));
}

test('every fault on every endpoint, during the check and during the resync, ends in words and leaves SharePoint honest', async ({ browser, baseURL, request }) => {
  test.setTimeout(20 * 60 * 1000);
  expect((await request.post('/_emulator/reset')).status()).toBe(204);
  const cells: ICell[] = [];
  for (const phase of ['check', 'resync'] as Phase[]) {
    for (const endpoint of ENDPOINTS[phase]) {
      for (const fault of FAULTS) {
        if (fault.applies(endpoint) === undefined) {
          cells.push({ phase, endpoint, fault, user: `cell-${cells.length + 1}` });
        }
      }
    }
  }
  // The slowest cells first, so they do not end the run alone.
  cells.sort((a, b) => Number(b.fault.name === 'no answer in time') - Number(a.fault.name === 'no answer in time'));

  const results: IResult[] = [];
  let next: number = 0;
  const only: string | undefined = process.env.FAULT_MATRIX_ONLY;
  const cellName = (cell: ICell): string => `${cell.phase}: ${cell.endpoint.name} × ${cell.fault.name}`;
  const chosen: ICell[] = only ? cells.filter((cell) => cellName(cell).indexOf(only) >= 0) : cells;
  // A filter that matches nothing would run no cell and pass: a typo must fail, not prove the matrix holds.
  expect(chosen.length, only
    ? `FAULT_MATRIX_ONLY="${only}" matches none of the ${cells.length} cells (a cell is named like "${cells.length > 0 ? cellName(cells[0]) : '?'}"; the match is case-sensitive)`
    : 'the matrix has no cells').toBeGreaterThan(0);
  await Promise.all(Array.from({ length: PARALLEL }, async () => {
    while (next < chosen.length) {
      const cell: ICell = chosen[next++];
      results.push(await runCell(browser, baseURL!, request, cell));
    }
  }));

  printMatrix(results);
  expect(results.filter((r) => !r.held).map((r) => `${cellName(r.cell)}: ${r.problems.join('; ')}`)).toEqual([]);
  // "cells tried: N, held: N" with N = 0 proves nothing: every chosen cell ran, and at least one did.
  expect(results.length, 'cells tried').toBe(chosen.length);
  expect(results.length, 'cells tried').toBeGreaterThan(0);
  expect(results.filter((r) => r.held).length, 'cells held').toBeGreaterThan(0);
});
