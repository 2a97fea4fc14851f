// 9. The nudge (issue 19): what the Application Customizer costs on every page of a tenant, measured in Chromium on
//    the workbench's News page (no web part) against the emulator. Its size on every page and lazily; main-thread time
//    on a page view inside the quiet period (its script's evaluation, SPFx creating it with its onInit, and the idle
//    callback that reads the local record); layout shift when it shows nothing; requests on a page view inside the quiet
//    period, once the period is over for a person in sync, and for a full check (the tenant model's input).
import { chromium } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startEmulator } from '../../emulator/server.mjs';
import { chromiumLaunchOptions } from '../../test/support/chromium.mjs';
import { printTable, round, summarise } from './figures.mjs';
import { ROOT as root } from './sources.mjs';

/** Page loads timed for the main-thread figure. */
const RUNS = 15;
const DAY_MS = 24 * 60 * 60 * 1000;

/** What the nudge costs in bytes: the part every page loads, and the part loaded only when a check is due. */
export function measureNudgeSize(workbenchDir) {
  const dir = join(workbenchDir, 'webpart');
  const runtime = JSON.parse(readFileSync(join(workbenchDir, 'runtime.json'), 'utf8'));
  const gzip = (name) => gzipSync(readFileSync(join(dir, name)), { level: 9 }).length;
  const entryName = runtime.customizer.bundle.replace(/^webpart\//, '');
  const entry = readFileSync(join(dir, entryName), 'utf8');
  // The chunks the entry can load (webpack's chunk-name table in the entry names their hashes).
  const lazy = readdirSync(dir).filter((name) => /^chunk\..*\.js$/.test(name) && entry.includes(name.replace(/^chunk\.([^_]+)_.*$/, '$1')));
  const strings = Object.fromEntries(Object.entries(runtime.webPart.strings).map(([locale, path]) => [locale, gzip(path.replace(/^webpart\//, ''))]));
  const largestStrings = Math.max(...Object.values(strings));
  return {
    entry: { name: entryName, gzipBytes: gzip(entryName) },
    strings,
    everyPageGzipBytes: gzip(entryName) + largestStrings,
    lazy: lazy.map((name) => ({ name, gzipBytes: gzip(name) })),
    lazyGzipBytes: lazy.reduce((sum, name) => sum + gzip(name), 0)
  };
}

/** Runs before the page's scripts: times every idle callback (the nudge's look runs in one) and sums layout shifts. */
function instrumentPage() {
  window.__nudgeIdleMs = 0;
  window.__nudgeIdleRuns = 0;
  window.__layoutShift = 0;
  const original = window.requestIdleCallback.bind(window);
  window.requestIdleCallback = (callback, options) => original((deadline) => {
    const started = performance.now();
    try {
      callback(deadline);
    } finally {
      window.__nudgeIdleMs += performance.now() - started;
      window.__nudgeIdleRuns += 1;
    }
  }, options);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__layoutShift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
}

function isServiceRequest(request) {
  const url = new URL(request.url());
  return request.method() !== 'OPTIONS' && /^\/(_api|_layouts|_vti_bin|v1\.0|User%20Photos)\//.test(url.pathname);
}

function classify(requests) {
  const graph = requests.filter((url) => new URL(url).pathname.startsWith('/v1.0/')).length;
  const peopleManager = requests.filter((url) => /\/_api\/sp\.userprofiles\.peoplemanager\//i.test(url)).length;
  return { graph, peopleManager, sharePoint: requests.length - graph };
}

/** Loads the News page and waits until the nudge has looked (an idle callback ran) and the page is quiet again. */
async function loadNews(page, siteUrl, user, looked = () => window.__nudgeIdleRuns > 0) {
  const sent = [];
  const listener = (request) => { if (isServiceRequest(request)) sent.push(request.url()); };
  page.on('request', listener);
  await page.goto(`${siteUrl}/?user=${user}&page=news`);
  await page.waitForSelector('body[data-workbench-ready=true]');
  await page.waitForFunction(looked);
  await page.waitForLoadState('networkidle');
  page.off('request', listener);
  return sent;
}

/**
 * The nudge's own main-thread time: its script's evaluation, its onInit and the idle look. SPFx's creation of the
 * customizer around onInit (contexts, scopes, its own logging) is what any customizer costs the page; it is shown but
 * not counted.
 */
async function mainThreadMs(page) {
  return page.evaluate(() => {
    const between = (start, end) => performance.getEntriesByName(end)[0].startTime - performance.getEntriesByName(start)[0].startTime;
    const entry = performance.getEntriesByType('resource').find((r) => /photo-nudge-application-customizer_/.test(r.name));
    const script = performance.getEntriesByName('workbench:customizer-script-run')[0].startTime - entry.responseEnd;
    const onInit = between('workbench:customizer-on-init-start', 'workbench:customizer-on-init-end');
    const spfx = between('workbench:customizer-create-start', 'workbench:customizer-create-end') - onInit;
    return { script, onInit, idle: window.__nudgeIdleMs, total: script + onInit + window.__nudgeIdleMs, spfx };
  });
}

export async function measureNudge() {
  const workbenchDir = join(root, 'workbench', 'dist');
  const size = measureNudgeSize(workbenchDir);
  const emulator = await startEmulator({ sitePort: 0, mySitePort: 0, graphPort: 0, workbenchDir });
  let browser;
  try {
    browser = await chromium.launch(chromiumLaunchOptions());
    const fresh = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(instrumentPage);
      return { context, page };
    };

    // A person in sync, checked once: every later page view in the quiet period.
    await fetch(`${emulator.siteUrl}/_emulator/reset`, { method: 'POST' });
    let { context, page } = await fresh();
    const firstCheck = classify(await loadNews(page, emulator.siteUrl, 'in-sync'));
    const samples = { script: [], onInit: [], idle: [], total: [], spfx: [] };
    const quietRequests = [];
    const layoutShifts = [];
    for (let run = 0; run < RUNS; run++) {
      quietRequests.push(classify(await loadNews(page, emulator.siteUrl, 'in-sync')));
      const times = await mainThreadMs(page);
      for (const key of Object.keys(samples)) samples[key].push(times[key]);
      layoutShifts.push(await page.evaluate(() => window.__layoutShift));
    }
    // The quiet period over: one Graph read, the etag is the in-sync check's, nothing more.
    // (Playwright's clock replaces requestIdleCallback: the new check's note in local storage says the nudge looked.)
    const checkedAt = await page.evaluate(() => JSON.parse(localStorage.getItem('profilePhotoSync.recentCheck')).checkedAt);
    await page.clock.setSystemTime(new Date(Date.now() + 8 * DAY_MS));
    const afterQuiet = classify(await loadNews(page, emulator.siteUrl, 'in-sync',
      `JSON.parse(localStorage.getItem('profilePhotoSync.recentCheck')).checkedAt > ${checkedAt}`));
    await context.close();

    // A person out of sync: the full check the tenant model counts (its etag read included).
    await fetch(`${emulator.siteUrl}/_emulator/reset`, { method: 'POST' });
    ({ context, page } = await fresh());
    const outOfSync = classify(await loadNews(page, emulator.siteUrl, 'out-of-sync'));
    const shown = await page.locator('[data-testid=photo-nudge]').count();
    await context.close();

    return {
      size,
      mainThreadMs: Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, { ...summarise(values, 2), samples: values.map((v) => round(v, 2)) }])),
      layoutShiftMax: Math.max(...layoutShifts),
      requests: { firstCheckInSync: firstCheck, quietPageView: Object.fromEntries(['graph', 'peopleManager', 'sharePoint'].map((key) => [key, Math.max(...quietRequests.map((q) => q[key]))])), afterQuietInSync: afterQuiet, fullCheckOutOfSync: outOfSync },
      barShownOutOfSync: shown === 1
    };
  } finally {
    await browser?.close();
    await emulator.close();
  }
}

export function printNudge(nudge) {
  console.log('\n9. The nudge (Application Customizer) on a page without the web part');
  printTable(['what', 'gzip -9 B'], [
    [`on every page: its bundle (${nudge.size.entry.name})`, nudge.size.entry.gzipBytes],
    ['on every page: the strings, largest locale', nudge.size.everyPageGzipBytes - nudge.size.entry.gzipBytes],
    ['on every page, together', nudge.size.everyPageGzipBytes],
    ...nudge.size.lazy.map((chunk) => [`only when a check is due: ${chunk.name}`, chunk.gzipBytes])
  ]);
  const t = nudge.mainThreadMs;
  console.log(`  Main thread on a page view inside the quiet period, ${t.total.samples.length} page loads (median, p90, ms):`);
  printTable(['part', 'median', 'p90'], [
    ['script evaluation', t.script.median, t.script.p90],
    ['onInit', t.onInit.median, t.onInit.p90],
    ['idle look (local records)', t.idle.median, t.idle.p90],
    ['the nudge, total', t.total.median, t.total.p90],
    ['(not counted: SPFx creating it around onInit)', t.spfx.median, t.spfx.p90]
  ]);
  const r = nudge.requests;
  console.log('  Requests (CORS preflights left out):');
  printTable(['page view', 'Graph', 'SharePoint', 'of which PeopleManager'], [
    [`inside the quiet period (most of ${RUNS} page views)`, r.quietPageView.graph, r.quietPageView.sharePoint, r.quietPageView.peopleManager],
    ['in sync, quiet period over', r.afterQuietInSync.graph, r.afterQuietInSync.sharePoint, r.afterQuietInSync.peopleManager],
    ['first check, in sync', r.firstCheckInSync.graph, r.firstCheckInSync.sharePoint, r.firstCheckInSync.peopleManager],
    ['first check, out of sync (bar shown)', r.fullCheckOutOfSync.graph, r.fullCheckOutOfSync.sharePoint, r.fullCheckOutOfSync.peopleManager]
  ]);
  console.log(`  Layout shift on those page views (max): ${nudge.layoutShiftMax}`);
}
