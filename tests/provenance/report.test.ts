import { describe, expect, it } from 'vitest';
import { appendEvent, computeEventHash } from '../../src/provenance/chain';
import { claimVerifiedData, generatedPassageData } from '../../src/provenance/builders';
import { foldRecord } from '../../src/provenance/fold';
import { reportHtml } from '../../src/provenance/report/html';
import { REPORT_FORMAT, reportJson } from '../../src/provenance/report/json';
import { reportProv, type ProvJson } from '../../src/provenance/report/prov';
import { PASSAGE_ID, SECOND_PASSAGE_ID, baseRecord, fullRecord, nextTime } from './scenario';

const HOSTILE = '<img src=x onerror="alert(1)"> & <script>alert(2)</script> \'quoted\'';
const HOSTILE_ID = '0e0e0e0e-1111-4222-8333-444455556666';

async function hostileRecord() {
  let record = await baseRecord();
  const text = `Đoạn văn ${HOSTILE} đạt 45,5% kế hoạch.`;
  const start = text.indexOf('45,5%');
  const data = await generatedPassageData({
    passageId: HOSTILE_ID,
    origin: 'declared',
    purpose: 'draft',
    tool: HOSTILE,
    prompt: HOSTILE,
    sources: [{ name: HOSTILE, sha256: 'c'.repeat(64), chars: 10 }],
    redactions: { '<i onclick="x">tên</i>': 1 },
    originalText: text,
    claims: [{ kind: 'figure', subtype: 'percentage', text: '45,5%', value: '45.5%', start, end: start + 5 }],
    level: 1,
  });
  record = await appendEvent(record, { type: 'passage-generated', actor: HOSTILE, at: nextTime(), data });
  record = await appendEvent(record, { type: 'claim-verified', actor: HOSTILE, at: nextTime(), data: await claimVerifiedData(HOSTILE_ID, data.claims[0]!, HOSTILE) });
  record = await appendEvent(record, { type: 'signed-off', actor: HOSTILE, at: nextTime(), data: { role: HOSTILE, summary: { passages: 1, claims: 1, verified: 1 } } });
  return record;
}

describe('reportJson', () => {
  it('gives a stable, complete shape with integrity checked by the report itself', async () => {
    const record = await fullRecord();
    const report = await reportJson(record, foldRecord(record));
    expect(report.format).toBe(REPORT_FORMAT);
    expect(report.integrity).toMatchObject({ ok: true, eventCount: 12, brokenAt: null, reason: null, headHash: record.events.at(-1)!.hash });
    expect(report.passages).toHaveLength(2);
    const main = report.passages.find((p) => p.passageId === PASSAGE_ID)!;
    expect(main.claims.map((c) => c.status)).toEqual(['verified', 'unverified', 'verified', 'unverified']);
    expect(main.claims[0]).toMatchObject({ verifiedBy: 'Lê Minh Quân', source: 'Niên giám thống kê 2025', rejectionReason: null });
    const declared = report.passages.find((p) => p.passageId === SECOND_PASSAGE_ID)!;
    expect(declared).toMatchObject({ provider: null, tool: 'ChatGPT (trình duyệt)', removed: true, timings: null });
    // Same input, same bytes.
    expect(JSON.stringify(await reportJson(record, foldRecord(record)))).toBe(JSON.stringify(report));
  });

  it('reports a broken chain', async () => {
    const record = structuredClone(await fullRecord());
    record.events[5]!.actor = 'Người khác';
    const report = await reportJson(record, foldRecord(record));
    expect(report.integrity).toMatchObject({ ok: false, brokenAt: 5 });
  });
});

describe('reportHtml', () => {
  it('is an A4 print page in Vietnamese by default with what an inspector needs', async () => {
    const record = await fullRecord();
    const html = await reportHtml(record, foldRecord(record));
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('page-break-inside: avoid');
    for (const expected of [
      'Phụ lục: Sử dụng trí tuệ nhân tạo (AI) trong văn bản',
      record.documentId,
      'Ollama (máy này)',
      'Nội bộ / trong nước, có cam kết bảo mật',
      'qwen2.5:14b-instruct',
      'Soạn thảo',
      'Soạn đoạn báo cáo kết quả chuyển đổi số năm 2025 của phường.',
      'Báo cáo số 45/BC-UBND',
      'personal-name: 2',
      'Đã kiểm chứng',
      'Lê Minh Quân',
      'Cơ sở dữ liệu quốc gia về văn bản pháp luật',
      'Số liệu thực tế là 1.205 hồ sơ',
      'Hoàng Đức Thắng',
      'còn hiệu lực',
      'Nguyên vẹn',
      '1.205 hồ sơ',
      '1.250 hồ sơ',
      'ChatGPT (trình duyệt)',
      'đã xoá',
    ]) {
      expect(html, expected).toContain(expected);
    }
  });

  it('switches every label to English on request', async () => {
    const record = await fullRecord();
    const html = await reportHtml(record, foldRecord(record), 'en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Annex: Use of artificial intelligence (AI) in the document');
    expect(html).toContain('Internal / domestic, with a security commitment');
    expect(html).not.toContain('Đã kiểm chứng');
    // Record content stays as written.
    expect(html).toContain('Lê Minh Quân');
  });

  it('shows a broken chain and stale sign-offs plainly', async () => {
    let record = await fullRecord();
    record = await appendEvent(record, { type: 'level-declared', actor: 'An', at: nextTime(), data: { level: 3 } });
    const tampered = structuredClone(record);
    (tampered.events[2]!.data as { prompt: string }).prompt = 'Đã sửa';
    const html = await reportHtml(tampered, foldRecord(tampered));
    expect(html).toContain('KHÔNG nguyên vẹn');
    expect(html).toContain('hỏng từ sự kiện số 2');
    expect(html).toContain('đã cũ');
  });

  it('escapes every piece of record text (no markup from the record reaches the page)', async () => {
    const record = await hostileRecord();
    const html = await reportHtml(record, foldRecord(record));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/onerror="/);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;script&gt;alert(2)&lt;/script&gt; &#39;quoted&#39;');
    expect(html).toContain('&lt;i onclick=&quot;x&quot;&gt;tên&lt;/i&gt;: 1');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    // The only tags are ours.
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z0-9]+)/g)].map((m) => m[1]!.toLowerCase()));
    expect([...tags].sort()).toEqual(['body', 'br', 'div', 'h1', 'h2', 'h3', 'head', 'html', 'meta', 'p', 'section', 'span', 'style', 'table', 'tbody', 'td', 'th', 'thead', 'title', 'tr']);
  });
});

