// 4. End to end in Chromium: the local workbench against the emulator, at 0 ms and at 150 ms added per request, and the
//    longest chain of requests one run at 150 ms made one after the other.
// 5. Requests and bytes per visit (first, unchanged repeat, after a photo change) and per resync, counted in the
//    browser, CORS preflights included.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startEmulator } from '../../emulator/server.mjs';
import { loadStrings } from '../../test/support/localizedStrings.cjs';
import { chromiumLaunchOptions } from '../../test/support/chromium.mjs';
import { printTable, round, summarise } from './figures.mjs';
import { longestChain, recordNetwork } from './requestTimeline.mjs';
import { newestMtime, ROOT as root } from './sources.mjs';
import { clickInPage, control, expectText, keptCheckStored, recordSettledMoments, SETTLE_TIMEOUT_MS, USER, waitForSettled, webPartLoadingMark } from './workbenchPage.mjs';

const require = createRequire(import.meta.url);
const { PORTRAITS, renderPortrait } = require('../../emulator/portraits.cjs');

/** Runs per end-to-end measurement; the median of 7 ignores up to 3 outliers (a GC pause, a slow first paint). */
const BROWSER_RUNS = 7;
/** Added to every emulator request in the slow runs, in milliseconds: a plausible round trip to a remote tenant. */
const SLOW_LATENCY_MS = 150;
/**
 * How far Δ/L may read below a step's chain of requests before it is a benchmark bug, in round trips: Δ/L is the
 * difference of two medians of 7 runs, each off by some tens of ms on a quiet machine; 0.5 L is 75 ms.
 */
const FLOOR_SLACK = 0.5;

/**
 * Each run gets a fresh browser context (no cache, no cookies, no CORS preflight cache: a first visit), so runs do not
 * speed each other up. Times are taken inside the page with performance.now(), from a MutationObserver that notes
 * each moment the live region stops being busy: no Playwright polling in the numbers. 0-ms and 150-ms runs alternate so
 * a slow patch of the machine hits both alike.
 *
 * - open page → verdict: from navigation start to the settled verdict; includes loading the workbench page and its
 *   script from the (equally delayed) site origin.
 * - first visit: onInit → verdict: the same page, from the moment the workbench asks the SPFx runtime to load the web
 *   part (a User Timing mark; the runtime calls onInit with no request in between) to the settled verdict: what the
 *   web part itself costs a first visit, without the page and the runtime it is hosted in.
 * - after a photo change: onInit → verdict: a first visit (its check kept), then the person's Microsoft 365 photo
 *   changes (Graph's PUT) and the page is opened again in the same browser; the second visit timed from onInit.
 * - Check my photos → verdict: the page opened with checkOnLoad off, then the click; the check's requests alone.
 * - Resync → Resynced: the click to the settled "Resynced" (prepare, upload, read SharePoint back). The emulator is
 *   reset before each run so there is always something to resync.
 * - Teams personal app: open → verdict and onInit → verdict: the same first visit through the workbench's Teams host
 *   (workbench/src/teamsHost.tsx), where SPFx's Teams-aware host first loads its teams-js chunk and waits for Teams'
 *   initialize and getContext answers, and the web part asks the SDK for the context once more; timed in the Teams
 *   frame, from the top page's navigation start and from onInit, next to the page's own figures.
 *
 * Round trips = (median at 150 ms − median at 0 ms) / 150 ms. Work the browser does while it waits (decoding one photo
 * while the other is in flight) hides in the waits, so read it as "about this many sequential requests", not exactly.
 * Next to it, the floor it is checked against: the longest chain of requests, in the first run at 150 ms, in which each
 * started after the previous one ended (requestTimeline.mjs), CORS preflights included. Δ/L more than
 * FLOOR_SLACK below it is a benchmark bug: the process exits 1.
 */
