/**
 * Draws the add-in's icons (assets/icon-<size>.png) so they can be re-made at any size: a ring
 * whose gold arc is the share of spend that stays in the place, around a location pin.
 * Run with `npx tsx scripts/make-icons.ts`; the PNGs are committed.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

const SIZES = [16, 32, 64, 80, 128];
const SUPERSAMPLE = 4;

type RGBA = [number, number, number, number];
const BACKGROUND: RGBA = [23, 98, 79, 255];
const GOLD: RGBA = [242, 193, 78, 255];
const PALE: RGBA = [255, 255, 255, 110];
const WHITE: RGBA = [255, 255, 255, 255];

/** The colour of the design at a point of the unit square, or null outside the icon. */
function shade(x: number, y: number, size: number): RGBA | null {
  const radius = 0.2;
  const inset = 0.02;
  const cx = Math.min(Math.max(x, radius + inset), 1 - radius - inset);
  const cy = Math.min(Math.max(y, radius + inset), 1 - radius - inset);
  if (Math.hypot(x - cx, y - cy) > radius) return null;

  let colour = BACKGROUND;
  const dx = x - 0.5;
  const dy = y - 0.5;
  const r = Math.hypot(dx, dy);
  // Thicker ring at small sizes so it survives 16 px.
  const outer = 0.37;
  const inner = size <= 16 ? 0.2 : 0.26;
  if (r <= outer && r >= inner) {
    const angle = (Math.atan2(dx, -dy) + 2 * Math.PI) % (2 * Math.PI);
    colour = angle <= (2 * Math.PI * 7) / 10 ? GOLD : blend(BACKGROUND, PALE);
  }
  if (size > 16) {
    // A location pin in the middle: a round head tapering to a point.
    const head = { x: 0.5, y: 0.455, r: 0.105 };
    const tipY = 0.64;
    const inHead = Math.hypot(x - head.x, y - head.y) <= head.r;
    const t = (y - head.y) / (tipY - head.y);
    const inTail = t >= 0 && t <= 1 && Math.abs(x - head.x) <= head.r * 0.86 * (1 - t);
    if (inHead || inTail) colour = WHITE;
    if (Math.hypot(x - head.x, y - head.y) <= head.r * 0.42) colour = BACKGROUND;
  } else if (r < 0.1) {
    colour = WHITE;
  }
  return colour;
}

function blend(under: RGBA, over: RGBA): RGBA {
  const a = over[3] / 255;
  return [0, 1, 2].map((i) => Math.round(over[i] * a + under[i] * (1 - a))).concat(255) as RGBA;
}

function render(size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const colour = shade((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size, size);
          if (!colour) continue;
          for (let i = 0; i < 3; i++) sum[i] += colour[i] * colour[3];
          sum[3] += colour[3];
        }
      }
      const o = (py * size + px) * 4;
      const samples = SUPERSAMPLE * SUPERSAMPLE;
      for (let i = 0; i < 3; i++) pixels[o + i] = sum[3] ? Math.round(sum[i] / sum[3]) : 0;
      pixels[o + 3] = Math.round(sum[3] / samples);
    }
  }
  return encodePng(size, size, pixels);
}

function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const assets = path.join(__dirname, '..', 'assets');
fs.mkdirSync(assets, { recursive: true });
for (const size of SIZES) {
  fs.writeFileSync(path.join(assets, `icon-${size}.png`), render(size));
}
console.log(`wrote ${SIZES.map((s) => `icon-${s}.png`).join(', ')} to assets/`);
