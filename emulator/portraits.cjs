'use strict';
/**
 * Generated portraits for the emulator's invented users: SVG drawings (no real people) rendered to JPEG by sharp.
 *
 * CommonJS on purpose: jest unit tests elsewhere in the repo `require` this module to get realistic test images.
 * Exports are a contract (docs/dev/contracts.md): renderPortrait, PORTRAITS, renderPlaceholderSilhouette,
 * renderLargePhoto.
 *
 * Every spec differs from the others in its geometry (backdrop pattern, head position, hair shape), not only in
 * colour: perceptual hashes work on greyscale gradients, so two drawings that differ only in hue could hash alike.
 */
const sharp = require('sharp');

/**
 * @typedef {'plain'|'stripesV'|'stripesH'|'diagonal'|'split'|'rings'|'dots'|'sun'|'checker'|'gradient'} Backdrop
 * @typedef {'short'|'long'|'bun'|'curly'|'bald'|'mohawk'|'spiky'|'ponytail'} HairStyle
 * @typedef {'crew'|'vneck'|'tie'} Collar
 * @typedef {'glasses'|'beard'|'hat'|'earrings'} Accessory
 *
 * @typedef {object} PortraitSpec
 * @property {string} background  backdrop base colour
 * @property {string} accent      backdrop pattern colour (also hats, ties, earrings)
 * @property {Backdrop} backdrop
 * @property {string} skin
 * @property {string} hair
 * @property {HairStyle} hairStyle
 * @property {string} shirt
 * @property {Collar} collar
 * @property {ReadonlyArray<Accessory>} accessories
 * @property {number} headX       horizontal offset of the head from the centre, in 1/100 of the image side
 * @property {number} headScale   1 = a head 32 % of the image wide
 */

