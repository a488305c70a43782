/**
 * issue 12 — ONLYOFFICE: the plugin folder the production build makes (the browser tests' cached
 * build, tests/browser/harness.ts) is what the editor expects — config.json fields, icons, translations,
 * index.html loading the editor's plugins.js and nothing from outside — and the .plugin zip holds
 * exactly what config.json and index.html reference. The editor command, as minified in the built
 * scripts, still runs isolated (text + Asc.scope only) on the fake editor.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { OnlyOfficeHost } from '../../src/host/onlyoffice';
import { iconPaths, packPlugin, pluginProblems, readFolder } from '../../scripts/onlyoffice-plugin';
import { buildOnce } from '../browser/harness';
import { FakeOnlyOffice } from '../host-onlyoffice/fake';

let folder: Record<string, Uint8Array>;

beforeAll(async () => {
  const dist = await buildOnce();
  const dir = path.join(dist, 'onlyoffice');
  expect(existsSync(dir), 'the build makes onlyoffice/').toBe(true);
  folder = readFolder(dir);
}, 300_000);

const configOf = (files: Record<string, Uint8Array>) => JSON.parse(strFromU8(files['config.json']!)) as {
  guid: string;
  nameLocale: Record<string, string>;
  variations: { url: string; icons: string[]; EditorsSupport: string[]; type: string; initDataType: string }[];
};

describe('the ONLYOFFICE plugin folder and its .plugin', () => {
  it('config.json has what the editor reads, and everything it names is in the folder', () => {
    expect(pluginProblems(folder)).toEqual([]);
    const config = configOf(folder);
    expect(config.guid).toMatch(/^asc\.\{[0-9A-F-]{36}\}$/);
    expect(config.nameLocale.vi).toBe('Soạn thảo AI có kiểm chứng');
    expect(config.variations[0]).toMatchObject({ url: 'index.html', EditorsSupport: ['word'], type: 'panelRight', initDataType: 'none' });
    expect(iconPaths(config.variations[0]!.icons[0]!)).toHaveLength(10);
  });

  it('the checks catch a broken folder (a missing icon, a script from outside, a wrong guid)', () => {
    const broken = { ...folder };
    delete broken['resources/dark/icon@2x.png'];
    const config = configOf(folder);
    broken['config.json'] = new TextEncoder().encode(JSON.stringify({ ...config, guid: 'my-plugin' }));
    broken['index.html'] = new TextEncoder().encode(strFromU8(folder['index.html']!).replace('</head>', '<script src="https://example.invalid/x.js"></script></head>'));
    expect(pluginProblems(broken)).toEqual([
      'guid must be asc.{UUID} in capitals',
      'variations[0].icons: resources/dark/icon@2x.png is missing',
      'index.html loads https://example.invalid/x.js from outside the plugin',
    ]);
    expect(() => packPlugin(broken)).toThrow(/not valid/);
  });

  it('the .plugin is a zip of the folder with config.json at its root, without source maps', () => {
    const zip = unzipSync(packPlugin(folder));
    const expected = Object.keys(folder).filter((name) => !name.endsWith('.map')).sort();
    expect(Object.keys(zip).sort()).toEqual(expected);
    expect(zip['config.json']).toEqual(folder['config.json']);
    const page = strFromU8(zip['index.html']!);
    for (const [, src] of page.matchAll(/<script[^>]+src=["']?\.\/([^"' >]+)/g)) expect(zip[src!], src).toBeDefined();
  });

  it('the editor command as minified in the built scripts runs isolated on the fake editor', async () => {
    const chunk = Object.entries(folder).find(([name, bytes]) => name.endsWith('.js') && strFromU8(bytes).includes('Asc.scope.request'));
    expect(chunk, 'a built script holds the command').toBeDefined();
    const source = strFromU8(chunk![1]);
    const start = source.lastIndexOf('function', source.indexOf('Asc.scope.request'));
    let depth = 0;
    let end = source.indexOf('{', start);
    for (let i = end; i < source.length; i++) {
      if (source[i] === '{') depth++;
      else if (source[i] === '}' && --depth === 0) {
        end = i + 1;
        break;
      }
    }
    const text = source.slice(start, end);
    // A function whose toString() is the built text: what callCommand sends to the editor.
    const built = Object.assign(() => undefined, { toString: () => text });
    const editor = new FakeOnlyOffice().addParagraphs('Một', 'Hai');
    const plugin = editor.asc.plugin;
    const asc = { scope: editor.asc.scope, plugin: { ...plugin, callCommand: (_f: () => unknown, ...rest: [boolean?, boolean?, ((r: unknown) => void)?]) => plugin.callCommand(built, ...rest) } };
    const host = new OnlyOfficeHost({ asc });
    await host.markPassage({ passageId: 'a', fromParagraph: 2, toParagraph: 2, title: 'AI · a', color: '#FFC000' });
    expect(editor.commandErrors).toEqual([]);
    expect(await host.listPassages()).toEqual([{ id: 'a', tag: 'aiprov:a', title: 'AI · a', color: 'FFC000', text: 'Hai', paragraphRange: [2, 2] }]);
  });
});
