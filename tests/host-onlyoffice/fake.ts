/**
 * A typed in-memory fake of the parts of ONLYOFFICE's plugin API (`window.Asc.plugin`) and
 * Document Builder API (`Api`) that src/host/onlyoffice calls. It implements the interfaces of
 * src/host/onlyoffice/api.ts, whose names and signatures were checked against api.onlyoffice.com
 * and ONLYOFFICE/office-js-api-declarations (office-js-api/word.json, office-js-api-plugins/word.json
 * at 7ab2335); see the [decl]/[docs] tags there.
 *
 * What it enforces as the editor does:
 * - `callCommand` isolation: the function is turned into text (`toString()`) and run with `new
 *   Function`, seeing only `Api` and a JSON copy of `Asc.scope` — a command that closes over the
 *   adapter's variables or imports fails here as it would in the editor; the callback gets a JSON
 *   copy of the result (API objects do not cross), asynchronously.
 * - an element lives in one place: adding an element that is already in the document throws (the
 *   editor's Builder API wants a new or copied element).
 * - 9.0+ features are absent when the fake is made with `version: 8` (no GetCustomXmlParts,
 *   GetCustomProperties, SetColor/GetColor).
 * Where a behaviour is not documented, the fake takes the reading the code relies on and says so:
 * `ApiCustomProperties.Add` replaces a property of the same name; a new block control holds one
 * empty paragraph (as the documented examples use `GetContent().GetElement(0)`).
 */
import { DOMParser } from '@xmldom/xmldom';
import type {
  OoApi,
  OoAsc,
  OoBlockSdt,
  OoColor,
  OoCustomProperties,
  OoCustomXmlPart,
  OoCustomXmlParts,
  OoDocument,
  OoDocumentContent,
  OoElement,
  OoGetTextOptions,
  OoParagraph,
  OoPlugin,
  OoTable,
  OoTableCell,
  OoTableRow,
} from '../../src/host/onlyoffice/api';

type Piece = { text: string } | { tab: true } | { br: true };
type FakeElement = FakeParagraph | FakeTable | FakeBlockSdt;

interface Placed {
  parent: FakeContent | null;
}

export class FakeParagraph implements OoParagraph, Placed {
  parent: FakeContent | null = null;
  pieces: Piece[] = [];

  constructor(text = '') {
    if (text) this.AddText(text);
  }
  GetClassType(): 'paragraph' {
    return 'paragraph';
  }
  /** Defaults as documented: "\r" for a line break, "\t" for a tab. */
  GetText(options: OoGetTextOptions = {}): string {
    const br = options.NewLineSeparator ?? '\r';
    const tab = options.TabSymbol ?? '\t';
    return this.pieces.map((p) => ('text' in p ? p.text : 'tab' in p ? tab : br)).join('');
  }
  AddText(text: string): unknown {
    if (typeof text !== 'string') throw new TypeError('AddText expects a string');
    this.pieces.push({ text });
    return {};
  }
  AddTabStop(): unknown {
    this.pieces.push({ tab: true });
    return {};
  }
  AddLineBreak(): unknown {
    this.pieces.push({ br: true });
    return {};
  }
  Copy(): FakeParagraph {
    const copy = new FakeParagraph();
    copy.pieces = this.pieces.map((p) => ({ ...p }));
    return copy;
  }
  toJSON(): unknown {
    return { p: this.GetText({ NewLineSeparator: '\u000b' }) };
  }
}

export class FakeContent implements OoDocumentContent {
  elements: FakeElement[] = [];
  /** The control or cell this content belongs to (null for the body). */
  owner: FakeBlockSdt | FakeCell | null = null;

