// `npm run bench`: how big the shipped web part is and how fast it checks and resyncs, as medians over repeated runs
// (the project measures speed and size here, never in timed tests). Prints a table and writes every number, with the
// raw samples, to temp/bench.json. About 65 s on a 2-core machine, 20 s more when the bundle has to be rebuilt; needs
// Chromium like the end-to-end tests.
//
//   1. Bundle size: the production web part bundle and each locale's strings, raw and gzipped, and which module costs
//      what in the bundle (the report every --ship build writes, see gulpfile.js).
//   2. Comparison cost: computeFingerprint and comparePhotos (pure TypeScript) on real portraits, in microseconds.
//   3. Upload preparation: the 3000 × 2000, > 5 MB photo scaled to a 648-px JPEG by the Node codec (sharp).
//   4. End to end in Chromium: the local workbench against the emulator, at 0 ms and at 150 ms added per request; the
//      difference divided by 150 ms is the number of sequential round trips a step costs. Layout shift while loading.
//   5. Requests and bytes per visit (first, unchanged repeat, after a photo change) and per resync, counted in the
//      browser, CORS preflights included: the input of the README's tenant load model.
//   6. Comparison in Chromium: the browser codec's decode of a 648-px JPEG and a 300-px thumbnail, both fingerprints and
//      the comparison, as the web part does them, timed in the page.
//   7. Leaks: 50 resyncs on one page (JS heap after garbage collection, live object URLs, event listeners), then the
//      web part removed from the page: nothing of it may stay.
//   8. Budgets (issue 9): each figure next to its budget; the process exits 1 when one is broken.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { startEmulator } from '../emulator/server.mjs';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const { PORTRAITS, renderPortrait, renderLargePhoto } = require('../emulator/portraits.cjs');

/** Runs per end-to-end measurement; the median of 7 ignores up to 3 outliers (a GC pause, a slow first paint). */
const BROWSER_RUNS = 7;
/** Added to every emulator request in the slow runs, in milliseconds: a plausible round trip to a remote tenant. */
const SLOW_LATENCY_MS = 150;
/** Rounds per micro-benchmark; each round times enough calls to last about MIN_ROUND_MS. */
const ROUNDS = 15;
const MIN_ROUND_MS = 25;
const UPLOAD_RUNS = 7;
/** Decode sides of the comparison: the sync controller decodes at 64 px (longer side); 648 is Graph's full size. */
const DECODE_SIDES = [64, 648];
const USER = 'out-of-sync';
/** Longest wait for the web part to settle, in milliseconds; a resync at 150 ms takes about a second. */
const SETTLE_TIMEOUT_MS = 30000;
/** Results of timed calls are added here so V8 cannot drop a call whose result goes unused. */
let sink = 0;

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
}

// ── 1. Bundle size ──────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * `gulp bundle --ship` writes the deployable files to release/assets/ and their manifest to release/manifests/ in
 * SPFx 1.23 (temp/deploy/ and dist/ in older versions). They are reused when they are newer than every file in src/ and
 * config/, the gulpfile and the lock file (a dependency changes the bundle too); otherwise the bundle is rebuilt (about 20 s), so the numbers never describe code that has since changed.
 * gulp leaves a file alone when its content is unchanged, so after building, the build time is noted in
 * temp/bench/ship-bundle.json: without it a source change that does not change the output would rebuild every time.
 */
