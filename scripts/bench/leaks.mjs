// 7. Leaks: 50 resyncs on one page (JS heap after garbage collection, live object URLs, event listeners), then the
//    web part removed from the page: nothing of it may stay.
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startEmulator } from '../../emulator/server.mjs';
import { loadStrings } from '../../test/support/localizedStrings.cjs';
import { chromiumLaunchOptions } from '../../test/support/chromium.mjs';
import { printTable } from './figures.mjs';
import { ROOT as root } from './sources.mjs';
import { clickInPage, control, expectText, recordSettledMoments, USER, waitForSettled } from './workbenchPage.mjs';

/**
 * Growth allowed in the JS heap's data over resyncs 10 → 50, in KB. A photo, a fingerprint or a React tree kept per
 * resync would be several KB a round, over 100 KB in 40 rounds (one fingerprint kept per round measured 124 KB). What
 * may grow without being a leak is bounded: SPFx's own trace log, for one, is a ring of 5000 entries per logger
 * (sp-diagnostics LogManager._maxVerboseLog). Measured 6 KB.
 */
export const LEAK_TOLERANCE_KB = 64;
/**
 * Growth allowed in compiled code and V8's per-function metadata over the same rounds, in KB: V8 tiers up the functions
 * a resync runs for about 80 rounds (measured 280–290 KB between rounds 10 and 50). Loose on purpose: it catches code
 * generated per round (a new function or class built each time), not the engine warming up.
 */
export const CODE_GROWTH_TOLERANCE_KB = 512;
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
export async function measureLeaks() {
  const workbenchDir = join(root, 'workbench', 'dist');
  const emulator = await startEmulator({ sitePort: 0, mySitePort: 0, graphPort: 0, workbenchDir });
  const browser = await chromium.launch(chromiumLaunchOptions());
  const strings = loadStrings('en-us');
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

export function printLeaks(leaks) {
  console.log(`\n7. Leaks over ${leaks.resyncs} resyncs on one page, then the web part removed`);
  printTable(['after round', 'JS heap KB', 'of it code KB', 'of it data KB', 'detached DOM nodes', 'live object URLs', 'window/document listeners (net)'],
    leaks.rounds.map((r) => [r.round, r.heapKb, r.codeKb, r.dataKb, r.detachedDomNodes, r.objectUrls, r.listeners]));
  console.log(`  JS heap growth 10 → ${leaks.resyncs}: ${leaks.heapGrowthKb} KB, of which code and V8 metadata ${leaks.codeGrowthKb} KB (V8 warming up; see measureLeaks) and data ${leaks.dataGrowthKb} KB`);
  console.log(`  after "Remove web part": ${leaks.objectUrlsAfterRemoval} live object URLs`);
}
