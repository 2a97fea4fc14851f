import { grey, paintImage } from '../../../test/support/syntheticImages';
import { averageLumaGrid } from './lumaGrid';

function expectCloseTo(actual: ReadonlyArray<number>, expected: ReadonlyArray<number>): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((value, i) => expect(actual[i]).toBeCloseTo(value, 9));
}

describe('averageLumaGrid', () => {
  it('averages each cell over all the pixels under it', () => {
    // 4 × 4: the left half 0 and 100, alternating by row; the right half 200.
    const image = paintImage(4, 4, (x, y) => (x < 2 ? grey(y % 2 === 0 ? 0 : 100) : grey(200)));

    expectCloseTo(averageLumaGrid(image, 2).values, [50, 200, 50, 200]);
  });

  it('counts a pixel that straddles two cells by the fraction each cell covers', () => {
    // Three columns into two cells of 1.5 pixels: the middle pixel is half in each.
    const image = paintImage(3, 3, (x) => grey([0, 90, 180][x]));

    const firstRow = averageLumaGrid(image, 2).values.slice(0, 2);

    expectCloseTo(firstRow, [(0 + 90 * 0.5) / 1.5, (90 * 0.5 + 180) / 1.5]);
  });

  it('uses only the centred square of a landscape image', () => {
    const image = paintImage(6, 2, (x) => (x === 2 || x === 3 ? grey(10) : grey(250)));

    expectCloseTo(averageLumaGrid(image, 1).values, [10]);
  });

  it('takes the exact centre when it falls between pixels', () => {
    // 5 × 2: the centred square spans x = 1.5 to 3.5, half of pixel 1, all of pixel 2, half of pixel 3.
    const image = paintImage(5, 2, (x) => grey([250, 0, 100, 200, 250][x]));

    expectCloseTo(averageLumaGrid(image, 1).values, [(0 * 0.5 + 100 + 200 * 0.5) / 2]);
  });

  it('uses only the centred square of a portrait image', () => {
    const image = paintImage(2, 6, (x, y) => (y === 2 || y === 3 ? grey(10) : grey(250)));

    expectCloseTo(averageLumaGrid(image, 1).values, [10]);
  });

  it('weighs colours by Rec. 601 luma', () => {
    expectCloseTo(averageLumaGrid(paintImage(3, 1, () => [255, 0, 0]), 1).values, [0.299 * 255]);
  });

  it('spreads a single pixel over every cell', () => {
    expectCloseTo(averageLumaGrid(paintImage(1, 1, () => grey(42)), 3).values, [42, 42, 42, 42, 42, 42, 42, 42, 42]);
  });

  it('rejects pixel data shorter than width × height × 4 bytes', () => {
    expect(() => averageLumaGrid({ width: 2, height: 2, data: new Uint8Array(15) }, 2)).toThrow(RangeError);
  });

  it('rejects an image without pixels', () => {
    expect(() => averageLumaGrid({ width: 0, height: 0, data: new Uint8Array(0) }, 2)).toThrow(RangeError);
  });
});
