import { fitWithin, IImageFacts, IUploadLimits, planUpload, SHAREPOINT_UPLOAD_LIMITS } from './uploadPlan';

const limits: IUploadLimits = SHAREPOINT_UPLOAD_LIMITS;

function facts(overrides: Partial<IImageFacts>): IImageFacts {
  return { byteLength: 150000, width: 648, height: 648, mimeType: 'image/jpeg', ...overrides };
}

describe('planUpload', () => {
  it('sends a 648-px JPEG from Graph as it is', () => {
    expect(planUpload(facts({}), limits)).toEqual({ kind: 'asIs' });
  });

  it('sends a PNG within the limits as it is', () => {
    expect(planUpload(facts({ mimeType: 'image/png', width: 300, height: 200 }), limits)).toEqual({ kind: 'asIs' });
  });

  it('recognises a JPEG whatever the case of its MIME type and its parameters (Graph once sent image/Jpeg)', () => {
    expect(planUpload(facts({ mimeType: 'image/Jpeg' }), limits)).toEqual({ kind: 'asIs' });
    expect(planUpload(facts({ mimeType: 'IMAGE/JPEG; charset=binary' }), limits)).toEqual({ kind: 'asIs' });
  });

  it('scales a 3000 × 2000 photo to 648 × 432', () => {
    expect(planUpload(facts({ width: 3000, height: 2000, byteLength: 6000000 }), limits)).toMatchObject({
      kind: 'reencodeJpeg',
      width: 648,
      height: 432
    });
  });

  it('scales a tall photo by its height', () => {
    expect(planUpload(facts({ width: 1000, height: 2000 }), limits)).toMatchObject({ width: 324, height: 648 });
  });

  it('re-encodes a photo over the byte limit even when its size in pixels is fine', () => {
    const plan = planUpload(facts({ byteLength: limits.maxBytes + 1 }), limits);

    expect(plan).toMatchObject({ kind: 'reencodeJpeg', width: 648, height: 648 });
  });

  it('accepts a photo of exactly the byte limit and the side limit', () => {
    expect(planUpload(facts({ byteLength: limits.maxBytes }), limits)).toEqual({ kind: 'asIs' });
  });

  it.each(['image/bmp', 'image/gif', 'image/webp', ''])('re-encodes %p as JPEG at its own size', (mimeType) => {
    expect(planUpload(facts({ mimeType, width: 96, height: 96 }), limits)).toMatchObject({
      kind: 'reencodeJpeg',
      width: 96,
      height: 96
    });
  });

  it('tries JPEG qualities from best to worst', () => {
    const plan = planUpload(facts({ mimeType: 'image/webp' }), limits);
    const qualities = plan.kind === 'reencodeJpeg' ? plan.qualities : [];

    expect(qualities.length).toBeGreaterThan(1);
    expect([...qualities].sort((a, b) => b - a)).toEqual(qualities);
    expect(qualities.every((quality) => quality > 0 && quality <= 1)).toBe(true);
  });
});

describe('fitWithin', () => {
  it('never enlarges', () => {
    expect(fitWithin(48, 48, 648)).toEqual({ width: 48, height: 48 });
  });

  it('keeps at least one pixel on the short side of an extreme panorama', () => {
    expect(fitWithin(10000, 2, 648)).toEqual({ width: 648, height: 1 });
  });

  it('rejects a limit under one pixel', () => {
    expect(() => fitWithin(100, 100, 0)).toThrow(RangeError);
  });
});
