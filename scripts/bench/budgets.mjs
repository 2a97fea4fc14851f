// 8. Budgets (issue 9): each figure next to its budget; the process exits 1 when one is broken.
import { printTable, round } from './figures.mjs';
import { CODE_GROWTH_TOLERANCE_KB, LEAK_TOLERANCE_KB } from './leaks.mjs';

export function checkBudgets(results) {
  const step = (name) => results.endToEnd.steps.find((s) => s.name === name);
  const gzip = (kind, locale) => results.bundle.files.filter((f) => f.kind === kind && (!locale || f.locale === locale)).reduce((sum, f) => sum + f.gzipBytes, 0);
  const repeat = results.endToEnd.requests.repeatVisit;
  const budgets = [
    ['first visit, onInit → verdict, round trips (× L)', step('first visit: onInit → verdict').sequentialRoundTrips, 2],
    ['check → verdict, round trips (× L)', step('Check my photos → verdict').sequentialRoundTrips, 2],
    ['Resync → Resynced, round trips (× L)', step('Resync → Resynced').sequentialRoundTrips, 4],
    ['repeat visit, requests (no preflight)', repeat.sharePoint.requests + repeat.graph.requests - repeat.graph.preflights, 2],
    ['repeat visit, bytes', repeat.sharePoint.bytes + repeat.graph.bytes, 10 * 1024 - 1],
    ['first render, KB gzip (bundle + en-us)', round((gzip('webPart') + gzip('strings', 'en-us')) / 1024, 1), 45],
    ['everything it can load, KB gzip', round((gzip('webPart') + gzip('strings')) / 1024, 1), 90],
    ['layout shift while loading (CLS)', round(results.endToEnd.layoutShift.max, 4), 0],
    ['decode + fingerprint + compare in Chromium, ms', results.browserComparison.median, 20],
    ['JS heap data growth over resyncs 10 → 50, KB', results.leaks.dataGrowthKb, LEAK_TOLERANCE_KB],
    ['JS heap code and metadata growth over resyncs 10 → 50, KB', results.leaks.codeGrowthKb, CODE_GROWTH_TOLERANCE_KB],
    ['detached DOM nodes held, growth over resyncs 10 → 50', results.leaks.detachedDomGrowth, 0],
    ['object URLs live after 50 resyncs', results.leaks.objectUrlsAfterResyncs, 2],
    ['listeners on window/document added over resyncs 10 → 50', results.leaks.listenerGrowth, 0],
    ['object URLs live after the web part is removed', results.leaks.objectUrlsAfterRemoval, 0],
    // The nudge runs on every page of the tenant for everyone (issue 19).
    ['nudge on every page (bundle + largest strings), KB gzip', round(results.nudge.size.everyPageGzipBytes / 1024, 1), 10],
    ['nudge main thread inside the quiet period, median ms', results.nudge.mainThreadMs.total.median, 5],
    ['nudge layout shift when it shows nothing (CLS)', results.nudge.layoutShiftMax, 0],
    ['nudge requests on a page view inside the quiet period', sum(results.nudge.requests.quietPageView), 0],
    ['nudge, person in sync: Graph requests per quiet period', results.nudge.requests.afterQuietInSync.graph, 1],
    ['nudge, person in sync: SharePoint requests per quiet period', results.nudge.requests.afterQuietInSync.sharePoint, 0],
    ['nudge, full check: PeopleManager calls', results.nudge.requests.fullCheckOutOfSync.peopleManager, 1],
    ['nudge, peak PeopleManager calls / 5 min, share of the tenant limit, %', round(results.tenantModel.peakShareOfLimit * 100, 1), 50]
  ];
  return budgets.map(([name, value, budget]) => ({ name, value, budget, met: value <= budget }));
}

function sum(counts) {
  return counts.graph + counts.sharePoint;
}

export function printBudgets(budgets) {
  console.log('\n8. Budgets');
  printTable(['figure', 'measured', 'budget', ''], budgets.map((b) => [b.name, b.value, `≤ ${b.budget}`, b.met ? 'met' : 'BROKEN']));
}