/** @type {Readonly<Record<string, Readonly<PortraitSpec>>>} */
const PORTRAITS = Object.freeze({
  amara: spec({ background: '#0f766e', accent: '#14b8a6', backdrop: 'rings', skin: '#8d5524', hair: '#1b1b1b',
    hairStyle: 'curly', shirt: '#f59e0b', collar: 'crew', accessories: ['earrings'], headX: 0, headScale: 1 }),
  bogdan: spec({ background: '#fde68a', accent: '#f59e0b', backdrop: 'stripesV', skin: '#f1c27d', hair: '#4a2c16',
    hairStyle: 'short', shirt: '#1e3a8a', collar: 'tie', accessories: ['glasses'], headX: -6, headScale: 1.05 }),
  bogdanOld: spec({ background: '#312e81', accent: '#6366f1', backdrop: 'sun', skin: '#f1c27d', hair: '#111827',
    hairStyle: 'spiky', shirt: '#dc2626', collar: 'crew', accessories: [], headX: 8, headScale: 0.85 }),
  chiara: spec({ background: '#ede9fe', accent: '#8b5cf6', backdrop: 'diagonal', skin: '#ffdbac', hair: '#b45309',
    hairStyle: 'bun', shirt: '#7c3aed', collar: 'vneck', accessories: ['earrings'], headX: 4, headScale: 0.95 }),
  elif: spec({ background: '#14532d', accent: '#22c55e', backdrop: 'split', skin: '#c68642', hair: '#0f0f0f',
    hairStyle: 'long', shirt: '#fafafa', collar: 'vneck', accessories: ['glasses'], headX: -3, headScale: 1 }),
  elifOld: spec({ background: '#fef3c7', accent: '#fb923c', backdrop: 'dots', skin: '#c68642', hair: '#7c2d12',
    hairStyle: 'ponytail', shirt: '#0e7490', collar: 'crew', accessories: [], headX: 6, headScale: 0.9 }),
  farid: spec({ background: '#9a3412', accent: '#fdba74', backdrop: 'stripesH', skin: '#e0ac69', hair: '#292524',
    hairStyle: 'mohawk', shirt: '#0f172a', collar: 'crew', accessories: ['beard'], headX: 0, headScale: 1.1 }),
  faridOld: spec({ background: '#e0f2fe', accent: '#38bdf8', backdrop: 'checker', skin: '#e0ac69', hair: '#292524',
    hairStyle: 'short', shirt: '#84cc16', collar: 'tie', accessories: [], headX: -8, headScale: 0.9 }),
  greta: spec({ background: '#0c4a6e', accent: '#7dd3fc', backdrop: 'gradient', skin: '#ffe0bd', hair: '#fcd34d',
    hairStyle: 'ponytail', shirt: '#e11d48', collar: 'crew', accessories: ['glasses'], headX: 5, headScale: 1 }),
  gretaOld: spec({ background: '#dcfce7', accent: '#16a34a', backdrop: 'stripesV', skin: '#ffe0bd', hair: '#a16207',
    hairStyle: 'long', shirt: '#1f2937', collar: 'vneck', accessories: ['hat'], headX: -5, headScale: 0.95 }),
  hugo: spec({ background: '#fce7f3', accent: '#db2777', backdrop: 'dots', skin: '#d2a679', hair: '#57534e',
    hairStyle: 'bald', shirt: '#065f46', collar: 'tie', accessories: ['beard', 'glasses'], headX: -4, headScale: 1.05 }),
  hugoOld: spec({ background: '#1c1917', accent: '#facc15', backdrop: 'diagonal', skin: '#d2a679', hair: '#292524',
    hairStyle: 'curly', shirt: '#f97316', collar: 'crew', accessories: [], headX: 7, headScale: 0.9 }),
  ines: spec({ background: '#78350f', accent: '#fbbf24', backdrop: 'sun', skin: '#a0522d', hair: '#1c1917',
    hairStyle: 'spiky', shirt: '#38bdf8', collar: 'vneck', accessories: ['earrings', 'hat'], headX: 2, headScale: 1 }),
  inesOld: spec({ background: '#f1f5f9', accent: '#64748b', backdrop: 'rings', skin: '#a0522d', hair: '#44403c',
    hairStyle: 'bun', shirt: '#b91c1c', collar: 'crew', accessories: ['glasses'], headX: -7, headScale: 0.85 }),
  katja: spec({ background: '#4c1d95', accent: '#c4b5fd', backdrop: 'checker', skin: '#f5d0b5', hair: '#7f1d1d',
    hairStyle: 'long', shirt: '#fde047', collar: 'crew', accessories: ['earrings'], headX: -2, headScale: 1 }),
  katjaOld: spec({ background: '#ecfeff', accent: '#0891b2', backdrop: 'stripesH', skin: '#f5d0b5', hair: '#1f2937',
    hairStyle: 'short', shirt: '#9d174d', collar: 'tie', accessories: ['hat'], headX: 6, headScale: 0.9 }),
  luka: spec({ background: '#064e3b', accent: '#6ee7b7', backdrop: 'rings', skin: '#b07d4f', hair: '#3f2a14',
    hairStyle: 'curly', shirt: '#f43f5e', collar: 'vneck', accessories: ['beard'], headX: 3, headScale: 1.05 }),
  lukaOld: spec({ background: '#fff7ed', accent: '#ea580c', backdrop: 'split', skin: '#b07d4f', hair: '#0a0a0a',
    hairStyle: 'mohawk', shirt: '#1d4ed8', collar: 'crew', accessories: ['glasses'], headX: -6, headScale: 0.9 }),
  mira: spec({ background: '#fae8ff', accent: '#c026d3', backdrop: 'sun', skin: '#8d5524', hair: '#0c0a09',
    hairStyle: 'bun', shirt: '#b91c1c', collar: 'vneck', accessories: ['glasses', 'earrings'], headX: 0, headScale: 1 }),
  miraOld: spec({ background: '#f0fdf4', accent: '#4ade80', backdrop: 'sun', skin: '#8d5524', hair: '#57534e',
    hairStyle: 'short', shirt: '#7e22ce', collar: 'tie', accessories: [], headX: 5, headScale: 0.9 }),
  nils: spec({ background: '#1e3a8a', accent: '#93c5fd', backdrop: 'dots', skin: '#ffdbac', hair: '#d97706',
    hairStyle: 'spiky', shirt: '#facc15', collar: 'crew', accessories: ['beard'], headX: -3, headScale: 1 }),
  nilsOld: spec({ background: '#fafaf9', accent: '#a8a29e', backdrop: 'checker', skin: '#ffdbac', hair: '#44403c',
    hairStyle: 'bald', shirt: '#be123c', collar: 'vneck', accessories: ['hat'], headX: 7, headScale: 0.85 }),
});

/** @param {PortraitSpec} s @returns {Readonly<PortraitSpec>} */
function spec(s) {
  return Object.freeze({ ...s, accessories: Object.freeze([...s.accessories]) });
}

