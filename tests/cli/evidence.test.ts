// issue 10 — evidence: `aiprov verify` needs evidence that holds the claim; a name alone is refused
// with the reason and nothing is written; the report carries the evidence per claim.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DocxHost } from '../../src/host/docx';
import { insertPassage } from '../../src/workflow';
import { buildDocx, p } from '../fixtures/docx-builder';
import { AI_TEXT, GENERATION, context, reportDocx } from '../workflow/helpers';
import { aiprov, tempDir } from './run';

let dir: string;
let drafted: string;
let ids: Record<string, string>;

beforeAll(async () => {
  dir = tempDir();
  const host = DocxHost.open(reportDocx());
  await insertPassage(host, context('Nguyễn Văn An'), { afterParagraph: 5, text: AI_TEXT, generation: GENERATION });
  drafted = join(dir, 'bao-cao.docx');
  writeFileSync(drafted, host.save());
  const json = JSON.parse((await aiprov('inspect', drafted, '--json')).stdout) as { passages: { claims: { id: string; text: string }[] }[] };
  ids = Object.fromEntries(json.passages[0]!.claims.map((c) => [c.text, c.id]));
});

const idOf = (part: string) => Object.entries(ids).find(([text]) => text.includes(part))![1];

describe('aiprov verify with evidence (issue 10)', () => {
  it('a source name alone does not verify: refused with the reason, nothing written', async () => {
    const out = join(dir, 'typed.docx');
    const run = await aiprov('verify', drafted, '--claim', idOf('1.234'), '--source', 'Báo cáo 125/BC-UBND', '--by', 'Trần Thị Bình', '-o', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('chỉ ghi tên nguồn không đủ');
    expect(existsSync(out)).toBe(false);
    const excerpt = await aiprov('verify', drafted, '--claim', idOf('1.234'), '--excerpt', 'Báo cáo 125/BC-UBND', '--by', 'Trần Thị Bình', '-o', out, '--lang', 'en');
    expect(excerpt.code).toBe(1);
    expect(excerpt.stderr).toContain('does not contain "1.234"');
    expect(existsSync(out)).toBe(false);
  });

  it('the drafter cannot verify under strict (article named)', async () => {
    const run = await aiprov('verify', drafted, '--claim', idOf('1.234'), '--excerpt', 'Tổng số: 1.234 dịch vụ.', '--by', 'Nguyễn Văn An', '-o', join(dir, 'self.docx'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('KAI-CB Điều 8, khoản 7');
  });

  it('--file: the source .docx hash and the located passage go into the record; inspect and the report show them', async () => {
    const source = join(dir, 'nien-giam.docx');
    writeFileSync(source, buildDocx({ body: [p('NIÊN GIÁM 2025'), p('Dịch vụ công trực tuyến: 1.234 dịch vụ; đạt 87,5% kế hoạch.')].join('') + '<w:sectPr/>' }));
    const out = join(dir, 'verified.docx');
    const run = await aiprov('verify', drafted, '--claim', idOf('1.234'), '--claim', idOf('87,5%'), '--file', source, '--by', 'Trần Thị Bình', '-o', out);
    expect(run.code, run.stderr).toBe(0);
    const manual = await aiprov('verify', out, '--claim', idOf('13/2023'), '--evidence', 'manual', '--source', 'Công báo điện tử', '--by', 'Trần Thị Bình', '--in-place');
    expect(manual.code).toBe(2);
    expect(manual.stderr).toContain('--note');
    const inspect = await aiprov('inspect', out);
    expect(inspect.stdout).toContain('bằng chứng: tài liệu nguồn — nien-giam.docx — «');
    const json = join(dir, 'report.json');
    expect((await aiprov('report', out, '--format', 'json', '-o', json)).code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { passages: { claims: { text: string; evidence: { kind: string; sha256: string; at: { snippet: string } } | null; verifiedBy: string; verifierRole: string }[] }[]; people: { name: string; roles: string[] }[]; states: { readiness: { kind: string } } };
    const figure = report.passages[0]!.claims.find((c) => c.text === '1.234')!;
    const { createHash } = await import('node:crypto');
    expect(figure.evidence).toMatchObject({ kind: 'document', sha256: createHash('sha256').update(readFileSync(source)).digest('hex') });
    expect(figure.evidence!.at.snippet).toContain('1.234 dịch vụ');
    expect(figure).toMatchObject({ verifiedBy: 'Trần Thị Bình', verifierRole: 'verifier' });
    expect(report.people).toEqual(expect.arrayContaining([{ name: 'Nguyễn Văn An', roles: ['drafter'] }, { name: 'Trần Thị Bình', roles: ['verifier'] }]));
    expect(report.states.readiness.kind).toBe('not-ready');
    const html = join(dir, 'report.html');
    expect((await aiprov('report', out, '--format', 'html', '-o', html)).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('Bằng chứng');
    expect(page).toContain('tài liệu nguồn');
    expect(page).toContain('người kiểm chứng');
    // PROV-JSON carries the same: the evidence as an entity the verification used, the verifier's role.
    const provPath = join(dir, 'report.prov.json');
    expect((await aiprov('report', out, '--format', 'prov', '-o', provPath)).code).toBe(0);
    const prov = JSON.parse(readFileSync(provPath, 'utf8')) as { entity: Record<string, Record<string, unknown>>; activity: Record<string, Record<string, unknown>>; used: Record<string, Record<string, string>> };
    const documents = Object.entries(prov.entity).filter(([, e]) => e['aiprov:evidenceKind'] === 'document');
    expect(documents).toHaveLength(2);
    const [evidenceId, evidence] = documents.find(([, e]) => String(e['aiprov:locatedPassage']).includes('1.234 dịch vụ'))!;
    expect(evidence['aiprov:sha256']).toBe(figure.evidence!.sha256);
    const use = Object.values(prov.used).find((u) => u['prov:entity'] === evidenceId)!;
    expect(prov.activity[use['prov:activity']!]!['aiprov:agentRole']).toBe('verifier');
  });
});
