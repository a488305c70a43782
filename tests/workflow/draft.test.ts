// Drafting with AI under the rules, against a real local OpenAI-compatible server: the tests read
// what actually reached it (or that nothing did).
import { afterEach, describe, expect, it } from 'vitest';
import { AiError } from '../../src/ai';
import { DocxHost } from '../../src/host/docx';
import { PROVIDER_TIERS, QC_PB_2026, STRICT, profileSchema, type Profile, type ProviderConfig, type ProviderTier } from '../../src/policy';
import { RECORD_NAMESPACE_PREFIX } from '../../src/provenance';
import {
  DraftError,
  DraftNeedsConfirmationError,
  DraftRefusedError,
  documentStatus,
  draftIntoDocument,
  generateDraft,
  insertPassage,
  type GenerateDraftOptions,
} from '../../src/workflow';
import { closedPort, jsonError, sleep, startFakeServer, startSse, streamTokens, tokenChunk, type FakeServer, type Handler } from '../ai/fake-openai-server';
import { buildDocx, p } from '../fixtures/docx-builder';
import { AI_TEXT, GENERATION, context, reportDocx } from './helpers';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: Handler, tier: ProviderTier = 'internal', extra: Partial<ProviderConfig> = {}): Promise<ProviderConfig> {
  server = await startFakeServer(handler);
  return { id: 'thu-nghiem', name: 'Máy chủ thử nghiệm', tier, baseUrl: server.baseUrl, model: 'qwen2.5:7b', ...extra };
}

const answer = (text: string): Handler => (_req, res) => streamTokens(res, text.match(/.{1,7}/gsu) ?? [text]);

/** Answers with every placeholder it received, the way a model keeps them in its draft. */
const echoPlaceholders: Handler = (req, res) => {
  const sent = req.json?.messages?.map((m) => m.content).join('\n') ?? '';
  const placeholders = [...new Set(sent.match(/\[[A-ZĐƯỜÍỆẾ_]+_\d+\]/gu) ?? [])];
  return streamTokens(res, ['Kính gửi ', ...placeholders.flatMap((x) => [x.slice(0, 4), x.slice(4), ' ']), 'để phối hợp.']);
};

async function failure<E extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  return error as E;
}

const SOURCE = {
  name: 'bao-cao-so-tttt.txt',
  text:
    'Năm 2025, toàn tỉnh cung cấp 1.234 dịch vụ công trực tuyến, đạt 87,5% kế hoạch. ' +
    'Việc triển khai theo Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ.',
};

function base(provider: ProviderConfig, extra: Partial<GenerateDraftOptions> = {}): GenerateDraftOptions {
  return {
    purpose: 'draft',
    instruction: 'Viết đoạn kết quả chuyển đổi số năm 2025.',
    sources: [SOURCE],
    provider,
    profile: STRICT,
    ...extra,
  };
}

// ---- documents carrying a secrecy stamp -----------------------------------------------------------

const HEADER = (text: string) =>
  `<?xml version="1.0"?><w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:hdr>`;

const PLAIN = [p('BÁO CÁO'), p('Kết quả chuyển đổi số năm 2025'), p('Tiếp tục triển khai các nhiệm vụ theo kế hoạch.')];

const STAMPED: Record<string, () => Uint8Array> = {
  body: () => buildDocx({ body: p('MẬT') + PLAIN.join('') + '<w:sectPr/>' }),
  header: () =>
    buildDocx({
      body: PLAIN.join('') + '<w:sectPr><w:headerReference w:type="default" r:id="rH1"/></w:sectPr>',
      documentRels: [['rH1', 'header', 'header1.xml']],
      parts: { 'word/header1.xml': HEADER('TỐI MẬT') },
    }),
  'text box': () => {
    const box = `<w:txbxContent><w:p><w:r><w:t>MẬT</w:t></w:r></w:p></w:txbxContent>`;
    const anchor =
      '<w:p><w:r><w:t>BÁO CÁO</w:t></w:r><w:r><mc:AlternateContent>' +
      `<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>${box}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox>${box}</v:textbox></v:shape></w:pict></mc:Fallback>` +
      '</mc:AlternateContent></w:r></w:p>';
    return buildDocx({ body: anchor + PLAIN.slice(1).join('') + '<w:sectPr/>' });
  },
};