export async function measureEndToEnd() {
  const workbenchDir = join(root, 'workbench', 'dist');
  const workbenchSources = newestMtime(['src', 'index.html', 'workbench.css', 'fabric-config.js', 'amd.js']
    .map((name) => join(root, 'workbench', name)).concat(join(root, 'src'), join(root, 'dist')));
  let workbenchBuilt = 'reused';
  if (!existsSync(join(workbenchDir, 'index.html')) || statSync(join(workbenchDir, 'workbench.js')).mtimeMs < workbenchSources) {
    const status = spawnSync(process.execPath, [join(root, 'scripts', 'build-workbench.mjs')], { cwd: root, stdio: 'inherit' }).status;
    if (status !== 0) throw new Error('node scripts/build-workbench.mjs failed.');
    workbenchBuilt = 'built';
  }
  // The web part's strings, from the AMD module SharePoint loads.
  const strings = loadStrings('en-us');

  const emulator = await startEmulator({ sitePort: 0, mySitePort: 0, graphPort: 0, workbenchDir });
  let browser;
  try {
    browser = await chromium.launch(chromiumLaunchOptions());
    const session = new BenchSession(browser, emulator.siteUrl, strings);
    const latencies = [0, SLOW_LATENCY_MS];
    const samples = { open: {}, init: {}, check: {}, resync: {}, changed: {}, teamsOpen: {}, teamsInit: {} };
    const layoutShifts = [];
    for (const ms of latencies) for (const key of Object.keys(samples)) samples[key][ms] = [];

    // Untimed: the first page of a fresh browser pays for starting its renderer and network processes.
    await session.openAndResync(0);
    for (let run = 0; run < BROWSER_RUNS; run++) {
      for (const ms of latencies) {
        // The first run at 150 ms also records its requests, for each step's chain (session.chains).
        const record = run === 0 && ms === SLOW_LATENCY_MS;
        const { open, init, resync, layoutShift } = await session.openAndResync(ms, record);
        layoutShifts.push(layoutShift);
        samples.open[ms].push(open);
        samples.init[ms].push(init);
        samples.resync[ms].push(resync);
        samples.check[ms].push(await session.checkOnClick(ms, record));
        samples.changed[ms].push(await session.visitAfterPhotoChange(ms, record));
        const teams = await session.openInTeams(ms, record);
        samples.teamsOpen[ms].push(teams.open);
        samples.teamsInit[ms].push(teams.init);
      }
    }

    // A step timed from navigation includes loading the page and the SPFx runtime: at 0 ms their script work runs
    // after the requests, at 150 ms during the waits, so Δ/L underestimates its round trips; its figure to read is the
    // requests in a row, and Δ/L is not checked against them.
    const step = (name, key, includesPageLoad = false) => {
      const byLatency = Object.fromEntries(latencies.map((ms) => [ms, { ...summarise(samples[key][ms], 0), samplesMs: samples[key][ms].map((t) => round(t, 1)) }]));
      const extra = byLatency[SLOW_LATENCY_MS].median - byLatency[0].median;
      const sequentialRoundTrips = round(extra / SLOW_LATENCY_MS, 1);
      const chain = session.chains[key];
      return {
        name, byLatencyMs: byLatency, sequentialRoundTrips,
        chainedRoundTrips: chain.length, chain, includesPageLoad,
        belowFloor: !includesPageLoad && sequentialRoundTrips < chain.length - FLOOR_SLACK
      };
    };
    const requests = await session.countRequests();
    return {
      user: USER,
      browser: `Chromium ${browser.version()}`,
      layoutShift: { samples: layoutShifts, max: Math.max(...layoutShifts) },
      requests,
      workbench: workbenchBuilt,
      runs: BROWSER_RUNS,
      unit: 'ms',
      slowLatencyMs: SLOW_LATENCY_MS,
      steps: [
        step('open page → verdict', 'open', true),
        step('first visit: onInit → verdict', 'init'),
        step('after a photo change: onInit → verdict', 'changed'),
        step('Check my photos → verdict', 'check'),
        step('Resync → Resynced', 'resync'),
        step('Teams personal app: open → verdict', 'teamsOpen', true),
        step('Teams personal app: load web part → verdict', 'teamsInit')
      ]
    };
  } finally {
    await browser?.close();
    await emulator.close();
  }
}