function expectValidProvJson(prov: ProvJson) {
  const prefixes = new Set([...Object.keys(prov.prefix), 'prov', 'xsd']);
  const qualified = (name: string) => {
    const [prefix] = name.split(':');
    return name.startsWith('_:') || prefixes.has(prefix!);
  };
  const nodes = { ...prov.entity, ...prov.activity, ...prov.agent };
  for (const [id, attributes] of Object.entries(nodes)) {
    expect(qualified(id), id).toBe(true);
    for (const [key, value] of Object.entries(attributes)) {
      expect(qualified(key), key).toBe(true);
      if (value && typeof value === 'object') {
        expect(Object.keys(value).sort()).toEqual(['$', 'type']);
        expect(qualified((value as { type: string }).type)).toBe(true);
      }
    }
  }
  for (const kind of Object.keys(prov.entity)) expect(prov.activity[kind] ?? prov.agent[kind]).toBeUndefined();
  const roles: Record<string, Record<string, 'entity' | 'activity' | 'agent'>> = {
    wasGeneratedBy: { 'prov:entity': 'entity', 'prov:activity': 'activity' },
    used: { 'prov:activity': 'activity', 'prov:entity': 'entity' },
    wasAssociatedWith: { 'prov:activity': 'activity', 'prov:agent': 'agent' },
    wasAttributedTo: { 'prov:entity': 'entity', 'prov:agent': 'agent' },
    wasDerivedFrom: { 'prov:generatedEntity': 'entity', 'prov:usedEntity': 'entity' },
    actedOnBehalfOf: { 'prov:delegate': 'agent', 'prov:responsible': 'agent' },
    wasInvalidatedBy: { 'prov:entity': 'entity', 'prov:activity': 'activity' },
  };
  for (const [relation, required] of Object.entries(roles)) {
    for (const [id, attributes] of Object.entries(prov[relation as keyof typeof roles & keyof ProvJson] as Record<string, Record<string, unknown>>)) {
      expect(id.startsWith('_:')).toBe(true);
      for (const [role, kind] of Object.entries(required)) {
        const target = attributes[role] as string;
        expect(prov[kind][target], `${relation} ${id} ${role} → ${target}`).toBeDefined();
      }
      if (attributes['prov:activity'] && relation !== 'used' && relation !== 'wasGeneratedBy' && relation !== 'wasAssociatedWith' && relation !== 'wasInvalidatedBy') {
        expect(prov.activity[attributes['prov:activity'] as string]).toBeDefined();
      }
    }
  }
}

describe('reportProv', () => {
  it('produces a valid PROV-JSON graph of versions, claims, activities and agents', async () => {
    const record = await fullRecord();
    const prov = reportProv(record, foldRecord(record));
    expectValidProvJson(prov);
    expect(JSON.parse(JSON.stringify(prov))).toEqual(prov);
    expect(prov.entity[`rec:passage-${PASSAGE_ID}-v0`]).toBeDefined();
    expect(prov.entity[`rec:passage-${PASSAGE_ID}-v1`]).toMatchObject({ 'aiprov:editRatio': expect.any(Number) });
    expect(prov.entity[`rec:claim-${PASSAGE_ID}-c1`]).toMatchObject({ 'prov:label': '87,5%' });
    expect(Object.values(prov.agent).filter((a) => (a['prov:type'] as { $: string }).$ === 'prov:Person').map((a) => a['prov:label'])).toEqual(
      expect.arrayContaining(['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Minh Quân', 'Hoàng Đức Thắng']),
    );
    expect(Object.values(prov.wasDerivedFrom)).toContainEqual(
      expect.objectContaining({ 'prov:generatedEntity': `rec:passage-${PASSAGE_ID}-v1`, 'prov:usedEntity': `rec:passage-${PASSAGE_ID}-v0` }),
    );
    expect(Object.values(prov.actedOnBehalfOf)).toContainEqual(
      expect.objectContaining({ 'prov:delegate': 'rec:model-ollama-local-qwen2-5-14b-instruct', 'prov:responsible': 'rec:person-2' }),
    );
    expect(Object.values(prov.wasInvalidatedBy)).toHaveLength(1);
    const verifications = Object.entries(prov.activity).filter(([, a]) => (a['prov:type'] as { $: string }).$ === 'aiprov:ClaimVerification');
    expect(verifications).toHaveLength(2);
  });

  it('stays valid for records with hostile text and unknown events', async () => {
    const record = await hostileRecord();
    const last = record.events.at(-1)!;
    const unknown = { seq: record.events.length, type: 'future-thing', at: last.at, actor: 'system', prev: last.hash, data: {} };
    const extended = { ...record, schemaVersion: '1.1', events: [...record.events, { ...unknown, hash: await computeEventHash(unknown) }] };
    expectValidProvJson(reportProv(extended, foldRecord(extended)));
  });
});