/**
 * Renders a portrait as a JPEG, square unless a height is given.
 * @param {PortraitSpec} portrait
 * @param {number} [size] width in pixels; 648 is Graph's largest standard photo size
 * @param {number} [height] height in pixels, for portrait or landscape photos
 * @returns {Promise<Buffer>}
 */
async function renderPortrait(portrait, size = 648, height = size) {
  return svgToJpeg(portraitSvg(portrait, size, height), 90);
}

/**
 * The grey head-and-shoulders placeholder SharePoint shows when a profile has no picture
 * (userphoto.aspx answers 200 with it, never 404; docs/dev/platform-facts.md#the-placeholder-silhouette).
 * @param {number} size width in pixels
 * @param {number} [height] height in pixels; the large one is 250×150 (docs/dev/platform-facts.md#userphotoaspx-and-the-thumbnails)
 * @returns {Promise<Buffer>} JPEG
 */
async function renderPlaceholderSilhouette(size, height = size) {
  // The figure keeps its proportions, centred; a wider image only shows more grey beside it.
  const viewWidth = (100 * size) / height;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${height}" viewBox="${(100 - viewWidth) / 2} 0 ${viewWidth} 100">
    <rect x="${(100 - viewWidth) / 2}" width="${viewWidth}" height="100" fill="#eaeaea"/>
    <circle cx="50" cy="38" r="17" fill="#bcbcbc"/>
    <path d="M14 101 Q16 64 50 62 Q84 64 86 101 Z" fill="#bcbcbc"/>
  </svg>`;
  return svgToJpeg(svg, 85);
}

/**
 * A 3000x2000 landscape photo whose JPEG exceeds SharePoint's 5,000,000-byte upload limit (docs/dev/platform-facts.md#setmyprofilepicture), for the
 * `large-photo` scenario. Per-channel noise over the portrait defeats JPEG compression; the portrait stays recognisable.
 * @param {PortraitSpec} [portrait]
 * @returns {Promise<Buffer>} JPEG
 */
async function renderLargePhoto(portrait = PORTRAITS.ines) {
  const width = 3000;
  const height = 2000;
  const drawing = await sharp(Buffer.from(portraitSvg(portrait, width, height))).removeAlpha().raw().toBuffer();
  const noise = await sharp({ create: { width, height, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .raw()
    .toBuffer();
  for (let i = 0; i < drawing.length; i++) {
    const v = drawing[i] + (noise[i] - 128) * 0.6;
    drawing[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  return sharp(drawing, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 95, chromaSubsampling: '4:4:4' })
    .toBuffer();
}

/** @param {string} svg @param {number} quality @returns {Promise<Buffer>} */
function svgToJpeg(svg, quality) {
  return sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).jpeg({ quality }).toBuffer();
}

/**
 * The drawing lives in a 100x100 box; a wider image widens the view box so the backdrop fills the sides.
 * @param {PortraitSpec} p @param {number} width @param {number} height @returns {string}
 */
function portraitSvg(p, width, height) {
  const viewWidth = (100 * width) / height;
  const left = (100 - viewWidth) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${left} 0 ${viewWidth} 100">
    ${backdropSvg(p, left, viewWidth)}
    ${figureSvg(p)}
  </svg>`;
}

/** @param {PortraitSpec} p @param {number} left @param {number} width @returns {string} */
function backdropSvg(p, left, width) {
  const base = `<rect x="${left}" y="0" width="${width}" height="100" fill="${p.background}"/>`;
  const a = p.accent;
  /** @type {string[]} */
  const shapes = [];
  switch (p.backdrop) {
    case 'plain':
      break;
    case 'stripesV':
      for (let x = Math.floor(left / 12) * 12; x < left + width; x += 12) shapes.push(`<rect x="${x}" y="0" width="6" height="100" fill="${a}"/>`);
      break;
    case 'stripesH':
      for (let y = 0; y < 100; y += 14) shapes.push(`<rect x="${left}" y="${y}" width="${width}" height="7" fill="${a}"/>`);
      break;
    case 'diagonal':
      for (let x = left - 100; x < left + width; x += 16) shapes.push(`<path d="M${x} 100 L${x + 8} 100 L${x + 108} 0 L${x + 100} 0 Z" fill="${a}"/>`);
      break;
    case 'split':
      shapes.push(`<rect x="50" y="0" width="${left + width - 50}" height="100" fill="${a}"/>`);
      break;
    case 'rings':
      for (let r = 80; r > 0; r -= 16) shapes.push(`<circle cx="50" cy="40" r="${r}" fill="none" stroke="${a}" stroke-width="6"/>`);
      break;
    case 'dots':
      for (let y = 6; y < 100; y += 14) for (let x = Math.floor(left / 14) * 14 + 6; x < left + width; x += 14) shapes.push(`<circle cx="${x}" cy="${y}" r="4" fill="${a}"/>`);
      break;
    case 'sun':
      shapes.push(`<circle cx="${left + 12}" cy="10" r="30" fill="${a}"/>`);
      break;
    case 'checker':
      for (let y = 0; y < 100; y += 20) for (let x = Math.floor(left / 20) * 20; x < left + width; x += 20) if (((x + y) / 20) % 2 === 0) shapes.push(`<rect x="${x}" y="${y}" width="20" height="20" fill="${a}"/>`);
      break;
    case 'gradient':
      return `<defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.background}"/><stop offset="1" stop-color="${a}"/></linearGradient></defs>
        <rect x="${left}" y="0" width="${width}" height="100" fill="url(#bg)"/>`;
    default:
      throw new Error(`Unknown backdrop '${p.backdrop}'`);
  }
  return base + shapes.join('');
}

