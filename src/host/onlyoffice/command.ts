/**
 * The one command the host sends into the editor (`Asc.plugin.callCommand`). ONLYOFFICE turns the
 * function into text and runs it inside the editor, where it sees only the global `Api` and a copy
 * of `Asc.scope`: it must not use anything from this module or the bundle (no imports, no helpers
 * from outside the function, no closures) — tests/host-onlyoffice runs it the same way, so a slip
 * fails there. Everything it needs is defined inside it.
 *
 * It does, in one round trip: check that the document is still as the host last read it (so a
 * write never lands on paragraphs the person has moved meanwhile), apply the writes in order, and
 * read the document back as plain data (an `EditorOutline`). A read is the same command with no
 * writes. Range checks are not made here: the host makes them with src/host/rules.ts first.
 */
import type { OoApi, OoAsc, OoBlockSdt, OoDocumentContent, OoElement, OoParagraph, OoTable } from './api';

declare const Api: OoApi;
declare const Asc: OoAsc;

/** Where new paragraphs go, as the shared rules decided (insertionTarget). */
export type EditorAnchor =
  | { kind: 'body-start' }
  | { kind: 'body-end' }
  | { kind: 'after-paragraph'; index: number }
  | { kind: 'after-control' | 'before-control'; id: string };

export type EditorOp =
  | { kind: 'mark'; from: number; to: number; tag: string; alias: string; color: string }
  | { kind: 'insert-passage'; anchor: EditorAnchor; lines: string[]; tag: string; alias: string; color: string }
  | { kind: 'insert-paragraphs'; anchor: EditorAnchor; lines: string[] }
  | { kind: 'delete'; from: number; to: number }
  | { kind: 'update'; id: string; alias?: string; color?: string }
  | { kind: 'unwrap'; id: string }
  | { kind: 'retag'; id: string; tag: string }
  | { kind: 'record'; namespace: string; xml: string }
  | { kind: 'properties'; entries: [string, string][] };

export interface EditorRequest {
  ops: EditorOp[];
  /** The body as last read: paragraph count and textsHash (adapter.ts); writes are refused if it differs. */
  expect?: { count: number; hash: number } | null;
  /** Return the XML of the first custom XML part whose root namespace starts with this. */
  record?: string | null;
  /** Custom property names to read (ONLYOFFICE documents no way to list them). */
  properties: string[];
  /** Also read headers, footers, text boxes and notes. */
  withText?: boolean;
}

export interface EditorParagraph {
  text: string;
  tableLevel: number;
  /** [row, cell] of the innermost table holding it, null outside tables. */
  cell: [number, number] | null;
}

export interface EditorControl {
  /** ONLYOFFICE's internal id (GetInternalId). */
  id: string;
  tag: string;
  alias: string;
  /** "#RRGGBB" as the editor reports it, or null. */
  color: string | null;
  lock: string;
  /** Body paragraphs it covers; null when it holds none (e.g. only a table cell's worth of nothing). */
  range: [number, number] | null;
}

export interface EditorStory {
  kind: 'header' | 'footer' | 'textbox' | 'footnotes' | 'endnotes';
  part: string;
  texts: string[];
}

export interface EditorOutline {
  paragraphs: EditorParagraph[];
  controls: EditorControl[];
  /** The editor has custom XML parts (9.0+) and custom properties. */
  customXml: boolean;
  customProperties: boolean;
  /** Root namespace of every custom XML part, in order. */
  namespaces: string[];
  record: string | null;
  properties: Record<string, string>;
  stories: EditorStory[] | null;
}

export type EditorResult =
  | { ok: true; outline: EditorOutline }
  | { ok: false; error: 'changed' | 'no-custom-xml' | 'no-custom-properties' | 'not-found' | 'failed'; detail: string };

