// issue 14 — performance: reading a record and checking its chain in one step. The chain check then
// hashes each packed event's stored bytes (decodeRecordForms) instead of rebuilding its canonical form;
// the record is checked before any caller holds it, so nothing can change an event in between (which
// is why verifyChain, given a record the caller may have changed, always rebuilds the forms).
import type { ChainResult, VerifyOptions } from './chain';
import { verifyChainWithForms } from './chain';
import { decodeRecordForms, type DecodeResult } from './codec';

export type DecodedAndVerified =
  | Extract<DecodeResult, { ok: false }>
  | (Extract<DecodeResult, { ok: true }> & { chain: ChainResult });

/** decodeRecord, then verifyChain with the record's own anchor: same results, same messages. */
export async function decodeAndVerifyRecord(xml: string, options: Omit<VerifyOptions, 'anchor'> = {}): Promise<DecodedAndVerified> {
  const { result, candidates } = decodeRecordForms(xml);
  if (!result.ok) return result;
  const chain = await verifyChainWithForms(result.record, { ...options, ...(result.anchor ? { anchor: result.anchor } : {}) }, candidates);
  return { ...result, chain };
}