/** Head and shoulders, drawn back to front. @param {PortraitSpec} p @returns {string} */
function figureSvg(p) {
  const cx = 50 + p.headX;
  const cy = 40;
  const rx = 16 * p.headScale;
  const ry = 20 * p.headScale;
  const has = (/** @type {Accessory} */ a) => p.accessories.includes(a);
  const parts = [];

  if (p.hairStyle === 'long') parts.push(`<path d="M${cx - rx * 1.25} ${cy - ry * 0.3} Q${cx} ${cy - ry * 1.5} ${cx + rx * 1.25} ${cy - ry * 0.3} L${cx + rx * 1.4} ${cy + ry * 1.5} L${cx - rx * 1.4} ${cy + ry * 1.5} Z" fill="${p.hair}"/>`);
  if (p.hairStyle === 'ponytail') parts.push(`<ellipse cx="${cx + rx * 1.1}" cy="${cy + ry * 0.3}" rx="${rx * 0.4}" ry="${ry * 0.8}" fill="${p.hair}"/>`);
  if (p.hairStyle === 'bun') parts.push(`<circle cx="${cx}" cy="${cy - ry * 1.05}" r="${rx * 0.5}" fill="${p.hair}"/>`);

  // Shoulders and neck.
  parts.push(`<path d="M${cx - 44} 101 Q${cx - 42} 72 ${cx} 70 Q${cx + 42} 72 ${cx + 44} 101 Z" fill="${p.shirt}"/>`);
  parts.push(`<rect x="${cx - 6}" y="${cy + ry - 6}" width="12" height="${76 - cy - ry}" fill="${p.skin}"/>`);
  if (p.collar === 'vneck') parts.push(`<path d="M${cx - 8} 71 L${cx} 84 L${cx + 8} 71 Z" fill="${p.skin}"/>`);
  if (p.collar === 'tie') parts.push(`<path d="M${cx - 2.5} 71 L${cx + 2.5} 71 L${cx + 3.5} 92 L${cx} 96 L${cx - 3.5} 92 Z" fill="${p.accent}"/>`);

  // Head, then hair over it.
  parts.push(`<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="${p.skin}"/>`);
  parts.push(hairSvg(p, cx, cy, rx, ry));

  // Face.
  const eyeY = cy - ry * 0.05;
  const eyeDx = rx * 0.4;
  parts.push(`<circle cx="${cx - eyeDx}" cy="${eyeY}" r="1.6" fill="#1f2937"/><circle cx="${cx + eyeDx}" cy="${eyeY}" r="1.6" fill="#1f2937"/>`);
  if (has('beard')) parts.push(`<path d="M${cx - rx * 0.95} ${cy + ry * 0.1} Q${cx} ${cy + ry * 1.45} ${cx + rx * 0.95} ${cy + ry * 0.1} Q${cx} ${cy + ry * 0.65} ${cx - rx * 0.95} ${cy + ry * 0.1} Z" fill="${p.hair}"/>`);
  parts.push(`<path d="M${cx - rx * 0.3} ${cy + ry * 0.45} Q${cx} ${cy + ry * 0.62} ${cx + rx * 0.3} ${cy + ry * 0.45}" fill="none" stroke="#7f1d1d" stroke-width="1.4" stroke-linecap="round"/>`);
  if (has('glasses')) {
    const r = rx * 0.27;
    parts.push(`<g fill="none" stroke="#111827" stroke-width="1.3"><circle cx="${cx - eyeDx}" cy="${eyeY}" r="${r}"/><circle cx="${cx + eyeDx}" cy="${eyeY}" r="${r}"/><path d="M${cx - eyeDx + r} ${eyeY} L${cx + eyeDx - r} ${eyeY}"/></g>`);
  }
  if (has('earrings')) parts.push(`<circle cx="${cx - rx}" cy="${cy + ry * 0.25}" r="1.8" fill="${p.accent}"/><circle cx="${cx + rx}" cy="${cy + ry * 0.25}" r="1.8" fill="${p.accent}"/>`);
  if (has('hat')) parts.push(`<path d="M${cx - rx * 1.4} ${cy - ry * 0.55} L${cx + rx * 1.4} ${cy - ry * 0.55} L${cx + rx * 1.4} ${cy - ry * 0.7} L${cx + rx * 0.8} ${cy - ry * 0.7} L${cx + rx * 0.7} ${cy - ry * 1.4} L${cx - rx * 0.7} ${cy - ry * 1.4} L${cx - rx * 0.8} ${cy - ry * 0.7} L${cx - rx * 1.4} ${cy - ry * 0.7} Z" fill="${p.accent}"/>`);
  return parts.join('\n');
}

