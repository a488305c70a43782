// Issue 9 — level: a restricted topic is a guess, not evidence. A published decree on bidding is
// level 2 by suggestion (fail closed: the gate refuses a public AI) until a person confirms it is
// published (`aiprov declare --published`), which the record keeps (who, when, which topics); then
// it is level 1. Evidence (a secrecy stamp, a CCCD) is never set aside. Real HTTP to a fake server.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { DocxHost } from '../../src/host/docx';
import { DraftRefusedError, documentLevel, documentStatus, generateDraft } from '../../src/workflow';
import { KAI_CB_2025 } from '../../src/policy';
import { startFakeServer, streamTokens, type FakeServer } from '../ai/fake-openai-server';
import { buildDocx, p } from '../fixtures/docx-builder';

// Real lines of a published decree (../shared/realtext); the topic is bidding, nothing identifies anyone.
const DECREE = [
  'CHÍNH PHỦ',
  'NGHỊ ĐỊNH',
  'Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;',
  'Nghị định này quy định chi tiết một số điều và biện pháp thi hành Luật Đấu thầu về lựa chọn nhà thầu.',
];

let dir: string;
let server: FakeServer;
let settings: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aiprov-topic-'));
  server = await startFakeServer((_r, res) => streamTokens(res, ['Đoạn mở đầu.']));
  settings = join(dir, 'org-settings.json');
  await writeFile(settings, JSON.stringify({ profile: 'kai-cb-2025', providers: [{ id: 'pub', name: 'Trợ lý công cộng', tier: 'public', baseUrl: server.baseUrl, model: 'm' }] }));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const cli = async (...argv: string[]) => {
  let out = '';
  const code = await main(argv, { stdout: (t) => void (out += t), stderr: (t) => void (out += t), lang: 'vi', env: {} });
  return { code, out };
};

async function file(lines: readonly string[]): Promise<string> {
  const path = join(dir, `doc-${Math.random().toString(36).slice(2)}.docx`);
  await writeFile(path, buildDocx({ body: lines.map((l) => p(l)).join('') }));
  return path;
}

const statusOf = async (path: string) => documentStatus(DocxHost.open(new Uint8Array(await readFile(path))), { actor: 'x', lang: 'vi' });

async function draft(path: string) {
  const before = server.requests.length;
  const result = await cli('draft', '--purpose', 'draft', '--prompt', 'Viết đoạn mở đầu', '--settings', settings, '--into', path, '--after-paragraph', '1', '--by', 'Trần Thị Bình', '--yes', '-o', `${path}.out.docx`);
  return { ...result, requests: server.requests.length - before };
}

