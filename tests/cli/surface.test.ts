// The CLI's surface (issue 14): --version, help for every command, --lang anywhere, settings lookup
// order, and the rough edges a first user met — each pinned by a test.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DocxHost } from '../../src/host/docx';
import { main } from '../../src/cli/main';
import { HELP } from '../../src/cli/help';
import { findSettingsFile, userConfigDir } from '../../src/cli/settings-file';
import { insertPassage } from '../../src/workflow';
import { AI_TEXT, GENERATION, context, reportDocx } from '../workflow/helpers';
import { aiprov, npxAiprov, REPO, tempDir } from './run';

const PACKAGE_VERSION = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version as string;

/** main() as a user runs it: the language comes from argv (or AIPROV_LANG), not from the test. */
async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: {} });
  return { code, stdout, stderr };
}

let dir: string;
let drafted: string;
let claims: string[];

beforeAll(async () => {
  dir = tempDir();
  const host = DocxHost.open(reportDocx());
  await insertPassage(host, context(), { afterParagraph: 5, text: AI_TEXT, generation: GENERATION });
  drafted = join(dir, 'bao-cao.docx');
  writeFileSync(drafted, host.save());
  const inspect = await aiprov('inspect', drafted, '--json');
  claims = JSON.parse(inspect.stdout).passages[0].claims.map((c: { id: string }) => c.id);
  expect(claims.length).toBeGreaterThanOrEqual(2);
});

