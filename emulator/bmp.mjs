/**
 * Minimal BMP reader. SharePoint accepts BMP uploads (docs/dev/platform-facts.md#setmyprofilepicture) but the libvips bundled with sharp cannot read
 * BMP, so the emulator decodes the common case itself: uncompressed 24- or 32-bit pixels (BI_RGB, or BI_BITFIELDS
 * with the usual BGRA masks), bottom-up or top-down. Palette and RLE-compressed BMPs are reported as undecodable,
 * which the emulator answers like any unreadable upload (400); real SharePoint probably accepts them.
 */

const BI_RGB = 0;
const BI_BITFIELDS = 3;

/**
 * @param {Buffer} bytes
 * @returns {boolean}
 */
export function isBmp(bytes) {
  return bytes.length >= 2 && bytes[0] === 0x42 && bytes[1] === 0x4d; // "BM"
}

/**
 * @param {Buffer} bytes a file starting with "BM"
 * @returns {{ data: Buffer, width: number, height: number, channels: 3 }} raw RGB pixels, top row first
 * @throws {Error} when the variant is not supported or the file is truncated
 */
export function decodeBmp(bytes) {
  if (!isBmp(bytes) || bytes.length < 54) throw new Error('Not a BMP file');
  const pixelOffset = bytes.readUInt32LE(10);
  const headerSize = bytes.readUInt32LE(14);
  if (headerSize < 40) throw new Error('Unsupported BMP header (OS/2 BMP)');
  const width = bytes.readInt32LE(18);
  const signedHeight = bytes.readInt32LE(22);
  const bitsPerPixel = bytes.readUInt16LE(28);
  const compression = bytes.readUInt32LE(30);
  const height = Math.abs(signedHeight);
  const bottomUp = signedHeight > 0;
  const supported =
    (bitsPerPixel === 24 && compression === BI_RGB) ||
    (bitsPerPixel === 32 && (compression === BI_RGB || compression === BI_BITFIELDS));
  if (!supported) throw new Error(`Unsupported BMP variant: ${bitsPerPixel} bpp, compression ${compression}`);
  if (width <= 0 || height === 0) throw new Error('Empty BMP');

  const bytesPerPixel = bitsPerPixel / 8;
  const stride = Math.ceil((width * bytesPerPixel) / 4) * 4; // rows are padded to 4 bytes
  if (pixelOffset + stride * height > bytes.length) throw new Error('Truncated BMP');

  const data = Buffer.alloc(width * height * 3);
  for (let row = 0; row < height; row++) {
    const source = pixelOffset + (bottomUp ? height - 1 - row : row) * stride;
    for (let x = 0; x < width; x++) {
      const s = source + x * bytesPerPixel;
      const d = (row * width + x) * 3;
      data[d] = bytes[s + 2]; // stored as B, G, R
      data[d + 1] = bytes[s + 1];
      data[d + 2] = bytes[s];
    }
  }
  return { data, width, height, channels: 3 };
}
