// issue 14 — performance: a quick yes for the two event shapes a long record is made of (a plain
// claim-verified and a passage-generated without grounding: 3,018 of the bench's 3,019 events), so the
// zod pass — ≈ 30–40 ms of the 500-passage record, ≈ 10 µs per event — runs only on the others. It
// only ever says "valid" for what the strict zod schema accepts: every check here is the schema's own
// (the same regular expressions, read from the zod schemas) or stricter; anything it does not know
// (optional evidence, signatures, grounding, another type, a newer minor version) goes to zod, which
// also words every refusal — so verdicts and messages are unchanged (tests/provenance/fast-validate.test.ts
// compares both on valid events and thousands of altered ones).
import { isoTime, passageIdSchema } from './schema';
import { isSha256Hex } from './hash';

type Json = Record<string, unknown>;

/** The schema's own pattern; undefined (fast path off) if a zod version stops exposing it. */
const patternOf = (schema: unknown) => (schema as { _zod?: { def?: { pattern?: unknown } } })._zod?.def?.pattern;
// Read on first use: schema.ts imports this module, so its schemas do not exist yet when this one loads.
let ISO_TIME: RegExp | undefined;
let UUID: RegExp | undefined;
let patternsRead = false;
function readPatterns(): boolean {
  if (!patternsRead) {
    patternsRead = true;
    const iso = patternOf(isoTime);
    const id = patternOf(passageIdSchema);
    if (iso instanceof RegExp && id instanceof RegExp && !iso.global && !iso.sticky && !id.global && !id.sticky) {
      ISO_TIME = iso;
      UUID = id;
    }
  }
  return ISO_TIME !== undefined;
}
const FINGERPRINT = /^[0-9a-f]{16}$/;
const CLAIM_ID = /^[A-Za-z0-9_-]{1,64}$/;
const ACTOR = /^[^\u0000-\u001f\u007f]+$/;
const ENVELOPE_KEYS = ['seq', 'type', 'at', 'actor', 'prev', 'hash', 'data'];
const CLAIM_VERIFIED_KEYS = ['passageId', 'claimId', 'claimText', 'claimTextHash', 'source'];
const CLAIM_KEYS = ['claimId', 'kind', 'subtype', 'text', 'value', 'start', 'end'];
const GENERATED_REQUIRED = ['passageId', 'origin', 'purpose', 'originalText', 'originalHash', 'fingerprint', 'claims', 'level'];
const GENERATED_OPTIONAL = new Set(['provider', 'tool', 'model', 'prompt', 'sources', 'redactions', 'timings']);
const PURPOSES = new Set(['draft', 'summarize', 'translate', 'outline', 'proofread', 'analyze']);
const TIERS = new Set(['public', 'external-contracted', 'internal', 'licensed-secret']);

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
const text = (v: unknown, min: number, max: number): v is string => typeof v === 'string' && v.length >= min && v.length <= max;
const count = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const hex64 = (v: unknown) => typeof v === 'string' && isSha256Hex(v);
const uuid = (v: unknown) => typeof v === 'string' && UUID!.test(v);

/** Exactly these keys (all present), in any order. */
function hasExactly(value: Json, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((k) => Object.prototype.hasOwnProperty.call(value, k));
}

/** True only when the strict event schema accepts `event` (false: ask zod). */
export function quicklyValid(event: unknown): boolean {
  if (!readPatterns() || !isObject(event) || !hasExactly(event, ENVELOPE_KEYS)) return false;
  const { seq, at, actor, prev, hash, data, type } = event;
  if (!count(seq) || typeof at !== 'string' || !ISO_TIME!.test(at) || !text(actor, 1, 200) || !ACTOR.test(actor) || !hex64(prev) || !hex64(hash)) return false;
  if (!isObject(data)) return false;
  if (type === 'claim-verified') return claimVerified(data);
  if (type === 'passage-generated') return passageGenerated(data);
  return false;
}

