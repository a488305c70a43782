/**
 * A guarded ZIP reader and a raw-copying ZIP writer for OPC packages.
 *
 * Why not plain `unzipSync`: a .docx comes from outside, so sizes are checked against the central
 * directory *before* anything is inflated, inflation stops as soon as an entry produces more than it
 * declared (a lying header), and every entry's CRC is verified. Untouched entries are written back
 * with their original compressed bytes, so parts we did not change stay exactly as they were.
 */
import { Inflate, deflateSync } from 'fflate';
import { docxErrors } from './errors';

export interface ZipLimits {
  /** Largest uncompressed size of one entry. */
  maxPartBytes: number;
  /** Largest uncompressed size of all entries together. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio for an entry bigger than `ratioAppliesAbove`. */
  maxCompressionRatio: number;
  ratioAppliesAbove: number;
  maxEntries: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxPartBytes: 64 * MiB,
  maxTotalBytes: 256 * MiB,
  maxCompressionRatio: 200,
  ratioAppliesAbove: 1 * MiB,
  maxEntries: 10_000,
};

export interface ZipEntry {
  name: string;
  /** The name exactly as stored, so it is written back unchanged. */
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  modTime: number;
  modDate: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** The entry's compressed bytes (a view into the original file). */
  raw: Uint8Array;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_UTF8 = 0x0800;

const u16 = (b: Uint8Array, o: number): number => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number): number => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number): number => u32(b, o) + u32(b, o + 4) * 0x1_0000_0000;

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (u32(bytes, at) === SIG_EOCD) return at;
  }
  return -1;
}

function looksLikeZipStart(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

/** Reads the central directory and checks every declared size against `limits`. Inflates nothing. */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const eocd = bytes.length >= 22 ? findEndOfCentralDirectory(bytes) : -1;
  if (eocd < 0) {
    if (looksLikeZipStart(bytes)) throw docxErrors.corruptZip('end of central directory not found — truncated file?');
    throw docxErrors.notZip();
  }
  let count = u16(bytes, eocd + 10);
  let cdOffset = u32(bytes, eocd + 16);
  const locator = eocd - 20;
  if (locator >= 0 && u32(bytes, locator) === SIG_ZIP64_LOCATOR) {
    const z64 = u64(bytes, locator + 8);
    if (z64 + 56 > bytes.length || u32(bytes, z64) !== SIG_ZIP64_EOCD) throw docxErrors.corruptZip('bad ZIP64 directory');
    count = u64(bytes, z64 + 32);
    cdOffset = u64(bytes, z64 + 48);
  }
  if (count > limits.maxEntries) throw docxErrors.tooLarge(`${count} entries, limit ${limits.maxEntries}`);

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== SIG_CENTRAL) throw docxErrors.corruptZip('central directory damaged');
    const header = at;
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    let compressedSize = u32(bytes, at + 20);
    let size = u32(bytes, at + 24);
    let localOffset = u32(bytes, at + 42);
    const nameBytes = bytes.slice(at + 46, at + 46 + nameLength);
    const name = (flags & FLAG_UTF8 ? utf8 : latin1).decode(nameBytes);
    // ZIP64: the real values sit in extra field 0x0001, in this order, for each field saturated at 0xFFFFFFFF.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(bytes, extra);
      const length = u16(bytes, extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (size === 0xffffffff) (size = u64(bytes, field)), (field += 8);
        if (compressedSize === 0xffffffff) (compressedSize = u64(bytes, field)), (field += 8);
        if (localOffset === 0xffffffff) localOffset = u64(bytes, field);
      }
      extra += 4 + length;
    }
    at = extraEnd + commentLength;

    const key = name.toLowerCase();
    if (seen.has(key)) throw docxErrors.corruptZip(`duplicate entry ${name}`, name);
    seen.add(key);
    if (flags & FLAG_ENCRYPTED) throw docxErrors.corruptZip(`entry ${name} is encrypted`, name);
    if (method !== 0 && method !== 8) throw docxErrors.corruptZip(`entry ${name} uses unsupported compression ${method}`, name);
    if (method === 0 && compressedSize !== size) throw docxErrors.corruptZip(`stored entry ${name} has inconsistent sizes`, name);
    if (size > limits.maxPartBytes) {
      throw docxErrors.tooLarge(`${name} declares ${size} bytes, limit ${limits.maxPartBytes}`, name);
    }
    total += size;
    if (total > limits.maxTotalBytes) throw docxErrors.tooLarge(`parts total more than ${limits.maxTotalBytes} bytes`, name);
    if (size > limits.ratioAppliesAbove && size / Math.max(compressedSize, 1) > limits.maxCompressionRatio) {
      throw docxErrors.tooLarge(`${name} compresses ${Math.round(size / Math.max(compressedSize, 1))}:1, limit ${limits.maxCompressionRatio}:1`, name);
    }
    if (localOffset + 30 > bytes.length || u32(bytes, localOffset) !== SIG_LOCAL) {
      throw docxErrors.corruptZip(`local header of ${name} missing`, name);
    }
    const dataStart = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataStart + compressedSize > bytes.length) throw docxErrors.corruptZip(`data of ${name} runs past the end of the file`, name);
    entries.push({
      name,
      nameBytes,
      flags,
      method,
      modTime: u16(bytes, header + 12),
      modDate: u16(bytes, header + 14),
      crc32: u32(bytes, header + 16),
      compressedSize,
      size,
      raw: bytes.subarray(dataStart, dataStart + compressedSize),
    });
  }
  return entries;
}

const INFLATE_CHUNK = 8 * 1024;

