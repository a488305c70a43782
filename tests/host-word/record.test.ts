/** The record (custom XML part by namespace) on both Word API paths, and the custom properties. */
import { describe, expect, it } from 'vitest';
import { FakeWord } from './fake-word';
import { failure, hostOver, measured } from './helpers';

const NS = 'urn:aiprov:record:1';
const record = (n: number) => `<?xml version="1.0" encoding="UTF-8"?><record xmlns="${NS}" version="1"><event n="${n}">Đã kiểm chứng số liệu</event></record>`;
const OTHER = '<other xmlns="urn:someone-else"><keep/></other>';

describe.each([
  ['WordApi 1.4 (batched)', 5],
  ['common API (no WordApi 1.4)', 3],
])('the record through %s', (_, wordApi) => {
  const batched = wordApi >= 4;

  it('is null when absent, then reads back what was written', async () => {
    const word = new FakeWord({ wordApi }).addParagraphs('a');
    word.xmlParts.push({ id: '{OTHER}', xml: OTHER, namespace: 'urn:someone-else' });
    const host = hostOver(word);
    expect(await host.readRecord(NS)).toBeNull();
    await host.writeRecord(NS, record(1));
    expect(await host.readRecord(NS)).toBe(record(1));
    expect(word.xmlParts.map((p) => p.namespace).sort()).toEqual([NS, 'urn:someone-else']);
  });

  it('writing again replaces the part: one record, the newest, other parts untouched', async () => {
    const word = new FakeWord({ wordApi }).addParagraphs('a');
    word.xmlParts.push({ id: '{OTHER}', xml: OTHER, namespace: 'urn:someone-else' });
    const host = hostOver(word);
    await host.writeRecord(NS, record(1));
    await host.writeRecord(NS, record(2));
    expect(word.xmlParts.filter((p) => p.namespace === NS).map((p) => p.xml)).toEqual([record(2)]);
    expect(word.xmlParts.find((p) => p.id === '{OTHER}')!.xml).toBe(OTHER);
    expect(await host.readRecord(NS)).toBe(record(2));
  });

  it('duplicates left by copy-paste are folded into one on write', async () => {
    const word = new FakeWord({ wordApi }).addParagraphs('a');
    word.xmlParts.push({ id: '{A}', xml: record(1), namespace: NS }, { id: '{B}', xml: record(1), namespace: NS });
    await hostOver(word).writeRecord(NS, record(3));
    expect(word.xmlParts.filter((p) => p.namespace === NS).map((p) => p.xml)).toEqual([record(3)]);
  });

  it(batched ? 'costs 2 syncs per call' : 'uses the Office common API and no context.sync at all', async () => {
    const word = new FakeWord({ wordApi }).addParagraphs('a');
    const host = hostOver(word);
    const write = await measured(word, () => host.writeRecord(NS, record(1)));
    const read = await measured(word, () => host.readRecord(NS));
    expect([write.syncs, read.syncs]).toEqual(batched ? [2, 2] : [0, 0]);
    expect(word.commonApiCalls > 0).toBe(!batched);
  });

  it('refuses malformed XML and a root in another namespace, writing nothing', async () => {
    const word = new FakeWord({ wordApi }).addParagraphs('a');
    const host = hostOver(word);
    expect(await failure(host.writeRecord(NS, '<record xmlns="urn:aiprov:record:1">'))).toMatchObject({ code: 'invalid-record' });
    expect(await failure(host.writeRecord(NS, OTHER))).toMatchObject({ code: 'invalid-record' });
    expect(word.xmlParts).toHaveLength(0);
  });
});

const PREFIX = 'urn:aiprov:provenance:';
const versioned = (major: number, n: number) => `<?xml version="1.0" encoding="UTF-8"?><record xmlns="${PREFIX}${major}"><event n="${n}">Bản ghi phiên bản ${major}</event></record>`;
const part = (id: string, major: number, n: number) => ({ id, xml: versioned(major, n), namespace: `${PREFIX}${major}` });

