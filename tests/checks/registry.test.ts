import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  buildRegistry,
  coreEntries,
  lookupCitation,
  parseRegistryCsv,
  parseRegistryJsonl,
  registryKey,
  registryStats,
  type RegistryEntry,
} from '../../src/checks/registry';

const core = buildRegistry([coreEntries()]);

describe('registry lookup (core registry)', () => {
  it('finds a law by its symbol with no mismatch, written with a look-alike Ð and spaces', () => {
    const r = lookupCitation(core, { symbol: '24/2018/QH14', typeName: 'Luật', title: 'Luật An ninh mạng', date: '2018-06-12' }, '2024-01-01');
    expect(r.result).toBe('found');
    if (r.result !== 'found') return;
    expect(r.mismatches).toEqual([]);
    expect(r.statusAt).toBe('in-force');
    expect(registryKey('30/2020/ND-CP')).not.toBe(registryKey('30/2020/NĐ-CP'));
    expect(lookupCitation(core, { symbol: '30/2020/NÐ- CP' }).result).toBe('found');
  });

  it('reports date, issuer, type and title that differ from the entry', () => {
    const r = lookupCitation(core, { symbol: '29/2018/QH14', typeName: 'Luật', title: 'Luật An ninh mạng', date: '2018-11-16' }, '2024-01-01');
    expect(r.result === 'found' && r.mismatches.map((m) => m.field).sort()).toEqual(['date', 'title']);
    const s = lookupCitation(core, { symbol: '30/2020/NĐ-CP', typeName: 'Thông tư', issuerName: 'Bộ Nội vụ' });
    expect(s.result === 'found' && s.mismatches.map((m) => m.field).sort()).toEqual(['issuer', 'type']);
    // A decree title quoted with "về …" and the type word still matches.
    const t = lookupCitation(core, { symbol: '30/2020/NĐ-CP', title: 'Nghị định về công tác văn thư', issuerName: 'Chính phủ' });
    expect(t.result === 'found' && t.mismatches).toEqual([]);
  });

  it('says a replaced decree is no longer in force, with its replacement, only after it ended', () => {
    const after = lookupCitation(core, { symbol: '13/2023/NĐ-CP' }, '2026-03-01');
    expect(after.result === 'found' && [after.statusAt, after.replacedBy]).toEqual(['expired', ['356/2025/NĐ-CP']]);
    const before = lookupCitation(core, { symbol: '13/2023/NĐ-CP' }, '2025-06-01');
    expect(before.result === 'found' && before.statusAt).toBe('in-force');
  });

  it('says a law is not yet in force on a document dated before its effective date', () => {
    const r = lookupCitation(core, { symbol: '116/2025/QH15' }, '2026-03-01');
    expect(r.result === 'found' && r.statusAt).toBe('not-yet-in-force');
    const later = lookupCitation(core, { symbol: '116/2025/QH15' }, '2026-08-01');
    expect(later.result === 'found' && later.statusAt).toBe('in-force');
  });

  it('not found is an error only where the registry claims coverage', () => {
    expect(lookupCitation(core, { symbol: '999/2023/NĐ-CP' }).result).toBe('not-in-registry');
    const covered = buildRegistry([coreEntries()], [{ type: 'Nghị định', issuer: 'Chính phủ', issuerCode: 'CP', fromYear: 2020, toYear: 2025 }]);
    const r = lookupCitation(covered, { symbol: '999/2023/NĐ-CP' });
    expect(r.result).toBe('not-found');
    expect(lookupCitation(covered, { symbol: '999/2023/NĐ-CP', issuerName: 'Chính phủ' }).result).toBe('not-found');
    expect(lookupCitation(covered, { symbol: '999/2019/NĐ-CP' }).result).toBe('not-in-registry');
    expect(lookupCitation(covered, { symbol: '999/2023/TT-BTC' }).result).toBe('not-in-registry');
  });
});

describe('numbers without a year repeat every year', () => {
  const permits: RegistryEntry[] = parseRegistryJsonl(
    [
      '{"symbol":"01/GP-UBND","type":"Giấy phép","issuer":"Ủy ban nhân dân tỉnh A","issued":"2017-01-05","status":"unknown"}',
      '{"symbol":"01/GP-UBND","type":"Giấy phép","issuer":"Ủy ban nhân dân tỉnh A","issued":"2019-02-11","status":"unknown"}',
    ].join('\n'),
  ).entries;
  const reg = buildRegistry([permits]);
  it('two citations with dates in different years are two documents', () => {
    const a = lookupCitation(reg, { symbol: '01/GP-UBND', date: '2017-01-05' });
    const b = lookupCitation(reg, { symbol: '01/GP-UBND', date: '2019-02-11' });
    expect(a.result === 'found' && a.entry.issued).toBe('2017-01-05');
    expect(b.result === 'found' && b.entry.issued).toBe('2019-02-11');
    expect(a.result === 'found' && a.mismatches).toEqual([]);
    expect(b.result === 'found' && b.mismatches).toEqual([]);
  });
  it('same year, other day is a date mismatch; another year is not this registry entry; no date is ambiguous', () => {
    const c = lookupCitation(reg, { symbol: '01/GP-UBND', date: '2017-03-01' });
    expect(c.result === 'found' && c.mismatches.map((m) => m.field)).toEqual(['date']);
    expect(lookupCitation(reg, { symbol: '01/GP-UBND', date: '2021-01-01' }).result).toBe('not-in-registry');
    expect(lookupCitation(reg, { symbol: '01/GP-UBND' }).result).toBe('ambiguous');
  });
});