describe('a state-secret document makes no request at all', () => {
  for (const [where, build] of Object.entries(STAMPED)) {
    it.each(PROVIDER_TIERS)(`stamp in the ${where}, provider tier %s: refused with QC-PB Điều 7.1, nothing sent, nothing changed`, async (tier) => {
      const provider = await serve(answer(AI_TEXT), tier);
      const host = DocxHost.open(build());
      const error = await failure(draftIntoDocument(host, context(), { ...base(provider), afterParagraph: 1 }), DraftRefusedError);

      expect(server!.requests).toHaveLength(0);
      expect(error.decision.outcome).toBe('deny');
      expect(error.decision.effectiveLevel).toBe(4);
      const reasons = error.reasons.map((r) => r.vi).join('\n');
      expect(reasons).toContain('QC-PB Điều 7, khoản 1');
      expect(reasons).toContain('QC-PB Điều 8 (mức 4)');
      expect(reasons).toContain('máy tính có kết nối mạng');
      expect(error.reasons.map((r) => r.en).join('\n')).toContain('QC-PB Article 7(1)');
      expect(await host.listPassages()).toHaveLength(0);
      expect(await host.readRecord(RECORD_NAMESPACE_PREFIX)).toBeNull();
    });
  }

  it('a secrecy stamp inside a source is refused the same way, even for an internal provider', async () => {
    const provider = await serve(answer(AI_TEXT), 'internal');
    const secretSource = { name: 'cong-van.txt', text: 'TUYỆT MẬT\nKế hoạch bảo vệ mục tiêu.' };
    const error = await failure(generateDraft(base(provider, { sources: [secretSource] })), DraftRefusedError);
    expect(error.decision.effectiveLevel).toBe(4);
    expect(error.reasons.map((r) => r.vi).join(' ')).toContain('QC-PB Điều 7, khoản 1');
    expect(server!.requests).toHaveLength(0);
  });
});

// ---- personal data --------------------------------------------------------------------------------

const PERSONAL =
  'Đề nghị mời Ông Nguyễn Văn An, CCCD số 001085012345, điện thoại 0912 345 678, ' +
  'thư điện tử an.nguyen@socongthuong.gov.vn, tham dự buổi làm việc về chuyển đổi số.';
const VALUES = ['Nguyễn Văn An', '001085012345', '0912 345 678', '0912345678', 'an.nguyen@socongthuong.gov.vn'];

/** An organisation's own profile that opens personal data to a public provider once redacted. */
const PUBLIC_REDACTED: Profile = profileSchema.parse({
  ...STRICT,
  id: 'so-thu-nghiem',
  levels: { ...STRICT.levels, 3: { ...STRICT.levels[3], tiers: { ...STRICT.levels[3].tiers, public: { allowed: true, redaction: true } } } },
});