describe('topic suggestions and the gate (issue 9)', () => {
  it('refuses a public AI while the topic suggestion stands; after declare --published it is level 1 and the request goes', async () => {
    const path = await file(DECREE);
    const before = await statusOf(path);
    expect(before.level).toMatchObject({ effective: 2, detected: { level: 2, fromEvidence: 1, topicSuggestion: { topics: ['bidding'] } } });

    const refused = await draft(path);
    expect(refused.code).not.toBe(0);
    expect(refused.requests).toBe(0);

    const scan = await cli('scan', path);
    expect(scan.out).toContain('theo bằng chứng: 1 — Công khai');
    expect(scan.out).toContain('Gợi ý từ chủ đề');
    expect(scan.out).toContain('--published');

    const declared = await cli('declare', path, '--published', '--by', 'Nguyễn Văn An', '--in-place');
    expect(declared.code, declared.out).toBe(0);
    expect(declared.out).toContain('bỏ qua gợi ý mức Nội bộ từ chủ đề đấu thầu');
    expect(declared.out).toContain('Mức độ áp dụng: Mức 1 – Công khai');

    const after = await statusOf(path);
    expect(after.level).toMatchObject({ effective: 1, declared: 1, detected: { level: 1, fromEvidence: 1, topicsSetAside: ['bidding'] } });
    expect(after.level!.detected.topicSuggestion).toBeUndefined();
    expect(after.state!.setAside).toEqual([expect.objectContaining({ suggestion: 'topic', topics: ['bidding'], by: 'Nguyễn Văn An' })]);
    expect(after.storedRecord!.schemaVersion).toBe('1.3');
    const event = after.storedRecord!.events.find((e) => e.type === 'level-declared')!;
    expect(event).toMatchObject({ actor: 'Nguyễn Văn An', data: { level: 1, setAside: { suggestion: 'topic', topics: ['bidding'] } } });

    const inspect = await cli('inspect', path);
    expect(inspect.out).toContain('Gợi ý từ chủ đề đấu thầu đã được bỏ qua: Nguyễn Văn An xác nhận văn bản đã công bố');

    const annex = join(dir, 'annex.html');
    expect((await cli('report', path, '--format', 'html', '-o', annex)).code).toBe(0);
    expect(await readFile(annex, 'utf8')).toContain('Xác nhận văn bản đã công bố (bỏ qua gợi ý từ chủ đề)</th><td>đấu thầu · Nguyễn Văn An');

    const allowed = await draft(path);
    expect(allowed.code, allowed.out).toBe(0);
    expect(allowed.requests).toBe(1);
  });

  it('the topics set aside also hold for the instruction and the input (text of this document), not for sources', async () => {
    const provider = { id: 'pub', name: 'Trợ lý công cộng', tier: 'public' as const, baseUrl: server.baseUrl, model: 'm' };
    const input = DECREE[3]!;
    const options = { purpose: 'summarize', instruction: 'Tóm tắt đoạn sau.', input, provider, profile: KAI_CB_2025, acknowledgeWarnings: true };
    const before = server.requests.length;
    await expect(generateDraft({ ...options, level: { detected: 1 } })).rejects.toBeInstanceOf(DraftRefusedError);
    expect(server.requests.length).toBe(before);
    const draft = await generateDraft({ ...options, level: { detected: 1, declared: 1, topicsSetAside: ['bidding'] } });
    expect(draft.text).toBe('Đoạn mở đầu.');
    await expect(generateDraft({ ...options, input: 'Tóm tắt.', sources: [{ name: 'hồ sơ mời thầu.txt', text: input }], level: { detected: 1, topicsSetAside: ['bidding'] } })).rejects.toBeInstanceOf(DraftRefusedError);
  });

  it('a topic not set aside still raises the suggestion', async () => {
    const path = await file([...DECREE, 'Dự toán ngân sách năm 2026 được phân bổ như sau.']);
    const host = DocxHost.open(new Uint8Array(await readFile(path)));
    const recorded = { setAside: [{ suggestion: 'topic' as const, topics: ['bidding'], by: 'Nguyễn Văn An', at: '2026-03-01T00:00:00Z', seq: 1 }] };
    expect(await documentLevel(host, recorded)).toMatchObject({ effective: 2, detected: { topicsSetAside: ['bidding'], topicSuggestion: { topics: ['budget'] } } });
  });

  it('never sets evidence aside: a secrecy stamp stays 4, a CCCD stays 3', async () => {
    for (const [lines, level] of [
      [['MẬT', ...DECREE], 4],
      [[...DECREE, 'Ông Nguyễn Văn An, CCCD 004080012345, thường trú tại xã Hòa Bình.'], 3],
    ] as const) {
      const path = await file(lines);
      const declared = await cli('declare', path, '--published', '--by', 'Nguyễn Văn An', '--in-place');
      expect(declared.code, declared.out).toBe(0);
      const status = await statusOf(path);
      expect(status.level).toMatchObject({ effective: level, detected: { level, fromEvidence: level } });
      expect((await draft(path)).requests).toBe(0);
    }
  });

  it('does not let "published" answer a possible secrecy stamp: refused, nothing recorded, no request', async () => {
    const path = await file(['Tối Mật', ...DECREE]);
    const declared = await cli('declare', path, '--published', '--by', 'Nguyễn Văn An', '--in-place');
    expect(declared.code).not.toBe(0);
    expect(declared.out).toContain('«Tối Mật»');
    expect(declared.out).toContain('aiprov declare --level N');
    expect((await statusOf(path)).state).toBeUndefined();
    expect((await draft(path)).requests).toBe(0);
  });

  it('lowers no declared level: declared 2, then --published, stays 2 with the topics set aside', async () => {
    const path = await file(DECREE);
    expect((await cli('declare', path, '--level', '2', '--by', 'Trần Thị Bình', '--in-place')).code).toBe(0);
    const declared = await cli('declare', path, '--published', '--by', 'Nguyễn Văn An', '--in-place');
    expect(declared.code, declared.out).toBe(0);
    const status = await statusOf(path);
    expect(status.level).toMatchObject({ declared: 2, effective: 2, detected: { level: 1, topicsSetAside: ['bidding'] } });
    expect(status.state!.setAside).toHaveLength(1);
  });

  it('refuses --published with a level other than 1', async () => {
    const path = await file(DECREE);
    const result = await cli('declare', path, '--published', '--level', '2', '--by', 'Nguyễn Văn An', '--in-place');
    expect(result.code).toBe(2);
    expect(result.out).toContain('--published là mức 1');
  });

  it('documents --published in the help, vi and en', async () => {
    expect((await cli('help', 'declare')).out).toContain('--published');
    let en = '';
    await main(['help', 'declare'], { stdout: (t) => void (en += t), stderr: () => {}, lang: 'en', env: {} });
    expect(en).toContain('confirm the document is published');
  });
});
