/**
 * Draws the ONLYOFFICE plugin's toolbar icons (a page with an AI passage marked in its margin) at
 * the scales the editor asks for (icon.png, icon@1.25x … icon@2x.png, 20 px at 1x) for light and
 * dark themes, into src/onlyoffice/resources/. Run once when the design changes:
 *   npx tsx scripts/onlyoffice-icons.ts
 * PNG encoding with fflate's zlib (no image library needed).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zlibSync } from 'fflate';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ICON_SCALES: [suffix: string, scale: number][] = [['', 1], ['@1.25x', 1.25], ['@1.5x', 1.5], ['@1.75x', 1.75], ['@2x', 2]];
const BASE = 20;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const raw = new Uint8Array(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  const parts = [new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', zlibSync(raw)), chunk('IEND', new Uint8Array())];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The glyph on a 20-unit grid: page outline, text lines, and the passage bar in the AI colour. */
function drawIcon(size: number, ink: [number, number, number]): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const u = size / BASE;
  const fill = (x0: number, y0: number, x1: number, y1: number, rgb: [number, number, number]) => {
    for (let y = Math.round(y0 * u); y < Math.round(y1 * u); y++) {
      for (let x = Math.round(x0 * u); x < Math.round(x1 * u); x++) px.set([...rgb, 255], (y * size + x) * 4);
    }
  };
  const t = Math.max(1, Math.round(u)) / u; // at least one pixel wide
  fill(4, 2, 16, 2 + t, ink);
  fill(4, 18 - t, 16, 18, ink);
  fill(4, 2, 4 + t, 18, ink);
  fill(16 - t, 2, 16, 18, ink);
  for (const y of [6, 9, 12, 15]) fill(8, y, 14, y + t, ink);
  fill(6, 8, 7, 14, [0xff, 0xa0, 0x00]);
  return px;
}

export function iconFiles(): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const [theme, ink] of [['light', [0x44, 0x44, 0x44]], ['dark', [0xe8, 0xe8, 0xe8]]] as const) {
    for (const [suffix, scale] of ICON_SCALES) {
      const size = Math.round(BASE * scale);
      files[`resources/${theme}/icon${suffix}.png`] = encodePng(size, size, drawIcon(size, [...ink]));
    }
  }
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [name, bytes] of Object.entries(iconFiles())) {
    const target = path.join(ROOT, 'src', 'onlyoffice', name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
}
