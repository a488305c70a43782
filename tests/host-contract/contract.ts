/**
 * The host contract, written once: every DocumentHost (the .docx host, Word through its fake, and
 * ONLYOFFICE through its fake) runs these same steps on the same document and must give these same
 * results, refusals (HostError codes and messages, from src/host/rules.ts) and document afterwards.
 * A refused step must change nothing the port can see.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentHost } from '../../src/host/port';
import { hostErrors } from '../../src/host/rules';

/** The document every contract run starts from: paragraphs, a table (rows of cell texts), paragraphs. */
export interface ContractDocument {
  before: string[];
  table: string[][];
  after: string[];
}

export const CONTRACT_DOCUMENT: ContractDocument = {
  before: ['Mở đầu', 'Một', 'Hai', 'Ba'],
  table: [
    ['A1', 'B1'],
    ['A2', 'B2'],
  ],
  after: ['Kết', 'Cuối'],
};

/**
 * A host over the document; a fake may also say what it holds beyond what the port shows (styles,
 * hidden parts), so a refused step is proved to change nothing there either.
 */
export type MakeHost = (doc: ContractDocument) => DocumentHost | { host: DocumentHost; state: () => string } | Promise<DocumentHost>;

async function open(makeHost: MakeHost, doc: ContractDocument): Promise<{ host: DocumentHost; state: () => string }> {
  const made = await makeHost(doc);
  return 'state' in made && typeof made.state === 'function' ? (made as { host: DocumentHost; state: () => string }) : { host: made as DocumentHost, state: () => '' };
}

type Outcome = { ok: unknown } | { code: string };
type Step = [name: string, run: (host: DocumentHost) => Promise<unknown>, expected: Outcome];

const mark = (passageId: string, fromParagraph: number, toParagraph: number, expected: Outcome, color = '#FFC000'): Step => [
  `mark ${passageId} ${fromParagraph}-${toParagraph}`,
  (h) => h.markPassage({ passageId, fromParagraph, toParagraph, title: `AI · ${passageId}`, color }),
  expected,
];
const ok = (value: unknown = true): Outcome => ({ ok: value });
const refused = (code: string): Outcome => ({ code });

// Paragraphs at the start: 1 Mở đầu, 2 Một, 3 Hai, 4 Ba, 5 A1, 6 B1, 7 A2, 8 B2, 9 Kết, 10 Cuối.
const STEPS: Step[] = [
  mark('a', 2, 3, ok()),
  mark('overlap', 3, 4, refused('crosses-table')), // half covers passage a
  mark('half-table', 4, 6, refused('crosses-table')),
  mark('table-only', 5, 8, refused('crosses-table')), // several cells, no paragraph outside
  mark('two-cells', 6, 7, refused('crosses-table')),
  mark('cell', 6, 6, ok()),
  mark('last', 10, 10, ok()),
  mark('missing', 11, 11, refused('paragraph-out-of-range')),
  mark('backwards', 10, 9, refused('paragraph-out-of-range')),
  mark('a', 9, 9, refused('passage-exists')),
  mark('bad-colour', 9, 9, refused('invalid-color'), 'orange'),
  ['insert after passage end', (h) => h.insertPassage({ passageId: 'b', afterParagraph: 3, text: 'Chèn 1\nChèn 2', title: 'AI · b', color: '#2E7D32' }), ok()],
  ['insert in passage middle', (h) => h.insertPassage({ passageId: 'c', afterParagraph: 2, text: 'x', title: 'AI · c', color: '#2E7D32' }), refused('overlaps-passage')],
  ['insert at start', (h) => h.insertPassage({ passageId: 'd', afterParagraph: 0, text: 'Đầu', title: 'AI · d', color: '#C62828' }), ok()],
  ['paragraph after start passage', (h) => h.insertParagraph({ afterParagraph: 1, text: 'Sau đầu' }), ok(2)],
  ['paragraph at end', (h) => h.insertParagraph({ afterParagraph: 'end', text: 'Hết' }), ok(15)],
  ['paragraph out of range', (h) => h.insertParagraph({ afterParagraph: 99, text: 'x' }), refused('paragraph-out-of-range')],
  ['update missing', (h) => h.updatePassage({ passageId: 'nope', title: 'AI · x' }), refused('passage-not-found')],
  ['update', (h) => h.updatePassage({ passageId: 'b', title: 'AI · đã kiểm chứng', color: '2e7d32' }), ok()],
  ['remove', (h) => h.removeMark('d'), ok()],
  ['remove missing', (h) => h.removeMark('d'), refused('passage-not-found')],
  ['rebind without untagged', (h) => h.rebindPassage('z', { title: 'AI · z' }), refused('passage-not-found')],
  ['rebind existing id', (h) => h.rebindPassage('a', { title: 'AI · z' }), refused('passage-exists')],
];

const FINAL_PARAGRAPHS: [number, string, string | null][] = [
  [1, 'Đầu', null], [2, 'Sau đầu', null], [3, 'Mở đầu', null], [4, 'Một', 'a'], [5, 'Hai', 'a'], [6, 'Chèn 1', 'b'], [7, 'Chèn 2', 'b'],
  [8, 'Ba', null], [9, 'A1', null], [10, 'B1', 'cell'], [11, 'A2', null], [12, 'B2', null], [13, 'Kết', null], [14, 'Cuối', 'last'], [15, 'Hết', null],
];
const FINAL_PASSAGES = [
  { id: 'a', tag: 'aiprov:a', title: 'AI · a', color: 'FFC000', text: 'Một\nHai', paragraphRange: [4, 5] },
  { id: 'b', tag: 'aiprov:b', title: 'AI · đã kiểm chứng', color: '2E7D32', text: 'Chèn 1\nChèn 2', paragraphRange: [6, 7] },
  { id: 'cell', tag: 'aiprov:cell', title: 'AI · cell', color: 'FFC000', text: 'B1', paragraphRange: [10, 10] },
  { id: 'last', tag: 'aiprov:last', title: 'AI · last', color: 'FFC000', text: 'Cuối', paragraphRange: [14, 14] },
];

