// 3. Upload preparation: the 3000 × 2000, > 5 MB photo scaled to a 648-px JPEG by the Node codec (sharp).
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { printTable, summarise } from './figures.mjs';

const require = createRequire(import.meta.url);
const { renderLargePhoto } = require('../../emulator/portraits.cjs');

const UPLOAD_RUNS = 7;

/** SharpImageCodec.prepareForUpload, the Node twin of the browser's canvas codec: full decode, resize, JPEG encode. */
export async function measureUploadPreparation(logic) {
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

export function printUploadPreparation(upload) {
  console.log(`\n3. Upload preparation, ${upload.codec} (ms; median and p90 of ${upload.runs} runs after a warm-up)`);
  printTable(['photo', 'median ms', 'p90 ms'], [[
    `${upload.input.width}×${upload.input.height} JPEG ${upload.input.bytes} B → ${upload.output.width}×${upload.output.height} JPEG ${upload.output.bytes} B`,
    upload.median, upload.p90
  ]]);
}
