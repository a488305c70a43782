/** The ONLYOFFICE host beyond the shared contract: isolation, round trips, versions, a changed document, text stories. */
import { describe, expect, it } from 'vitest';
import { OnlyOfficeHost } from '../../src/host/onlyoffice';
import { editorCommand } from '../../src/host/onlyoffice/command';
import { FakeContent, FakeOnlyOffice, FakeParagraph } from './fake';

const RECORD = '<record xmlns="urn:aiprov:provenance:1"><event n="1"/></record>';
const mark = (host: OnlyOfficeHost, passageId: string, from: number, to = from) =>
  host.markPassage({ passageId, fromParagraph: from, toParagraph: to, title: `AI · ${passageId}`, color: '#2E7D32' });
const codeOf = (p: Promise<unknown>) => p.then(() => null, (e: { code?: string }) => e.code ?? String(e));

describe('ONLYOFFICE host', () => {
  it('the fake runs commands isolated: a command using a variable from outside fails, as in the editor', async () => {
    const editor = new FakeOnlyOffice().addParagraphs('Một');
    const outside = 'captured';
    const result = await new Promise((resolve) => editor.asc.plugin.callCommand(() => outside.length, false, true, resolve));
    expect(result).toBeUndefined();
    expect(String(editor.commandErrors[0])).toMatch(/ReferenceError/);
    // The adapter's command is one self-contained function (no module or bundler helpers in its text).
    expect(editorCommand.toString()).not.toMatch(/__vite|__name|_api\b|require\(/);
  });

  it('one read costs 1 callCommand, one write 2; a batch costs 1 + its writes', async () => {
    const editor = new FakeOnlyOffice().addParagraphs('Một', 'Hai', 'Ba');
    const host = new OnlyOfficeHost({ asc: editor.asc });
    await host.readParagraphs();
    expect(editor.callCommands).toBe(1);
    await mark(host, 'a', 1);
    expect(editor.callCommands).toBe(3);
    editor.callCommands = 0;
    await host.batch(async () => {
      await host.listPassages();
      await mark(host, 'b', 2);
      await host.readParagraphs();
      await host.writeRecord('urn:aiprov:provenance:', RECORD);
      await host.writeProperties({ AIProvenanceStatus: 'x' });
      expect(await host.readRecord('urn:aiprov:provenance:')).toBe(RECORD);
      expect((await host.readProperties()).AIProvenanceStatus).toBe('x');
    }, { record: 'urn:aiprov:provenance:' });
    expect(editor.callCommands).toBe(4);
    expect(host.roundTrips).toBe(editor.roundTrips + 3);
  });

  it('the record is found by namespace, never by part id: ids the editor regenerates do not matter', async () => {
    const editor = new FakeOnlyOffice().addParagraphs('Một');
    editor.document.xmlParts.Add('<other xmlns="urn:someone-else"/>');
    const host = new OnlyOfficeHost({ asc: editor.asc });
    await host.writeRecord('urn:aiprov:provenance:', RECORD);
    // "Download as" gives every part a new id: simulate it.
    const xmls = editor.document.xmlParts.parts.map((p) => p.xml);
    editor.document.xmlParts.parts = [];
    for (const xml of xmls) editor.document.xmlParts.Add(xml);
    expect(await host.readRecord('urn:aiprov:provenance:')).toBe(RECORD);
    expect(editor.document.xmlParts.GetByNamespace('urn:aiprov:provenance:1')).toHaveLength(1);
    expect(editor.document.xmlParts.GetByNamespace('urn:someone-else')).toHaveLength(1);
  });

  it('an editor before 9.0 refuses the record (and says why) and leaves the document as it was; passages still work', async () => {
    const editor = new FakeOnlyOffice({ version: 8 }).addParagraphs('Một', 'Hai');
    const host = new OnlyOfficeHost({ asc: editor.asc });
    const before = editor.state();
    const error = await host.writeRecord('urn:aiprov:provenance:', RECORD).catch((e: { code: string; bilingual: { vi: string } }) => e);
    expect(error).toMatchObject({ code: 'api-not-supported' });
    expect((error as { bilingual: { vi: string } }).bilingual.vi).toMatch(/9\.0/);
    expect(await codeOf(host.readRecord('urn:aiprov:provenance:'))).toBe('api-not-supported');
    expect(editor.state()).toBe(before);
    await mark(host, 'a', 2);
    expect(await host.listPassages()).toEqual([{ id: 'a', tag: 'aiprov:a', title: 'AI · a', color: null, text: 'Hai', paragraphRange: [2, 2] }]);
  });

  it('a document changed between the read and the write gets no write', async () => {
    const editor = new FakeOnlyOffice().addParagraphs('Một', 'Hai', 'Ba');
    const plugin = editor.asc.plugin;
    let calls = 0;
    const asc = {
      scope: editor.asc.scope,
      plugin: {
        ...plugin,
        callCommand: (...args: Parameters<typeof plugin.callCommand>) => {
          // A co-author types a paragraph at the top just before the write arrives.
          if (++calls === 2) editor.document.AddElement(0, new FakeParagraph('Chen'));
          plugin.callCommand(...args);
        },
      },
    };
    const host = new OnlyOfficeHost({ asc });
    const before = editor.state();
    expect(await codeOf(mark(host, 'a', 2))).toBe('document-changed');
    const after = JSON.parse(editor.state()) as { body: unknown[] };
    expect(after.body).toHaveLength(4);
    expect(editor.state()).not.toContain('aiprov:a');
    expect(before).not.toContain('aiprov:a');
  });

  it('tabs and line breaks go in as the editor\'s own and come back as the port writes them', async () => {
    const editor = new FakeOnlyOffice().addParagraphs('Một');
    const host = new OnlyOfficeHost({ asc: editor.asc });
    await host.insertPassage({ passageId: 'p', afterParagraph: 1, text: 'a\tb\u000bc\r\nd', title: 'AI · p', color: 'C62828' });
    expect((await host.readParagraphs()).map((p) => p.text)).toEqual(['Một', 'a\tb\u000bc', 'd']);
    expect(editor.state()).toContain('"color":"#C62828"');
  });

  it('readAllText gives headers, the body, text boxes and footers', async () => {
    const editor = new FakeOnlyOffice().addParagraphs('Thân');
    editor.document.headers.set('default', new FakeContent().push(new FakeParagraph('TỐI MẬT')));
    editor.document.shapes.push(new FakeContent().push(new FakeParagraph('Hộp chữ')));
    editor.document.footers.set('default', new FakeContent().push(new FakeParagraph('Chân')));
    const host = new OnlyOfficeHost({ asc: editor.asc });
    const segments = await host.readAllText();
    expect(segments.map((s) => [s.kind, s.text])).toEqual([['header', 'TỐI MẬT'], ['body', 'Thân'], ['textbox', 'Hộp chữ'], ['footer', 'Chân']]);
  });

  it('selectPassage selects the control through executeMethod("SelectContentControl", [InternalId])', async () => {
    const editor = new FakeOnlyOffice().addParagraphs('Một', 'Hai');
    const host = new OnlyOfficeHost({ asc: editor.asc });
    await mark(host, 'a', 2);
    await host.selectPassage('a');
    const sdt = editor.document.elements[1] as unknown as { internalId: string };
    expect(editor.selected).toBe(sdt.internalId);
    expect(await codeOf(host.selectPassage('zz'))).toBe('passage-not-found');
  });

  it('outside an editor (no window.Asc) every call says so', async () => {
    const host = new OnlyOfficeHost();
    expect(await codeOf(host.readParagraphs())).toBe('not-in-editor');
  });
});