describe('version and help', () => {
  it('--version prints the package version', async () => {
    for (const flag of ['--version', '-V']) {
      const out = await run(flag);
      expect(out).toMatchObject({ code: 0, stdout: `aiprov ${PACKAGE_VERSION}\n` });
    }
  });

  it.each(Object.keys(HELP))('%s: `aiprov help CMD` and `aiprov CMD --help` show its options and an example', async (name) => {
    const viaHelp = await run('help', name);
    const viaFlag = await run(name, '--help');
    expect(viaHelp.code).toBe(0);
    expect(viaFlag).toEqual(viaHelp);
    expect(viaHelp.stdout).toContain(`Cách dùng: aiprov ${name}`);
    expect(viaHelp.stdout).toContain('Tham số:');
    expect(viaHelp.stdout).toMatch(new RegExp(`Ví dụ:\\n  (AIPROV_API_KEY=… )?aiprov ${name} `));
    for (const [flag] of HELP[name]!.vi.options) expect(viaHelp.stdout).toContain(flag);
    const en = await run(name, '-h', '--lang', 'en');
    expect(en.stdout).toContain(`Usage: aiprov ${name}`);
    expect(en.stdout).toContain('Examples:');
  });

  it('lists every command in `aiprov --help`, and refuses help for an unknown command', async () => {
    const usage = await run('--help');
    for (const name of Object.keys(HELP)) expect(usage.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    expect((await run('help', 'nope')).code).toBe(2);
  });
});

describe('--lang anywhere', () => {
  it('before the command name, after it, and as --lang=en', async () => {
    const file = join(dir, 'x.txt');
    writeFileSync(file, 'Căn cứ Nghị định số 30/2020/NĐ-CP.');
    for (const argv of [['--lang', 'en', 'scan', file], ['scan', '--lang', 'en', file], ['--lang=en', 'scan', file]]) {
      const out = await run(...argv);
      expect(out.code, out.stderr).toBe(0);
      expect(out.stdout).toContain('Suggested sensitivity level');
    }
    expect((await run('--lang', 'en', '--help')).stdout).toContain('Usage: aiprov <command>');
  });
});

describe('settings are found in order: --settings, AIPROV_SETTINGS, ./org-settings.json, the user configuration folder', () => {
  it('takes the first that is given or exists', () => {
    const cwd = join(dir, 'work');
    const config = join(dir, 'config');
    mkdirSync(cwd, { recursive: true });
    mkdirSync(join(config, 'aiprov'), { recursive: true });
    const env = { XDG_CONFIG_HOME: config };
    expect(findSettingsFile(undefined, env, cwd)).toBeUndefined();
    writeFileSync(join(config, 'aiprov', 'org-settings.json'), '{}');
    expect(findSettingsFile(undefined, env, cwd)).toBe(join(config, 'aiprov', 'org-settings.json'));
    writeFileSync(join(cwd, 'org-settings.json'), '{}');
    expect(findSettingsFile(undefined, env, cwd)).toBe(join(cwd, 'org-settings.json'));
    expect(findSettingsFile(undefined, { ...env, AIPROV_SETTINGS: '/env.json' }, cwd)).toBe('/env.json');
    expect(findSettingsFile('/flag.json', { ...env, AIPROV_SETTINGS: '/env.json' }, cwd)).toBe('/flag.json');
  });

  it('knows the configuration folder of each platform', () => {
    expect(userConfigDir({ HOME: '/home/an' }, 'linux')).toBe('/home/an/.config');
    expect(userConfigDir({ HOME: '/Users/an' }, 'darwin')).toBe('/Users/an/Library/Application Support');
    expect(userConfigDir({ APPDATA: 'C:\\Users\\an\\AppData\\Roaming' }, 'win32')).toBe('C:\\Users\\an\\AppData\\Roaming');
  });
});

describe('rough edges', () => {
  const extra: Record<string, string[]> = { declare: ['--paragraphs', '1', '--tool', 'T'], verify: ['--claim', 'x.c1', '--evidence', 'manual', '--note', 'đối chiếu bản gốc', '--source', 's'] };
  it.each(['refresh', 'disclose', 'signoff', 'declare', 'verify'])('%s without a file names what is missing, not a placeholder', async (name) => {
    const out = await run(name, '--by', 'An', '-o', join(dir, 'never.docx'), ...(extra[name] ?? []));
    expect(out.code).toBe(2);
    expect(out.stderr).not.toMatch(/\bFILE\b/);
    expect(out.stderr).toContain(`thiếu tên tệp .docx`);
    expect(out.stderr).toContain(`aiprov help ${name}`);
  });

  it('records every repeated --claim, and refuses an option given twice that takes one value', async () => {
    const out = join(dir, 'two-claims.docx');
    const verified = await run('verify', drafted, '--claim', claims[0]!, '--claim', claims[1]!, '--evidence', 'manual', '--note', 'đối chiếu bản gốc', '--source', 'Báo cáo 15/BC-UBND', '--by', 'Bình', '-o', out);
    expect(verified.code, verified.stderr).toBe(0);
    const json = JSON.parse((await aiprov('inspect', out, '--json')).stdout);
    const status = Object.fromEntries(json.passages[0].claims.map((c: { id: string; status: string }) => [c.id, c.status]));
    expect(status[claims[0]!]).toBe('verified');
    expect(status[claims[1]!]).toBe('verified');
    const twice = await run('verify', drafted, '--claim', claims[0]!, '--evidence', 'manual', '--note', 'đối chiếu bản gốc', '--source', 'a', '--by', 'An', '--by', 'Bình', '-o', join(dir, 'never.docx'));
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('--by được cho nhiều lần');
  });

  it('check --json does not print a level it did not compute', async () => {
    const out = await aiprov('check', drafted, '--json');
    const json = JSON.parse(out.stdout);
    expect(json).not.toHaveProperty('level');
    expect(JSON.parse((await aiprov('inspect', drafted, '--json')).stdout).level).toMatchObject({ effective: expect.any(Number) });
  });

  it('refuses to replace an existing -o file without --force', async () => {
    const target = join(dir, 'existing.docx');
    writeFileSync(target, 'do not lose me');
    const refused = await run('refresh', drafted, '--by', 'An', '-o', target);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(target, 'utf8')).toBe('do not lose me');
    const report = await run('report', drafted, '--format', 'json', '-o', target);
    expect(report.code).toBe(2);
    expect(readFileSync(target, 'utf8')).toBe('do not lose me');
    const forced = await run('refresh', drafted, '--by', 'An', '-o', target, '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');
  });

  it('the HTML report counts a rejected claim it lists', async () => {
    const rejected = join(dir, 'rejected.docx');
    expect((await run('verify', drafted, '--claim', claims[0]!, '--reject', 'Sai số liệu', '--by', 'Bình', '-o', rejected)).code).toBe(0);
    const html = join(dir, 'rejected.html');
    expect((await run('report', rejected, '--format', 'html', '-o', html)).code).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text).toContain('Sai số liệu');
    expect(text).toContain('bị bác bỏ 1');
  });
});

describe('the compiled CLI', () => {
  it('npx aiprov --version and help run the build of this checkout', () => {
    const version = npxAiprov(['--version']);
    expect(version.code, version.stderr).toBe(0);
    expect(version.stdout.trim()).toBe(`aiprov ${PACKAGE_VERSION}`);
    const help = npxAiprov(['help', 'verify', '--lang', 'en']);
    expect(help.stdout).toContain('repeat it to record several');
  });
});

describe('scan text output agrees with its level', () => {
  it('a low-confidence signer name is listed with why it does not raise the level', async () => {
    const file = join(dir, 'signer.txt');
    writeFileSync(file, 'Quyết định này có hiệu lực từ ngày ký.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n');
    const out = await run('scan', file, '--lang', 'en');
    expect(out.stdout).toContain('Suggested sensitivity level: 1');
    expect(out.stdout).not.toMatch(/no sign of .*personal data/);
    expect(out.stdout).toMatch(/Nguyễn Văn An {2}\[name\] — low confidence \(\d+%\), does not raise the level: .*signer/);
  });
});
