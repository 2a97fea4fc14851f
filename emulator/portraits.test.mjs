import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import portraits from './portraits.cjs';
import { SEED_DEFINITIONS } from './seed.mjs';

/**
 * 64-bit difference hash: each bit says whether a pixel of a 9x8 greyscale copy is darker than its right neighbour.
 * @param {Buffer} image
 * @returns {Promise<boolean[]>}
 */
async function differenceHash(image) {
  const pixels = await sharp(image).greyscale().resize(9, 8, { fit: 'fill' }).raw().toBuffer();
  const bits = [];
  for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) bits.push(pixels[y * 9 + x] < pixels[y * 9 + x + 1]);
  return bits;
}

describe('portraits', () => {
  it('renders square JPEGs of the requested size', async () => {
    const jpeg = await portraits.renderPortrait(portraits.PORTRAITS.amara, 120);
    const { width, height, format } = await sharp(jpeg).metadata();
    assert.deepEqual([width, height, format], [120, 120, 'jpeg']);
  });

  it('draws at least eight portraits that a perceptual hash tells apart', async () => {
    const names = Object.keys(portraits.PORTRAITS);
    assert.ok(names.length >= 8);
    const hashes = await Promise.all(names.map(async (n) => differenceHash(await portraits.renderPortrait(portraits.PORTRAITS[n], 96))));
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const distance = hashes[i].filter((bit, k) => bit !== hashes[j][k]).length;
        assert.ok(distance >= 10, `${names[i]} and ${names[j]} differ in only ${distance} of 64 bits`);
      }
    }
  });

  it('gives every seeded user a portrait of their own, and out-of-sync copies a different one', () => {
    const graph = SEED_DEFINITIONS.map((d) => d.graph).filter(Boolean);
    assert.equal(new Set(graph).size, graph.length);
    for (const d of SEED_DEFINITIONS.filter((s) => s.id !== 'in-sync' && s.sharePoint)) assert.notEqual(d.sharePoint, d.graph);
  });

  it('draws a grey placeholder silhouette', async () => {
    const { channels } = await sharp(await portraits.renderPlaceholderSilhouette(72)).stats();
    const means = channels.slice(0, 3).map((c) => c.mean);
    assert.ok(Math.max(...means) - Math.min(...means) < 2);
  });

  it('renders a landscape photo over SharePoint’s 5,000,000-byte limit', async () => {
    const jpeg = await portraits.renderLargePhoto();
    const { width, height, format } = await sharp(jpeg).metadata();
    assert.deepEqual([width, height, format], [3000, 2000, 'jpeg']);
    assert.ok(jpeg.length > 5_000_000, `${jpeg.length} bytes`);
  });
});