/** @param {PortraitSpec} p @param {number} cx @param {number} cy @param {number} rx @param {number} ry @returns {string} */
function hairSvg(p, cx, cy, rx, ry) {
  const cap = `<path d="M${cx - rx * 1.02} ${cy - ry * 0.15} Q${cx - rx * 1.1} ${cy - ry * 1.15} ${cx} ${cy - ry * 1.08} Q${cx + rx * 1.1} ${cy - ry * 1.15} ${cx + rx * 1.02} ${cy - ry * 0.15} Q${cx + rx * 0.6} ${cy - ry * 0.55} ${cx} ${cy - ry * 0.5} Q${cx - rx * 0.6} ${cy - ry * 0.55} ${cx - rx * 1.02} ${cy - ry * 0.15} Z" fill="${p.hair}"/>`;
  switch (p.hairStyle) {
    case 'short':
    case 'long':
    case 'bun':
    case 'ponytail':
      return cap;
    case 'bald':
      return `<path d="M${cx - rx * 1.01} ${cy + ry * 0.1} Q${cx - rx * 1.05} ${cy - ry * 0.4} ${cx - rx * 0.8} ${cy - ry * 0.5} L${cx - rx * 0.85} ${cy + ry * 0.1} Z M${cx + rx * 1.01} ${cy + ry * 0.1} Q${cx + rx * 1.05} ${cy - ry * 0.4} ${cx + rx * 0.8} ${cy - ry * 0.5} L${cx + rx * 0.85} ${cy + ry * 0.1} Z" fill="${p.hair}"/>`;
    case 'curly': {
      const curls = [];
      for (let i = 0; i <= 10; i++) {
        const angle = Math.PI * (1.05 + (0.9 * i) / 10);
        curls.push(`<circle cx="${cx + Math.cos(angle) * rx * 1.05}" cy="${cy - ry * 0.15 + Math.sin(angle) * ry * 1.0}" r="${rx * 0.32}" fill="${p.hair}"/>`);
      }
      return curls.join('');
    }
    case 'mohawk':
      return `<path d="M${cx - rx * 0.22} ${cy - ry * 0.7} L${cx - rx * 0.3} ${cy - ry * 1.55} L${cx + rx * 0.3} ${cy - ry * 1.55} L${cx + rx * 0.22} ${cy - ry * 0.7} Z" fill="${p.hair}"/>`;
    case 'spiky': {
      let d = `M${cx - rx * 1.02} ${cy - ry * 0.3}`;
      for (let i = 0; i < 6; i++) {
        const x0 = cx - rx + (2 * rx * i) / 6;
        d += ` L${x0 + rx / 6} ${cy - ry * 1.4} L${x0 + (2 * rx) / 6} ${cy - ry * 0.75}`;
      }
      return `<path d="${d} L${cx + rx * 1.02} ${cy - ry * 0.3} Q${cx} ${cy - ry * 0.6} ${cx - rx * 1.02} ${cy - ry * 0.3} Z" fill="${p.hair}"/>`;
    }
    default:
      throw new Error(`Unknown hair style '${p.hairStyle}'`);
  }
}

module.exports = { PORTRAITS, renderPortrait, renderPlaceholderSilhouette, renderLargePhoto };
