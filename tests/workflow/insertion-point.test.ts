// The default insertion point in the workbench and the disclosure line's place: before the
// signature block ("Nơi nhận", "TM.", "KT.", signer), never below the signer's name.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocxHost } from '../../src/host/docx';
import { insertDisclosure, insertPassage, signatureBlockStart, suggestedInsertionPoint, verifyClaim, documentStatus, qualifiedClaimId } from '../../src/workflow';
import { GENERATION, context } from './helpers';

const para = (texts: string[]) => texts.map((text, i) => ({ index: i + 1, text }));
const sample = (name: string) => DocxHost.open(new Uint8Array(readFileSync(path.join(__dirname, '..', '..', 'assets', 'samples', name))));

describe('signature block', () => {
  it('starts at the closing formula above "Nơi nhận" (the shipped report)', async () => {
    const paragraphs = await sample('bao-cao-chuyen-doi-so.docx').readParagraphs();
    expect(paragraphs[50]!.text).toMatch(/trân trọng báo cáo\.\/\.$/);
    expect(signatureBlockStart(paragraphs)).toBe(51);
    expect(suggestedInsertionPoint(paragraphs)).toBe(50);
  });

  it('recognises TM./T/M, KT. and signer lines without "Nơi nhận"', () => {
    expect(signatureBlockStart(para(['BÁO CÁO', 'Nội dung một.', 'Nội dung hai.', '', 'T/M ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Nguyễn Văn A']))).toBe(4); // the empty line above belongs to the block
    expect(signatureBlockStart(para(['Nội dung một.', 'Nội dung hai.', 'Nội dung ba.', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']))).toBe(4);
  });

  it('none: the suggestion is the last paragraph; a "Nơi nhận" quoted early in a long body does not count', () => {
    expect(signatureBlockStart(para(['Một.', 'Hai.']))).toBeNull();
    expect(suggestedInsertionPoint(para(['Một.', 'Hai.']))).toBe(2);
    expect(suggestedInsertionPoint([])).toBe(0);
    const quoted = para(['Nơi nhận: ghi theo mẫu', ...Array.from({ length: 10 }, (_v, i) => `Đoạn ${i}.`)]);
    expect(signatureBlockStart(quoted)).toBeNull();
  });

  it('the disclosure line goes above the signature block, not below the signer', async () => {
    const host = sample('bao-cao-chuyen-doi-so.docx');
    const ctx = context('Lê Thị Thu');
    const passageId = await insertPassage(host, ctx, { afterParagraph: 50, text: 'Tỷ lệ hồ sơ trực tuyến đạt 68,5%.', generation: GENERATION });
    for (const c of (await documentStatus(host, ctx)).state!.passages[0]!.claims) await verifyClaim(host, context('Lê Văn Cường'), { claim: qualifiedClaimId(passageId, c.claimId), evidence: { kind: 'manual', source: 'Báo cáo 125/BC-UBND', note: 'đối chiếu bản gốc' } });
    const text = await insertDisclosure(host, ctx);
    const after = await host.readParagraphs();
    const at = after.findIndex((p) => p.text === text);
    expect(after[at - 1]!.passageId).toBe(passageId);
    expect(after[at + 1]!.text).toMatch(/trân trọng báo cáo/);
    expect(after.at(-1)!.text).toBe('Nông Thanh Sơn');
  });
});
