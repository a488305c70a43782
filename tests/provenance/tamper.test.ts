// Property tests: whatever is changed in a stored record, the chain (or, for verified claims, the
// fold) notices. fast-check picks the event, the field and the new value.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from '../../src/provenance/canonical';
import { chainAnchor, computeEventHash, verifyChain } from '../../src/provenance/chain';
import { findPassage, foldRecord } from '../../src/provenance/fold';
import type { ProvenanceRecord } from '../../src/provenance/schema';
import { PASSAGE_ID, fullRecord } from './scenario';

let record: ProvenanceRecord;
beforeAll(async () => {
  record = await fullRecord();
});

type Path = Array<string | number>;

/** Every position inside a JSON value (containers and leaves), as key paths. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...pathsOf(item, [...prefix, i])));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) out.push(...pathsOf(item, [...prefix, key]));
  }
  return out;
}

function getAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);
}

function setAt(root: Record<string, unknown>, path: Path, value: unknown): void {
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path.at(-1)!] = value;
}

const same = (a: unknown, b: unknown) => {
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch {
    return false;
  }
};

const newValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.string(),
  fc.integer(),
  fc.constantFrom('0'.repeat(64), 'f'.repeat(64), '2026-03-10T02:01:00.000Z', 'claim-verified', 'Nguyễn Văn An', 'c1', PASSAGE_ID),
);

describe('tamper detection (fast-check)', () => {
  it('detects any new value in any stored field of any event', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), newValue, async (eventPick, pathPick, value) => {
        const events = structuredClone(record.events);
        const index = eventPick % events.length;
        const event = events[index]! as unknown as Record<string, unknown>;
        const paths: Path[] = [['seq'], ['type'], ['at'], ['actor'], ['prev'], ['hash'], ...pathsOf(event.data, ['data'])];
        const path = paths[pathPick % paths.length]!;
        fc.pre(!same(getAt(event, path), value));
        setAt(event, path, value);
        const result = await verifyChain({ ...record, events });
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.brokenAt).toBeLessThanOrEqual(index + 1);
      }),
      { numRuns: 300 },
    );
  });

  it('detects a field added inside any event\'s data', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.string({ minLength: 1 }), fc.jsonValue({ maxDepth: 1 }), async (eventPick, key, value) => {
        const events = structuredClone(record.events);
        const event = events[eventPick % events.length]!;
        const data = event.data as Record<string, unknown>;
        fc.pre(!(key in data) && key !== '__proto__');
        data[key] = value;
        expect((await verifyChain({ ...record, events })).ok).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('detects removal of any event (the last one through the anchor), insertion anywhere, and any reordering', async () => {
    const anchor = chainAnchor(record)!;
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.constantFrom('remove', 'insert', 'swap'), async (a, b, action) => {
        const events = structuredClone(record.events);
        const i = a % events.length;
        const j = b % events.length;
        if (action === 'remove') events.splice(i, 1);
        if (action === 'insert') events.splice(j, 0, structuredClone(events[i]!));
        if (action === 'swap') {
          fc.pre(i !== j);
          [events[i], events[j]] = [events[j]!, events[i]!];
        }
        expect((await verifyChain({ ...record, events }, { anchor })).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('never lets a verified claim keep its status once its text changes, even if the whole chain is re-hashed', async () => {
    const verifiedIds = findPassage(foldRecord(record), PASSAGE_ID)!
      .claims.filter((c) => c.status === 'verified')
      .map((c) => c.claimId);
    expect(verifiedIds.length).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...verifiedIds), fc.string({ minLength: 1, maxLength: 12 }), fc.boolean(), async (claimId, text, rehash) => {
        const events = structuredClone(record.events);
        // The claim lives in the generation event and, after the edit, in the edit event: change both.
        let changed = false;
        for (const event of events) {
          if (event.type !== 'passage-generated' && event.type !== 'passage-edited') continue;
          const claims = (event.data as { claims: Array<{ claimId: string; text: string }> }).claims;
          for (const claim of claims) {
            if (claim.claimId === claimId && claim.text !== text) {
              claim.text = text;
              changed = true;
            }
          }
        }
        fc.pre(changed);
        if (rehash) {
          for (let i = 0; i < events.length; i++) {
            events[i]!.prev = i === 0 ? events[0]!.prev : events[i - 1]!.hash;
            events[i]!.hash = await computeEventHash(events[i]!);
          }
        }
        const tampered = { ...record, events };
        const chain = await verifyChain(tampered);
        const claim = findPassage(foldRecord(tampered), PASSAGE_ID)!.claims.find((c) => c.claimId === claimId)!;
        expect(claim.status).not.toBe('verified');
        if (!rehash) expect(chain.ok).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});