class BenchSession {
  constructor(browser, siteUrl, strings) {
    this.browser = browser;
    this.siteUrl = siteUrl;
    this.strings = strings;
    /** Per step (the keys of measureEndToEnd's samples), the longest chain of requests of the recorded run. */
    this.chains = {};
  }

  /** Opens the page (timing the verdict), then clicks Resync (timing "Resynced"). Milliseconds. */
  async openAndResync(latencyMs, record = false) {
    await this.prepareEmulator(latencyMs);
    return this.withPage({ user: USER }, record, async (page, noteStep) => {
      const verdict = await waitForSettled(page, 0);
      expectText(verdict, this.strings.VerdictOutOfSyncTitle, 'the opened page');
      const loading = await webPartLoadingMark(page);
      // Cumulative layout shift from navigation to the verdict, as the Layout Instability API counts it.
      const layoutShift = await page.evaluate(() => window.__benchLayoutShift);
      const clicked = await clickInPage(page, page.getByRole('button', { name: this.strings.ResyncButton, exact: true }));
      const outcome = await waitForSettled(page, clicked);
      expectText(outcome, this.strings.ResyncDoneTitle, 'Resync');
      await noteStep('open', page, 0, verdict.t);
      await noteStep('init', page, loading, verdict.t);
      await noteStep('resync', page, clicked, outcome.t);
      return { open: verdict.t, init: verdict.t - loading, resync: outcome.t - clicked, layoutShift };
    });
  }

  /**
   * Opens the page (its check is kept), changes the person's Microsoft 365 photo as Outlook would, opens the page again
   * in the same browser and times that visit from onInit to the verdict. Milliseconds.
   */
  async visitAfterPhotoChange(latencyMs, record = false) {
    await this.prepareEmulator(latencyMs);
    return this.withPage({ user: USER }, record, async (page, noteStep) => {
      expectText(await waitForSettled(page, 0), this.strings.VerdictOutOfSyncTitle, 'the first visit');
      await keptCheckStored(page);
      await this.changeMicrosoft365Photo();
      await page.reload();
      const verdict = await waitForSettled(page, 0);
      // The new photo is not SharePoint's either.
      expectText(verdict, this.strings.VerdictOutOfSyncTitle, 'the visit after a photo change');
      const loading = await webPartLoadingMark(page);
      await noteStep('changed', page, loading, verdict.t);
      return verdict.t - loading;
    });
  }

  /**
   * A first visit in the Teams host's personal app: times, in the Teams frame, the verdict from the top page's
   * navigation start and from onInit. Milliseconds.
   */
  async openInTeams(latencyMs, record = false) {
    await this.prepareEmulator(latencyMs);
    return this.withPage({ host: 'teams-personal', user: USER }, record, async (page, noteStep) => {
      const frameElement = await page.waitForSelector('iframe[name=embedded-page-container]');
      const frame = await frameElement.contentFrame();
      await frameElement.dispose();
      await frame.waitForFunction(() => window.__benchSettled !== undefined && document.readyState !== 'loading', undefined, { timeout: SETTLE_TIMEOUT_MS });
      const verdict = await waitForSettled(frame, 0);
      expectText(verdict, this.strings.VerdictOutOfSyncTitle, 'the Teams personal app');
      // The frame's clock starts at its own navigation: shift it to the top page's.
      const frameStart = await frame.evaluate(() => performance.timeOrigin);
      const pageStart = await page.evaluate(() => performance.timeOrigin);
      const loading = await webPartLoadingMark(frame);
      await noteStep('teamsOpen', page, 0, frameStart - pageStart + verdict.t);
      await noteStep('teamsInit', frame, loading, verdict.t);
      return { open: frameStart - pageStart + verdict.t, init: verdict.t - loading };
    });
  }

