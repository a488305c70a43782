// Issue 11: signing and verifying the events a person answers for, on the record budget's record
// (500 realistic passages, one verification per claim: ~3,000 events). Each figure is printed with
// its ratio to a floor measured in the same run: the chain check of the same record (one SHA-256
// per event), which the signatures add to. Also the record's size with every verification signed.
import { verifyChain } from '../src/provenance/chain';
import { CUSTOM_XML_PART_LIMIT_BYTES, decodeRecord, encodeRecord, utf8Length } from '../src/provenance/codec';
import { computeEventHash } from '../src/provenance/chain';
import { GENESIS_HASH } from '../src/provenance/hash';
import type { ProvenanceEvent, ProvenanceRecord } from '../src/provenance/schema';
import { SIGNED_EVENT_TYPES, generateSigningKeyPair, signEvent, signerFromKeys, signingBytes, spkiBase64 } from '../src/provenance/signature';
import { checkSignatures } from '../src/provenance/trust';
import { realisticRecord } from '../tests/provenance/fixtures';

const RUNS = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
/** CPU time of this process (all threads: WebCrypto runs on the thread pool), in ms — steadier than wall time on a loaded machine. */
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

export async function run(): Promise<void> {
  const record = await realisticRecord({ passages: 500, verifyAll: true });
  const keys = await generateSigningKeyPair();
  const signer = await signerFromKeys(keys);
  const trusted = [{ name: record.events[0]!.actor, unit: 'bench', publicKey: await spkiBase64(keys.publicKey) }];

  // Sign every signable event (as the person would, one by one), then re-chain.
  const t0 = performance.now();
  const events: ProvenanceEvent[] = [];
  let prev = GENESIS_HASH;
  let signedCount = 0;
  for (const original of record.events) {
    const event = { ...original, prev, actor: trusted[0]!.name };
    if (SIGNED_EVENT_TYPES.has(event.type)) {
      event.data = { ...(event.data as object), sig: await signEvent(event, signer) };
      signedCount++;
    }
    event.hash = await computeEventHash(event);
    events.push(event);
    prev = event.hash;
  }
  const signMs = performance.now() - t0;
  const signed: ProvenanceRecord = { ...record, schemaVersion: '1.1', events };

  const floorTimes: number[] = [];
  const verifyTimes: number[] = [];
  const floorCpu: number[] = [];
  const verifyCpu: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const a = performance.now();
    const ca = process.cpuUsage();
    const chain = await verifyChain(signed);
    const b = performance.now();
    const cb = process.cpuUsage();
    const report = await checkSignatures(signed, trusted);
    const c = performance.now();
    const verifyCpuMs = cpuMs(cb);
    if (!chain.ok || report.counts.trusted !== signedCount) throw new Error('bench record did not verify');
    if (i === 0) continue;
    floorTimes.push(b - a);
    verifyTimes.push(c - b);
    floorCpu.push(cpuMs(ca) - verifyCpuMs);
    verifyCpu.push(verifyCpuMs);
  }
  const floor = median(floorTimes);
  const verify = median(verifyTimes);
  // A second floor: the bare WebCrypto verifications alone (same key, same bytes, all at once), so the
  // figure says how much of checkSignatures is the cryptography itself and how much our own work.
  const toVerify = signed.events.filter((e) => SIGNED_EVENT_TYPES.has(e.type)).map((e) => {
    const value = (e.data as { sig: { value: string } }).sig.value.replace(/-/g, '+').replace(/_/g, '/');
    return { bytes: signingBytes(e), sig: Uint8Array.from(atob(value.padEnd(Math.ceil(value.length / 4) * 4, '=')), (ch) => ch.charCodeAt(0)) };
  });
  const rawTimes: number[] = [];
  const rawCpu: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const a = performance.now();
    const ca = process.cpuUsage();
    const ok = await Promise.all(toVerify.map((v) => crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, keys.publicKey, v.sig, v.bytes as Uint8Array<ArrayBuffer>)));
    if (!ok.every(Boolean)) throw new Error('raw verify failed');
    if (i > 0) {
      rawTimes.push(performance.now() - a);
      rawCpu.push(cpuMs(ca));
    }
  }
  const raw = median(rawTimes);
  const before = utf8Length(encodeRecord(record));
  const after = utf8Length(encodeRecord(signed));
  if (!decodeRecord(encodeRecord(signed)).ok) throw new Error('signed record does not decode');
  console.log(`signatures: ${record.events.length} events, ${signedCount} signed (ES256, P-256)`);
  console.log(`signatures sign ${signedCount} events: ${signMs.toFixed(0)} ms (${((signMs * 1000) / signedCount).toFixed(0)} µs each, re-chaining included) — ${(signMs / floor).toFixed(1)}× the chain check floor (${floor.toFixed(1)} ms)`);
  console.log(`signatures verify ${signedCount} signatures against the trust list (median of ${RUNS}): ${verify.toFixed(1)} ms — ${(verify / floor).toFixed(1)}× the chain check floor`);
  console.log(`signatures bare WebCrypto verify of the same ${signedCount} signatures (floor 2): ${raw.toFixed(1)} ms — checkSignatures is ${(verify / raw).toFixed(2)}× this floor`);
  const [fc, vc, rc] = [median(floorCpu), median(verifyCpu), median(rawCpu)];
  console.log(
    `signatures CPU time (all threads, median of ${RUNS}): chain check floor ${fc.toFixed(0)} ms, checkSignatures ${vc.toFixed(0)} ms = ${(vc / fc).toFixed(1)}× the chain check, ${(vc / rc).toFixed(2)}× the bare WebCrypto verify (${rc.toFixed(0)} ms)`,
  );
  console.log(
    `signatures record budget (DESIGN.md: parse + chain check ≤ 100 ms on this record): chain ${floor.toFixed(1)} ms + signatures ${verify.toFixed(1)} ms = ${(floor + verify).toFixed(0)} ms — ${floor + verify <= 100 ? 'within' : 'OVER (only when a trust list is given; without one no signature is verified)'}`,
  );
  console.log(
    `signatures record size: ${(before / 1024).toFixed(1)} KiB unsigned → ${(after / 1024).toFixed(1)} KiB signed (+${((after - before) / signedCount).toFixed(0)} bytes per signature) — budget ${CUSTOM_XML_PART_LIMIT_BYTES / 1024} KiB: ${after <= CUSTOM_XML_PART_LIMIT_BYTES ? 'OK' : 'OVER'}`,
  );
}
