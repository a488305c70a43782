// The record and its events as zod schemas. Types are inferred from the strict schemas (what this
// version writes); the loose variants read records of a newer minor version, whose known events may
// carry fields we do not know yet (kept untouched, since they are covered by the hash).
import { z } from 'zod';
import { quicklyValid } from './fast-validate';

// 1.1 (issue 11): optional `sig` on claim-verified, claim-rejected, disclosure-inserted and signed-off,
// optional `textDigest` on signed-off. A 1.0 reader reads 1.1 records (loose) and refuses to append.
// issue 10 — evidence: 1.2 adds optional `evidence`, `note` and `grounding` on claim-verified and
// optional `grounding` on passage-generated. Older records read as before (no evidence recorded).
// issue 9 — level: 1.3 adds optional `setAside` on level-declared (a person confirms the document is
// published, setting topic-suggested levels aside). A 1.2 reader keeps the declared level and ignores
// the field, so it still applies the topic suggestion (fail closed).
// issue 17 — tamper: 1.3 adds optional `documentId` on record-created (the root's documentId, now under
// the first event's hash). Records begun before 1.3 lack it: readable, their documentId is not covered.
export const SCHEMA_VERSION = '1.3';
export const SCHEMA_MAJOR = 1;
export const SCHEMA_MINOR = 3;

export const PURPOSES = ['draft', 'summarize', 'translate', 'outline', 'proofread', 'analyze'] as const;
export const PROVIDER_TIERS = ['public', 'external-contracted', 'internal', 'licensed-secret'] as const;
export const CLAIM_KINDS = ['figure', 'citation'] as const;
// issue 10 — evidence
/** What the grounding found for a claim: the same value in a source, another value where the source speaks of it, or nothing. */
export const GROUNDING_RESULTS = ['found', 'partial', 'contradicted', 'not-found', 'not-checked'] as const;
/** Kinds of evidence behind a verification; `manual` is the weaker kind (no document to compare with). */
export const EVIDENCE_KINDS = ['registry', 'document', 'excerpt', 'manual'] as const;
// issue 9 — level: the level suggestions a person may set aside (evidence never can be).
export const SET_ASIDE_SUGGESTIONS = ['topic'] as const;

export const KNOWN_EVENT_TYPES = [
  'record-created',
  'level-declared',
  'passage-generated',
  'passage-edited',
  'passage-rebound',
  'passage-removed',
  'claim-verified',
  'claim-rejected',
  'disclosure-inserted',
  'signed-off',
] as const;
export type KnownEventType = (typeof KNOWN_EVENT_TYPES)[number];
const knownTypeSet: ReadonlySet<string> = new Set(KNOWN_EVENT_TYPES);
export function isKnownEventType(type: string): type is KnownEventType {
  return knownTypeSet.has(type);
}

// Shared leaves.
const MAX_TEXT = 200_000; // one passage; far above any real one, bounds a hostile record
export const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'expected lower-case hex SHA-256');
export const isoTime = z.iso.datetime({ offset: true });
/** A person's display name or "system". No control characters: it is written as an XML attribute. */
export const actorName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'no control characters');
const passageId = z.uuid();
/** The passage id's schema, whose pattern fast-validate.ts reuses. */
export const passageIdSchema = passageId;
const claimId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, "-" or "_" (1–64)');
const shortText = z.string().min(1).max(500);
const count = z.int().nonnegative();
const level = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

type ObjectMode = 'strict' | 'loose';