  /** Opens the page with checkOnLoad off and times Check my photos → verdict. Milliseconds. */
  async checkOnClick(latencyMs, record = false) {
    await this.prepareEmulator(latencyMs);
    return this.withPage({ user: USER, 'prop.checkOnLoad': 'false' }, record, async (page, noteStep) => {
      const clicked = await clickInPage(page, page.getByRole('button', { name: this.strings.CheckButton, exact: true }));
      const verdict = await waitForSettled(page, clicked);
      expectText(verdict, this.strings.VerdictOutOfSyncTitle, 'Check my photos');
      await noteStep('check', page, clicked, verdict.t);
      return verdict.t - clicked;
    });
  }

  /**
   * Requests and bytes (headers and bodies as received, CORS preflights included) to SharePoint and to Graph for: a
   * first visit; a repeat visit where nothing changed (same browser, the kept check); a visit after the Microsoft 365
   * photo changed; and a resync. Deterministic: no latency, one run each.
   */
  async countRequests() {
    await this.prepareEmulator(0);
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.addInitScript(recordSettledMoments);
      const preflights = async () => (await (await fetch(`${this.siteUrl}/_emulator/requests`)).json()).graphPreflights;
      const counted = async (action) => {
        const sent = [];
        const listener = (request) => { if (serviceOf(request.url())) sent.push(request); };
        const preflightsBefore = await preflights();
        page.on('request', listener);
        await action();
        page.off('request', listener);
        // Preflights are invisible to Playwright; the emulator counts them (their answers are a few hundred bytes).
        const graphPreflights = (await preflights()) - preflightsBefore;
        const totals = { sharePoint: { requests: 0, bytes: 0 }, graph: { requests: graphPreflights, bytes: 0, preflights: graphPreflights } };
        for (const request of sent) {
          const response = await request.response();
          await response?.finished();
          const sizes = await request.sizes();
          const total = totals[serviceOf(request.url())];
          total.requests += 1;
          total.bytes += sizes.responseBodySize + sizes.responseHeadersSize + sizes.requestBodySize + sizes.requestHeadersSize;
        }
        return totals;
      };
      const open = async () => {
        await page.goto(`${this.siteUrl}/?${new URLSearchParams({ user: USER })}`);
        return waitForSettled(page, 0);
      };
      const firstVisit = await counted(open);
      // The check is kept after the verdict is on screen; a page left at once would leave nothing to repeat from.
      await keptCheckStored(page);
      const repeatVisit = await counted(open);
      expectText(await page.evaluate(() => window.__benchSettled[0]), this.strings.VerdictOutOfSyncTitle, 'the repeat visit');
      // The person changes their Microsoft 365 photo (Graph's PUT, as Outlook would): a new etag.
      await this.changeMicrosoft365Photo();
      const afterPhotoChange = await counted(open);
      const resync = await counted(async () => {
        const clicked = await clickInPage(page, page.getByRole('button', { name: this.strings.ResyncButton, exact: true }));
        expectText(await waitForSettled(page, clicked), this.strings.ResyncDoneTitle, 'Resync');
      });
      return { firstVisit, repeatVisit, afterPhotoChange, resync };
    } finally {
      await context.close();
    }
  }

  async changeMicrosoft365Photo() {
    const token = (await (await fetch(`${this.siteUrl}/_emulator/token?user=${USER}`)).json()).access_token;
    const config = await (await fetch(`${this.siteUrl}/_emulator/config`)).json();
    const photo = await renderPortrait(PORTRAITS.amara, 648);
    const response = await fetch(`${config.graphUrl}/v1.0/me/photo/$value`, {
      method: 'PUT', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'image/jpeg' }, body: photo
    });
    if (!response.ok) throw new Error(`PUT /me/photo/$value answered ${response.status}.`);
  }

  /** Reset first: it restores the seed and also sets the latency back to 0. */
  async prepareEmulator(latencyMs) {
    await control(this.siteUrl, '/_emulator/reset');
    await control(this.siteUrl, '/_emulator/latency', { ms: latencyMs });
  }

  /**
   * Opens the workbench in a fresh browser context and runs `use(page, noteStep)`. When `record` is set, the page's
   * requests are recorded, and `noteStep(key, frame, from, to)` keeps in this.chains[key] the longest chain of them
   * between two moments of `frame`'s clock (its performance.now(), in ms); otherwise noteStep does nothing.
   */
  async withPage(query, record, use) {
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.addInitScript(recordSettledMoments);
      const network = record ? await recordNetwork(page) : undefined;
      const steps = [];
      const noteStep = async (key, frame, from, to) => {
        if (!network) return;
        const origin = await frame.evaluate(() => performance.timeOrigin);
        steps.push({ key, from: origin + from, to: origin + to });
      };
      await page.goto(`${this.siteUrl}/?${new URLSearchParams(query)}`);
      const result = await use(page, noteStep);
      if (network) {
        // The chains are read once the visit is over, so that every request that ended before a step's end is in.
        const legs = network.legs();
        await network.stop();
        await this.expectEveryPreflightSeen(legs);
        for (const step of steps) this.chains[step.key] = longestChain(legs, step.from, step.to);
      }
      return result;
    } finally {
      await context.close();
    }
  }

  /**
   * The preflights the DevTools protocol showed are the ones Graph answered (the emulator counts them since its
   * reset): else a chain could be missing some.
   */
  async expectEveryPreflightSeen(legs) {
    const answered = (await (await fetch(`${this.siteUrl}/_emulator/requests`)).json()).graphPreflights;
    const seen = legs.filter((leg) => leg.preflight).length;
    if (seen !== answered) {
      throw new Error(`The browser showed ${seen} CORS preflights and Graph answered ${answered}: the round-trip chains would miss some.`);
    }
  }
}