const PREFIX = 'urn:aiprov:provenance:';
const record = (major: number, n: number) => `<?xml version="1.0" encoding="UTF-8"?><record xmlns="${PREFIX}${major}"><event n="${n}">Phiên bản ${major}</event></record>`;

async function outcome(step: Step, host: DocumentHost): Promise<Outcome> {
  try {
    return { ok: (await step[1](host)) ?? true };
  } catch (error) {
    return { code: (error as { code?: string }).code ?? String(error) };
  }
}

/** What the port can see of the document. */
async function visible(host: DocumentHost): Promise<string> {
  return JSON.stringify([await host.readParagraphs(), await host.listPassages(), await host.readRecord(PREFIX), await host.readProperties()]);
}

export function describeHostContract(name: string, makeHost: MakeHost): void {
  describe(`host contract: ${name}`, () => {
    it('paragraphs are numbered over the body, table cells included', async () => {
      const { host } = await open(makeHost, CONTRACT_DOCUMENT);
      const ps = await host.readParagraphs();
      expect(ps.map((p) => [p.index, p.text])).toEqual(['Mở đầu', 'Một', 'Hai', 'Ba', 'A1', 'B1', 'A2', 'B2', 'Kết', 'Cuối'].map((t, i) => [i + 1, t]));
      expect(await host.listPassages()).toEqual([]);
    });

    it('step by step: the expected results and refusals; a refusal changes nothing', async () => {
      const { host, state } = await open(makeHost, CONTRACT_DOCUMENT);
      for (const step of STEPS) {
        const before = (await visible(host)) + state();
        const result = await outcome(step, host);
        expect({ step: step[0], result }).toEqual({ step: step[0], result: step[2] });
        if ('code' in result) expect((await visible(host)) + state(), `${step[0]} changed nothing`).toBe(before);
      }
      const ps = await host.readParagraphs();
      expect(ps.map((p) => [p.index, p.text, p.passageId ?? null])).toEqual(FINAL_PARAGRAPHS);
      expect(await host.listPassages()).toEqual(FINAL_PASSAGES);
    });

    it('the refusals carry the shared bilingual messages', async () => {
      const { host } = await open(makeHost, CONTRACT_DOCUMENT);
      const bilingual = (p: Promise<unknown>) => p.then(() => null, (e: { bilingual?: unknown }) => e.bilingual);
      const m = (id: string, from: number, to: number) => host.markPassage({ passageId: id, fromParagraph: from, toParagraph: to, title: `AI · ${id}`, color: '#FFC000' });
      expect(await bilingual(m('half-table', 4, 6))).toEqual(hostErrors.crossesTable(4, 6, 'mark').bilingual);
      expect(await bilingual(m('missing', 11, 11))).toEqual(hostErrors.noParagraph(11, 10).bilingual);
      await m('a', 2, 3);
      expect(await bilingual(m('a', 9, 9))).toEqual(hostErrors.passageExists('a').bilingual);
      expect(await bilingual(host.removeMark('zz'))).toEqual(hostErrors.passageNotFound('zz').bilingual);
      expect(await bilingual(host.insertParagraph({ afterParagraph: 2, text: 'x' }))).toEqual(hostErrors.insideOfPassage(2).bilingual);
    });

    it('the record is found by namespace prefix: a newer major version is found, replaced, and an exact version misses it', async () => {
      const { host } = await open(makeHost, CONTRACT_DOCUMENT);
      expect(await host.readRecord(PREFIX)).toBeNull();
      await host.writeRecord(`${PREFIX}2`, record(2, 1));
      expect([await host.readRecord(PREFIX), await host.readRecord(`${PREFIX}1`), await host.readRecord(`${PREFIX}2`)]).toEqual([record(2, 1), null, record(2, 1)]);
      await host.writeRecord(PREFIX, record(2, 2));
      expect([await host.readRecord(PREFIX), await host.readRecord(`${PREFIX}1`), await host.readRecord(`${PREFIX}2`)]).toEqual([record(2, 2), null, record(2, 2)]);
      const before = await visible(host);
      const refusal = await host.writeRecord(PREFIX, '<x xmlns="urn:someone-else"/>').then(() => null, (e: { code?: string }) => e.code);
      expect(refusal).toBe('invalid-record');
      expect(await visible(host)).toBe(before);
    });

    it('custom properties: set ones are read back, others left as they are', async () => {
      const { host } = await open(makeHost, CONTRACT_DOCUMENT);
      await host.writeProperties({ AIProvenanceStatus: 'đang soạn', AIProvenanceClaimsVerified: '0/3' });
      await host.writeProperties({ AIProvenanceClaimsVerified: '3/3' });
      const props = await host.readProperties();
      expect(props.AIProvenanceStatus).toBe('đang soạn');
      expect(props.AIProvenanceClaimsVerified).toBe('3/3');
    });
  });
}
