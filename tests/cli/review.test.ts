import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DocxHost } from '../../src/host/docx';
import { RECORD_NAMESPACE_PREFIX, decodeRecord, encodeRecord } from '../../src/provenance';
import { insertPassage } from '../../src/workflow';
import { AI_TEXT, GENERATION, appendToPassage, context, reportDocx } from '../workflow/helpers';
import { aiprov, aiprovWith, cliPeople, tempDir, type CliPeople } from './run';

let dir: string;
let drafted: string;
let passageId: string;
let people: CliPeople;

beforeAll(async () => {
  dir = tempDir();
  // issue 11: the verifier and the signer have CLI keys on the organisation's trust list (strict).
  people = await cliPeople(dir, ['Lê Văn Cường', 'Trần Thị Bình']);
  const host = DocxHost.open(reportDocx());
  passageId = await insertPassage(host, context(), { afterParagraph: 5, text: AI_TEXT, generation: GENERATION });
  drafted = join(dir, 'bao-cao.docx');
  writeFileSync(drafted, host.save());
});

function claimIds(json: string): string[] {
  return JSON.parse(json).passages.flatMap((p: { claims: { id: string }[] }) => p.claims.map((c) => c.id));
}

describe('aiprov inspect', () => {
  it('lists passages and claims as JSON (the documented contract)', async () => {
    const run = await aiprov('inspect', drafted, '--json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.record.status).toBe('ok');
    expect(json.passages).toHaveLength(1);
    const passage = json.passages[0];
    expect(passage).toMatchObject({ id: passageId, text: AI_TEXT, state: 'unverified', verbatim: true, origin: 'generated' });
    expect(passage.claims.length).toBeGreaterThanOrEqual(2);
    for (const claim of passage.claims) {
      expect(claim).toEqual(expect.objectContaining({ id: expect.stringMatching(/^[0-9a-f]{8}\.c\d+$/), kind: expect.stringMatching(/^(figure|citation)$/), text: expect.any(String), status: 'unverified', verifiedBy: null, source: null }));
    }
    expect(json.ready).toBe(false);
  });

  it('prints a readable summary in Vietnamese and English', async () => {
    const vi = await aiprov('inspect', drafted);
    expect(vi.stdout).toContain('Các đoạn AI (1)');
    expect(vi.stdout).toContain('CHƯA ĐỦ ĐIỀU KIỆN KÝ DUYỆT');
    const en = await aiprov('inspect', drafted, '--lang', 'en');
    expect(en.stdout).toContain('AI passages (1)');
    expect(en.stdout).toContain('NOT READY FOR SIGN-OFF');
  });

  it('numbers the body paragraphs, empty ones included', async () => {
    const run = await aiprov('inspect', drafted, '--paragraphs', '--json');
    const paragraphs = JSON.parse(run.stdout).paragraphs;
    expect(paragraphs.map((p: { index: number }) => p.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(paragraphs[6]).toMatchObject({ index: 7, text: '' });
    expect(paragraphs[5]).toMatchObject({ index: 6, passageId });
  });
});

describe('the review path: verify, refresh, sign off, check, report', () => {
  it('goes from not ready to signed, never touching the input file', async () => {
    const input = readFileSync(drafted);
    let current = drafted;
    const step = (name: string) => join(dir, `${name}.docx`);

    expect((await aiprovWith(people.reader, 'check', current)).code).toBe(1);
    const refused = await aiprovWith(people.as('Trần Thị Bình'), 'signoff', current, '--by', 'Trần Thị Bình', '-o', step('refused'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/chưa được kiểm chứng/);
    expect(existsSync(step('refused'))).toBe(false);

    const ids = claimIds((await aiprov('inspect', current, '--json')).stdout);
    for (const [n, id] of ids.entries()) {
      const run = await aiprovWith(people.as('Lê Văn Cường'), 'verify', current, '--claim', id, '--evidence', 'manual', '--note', 'đối chiếu bản gốc', '--source', 'Niên giám thống kê 2025', '--by', 'Lê Văn Cường', '-o', step(`v${n}`));
      expect(run.code, run.stderr).toBe(0);
      current = step(`v${n}`);
    }
    // A person edits the passage in Word (here: in the XML), then the record is refreshed.
    const host = DocxHost.open(new Uint8Array(readFileSync(current)));
    appendToPassage(host, passageId, ' Kết quả này được Sở Thông tin và Truyền thông xác nhận.');
    writeFileSync(step('edited'), host.save());
    expect((await aiprovWith(people.as('Lê Văn Cường'), 'refresh', step('edited'), '--by', 'Lê Văn Cường', '-o', step('refreshed'))).code).toBe(0);
    expect((await aiprovWith(people.as('Lê Văn Cường'), 'disclose', step('refreshed'), '--by', 'Lê Văn Cường', '-o', step('disclosed'))).code).toBe(0);
    const signed = await aiprovWith(people.as('Trần Thị Bình'), 'signoff', step('disclosed'), '--by', 'Trần Thị Bình', '--role', 'Giám đốc Sở', '-o', step('signed'));
    expect(signed.code, signed.stderr).toBe(0);

    const check = await aiprovWith(people.reader, 'check', step('signed'), '--json');
    expect(check.code, check.stdout).toBe(0);
    const json = JSON.parse(check.stdout);
    expect(json.ready).toBe(true);
    expect(json.readiness.kind).toBe('signed');
    expect(json.signOffs.at(-1)).toMatchObject({ by: 'Trần Thị Bình', role: 'Giám đốc Sở', current: true });
    expect(json.passages[0].claims.every((c: { status: string; verifiedBy: string }) => c.status === 'verified' && c.verifiedBy === 'Lê Văn Cường')).toBe(true);

    for (const format of ['html', 'json', 'prov']) {
      const out = join(dir, `report.${format}`);
      expect((await aiprovWith(people.reader, 'report', step('signed'), '--format', format, '-o', out)).code).toBe(0);
      const text = readFileSync(out, 'utf8');
      if (format === 'html') {
        expect(text).toContain('<!DOCTYPE html>');
        expect(text).toContain('Lê Văn Cường');
        expect(text).toContain('qwen2.5:7b');
      } else {
        expect(() => JSON.parse(text)).not.toThrow();
      }
    }
    expect(JSON.parse(readFileSync(join(dir, 'report.prov'), 'utf8'))).toHaveProperty('wasGeneratedBy');

    expect(readFileSync(drafted).equals(input)).toBe(true);
  });

  it('strict: a sign-off by a person with no key is recorded, but check (exit 1), inspect and the report say not ready and what to do', async () => {
    const step = (name: string) => join(dir, `${name}.docx`);
    const unsigned = await aiprov('signoff', step('disclosed'), '--by', 'Trần Thị Bình', '-o', step('signed-no-key'));
    expect(unsigned.code, unsigned.stderr).toBe(0);
    const check = await aiprovWith(people.reader, 'check', step('signed-no-key'));
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('CHƯA ĐỦ ĐIỀU KIỆN KÝ DUYỆT');
    expect(check.stderr).toContain('Lần ký duyệt của Trần Thị Bình không có chữ ký số cá nhân');
    expect(check.stderr).toContain('aiprov keys init --name');
    expect(check.stderr).toContain('trustedKeys trong org-settings.json');
    const en = await aiprovWith(people.reader, 'check', step('signed-no-key'), '--lang', 'en');
    expect(en.stderr).toContain("send the key's trust-list entry");
    const inspect = JSON.parse((await aiprovWith(people.reader, 'inspect', step('signed-no-key'), '--json')).stdout);
    expect(inspect).toMatchObject({ ready: false, readiness: { kind: 'not-ready' } });
    expect(inspect.signOffs.at(-1)).toMatchObject({ by: 'Trần Thị Bình', current: true });
    const html = join(dir, 'report-no-key.html');
    expect((await aiprovWith(people.reader, 'report', step('signed-no-key'), '-o', html)).code).toBe(0);
    const report = readFileSync(html, 'utf8');
    expect(report).toContain('chưa đủ điều kiện ký duyệt');
    expect(report).toContain('không có chữ ký số cá nhân');
  });

  it('declares pasted text from an outside AI tool', async () => {
    const plain = join(dir, 'plain.docx');
    writeFileSync(plain, reportDocx());
    const out = join(dir, 'declared.docx');
    const run = await aiprov('declare', plain, '--paragraphs', '4', '--tool', 'ChatGPT', '--model', 'gpt-4o', '--purpose', 'summarize', '--by', 'Nguyễn Văn An', '-o', out);
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse((await aiprov('inspect', out, '--json')).stdout);
    expect(json.passages[0]).toMatchObject({ origin: 'declared', tool: 'ChatGPT', model: 'gpt-4o', purpose: 'summarize' });
    expect(json.passages[0].claims.map((c: { text: string }) => c.text).join(' ')).toContain('2081/QĐ-UBND');
  });
});

describe('bad input and refusals', () => {
  it('exit 2 with one line for a file that is not a .docx, and writes nothing', async () => {
    const fake = join(dir, 'fake.docx');
    writeFileSync(fake, 'this is not a zip');
    const run = await aiprov('inspect', fake);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/không phải tệp \.docx/);
    const before = readdirSync(dir).length;
    expect((await aiprov('verify', fake, '--claim', 'c1', '--evidence', 'manual', '--note', 'đối chiếu bản gốc', '--source', 'x', '--by', 'A', '-o', join(dir, 'x.docx'))).code).toBe(2);
    expect(readdirSync(dir).length).toBe(before);
  });

  it('check exits 2 on an altered record, and report still shows the failure', async () => {
    const host = DocxHost.open(new Uint8Array(readFileSync(drafted)));
    const decoded = decodeRecord((await host.readRecord(RECORD_NAMESPACE_PREFIX))!);
    if (!decoded.ok) throw new Error('decode');
    (decoded.record.events[1] as { actor: string }).actor = 'Người khác';
    await host.writeRecord(RECORD_NAMESPACE_PREFIX, encodeRecord(decoded.record));
    const altered = join(dir, 'altered.docx');
    writeFileSync(altered, host.save());
    const check = await aiprov('check', altered);
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(/ĐÃ BỊ SỬA ĐỔI/);
    expect((await aiprov('verify', altered, '--claim', 'c1', '--evidence', 'manual', '--note', 'đối chiếu bản gốc', '--source', 'x', '--by', 'A', '-o', join(dir, 'y.docx'))).code).toBe(2);
    const report = join(dir, 'altered.json');
    expect((await aiprov('report', altered, '--format', 'json', '-o', report)).code).toBe(0);
    expect(JSON.parse(readFileSync(report, 'utf8')).integrity.ok).toBe(false);
  });

  it('refuses to overwrite the input without --in-place, and honours --in-place', async () => {
    const copy = join(dir, 'inplace.docx');
    writeFileSync(copy, readFileSync(drafted));
    const same = await aiprov('refresh', copy, '--by', 'A', '-o', copy);
    expect(same.code).toBe(2);
    const none = await aiprov('refresh', copy, '--by', 'A');
    expect(none.code).toBe(2);
    const ids = claimIds((await aiprov('inspect', copy, '--json')).stdout);
    expect((await aiprov('verify', copy, '--claim', ids[0]!, '--evidence', 'manual', '--note', 'đối chiếu bản gốc', '--source', 'Nguồn', '--by', 'A', '--in-place')).code).toBe(0);
    expect(JSON.parse((await aiprov('inspect', copy, '--json')).stdout).passages[0].claims[0].status).toBe('verified');
  });

  it('an unknown claim id is a clear refusal (exit 1)', async () => {
    const run = await aiprov('verify', drafted, '--claim', 'zzz.c9', '--evidence', 'manual', '--note', 'đối chiếu bản gốc', '--source', 'x', '--by', 'A', '-o', join(dir, 'z.docx'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/zzz\.c9/);
  });
});
