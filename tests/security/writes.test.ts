// Issue 17: writes that lose nothing and write nothing invalid. Real .docx bytes, real processes.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { DocxHost } from '../../src/host/docx';
import { insertPassage, loadRecord } from '../../src/workflow';
import { buildDocx, p } from '../fixtures/docx-builder';
import { GENERATION, context, reportDocx } from '../workflow/helpers';
import { REPO, aiprov, tempDir } from '../cli/run';
import { CliError } from '../../src/cli/context';
import { fileBusy, writeAtomically } from '../../src/cli/io';
import { draftedReport } from './fixture';

let dir: string;
let drafted: Uint8Array;
beforeAll(async () => {
  dir = tempDir();
  drafted = await draftedReport();
});

const claimIds = async (path: string): Promise<string[]> =>
  JSON.parse((await aiprov('inspect', path, '--json')).stdout).passages.flatMap((x: { claims: { id: string }[] }) => x.claims.map((c) => c.id));

async function verificationEvents(path: string): Promise<number> {
  const loaded = await loadRecord(DocxHost.open(new Uint8Array(readFileSync(path))));
  if (loaded.status !== 'ok') throw new Error(`record ${loaded.status}`);
  expect(loaded.chain.ok).toBe(true);
  return loaded.record.events.filter((e) => e.type === 'claim-verified').length;
}

const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

/** Every XML part of a .docx, checked by a conforming parser (xmllint), or by the XML 1.0 Char rule. */
function strictlyValid(bytes: Uint8Array): string[] {
  const problems: string[] = [];
  const parts = unzipSync(bytes);
  for (const [name, data] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/u.test(name)) continue;
    if (hasXmllint) {
      const r = spawnSync('xmllint', ['--noout', '-'], { input: Buffer.from(data) });
      if (r.status !== 0) problems.push(`${name}: ${r.stderr.toString().split('\n')[0]}`);
    } else if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|&#0*;|&#x0*(?:[0-8bcef]|1[0-9a-f]|d[89a-f][0-9a-f]{2});/iu.test(new TextDecoder().decode(data))) {
      problems.push(name);
    }
  }
  return problems;
}

describe('20 concurrent `aiprov verify --in-place` on one file', () => {
  it('every verification reported as recorded is in the file; every other process says it wrote nothing', async () => {
    const path = join(dir, 'concurrent.docx');
    writeFileSync(path, drafted);
    const ids = await claimIds(path);
    expect(ids.length).toBeGreaterThan(0);
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        promisify(execFile)(process.execPath, [join(REPO, 'bin/aiprov.mjs'), 'verify', path, '--claim', ids[i % ids.length]!, '--evidence', 'manual', '--note', 'đối chiếu bản gốc', '--source', `Nguồn ${i}`, '--by', `Người ${i}`, '--in-place'], {
          cwd: REPO,
          env: { ...process.env, AIPROV_LANG: 'vi' },
        }).then(
          (r) => ({ code: 0, stderr: r.stderr, stdout: r.stdout }),
          (e: { code: number; stderr: string; stdout: string }) => ({ code: e.code, stderr: e.stderr, stdout: e.stdout }),
        ),
      ),
    );
    const winners = runs.filter((r) => r.code === 0);
    const losers = runs.filter((r) => r.code !== 0);
    expect(winners.length).toBeGreaterThanOrEqual(1);
    expect(await verificationEvents(path)).toBe(winners.length);
    for (const loser of losers) expect(loser.stderr).toMatch(/tệp đã thay đổi trong lúc ghi|không có gì được ghi/u);
    // No lock or temporary left behind.
    expect(readdirSync(dir).filter((n) => n.startsWith('.concurrent.docx.'))).toEqual([]);
    expect(strictlyValid(new Uint8Array(readFileSync(path)))).toEqual([]);
  }, 180_000);
});