describe('registry files', () => {
  it('imports an Excel CSV (BOM, ";", Vietnamese headers) and reports bad rows with line numbers', () => {
    const csv =
      '\uFEFFSố ký hiệu;Ngày ban hành;Cơ quan ban hành;Trích yếu;Tình trạng hiệu lực\r\n' +
      '12/2024/QĐ-UBND;15/03/2024;Ủy ban nhân dân tỉnh Nghệ An;"Ban hành quy định về quản lý; sử dụng tài sản";Còn hiệu lực\r\n' +
      '364a/QĐ-UBND;31/02/2023;Ủy ban nhân dân huyện X;Về việc thành lập tổ công tác;Còn hiệu lực\r\n' +
      ';01/01/2020;Sở Tài chính;Không có số;Hết hiệu lực\r\n' +
      '05/2021/NQ-HĐND;07/07/2021;Hội đồng nhân dân tỉnh Y;Quy định mức chi;Hết hiệu lực một phần\r\n';
    const { entries, errors } = parseRegistryCsv(csv);
    expect(entries.map((e) => [e.symbol, e.type, e.issued, e.status])).toEqual([
      ['12/2024/QĐ-UBND', 'Quyết định', '2024-03-15', 'in-force'],
      ['05/2021/NQ-HĐND', 'Nghị quyết', '2021-07-07', 'partly-expired'],
    ]);
    expect(entries[0]!.title).toBe('Ban hành quy định về quản lý; sử dụng tài sản');
    expect(errors.map((e) => e.line)).toEqual([3, 4]);
    expect(errors[0]!.message).toMatch(/issued/);
  });

  it('refuses a CSV without the symbol and date headers', () => {
    expect(parseRegistryCsv('Tên;Ghi chú\na;b\n').errors[0]!.line).toBe(1);
  });

  it('reports bad JSONL lines by number and keeps the good ones', () => {
    const { entries, errors } = parseRegistryJsonl('{"symbol":"1/2020/NĐ-CP","type":"Nghị định","issuer":"Chính phủ","issued":"2020-01-01","status":"in-force"}\n\nnot json\n{"symbol":"2/2020/NĐ-CP"}\n');
    expect(entries).toHaveLength(1);
    expect(errors.map((e) => e.line)).toEqual([3, 4]);
  });

  it('an organisation file overrides a core entry of the same identity', () => {
    const own = parseRegistryJsonl('{"symbol":"30/2020/NĐ-CP","type":"Nghị định","issuer":"Chính phủ","issued":"2020-03-05","title":"Về công tác văn thư","status":"partly-expired","status_as_of":"2026-01-01"}').entries;
    const reg = buildRegistry([coreEntries(), own]);
    const r = lookupCitation(reg, { symbol: '30/2020/NĐ-CP' });
    expect(r.result === 'found' && r.entry.status).toBe('partly-expired');
    expect(reg.size).toBe(core.size);
  });
});

const SHARED = '../shared/registry/documents.jsonl';
describe.skipIf(!existsSync(SHARED))('shared registry (../shared/registry, skipped when absent)', () => {
  it('loads every row, and the core registry agrees with it on dates and issuers', () => {
    const text = readFileSync(SHARED, 'utf8');
    const t0 = performance.now();
    const { entries, errors } = parseRegistryJsonl(text);
    const reg = buildRegistry([entries]);
    const ms = performance.now() - t0;
    expect(errors).toEqual([]);
    expect(entries.length).toBeGreaterThan(10000);
    // The seed holds one document twice (04/2023/NĐ-CP and 4/2023/NĐ-CP, same day): the index merges them.
    expect(registryStats(reg).entries).toBeLessThanOrEqual(entries.length);
    expect(registryStats(reg).entries).toBeGreaterThan(entries.length - 10);
    for (const c of coreEntries()) {
      const r = lookupCitation(reg, { symbol: c.symbol, typeName: c.type, date: c.issued });
      if (r.result !== 'found') continue; // 91/2025/QH15 is not in the shared seed
      expect(r.mismatches.filter((m) => m.field !== 'title'), c.symbol).toEqual([]);
    }
    expect(ms).toBeLessThan(5000);
  });
});