// issue 14 — performance: in Node, zlib's native inflate and CRC-32 (reached through
// process.getBuiltinModule, so nothing here imports a Node module and the browser bundle is
// unchanged) are ~10× faster than fflate's streaming inflate and the table CRC on a 1.4 MB
// document.xml. The same guards hold: output is capped at the declared size, the CRC is checked.
interface NodeZlib {
  inflateRawSync(data: Uint8Array, options: { maxOutputLength: number }): Uint8Array;
  crc32?(data: Uint8Array): number;
}
type GetBuiltinModule = (id: 'node:zlib') => NodeZlib | undefined;
const nodeZlib = (globalThis as { process?: { getBuiltinModule?: GetBuiltinModule } }).process?.getBuiltinModule?.('node:zlib');

function inflateNative(zlib: NodeZlib, entry: ZipEntry): Uint8Array {
  let out: Uint8Array;
  try {
    out = zlib.inflateRawSync(entry.raw, { maxOutputLength: Math.max(1, entry.size) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw docxErrors.tooLarge(`${entry.name} inflates beyond its declared ${entry.size} bytes`, entry.name);
    }
    throw docxErrors.corruptZip(`cannot inflate ${entry.name}: ${(error as Error).message}`, entry.name);
  }
  if (out.length > entry.size) throw docxErrors.tooLarge(`${entry.name} inflates beyond its declared ${entry.size} bytes`, entry.name);
  if (out.length !== entry.size) throw docxErrors.corruptZip(`${entry.name} is shorter than declared`, entry.name);
  return out;
}

/** Inflates one entry, refusing output beyond its declared size and checking its CRC. */
export function inflateEntry(entry: ZipEntry): Uint8Array {
  let out: Uint8Array;
  if (entry.method === 0) {
    out = entry.raw.slice();
  } else if (nodeZlib) {
    out = inflateNative(nodeZlib, entry);
  } else {
    out = new Uint8Array(entry.size);
    let written = 0;
    let overflow = false;
    const inflater = new Inflate((chunk) => {
      if (overflow) return;
      if (written + chunk.length > entry.size) {
        overflow = true;
        return;
      }
      out.set(chunk, written);
      written += chunk.length;
    });
    try {
      // Small chunks keep one push's expansion bounded, so a lying header is caught early.
      for (let at = 0; at < entry.raw.length && !overflow; at += INFLATE_CHUNK) {
        const end = Math.min(at + INFLATE_CHUNK, entry.raw.length);
        inflater.push(entry.raw.subarray(at, end), end === entry.raw.length);
      }
      if (entry.raw.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (error) {
      throw docxErrors.corruptZip(`cannot inflate ${entry.name}: ${(error as Error).message}`, entry.name);
    }
    if (overflow) throw docxErrors.tooLarge(`${entry.name} inflates beyond its declared ${entry.size} bytes`, entry.name);
    if (written !== entry.size) throw docxErrors.corruptZip(`${entry.name} is shorter than declared`, entry.name);
  }
  if (crc32(out) !== entry.crc32) throw docxErrors.corruptZip(`checksum of ${entry.name} does not match`, entry.name);
  return out;
}

let crcTable: Uint32Array | undefined;

export function crc32(data: Uint8Array): number {
  if (nodeZlib?.crc32) return nodeZlib.crc32(data) >>> 0;
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A new or changed entry: deflated now, dated 1980-01-01 as Word does. */
export function makeEntry(name: string, data: Uint8Array): ZipEntry {
  const nameBytes = new TextEncoder().encode(name);
  const raw = deflateSync(data, { level: 6 });
  return {
    name,
    nameBytes,
    flags: FLAG_UTF8,
    method: 8,
    modTime: 0,
    modDate: 0x21,
    crc32: crc32(data),
    compressedSize: raw.length,
    size: data.length,
    raw,
  };
}

/** Writes entries in the given order, copying each entry's compressed bytes as they are. */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const localSize = entries.reduce((sum, e) => sum + 30 + e.nameBytes.length + e.raw.length, 0);
  const centralSize = entries.reduce((sum, e) => sum + 46 + e.nameBytes.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  // Keep only the flags that still describe the entry (no data descriptor: sizes are in the header).
  const flagsOf = (e: ZipEntry) => e.flags & (FLAG_UTF8 | 0x0006);
  for (const e of entries) {
    offsets.push(at);
    view.setUint32(at, SIG_LOCAL, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, flagsOf(e), true);
    view.setUint16(at + 8, e.method, true);
    view.setUint16(at + 10, e.modTime, true);
    view.setUint16(at + 12, e.modDate, true);
    view.setUint32(at + 14, e.crc32, true);
    view.setUint32(at + 18, e.compressedSize, true);
    view.setUint32(at + 22, e.size, true);
    view.setUint16(at + 26, e.nameBytes.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(e.nameBytes, at + 30);
    out.set(e.raw, at + 30 + e.nameBytes.length);
    at += 30 + e.nameBytes.length + e.raw.length;
  }
  const centralStart = at;
  entries.forEach((e, i) => {
    view.setUint32(at, SIG_CENTRAL, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, flagsOf(e), true);
    view.setUint16(at + 10, e.method, true);
    view.setUint16(at + 12, e.modTime, true);
    view.setUint16(at + 14, e.modDate, true);
    view.setUint32(at + 16, e.crc32, true);
    view.setUint32(at + 20, e.compressedSize, true);
    view.setUint32(at + 24, e.size, true);
    view.setUint16(at + 28, e.nameBytes.length, true);
    // extra, comment, disk, internal attributes: zero
    view.setUint32(at + 38, 0, true);
    view.setUint32(at + 42, offsets[i]!, true);
    out.set(e.nameBytes, at + 46);
    at += 46 + e.nameBytes.length;
  });
  view.setUint32(at, SIG_EOCD, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}
