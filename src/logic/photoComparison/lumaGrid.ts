import { IPixelImage } from './IPixelImage';

/** Average luma (0–255) of `size` × `size` equal cells covering the image's centred square, row-major. */
export interface ILumaGrid {
  readonly size: number;
  readonly values: ReadonlyArray<number>;
}

/** How much of one source pixel falls into one cell, as a fraction of the cell's width. */
interface ICoverage {
  readonly index: number;
  readonly weight: number;
}

/**
 * Shrinks the image's centred square to a `size` × `size` grid of average luma.
 *
 * Centre square first: SharePoint's small thumbnails are square centre crops of whatever was uploaded, its large one
 * keeps the upload's shape, and a Microsoft 365 photo stored in Entra can be any shape
 * (docs/dev/platform-facts.md#photo-sizes), so only the centred square is common to all of them.
 * Each cell is the exact area average of the pixels under it (pixels straddling a border count by the fraction they
 * cover). Point sampling would let a 3000-px photo and a 48-px thumbnail of it pick different pixels; the area average
 * is what both converge to.
 */
export function averageLumaGrid(image: IPixelImage, size: number): ILumaGrid {
  const { width, height, data } = image;
  if (width < 1 || height < 1 || data.length < width * height * 4) {
    throw new RangeError(`Expected ${width}×${height} RGBA pixels (${width * height * 4} bytes), got ${data.length} bytes.`);
  }
  // The exact centre, even half a pixel off the grid: in a photo decoded to 64 × 43 px, rounding the crop to whole
  // pixels would shift it by 1 % of its side, as much as a genuinely different crop.
  const side = Math.min(width, height);
  const columns = cellCoverage((width - side) / 2, side, width, size);
  const rows = cellCoverage((height - side) / 2, side, height, size);

  // Separable box filter: average each row into `size` columns, then those column averages down into `size` rows.
  const rowLuma = new Float64Array(width);
  const rowCells = new Float64Array(height * size);
  for (let y = Math.floor((height - side) / 2); y < Math.ceil((height + side) / 2); y++) {
    for (let x = 0; x < width; x++) {
      rowLuma[x] = luma(data, (y * width + x) * 4);
    }
    for (let cx = 0; cx < size; cx++) {
      rowCells[y * size + cx] = weightedSum(columns[cx], rowLuma, 1, 0);
    }
  }

  const values: number[] = [];
  for (let cy = 0; cy < size; cy++) {
    for (let cx = 0; cx < size; cx++) {
      values.push(weightedSum(rows[cy], rowCells, size, cx));
    }
  }
  return { size, values };
}

/**
 * Rec. 601 luma of the pixel at `offset`. Luma, not colour: SharePoint re-encodes its thumbnails as JPEG, which keeps
 * chroma at half resolution or less, so colour detail is the first thing that differs between two copies of a photo.
 * Alpha is ignored because both copies are JPEGs (docs/dev/platform-facts.md#userphotoaspx-and-the-thumbnails, #photo-bytes), and the codecs flatten anything else onto white.
 */
function luma(data: Uint8Array | Uint8ClampedArray, offset: number): number {
  return 0.299 * data[offset] + 0.587 * data[offset + 1] + 0.114 * data[offset + 2];
}

/**
 * Splits the span [start, start + length) of a line of `sourceLength` pixels into `cellCount` equal cells and lists,
 * for each cell, the pixels it covers and by how much.
 */
function cellCoverage(start: number, length: number, sourceLength: number, cellCount: number): ICoverage[][] {
  const cellWidth = length / cellCount; // pixels, fractional
  const cells: ICoverage[][] = [];
  for (let cell = 0; cell < cellCount; cell++) {
    const cellStart = start + cell * cellWidth;
    const cellEnd = cellStart + cellWidth;
    const coverage: ICoverage[] = [];
    // min(): rounding can put cellEnd a hair past the last pixel.
    for (let index = Math.floor(cellStart); index < Math.min(Math.ceil(cellEnd), sourceLength); index++) {
      const overlap = Math.min(cellEnd, index + 1) - Math.max(cellStart, index);
      if (overlap > 0) {
        coverage.push({ index, weight: overlap / cellWidth });
      }
    }
    cells.push(coverage);
  }
  return cells;
}

function weightedSum(coverage: ReadonlyArray<ICoverage>, values: Float64Array, stride: number, offset: number): number {
  let sum = 0;
  for (const { index, weight } of coverage) {
    sum += weight * values[index * stride + offset];
  }
  return sum;
}
