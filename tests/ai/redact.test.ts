import { afterEach, describe, expect, it } from 'vitest';
import { buildMessages, redact, redactParts, streamChat } from '../../src/ai';
import { scanText } from '../../src/checks';
import { pd } from './findings';
import { startFakeServer, streamTokens, type FakeServer } from './fake-openai-server';

const PERSON = 'Nguyễn Văn An';
const CCCD = '079203001234';
const PHONE = '0912 345 678';
const EMAIL = 'an.nguyen@phuocbinh.gov.vn';

const prompt = `Soạn thư mời ông ${PERSON} (CCCD ${CCCD}, điện thoại ${PHONE}, e-mail ${EMAIL}) dự hội nghị. Ông ${PERSON} phát biểu khai mạc.`;
const promptFindings = [
  pd(prompt, PERSON, 'person-name'),
  pd(prompt, CCCD, 'cccd'),
  pd(prompt, PHONE, 'phone', '0912345678'),
  pd(prompt, EMAIL, 'email'),
  pd(prompt, PERSON, 'person-name', PERSON, 1),
];
// The source writes the phone without spaces and the checks missed the second mention of the name.
const source = `Danh sách đại biểu: ${PERSON}, số điện thoại 0912345678. Liên hệ: ${PERSON}.`;
const sourceFindings = [pd(source, PERSON, 'person-name'), pd(source, '0912345678', 'phone', '0912345678')];

describe('redact', () => {
  it('replaces each item with a numbered placeholder, the same value with the same placeholder', () => {
    const r = redactParts([
      { text: prompt, findings: promptFindings },
      { text: source, findings: sourceFindings },
    ]);
    expect(r.texts[0]).toBe(
      'Soạn thư mời ông [NGƯỜI_1] (CCCD [CCCD_1], điện thoại [SĐT_1], e-mail [EMAIL_1]) dự hội nghị. Ông [NGƯỜI_1] phát biểu khai mạc.',
    );
    expect(r.texts[1]).toBe('Danh sách đại biểu: [NGƯỜI_1], số điện thoại [SĐT_1]. Liên hệ: [NGƯỜI_1].');
    expect(r.counts).toEqual({ 'person-name': 1, cccd: 1, phone: 1, email: 1 });
  });

  it('numbers distinct people separately', () => {
    const text = 'Bà Trần Thị Bình và ông Lê Văn Cường cùng ký.';
    const r = redact(text, [pd(text, 'Trần Thị Bình', 'person-name'), pd(text, 'Lê Văn Cường', 'person-name')]);
    expect(r.text).toBe('Bà [NGƯỜI_1] và ông [NGƯỜI_2] cùng ký.');
    expect(r.counts).toEqual({ 'person-name': 2 });
    expect(r.restore('[NGƯỜI_2] và [NGƯỜI_1]')).toBe('Lê Văn Cường và Trần Thị Bình');
  });

  it('restores placeholders the model altered, and leaves unknown ones alone', () => {
    const r = redact(prompt, promptFindings);
    const answer = 'Kính mời [NGUOI_1], [người 1], NGƯỜI_1 và [ SĐT_1 ]; CCCD_1; [EMAIL-1]. Không rõ: [NGƯỜI_7], [CCCD_12].';
    expect(r.restore(answer)).toBe(
      `Kính mời ${PERSON}, ${PERSON}, ${PERSON} và ${PHONE}; ${CCCD}; ${EMAIL}. Không rõ: [NGƯỜI_7], [CCCD_12].`,
    );
  });

  it('does not touch ordinary words without brackets or underscore', () => {
    const r = redact(prompt, promptFindings);
    expect(r.restore('Người 1 trong danh sách; số CCCD 1 bản.')).toBe('Người 1 trong danh sách; số CCCD 1 bản.');
  });

  it('only the kinds the policy asks for, when given', () => {
    const r = redact(prompt, promptFindings, { kinds: ['cccd'] });
    expect(r.text).toContain(PERSON);
    expect(r.text).toContain('[CCCD_1]');
    expect(r.text).not.toContain(CCCD);
  });

  it('survives stale offsets by finding the text again', () => {
    const shifted = { ...pd(prompt, CCCD, 'cccd'), start: 0, end: 12 };
    expect(redact(prompt, [shifted]).text).toContain('[CCCD_1]');
  });

  it('returns nothing that carries the values except through restore()', () => {
    const r = redact(prompt, promptFindings);
    const serialised = JSON.stringify(r);
    for (const v of [PERSON, CCCD, EMAIL, '0912345678']) expect(serialised).not.toContain(v);
  });
});

describe('redact with the checks engine', () => {
  it('replaces what scanText finds and restores it', () => {
    const r = redact(prompt, scanText(prompt).findings);
    for (const v of [PERSON, CCCD, PHONE, EMAIL]) expect(r.text).not.toContain(v);
    expect(r.text).toContain('[NGƯỜI_1]');
    expect(r.restore(r.text)).toBe(prompt);
  });
});

describe('redaction round trip through a real server', () => {
  let server: FakeServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  it('the server receives placeholders only and the restored answer has the real values back', async () => {
    server = await startFakeServer((req, res) => {
      // The "model" echoes placeholders it was given, slightly altered.
      const content = req.json?.messages?.find((m) => m.role === 'user')?.content ?? '';
      const hasAll = ['[NGƯỜI_1]', '[CCCD_1]', '[SĐT_1]', '[EMAIL_1]'].every((p) => content.includes(p));
      return streamTokens(res, hasAll ? ['Kính gửi ông [NGƯỜI_1]', ' (SĐT: [SDT_1]', ', e-mail [EMAIL_1]).'] : ['thiếu ký hiệu']);
    });

    const r = redactParts([
      { text: prompt, findings: promptFindings },
      { text: source, findings: sourceFindings },
    ]);
    const messages = buildMessages({ purpose: 'draft', instruction: r.texts[0]!, sources: [{ title: 'Danh sách', text: r.texts[1]! }] });
    const result = await streamChat({ provider: { baseUrl: server.baseUrl, model: 'm' }, messages, timeoutMs: 5000 });

    const received = server.requests[0]!.body;
    const receivedText = JSON.parse(received).messages.map((m: { content: string }) => m.content).join('\n');
    for (const value of [PERSON, CCCD, PHONE, '0912345678', '0912', EMAIL, 'Nguyễn']) {
      expect(receivedText).not.toContain(value);
    }
    expect(r.restore(result.text)).toBe(`Kính gửi ông ${PERSON} (SĐT: ${PHONE}, e-mail ${EMAIL}).`);
  });
});