describe('personal data leaves the machine only as placeholders', () => {
  it('public provider (an org profile that allows it after redaction): none of the values reaches the server, the answer has them back', async () => {
    const provider = await serve(echoPlaceholders, 'public');
    const streamed: string[] = [];
    const options = base(provider, { profile: PUBLIC_REDACTED, instruction: 'Soạn giấy mời.', input: PERSONAL, purpose: 'proofread', onToken: (t) => streamed.push(t) });
    // Automatic redaction covers only what is recognised: the sender must confirm having reviewed it.
    const unconfirmed = await failure(generateDraft(options), DraftNeedsConfirmationError);
    expect(unconfirmed.reasons.map((r) => r.vi).join(' ')).toContain('QC-PB Điều 4, khoản 1');
    expect(server!.requests).toHaveLength(0);
    const draft = await generateDraft({ ...options, acknowledgeWarnings: true });

    expect(server!.requests).toHaveLength(1);
    const body = server!.requests[0]!.body;
    const decoded = JSON.stringify(server!.requests[0]!.json);
    for (const value of VALUES) {
      expect(body).not.toContain(value);
      expect(decoded).not.toContain(value);
    }
    for (const placeholder of ['[NGƯỜI_1]', '[CCCD_1]', '[SĐT_1]', '[EMAIL_1]']) expect(decoded).toContain(placeholder);

    expect(draft.decision.outcome).toBe('allow-after-redaction');
    expect(draft.redactionCounts).toMatchObject({ name: 1, cccd: 1, phone: 1, email: 1 });
    for (const value of ['Nguyễn Văn An', '001085012345', '0912 345 678', 'an.nguyen@socongthuong.gov.vn']) expect(draft.text).toContain(value);
    expect(draft.text).not.toMatch(/\[[A-ZĐ]+_\d\]/u);
    // What the terminal or pane showed while streaming is the restored text, never a placeholder.
    expect(streamed.join('')).toBe(draft.text);
    expect(JSON.stringify(draft.redactionCounts)).not.toContain('Nguyễn');
  });

  it('internal provider under the strict profile (level 3: internal, redacted): placeholders only', async () => {
    const provider = await serve(echoPlaceholders, 'internal');
    const draft = await generateDraft(base(provider, { instruction: `Soạn giấy mời. ${PERSONAL}` }));
    const decoded = JSON.stringify(server!.requests[0]!.json);
    for (const value of VALUES) expect(decoded).not.toContain(value);
    expect(draft.sentInstruction).toContain('[NGƯỜI_1]');
    expect(draft.text).toContain('Nguyễn Văn An');
  });

  it('public provider under the built-in profiles: personal data is refused (level 3) and nothing is sent', async () => {
    for (const profile of [STRICT, QC_PB_2026]) {
      const provider = await serve(echoPlaceholders, 'public');
      const error = await failure(generateDraft(base(provider, { profile, input: PERSONAL, purpose: 'proofread' })), DraftRefusedError);
      expect(error.decision.effectiveLevel).toBe(3);
      expect(error.reasons.map((r) => r.vi).join(' ')).toContain('QC-PB Điều 8 (mức 3)');
      expect(server!.requests).toHaveLength(0);
      await server!.close();
      server = undefined;
    }
  });
});

// ---- purposes -------------------------------------------------------------------------------------

describe('purposes', () => {
  it('a forbidden purpose is refused with its article and nothing is sent', async () => {
    const provider = await serve(answer(AI_TEXT));
    const error = await failure(generateDraft(base(provider, { purpose: 'sanction-inspection-investigation' })), DraftRefusedError);
    expect(error.reasons.map((r) => r.vi).join(' ')).toContain('KAI-CB Điều 8, khoản 1');
    expect(server!.requests).toHaveLength(0);
  });

  it('text that signals sanctions or inspection: refused under strict, sent under QC-PB (which has no such rule)', async () => {
    for (const instruction of ['Soạn dự thảo kết luận thanh tra tại Công ty TNHH Minh Phát.', 'Soạn quyết định xử phạt vi phạm hành chính về trật tự đô thị.']) {
      const provider = await serve(answer('Dự thảo [cần bổ sung].'));
      const refused = await failure(generateDraft(base(provider, { instruction })), DraftRefusedError);
      expect(refused.reasons.map((r) => r.vi).join(' ')).toContain('KAI-CB Điều 8, khoản 1');
      expect(server!.requests).toHaveLength(0);

      const allowed = await generateDraft(base(provider, { instruction, profile: QC_PB_2026 }));
      expect(allowed.text).toBe('Dự thảo [cần bổ sung].');
      expect(server!.requests).toHaveLength(1);
      await server!.close();
      server = undefined;
    }
  });

  it('a warning (strict: text about appraising dossiers, KAI-CB 8.2) needs an explicit acknowledgement; QC-PB has no such rule', async () => {
    const provider = await serve(answer('Dàn ý gồm ba phần.'));
    const options = base(provider, { purpose: 'outline', instruction: 'Lập dàn ý tờ trình thẩm định hồ sơ dự án nhà văn hóa.' });
    const error = await failure(generateDraft(options), DraftNeedsConfirmationError);
    expect(error.decision.confirm).toBe(true);
    expect(error.reasons.map((r) => r.vi).join(' ')).toContain('KAI-CB Điều 8, khoản 2');
    expect(server!.requests).toHaveLength(0);

    const draft = await generateDraft({ ...options, acknowledgeWarnings: true });
    expect(draft.text).toBe('Dàn ý gồm ba phần.');
    expect(server!.requests).toHaveLength(1);

    await generateDraft({ ...options, profile: QC_PB_2026 });
    expect(server!.requests).toHaveLength(2);
  });

  it('text that points to personnel files is refused under QC-PB too (Điều 7.9)', async () => {
    const provider = await serve(answer('…'));
    const error = await failure(
      generateDraft(base(provider, { profile: QC_PB_2026, instruction: 'Tóm tắt hồ sơ đảng viên của chi bộ.', purpose: 'summarize' })),
      DraftRefusedError,
    );
    expect(error.reasons.map((r) => r.vi).join(' ')).toContain('QC-PB Điều 7, khoản 9');
    expect(server!.requests).toHaveLength(0);
  });
});