describe.each([
  ['WordApi 1.4 (batched)', 5],
  ['common API (no WordApi 1.4)', 3],
])('the record found by a namespace prefix, through %s', (_, wordApi) => {
  const batched = wordApi >= 4;

  it('a record of a newer major version is found by the prefix and left untouched by reading', async () => {
    const word = new FakeWord({ wordApi }).addParagraphs('a');
    word.xmlParts.push({ id: '{OTHER}', xml: OTHER, namespace: 'urn:someone-else' }, part('{V2}', 2, 1));
    const host = hostOver(word);
    const { result, syncs } = await measured(word, () => host.readRecord(PREFIX));
    expect(result).toBe(versioned(2, 1));
    expect(syncs).toBeLessThanOrEqual(3);
    expect(syncs).toBe(batched ? 2 : 0);
    expect(word.xmlParts).toEqual([{ id: '{OTHER}', xml: OTHER, namespace: 'urn:someone-else' }, part('{V2}', 2, 1)]);
  });

  it('a full namespace is still matched exactly: version 1 does not find a version 2 record', async () => {
    const word = new FakeWord({ wordApi }).addParagraphs('a');
    word.xmlParts.push(part('{V2}', 2, 1));
    expect(await hostOver(word).readRecord(`${PREFIX}1`)).toBeNull();
  });

  it('writing with the prefix replaces the existing version 1 part, within 3 syncs', async () => {
    const word = new FakeWord({ wordApi }).addParagraphs('a');
    word.xmlParts.push({ id: '{OTHER}', xml: OTHER, namespace: 'urn:someone-else' }, part('{V1}', 1, 1));
    const host = hostOver(word);
    const { syncs } = await measured(word, () => host.writeRecord(PREFIX, versioned(1, 2)));
    expect(syncs).toBeLessThanOrEqual(3);
    expect(syncs).toBe(batched ? 2 : 0);
    expect(word.xmlParts.filter((p) => p.namespace.startsWith(PREFIX)).map((p) => p.xml)).toEqual([versioned(1, 2)]);
    expect(word.xmlParts.find((p) => p.id === '{OTHER}')!.xml).toBe(OTHER);
    if (batched) expect(word.xmlParts.map((p) => p.id)).toContain('{V1}'); // setXml keeps the part's id
    expect(await host.readRecord(PREFIX)).toBe(versioned(1, 2));
  });

  it('writing with the prefix and no record yet adds one', async () => {
    const word = new FakeWord({ wordApi }).addParagraphs('a');
    const host = hostOver(word);
    await host.writeRecord(PREFIX, versioned(1, 1));
    expect(word.xmlParts.map((p) => p.namespace)).toEqual([`${PREFIX}1`]);
    expect(await host.readRecord(PREFIX)).toBe(versioned(1, 1));
  });

  it('duplicates of the replaced part are folded; a part of another major version is left alone', async () => {
    const word = new FakeWord({ wordApi }).addParagraphs('a');
    word.xmlParts.push(part('{A}', 1, 1), part('{B}', 1, 1), part('{V2}', 2, 9));
    await hostOver(word).writeRecord(PREFIX, versioned(1, 3));
    expect(word.xmlParts.map((p) => p.xml).sort()).toEqual([versioned(1, 3), versioned(2, 9)].sort());
  });

  it('refuses a root outside the prefix, writing nothing', async () => {
    const word = new FakeWord({ wordApi }).addParagraphs('a');
    word.xmlParts.push(part('{V1}', 1, 1));
    expect(await failure(hostOver(word).writeRecord(PREFIX, OTHER))).toMatchObject({ code: 'invalid-record' });
    expect(word.xmlParts).toEqual([part('{V1}', 1, 1)]);
  });
});

describe('the common API and a namespace prefix', () => {
  it('probes major versions 1 to 9 and takes the lowest found', async () => {
    const word = new FakeWord({ wordApi: 3 }).addParagraphs('a');
    word.xmlParts.push(part('{V3}', 3, 1), part('{V2}', 2, 1));
    expect(await hostOver(word).readRecord(PREFIX)).toBe(versioned(2, 1));
    word.xmlParts.splice(0, 2, part('{V9}', 9, 1));
    expect(await hostOver(word).readRecord(PREFIX)).toBe(versioned(9, 1));
  });
});

describe('a record written on one path is read on the other', () => {
  it('WordApi 1.4 writes, the common API reads (the same document opened in an older Word)', async () => {
    const word = new FakeWord({ wordApi: 5 }).addParagraphs('a');
    await hostOver(word).writeRecord(NS, record(7));
    word.wordApi = 3;
    expect(await hostOver(word).readRecord(NS)).toBe(record(7));
  });
});

describe('custom properties', () => {
  it('reads all, writes only the given ones, matches names without regard to case', async () => {
    const word = new FakeWord().addParagraphs('a');
    word.properties.push({ key: 'Department', value: 'Vụ Tổng hợp' }, { key: 'aiprovenancestatus', value: 'cũ' });
    const host = hostOver(word);
    await host.writeProperties({ AIProvenanceStatus: '3/5 claims verified', AIProvenanceProfile: 'strict' });
    expect(await host.readProperties()).toEqual({
      Department: 'Vụ Tổng hợp',
      aiprovenancestatus: '3/5 claims verified',
      AIProvenanceProfile: 'strict',
    });
  });

  it('refuses a value over 255 characters before touching the document', async () => {
    const word = new FakeWord().addParagraphs('a');
    const { result: error, syncs } = await measured(word, () => failure(hostOver(word).writeProperties({ ok: 'x', Long: 'á'.repeat(256) })));
    expect(syncs).toBe(0);
    expect(error).toMatchObject({ code: 'value-too-long' });
    expect(error.bilingual!.vi).toContain('tối đa 255 ký tự');
    expect(word.properties).toEqual([]);
  });

  it('writing nothing costs no round trip', async () => {
    const word = new FakeWord().addParagraphs('a');
    expect((await measured(word, () => hostOver(word).writeProperties({}))).syncs).toBe(0);
  });
});
