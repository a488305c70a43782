// issue 9 — registry: where the registry sits in a production build of the pane. Used by the test
// (tests/browser/registry-chunk.test.ts) and by `npm run bench -- registry`.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Strings found only in the core registry's data (src/checks/registry/core.ts: the sources named per row). */
export const REGISTRY_DATA_MARKERS = ['DAIKOOH12/bot_rasa', 'NLP-TraCuuPhapDienVN', '351/2017/UBTVQH14'];

export interface RegistryChunkReport {
  /** The scripts taskpane.html loads up front. */
  firstPaint: Array<{ file: string; bytes: number; registryData: boolean }>;
  /** The lazy chunk holding the core registry (undefined when the build has none). */
  chunk?: { file: string; bytes: number; gzip: number; registryData: boolean };
}

export function registryChunkReport(dist: string): RegistryChunkReport {
  const html = readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
  // The minified page may leave attribute values unquoted (src=taskpane.1a2b3c4d.js).
  const scripts = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+\.js)"|([^\s>"]+\.js))/g)].map((m) => (m[1] ?? m[2])!).filter((src) => !/office(?:-js)?\/|office\.js$/.test(src) && !/^https?:/.test(src));
  const holds = (text: string) => REGISTRY_DATA_MARKERS.every((m) => text.includes(m));
  const firstPaint = scripts.map((src) => {
    const text = readFileSync(path.join(dist, src), 'utf8');
    return { file: src, bytes: Buffer.byteLength(text), registryData: REGISTRY_DATA_MARKERS.some((m) => text.includes(m)) };
  });
  const name = readdirSync(dist).find((f) => /^registry(?:\.[0-9a-f]{8})?\.js$/.test(f));
  if (!name) return { firstPaint };
  const bytes = readFileSync(path.join(dist, name));
  return { firstPaint, chunk: { file: name, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, registryData: holds(bytes.toString('utf8')) } };
}