async function measureBundle() {
  const sourcesChanged = newestMtime(['src', 'config', 'gulpfile.js', 'package-lock.json'].map((path) => join(root, path)));
  const stampFile = join(root, 'temp', 'bench', 'ship-bundle.json');
  const builtAt = (found) => {
    const stamp = existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, 'utf8')) : undefined;
    return Math.max(found.writtenAt, stamp?.webPart === found.files[0].name ? stamp.builtAt : 0);
  };
  let found = findShipBundle();
  let decision;
  if (found && builtAt(found) >= sourcesChanged && readBundleReport(found.files[0].name)) {
    decision = { action: 'reused', why: 'newer than src/, config/, gulpfile.js and package-lock.json' };
  } else {
    console.log(!found ? 'No ship bundle in release/ or temp/deploy/: running gulp bundle --ship …'
      : builtAt(found) < sourcesChanged ? 'The ship bundle is older than the sources: running gulp bundle --ship …'
        : 'The ship bundle has no bundle report of its own: running gulp bundle --ship …');
    const t0 = performance.now();
    const startedAt = Date.now();
    const gulp = spawnSync(process.execPath, [join(root, 'node_modules', 'gulp', 'bin', 'gulp.js'), 'bundle', '--ship'],
      { cwd: root, encoding: 'utf8' });
    if (gulp.status !== 0) {
      throw new Error(`gulp bundle --ship failed:\n${(gulp.stdout + gulp.stderr).split('\n').slice(-30).join('\n')}`);
    }
    const why = !found ? 'there was no ship bundle'
      : builtAt(found) < sourcesChanged ? 'the sources were newer than the last bundle' : 'the last bundle had no bundle report';
    decision = { action: 'built', why,
      buildSeconds: round((performance.now() - t0) / 1000, 1) };
    found = findShipBundle();
    if (!found) throw new Error('gulp bundle --ship wrote no web part manifest to release/manifests/ or dist/.');
    mkdirSync(join(root, 'temp', 'bench'), { recursive: true });
    writeFileSync(stampFile, JSON.stringify({ builtAt: startedAt, webPart: found.files[0].name }));
  }
  // gzip -9: what a CDN that compresses ahead of time serves; raw is what the browser parses.
  const files = found.files.map((file) => {
    const bytes = readFileSync(join(found.dir, file.name));
    return { ...file, rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
  const report = readBundleReport(found.files[0].name);
  if (!report) throw new Error(`gulp bundle --ship wrote no bundle report for ${found.files[0].name} to ${relative(root, BUNDLE_REPORT)}.`);
  return { dir: relative(root, found.dir), builtAt: new Date(builtAt(found)).toISOString(), ...decision, files, report };
}

/** What the gulpfile's bundle-report step writes on every --ship build (webpack-bundle-analyzer's JSON report). */
const BUNDLE_REPORT = join(root, 'temp', 'bundle-report', 'report.json');

/**
 * Which module costs what in the web part bundle `bundleName`, from the analyzer's report: our own code by folder under
 * lib/ (two levels: lib/services/transport) and packages by name (@pnp/sp). The analyzer parses each module's minified code out of the bundle and gzips
 * it; inside the module webpack concatenates the web part into, it can only share the concatenated module's size out
 * in proportion to each part's source size: those rows are estimates. The analyzer gzips the modules one by one, so the
 * rows add up to a little more than the gzipped bundle. Undefined when the report is missing, unreadable, for another
 * bundle or without gzip sizes.
 */
function readBundleReport(bundleName) {
  if (!existsSync(BUNDLE_REPORT)) return undefined;
  let assets;
  try {
    assets = JSON.parse(readFileSync(BUNDLE_REPORT, 'utf8'));
  } catch {
    return undefined; // cut short by a build that stopped half-way: the bundle is rebuilt
  }
  const asset = Array.isArray(assets) ? assets.find((entry) => entry.label === bundleName) : undefined;
  if (typeof asset?.gzipSize !== 'number') return undefined;
  const parts = new Map();
  const add = (name, node, estimated) => {
    const part = parts.get(name) ?? { name, parsedBytes: 0, gzipBytes: 0, estimated: false };
    part.parsedBytes += node.parsedSize ?? 0;
    part.gzipBytes += node.gzipSize ?? 0;
    part.estimated ||= estimated;
    parts.set(name, part);
  };
  const packageAt = (segments, at) => segments[at + 1]?.startsWith('@') ? `${segments[at + 1]}/${segments[at + 2]}` : segments[at + 1];
  const partOf = (path) => {
    const segments = path.split('/');
    const first = segments.indexOf('node_modules');
    const last = segments.lastIndexOf('node_modules');
    if (first < 0) return segments.slice(0, 3).join('/').replace(/\.js$/, '');
    // A package that another carries a copy of: worth seeing, since the two copies could be one.
    return first === last ? packageAt(segments, first) : `${packageAt(segments, last)} (the copy under ${packageAt(segments, first)})`;
  };
  const leaves = [];
  const walk = (node) => (node.groups?.length ? node.groups.forEach(walk) : leaves.push(node));
  (asset.groups ?? []).forEach(walk);
  for (const leaf of leaves) {
    const path = leaf.path ?? leaf.label;
    if (/"$/.test(leaf.label)) {
      add('SPFx and React, referenced only (SharePoint loads them)', leaf, false);
    } else {
      add(partOf(path.replace(/^.*\(concatenated\)\//, '').replace(/^\.\//, '')), leaf, path.includes('(concatenated)/'));
    }
  }
  const rows = [...parts.values()].sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { bundle: asset.label, parsedBytes: asset.parsedSize, gzipBytes: asset.gzipSize, rows };
}

/**
 * The files the web part's ship manifest names (older bundles with other hashes linger beside them): the bundle first,
 * then each locale's strings. `writtenAt` is the newest modification time among the manifest and those files.
 */
function findShipBundle() {
  const layouts = [
    { assets: join(root, 'release', 'assets'), manifests: join(root, 'release', 'manifests') },
    { assets: join(root, 'temp', 'deploy'), manifests: join(root, 'dist') }
  ];
  for (const { assets, manifests } of layouts) {
    if (!existsSync(manifests)) continue;
    for (const manifestName of readdirSync(manifests).filter((name) => name.endsWith('.manifest.json'))) {
      const manifestFile = join(manifests, manifestName);
      const resources = JSON.parse(readFileSync(manifestFile, 'utf8')).loaderConfig?.scriptResources ?? {};
      const webPart = resources['profile-photo-sync-web-part']?.path;
      if (!webPart || !existsSync(join(assets, webPart))) continue;
      const localized = resources.ProfilePhotoSyncWebPartStrings?.paths ?? {};
      const files = [{ kind: 'webPart', name: webPart }].concat(Object.entries(localized)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([locale, name]) => ({ kind: 'strings', locale: locale.toLowerCase(), name })));
      if (!files.every((file) => existsSync(join(assets, file.name)))) continue;
      const writtenAt = Math.max(statSync(manifestFile).mtimeMs, ...files.map((file) => statSync(join(assets, file.name)).mtimeMs));
      return { dir: assets, writtenAt, files };
    }
  }
  return undefined;
}

function printBundle(bundle) {
  const how = bundle.action === 'reused'
    ? `reused the last gulp bundle --ship (${bundle.builtAt.slice(0, 16).replace('T', ' ')} UTC, ${bundle.why})`
    : `ran gulp bundle --ship because ${bundle.why} (${bundle.buildSeconds} s)`;
  console.log(`\n1. Bundle size, ${bundle.dir}/: ${how}`);
  printTable(['file', 'raw B', 'gzip -9 B'], bundle.files.map((file) => [
    file.kind === 'webPart' ? `web part bundle (${file.name})` : `strings ${file.locale}`, file.rawBytes, file.gzipBytes
  ]));
  const { report } = bundle;
  console.log(`  Which module costs what in the web part bundle (webpack-bundle-analyzer; ~ = estimated inside webpack's concatenated module; full report: temp/bundle-report/report.html)`);
  printTable(['module', 'minified B', 'gzip B', 'share of gzip'], [
    ...report.rows.map((row) => [`${row.estimated ? '~ ' : ''}${row.name}`, row.parsedBytes, row.gzipBytes, `${round(100 * row.gzipBytes / report.gzipBytes, 1)} %`]),
    // Each module gzipped alone compresses less well than the whole: the rows add up to a little more than this.
    ['the whole bundle', report.parsedBytes, report.gzipBytes, '100 %']
  ]);
}

// ── 2. Comparison cost ──────────────────────────────────────────────────────────────────────────────────────────────

/** The pure comparison and the Node codec, bundled from src/ with esbuild (sharp stays external) and imported. */
async function bundleLogic() {
  const outfile = join(root, 'temp', 'bench', 'logic.mjs');
  await build({
    stdin: {
      contents: [
        "export { computeFingerprint, comparePhotos } from './src/logic/photoComparison/index.ts';",
        "export { SHAREPOINT_UPLOAD_LIMITS } from './src/logic/uploadPlan.ts';",
        "export { SharpImageCodec } from './test/support/SharpImageCodec.ts';"
      ].join('\n'),
      resolveDir: root,
      loader: 'ts'
    },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['sharp'],
    logLevel: 'warning'
  });
  return import(pathToFileURL(outfile).href);
}

/** Decodes the 14 portraits as Graph serves them (648-px JPEG) at each decode side, and times the calls on them. */
async function measureComparison(logic) {
  const codec = new logic.SharpImageCodec();

  const jpegs = await Promise.all(Object.values(PORTRAITS).map((portrait) => renderPortrait(portrait, 648)));
  const blobs = jpegs.map((bytes) => new Blob([bytes], { type: 'image/jpeg' }));
  const cases = [];
  for (const side of DECODE_SIDES) {
    const images = await Promise.all(blobs.map((blob) => codec.decode(blob, side)));
    const { width, height } = images[0];
    // Cycling through the portraits keeps the inputs from being one hot image; the cost does not depend on content.
    cases.push({ name: 'computeFingerprint', side, width, height,
      ...timeSync((i) => logic.computeFingerprint(images[i % images.length]).gradients[0]) });
    cases.push({ name: 'comparePhotos', side, width, height,
      ...timeSync((i) => logic.comparePhotos(images[i % images.length], images[(i + 1) % images.length]).distance) });
  }
  // For scale: what the controller does before comparing. Node's codec; the browser decodes with createImageBitmap.
  cases.push({ name: 'decode 648-px JPEG (sharp)', side: 64, width: 64, height: 64,
    ...(await timeAsync((i) => codec.decode(blobs[i % blobs.length], 64))) });
  return { rounds: ROUNDS, unit: 'µs per call', cases };
}

/**
 * Times `call(i)` in ROUNDS rounds of N calls. A first MIN_ROUND_MS of calls warms the JIT up; the calls that fit in a
 * second MIN_ROUND_MS, now at full speed, set N, so a round lasts about MIN_ROUND_MS (the timer's resolution and a GC
 * pause then weigh little). Returns per-call microseconds: median and p90 over the rounds.
 */
function timeSync(call) {
  let callsPerRound = 0;
  for (let pass = 0; pass < 2; pass++) {
    callsPerRound = 0;
    const passStart = performance.now();
    while (performance.now() - passStart < MIN_ROUND_MS) sink += call(callsPerRound++);
  }
  const samples = [];
  for (let round = 0; round < ROUNDS; round++) {
    const t0 = performance.now();
    for (let i = 0; i < callsPerRound; i++) sink += call(i);
    samples.push(((performance.now() - t0) * 1000) / callsPerRound);
  }
  return { callsPerRound, ...summarise(samples, 1) };
}

/** timeSync for calls that return a promise. */
async function timeAsync(call) {
  let callsPerRound = 0;
  for (let pass = 0; pass < 2; pass++) {
    callsPerRound = 0;
    const passStart = performance.now();
    while (performance.now() - passStart < MIN_ROUND_MS) await call(callsPerRound++);
  }
  const samples = [];
  for (let round = 0; round < ROUNDS; round++) {
    const t0 = performance.now();
    for (let i = 0; i < callsPerRound; i++) await call(i);
    samples.push(((performance.now() - t0) * 1000) / callsPerRound);
  }
  return { callsPerRound, ...summarise(samples, 1) };
}

function printComparison(comparison) {
  console.log(`\n2. Comparison cost, Node ${process.version} (µs per call; median and p90 of ${comparison.rounds} rounds × N calls)`);
  printTable(['call', 'image', 'calls/round', 'median µs', 'p90 µs'], comparison.cases.map((c) => [
    c.name, `${c.width}×${c.height}${c.name.startsWith('decode') ? ' out' : ''}`, c.callsPerRound, c.median, c.p90
  ]));
}

// ── 3. Upload preparation ───────────────────────────────────────────────────────────────────────────────────────────

/** SharpImageCodec.prepareForUpload, the Node twin of the browser's canvas codec: full decode, resize, JPEG encode. */
async function measureUploadPreparation(logic) {
  const codec = new logic.SharpImageCodec();
  const large = new Blob([await renderLargePhoto()], { type: 'image/jpeg' });
  const first = await codec.prepareForUpload(large, logic.SHAREPOINT_UPLOAD_LIMITS);
  const output = await codec.decode(first, 10000);
  const samples = [];
  for (let run = 0; run < UPLOAD_RUNS; run++) {
    const t0 = performance.now();
    await codec.prepareForUpload(large, logic.SHAREPOINT_UPLOAD_LIMITS);
    samples.push(performance.now() - t0);
  }
  return {
    codec: 'SharpImageCodec (Node, sharp); the browser uses canvas',
    input: { width: 3000, height: 2000, bytes: large.size },
    output: { width: output.width, height: output.height, bytes: first.size },
    runs: UPLOAD_RUNS,
    unit: 'ms',
    ...summarise(samples, 1)
  };
}

function printUploadPreparation(upload) {
  console.log(`\n3. Upload preparation, ${upload.codec} (ms; median and p90 of ${upload.runs} runs after a warm-up)`);
  printTable(['photo', 'median ms', 'p90 ms'], [[
    `${upload.input.width}×${upload.input.height} JPEG ${upload.input.bytes} B → ${upload.output.width}×${upload.output.height} JPEG ${upload.output.bytes} B`,
    upload.median, upload.p90
  ]]);
}

// ── 4. End to end in Chromium ───────────────────────────────────────────────────────────────────────────────────────

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
 */
async function measureEndToEnd() {
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
  let strings;
  vm.runInNewContext(readFileSync(join(root, 'src', 'webparts', 'profilePhotoSync', 'loc', 'en-us.js'), 'utf8'),
    { define: (_deps, factory) => { strings = factory(); } });

  const emulator = await startEmulator({ sitePort: 0, mySitePort: 0, graphPort: 0, workbenchDir });
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
    });
    const session = new BenchSession(browser, emulator.siteUrl, strings);
    const latencies = [0, SLOW_LATENCY_MS];
    const samples = { open: {}, init: {}, check: {}, resync: {}, changed: {}, teamsOpen: {}, teamsInit: {} };
    const layoutShifts = [];
    for (const ms of latencies) for (const key of Object.keys(samples)) samples[key][ms] = [];

    // Untimed: the first page of a fresh browser pays for starting its renderer and network processes.
    await session.openAndResync(0);
    for (let run = 0; run < BROWSER_RUNS; run++) {
      for (const ms of latencies) {
        const { open, init, resync, layoutShift } = await session.openAndResync(ms);
        layoutShifts.push(layoutShift);
        samples.open[ms].push(open);
        samples.init[ms].push(init);
        samples.resync[ms].push(resync);
        samples.check[ms].push(await session.checkOnClick(ms));
        samples.changed[ms].push(await session.visitAfterPhotoChange(ms));
        const teams = await session.openInTeams(ms);
        samples.teamsOpen[ms].push(teams.open);
        samples.teamsInit[ms].push(teams.init);
      }
    }

    const step = (name, key) => {
      const byLatency = Object.fromEntries(latencies.map((ms) => [ms, { ...summarise(samples[key][ms], 0), samplesMs: samples[key][ms].map((t) => round(t, 1)) }]));
      const extra = byLatency[SLOW_LATENCY_MS].median - byLatency[0].median;
      return { name, byLatencyMs: byLatency, sequentialRoundTrips: round(extra / SLOW_LATENCY_MS, 1) };
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
        step('open page → verdict', 'open'),
        step('first visit: onInit → verdict', 'init'),
        step('after a photo change: onInit → verdict', 'changed'),
        step('Check my photos → verdict', 'check'),
        step('Resync → Resynced', 'resync'),
        step('Teams personal app: open → verdict', 'teamsOpen'),
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
  }

  /** Opens the page (timing the verdict), then clicks Resync (timing "Resynced"). Milliseconds. */
  async openAndResync(latencyMs) {
    await this.prepareEmulator(latencyMs);
    return this.withPage({ user: USER }, async (page) => {
      const verdict = await waitForSettled(page, 0);
      expectText(verdict, this.strings.VerdictOutOfSyncTitle, 'the opened page');
      const loading = await webPartLoadingMark(page);
      // Cumulative layout shift from navigation to the verdict, as the Layout Instability API counts it.
      const layoutShift = await page.evaluate(() => window.__benchLayoutShift);
      const clicked = await clickInPage(page, page.getByRole('button', { name: this.strings.ResyncButton, exact: true }));
      const outcome = await waitForSettled(page, clicked);
      expectText(outcome, this.strings.ResyncDoneTitle, 'Resync');
      return { open: verdict.t, init: verdict.t - loading, resync: outcome.t - clicked, layoutShift };
    });
  }

  /**
   * Opens the page (its check is kept), changes the person's Microsoft 365 photo as Outlook would, opens the page again
   * in the same browser and times that visit from onInit to the verdict. Milliseconds.
   */
  async visitAfterPhotoChange(latencyMs) {
    await this.prepareEmulator(latencyMs);
    return this.withPage({ user: USER }, async (page) => {
      expectText(await waitForSettled(page, 0), this.strings.VerdictOutOfSyncTitle, 'the first visit');
      await keptCheckStored(page);
      await this.changeMicrosoft365Photo();
      await page.reload();
      const verdict = await waitForSettled(page, 0);
      // The new photo is not SharePoint's either.
      expectText(verdict, this.strings.VerdictOutOfSyncTitle, 'the visit after a photo change');
      return verdict.t - await webPartLoadingMark(page);
    });
  }

  /**
   * A first visit in the Teams host's personal app: times, in the Teams frame, the verdict from the top page's
   * navigation start and from onInit. Milliseconds.
   */
  async openInTeams(latencyMs) {
    await this.prepareEmulator(latencyMs);
    return this.withPage({ host: 'teams-personal', user: USER }, async (page) => {
      const frameElement = await page.waitForSelector('iframe[name=embedded-page-container]');
      const frame = await frameElement.contentFrame();
      await frameElement.dispose();
      await frame.waitForFunction(() => window.__benchSettled !== undefined && document.readyState !== 'loading', undefined, { timeout: SETTLE_TIMEOUT_MS });
      const verdict = await waitForSettled(frame, 0);
      expectText(verdict, this.strings.VerdictOutOfSyncTitle, 'the Teams personal app');
      // The frame's clock starts at its own navigation: shift it to the top page's.
      const frameStart = await frame.evaluate(() => performance.timeOrigin);
      const pageStart = await page.evaluate(() => performance.timeOrigin);
      return { open: frameStart - pageStart + verdict.t, init: verdict.t - await webPartLoadingMark(frame) };
    });
  }

  /** Opens the page with checkOnLoad off and times Check my photos → verdict. Milliseconds. */
  async checkOnClick(latencyMs) {
    await this.prepareEmulator(latencyMs);
    return this.withPage({ user: USER, 'prop.checkOnLoad': 'false' }, async (page) => {
      const clicked = await clickInPage(page, page.getByRole('button', { name: this.strings.CheckButton, exact: true }));
      const verdict = await waitForSettled(page, clicked);
      expectText(verdict, this.strings.VerdictOutOfSyncTitle, 'Check my photos');
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

  async withPage(query, use) {
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.addInitScript(recordSettledMoments);
      await page.goto(`${this.siteUrl}/?${new URLSearchParams(query)}`);
      return await use(page);
    } finally {
      await context.close();
    }
  }
}

/**
 * Runs in the page before its scripts. Notes performance.now() (ms since navigation start) and the text each time the
 * web part's live region goes from busy to not busy: that is when a person is told the outcome. (The first render,
 * before the check starts, is already not busy; it is not an outcome.)
 */
function recordSettledMoments() {
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

/** 'sharePoint' or 'graph' for a request to the services (the site's /_api, /_layouts, /_vti_bin; Graph's /v1.0), else undefined. */
function serviceOf(url) {
  const { pathname } = new URL(url);
  if (pathname.startsWith('/v1.0/')) return 'graph';
  if (/^\/(_api|_layouts|_vti_bin)\//.test(pathname) || pathname.startsWith('/User%20Photos/')) return 'sharePoint';
  return undefined;
}

/** The first moment the live region settled after `since` (page milliseconds). */
async function waitForSettled(page, since) {
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
async function webPartLoadingMark(page) {
  const loading = await page.evaluate(() => performance.getEntriesByName('workbench:load-web-part')[0]?.startTime);
  if (loading === undefined) throw new Error('The workbench set no workbench:load-web-part mark: a visit cannot be timed from onInit.');
  return loading;
}

/** Waits until the web part has kept the person's check in Cache Storage (a record whose key ends in /check). */
async function keptCheckStored(page) {
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
async function clickInPage(page, locator) {
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

function expectText(moment, expected, what) {
  if (!moment.text.includes(expected)) {
    throw new Error(`${what} settled on "${moment.text.slice(0, 120)}", not "${expected}": the benchmark would time the wrong thing.`);
  }
}

async function control(siteUrl, path, body) {
  const response = await fetch(siteUrl + path, {
    method: 'POST',
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined
  });
  if (response.status !== 204) throw new Error(`POST ${path} answered ${response.status}.`);
}

function printEndToEnd(e2e) {
  const slow = e2e.slowLatencyMs;
  console.log(`\n4. End to end, ${e2e.browser}, user ${e2e.user}, workbench ${e2e.workbench} (ms; median of ${e2e.runs} runs)`);
  printTable(['step', 'at 0 ms', `at ${slow} ms`, `round trips = Δ/${slow} ms`], e2e.steps.map((s) => [
    s.name, s.byLatencyMs[0].median, s.byLatencyMs[slow].median, s.sequentialRoundTrips
  ]));
}

function printRequests(requests) {
  console.log('\n5. Requests and bytes (headers and bodies), one run each, no added latency; Graph requests include its CORS preflights (their bytes are not counted)');
  const row = (name, r) => [name, r.sharePoint.requests, r.sharePoint.bytes, `${r.graph.requests} (${r.graph.preflights} preflight)`, r.graph.bytes];
  printTable(['step', 'SharePoint requests', 'SharePoint B', 'Graph requests', 'Graph B'], [
    row('first visit', requests.firstVisit),
    row('repeat visit, nothing changed', requests.repeatVisit),
    row('visit after a photo change', requests.afterPhotoChange),
    row('Resync → Resynced', requests.resync)
  ]);
}

// ── 6. Comparison in Chromium ─────────────────────────────────────────────────────────────────────────────────────

/**
 * The web part's own BrowserImageCodec and comparison, bundled from src/ for the page, run in Chromium on a 648-px
 * JPEG (Graph's size) and a 300-px one (SharePoint's large thumbnail): both decodes at 64 px, both fingerprints, the
 * comparison. Timed with performance.now() in the page; a warm-up run first.
 */
async function measureBrowserComparison() {
  const built = await build({
    stdin: {
      contents: [
        "import { BrowserImageCodec } from './src/services/imageCodec/BrowserImageCodec';",
        "import { computeFingerprint, compareFingerprints } from './src/logic/photoComparison';",
        'window.__compare = async (large, small) => {',
        '  const codec = new BrowserImageCodec();',
        '  const t0 = performance.now();',
        '  const [a, b] = await Promise.all([codec.decode(large, 64), codec.decode(small, 64)]);',
        "  const result = compareFingerprints(computeFingerprint(a), computeFingerprint(b), 'standard');",
        '  return { ms: performance.now() - t0, same: result.isSamePhoto };',
        '};'
      ].join('\n'),
      resolveDir: root,
      loader: 'ts'
    },
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2019',
    logLevel: 'warning'
  });
  const script = built.outputFiles[0].text;
  const large = await renderPortrait(PORTRAITS.bogdan, 648);
  const small = await renderPortrait(PORTRAITS.bogdan, 300);
  const browser = await chromium.launch({
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: ['--no-sandbox', '--disable-gpu']
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>bench</title>');
    await page.addScriptTag({ content: script });
    const samples = await page.evaluate(async ({ largeBytes, smallBytes, runs }) => {
      const blob = (bytes) => new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' });
      const times = [];
      for (let run = 0; run <= runs; run++) {
        const { ms, same } = await window.__compare(blob(largeBytes), blob(smallBytes));
        if (!same) throw new Error('the same portrait at two sizes was not the same photo');
        if (run > 0) times.push(ms);
      }
      return times;
    }, { largeBytes: [...large], smallBytes: [...small], runs: 15 });
    return { browser: `Chromium ${browser.version()}`, input: '648-px and 300-px JPEG, decoded at 64 px', runs: samples.length, unit: 'ms', ...summarise(samples, 2) };
  } finally {
    await browser.close();
  }
}

function printBrowserComparison(comparison) {
  console.log(`\n6. Comparison in ${comparison.browser}: ${comparison.input}, fingerprints and comparison (ms; median of ${comparison.runs} runs after a warm-up)`);
  printTable(['step', 'median ms', 'p90 ms'], [['decode both + fingerprint both + compare', comparison.median, comparison.p90]]);
}

// ── 7. Leaks ─────────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Growth allowed in the JS heap's data over resyncs 10 → 50, in KB. A photo, a fingerprint or a React tree kept per
 * resync would be several KB a round, over 100 KB in 40 rounds (one fingerprint kept per round measured 124 KB). What
 * may grow without being a leak is bounded: SPFx's own trace log, for one, is a ring of 5000 entries per logger
 * (sp-diagnostics LogManager._maxVerboseLog). Measured 6 KB.
 */
const LEAK_TOLERANCE_KB = 64;
/**
 * Growth allowed in compiled code and V8's per-function metadata over the same rounds, in KB: V8 tiers up the functions
 * a resync runs for about 80 rounds (measured 280–290 KB between rounds 10 and 50). Loose on purpose: it catches code
 * generated per round (a new function or class built each time), not the engine warming up.
 */
const CODE_GROWTH_TOLERANCE_KB = 512;
const LEAK_RESYNCS = 50;

/**
 * One page, 50 rounds of: the emulator reset (SharePoint back to the old photo), Check again, Resync → Resynced. Object
 * URLs and event listeners are counted by wrapping the browser's own functions before the page's scripts run. The heap
 * is read from a heap snapshot (the DevTools protocol garbage-collects before taking one) at round 10 (everything warmed
 * up) and 50, and split in two:
 * - code (the snapshot's 'code' type: bytecode, the optimising compilers' machine code and V8's per-function metadata
 *   such as feedback vectors, scope infos and inline-cache handlers): V8 keeps tiering up the functions a resync runs
 *   as they get hot, for about 80 rounds, and the used heap then levels off; it is the engine's, bounded by the amount
 *   of script; its budget (CODE_GROWTH_TOLERANCE_KB) is loose;
 * - data (every other object in the V8 heap): what a leak is made of; the tight budget is on this.
 * DOM nodes that are detached from the document yet still held are counted from the same snapshots. Then "Remove web
 * part" (the runtime disposes it): no object URL of it may stay.
 * The workbench's own record of token requests and the benchmark's own record of settled moments are emptied every
 * round: they are the measuring apparatus, not the web part.
 */
async function measureLeaks() {
  const workbenchDir = join(root, 'workbench', 'dist');
  const emulator = await startEmulator({ sitePort: 0, mySitePort: 0, graphPort: 0, workbenchDir });
  const browser = await chromium.launch({
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: ['--no-sandbox', '--disable-gpu']
  });
  let strings;
  vm.runInNewContext(readFileSync(join(root, 'src', 'webparts', 'profilePhotoSync', 'loc', 'en-us.js'), 'utf8'),
    { define: (_deps, factory) => { strings = factory(); } });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => {
      const live = new Set();
      const create = URL.createObjectURL.bind(URL);
      const revoke = URL.revokeObjectURL.bind(URL);
      URL.createObjectURL = (object) => { const url = create(object); live.add(url); return url; };
      URL.revokeObjectURL = (url) => { live.delete(url); revoke(url); };
      // Listeners on what outlives the web part (the window, the document and its root elements); a listener on an
      // element that is replaced goes with it (React puts load and error listeners on every <img>).
      let listeners = 0;
      const lasting = (target) => target === window || target === document || target === document.documentElement || target === document.body;
      const add = EventTarget.prototype.addEventListener;
      const remove = EventTarget.prototype.removeEventListener;
      EventTarget.prototype.addEventListener = function (...args) { if (lasting(this)) listeners++; return add.apply(this, args); };
      EventTarget.prototype.removeEventListener = function (...args) { if (lasting(this)) listeners--; return remove.apply(this, args); };
      window.__leaks = () => ({ objectUrls: live.size, listeners });
    });
    await page.addInitScript(recordSettledMoments);
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`${emulator.siteUrl}/?user=${USER}`);
    expectText(await waitForSettled(page, 0), strings.VerdictOutOfSyncTitle, 'the opened page');
    const rounds = [];
    for (let round = 1; round <= LEAK_RESYNCS; round++) {
      let clicked = await clickInPage(page, page.getByRole('button', { name: strings.ResyncButton, exact: true }));
      expectText(await waitForSettled(page, clicked), strings.ResyncDoneTitle, `resync ${round}`);
      await control(emulator.siteUrl, '/_emulator/reset');
      clicked = await clickInPage(page, page.getByRole('button', { name: strings.CheckAgainButton, exact: true }));
      expectText(await waitForSettled(page, clicked), strings.VerdictOutOfSyncTitle, `check ${round}`);
      await page.evaluate(() => { window.__benchSettled.length = 0; window.workbenchTokenRequests.length = 0; });
      if (round === 10 || round === LEAK_RESYNCS) {
        rounds.push({ round, ...(await heapOf(cdp)), ...(await page.evaluate(() => window.__leaks())) });
      }
    }
    await page.getByRole('button', { name: 'Remove web part' }).click();
    await page.waitForFunction(() => !document.querySelector('[data-testid=section] [role=status]'));
    const removed = await page.evaluate(() => window.__leaks());
    const [at10, at50] = rounds;
    return {
      resyncs: LEAK_RESYNCS,
      rounds,
      heapGrowthKb: at50.heapKb - at10.heapKb,
      codeGrowthKb: at50.codeKb - at10.codeKb,
      dataGrowthKb: at50.dataKb - at10.dataKb,
      detachedDomGrowth: at50.detachedDomNodes - at10.detachedDomNodes,
      listenerGrowth: at50.listeners - at10.listeners,
      objectUrlsAfterResyncs: at50.objectUrls,
      objectUrlsAfterRemoval: removed.objectUrls
    };
  } finally {
    await browser.close();
    await emulator.close();
  }
}

/** V8 heap types that are code and V8's per-function metadata rather than data; 'native' and 'synthetic' nodes are not in V8's heap. */
const CODE_TYPES = new Set(['code']);
const NOT_V8_HEAP = new Set(['native', 'synthetic']);

/**
 * Takes a heap snapshot through the DevTools protocol and sums it: code (with V8's metadata), data, and DOM nodes detached from
 * the document (the snapshot's `detachedness` 2). Also the V8 heap's used size as Runtime.getHeapUsage reports it.
 */
async function heapOf(cdp) {
  const chunks = [];
  const onChunk = (event) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const snapshot = JSON.parse(chunks.join(''));
  const { node_fields: fields, node_types: [types] } = snapshot.snapshot.meta;
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const detachedAt = fields.indexOf('detachedness');
  if (detachedAt < 0) throw new Error('This browser\'s heap snapshots do not mark detached DOM nodes (no "detachedness" field).');
  let code = 0;
  let data = 0;
  let detachedDomNodes = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = types[snapshot.nodes[i + typeAt]];
    if (type === 'native' && snapshot.nodes[i + detachedAt] === 2) detachedDomNodes++;
    if (NOT_V8_HEAP.has(type)) continue;
    if (CODE_TYPES.has(type)) code += snapshot.nodes[i + sizeAt];
    else data += snapshot.nodes[i + sizeAt];
  }
  return { heapKb: Math.round(usedSize / 1024), codeKb: Math.round(code / 1024), dataKb: Math.round(data / 1024), detachedDomNodes };
}

function printLeaks(leaks) {
  console.log(`\n7. Leaks over ${leaks.resyncs} resyncs on one page, then the web part removed`);
  printTable(['after round', 'JS heap KB', 'of it code KB', 'of it data KB', 'detached DOM nodes', 'live object URLs', 'window/document listeners (net)'],
    leaks.rounds.map((r) => [r.round, r.heapKb, r.codeKb, r.dataKb, r.detachedDomNodes, r.objectUrls, r.listeners]));
  console.log(`  JS heap growth 10 → ${leaks.resyncs}: ${leaks.heapGrowthKb} KB, of which code and V8 metadata ${leaks.codeGrowthKb} KB (V8 warming up; see measureLeaks) and data ${leaks.dataGrowthKb} KB`);
  console.log(`  after "Remove web part": ${leaks.objectUrlsAfterRemoval} live object URLs`);
}

// ── 8. Budgets ───────────────────────────────────────────────────────────────────────────────────────────────────────

function checkBudgets(results) {
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
    ['object URLs live after the web part is removed', results.leaks.objectUrlsAfterRemoval, 0]
  ];
  return budgets.map(([name, value, budget]) => ({ name, value, budget, met: value <= budget }));
}

function printBudgets(budgets) {
  console.log('\n8. Budgets');
  printTable(['figure', 'measured', 'budget', ''], budgets.map((b) => [b.name, b.value, `≤ ${b.budget}`, b.met ? 'met' : 'BROKEN']));
}

// ── Helpers ─────────────────────────────────────────────────────────────────────────────────────────────────────────

/** Median and 90th percentile (nearest rank: of 7 samples that is the largest) of `samples`, rounded. */
function summarise(samples, digits) {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { median: round(median, digits), p90: round(rank(0.9), digits), min: round(sorted[0], digits), max: round(sorted[sorted.length - 1], digits) };
}

function round(value, digits) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
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

/** Latest modification time (ms since the epoch) of any file under the given files or folders. */
function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const path of paths) if (existsSync(path)) visit(path);
  return newest;
}

/** First column left-aligned, the others (numbers) right-aligned. */
function printTable(header, rows) {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  for (const [index, row] of cells.entries()) {
    console.log('  ' + row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('   '));
    if (index === 0) console.log('  ' + widths.map((w) => '─'.repeat(w)).join('   '));
  }
}

await main();