function buildSchemas(mode: ObjectMode) {
  const obj = mode === 'strict' ? z.strictObject : z.looseObject;

  const claim = obj({
    claimId,
    kind: z.enum(CLAIM_KINDS),
    subtype: z.string().max(64),
    text: z.string().min(1).max(2_000),
    value: z.string().max(2_000),
    start: count,
    end: count,
  }).refine((c) => c.end >= c.start && c.end - c.start === c.text.length, {
    message: 'end − start must equal the length of text',
  });

  /** Claims must be exactly the text they point at, with unique ids. */
  const claimsOf = (text: string, claims: readonly z.infer<typeof claim>[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    claims.forEach((c, index) => {
      if (seen.has(c.claimId)) {
        ctx.addIssue({ code: 'custom', path: ['claims', index, 'claimId'], message: 'duplicate claimId' });
      }
      seen.add(c.claimId);
      if (text.slice(c.start, c.end) !== c.text) {
        ctx.addIssue({ code: 'custom', path: ['claims', index, 'text'], message: 'claim text is not the passage text at start..end' });
      }
    });
  };

  const provider = obj({
    id: z.string().min(1).max(100),
    name: shortText,
    tier: z.enum(PROVIDER_TIERS),
    endpointHost: z.string().min(1).max(253),
  });

  const source = obj({ name: shortText, sha256: hex64, chars: count });

  // --- issue 10 — evidence ---
  /** Where a value was located in a source text: offsets into that text and the words around it. */
  const located = obj({ start: count, end: count, snippet: z.string().min(1).max(2_000) });
  /** One claim's grounding result, kept with the generation and with each verification. */
  const claimGrounding = obj({
    claimId,
    result: z.enum(GROUNDING_RESULTS),
    /** Name and SHA-256 of the source text where it was located (one of the passage's sources). */
    source: obj({ name: shortText, sha256: hex64 }).optional(),
    at: located.optional(),
    /** For `contradicted`: the value the source gives instead. */
    sourceValue: z.string().min(1).max(2_000).optional(),
  });
  const evidence = z.discriminatedUnion('kind', [
    /** A registry entry the person confirmed (citations). */
    obj({
      kind: z.literal('registry'),
      symbol: z.string().min(1).max(200),
      type: z.string().min(1).max(200),
      issued: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      status: z.string().min(1).max(64),
      title: z.string().min(1).max(2_000).optional(),
    }),
    /** A source document: its name and SHA-256 (never its content) and the passage where the value occurs. */
    obj({ kind: z.literal('document'), name: shortText, sha256: hex64, chars: count.optional(), at: located, fromGrounding: z.boolean().optional() }),
    /** An excerpt the person pasted (kept, they chose to), and where in it the value occurs. */
    obj({ kind: z.literal('excerpt'), name: shortText, sha256: hex64, text: z.string().min(1).max(20_000), at: located }),
    /** Checked elsewhere: a named source and a note; shown everywhere as the weaker kind. */
    obj({ kind: z.literal('manual'), source: z.string().min(1).max(2_000), note: z.string().min(1).max(2_000) }),
  ]);

  // --- signatures (issue 11) ---
  /** A personal signature over the event's signing bytes (see signature.ts): ECDSA P-256 / SHA-256. */
  const sig = obj({
    keyId: hex64,
    alg: z.literal('ES256'),
    /** base64url of the 64-byte IEEE P1363 signature (r ‖ s). */
    value: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'expected a base64url ES256 signature'),
  });
  /** The body text as the host read it at sign-off, normalised: whole and per paragraph. */
  const textDigest = obj({
    alg: z.literal('sha256'),
    text: hex64,
    /** First 16 hex digits of each paragraph's SHA-256, in order (paragraphs numbered from 1). */
    paragraphs: z.array(z.string().regex(/^[0-9a-f]{16}$/)).max(100_000),
  });

  const data = {
    'record-created': obj({ profileId: z.string().min(1).max(100), appVersion: z.string().min(1).max(50), documentId: z.uuid().optional() }),
    'level-declared': obj({
      level,
      // issue 9 — level (1.3): which suggestion the person set aside, e.g. {suggestion: 'topic', topics: ['budget']}.
      setAside: obj({
        suggestion: z.enum(SET_ASIDE_SUGGESTIONS),
        topics: z.array(z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'a topic code')).min(1).max(50),
      }).optional(),
    }),
    'passage-generated': obj({
      passageId,
      origin: z.enum(['generated', 'declared']),
      purpose: z.enum(PURPOSES),
      provider: provider.optional(),
      tool: shortText.optional(),
      model: z.string().min(1).max(200).optional(),
      prompt: z.string().max(50_000).optional(),
      sources: z.array(source).max(1_000).optional(),
      redactions: z.record(z.string().min(1).max(64), count).optional(),
      originalText: z.string().min(1).max(MAX_TEXT),
      originalHash: hex64,
      fingerprint: z.string().regex(/^[0-9a-f]{16}$/, 'expected a 16-hex-digit fingerprint'),
      claims: z.array(claim).max(5_000),
      timings: obj({
        startedAt: isoTime,
        firstTokenMs: count.optional(),
        totalMs: count,
      }).optional(),
      level,
      grounding: z.array(claimGrounding).max(5_000).optional(), // issue 10 — evidence
    }).superRefine((d, ctx) => {
      if (d.origin === 'generated' && !d.provider) {
        ctx.addIssue({ code: 'custom', path: ['provider'], message: 'a generated passage names its provider' });
      }
      if (d.origin === 'declared' && !d.tool) {
        ctx.addIssue({ code: 'custom', path: ['tool'], message: 'a declared passage names the outside AI tool' });
      }
      claimsOf(d.originalText, d.claims, ctx);
    }),
    'passage-edited': obj({
      passageId,
      text: z.string().max(MAX_TEXT),
      textHash: hex64,
      editRatio: z.number().min(0).max(1),
      claims: z.array(claim).max(5_000),
    }).superRefine((d, ctx) => claimsOf(d.text, d.claims, ctx)),
    'passage-rebound': obj({ passageId, how: z.enum(['title-fingerprint']) }),
    'passage-removed': obj({ passageId }),
    'claim-verified': obj({
      passageId,
      claimId,
      claimText: z.string().min(1).max(2_000),
      claimTextHash: hex64,
      source: z.string().min(1).max(2_000),
      // issue 10 — evidence (1.2): what the verification rests on, the person's note, the grounding then.
      evidence: evidence.optional(),
      note: z.string().min(1).max(2_000).optional(),
      grounding: claimGrounding.optional(),
      sig: sig.optional(),
    }),
    'claim-rejected': obj({
      passageId,
      claimId,
      claimText: z.string().min(1).max(2_000),
      claimTextHash: hex64,
      reason: z.string().min(1).max(2_000),
      sig: sig.optional(),
    }),
    'disclosure-inserted': obj({ text: z.string().min(1).max(2_000), profile: z.string().min(1).max(100), sig: sig.optional() }),
    'signed-off': obj({
      role: z.string().min(1).max(200).optional(),
      summary: obj({ passages: count, claims: count, verified: count }),
      textDigest: textDigest.optional(),
      sig: sig.optional(),
    }),
  } satisfies Record<KnownEventType, z.ZodType>;

  const envelope = {
    seq: count,
    at: isoTime,
    actor: actorName,
    prev: hex64,
    hash: hex64,
  };
  const event = z.discriminatedUnion(
    'type',
    KNOWN_EVENT_TYPES.map((type) => z.strictObject({ ...envelope, type: z.literal(type), data: data[type] })) as unknown as [
      z.ZodObject,
      ...z.ZodObject[],
    ],
  );
  /** An event type this version does not know (only accepted from a newer minor version). */
  const unknownEvent = z.strictObject({ ...envelope, type: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/), data: z.json() });
  return { data, event, unknownEvent, claim, provider, source, sig, textDigest, evidence, claimGrounding };
}

