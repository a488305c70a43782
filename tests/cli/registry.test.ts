import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { aiprov, tempDir } from './run';

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
});
