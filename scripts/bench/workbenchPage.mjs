// The workbench page as the end-to-end and leak measurements drive it: when the web part settled, on the page's clock.

export const USER = 'out-of-sync';
/** Longest wait for the web part to settle, in milliseconds; a resync at 150 ms takes about a second. */
export const SETTLE_TIMEOUT_MS = 30000;

/**
 * Runs in the page before its scripts. Notes performance.now() (ms since navigation start) and the text each time the
 * web part's live region goes from busy to not busy: that is when a person is told the outcome. (The first render,
 * before the check starts, is already not busy; it is not an outcome.)
 */
export function recordSettledMoments() {
  const moments = [];
  window.__benchSettled = moments;
  window.__benchLayoutShift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) window.__benchLayoutShift += entry.value;
    }
  }).observe({ type: 'layout-shift', buffered: true });
  let wasBusy = false;
  new MutationObserver(() => {
    const busy = document.querySelector('[data-testid=section] [role=status]')?.getAttribute('aria-busy');
    if (busy === 'false' && wasBusy) {
      moments.push({ t: performance.now(), text: document.querySelector('[data-testid=section] [role=status]').textContent });
    }
    wasBusy = busy === 'true';
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
}

/** The first moment the live region settled after `since` (page milliseconds). */
export async function waitForSettled(page, since) {
  const handle = await page.waitForFunction(
    (after) => window.__benchSettled.find((moment) => moment.t > after),
    since,
    { timeout: SETTLE_TIMEOUT_MS }
  );
  // The handle keeps the page's record alive until disposed: left alone, the leak measurement counts it.
  try {
    return await handle.jsonValue();
  } finally {
    await handle.dispose();
  }
}

/**
 * When the workbench began loading the web part (page milliseconds): it sets the mark just before the runtime loads
 * the web part and calls its onInit (workbench/src/spfxRuntime.ts).
 */
export async function webPartLoadingMark(page) {
  const loading = await page.evaluate(() => performance.getEntriesByName('workbench:load-web-part')[0]?.startTime);
  if (loading === undefined) throw new Error('The workbench set no workbench:load-web-part mark: a visit cannot be timed from onInit.');
  return loading;
}

/** Waits until the web part has kept the person's check in Cache Storage (a record whose key ends in /check). */
export async function keptCheckStored(page) {
  const stored = () => page.evaluate(async () => {
    for (const name of await caches.keys()) {
      if ((await (await caches.open(name)).keys()).some((request) => request.url.endsWith('/check'))) return true;
    }
    return false;
  });
  const until = Date.now() + SETTLE_TIMEOUT_MS;
  while (!(await stored())) {
    if (Date.now() > until) throw new Error('The web part kept no check in Cache Storage: the repeat visit would measure a full check.');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Clicks from inside the page and returns the page's clock at the click, so both ends use one clock. */
export async function clickInPage(page, locator) {
  await locator.waitFor({ state: 'visible' });
  const button = await locator.elementHandle();
  try {
    return await page.evaluate((element) => {
      const t = performance.now();
      element.click();
      return t;
    }, button);
  } finally {
    // A handle keeps its element alive; undisposed, each would count as a detached DOM node held in the leak round.
    await button.dispose();
  }
}

export function expectText(moment, expected, what) {
  if (!moment.text.includes(expected)) {
    throw new Error(`${what} settled on "${moment.text.slice(0, 120)}", not "${expected}": the benchmark would time the wrong thing.`);
  }
}

export async function control(siteUrl, path, body) {
  const response = await fetch(siteUrl + path, {
    method: 'POST',
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined
  });
  if (response.status !== 204) throw new Error(`POST ${path} answered ${response.status}.`);
}