describe('stale temporaries, stale locks, missing folders', () => {
  it('a killed writer’s temporary and lock are cleaned on the next run', async () => {
    const path = join(dir, 'stale.docx');
    writeFileSync(path, drafted);
    const tmp = join(dir, '.stale.docx.0f8fad5b-d9cb-469f-a165-70867728950e.tmp');
    writeFileSync(tmp, 'half');
    // A lock whose owner is gone (pid far above any real one).
    writeFileSync(join(dir, '.stale.docx.aiprov.lock'), '2147483646');
    const other = join(dir, '.stale.docx.not-ours.tmp');
    writeFileSync(other, 'keep');
    const ids = await claimIds(path);
    const r = await aiprov('verify', path, '--claim', ids[0]!, '--evidence', 'manual', '--note', 'đối chiếu bản gốc', '--source', 'Nguồn', '--by', 'A', '--in-place');
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(tmp)).toBe(false);
    expect(existsSync(join(dir, '.stale.docx.aiprov.lock'))).toBe(false);
    expect(existsSync(other)).toBe(true); // not of our name: left alone
  });

  it('a live writer holding the lock past the wait: "busy", not "changed meanwhile", nothing written', async () => {
    const path = join(dir, 'busy.docx');
    writeFileSync(path, drafted);
    const lock = join(dir, '.busy.docx.aiprov.lock');
    writeFileSync(lock, String(process.pid)); // a writer that is alive and fresh
    const error = await writeAtomically(path, new Uint8Array([1, 2, 3]), { lockWaitMs: 300 }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    const { bilingual, exitCode } = error as CliError;
    expect(bilingual.vi).toMatch(/tệp đang được dùng.*không có gì được ghi/u);
    expect(bilingual.vi).not.toMatch(/thay đổi trong lúc ghi/u);
    expect(bilingual.en).toMatch(/the file is busy/u);
    expect(exitCode).toBe(fileBusy(path).exitCode);
    expect(new Uint8Array(readFileSync(path))).toEqual(drafted);
    expect(existsSync(lock)).toBe(true); // another's live lock is not ours to remove
    rmSync(lock);
  });

  it('-o into a missing folder: a plain error, exit 2, nothing written', async () => {
    const path = join(dir, 'in.docx');
    writeFileSync(path, drafted);
    const ids = await claimIds(path);
    const out = join(dir, 'khong-co', 'out.docx');
    const r = await aiprov('verify', path, '--claim', ids[0]!, '--evidence', 'manual', '--note', 'đối chiếu bản gốc', '--source', 'Nguồn', '--by', 'A', '-o', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('không tồn tại');
    expect(r.stderr).not.toMatch(/ENOENT|không mong muốn|unexpected/u);
    expect(existsSync(join(dir, 'khong-co'))).toBe(false);
  });
});

describe('malformed XML characters are refused, and no written part is invalid', () => {
  const withText = (text: string) => buildDocx({ body: p('BÁO CÁO') + p('Mở đầu') + `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>` + p('Kết luận') });
  for (const [what, text] of [
    ['&#0;', 'A&#0;B'],
    ['&#xD800;', 'A&#xD800;B'],
    ['raw NUL', 'A\u0000B'],
    ['&#x1F;', 'A&#x1F;B'],
  ] as const) {
    it(`${what} in document.xml: declare exits 2 with a clear error and writes nothing`, async () => {
      const path = join(dir, `bad-${what.replace(/\W/gu, '')}.docx`);
      writeFileSync(path, withText(text));
      const out = join(dir, `bad-out-${what.replace(/\W/gu, '')}.docx`);
      const r = await aiprov('declare', path, '--paragraphs', '3', '--tool', 'ChatGPT', '--purpose', 'summarize', '--by', 'Nguyễn Văn An', '-o', out);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/ký tự không được phép trong XML/u);
      expect(r.stderr).toContain('word/document.xml');
      expect(existsSync(out)).toBe(false);
    });
  }

  it('every part written by declare and verify (with markup characters in the source) passes a strict parser', async () => {
    const sub = join(dir, 'strict');
    mkdirSync(sub);
    const plain = join(sub, 'plain.docx');
    writeFileSync(plain, reportDocx());
    const declared = join(sub, 'declared.docx');
    expect((await aiprov('declare', plain, '--paragraphs', '4', '--tool', 'ChatGPT', '--purpose', 'summarize', '--by', 'Nguyễn Văn An', '-o', declared)).code).toBe(0);
    const d = join(sub, 'drafted.docx');
    writeFileSync(d, drafted);
    const ids = await claimIds(d);
    const verified = join(sub, 'verified.docx');
    expect((await aiprov('verify', d, '--claim', ids[0]!, '--evidence', 'manual', '--note', 'đối chiếu bản gốc', '--source', 'Niên giám <&> "2025"', '--by', 'Lê Văn Cường', '-o', verified)).code).toBe(0);
    for (const f of [declared, verified]) expect(strictlyValid(new Uint8Array(readFileSync(f))), f).toEqual([]);
  });

  it('an AI answer holding a NUL is never written into the file', async () => {
    const host = DocxHost.open(reportDocx());
    await insertPassage(host, context(), { afterParagraph: 2, text: 'Đoạn có ký tự\u0000lạ.', generation: GENERATION });
    expect(() => host.save()).toThrow(/không được phép trong XML/u);
    // A package with the bad part zipped in by hand is refused on reading.
    const parts = unzipSync(reportDocx());
    parts['word/document.xml'] = new TextEncoder().encode(new TextDecoder().decode(parts['word/document.xml']).replace(/<w:t( [^>]*)?>/u, '$&\u0000'));
    await expect((async () => DocxHost.open(zipSync(parts)).readParagraphs())()).rejects.toThrow(/không được phép trong XML/u);
  });
});
