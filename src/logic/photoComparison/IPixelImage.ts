/**
 * A decoded image: RGBA, 4 bytes per pixel, rows top to bottom (the layout of canvas `ImageData` and of sharp's raw
 * output with `ensureAlpha()`).
 */
export interface IPixelImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}