/** 'sharePoint' or 'graph' for a request to the services (the site's /_api, /_layouts, /_vti_bin; Graph's /v1.0), else undefined. */
function serviceOf(url) {
  const { pathname } = new URL(url);
  if (pathname.startsWith('/v1.0/')) return 'graph';
  if (/^\/(_api|_layouts|_vti_bin)\//.test(pathname) || pathname.startsWith('/User%20Photos/')) return 'sharePoint';
  return undefined;
}

export function printEndToEnd(e2e) {
  const slow = e2e.slowLatencyMs;
  console.log(`\n4. End to end, ${e2e.browser}, user ${e2e.user}, workbench ${e2e.workbench} (ms; median of ${e2e.runs} runs)`);
  printTable(['step', 'at 0 ms', `at ${slow} ms`, `round trips = Δ/${slow} ms`, 'requests in a row (1 run)'], e2e.steps.map((s) => [
    s.includesPageLoad ? `${s.name} (*)` : s.name, s.byLatencyMs[0].median, s.byLatencyMs[slow].median, s.sequentialRoundTrips, s.chainedRoundTrips
  ]));
  console.log(`  Requests in a row: the longest chain of requests, in one run at ${slow} ms, in which each started after the previous one ended (CORS preflights included): the floor of the round trips.`);
  console.log('  Steps from opening the page (*) include the page and the SPFx runtime, whose script work overlaps the waits only at 150 ms: read their requests in a row, not Δ/L.');
  for (const s of e2e.steps.filter((step) => step.belowFloor)) {
    console.log(`  Benchmark bug: "${s.name}" reads ${s.sequentialRoundTrips} round trips, below its ${s.chainedRoundTrips} requests in a row: ${s.chain.map((link) => link.request).join(' → ')}.`);
  }
}

export function printRequests(requests) {
  console.log('\n5. Requests and bytes (headers and bodies), one run each, no added latency; Graph requests include its CORS preflights (their bytes are not counted)');
  const row = (name, r) => [name, r.sharePoint.requests, r.sharePoint.bytes, `${r.graph.requests} (${r.graph.preflights} preflight)`, r.graph.bytes];
  printTable(['step', 'SharePoint requests', 'SharePoint B', 'Graph requests', 'Graph B'], [
    row('first visit', requests.firstVisit),
    row('repeat visit, nothing changed', requests.repeatVisit),
    row('visit after a photo change', requests.afterPhotoChange),
    row('Resync → Resynced', requests.resync)
  ]);
}
