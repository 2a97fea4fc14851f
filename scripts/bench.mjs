// `npm run bench`: how big the shipped web part is and how fast it checks and resyncs, as medians over repeated runs
// (the project measures speed and size here, never in timed tests). Prints a table and writes every number, with the
// raw samples, to temp/bench.json. About 65 s on a 2-core machine, 20 s more when the bundle has to be rebuilt; needs
// Chromium like the end-to-end tests. Each measurement lives in scripts/bench/, named after what it measures; this file
// runs them in order.
//
//   1. Bundle size (bundleSize.mjs): the production web part bundle and each locale's strings, raw and gzipped, and
//      which module costs what in the bundle (the report every --ship build writes, see gulpfile.js).
//   2. Comparison cost (nodeComparison.mjs): computeFingerprint and comparePhotos (pure TypeScript) on real portraits,
//      in microseconds.
//   3. Upload preparation (uploadPreparation.mjs): the 3000 × 2000, > 5 MB photo scaled to a 648-px JPEG by the Node
//      codec (sharp).
//   4. End to end in Chromium (endToEnd.mjs): the local workbench against the emulator, at 0 ms and at 150 ms added per
//      request; the difference divided by 150 ms is the number of sequential round trips a step costs, checked against
//      the longest chain of requests one run made one after the other (requestTimeline.mjs; more than 0.5 below it is
//      a benchmark bug: exit code 1). Layout shift while loading.
//   5. Requests and bytes per visit (first, unchanged repeat, after a photo change) and per resync, counted in the
//      browser, CORS preflights included: the input of the README's tenant load model (endToEnd.mjs).
//   6. Comparison in Chromium (browserComparison.mjs): the browser codec's decode of a 648-px JPEG and a 300-px
//      thumbnail, both fingerprints and the comparison, as the web part does them, timed in the page.
//   7. Leaks (leaks.mjs): 50 resyncs on one page (JS heap after garbage collection, live object URLs, event listeners),
//      then the web part removed from the page: nothing of it may stay.
//   8. Budgets (budgets.mjs, issue 9): each figure next to its budget; the process exits 1 when one is broken.
//   9. The nudge (nudge.mjs, issue 19): the Application Customizer's size on every page and lazily, its main-thread
//      time on a page view inside the quiet period, layout shift, and its requests per page view; then the tenant load
//      model (tenantModel.mjs, section 10) from those requests. Their budgets are in 8.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { measureBrowserComparison, printBrowserComparison } from './bench/browserComparison.mjs';
import { checkBudgets, printBudgets } from './bench/budgets.mjs';
import { measureBundle, printBundle } from './bench/bundleSize.mjs';
import { measureEndToEnd, printEndToEnd, printRequests } from './bench/endToEnd.mjs';
import { round } from './bench/figures.mjs';
import { measureLeaks, printLeaks } from './bench/leaks.mjs';
import { bundleLogic, measureComparison, printComparison } from './bench/nodeComparison.mjs';
import { ROOT as root } from './bench/sources.mjs';
import { measureUploadPreparation, printUploadPreparation } from './bench/uploadPreparation.mjs';
import { measureNudge, printNudge } from './bench/nudge.mjs';
import { printTenantModel, tenantModel } from './bench/tenantModel.mjs';

async function main() {
  const started = performance.now();
  const results = {
    generatedAt: new Date().toISOString(),
    machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, platform: `${os.platform()} ${os.arch()}` },
    // Other work on the machine slows every step: how busy the CPUs were in the second before the benchmark started.
    busyBeforePercent: await cpuBusyPercent(1000)
  };
  const { cpus, cpuModel } = results.machine;
  console.log(`Profile Photo Sync benchmark: Node ${process.version}, ${cpus} × ${cpuModel}, CPUs ${results.busyBeforePercent} % busy before it started`);
  if (results.busyBeforePercent > 25) {
    console.log('Warning: something else is using the CPUs; the times will be higher and noisier than on an idle machine.');
  }

  results.bundle = await measureBundle();
  printBundle(results.bundle);
  const logic = await bundleLogic();
  results.comparison = await measureComparison(logic);
  printComparison(results.comparison);
  results.uploadPreparation = await measureUploadPreparation(logic);
  printUploadPreparation(results.uploadPreparation);
  results.endToEnd = await measureEndToEnd();
  printEndToEnd(results.endToEnd);
  printRequests(results.endToEnd.requests);
  results.browserComparison = await measureBrowserComparison();
  printBrowserComparison(results.browserComparison);
  results.leaks = await measureLeaks();
  printLeaks(results.leaks);
  results.nudge = await measureNudge();
  printNudge(results.nudge);
  // The full check's count includes its etag read; a due check that stops at the etag is the in-sync page view.
  results.tenantModel = tenantModel({
    versionRead: results.nudge.requests.afterQuietInSync,
    fullCheck: results.nudge.requests.fullCheckOutOfSync,
    quietDays: 7
  });
  printTenantModel(results.tenantModel);
  results.budgets = checkBudgets(results);
  printBudgets(results.budgets);

  results.wallSeconds = round((performance.now() - started) / 1000, 1);
  mkdirSync(join(root, 'temp'), { recursive: true });
  writeFileSync(join(root, 'temp', 'bench.json'), `${JSON.stringify(results, undefined, 2)}\n`);
  console.log(`\nWall time ${results.wallSeconds} s. Every number and sample: temp/bench.json`);
  if (results.budgets.some((budget) => !budget.met)) {
    console.log('A budget is broken (see 8.).');
    process.exitCode = 1;
  }
  if (results.endToEnd.steps.some((step) => step.belowFloor)) {
    console.log('A round-trip figure is below the requests its step made in a row: a benchmark bug (see 4.).');
    process.exitCode = 1;
  }
}

/** Share of all CPUs' time spent on anything but idling over the next `ms` milliseconds, in percent. */
async function cpuBusyPercent(ms) {
  const total = () => os.cpus().reduce((sum, cpu) => {
    const { idle, ...busy } = cpu.times;
    return { idle: sum.idle + idle, busy: sum.busy + Object.values(busy).reduce((a, b) => a + b, 0) };
  }, { idle: 0, busy: 0 });
  const before = total();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = total();
  const busy = after.busy - before.busy;
  return Math.round((100 * busy) / (busy + after.idle - before.idle));
}

await main();