export const strictSchemas = buildSchemas('strict');
export const looseSchemas = buildSchemas('loose');
export const eventDataSchemas = strictSchemas.data;

export type Claim = z.infer<typeof strictSchemas.claim>;
export type ProviderInfo = z.infer<typeof strictSchemas.provider>;
export type SourceInfo = z.infer<typeof strictSchemas.source>;
export type EventSignature = z.infer<typeof strictSchemas.sig>;
export type TextDigest = z.infer<typeof strictSchemas.textDigest>;
// issue 10 — evidence
export type Evidence = z.infer<typeof strictSchemas.evidence>;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export type ClaimGrounding = z.infer<typeof strictSchemas.claimGrounding>;
export type GroundingResultKind = (typeof GROUNDING_RESULTS)[number];
export type Purpose = (typeof PURPOSES)[number];
export type ProviderTier = (typeof PROVIDER_TIERS)[number];
export type SensitivityLevel = 1 | 2 | 3 | 4;

export type EventDataMap = { [K in KnownEventType]: z.infer<(typeof strictSchemas.data)[K]> };
export type EventData<K extends KnownEventType> = EventDataMap[K];

interface EnvelopeFields {
  seq: number;
  at: string;
  actor: string;
  /** Hash of the previous event; GENESIS_HASH for the first. */
  prev: string;
  /** SHA-256 of canonicalJson({seq, type, at, actor, prev, data}). */
  hash: string;
}
export type KnownEvent = { [K in KnownEventType]: EnvelopeFields & { type: K; data: EventDataMap[K] } }[KnownEventType];
export type EventOf<K extends KnownEventType> = Extract<KnownEvent, { type: K }>;
/** An event of a type this version does not know (kept from a newer minor version). */
export interface UnknownEvent extends EnvelopeFields {
  type: string;
  data: unknown;
}
export type ProvenanceEvent = KnownEvent | UnknownEvent;

