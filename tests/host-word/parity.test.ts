/**
 * The Word host and the .docx host must agree: the same requests on the same document give the
 * same paragraphs, the same passages and the same refusals (HostError codes).
 */
import { describe, expect, it } from 'vitest';
import { DocxHost } from '../../src/host/docx';
import type { DocumentHost } from '../../src/host/port';
import { buildDocx, p } from '../fixtures/docx-builder';
import { FakeWord } from './fake-word';
import { documentState, failure, hostOver } from './helpers';

const BEFORE_TABLE = ['Mở đầu', 'Một', 'Hai', 'Ba'];
const TABLE = [
  ['A1', 'B1'],
  ['A2', 'B2'],
];
const AFTER_TABLE = ['Kết', 'Cuối'];

function docxHost(): DocxHost {
  const table = `<w:tbl>${TABLE.map((row) => `<w:tr>${row.map((cell) => `<w:tc>${p(cell)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;
  return DocxHost.open(buildDocx({ body: BEFORE_TABLE.map((t) => p(t)).join('') + table + AFTER_TABLE.map((t) => p(t)).join('') + '<w:sectPr/>' }));
}

function wordFake(): FakeWord {
  return new FakeWord()
    .addParagraphs(...BEFORE_TABLE)
    .addTable(TABLE)
    .addParagraphs(...AFTER_TABLE);
}

type Step = [string, (host: DocumentHost) => Promise<unknown>];

const mark = (passageId: string, fromParagraph: number, toParagraph: number, color = '#FFC000'): Step => [
  `mark ${passageId} ${fromParagraph}-${toParagraph}`,
  (h) => h.markPassage({ passageId, fromParagraph, toParagraph, title: `AI · ${passageId}`, color }),
];

const STEPS: Step[] = [
  mark('a', 2, 3),
  mark('overlap', 3, 4),
  mark('half-table', 4, 6),
  mark('table-only', 5, 8),
  mark('two-cells', 6, 7),
  mark('cell', 6, 6),
  mark('last', 10, 10),
  mark('missing', 11, 11),
  mark('backwards', 10, 9),
  mark('a', 9, 9),
  mark('bad-colour', 9, 9, 'orange'),
  ['insert after passage end', (h) => h.insertPassage({ passageId: 'b', afterParagraph: 3, text: 'Chèn 1\nChèn 2', title: 'AI · b', color: '#2E7D32' })],
  ['insert in passage middle', (h) => h.insertPassage({ passageId: 'c', afterParagraph: 2, text: 'x', title: 'AI · c', color: '#2E7D32' })],
  ['insert at start', (h) => h.insertPassage({ passageId: 'd', afterParagraph: 0, text: 'Đầu', title: 'AI · d', color: '#C62828' })],
  ['paragraph after start passage', (h) => h.insertParagraph({ afterParagraph: 1, text: 'Sau đầu' })],
  ['paragraph at end', (h) => h.insertParagraph({ afterParagraph: 'end', text: 'Hết' })],
  ['paragraph out of range', (h) => h.insertParagraph({ afterParagraph: 99, text: 'x' })],
  ['update missing', (h) => h.updatePassage({ passageId: 'nope', title: 'AI · x' })],
  ['update', (h) => h.updatePassage({ passageId: 'b', title: 'AI · đã kiểm chứng', color: '2e7d32' })],
  ['remove', (h) => h.removeMark('d')],
  ['remove missing', (h) => h.removeMark('d')],
  ['rebind without untagged', (h) => h.rebindPassage('z', { title: 'AI · z' })],
  ['rebind existing id', (h) => h.rebindPassage('a', { title: 'AI · z' })],
];

async function outcome(step: Step, host: DocumentHost): Promise<unknown> {
  try {
    const value = await step[1](host);
    return { ok: value ?? true };
  } catch (error) {
    return { code: (error as { code?: string }).code ?? String(error) };
  }
}

describe('Word host and .docx host agree', () => {
  it('step by step: same results, same refusals, same paragraphs and passages', async () => {
    const docx = docxHost();
    const word = wordFake();
    const wordHost = hostOver(word);
    expect((await wordHost.readParagraphs()).map((x) => x.text)).toEqual((await docx.readParagraphs()).map((x) => x.text));
    for (const step of STEPS) {
      const before = documentState(word);
      const fromDocx = await outcome(step, docx);
      const fromWord = await outcome(step, wordHost);
      expect({ step: step[0], result: fromWord }).toEqual({ step: step[0], result: fromDocx });
      if ('code' in (fromWord as object)) expect(documentState(word), `${step[0]} changed nothing`).toBe(before);
      const strip = (ps: Awaited<ReturnType<DocumentHost['readParagraphs']>>) => ps.map(({ index, text, passageId }) => ({ index, text, passageId }));
      expect(strip(await wordHost.readParagraphs()), step[0]).toEqual(strip(await docx.readParagraphs()));
      expect(await wordHost.listPassages(), step[0]).toEqual(await docx.listPassages());
    }
  });

  it('the refusals carry the same bilingual messages', async () => {
    const docx = docxHost();
    const word = hostOver(wordFake());
    for (const step of [mark('half-table', 4, 6), mark('missing', 11, 11), mark('x', 1, 1, 'red')]) {
      const fromDocx = await step[1](docx).catch((e: unknown) => e as { bilingual: unknown });
      const fromWord = await step[1](word).catch((e: unknown) => e as { bilingual: unknown });
      expect((fromWord as { bilingual: unknown }).bilingual).toEqual((fromDocx as { bilingual: unknown }).bilingual);
    }
  });
});

describe('Word host and .docx host agree on the record found by a namespace prefix', () => {
  const PREFIX = 'urn:aiprov:provenance:';
  const record = (major: number, n: number) => `<?xml version="1.0" encoding="UTF-8"?><record xmlns="${PREFIX}${major}"><event n="${n}">Phiên bản ${major}</event></record>`;

  it.each([
    ['WordApi 1.4', 5],
    ['common API', 3],
  ])('%s: a newer major version is found, replaced through the prefix, and an exact version misses it', async (_, wordApi) => {
    const docx = docxHost();
    const word = new FakeWord({ wordApi }).addParagraphs(...BEFORE_TABLE);
    for (const host of [docx, hostOver(word)] as DocumentHost[]) {
      await host.writeRecord(`${PREFIX}2`, record(2, 1));
    }
    const reads = async (host: DocumentHost) => [await host.readRecord(PREFIX), await host.readRecord(`${PREFIX}1`), await host.readRecord(`${PREFIX}2`)];
    expect(await reads(hostOver(word))).toEqual(await reads(docx));
    expect(await docx.readRecord(PREFIX)).toBe(record(2, 1));
    for (const host of [docx, hostOver(word)] as DocumentHost[]) await host.writeRecord(PREFIX, record(2, 2));
    expect(await reads(hostOver(word))).toEqual(await reads(docx));
    expect(await docx.readRecord(PREFIX)).toBe(record(2, 2));
    expect(word.xmlParts).toHaveLength(1);
    const refusal = async (host: DocumentHost) => (await failure(host.writeRecord(PREFIX, '<x xmlns="urn:someone-else"/>'))).code;
    expect(await refusal(hostOver(word))).toBe(await refusal(docx));
  });
});
