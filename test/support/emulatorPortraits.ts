/**
 * Typed access to emulator/portraits.cjs: generated portraits of invented people, shared with the emulator
 * (docs/dev/contracts.md). Node only: it renders with sharp.
 */

/** Opaque here: tests pick portraits by name. */
export type PortraitSpec = Readonly<Record<string, unknown>>;

interface IEmulatorPortraits {
  readonly PORTRAITS: Readonly<Record<string, PortraitSpec>>;
  renderPortrait(spec: PortraitSpec, size?: number): Promise<Buffer>;
  renderPlaceholderSilhouette(size: number): Promise<Buffer>;
  renderLargePhoto(spec?: PortraitSpec): Promise<Buffer>;
}

// A CommonJS module without type declarations; this file is its one typed entry point.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const emulator: IEmulatorPortraits = require('../../emulator/portraits.cjs');

export const PORTRAIT_NAMES: ReadonlyArray<string> = Object.keys(emulator.PORTRAITS);

/** A square JPEG (quality 90) of the named portrait; `size` in pixels, 648 = Graph's largest photo. */
export function renderPortrait(name: string, size?: number): Promise<Buffer> {
  return emulator.renderPortrait(portrait(name), size);
}

/** SharePoint's grey head-and-shoulders placeholder, as a square JPEG of `size` pixels. */
export function renderPlaceholderSilhouette(size: number): Promise<Buffer> {
  return emulator.renderPlaceholderSilhouette(size);
}

/** A 3000 × 2000 noisy JPEG over 5 MB: the named portrait, its backdrop widened to the sides. */
export function renderLargePhoto(name: string): Promise<Buffer> {
  return emulator.renderLargePhoto(portrait(name));
}

function portrait(name: string): PortraitSpec {
  const spec = emulator.PORTRAITS[name];
  if (!spec) {
    throw new Error(`No portrait named '${name}'; emulator/portraits.cjs has ${PORTRAIT_NAMES.join(', ')}.`);
  }
  return spec;
}
