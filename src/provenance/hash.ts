// SHA-256: synchronous node:crypto where the platform has it (Node ≥ 20.16, reached through
// process.getBuiltinModule so nothing here imports a Node module and the browser bundle is unchanged),
// WebCrypto elsewhere (the browser; hence the async signatures). Measured on 3019 events of ~600 bytes
// (bench/record.bench.ts): node:crypto ≈ 4–20 ms, @noble/hashes ≈ 25–35 ms, WebCrypto awaited in
// parallel ≈ 90–180 ms (≈ 30 µs of thread-pool dispatch per call) — so Node takes the sync path and
// no library is added.

/** `prev` of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

interface NodeHash {
  update(data: string | Uint8Array): NodeHash;
  digest(encoding: 'hex'): string;
}
interface NodeCrypto {
  createHash(algorithm: 'sha256'): NodeHash;
  /** One-shot digest (Node ≥ 20.12): no Hash object per call. */
  hash?(algorithm: 'sha256', data: string | Uint8Array, encoding: 'hex'): string;
}
type GetBuiltinModule = (id: 'node:crypto') => NodeCrypto | undefined;
const nodeCrypto = (globalThis as { process?: { getBuiltinModule?: GetBuiltinModule } }).process?.getBuiltinModule?.('node:crypto');
// issue 14 — performance: crypto.hash skips the Hash object createHash builds per call; over 3,019
// event forms of ~900 bytes it measured ≈ 4 ms against ≈ 22 ms (load 12, same run).
const oneShot = nodeCrypto?.hash?.bind(nodeCrypto);

/** SHA-256 hex computed synchronously, or undefined where the platform has no synchronous hash. */
export function sha256HexSync(input: string | Uint8Array): string | undefined {
  if (oneShot) return oneShot('sha256', input, 'hex');
  return nodeCrypto?.createHash('sha256').update(input).digest('hex');
}

/** True where sha256HexSync computes (Node), false where only the async WebCrypto digest exists (browsers). */
export const hasSyncSha256 = nodeCrypto !== undefined;

export async function sha256Hex(input: string | Uint8Array): Promise<string> {
  const sync = sha256HexSync(input);
  if (sync !== undefined) return sync;
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  const view = new Uint8Array(digest);
  let hex = '';
  for (let i = 0; i < view.length; i++) hex += HEX[view[i]!];
  return hex;
}

/**
 * sha256Hex of each input, in order. WebCrypto costs about 10 µs per call in Node 20 whatever the
 * input size (job dispatch to the thread pool), so verifying thousands of events is bound by the
 * number of calls, not by bytes. All digests are started at once: a bounded number in flight
 * measured no faster and cost more CPU.
 */
export function sha256HexEach(inputs: readonly Uint8Array[]): Promise<string[]> {
  if (nodeCrypto) return Promise.resolve(inputs.map((input) => sha256HexSync(input)!));
  return Promise.all(inputs.map((input) => sha256Hex(input)));
}

/**
 * True for 64 lower-case hex digits. A loop over the characters: the record's reader asks this of
 * every event's hash several times, and /^[0-9a-f]{64}$/ measured ≈ 7 ms per 500-passage record.
 */
export function isSha256Hex(value: string): boolean {
  if (value.length !== 64) return false;
  for (let i = 0; i < 64; i++) {
    const c = value.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}
