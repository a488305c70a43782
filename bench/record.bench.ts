// Record budget (docs/ARCHITECTURE.md, issue 14): 500 realistic passages (600–900 Vietnamese
// characters, ~5 claims each, one verification per claim) must fit in ≤ 1 MB of XML, and decoding it
// plus checking the chain — decodeAndVerifyRecord, what loadRecord runs on every document opened —
// must take ≤ 50 ms (median of several runs, after one warm-up run), printed against a floor
// measured in the same run: base64 + inflate + UTF-8 + JSON.parse of the events, which any reader does.
import { loadavg } from 'node:os';
import { canonicalJsonBytesOfEach } from '../src/provenance/canonical';
import { canonicalEventForm, verifyChain } from '../src/provenance/chain';
import { sha256HexEach } from '../src/provenance/hash';
import { CUSTOM_XML_PART_LIMIT_BYTES, decodeRecord, encodeRecord, utf8Length } from '../src/provenance/codec';
import { foldRecord } from '../src/provenance/fold';
import { decodeAndVerifyRecord } from '../src/provenance/read';
import { realisticRecord } from '../tests/provenance/fixtures';
import { decodeUtf8Strict, fromBase64, inflateRawExactly } from '../src/provenance/native';

const RUNS = 9;
const TIME_BUDGET_MS = 50;

function loadAverage(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function run(): Promise<void> {
  const built = performance.now();
  const record = await realisticRecord({ passages: 500, verifyAll: true });
  const buildMs = performance.now() - built;
  const state = foldRecord(record);
  const chars = state.passages.reduce((sum, p) => sum + p.originalText.length, 0);
  const xml = encodeRecord(record);
  const bytes = utf8Length(xml);
  const plainBytes = utf8Length(encodeRecord(record, { form: 'plain' }));
  console.log(
    `record: ${state.totals.passages} passages (avg ${(chars / state.totals.passages).toFixed(0)} chars), ${state.totals.claims} claims ` +
      `(avg ${(state.totals.claims / state.totals.passages).toFixed(1)}), ${state.totals.verified} verified, ${record.events.length} events; built in ${buildMs.toFixed(0)} ms`,
  );
  console.log(
    `record XML size: ${(bytes / 1024).toFixed(1)} KiB (${bytes} bytes, packed form) — budget ${CUSTOM_XML_PART_LIMIT_BYTES / 1024} KiB: ${bytes <= CUSTOM_XML_PART_LIMIT_BYTES ? 'OK' : 'OVER'}; plain form would be ${(plainBytes / 1024).toFixed(1)} KiB`,
  );

  // What loadRecord runs: decode and chain check in one step (the packed events hashed from their
  // stored bytes). Wall and CPU time of each run; CPU is what the work costs on a loaded machine.
  const totals: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const read = await decodeAndVerifyRecord(xml);
    const t1 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    if (!read.ok) throw new Error(read.message.en);
    if (!read.chain.ok) throw new Error(read.chain.reason.en);
    if (i === 0) continue; // warm-up
    totals.push(t1 - t0);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  // The two steps apart, as callers holding a record (reports) run them: decodeRecord, then
  // verifyChain over rebuilt canonical forms; and the chain + content-hash audit the reports add.
  const decodeTimes: number[] = [];
  const chainTimes: number[] = [];
  const auditTimes: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now();
    const decoded = decodeRecord(xml);
    const t1 = performance.now();
    if (!decoded.ok) throw new Error(decoded.message.en);
    const chain = await verifyChain(decoded.record, { anchor: decoded.anchor });
    const t2 = performance.now();
    if (!chain.ok) throw new Error(chain.reason.en);
    const audit = await verifyChain(decoded.record, { anchor: decoded.anchor, contentHashes: true });
    const t3 = performance.now();
    if (!audit.ok) throw new Error(audit.reason.en);
    if (i === 0) continue;
    decodeTimes.push(t1 - t0);
    chainTimes.push(t2 - t1);
    auditTimes.push(t3 - t2);
  }
  // The floor, in the same run: what any reader of the packed record must do — base64, inflate,
  // UTF-8 and JSON.parse of the events — without validating or hashing anything. CPU time too.
  const packed = /<events [^>]*bytes="(\d+)"[^>]*>([^<]*)<\/events>/.exec(xml);
  const floorTimes: number[] = [];
  const floorCpu: number[] = [];
  if (packed) {
    for (let i = 0; i <= RUNS; i++) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      JSON.parse(decodeUtf8Strict(inflateRawExactly(fromBase64(packed[2]!), Number(packed[1]))));
      const cpu = process.cpuUsage(cpu0);
      if (i > 0) {
        floorTimes.push(performance.now() - t0);
        floorCpu.push((cpu.user + cpu.system) / 1000);
      }
    }
  }
  const total = median(totals);
  const cpuTotal = median(cpuTimes);
  const verdict = (ms: number) => `${ms <= TIME_BUDGET_MS ? 'OK' : 'OVER'}`;
  if (packed) {
    const floor = median(floorTimes);
    const floorC = median(floorCpu);
    console.log(
      `record decode + chain (median of ${RUNS}): wall ${total.toFixed(1)} ms, floor ${floor.toFixed(1)} ms, ratio ${(total / floor).toFixed(2)}× — ` +
        `CPU ${cpuTotal.toFixed(1)} ms, floor ${floorC.toFixed(1)} ms, ratio ${(cpuTotal / floorC).toFixed(2)}× — budget ${TIME_BUDGET_MS} ms: wall ${verdict(total)}, CPU ${verdict(cpuTotal)}`,
    );
  } else {
    console.log(`record decode + chain (median of ${RUNS}): wall ${total.toFixed(1)} ms, CPU ${cpuTotal.toFixed(1)} ms — budget ${TIME_BUDGET_MS} ms: wall ${verdict(total)}, CPU ${verdict(cpuTotal)}`);
  }
  console.log(
    `record decodeRecord then verifyChain (rebuilt canonical forms): ${(median(decodeTimes) + median(chainTimes)).toFixed(1)} ms ` +
      `(decode ${median(decodeTimes).toFixed(1)} ms, chain ${median(chainTimes).toFixed(1)} ms); chain + content-hash audit as reports run it: ${median(auditTimes).toFixed(1)} ms`,
  );
  console.log(`record load average ${loadAverage()}`);
  // The chain check's two parts on their own: producing every event's canonical bytes, and one
  // WebCrypto digest per event (bound by the number of calls, ~10 µs each in Node 20, not by bytes).
  const formTimes: number[] = [];
  const digestTimes: number[] = [];
  const hashedFields = record.events.map((event) => JSON.parse(canonicalEventForm(event)) as unknown);
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now();
    const forms = canonicalJsonBytesOfEach(hashedFields) as Uint8Array[];
    const t1 = performance.now();
    await sha256HexEach(forms);
    const t2 = performance.now();
    if (i === 0) continue;
    formTimes.push(t1 - t0);
    digestTimes.push(t2 - t1);
  }
  console.log(
    `record chain check parts (median): canonical bytes of ${record.events.length} events ${median(formTimes).toFixed(1)} ms, ` +
      `${record.events.length} SHA-256 digests ${median(digestTimes).toFixed(1)} ms (${((median(digestTimes) * 1000) / record.events.length).toFixed(1)} µs each)`,
  );
  const foldStart = performance.now();
  foldRecord(record);
  console.log(`record fold: ${(performance.now() - foldStart).toFixed(1)} ms`);
}
