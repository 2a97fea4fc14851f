// 6. Comparison in Chromium: the browser codec's decode of a 648-px JPEG and a 300-px thumbnail, both fingerprints and
//    the comparison, as the web part does them, timed in the page.
import { createRequire } from 'node:module';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { chromiumLaunchOptions } from '../../test/support/chromium.mjs';
import { printTable, summarise } from './figures.mjs';
import { ROOT as root } from './sources.mjs';

const require = createRequire(import.meta.url);
const { PORTRAITS, renderPortrait } = require('../../emulator/portraits.cjs');

/**
 * The web part's own BrowserImageCodec and comparison, bundled from src/ for the page, run in Chromium on a 648-px
 * JPEG (Graph's size) and a 300-px one (SharePoint's large thumbnail): both decodes at 64 px, both fingerprints, the
 * comparison. Timed with performance.now() in the page; a warm-up run first.
 */
export async function measureBrowserComparison() {
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
  const browser = await chromium.launch(chromiumLaunchOptions());
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

export function printBrowserComparison(comparison) {
  console.log(`\n6. Comparison in ${comparison.browser}: ${comparison.input}, fingerprints and comparison (ms; median of ${comparison.runs} runs after a warm-up)`);
  printTable(['step', 'median ms', 'p90 ms'], [['decode both + fingerprint both + compare', comparison.median, comparison.p90]]);
}