  GetClassType(): 'documentContent' {
    return 'documentContent';
  }
  GetElementsCount(): number {
    return this.elements.length;
  }
  GetElement(index: number): OoElement {
    const element = this.elements[index];
    if (!element) throw new RangeError(`GetElement(${index}): no element (count ${this.elements.length})`);
    return element;
  }
  AddElement(index: number, element: OoElement): void {
    const e = element as FakeElement;
    if (!(e instanceof FakeParagraph || e instanceof FakeTable || e instanceof FakeBlockSdt)) throw new TypeError('AddElement: not a document element');
    if (e.parent) throw new Error('AddElement: the element is already in the document (copy it first)');
    if (!Number.isInteger(index) || index < 0 || index > this.elements.length) throw new RangeError(`AddElement(${index}): out of range`);
    this.elements.splice(index, 0, e);
    e.parent = this;
  }
  RemoveElement(index: number): void {
    const [removed] = this.elements.splice(index, 1);
    if (!removed) throw new RangeError(`RemoveElement(${index}): no element`);
    removed.parent = null;
  }
  push(...elements: FakeElement[]): this {
    for (const e of elements) this.AddElement(this.elements.length, e);
    return this;
  }
  toJSON(): unknown {
    return this.elements;
  }
}

export class FakeCell implements OoTableCell {
  readonly content = new FakeContent();
  constructor() {
    this.content.owner = this;
  }
  GetContent(): OoDocumentContent {
    return this.content;
  }
}

export class FakeTable implements OoTable, Placed {
  parent: FakeContent | null = null;
  rows: FakeCell[][];

  constructor(rows: FakeCell[][]) {
    this.rows = rows;
  }
  static of(texts: string[][]): FakeTable {
    return new FakeTable(texts.map((row) => row.map((text) => {
      const cell = new FakeCell();
      cell.content.push(new FakeParagraph(text));
      return cell;
    })));
  }
  GetClassType(): 'table' {
    return 'table';
  }
  GetRowsCount(): number {
    return this.rows.length;
  }
  GetRow(index: number): OoTableRow | null {
    const row = this.rows[index];
    if (!row) return null;
    return { GetCellsCount: () => row.length, GetCell: (c: number) => {
      const cell = row[c];
      if (!cell) throw new RangeError(`GetCell(${c}): no cell`);
      return cell;
    } };
  }
  Copy(): FakeTable {
    return new FakeTable(this.rows.map((row) => row.map((cell) => {
      const copy = new FakeCell();
      for (const e of cell.content.elements) copy.content.push(copyOf(e));
      return copy;
    })));
  }
  toJSON(): unknown {
    return { table: this.rows.map((row) => row.map((cell) => cell.content)) };
  }
}

class FakeColor implements OoColor {
  constructor(readonly hex: string) {}
  GetHex(): string {
    return this.hex;
  }
}

let nextInternalId = 1;

export class FakeBlockSdt implements OoBlockSdt, Placed {
  parent: FakeContent | null = null;
  readonly content = new FakeContent();
  tag = '';
  alias = '';
  color: string | null = null;
  lock = 'unlocked';
  internalId = String(nextInternalId++);
  GetColor?: () => OoColor | null;
  SetColor?: (color: OoColor | null) => boolean;

  constructor(withColor: boolean, empty = false) {
    this.content.owner = this;
    if (!empty) this.content.push(new FakeParagraph());
    if (withColor) {
      this.GetColor = () => (this.color ? new FakeColor(this.color) : null);
      this.SetColor = (color) => {
        if (color !== null && !(color instanceof FakeColor)) throw new TypeError('SetColor expects an ApiColor');
        this.color = color ? color.hex : null;
        return true;
      };
    }
  }
  GetClassType(): 'blockLvlSdt' {
    return 'blockLvlSdt';
  }
  GetTag(): string {
    return this.tag;
  }
  SetTag(tag: string): void {
    this.tag = String(tag);
  }
  GetAlias(): string {
    return this.alias;
  }
  SetAlias(alias: string): void {
    this.alias = String(alias);
  }
  GetContent(): OoDocumentContent {
    return this.content;
  }
  GetInternalId(): string {
    return this.internalId;
  }
  GetLock(): string {
    return this.lock;
  }
  Delete(keepContent: boolean): boolean {
    const parent = this.parent;
    if (!parent) return false;
    const at = parent.elements.indexOf(this);
    parent.RemoveElement(at);
    if (keepContent) {
      const inner = [...this.content.elements];
      inner.forEach((e, k) => {
        e.parent = null;
        parent.AddElement(at + k, e);
      });
      this.content.elements = [];
    }
    return true;
  }
  Copy(): FakeBlockSdt {
    const copy = new FakeBlockSdt(!!this.SetColor, true);
    Object.assign(copy, { tag: this.tag, alias: this.alias, color: this.color, lock: this.lock });
    for (const e of this.content.elements) copy.content.push(copyOf(e));
    return copy;
  }
  toJSON(): unknown {
    return { sdt: { tag: this.tag, alias: this.alias, color: this.color, lock: this.lock }, content: this.content };
  }
}

