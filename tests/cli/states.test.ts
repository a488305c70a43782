// inspect and check print the states decided by workflow's statusView (issue 10), never their own.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, aiprov } from './run';

const SECRET_SAMPLE = join(REPO, 'assets/samples/bao-cao-toi-mat.docx');

describe('aiprov on the TỐI MẬT sample (no record)', () => {
  it('inspect says there is no AI content, not "intact" nor "ready"', async () => {
    const run = await aiprov('inspect', SECRET_SAMPLE);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Nhật ký sử dụng AI: không có nội dung AI (chưa có nhật ký)');
    expect(run.stdout).toContain('KHÔNG CÓ NỘI DUNG AI — Văn bản không có đoạn nào do AI tạo ra được ghi nhận');
    expect(run.stdout).not.toMatch(/nguyên vẹn|toàn vẹn|SẴN SÀNG|ĐỦ ĐIỀU KIỆN/);
    const json = JSON.parse((await aiprov('inspect', SECRET_SAMPLE, '--json')).stdout);
    expect(json.level.effective).toBe(4);
    expect(json).toMatchObject({ ready: false, integrity: { kind: 'none' }, readiness: { kind: 'nothing-to-sign' } });
  });

  it('check passes the gate (nothing to check) and says why', async () => {
    const run = await aiprov('check', SECRET_SAMPLE, '--lang', 'en');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('NO AI CONTENT — No AI-produced passage is recorded in this document');
  });
});

describe('aiprov disclose', () => {
  it('refuses, with the reason, to state "đã được kiểm chứng" while claims are unverified', async () => {
    const { writeFileSync, readFileSync } = await import('node:fs');
    const { DocxHost } = await import('../../src/host/docx');
    const { insertPassage } = await import('../../src/workflow');
    const { AI_TEXT, GENERATION, context, reportDocx } = await import('../workflow/helpers');
    const { tempDir } = await import('./run');
    const host = DocxHost.open(reportDocx());
    await insertPassage(host, context(), { afterParagraph: 5, text: AI_TEXT, generation: GENERATION });
    const file = join(tempDir(), 'nhap.docx');
    writeFileSync(file, host.save());
    const before = readFileSync(file);
    const run = await aiprov('disclose', file, '--by', 'Lê Văn Cường', '--in-place');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('Chưa thể chèn dòng ghi chú');
    expect(run.stderr).toContain('còn 3 số liệu, trích dẫn chưa được kiểm chứng');
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
