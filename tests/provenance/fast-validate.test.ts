// issue 14 — performance: quicklyValid may only say "valid" where the strict zod schema does. Checked
// on the events of real records (it must accept nearly all of them, or it saves nothing) and on
// thousands of altered copies: every value, key and container changed, removed or added.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quicklyValid } from '../../src/provenance/fast-validate';
import { strictSchemas, validateEvents, type ProvenanceEvent } from '../../src/provenance/schema';
import { realisticRecord } from './fixtures';
import { fullRecord } from './scenario';

let events: ProvenanceEvent[];
beforeAll(async () => {
  const realistic = await realisticRecord({ passages: 20, verifyAll: true });
  events = [...(await fullRecord()).events, ...realistic.events].map((e) => structuredClone(e));
});

type Path = Array<string | number>;
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...pathsOf(item, [...prefix, i])));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) out.push(...pathsOf(item, [...prefix, key]));
  return out;
}
const parentOf = (root: unknown, path: Path) => path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root) as Record<string | number, unknown>;

const zodAccepts = (event: unknown) => strictSchemas.event.safeParse(event).success;

const oddValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ maxLength: 3 }),
  fc.integer({ min: -3, max: 5000 }),
  fc.double(),
  fc.constantFrom('', 'x'.repeat(65), 'x'.repeat(2_001), '0'.repeat(64), 'A'.repeat(64), '0'.repeat(16), 'generated', 'declared', 'draft', 'figure', 'internal', 1, 4, 5, -1, 0.5, null, [], {}),
  fc.constantFrom('2026-02-30T01:00:00Z', '2026-03-10T02:00:00', '2026-03-10T02:00:00+07:00', '3f2b8c1e-5a4d-4e6f-9a7b-1c2d3e4f5a6b', '3f2b8c1e-5a4d-0e6f-9a7b-1c2d3e4f5a6b', 'a\u0001b', 'c1'),
);

describe('quicklyValid (issue 14)', () => {
  it('accepts the plain verifications and generated passages of real records, all valid for zod', () => {
    const quick = events.filter((e) => quicklyValid(e));
    for (const event of quick) expect(zodAccepts(event), JSON.stringify(event).slice(0, 200)).toBe(true);
    const common = events.filter((e) => e.type === 'claim-verified' || e.type === 'passage-generated');
    expect(quick.length).toBeGreaterThanOrEqual(common.length * 0.9);
  });

  it('never accepts an altered event zod refuses: each value replaced, each key removed or added (fast-check)', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.constantFrom('replace', 'remove', 'add'), oddValue, fc.string({ minLength: 1, maxLength: 8 }), (eventPick, pathPick, how, value, newKey) => {
        const event = structuredClone(events[eventPick % events.length]!) as unknown as Record<string, unknown>;
        const paths = pathsOf(event).filter((p) => p.length > 0);
        const path = paths[pathPick % paths.length]!;
        const parent = parentOf(event, path);
        const key = path.at(-1)!;
        if (how === 'replace') parent[key] = value;
        else if (how === 'remove') {
          if (Array.isArray(parent)) parent.splice(key as number, 1);
          else delete parent[key];
        } else if (!Array.isArray(parent)) parent[newKey] = value;
        if (quicklyValid(event)) expect(zodAccepts(event), `${how} ${path.join('.')}: ${JSON.stringify(value)}`).toBe(true);
      }),
      { numRuns: 4_000 },
    );
  });

  it('validateEvents: same verdict and message as one zod parse per event, for a list with one bad event', () => {
    const list = structuredClone(events) as unknown as Array<Record<string, unknown>>;
    const bad = list.findIndex((e) => e.type === 'claim-verified');
    (list[bad]!.data as Record<string, unknown>).claimText = '';
    const result = validateEvents(list, 3);
    expect(result).toMatchObject({ ok: false, index: bad });
    expect(!result.ok && result.issue).toContain('data.claimText');
    expect(validateEvents(events, 3)).toEqual({ ok: true, unknownEvents: 0 });
  });
});