function copyOf(e: FakeElement): FakeElement {
  return e.Copy();
}

let nextPartId = 1;

class FakeXmlPart implements OoCustomXmlPart {
  constructor(
    private readonly owner: FakeXmlParts,
    readonly id: string,
    readonly xml: string,
  ) {}
  GetId(): string {
    return this.id;
  }
  GetXml(): string {
    return this.xml;
  }
  Delete(): boolean {
    const at = this.owner.parts.indexOf(this);
    if (at < 0) return false;
    this.owner.parts.splice(at, 1);
    return true;
  }
}

/** The root element's namespace, as a parser reads it (for GetByNamespace). */
function rootNamespaceOf(xml: string): string {
  try {
    return new DOMParser().parseFromString(xml, 'text/xml').documentElement?.namespaceURI ?? '';
  } catch {
    return '';
  }
}

export class FakeXmlParts implements OoCustomXmlParts {
  parts: FakeXmlPart[] = [];
  Add(xml: string): OoCustomXmlPart {
    if (typeof xml !== 'string' || !xml.trim().startsWith('<')) throw new TypeError('Add expects XML text');
    // Ids like the editor's: new on every load (see fromParts), never a way to find the record.
    const part = new FakeXmlPart(this, `{AIPROV-FAKE-${String(nextPartId++).padStart(4, '0')}}`, xml);
    this.parts.push(part);
    return part;
  }
  GetAll(): OoCustomXmlPart[] {
    return [...this.parts];
  }
  GetByNamespace(namespace: string): OoCustomXmlPart[] {
    return this.parts.filter((p) => rootNamespaceOf(p.xml) === namespace);
  }
}

class FakeProperties implements OoCustomProperties {
  readonly values = new Map<string, string | number | boolean | Date>();
  Add(name: string, value: string | number | boolean | Date): boolean {
    this.values.set(name, value);
    return true;
  }
  Get(name: string): string | number | boolean | Date | null {
    return this.values.has(name) ? this.values.get(name)! : null;
  }
}

export class FakeDocument extends FakeContent implements OoDocument {
  readonly xmlParts = new FakeXmlParts();
  readonly properties = new FakeProperties();
  /** Header and footer stories by type ("default", "title", "even") of the one section. */
  readonly headers = new Map<string, FakeContent>();
  readonly footers = new Map<string, FakeContent>();
  readonly shapes: FakeContent[] = [];
  GetCustomXmlParts?: () => OoCustomXmlParts | null;
  GetCustomProperties?: () => OoCustomProperties;

  constructor(modern: boolean) {
    super();
    if (modern) {
      this.GetCustomXmlParts = () => this.xmlParts;
      this.GetCustomProperties = () => this.properties;
    }
  }
  GetSections(): { GetHeader(type: string, create?: boolean): OoDocumentContent | null; GetFooter(type: string, create?: boolean): OoDocumentContent | null }[] {
    return [{ GetHeader: (type) => this.headers.get(type) ?? null, GetFooter: (type) => this.footers.get(type) ?? null }];
  }
  GetAllShapes(): { GetDocContent(): OoDocumentContent | null }[] {
    return this.shapes.map((content) => ({ GetDocContent: () => content }));
  }
}

export interface FakeOnlyOfficeOptions {
  /** Editor major version: 9 (default) has custom XML parts, custom properties and control colours. */
  version?: number;
}

/** The editor: the document, `Api`, `window.Asc` with its plugin object; counts the calls. */
export class FakeOnlyOffice {
  readonly version: number;
  readonly document: FakeDocument;
  readonly api: OoApi;
  readonly asc: OoAsc;
  callCommands = 0;
  executeMethods = 0;
  /** Errors thrown inside commands (the real editor logs them and answers undefined). */
  readonly commandErrors: unknown[] = [];
  selected: string | null = null;