// ---- failures leave the document as it was ---------------------------------------------------------

async function documentWithOnePassage() {
  const host = DocxHost.open(reportDocx());
  await insertPassage(host, context(), { afterParagraph: 5, text: AI_TEXT, generation: GENERATION });
  return DocxHost.open(host.save());
}

async function snapshot(host: DocxHost) {
  return {
    passages: (await host.listPassages()).map((x) => [x.id, x.text]),
    record: await host.readRecord(RECORD_NAMESPACE_PREFIX),
    properties: await host.readProperties(),
    paragraphs: (await host.readParagraphs()).map((x) => x.text),
  };
}

describe('provider failures: a clear error, nothing inserted, nothing recorded', () => {
  const cases: [string, () => Promise<{ provider: ProviderConfig; signal?: AbortSignal; apiKey?: string }>, string][] = [
    [
      'a provider that is down',
      async () => ({ provider: { id: 'down', name: 'Ollama', tier: 'internal', baseUrl: `http://127.0.0.1:${await closedPort()}/v1`, model: 'qwen2.5:7b' } }),
      'unreachable',
    ],
    ['a bad key (401)', async () => ({ provider: await serve((_r, res) => jsonError(res, 401, { message: 'Invalid API key' })), apiKey: 'sk-test-WRONG-0123456789abcdef' }), 'bad-key'],
    [
      'a stream cut mid-way',
      async () => ({
        provider: await serve(async (_r, res) => {
          startSse(res);
          res.write(tokenChunk('Năm 2025, toàn tỉnh '));
          await sleep(20);
          res.destroy();
        }),
      }),
      'stream-cut',
    ],
    [
      'a cancel by the user',
      async () => {
        const controller = new AbortController();
        const provider = await serve(async (_r, res) => {
          startSse(res);
          res.write(tokenChunk('Năm 2025, '));
          controller.abort();
          await sleep(200);
          res.end();
        });
        return { provider, signal: controller.signal };
      },
      'cancelled',
    ],
  ];

  it.each(cases)('%s', async (_name, setup, code) => {
    const host = await documentWithOnePassage();
    const before = await snapshot(host);
    const { provider, signal, apiKey } = await setup();
    const error = await failure(
      draftIntoDocument(host, context(), { ...base(provider), afterParagraph: 2, timeoutMs: 3000, ...(signal ? { signal } : {}), ...(apiKey ? { apiKey } : {}) }),
      AiError,
    );
    expect(error.code).toBe(code);
    expect(error.bilingual.vi.length).toBeGreaterThan(10);
    expect(error.bilingual.en.length).toBeGreaterThan(10);
    if (apiKey) expect(JSON.stringify(error)).not.toContain(apiKey);
    expect(await snapshot(host)).toEqual(before);
  });

  it('a provider that needs a key and has none: nothing is sent', async () => {
    const provider = await serve(answer(AI_TEXT), 'internal', { apiKeyRequired: true });
    const error = await failure(generateDraft(base(provider)), DraftError);
    expect(error.code).toBe('missing-api-key');
    expect(server!.requests).toHaveLength(0);
  });

  it('an insertion point outside the document is refused before the request', async () => {
    const provider = await serve(answer(AI_TEXT));
    const host = DocxHost.open(reportDocx());
    const error = await failure(draftIntoDocument(host, context(), { ...base(provider), afterParagraph: 99 }), DraftError);
    expect(error.code).toBe('paragraph-range');
    expect(server!.requests).toHaveLength(0);
  });
});

// ---- grounding and the record ----------------------------------------------------------------------