function claimVerified(d: Json): boolean {
  return hasExactly(d, CLAIM_VERIFIED_KEYS) && uuid(d.passageId) && typeof d.claimId === 'string' && CLAIM_ID.test(d.claimId) && text(d.claimText, 1, 2_000) && hex64(d.claimTextHash) && text(d.source, 1, 2_000);
}

function passageGenerated(d: Json): boolean {
  let keys = 0;
  for (const key of GENERATED_REQUIRED) if (Object.prototype.hasOwnProperty.call(d, key)) keys++;
  if (keys !== GENERATED_REQUIRED.length) return false;
  for (const key of Object.keys(d)) if (!GENERATED_REQUIRED.includes(key) && !GENERATED_OPTIONAL.has(key)) return false;
  if (!uuid(d.passageId) || (d.origin !== 'generated' && d.origin !== 'declared') || !PURPOSES.has(d.purpose as string)) return false;
  if (!text(d.originalText, 1, 200_000) || !hex64(d.originalHash) || typeof d.fingerprint !== 'string' || !FINGERPRINT.test(d.fingerprint)) return false;
  if (d.level !== 1 && d.level !== 2 && d.level !== 3 && d.level !== 4) return false;
  if (d.provider !== undefined && !provider(d.provider)) return false;
  if (d.tool !== undefined && !text(d.tool, 1, 500)) return false;
  if (d.model !== undefined && !text(d.model, 1, 200)) return false;
  if (d.prompt !== undefined && !text(d.prompt, 0, 50_000)) return false;
  if (d.sources !== undefined && !(Array.isArray(d.sources) && d.sources.length <= 1_000 && d.sources.every(source))) return false;
  if (d.redactions !== undefined && !redactions(d.redactions)) return false;
  if (d.timings !== undefined && !timings(d.timings)) return false;
  // The schema's superRefine: who produced it is named.
  if (d.origin === 'generated' ? d.provider === undefined : d.tool === undefined) return false;
  return claims(d.claims, d.originalText);
}

function provider(p: unknown): boolean {
  return isObject(p) && hasExactly(p, ['id', 'name', 'tier', 'endpointHost']) && text(p.id, 1, 100) && text(p.name, 1, 500) && TIERS.has(p.tier as string) && text(p.endpointHost, 1, 253);
}

function source(s: unknown): boolean {
  return isObject(s) && hasExactly(s, ['name', 'sha256', 'chars']) && text(s.name, 1, 500) && hex64(s.sha256) && count(s.chars);
}

function redactions(r: unknown): boolean {
  if (!isObject(r)) return false;
  for (const key of Object.keys(r)) if (key.length < 1 || key.length > 64 || !count(r[key])) return false;
  return true;
}

function timings(t: unknown): boolean {
  if (!isObject(t)) return false;
  const keys = Object.keys(t);
  if (!keys.every((k) => k === 'startedAt' || k === 'firstTokenMs' || k === 'totalMs') || !('startedAt' in t) || !('totalMs' in t)) return false;
  return typeof t.startedAt === 'string' && ISO_TIME!.test(t.startedAt) && count(t.totalMs) && (t.firstTokenMs === undefined || count(t.firstTokenMs));
}

/** The claims of a passage: each exactly the text at start..end, ids unique (the schema's refinements). */
function claims(list: unknown, passageText: string): boolean {
  if (!Array.isArray(list) || list.length > 5_000) return false;
  const seen = new Set<string>();
  for (const c of list) {
    if (!isObject(c) || !hasExactly(c, CLAIM_KEYS)) return false;
    if (typeof c.claimId !== 'string' || !CLAIM_ID.test(c.claimId) || seen.has(c.claimId)) return false;
    seen.add(c.claimId);
    if ((c.kind !== 'figure' && c.kind !== 'citation') || !text(c.subtype, 0, 64) || !text(c.text, 1, 2_000) || !text(c.value, 0, 2_000)) return false;
    if (!count(c.start) || !count(c.end) || c.end < c.start || c.end - c.start !== c.text.length || passageText.slice(c.start, c.end) !== c.text) return false;
  }
  return true;
}
