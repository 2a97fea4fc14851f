import { IPixelImage } from '../../src/logic/photoComparison/IPixelImage';

export type Rgb = readonly [number, number, number];

/** An opaque image whose pixel at (x, y) has the colour `colourAt(x, y)`. */
export function paintImage(width: number, height: number, colourAt: (x: number, y: number) => Rgb): IPixelImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = colourAt(x, y);
      data.set([r, g, b, 255], (y * width + x) * 4);
    }
  }
  return { width, height, data };
}

export function grey(level: number): Rgb {
  return [level, level, level];
}