describe('grounding and the record', () => {
  const ANSWER =
    'Năm 2025, toàn tỉnh đã cung cấp 1.234 dịch vụ công trực tuyến [Nguồn 1], đạt 87,5% kế hoạch [Nguồn 1], ' +
    'tiết kiệm 45 tỷ đồng. Việc triển khai bám sát Nghị định số 13/2023/NĐ-CP [Nguồn 1] và Quyết định số 999/QĐ-TTg.';

  it('flags ungrounded figures and citations; grounded ones point at their source', async () => {
    const provider = await serve(answer(ANSWER));
    const draft = await generateDraft(base(provider));
    const byText = new Map(draft.grounding.claims.map((c) => [c.finding.text, c]));
    const grounded = draft.grounding.claims.filter((c) => c.status === 'grounded');
    const ungrounded = draft.grounding.claims.filter((c) => c.status === 'ungrounded').map((c) => c.finding.text).join(' | ');

    expect(ungrounded).toContain('45 tỷ đồng');
    expect(ungrounded).toContain('999/QĐ-TTg');
    expect(grounded.map((c) => c.finding.text).join(' | ')).toContain('1.234');
    for (const claim of grounded) {
      expect(draft.grounding.sourceNames[claim.match!.sourceIndex]).toBe(SOURCE.name);
      expect(SOURCE.text.slice(claim.match!.start, claim.match!.end).length).toBeGreaterThan(0);
    }
    expect(byText.get([...byText.keys()].find((k) => k.includes('87,5'))!)?.status).toBe('grounded');
    expect(draft.grounding.ungrounded).toBeGreaterThanOrEqual(2);
  });

  it('inserts the restored answer as a marked passage whose record says how it was made (no key, no values)', async () => {
    const KEY = 'sk-test-SECRET-0123456789abcdef';
    const provider = await serve(async (req, res) => {
      if (req.headers.authorization !== `Bearer ${KEY}`) return jsonError(res, 401, { message: 'no key' });
      const sent = req.json?.messages?.map((m) => m.content).join('\n') ?? '';
      const person = sent.match(/\[NGƯỜI_\d+\]/u)?.[0] ?? '?';
      await streamTokens(res, [`Đồng chí ${person} `, 'báo cáo: năm 2025 toàn tỉnh cung cấp 1.234 dịch vụ công trực tuyến [Nguồn 1].'], { model: 'qwen2.5:7b-instruct' });
    }, 'internal', { apiKeyRequired: true });
    const host = DocxHost.open(reportDocx());
    const result = await draftIntoDocument(host, context(), {
      ...base(provider, { instruction: 'Viết đoạn báo cáo của Ông Nguyễn Văn An về chuyển đổi số năm 2025.', apiKey: KEY }),
      afterParagraph: 5,
    });

    const saved = DocxHost.open(host.save());
    const marks = await saved.listPassages();
    expect(marks).toHaveLength(1);
    expect(marks[0]!.id).toBe(result.passageId);
    expect(marks[0]!.text).toBe(result.draft.text);
    expect(marks[0]!.text).toContain('Đồng chí Nguyễn Văn An');

    const status = await documentStatus(saved, context());
    const passage = status.state!.passages[0]!;
    expect(passage).toMatchObject({
      origin: 'generated',
      purpose: 'draft',
      model: 'qwen2.5:7b-instruct',
      provider: { id: 'thu-nghiem', name: 'Máy chủ thử nghiệm', tier: 'internal', endpointHost: `127.0.0.1:${server!.port}` },
      redactions: { name: 1 },
      level: 3,
    });
    expect(passage.sources).toEqual([{ name: SOURCE.name, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), chars: SOURCE.text.length }]);
    expect(passage.claims.length).toBe(result.claims);
    expect(result.claims).toBeGreaterThan(0);

    const record = (await saved.readRecord(RECORD_NAMESPACE_PREFIX))!;
    expect(record).not.toContain(KEY);
    expect(record).toContain('[NGƯỜI_1]'); // the prompt as it left the machine
    expect(record).not.toContain('Ông Nguyễn Văn An về');
  });

  it('a declared level higher than the content is honoured (level 2 closes public providers under KAI-CB rules)', async () => {
    const provider = await serve(answer(AI_TEXT), 'public');
    const error = await failure(generateDraft(base(provider, { level: { declared: 2 } })), DraftRefusedError);
    expect(error.decision.effectiveLevel).toBe(2);
    expect(server!.requests).toHaveLength(0);
  });
});