import { scanText } from '../../src/checks';
import { checkCitationsAgainstRegistry } from '../../src/checks/registry';

describe('registry diagnostics on scanned text', () => {
  it('names the replacement of an expired decree and the registry date of a misdated law', () => {
    const text = 'Căn cứ Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ về bảo vệ dữ liệu cá nhân; căn cứ Luật Bảo vệ bí mật nhà nước số 29/2018/QH14 ngày 16/11/2018;';
    const scan = scanText(text);
    const { results, diagnostics } = checkCitationsAgainstRegistry(scan.findings, core, '2026-03-02');
    const symbols = [...results.entries()].map(([f, r]) => [f.kind === 'citation' && f.citation.symbol, r.result]);
    expect(symbols).toEqual([['13/2023/NĐ-CP', 'found'], ['29/2018/QH14', 'found']]);
    const codes = diagnostics.map((d) => d.code);
    expect(codes).toContain('registry-expired');
    expect(codes).toContain('registry-date-mismatch');
    const expired = diagnostics.find((d) => d.code === 'registry-expired')!;
    expect(expired.message.vi).toContain('356/2025/NĐ-CP');
    expect(expired.message.en).toContain('no longer in force since 01/01/2026');
    expect(text.slice(expired.start, expired.end)).toBe(expired.text);
    expect(diagnostics.find((d) => d.code === 'registry-date-mismatch')!.message.vi).toContain('15/11/2018');
  });
});

// issue 9 — registry: coverage claims in a file, and "not in the registry" as information.
describe('coverage: not found is an error only where a file claims coverage', () => {
  const file = [
    '{"coverage":{"type":"Quyết định","issuer":"Ủy ban nhân dân tỉnh Cao Bằng","fromYear":2024,"toYear":2025}}',
    '{"symbol":"15/QĐ-UBND","type":"Quyết định","issuer":"Ủy ban nhân dân tỉnh Cao Bằng","issued":"2025-01-08","status":"in-force"}',
    '{"coverage":{"type":"Quyết định","fromYear":2026,"toYear":2020}}',
  ].join('\n');

  it('reads coverage lines apart from entries, and reports a bad one with its line number', () => {
    const parsed = parseRegistryJsonl(file);
    expect(parsed.entries.map((e) => e.symbol)).toEqual(['15/QĐ-UBND']);
    expect(parsed.coverage).toEqual([{ type: 'Quyết định', issuer: 'Ủy ban nhân dân tỉnh Cao Bằng', fromYear: 2024, toYear: 2025 }]);
    expect(parsed.errors.map((e) => e.line)).toEqual([3]);
  });

  it('gives an error inside the claimed issuer and years, information elsewhere', () => {
    const parsed = parseRegistryJsonl(file);
    const reg = buildRegistry([coreEntries(), parsed.entries], parsed.coverage);
    const text = [
      'Căn cứ Quyết định số 27/QĐ-UBND ngày 03/02/2025 của Ủy ban nhân dân tỉnh Cao Bằng;',
      'Căn cứ Quyết định số 27/QĐ-UBND ngày 03/02/2025 của Ủy ban nhân dân tỉnh Lạng Sơn;',
      'Căn cứ Quyết định số 27/QĐ-UBND ngày 03/02/2023 của Ủy ban nhân dân tỉnh Cao Bằng.',
    ].join('\n');
    const findings = scanText(text).findings;
    const { diagnostics } = checkCitationsAgainstRegistry(findings, reg, '2026-01-01');
    expect(diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ['error', 'registry-not-found'],
      ['info', 'registry-not-listed'],
      ['info', 'registry-not-listed'],
    ]);
    expect(diagnostics[1]!.message.vi).toContain('không có trong danh mục văn bản');
    expect(diagnostics[0]!.message.vi).toContain('Ủy ban nhân dân tỉnh Cao Bằng');
  });
});

// issue 14 — performance: a distinct citation is looked up once; every finding still gets its result
// and its own diagnostics at its own place.
describe('repeated citations', () => {
  it('the same citation three times: three results, three diagnostics, each at its own place', () => {
    const sentence = 'Căn cứ Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ; ';
    const text = sentence.repeat(3);
    const { results, diagnostics, sources } = checkCitationsAgainstRegistry(scanText(text).findings, core, '2026-03-02');
    expect([...results.values()].map((r) => r.result)).toEqual(['found', 'found', 'found']);
    const expired = diagnostics.filter((d) => d.code === 'registry-expired');
    expect(new Set(expired.map((d) => d.start)).size).toBe(3);
    expect(sources).toHaveLength(diagnostics.length);
    expired.forEach((d) => expect(text.slice(d.start, d.end)).toBe(d.text));
  });
});
