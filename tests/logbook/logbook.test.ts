import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { TIER_LABELS } from '../../src/policy';
import { runLogbook } from '../../src/logbook/run';
import { SET_FILES, SIGNER_UNIT, VERIFIER_UNIT, logbookKeys, writeLogbookSet } from '../fixtures/logbook-set';
import { spawnSync } from 'node:child_process';
import { REPO, aiprov, tempDir } from '../cli/run';

/** The real command, run with node from a folder outside the checkout. */
function aiprovProcess(args: string[]) {
  const result = spawnSync(process.execPath, [join(REPO, 'bin/aiprov.mjs'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, AIPROV_LANG: 'vi' } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

let dir: string;
let files: Record<keyof typeof SET_FILES, string>;
/** The organisation's settings holding the set's trust list (as `check --settings` reads it). */
let settings: string;

beforeAll(async () => {
  dir = tempDir();
  files = await writeLogbookSet(join(dir, 'don-vi'));
  settings = join(dir, 'org-settings.json');
  writeFileSync(settings, JSON.stringify({ trustedKeys: (await logbookKeys()).trustedKeys }));
}, 60_000);

const root = () => join(dir, 'don-vi');

async function json(...extra: string[]) {
  const withSettings = extra.includes('--settings') ? extra : ['--settings', settings, ...extra];
  const run = await aiprov('logbook', root(), '--format', 'json', '--no-cache', '--no-progress', ...withSettings);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

/** A small RFC 4180 reader: quoted cells, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    } else cell += c;
  }
  return rows;
}

describe('aiprov logbook over a generated set', () => {
  it('computes every total, group and finding', async () => {
    const logbook = await json();
    expect(logbook.totals).toEqual({
      files: 11,
      documentsWithRecord: 7,
      documentsWithAi: 7,
      passages: 7,
      generated: 6,
      declared: 1,
      removed: 1,
      claims: 15,
      verified: 8,
      rejected: 1,
      lapsed: 0,
      unverified: 6,
      verbatim: 5,
      disclosed: 2,
      signedOff: 3,
      signedByTrustedKey: 1,
      changedSinceSignOff: 1,
      evidence: { registry: 1, document: 1, grounding: 0, excerpt: 1, manual: 5, none: 0 },
      unitFromTrustList: 2,
      listedApart: 3,
    });
    const rows = (groups: { key: string; documents: number; passages: number; claims: number; verified: number; verbatim: number }[]) =>
      Object.fromEntries(groups.map((g) => [g.key, [g.documents, g.passages, g.claims, g.verified, g.verbatim]]));
    expect(rows(logbook.byMonth)).toEqual({ '2026-10': [3, 3, 6, 0, 3], '2026-11': [4, 4, 9, 8, 2] });
    // The unit of a document signed with a trusted key is the key owner's on the trust list (the
    // sign-off's, else a verifier's); the others fall back to their folder.
    expect(rows(logbook.byUnit)).toEqual({
      [VERIFIER_UNIT]: [1, 1, 3, 3, 1],
      [SIGNER_UNIT]: [1, 1, 3, 3, 0],
      mat: [1, 1, 0, 0, 1],
      'so-a': [2, 2, 3, 0, 2],
      'so-b': [2, 2, 6, 2, 1],
    });
    expect(rows(logbook.byPurpose)).toEqual({ draft: [5, 5, 15, 8, 3], proofread: [1, 1, 0, 0, 1], summarize: [1, 1, 0, 0, 1] });
    expect(rows(logbook.byTier)).toEqual({ declared: [1, 1, 0, 0, 1], internal: [5, 5, 15, 8, 3], public: [1, 1, 0, 0, 1] });
    expect(rows(logbook.byPerson)).toEqual({
      'Hoàng Văn Em': [1, 1, 0, 0, 1],
      'Lê Văn Cường': [4, 4, 12, 8, 2],
      'Nguyễn Văn An': [5, 5, 15, 8, 3],
      'Phạm Thị Dung': [2, 2, 6, 5, 0],
      'Đỗ Văn Giang': [1, 1, 3, 0, 1],
      'Trần Thị Bình': [1, 1, 0, 0, 1],
    });
    expect(logbook.byMonth.find((g: { key: string }) => g.key === '2026-11').verifiedRate).toBeCloseTo(8 / 9);
    expect(logbook.byPurpose.find((g: { key: string }) => g.key === 'proofread').verifiedRate).toBeNull();

    const f = logbook.findings;
    expect(f.level4WithAi).toEqual([{ path: files.level4, passages: 1 }]);
    expect(f.personalDataToNonInternal).toEqual([{ path: files.level4, passageShortId: expect.stringMatching(/^[0-9a-f]{8}$/), tier: 'public', items: 2 }]);
    expect(f.signOffsWithUnverified).toEqual([{ path: files.drafted, by: 'Đỗ Văn Giang', at: expect.stringMatching(/^2026-10-05T/), claims: 3, verified: 0 }]);
    expect(f.signedWithUnverifiedClaims).toEqual([
      { path: files.drafted, notVerified: 3 },
      { path: files.signedEdited, notVerified: 1 },
    ]);
    // The verifications of the signed-then-edited document carry a key the trust list gives to another name.
    expect(f.badSignatures).toEqual([{ path: files.signedEdited, invalid: 0, nameMismatch: 3 }]);
    expect(f.altered).toEqual([{ path: files.altered, reason: { vi: expect.stringContaining('bị thay đổi'), en: expect.stringContaining('changed') } }]);
    expect(f.unmarkedAiText).toEqual([{ sourcePath: files.level4, passageShortId: f.personalDataToNonInternal[0].passageShortId, foundIn: files.copied, paragraph: 7, distance: 0 }]);
  });

  it('gives each document its condition, level, passages, evidence kinds, sign-off and its signature', async () => {
    const logbook = await json();
    const byPath = Object.fromEntries(logbook.documents.map((d: { path: string }) => [d.path, d]));
    const conditions = Object.fromEntries(Object.entries(files).map(([role, path]) => [role, byPath[path].condition]));
    expect(conditions).toEqual({
      drafted: 'ok',
      declared: 'ok',
      verified: 'ok',
      signed: 'ok',
      signedEdited: 'ok',
      altered: 'altered',
      corrupt: 'unreadable',
      newer: 'newer-version',
      level4: 'ok',
      copied: 'no-record',
      plain: 'no-record',
    });
    expect(byPath[files.corrupt].reason.vi).toBeTruthy();
    expect(byPath[files.newer].reason.en).toBeTruthy();
    expect(byPath[files.level4].level).toBe(4);
    expect(byPath[files.drafted].level).toBe(1);
    const signed = byPath[files.signed];
    expect(signed.signOffs).toEqual([
      {
        by: 'Phạm Thị Dung',
        role: 'Phó Giám đốc',
        at: expect.stringMatching(/^2026-11-22T/),
        current: true,
        signature: 'trusted',
        signatureLabel: { vi: 'ký bằng khóa tin cậy', en: 'signed with a trusted key' },
        keyOwner: { name: 'Phạm Thị Dung', unit: SIGNER_UNIT },
        claimsAtSignOff: 3,
        verifiedAtSignOff: 3,
      },
    ]);
    expect(signed).toMatchObject({ unit: SIGNER_UNIT, unitSource: 'trust-list', folder: 'so-b', signedByTrustedKey: true, textChangedSinceSignOff: false, signaturesSummary: 'not-all-trusted' });
    // Three verifications and the sign-off with trusted keys; the disclosure by a person without a key.
    expect(signed.signatures).toEqual({ trusted: 4, 'name-mismatch': 0, 'not-valid-then': 0, 'unknown-key': 0, invalid: 0, unsigned: 1 });
    expect(signed.evidence).toEqual({ registry: 0, document: 0, grounding: 0, excerpt: 0, manual: 3, none: 0 });
    expect(byPath[files.verified]).toMatchObject({
      unit: VERIFIER_UNIT,
      unitSource: 'trust-list',
      signedByTrustedKey: null,
      textChangedSinceSignOff: null,
      signaturesSummary: 'all-trusted',
      evidence: { registry: 1, document: 1, grounding: 0, excerpt: 1, manual: 0, none: 0 },
    });
    expect(byPath[files.verified].passages[0].evidence).toEqual({ registry: 1, document: 1, grounding: 0, excerpt: 1, manual: 0, none: 0 });
    const edited = byPath[files.signedEdited];
    expect(edited).toMatchObject({ unit: 'so-b', unitSource: 'folder', signedByTrustedKey: false, textChangedSinceSignOff: true, signaturesSummary: 'broken' });
    expect(edited.signOffs[0]).toMatchObject({ signature: 'unknown-key', keyOwner: null });
    expect(edited.signatures).toMatchObject({ 'name-mismatch': 3, 'unknown-key': 1, unsigned: 1 });
    // The lapsed verification no longer counts: two claims verified by hand remain.
    expect(edited.evidence.manual).toBe(2);
    // The rejection and the sign-off were made without a key: unsigned, so the unit stays the folder.
    expect(byPath[files.drafted]).toMatchObject({ unit: 'so-a', unitSource: 'folder', signaturesSummary: 'not-all-trusted', signedByTrustedKey: false, textChangedSinceSignOff: false });
    expect(byPath[files.drafted].signOffs[0]).toMatchObject({ by: 'Đỗ Văn Giang', signature: 'unsigned', keyOwner: null, claimsAtSignOff: 3, verifiedAtSignOff: 0 });
    expect(byPath[files.drafted].signatures).toMatchObject({ unsigned: 2, trusted: 0 });
    expect(byPath[files.drafted].passages.map((p: { removed: boolean; claims: object; verifiers: string[] }) => [p.removed, p.claims, p.verifiers])).toEqual([
      [false, { verified: 0, rejected: 1, lapsed: 0, unverified: 2 }, ['Lê Văn Cường']],
      [true, { verified: 0, rejected: 0, lapsed: 0, unverified: 1 }, []],
    ]);
    expect(signed.disclosure).toMatchObject({ by: 'Nguyễn Văn An' });
    expect(signed.passages[0]).toMatchObject({ origin: 'generated', providerName: 'Ollama (máy này)', providerTier: 'internal', model: 'qwen2.5:7b', verbatim: false, claims: { verified: 3, rejected: 0, lapsed: 0, unverified: 0 }, verifiers: ['Lê Văn Cường'] });
    expect(byPath[files.signedEdited].signOffs[0].current).toBe(false);
    expect(byPath[files.declared].passages[0]).toMatchObject({ origin: 'declared', tool: 'ChatGPT (trình duyệt)', providerTier: null, purpose: 'proofread' });
  });

  it('without a trust list, no signature is trusted and every unit is the folder', async () => {
    const empty = join(dir, 'no-keys.json');
    writeFileSync(empty, '{}');
    const logbook = await json('--settings', empty);
    const byPath = Object.fromEntries(logbook.documents.map((d: { path: string }) => [d.path, d]));
    expect(byPath[files.signed]).toMatchObject({ unit: 'so-b', unitSource: 'folder', signedByTrustedKey: false, signaturesSummary: 'not-all-trusted' });
    expect(byPath[files.signed].signatures).toMatchObject({ trusted: 0, 'unknown-key': 4 });
    expect(logbook.totals).toMatchObject({ signedByTrustedKey: 0, unitFromTrustList: 0 });
    expect(logbook.findings.badSignatures).toEqual([]);
  });

  it('filters AI use by date (--from / --to, inclusive) and refuses a malformed date', async () => {
    expect((await json('--from', '2026-11-01')).totals.passages).toBe(4);
    expect((await json('--to', '2026-10-31')).totals.passages).toBe(3);
    expect((await json('--from', '2026-10-05', '--to', '2026-10-05')).totals.passages).toBe(3);
    const bad = await aiprov('logbook', root(), '--from', '5/10/2026', '--no-cache');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Ngày không hợp lệ');
  });

  it('writes a CSV that Excel opens with Vietnamese intact (BOM, Vietnamese headers), read back', async () => {
    const out = join(dir, 'so.csv');
    const run = await aiprov('logbook', root(), '-o', out, '--no-cache', '--no-progress', '--settings', settings);
    expect(run.code, run.stderr).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    expect(rows).toHaveLength(12);
    const header = rows[0]!;
    expect(header.slice(0, 7)).toEqual(['Tệp', 'Đơn vị', 'Nguồn đơn vị', 'Tiêu đề', 'Mức độ', 'Tình trạng hồ sơ', 'Lý do']);
    const col = (name: string) => header.indexOf(name);
    const signed = rows.find((r) => r[0] === files.signed)!;
    expect(signed[col('Đơn vị')]).toBe(SIGNER_UNIT);
    expect(signed[col('Nguồn đơn vị')]).toBe('danh sách khoá tin cậy');
    expect(signed[col('Tình trạng hồ sơ')]).toBe('nguyên vẹn');
    expect(signed[col('Đã kiểm chứng')]).toBe('3');
    expect(signed[col('Nhà cung cấp (loại)')]).toBe(`Ollama (máy này) (${TIER_LABELS.internal.vi})`);
    expect(signed[col('Người kiểm chứng')]).toBe('Lê Văn Cường');
    expect(signed[col('Loại bằng chứng')]).toBe('xác nhận thủ công, không có tài liệu đối chiếu: 3');
    expect(signed[col('Ký duyệt')]).toMatch(/^Phạm Thị Dung \(Phó Giám đốc\) 2026-11-22T/);
    expect(signed[col('Chữ ký của lần ký duyệt')]).toBe('ký bằng khóa tin cậy');
    expect(signed[col('Ký bằng khoá tin cậy')]).toBe('có');
    expect(signed[col('Văn bản đổi sau ký')]).toBe('không');
    const edited = rows.find((r) => r[0] === files.signedEdited)!;
    expect(edited[col('Văn bản đổi sau ký')]).toBe('có');
    expect(edited[col('Ký bằng khoá tin cậy')]).toBe('không');
    expect(edited[col('Chữ ký của lần ký duyệt')]).toBe('ký bằng khóa không có trong danh sách tin cậy');
    expect(rows.find((r) => r[0] === files.verified)![col('Loại bằng chứng')]).toBe('danh mục văn bản: 1; tài liệu nguồn: 1; đoạn trích: 1');
    expect(rows.find((r) => r[0] === files.drafted)![col('Ký bằng khoá tin cậy')]).toBe('không');
    expect(rows.find((r) => r[0] === files.declared)![col('Ký bằng khoá tin cậy')]).toBe('');
    // Nothing reads "unknown" any more but the level of the file that cannot be opened.
    expect(rows.filter((r) => r.includes('không rõ')).map((r) => r[0])).toEqual([files.corrupt]);
    expect(rows.find((r) => r[0] === files.corrupt)![col('Tình trạng hồ sơ')]).toBe('không đọc được');
    expect(rows.find((r) => r[0] === files.level4)![col('Mức độ')]).toBe('4');
  });

  it('writes NDJSON events that validate against docs/logbook-ndjson.schema.json', async () => {
    const run = await aiprov('logbook', root(), '--format', 'ndjson', '--no-cache', '--no-progress', '--settings', settings);
    expect(run.code).toBe(0);
    const schema = JSON.parse(readFileSync(new URL('../../docs/logbook-ndjson.schema.json', import.meta.url), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    for (const line of lines) expect(validate(line), JSON.stringify(validate.errors)).toBe(true);
    const kinds = lines.reduce((count: Record<string, number>, l) => ((count[l.event_kind] = (count[l.event_kind] ?? 0) + 1), count), {});
    // One event per recorded passage, the removed one too (removed: true).
    expect(kinds).toEqual({ 'ai-use': 8, 'file-problem': 3, finding: 8 });
    expect(lines.filter((l) => l.event_kind === 'ai-use' && l.removed).map((l) => l.file_path)).toEqual([files.drafted]);
    expect(lines.filter((l) => l.event_kind === 'finding').map((l) => l.finding).sort()).toEqual([
      'ai-text-without-mark',
      'bad-signature',
      'level4-with-ai',
      'personal-data-to-non-internal',
      'record-altered',
      'sign-off-with-unverified',
      'signed-with-unverified-claims',
      'signed-with-unverified-claims',
    ]);
    const signedUse = lines.find((l) => l.event_kind === 'ai-use' && l.file_path === files.signed);
    expect(signedUse).toMatchObject({
      unit: SIGNER_UNIT,
      unit_source: 'trust-list',
      evidence_manual: 3,
      evidence_registry: 0,
      sign_off_by: 'Phạm Thị Dung',
      sign_off_signature: 'trusted',
      signed_by_trusted_key: true,
      text_changed_since_sign_off: false,
    });
    expect(lines.find((l) => l.event_kind === 'ai-use' && l.file_path === files.verified)).toMatchObject({ evidence_registry: 1, evidence_document: 1, evidence_excerpt: 1, sign_off_signature: null, signed_by_trusted_key: null });
    expect(lines.find((l) => l.event_kind === 'ai-use' && l.file_path === files.signedEdited)).toMatchObject({ sign_off_signature: 'unknown-key', signed_by_trusted_key: false, text_changed_since_sign_off: true });
    expect(lines.find((l) => l.finding === 'bad-signature')).toMatchObject({ file_path: files.signedEdited, invalid: 0, name_mismatch: 3 });
    // The schema is not a rubber stamp: a wrong field fails it.
    expect(validate({ ...signedUse, sign_off_signature: 'maybe' })).toBe(false);
    expect(validate({ ...lines.find((l) => l.event_kind === 'ai-use'), provider_tier: 'cloud' })).toBe(false);
  });

  it('writes the HTML report for A4 in Vietnamese by default, English with --lang en', async () => {
    const out = join(dir, 'so.html');
    expect((await aiprov('logbook', root(), '-o', out, '--no-cache', '--no-progress', '--settings', settings)).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Sổ theo dõi sử dụng AI của đơn vị');
    expect(html).toContain('size: A4');
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toContain('<tr><td>Ký duyệt bằng khoá tin cậy</td><td>1</td></tr>');
    expect(html).toContain('<tr><td>Kiểm chứng dựa trên: danh mục văn bản</td><td>1</td></tr>');
    expect(html).toContain('Chữ ký không hợp lệ hoặc khoá không đúng người (1)');
    expect(html).toContain('Ký duyệt khi còn nội dung chưa kiểm chứng (1)');
    expect(html).toContain('Tài liệu đã ký nhưng nay còn nội dung chưa kiểm chứng (2)');
    expect(html).toContain('Dữ liệu cá nhân gửi tới AI không phải nội bộ (theo lời nhắc đã ghi) (1)');
    expect(html).toContain('Hồ sơ bị sửa đổi (1)');
    expect(html).toContain('<h3>Theo đơn vị (theo danh sách khoá tin cậy, nếu không thì thư mục)</h3>');
    expect(html).toContain(`<td>${SIGNER_UNIT}</td><td>danh sách khoá tin cậy</td>`);
    expect(html).not.toContain('không rõ</td><td>không rõ');
    expect(html).toContain('Văn bản AI không có đánh dấu (tìm thấy ở tài liệu khác) (1)');
    expect(html).toContain('Dùng AI trên tài liệu nay là mức 4 (bí mật nhà nước) (1)');
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    const en = join(dir, 'so-en.html');
    expect((await aiprov('logbook', root(), '-o', en, '--lang', 'en', '--no-cache', '--no-progress')).code).toBe(0);
    expect(readFileSync(en, 'utf8')).toContain('The unit&#39;s logbook of AI use');
  });
});

describe('reading many files', () => {
  it('reuses cached summaries of unchanged files and re-reads a changed one', async () => {
    const cachePath = join(dir, 'cache.json');
    const first = await runLogbook([root()], { cachePath, jobs: 1 });
    expect([first.read, first.cached]).toEqual([11, 0]);
    const second = await runLogbook([root()], { cachePath, jobs: 1 });
    expect([second.read, second.cached]).toEqual([0, 11]);
    expect(second.logbook).toEqual(first.logbook);
    // Same size and mtime but other content: the hash catches it.
    const bytes = readFileSync(files.plain);
    const stat = { atime: new Date(), mtime: new Date(Date.now() - 3_600_000) };
    utimesSync(files.plain, stat.atime, stat.mtime);
    const third = await runLogbook([root()], { cachePath, jobs: 1 });
    expect([third.read, third.cached]).toEqual([1, 10]);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 30] = flipped[flipped.length - 30]! ^ 1;
    writeFileSync(files.plain, flipped);
    utimesSync(files.plain, stat.atime, stat.mtime);
    const fourth = await runLogbook([root()], { cachePath, jobs: 1 });
    expect([fourth.read, fourth.cached]).toEqual([1, 10]);
    writeFileSync(files.plain, bytes);
    // A changed trust list changes signature states and units: every summary is read again.
    const { trustedKeys } = await logbookKeys();
    const trusted = await runLogbook([root()], { cachePath, jobs: 1, trustedKeys });
    expect([trusted.read, trusted.cached]).toEqual([11, 0]);
    expect(trusted.logbook.totals.unitFromTrustList).toBe(2);
    const again = await runLogbook([root()], { cachePath, jobs: 1, trustedKeys });
    expect([again.read, again.cached]).toEqual([0, 11]);
    expect(again.logbook).toEqual(trusted.logbook);
    const shorter = await runLogbook([root()], { cachePath, jobs: 1, trustedKeys: trustedKeys.slice(1) });
    expect([shorter.read, shorter.cached]).toEqual([11, 0]);
    expect(shorter.logbook.totals.signedByTrustedKey).toBe(0);
  });

  it('reads in worker threads with the same result as in this thread', async () => {
    const { trustedKeys } = await logbookKeys();
    const inThread = await runLogbook([root()], { cachePath: null, jobs: 1, trustedKeys });
    const inWorkers = await runLogbook([root()], { cachePath: null, jobs: 2, trustedKeys });
    expect(inWorkers.logbook.totals.signedByTrustedKey).toBe(1);
    expect(inWorkers.threads).toBe(2);
    expect(inWorkers.logbook).toEqual(inThread.logbook);
  }, 60_000);

  it('prints plain progress lines when stderr is not a terminal, and goes on past unreadable files', async () => {
    const run = await aiprov('logbook', root(), '-o', join(dir, 'p.json'), '--no-cache');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^0?\d+\/11 tệp · [\d.]+ tệp\/giây · còn /m);
    expect(run.stderr).toContain('11/11 tệp');
  });

  it('runs as a real process from another folder, reading in worker threads, the cache next to the output', async () => {
    const out = join(dir, 'that.json');
    const run = aiprovProcess(['logbook', root(), '-o', out, '--jobs', '2']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Đã đọc 11 tệp (2 luồng), 0 tệp lấy từ bộ nhớ đệm.');
    expect(JSON.parse(readFileSync(out, 'utf8')).totals.passages).toBe(7);
    expect(existsSync(join(dir, '.that.json.cache.json'))).toBe(true);
    const again = aiprovProcess(['logbook', root(), '-o', out, '--jobs', '2']);
    expect(again.stderr).toContain('Đã đọc 0 tệp (1 luồng), 11 tệp lấy từ bộ nhớ đệm.');
  }, 120_000);
});