  constructor(options: FakeOnlyOfficeOptions = {}) {
    this.version = options.version ?? 9;
    const modern = this.version >= 9;
    this.document = new FakeDocument(modern);
    const api: OoApi = {
      GetDocument: () => this.document,
      CreateParagraph: () => new FakeParagraph(),
      CreateBlockLvlSdt: () => new FakeBlockSdt(modern),
    };
    if (modern) api.HexColor = (hex: string) => {
      if (!/^#[0-9A-Fa-f]{6}$/.test(hex)) throw new TypeError(`HexColor: "${hex}" is not #RRGGBB`);
      return new FakeColor(hex.toUpperCase());
    };
    this.api = api;
    const plugin: OoPlugin = {
      callCommand: (func, _isClose, _isCalc, callback) => this.callCommand(func, callback),
      executeMethod: (name, params, callback) => this.executeMethod(name, params, callback),
      info: { lang: 'vi-VN', editorType: 'word', version: `${this.version}.0.0` },
    };
    this.asc = { plugin, scope: {} };
  }

  get roundTrips(): number {
    return this.callCommands + this.executeMethods;
  }

  private callCommand(func: () => unknown, callback?: (result: unknown) => void): void {
    this.callCommands++;
    if (typeof func !== 'function') throw new TypeError('callCommand expects a function');
    // The editor gets the function as text and the scope as JSON, both taken now.
    const source = func.toString();
    const scope: unknown = JSON.parse(JSON.stringify(this.asc.scope));
    setTimeout(() => {
      let result: unknown;
      try {
        const run = new Function('Api', 'Asc', `"use strict"; return (${source})();`) as (api: OoApi, asc: { scope: unknown }) => unknown;
        result = run(this.api, { scope });
      } catch (error) {
        this.commandErrors.push(error);
        result = undefined;
      }
      callback?.(result === undefined ? undefined : JSON.parse(JSON.stringify(result)));
    }, 0);
  }

  /**
   * Runs a command as the editor receives it over postMessage from the real plugins.js
   * (sdkjs common/plugins/plugin_base_api.js, callCommand): the text
   * `var Asc = {}; Asc.scope = {…}; var scope = Asc.scope; (function …)();` — the scope is in the
   * text as JSON, `Api` is the editor's global. Returns a JSON copy of the value of the last
   * statement (the command's return value), or undefined when the command threw.
   */
  runCommandText(text: string): unknown {
    this.callCommands++;
    if (typeof text !== 'string') throw new TypeError('a command is text');
    let result: unknown;
    try {
      const run = new Function('Api', '__command', '"use strict"; return eval(__command);') as (api: OoApi, command: string) => unknown;
      result = run(this.api, text);
    } catch (error) {
      this.commandErrors.push(error);
      return undefined;
    }
    return result === undefined ? undefined : JSON.parse(JSON.stringify(result));
  }

  private executeMethod(name: string, params: unknown[] | null, callback?: (result: unknown) => void): boolean {
    this.executeMethods++;
    let result: unknown;
    switch (name) {
      case 'SelectContentControl': {
        const id = params?.[0];
        if (typeof id !== 'string') throw new TypeError('SelectContentControl expects [InternalId]');
        this.selected = id;
        break;
      }
      case 'GetVersion':
        result = `${this.version}.0.0`;
        break;
      default:
        throw new Error(`executeMethod: the fake does not know "${name}"`);
    }
    setTimeout(() => callback?.(result), 0);
    return true;
  }

  // ---- building documents

  addParagraphs(...texts: string[]): this {
    this.document.push(...texts.map((t) => new FakeParagraph(t)));
    return this;
  }
  addTable(rows: string[][]): this {
    this.document.push(FakeTable.of(rows));
    return this;
  }

  /** Everything the fake holds, to prove a refused step changed nothing (part ids included). */
  state(): string {
    return JSON.stringify({
      body: this.document,
      parts: this.document.xmlParts.parts.map((p) => [p.id, p.xml]),
      properties: [...this.document.properties.values],
    });
  }
}
