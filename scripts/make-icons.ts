/**
 * Draws the add-in icon (a document with a folded corner and a check mark) and writes it as
 * RGBA PNGs at the sizes Office asks for. Shapes are described in a unit square and rasterised
 * with 8×8 supersampling, so edges are anti-aliased at every size, including 16 px.
 *
 *   npx tsx scripts/make-icons.ts            # writes assets/icon-{16,32,64,80,128}.png
 *   npx tsx scripts/make-icons.ts out/dir    # writes them elsewhere
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type Rgb = readonly [number, number, number];
type Point = readonly [number, number];

const PAGE_RED: Rgb = [0xa3, 0x1d, 0x24];
const FOLD_PINK: Rgb = [0xe7, 0x9b, 0x9e];
const CHECK_GOLD: Rgb = [0xf6, 0xc3, 0x3c];

// The page outline, clockwise, with the top-right corner cut off for the fold.
const PAGE: readonly Point[] = [
  [0.16, 0.05],
  [0.62, 0.05],
  [0.86, 0.29],
  [0.86, 0.95],
  [0.16, 0.95],
];
const FOLD: readonly Point[] = [
  [0.62, 0.05],
  [0.62, 0.29],
  [0.86, 0.29],
];
const CHECK: readonly Point[] = [
  [0.3, 0.6],
  [0.45, 0.75],
  [0.73, 0.43],
];
const CHECK_HALF_WIDTH = 0.065;

function insidePolygon(x: number, y: number, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distanceToSegment(x: number, y: number, a: Point, b: Point): number {
  const [ax, ay] = a;
  const [bx, by] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function onPolyline(x: number, y: number, line: readonly Point[], halfWidth: number): boolean {
  for (let i = 1; i < line.length; i++) {
    if (distanceToSegment(x, y, line[i - 1]!, line[i]!) <= halfWidth) return true;
  }
  return false;
}

/** The colour at a point of the unit square, or null where the icon is transparent. */
function colourAt(x: number, y: number): Rgb | null {
  if (onPolyline(x, y, CHECK, CHECK_HALF_WIDTH)) return CHECK_GOLD;
  if (insidePolygon(x, y, FOLD)) return FOLD_PINK;
  if (insidePolygon(x, y, PAGE)) return PAGE_RED;
  return null;
}

/** RGBA pixels (straight alpha), row-major. */
export function renderIcon(size: number, samplesPerAxis = 8): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const sampleCount = samplesPerAxis * samplesPerAxis;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < samplesPerAxis; sy++) {
        for (let sx = 0; sx < samplesPerAxis; sx++) {
          const colour = colourAt((px + (sx + 0.5) / samplesPerAxis) / size, (py + (sy + 0.5) / samplesPerAxis) / size);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const offset = (py * size + px) * 4;
      if (covered > 0) {
        pixels[offset] = Math.round(r / covered);
        pixels[offset + 1] = Math.round(g / covered);
        pixels[offset + 2] = Math.round(b / covered);
        pixels[offset + 3] = Math.round((covered / sampleCount) * 255);
      }
    }
  }
  return pixels;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  typeAndData.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndData), 8 + data.length);
  return out;
}

/** Encodes square RGBA pixels as a PNG (8-bit, colour type 6, no filtering). */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  // bytes 10-12: deflate compression, adaptive filtering, no interlace (all 0)
  const rowLength = size * 4;
  const scanlines = Buffer.alloc(size * (rowLength + 1));
  for (let y = 0; y < size; y++) {
    scanlines[y * (rowLength + 1)] = 0; // filter type "None"
    scanlines.set(rgba.subarray(y * rowLength, (y + 1) * rowLength), y * (rowLength + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

export function writeIcons(outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const file = join(outDir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, renderIcon(size)));
    return file;
  });
}

if (import.meta.url === `file://${process.argv[1] ? resolve(process.argv[1]) : ''}`) {
  const outDir = resolve(process.argv[2] ?? 'assets');
  for (const file of writeIcons(outDir)) console.log(`wrote ${file}`);
}