/** The command. Runs inside the editor; see the note at the top. */
export function editorCommand(): EditorResult {
  const request = Asc.scope.request as EditorRequest;
  const doc = Api.GetDocument();
  const TEXT = { Numbering: false, Math: false, NewLineSeparator: '\u000b', TabSymbol: '\t' };

  // Types only (erased): the command uses nothing from outside at run time.
  type Content = OoDocumentContent;
  interface Step { content: Content; index: number; key: string }
  interface Para { step: Step[] }
  interface Ctrl { sdt: OoBlockSdt; at: Step }

  let paragraphs: EditorParagraph[] = [];
  let paras: Para[] = [];
  let controls: EditorControl[] = [];
  let ctrls: Record<string, Ctrl> = {};

  function colorOf(sdt: OoBlockSdt): string | null {
    if (typeof sdt.GetColor !== 'function') return null;
    const color = sdt.GetColor();
    return color ? color.GetHex() : null;
  }

  function walk(content: Content, key: string, steps: Step[], level: number, cell: [number, number] | null): void {
    const count = content.GetElementsCount();
    for (let i = 0; i < count; i++) {
      const element = content.GetElement(i);
      const here: Step[] = steps.concat([{ content, index: i, key }]);
      const type = element.GetClassType();
      if (type === 'paragraph') {
        paragraphs.push({ text: (element as OoParagraph).GetText(TEXT), tableLevel: level, cell });
        paras.push({ step: here });
      } else if (type === 'table') {
        const table = element as OoTable;
        const rows = table.GetRowsCount();
        for (let r = 0; r < rows; r++) {
          const row = table.GetRow(r);
          if (!row) continue;
          const cells = row.GetCellsCount();
          for (let c = 0; c < cells; c++) walk(row.GetCell(c).GetContent(), key + i + '/' + r + '/' + c + '/', here, level + 1, [r, c]);
        }
      } else if (type === 'blockLvlSdt') {
        const sdt = element as OoBlockSdt;
        const start = paragraphs.length + 1;
        const control: EditorControl = { id: sdt.GetInternalId(), tag: sdt.GetTag() || '', alias: sdt.GetAlias() || '', color: colorOf(sdt), lock: sdt.GetLock() || 'unlocked', range: null };
        controls.push(control);
        ctrls[control.id] = { sdt, at: { content, index: i, key } };
        walk(sdt.GetContent(), key + i + '/', here, level, cell);
        if (paragraphs.length >= start) control.range = [start, paragraphs.length];
      }
    }
  }

  function read(): void {
    paragraphs = [];
    paras = [];
    controls = [];
    ctrls = {};
    walk(doc, '', [], 0, null);
  }

  function rootNamespace(xml: string): string {
    const body = xml.replace(/^\uFEFF/, '').replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/<!DOCTYPE[^>]*>/gi, '');
    const tag = /<([A-Za-z_][\w.\-]*)(?::([\w.\-]+))?((?:\s[^>]*)?)\/?>/.exec(body);
    if (!tag) return '';
    const prefix = tag[2] ? tag[1] : '';
    const attributes = tag[3] || '';
    const pattern = prefix ? new RegExp('\\sxmlns:' + prefix + '\\s*=\\s*("([^"]*)"|\'([^\']*)\')') : /\sxmlns\s*=\s*("([^"]*)"|'([^']*)')/;
    const found = pattern.exec(attributes);
    return found ? (found[2] !== undefined ? found[2] : found[3] || '') : '';
  }

  function partsOf(): ReturnType<NonNullable<typeof doc.GetCustomXmlParts>> {
    return typeof doc.GetCustomXmlParts === 'function' ? doc.GetCustomXmlParts() : null;
  }

  function fill(paragraph: OoParagraph, line: string): void {
    const pieces = line.split(/(\t|\u000b)/);
    for (const piece of pieces) {
      if (piece === '\t') paragraph.AddTabStop();
      else if (piece === '\u000b') paragraph.AddLineBreak();
      else if (piece !== '') paragraph.AddText(piece);
    }
  }

  function newParagraph(line: string): OoParagraph {
    const paragraph = Api.CreateParagraph();
    fill(paragraph, line);
    return paragraph;
  }

  function dress(sdt: OoBlockSdt, tag: string | undefined, alias: string | undefined, color: string | undefined): void {
    if (tag !== undefined) sdt.SetTag(tag);
    if (alias !== undefined) sdt.SetAlias(alias);
    if (color !== undefined && typeof sdt.SetColor === 'function' && typeof Api.HexColor === 'function') sdt.SetColor(Api.HexColor('#' + color));
  }

  /** The container and element positions holding exactly paragraphs from..to, or null. */
  function span(from: number, to: number): { content: Content; first: number; last: number } | null {
    const a = paras[from - 1];
    const b = paras[to - 1];
    if (!a || !b) return null;
    let depth = 0;
    while (depth + 1 < a.step.length && depth + 1 < b.step.length && a.step[depth + 1]!.key === b.step[depth + 1]!.key && a.step[depth]!.index === b.step[depth]!.index) depth++;
    const key = a.step[depth]!.key;
    const first = a.step[depth]!.index;
    const last = b.step[depth]!.index;
    let covered = 0;
    for (const p of paras) {
      const s = p.step[depth];
      if (s && s.key === key && s.index >= first && s.index <= last) covered++;
    }
    return covered === to - from + 1 ? { content: a.step[depth]!.content, first, last } : null;
  }

  function place(anchor: EditorAnchor): { content: Content; index: number } | null {
    if (anchor.kind === 'body-start') return { content: doc, index: 0 };
    if (anchor.kind === 'body-end') return { content: doc, index: doc.GetElementsCount() };
    if (anchor.kind === 'after-paragraph') {
      const p = paras[anchor.index - 1];
      if (!p) return null;
      const at = p.step[p.step.length - 1]!;
      return { content: at.content, index: at.index + 1 };
    }
    const control = ctrls[anchor.id];
    if (!control) return null;
    return { content: control.at.content, index: control.at.index + (anchor.kind === 'after-control' ? 1 : 0) };
  }

  function apply(op: EditorOp): EditorResult | null {
    const missing: EditorResult = { ok: false, error: 'not-found', detail: op.kind };
    switch (op.kind) {
      case 'mark': {
        const where = span(op.from, op.to);
        if (!where) return { ok: false, error: 'changed', detail: 'mark ' + op.from + '-' + op.to };
        const sdt = Api.CreateBlockLvlSdt();
        const inner = sdt.GetContent();
        for (let i = where.first; i <= where.last; i++) {
          inner.AddElement(i - where.first, where.content.GetElement(i).Copy() as OoElement);
        }
        // A new control starts with one empty paragraph: drop it, the copies are its content now.
        inner.RemoveElement(where.last - where.first + 1);
        dress(sdt, op.tag, op.alias, op.color);
        for (let i = where.last; i >= where.first; i--) where.content.RemoveElement(i);
        where.content.AddElement(where.first, sdt);
        return null;
      }
      case 'insert-passage': {
        const at = place(op.anchor);
        if (!at) return missing;
        const sdt = Api.CreateBlockLvlSdt();
        const inner = sdt.GetContent();
        fill(inner.GetElement(0) as OoParagraph, op.lines[0] || '');
        for (let i = 1; i < op.lines.length; i++) inner.AddElement(i, newParagraph(op.lines[i]!));
        dress(sdt, op.tag, op.alias, op.color);
        at.content.AddElement(at.index, sdt);
        return null;
      }
      case 'insert-paragraphs': {
        const at = place(op.anchor);
        if (!at) return missing;
        for (let i = 0; i < op.lines.length; i++) at.content.AddElement(at.index + i, newParagraph(op.lines[i]!));
        return null;
      }
      case 'delete': {
        const where = span(op.from, op.to);
        if (!where) return { ok: false, error: 'changed', detail: 'delete ' + op.from + '-' + op.to };
        for (let i = where.last; i >= where.first; i--) where.content.RemoveElement(i);
        return null;
      }
      case 'update': {
        const control = ctrls[op.id];
        if (!control) return missing;
        dress(control.sdt, undefined, op.alias, op.color);
        return null;
      }
      case 'unwrap': {
        const control = ctrls[op.id];
        if (!control) return missing;
        control.sdt.Delete(true);
        return null;
      }
      case 'retag': {
        const control = ctrls[op.id];
        if (!control) return missing;
        control.sdt.SetTag(op.tag);
        return null;
      }
      case 'record': {
        const parts = partsOf();
        if (!parts) return { ok: false, error: 'no-custom-xml', detail: 'GetCustomXmlParts' };
        const old = parts.GetAll().filter((part) => rootNamespace(part.GetXml()).indexOf(op.namespace) === 0)[0];
        // The new part first: if adding fails, the old record is still there.
        parts.Add(op.xml);
        if (old) old.Delete();
        return null;
      }
      case 'properties': {
        const props = typeof doc.GetCustomProperties === 'function' ? doc.GetCustomProperties() : null;
        if (!props) return { ok: false, error: 'no-custom-properties', detail: 'GetCustomProperties' };
        for (const [name, value] of op.entries) props.Add(name, value);
        return null;
      }
    }
  }

  function storyTexts(content: Content | null | undefined): string[] {
    const texts: string[] = [];
    if (!content) return texts;
    const count = content.GetElementsCount();
    for (let i = 0; i < count; i++) {
      const element = content.GetElement(i) as { GetClassType(): string; GetText?(o: object): string };
      if (element.GetClassType() === 'paragraph' && element.GetText) texts.push(element.GetText(TEXT));
    }
    return texts;
  }

  function stories(): EditorStory[] {
    const out: EditorStory[] = [];
    const anyDoc = doc as unknown as {
      GetSections?(): { GetHeader(t: string, c: boolean): Content | null; GetFooter(t: string, c: boolean): Content | null }[];
      GetAllShapes?(): { GetDocContent(): Content | null }[];
      GetFootnotesFirstParagraphs?(): { GetText(o: object): string }[];
      GetEndNotesFirstParagraphs?(): { GetText(o: object): string }[];
    };
    const sections = anyDoc.GetSections ? anyDoc.GetSections() : [];
    sections.forEach((section, s) => {
      for (const type of ['default', 'title', 'even']) {
        out.push({ kind: 'header', part: 'section' + (s + 1) + '/header-' + type, texts: storyTexts(section.GetHeader(type, false)) });
        out.push({ kind: 'footer', part: 'section' + (s + 1) + '/footer-' + type, texts: storyTexts(section.GetFooter(type, false)) });
      }
    });
    const shapes = anyDoc.GetAllShapes ? anyDoc.GetAllShapes() : [];
    shapes.forEach((shape, n) => out.push({ kind: 'textbox', part: 'body#textbox' + (n + 1), texts: storyTexts(shape.GetDocContent()) }));
    if (anyDoc.GetFootnotesFirstParagraphs) out.push({ kind: 'footnotes', part: 'footnotes', texts: anyDoc.GetFootnotesFirstParagraphs().map((p) => p.GetText(TEXT)) });
    if (anyDoc.GetEndNotesFirstParagraphs) out.push({ kind: 'endnotes', part: 'endnotes', texts: anyDoc.GetEndNotesFirstParagraphs().map((p) => p.GetText(TEXT)) });
    return out;
  }

  try {
    read();
    const expect = request.expect;
    if (expect && request.ops.length > 0) {
      // FNV-1a over the texts joined by "\n": the same as textsHash in adapter.ts (a copy: no imports here).
      let hash = 0x811c9dc5;
      const joined = paragraphs.map((p) => p.text).join('\n');
      for (let i = 0; i < joined.length; i++) {
        hash ^= joined.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193) >>> 0;
      }
      const same = expect.count === paragraphs.length && expect.hash === hash;
      if (!same) return { ok: false, error: 'changed', detail: 'the document changed since it was read' };
    }
    for (const op of request.ops) {
      const refused = apply(op);
      if (refused) return refused;
      read();
    }
    const parts = partsOf();
    const all = parts ? parts.GetAll() : [];
    const namespaces = all.map((part) => rootNamespace(part.GetXml()));
    let record: string | null = null;
    if (request.record !== undefined && request.record !== null) {
      const at = namespaces.findIndex((ns) => ns.indexOf(request.record as string) === 0);
      if (at >= 0) record = all[at]!.GetXml().replace(/^\uFEFF/, '');
    }
    const props = typeof doc.GetCustomProperties === 'function' ? doc.GetCustomProperties() : null;
    const properties: Record<string, string> = {};
    if (props) {
      for (const name of request.properties) {
        const value = props.Get(name);
        if (value !== null && value !== undefined) properties[name] = value instanceof Date ? value.toISOString() : String(value);
      }
    }
    return {
      ok: true,
      outline: { paragraphs, controls, customXml: !!parts, customProperties: !!props, namespaces, record, properties, stories: request.withText ? stories() : null },
    };
  } catch (error) {
    return { ok: false, error: 'failed', detail: String(error && (error as Error).message ? (error as Error).message : error) };
  }
}