export interface ProvenanceRecord {
  schemaVersion: string;
  documentId: string;
  events: ProvenanceEvent[];
}

export function isKnownEvent(event: ProvenanceEvent): event is KnownEvent {
  return isKnownEventType(event.type);
}

export const recordHeaderSchema = z.strictObject({
  schemaVersion: z.string().regex(/^\d+\.\d+$/),
  documentId: z.uuid(),
  events: z.array(z.unknown()),
});

/** "1.3" → {major: 1, minor: 3}; undefined when not of that form. */
export function parseSchemaVersion(version: string): { major: number; minor: number } | undefined {
  const match = /^(\d{1,4})\.(\d{1,4})$/.exec(version);
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]) };
}

/**
 * Validates one stored event. Records of this minor version (or older) must use known types with
 * exactly the known fields; a newer minor version may add fields and event types.
 */
export function validateEvent(
  event: unknown,
  recordMinor: number,
): { ok: true; known: boolean } | { ok: false; issue: string } {
  const newerMinor = recordMinor > SCHEMA_MINOR;
  const type = (event as { type?: unknown } | null)?.type;
  const known = typeof type === 'string' && isKnownEventType(type);
  const schema = known ? (newerMinor ? looseSchemas.event : strictSchemas.event) : newerMinor ? strictSchemas.unknownEvent : undefined;
  if (!schema) return { ok: false, issue: `unknown event type ${JSON.stringify(type)}` };
  const result = schema.safeParse(event);
  if (!result.success) return { ok: false, issue: formatIssue(result.error) };
  return { ok: true, known };
}

const strictEventList = z.array(strictSchemas.event);

/**
 * Validates every stored event of a record, in order; `unknownEvents` counts the types this version
 * does not know. Same verdicts and messages as validateEvent on each event, but a record of this
 * minor version (the common case) goes through one zod pass over the whole list, which saves zod's
 * per-call setup (a few ms on 3,000 events).
 */
export function validateEvents(
  events: readonly unknown[],
  recordMinor: number,
): { ok: true; unknownEvents: number } | { ok: false; index: number; issue: string } {
  if (recordMinor <= SCHEMA_MINOR) {
    // issue 14 — performance: the common event shapes are accepted by a check that never accepts what
    // the schema refuses (fast-validate.ts); zod sees the others, and words any refusal below.
    const others = events.filter((event) => !quicklyValid(event));
    if (others.length === 0 || strictEventList.safeParse(others).success) return { ok: true, unknownEvents: 0 };
  }
  // A newer minor version, or an invalid event to report: one by one, for the exact first issue.
  let unknownEvents = 0;
  for (let index = 0; index < events.length; index++) {
    const checked = validateEvent(events[index], recordMinor);
    if (!checked.ok) return { ok: false, index, issue: checked.issue };
    if (!checked.known) unknownEvents++;
  }
  return { ok: true, unknownEvents };
}

export function formatIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
