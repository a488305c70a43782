import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { DocxHost } from '../../src/host/docx';
import { insertPassage } from '../../src/workflow';
import { AI_TEXT, GENERATION, context, reportDocx } from '../workflow/helpers';
import { aiprov, tempDir, type CliRun } from './run';

/** The CLI in-process with an environment of its own (the default registry location depends on it). */
async function aiprovWith(env: NodeJS.ProcessEnv, ...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), lang: argv.includes('en') ? 'en' : 'vi', env });
  return { code, stdout, stderr };
}

let dir: string;
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
beforeAll(() => {
  dir = tempDir();
});

const EXCEL_CSV =
  '\uFEFFSố ký hiệu;Ngày ban hành;Cơ quan ban hành;Trích yếu;Tình trạng hiệu lực\r\n' +
  '12/2024/QĐ-UBND;15/03/2024;Ủy ban nhân dân tỉnh Nghệ An;Ban hành quy định quản lý tài sản;Còn hiệu lực\r\n' +
  '364a/QĐ-UBND;31/02/2023;Ủy ban nhân dân huyện X;Về việc thành lập tổ công tác;Còn hiệu lực\r\n';

describe('aiprov registry', () => {
  it('lookup shows the entry, its replacement, and says "not in the registry" without calling it an error', async () => {
    const found = await aiprov('registry', 'lookup', '13/2023/NĐ-CP');
    expect(found.code).toBe(0);
    expect(found.stdout).toContain('Nghị định 13/2023/NĐ-CP ngày 17/04/2023 của Chính phủ: Bảo vệ dữ liệu cá nhân');
    expect(found.stdout).toContain('Được thay thế bởi: 356/2025/NĐ-CP');
    const missing = await aiprov('registry', 'lookup', '999/2023/NĐ-CP', '--lang', 'en');
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('not in the registry');
  });

  it('import reports each bad row with its line number; a file with bad rows is refused as --registry', async () => {
    const csv = file('org.csv', EXCEL_CSV);
    const run = await aiprov('registry', 'import', csv);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Hợp lệ: 1 dòng; lỗi: 1 dòng.');
    expect(run.stdout).toMatch(/dòng 3: issued/);
    const refused = await aiprov('registry', 'stats', '--registry', csv);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('1 dòng không hợp lệ');
  });

  it('an imported file extends lookups and stats', async () => {
    const csv = file('good.csv', EXCEL_CSV.split('\r\n').slice(0, 2).join('\r\n'));
    const run = await aiprov('registry', 'lookup', '12/2024/QĐ-UBND', '--registry', csv);
    expect(run.stdout).toContain('Quyết định 12/2024/QĐ-UBND ngày 15/03/2024 của Ủy ban nhân dân tỉnh Nghệ An');
    const stats = await aiprov('registry', 'stats', '--registry', csv, '--json');
    const core = JSON.parse((await aiprov('registry', 'stats', '--json')).stdout);
    expect(JSON.parse(stats.stdout).entries).toBe(core.entries + 1);
  });

  it('scan --json carries the registry result per citation and the registry diagnostics', async () => {
    const txt = file('decree.txt', 'Căn cứ Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ về bảo vệ dữ liệu cá nhân;\n');
    const run = await aiprov('scan', txt, '--json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    const citation = out.findings.find((f: { kind: string }) => f.kind === 'citation');
    expect(citation.registry.result).toBe('found');
    expect(citation.registry.entry.replaced_by).toEqual(['356/2025/NĐ-CP']);
    expect(out.diagnostics.map((d: { code: string }) => d.code)).toContain('registry-expired');
  });

  it('scan groups the citations the registry does not list into one line (JSON keeps one diagnostic each)', async () => {
    const symbols = Array.from({ length: 8 }, (_, i) => `${101 + i}/QĐ-UBND`);
    const txt = file('many.txt', symbols.map((s) => `Căn cứ Quyết định số ${s} ngày 02/3/2025 của Ủy ban nhân dân tỉnh Cao Bằng;`).join('\n') + '\n');
    const human = await aiprov('scan', txt);
    const lines = human.stdout.split('\n').filter((l) => l.includes('không có trong danh mục văn bản'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('8 trích dẫn không có trong danh mục văn bản');
    expect(lines[0]).toContain('«101/QĐ-UBND»');
    expect(lines[0]).toContain('và 3 số khác');
    const json = JSON.parse((await aiprov('scan', txt, '--json')).stdout);
    expect(json.diagnostics.filter((d: { code: string }) => d.code === 'registry-not-listed')).toHaveLength(8);
  });
});

// issue 9 — registry: where the registry comes from, inspect --json, and the suggested source in verify.
describe('registry files: default location, org-settings.json, --registry', () => {
  const ROW = (symbol: string, title: string) => JSON.stringify({ symbol, type: 'Quyết định', issuer: 'Ủy ban nhân dân tỉnh Cao Bằng', issued: '2025-03-02', title, status: 'in-force' });

  it('reads <config>/aiprov/registry.jsonl, then the settings file registry (relative to it), then --registry', async () => {
    const config = join(dir, 'config');
    mkdirSync(join(config, 'aiprov'), { recursive: true });
    writeFileSync(join(config, 'aiprov', 'registry.jsonl'), ROW('15/QĐ-UBND', 'Mặc định') + '\n' + ROW('16/QĐ-UBND', 'Mặc định') + '\n');
    const org = join(dir, 'org');
    mkdirSync(org, { recursive: true });
    writeFileSync(join(org, 'danh-muc.jsonl'), ROW('16/QĐ-UBND', 'Của cơ quan') + '\n');
    const settings = join(org, 'org-settings.json');
    writeFileSync(settings, JSON.stringify({ registry: 'danh-muc.jsonl' }));
    const env = { XDG_CONFIG_HOME: config };
    const fromDefault = await aiprovWith(env, 'registry', 'lookup', '15/QĐ-UBND', '--json');
    expect(JSON.parse(fromDefault.stdout).entry.title).toBe('Mặc định');
    const overridden = await aiprovWith({ ...env, AIPROV_SETTINGS: settings }, 'registry', 'lookup', '16/QĐ-UBND', '--date', '2025-03-02', '--json');
    expect(overridden.code).toBe(0);
    expect(JSON.parse(overridden.stdout).entry.title).toBe('Của cơ quan');
    const flag = file('flag.jsonl', ROW('16/QĐ-UBND', 'Tham số') + '\n');
    const last = await aiprovWith({ ...env, AIPROV_SETTINGS: settings }, 'registry', 'lookup', '16/QĐ-UBND', '--registry', flag, '--json');
    expect(JSON.parse(last.stdout).entry.title).toBe('Tham số');
    // AIPROV_REGISTRY replaces the default location.
    const env2 = await aiprovWith({ XDG_CONFIG_HOME: config, AIPROV_REGISTRY: flag }, 'registry', 'lookup', '15/QĐ-UBND', '--json');
    expect(JSON.parse(env2.stdout).result).toBe('not-in-registry');
  });

  it('a settings file whose registry path is not a string list is refused with a message', async () => {
    const settings = file('bad-settings.json', JSON.stringify({ registry: [42] }));
    const run = await aiprovWith({ AIPROV_SETTINGS: settings }, 'registry', 'stats');
    expect(run.code).toBe(0); // the strict defaults apply; the core registry still answers
    expect(run.stdout).toContain('Danh mục:');
  });
});

describe('inspect --json and verify: the registry entry as the suggested source of a citation claim', () => {
  let drafted: string;
  beforeAll(async () => {
    const host = DocxHost.open(reportDocx());
    await insertPassage(host, context(), { afterParagraph: 5, text: AI_TEXT, generation: GENERATION });
    drafted = join(dir, 'with-citation.docx');
    writeFileSync(drafted, host.save());
  });

  const citationClaim = async () => {
    const json = JSON.parse((await aiprov('inspect', drafted, '--json')).stdout);
    return json.passages[0].claims.find((c: { kind: string }) => c.kind === 'citation');
  };

  it('inspect --json carries the registry result and the suggested source per citation claim', async () => {
    const claim = await citationClaim();
    expect(claim.text).toContain('13/2023/NĐ-CP');
    expect(claim.registry).toMatchObject({ result: 'found', statusAt: 'expired', replacedBy: ['356/2025/NĐ-CP'] });
    expect(claim.suggestedSource).toMatchObject({ symbol: '13/2023/NĐ-CP', type: 'Nghị định', issued: '2023-04-17', issuer: 'Chính phủ' });
    expect(claim.suggestedSource.label.vi).toBe('Nghị định số 13/2023/NĐ-CP ngày 17/04/2023 của Chính phủ «Bảo vệ dữ liệu cá nhân» (danh mục văn bản)');
    const json = JSON.parse((await aiprov('inspect', drafted, '--json')).stdout);
    const figure = json.passages[0].claims.find((c: { kind: string }) => c.kind === 'figure');
    expect(figure.registry).toBeUndefined();
  });

  it('verify without --source offers the entry and records nothing; --source-from-registry records it', async () => {
    const claim = await citationClaim();
    const out = join(dir, 'verified.docx');
    const offered = await aiprov('verify', drafted, '--claim', claim.id, '--by', 'Lê Văn Cường', '-o', out);
    expect(offered.code).toBe(2);
    expect(offered.stderr).toContain('Nguồn gợi ý');
    expect(offered.stderr).toContain('Nghị định số 13/2023/NĐ-CP ngày 17/04/2023 của Chính phủ');
    const accepted = await aiprov('verify', drafted, '--claim', claim.id, '--source-from-registry', '--by', 'Lê Văn Cường', '-o', out);
    expect(accepted.code).toBe(0);
    const after = JSON.parse((await aiprov('inspect', out, '--json')).stdout).passages[0].claims.find((c: { id: string }) => c.id === claim.id);
    // Recorded as registry evidence (issue 10): the entry the citation names, not a typed name.
    expect(after).toMatchObject({ status: 'verified', verifiedBy: 'Lê Văn Cường', evidence: { kind: 'registry', weaker: false } });
    expect(after.source).toContain('13/2023/NĐ-CP');
  });

  it('refuses --source-from-registry for a claim the registry does not list (a figure)', async () => {
    const json = JSON.parse((await aiprov('inspect', drafted, '--json')).stdout);
    const figure = json.passages[0].claims.find((c: { kind: string }) => c.kind === 'figure');
    const out = join(dir, 'no.docx');
    const run = await aiprov('verify', drafted, '--claim', figure.id, '--source-from-registry', '--by', 'A', '-o', out);
    expect(run.code).not.toBe(0); // refused by the workflow: nothing written
    expect(existsSync(out)).toBe(false);
    expect(run.stderr).toContain('chỉ xác nhận được trích dẫn');
  });
});
