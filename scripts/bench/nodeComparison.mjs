// 2. Comparison cost: computeFingerprint and comparePhotos (pure TypeScript) on real portraits, in microseconds.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { printTable, summarise } from './figures.mjs';
import { ROOT as root } from './sources.mjs';

const require = createRequire(import.meta.url);
const { PORTRAITS, renderPortrait } = require('../../emulator/portraits.cjs');

/** Rounds per micro-benchmark; each round times enough calls to last about MIN_ROUND_MS. */
const ROUNDS = 15;
const MIN_ROUND_MS = 25;
/** Decode sides of the comparison: the sync controller decodes at 64 px (longer side); 648 is Graph's full size. */
const DECODE_SIDES = [64, 648];
/** Results of timed calls are added here so V8 cannot drop a call whose result goes unused. */
let sink = 0;

/** The pure comparison and the Node codec, bundled from src/ with esbuild (sharp stays external) and imported. */
export async function bundleLogic() {
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
export async function measureComparison(logic) {
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

export function printComparison(comparison) {
  console.log(`\n2. Comparison cost, Node ${process.version} (µs per call; median and p90 of ${comparison.rounds} rounds × N calls)`);
  printTable(['call', 'image', 'calls/round', 'median µs', 'p90 µs'], comparison.cases.map((c) => [
    c.name, `${c.width}×${c.height}${c.name.startsWith('decode') ? ' out' : ''}`, c.callsPerRound, c.median, c.p90
  ]));
}
