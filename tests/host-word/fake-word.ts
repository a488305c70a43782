/**
 * A small, counting fake of the slice of the Word JavaScript API that src/host/word uses.
 *
 * It keeps the proxy-object semantics that catch real bugs:
 * - a property (or a collection's `items`, or a ClientResult's `value`) can be read only after
 *   `load()` and `context.sync()`; reading earlier throws, as Office.js does;
 * - navigation properties (`parentContentControlOrNullObject`, …) are proxies available at once,
 *   loadable in the same load as their owner (`items/parentContentControlOrNullObject/tag`);
 *   *OrNullObject proxies report `isNullObject` after sync;
 * - methods and property writes are queued and take effect at `sync()`, in order; the first failing
 *   operation rejects the sync and the rest of the batch is dropped (earlier ones stay applied, as
 *   in Word, which does not roll a batch back);
 * - each `sync()` increments `syncCount`.
 * The document is an in-memory model: body paragraphs (optionally in table cells), content controls
 * over paragraph ranges (or inline in one paragraph), sections with headers and footers, OOXML per
 * story, custom XML parts by namespace, custom properties, and content control events.
 */
import { DOMParser } from '@xmldom/xmldom';
import type { OfficeLike, WordRunner } from '../../src/host/word/types';

// ----------------------------------------------------------------------------------------------
// Errors

/** Shaped like OfficeExtension.Error (name "RichApi.Error", string code, debugInfo). */
export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

function notLoaded(what: string): Error {
  return new Error(
    `PropertyNotLoaded: The property '${what}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

// ----------------------------------------------------------------------------------------------
// Document model

export interface MParagraph {
  uid: string;
  text: string;
  table: { level: number; row: number; cell: number } | null;
  styleBuiltIn: string;
  /** A custom style's name (styleBuiltIn is then "Other"); a built-in style is named by styleBuiltIn. */
  styleName?: string;
}

type Handler = (args: { ids: number[]; eventType: string; source: string }) => Promise<unknown>;

export interface MControl {
  id: number;
  tag: string;
  title: string;
  color: string;
  appearance: string;
  first: MParagraph;
  last: MParagraph;
  /** Set for an inline control (inside `first`, which equals `last`). */
  inlineText: string | null;
  cannotEdit: boolean;
  cannotDelete: boolean;
  deleted: boolean;
  created: number;
  onDataChanged: Handler[];
  onDeleted: Handler[];
}

export interface MStory {
  paragraphs: MParagraph[];
  /** What getOoxml() returns; generated from the paragraphs when null. */
  ooxml: string | null;
}

type HeaderFooterType = 'Primary' | 'FirstPage' | 'EvenPages';

export interface MSection {
  header: Record<HeaderFooterType, MStory>;
  footer: Record<HeaderFooterType, MStory>;
}

export interface MXmlPart {
  id: string;
  xml: string;
  namespace: string;
}

export interface ControlSpec {
  from: number;
  to?: number;
  tag?: string;
  title?: string;
  color?: string;
  /** Makes an inline control inside paragraph `from` with this text. */
  inlineText?: string;
  cannotEdit?: boolean;
  cannotDelete?: boolean;
}

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A flat-OPC package (as getOoxml() returns) whose document body holds `bodyXml`. */
export function flatOpc(bodyXml: string): string {
  return (
    '<?xml version="1.0" standalone="yes"?>' +
    '<?mso-application progid="Word.Document"?>' +
    '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
    '<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData>' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>' +
    '</pkg:xmlData></pkg:part>' +
    '<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>' +
    `<w:document xmlns:w="${W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"><w:body>${bodyXml}</w:body></w:document>` +
    '</pkg:xmlData></pkg:part></pkg:package>'
  );
}

export function paragraphXml(text: string): string {
  return `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

/**
 * A paragraph anchoring a text box as Word writes it: a DrawingML shape (mc:Choice) with a VML
 * fallback holding the same text (mc:Fallback), so a reader that takes both branches sees it twice.
 */
export function textboxParagraphXml(lines: string[], anchorText = ''): string {
  const content = `<w:txbxContent>${lines.map(paragraphXml).join('')}</w:txbxContent>`;
  return (
    '<w:p><w:r><mc:AlternateContent>' +
    `<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>${content}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
    `<mc:Fallback><w:pict><v:shape><v:textbox>${content}</v:textbox></v:shape></w:pict></mc:Fallback>` +
    `</mc:AlternateContent></w:r>${anchorText ? `<w:r><w:t>${escapeXml(anchorText)}</w:t></w:r>` : ''}</w:p>`
  );
}

function emptyStory(): MStory {
  return { paragraphs: [], ooxml: null };
}

function emptySection(): MSection {
  return {
    header: { Primary: emptyStory(), FirstPage: emptyStory(), EvenPages: emptyStory() },
    footer: { Primary: emptyStory(), FirstPage: emptyStory(), EvenPages: emptyStory() },
  };
}

/** A point in a story: a paragraph and a character offset in its text. */
export interface MPoint {
  p: MParagraph;
  offset: number;
}

/** The person's selection (a bare cursor when start equals end). */
export interface MSelection {
  story: MStory;
  start: MPoint;
  end: MPoint;
}

export interface FakeWordOptions {
  /** Highest WordApi 1.x minor version this Word supports (default 5: WordApi 1.5). */
  wordApi?: number;
  readOnly?: boolean;
}

export class FakeWord {
  readonly body: MStory = emptyStory();
  readonly controls: MControl[] = [];
  readonly sections: MSection[] = [emptySection()];
  readonly xmlParts: MXmlPart[] = [];
  readonly properties: { key: string; value: string }[] = [];
  readonly documentAddedHandlers: Handler[] = [];
  wordApi: number;
  readOnly: boolean;
  /** Every `context.sync()` across all runs. */
  syncCount = 0;
  /** Calls to the Office common API (the fallback for custom XML parts). */
  commonApiCalls = 0;
  /** Runs at the start of every sync: a test's stand-in for the user editing between round trips. */
  beforeSync: ((syncNumber: number) => void) | null = null;
  /** Where the person's selection is; null puts the cursor at the start of the body. */
  selection: MSelection | null = null;
  /** Every `select()` Word carried out, in order (what the person saw selected). */
  readonly selections: { text: string; from: number; to: number }[] = [];
  private serial = 0;
  private version = 0;
  private indexCache: { version: number; map: Map<MParagraph, number> } | null = null;

  constructor(options: FakeWordOptions = {}) {
    this.wordApi = options.wordApi ?? 5;
    this.readOnly = options.readOnly ?? false;
  }

  /** Stands in for `Word.run`: a fresh request context per batch. */
  readonly run: WordRunner = async (batch) => batch(new FakeContext(this) as unknown as Word.RequestContext);

  /** Stands in for the `Office` namespace: requirement sets and the common custom XML API. */
  readonly office: OfficeLike = {
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string) => name === 'WordApi' && minorOf(version) <= this.wordApi,
      },
      document: { customXmlParts: commonCustomXmlParts(this) as unknown as Office.CustomXmlParts },
    },
  };

  // ---- building documents

  paragraph(text: string, options: { table?: MParagraph['table']; style?: string } = {}): MParagraph {
    return { uid: `{P-${++this.serial}}`, text, table: options.table ?? null, styleBuiltIn: options.style ?? 'Normal' };
  }

  addParagraphs(...texts: string[]): this {
    for (const text of texts) this.body.paragraphs.push(this.paragraph(text));
    this.touch();
    return this;
  }

  addTable(rows: string[][], level = 1): this {
    rows.forEach((cells, row) => cells.forEach((text, cell) => this.body.paragraphs.push(this.paragraph(text, { table: { level, row, cell } }))));
    this.touch();
    return this;
  }

  addControl(spec: ControlSpec): MControl {
    const first = this.body.paragraphs[spec.from - 1];
    const last = this.body.paragraphs[(spec.to ?? spec.from) - 1];
    if (!first || !last) throw new Error(`fake: no paragraph ${spec.from}..${spec.to}`);
    const control = this.newControl(first, last, spec.inlineText ?? null);
    Object.assign(control, {
      tag: spec.tag ?? '',
      title: spec.title ?? '',
      color: spec.color ?? '',
      cannotEdit: spec.cannotEdit ?? false,
      cannotDelete: spec.cannotDelete ?? false,
    });
    return control;
  }

  /** A body of `count` passages, each of `size` paragraphs between two plain paragraphs. */
  static withPassages(count: number, options: FakeWordOptions & { size?: number } = {}): FakeWord {
    const word = new FakeWord(options);
    const size = options.size ?? 2;
    word.addParagraphs('Tiêu đề văn bản');
    for (let n = 1; n <= count; n++) {
      const from = word.body.paragraphs.length + 1;
      for (let k = 1; k <= size; k++) word.addParagraphs(`Đoạn AI ${n}, câu ${k}: doanh thu tăng ${n}%.`);
      word.addControl({ from, to: from + size - 1, tag: `aiprov:p-${n}`, title: `AI · chưa kiểm chứng · ${n}`, color: '#FFC000' });
      word.addParagraphs(`Đoạn người viết số ${n}.`);
    }
    return word;
  }

  /** The person selects body text: paragraph `from` at `fromOffset` to paragraph `to` at `toOffset` (end of it by default). */
  select(from: number, to = from, offsets: { start?: number; end?: number } = {}): this {
    const first = this.body.paragraphs[from - 1];
    const last = this.body.paragraphs[to - 1];
    if (!first || !last) throw new Error(`fake: no paragraph ${from}..${to}`);
    this.selection = { story: this.body, start: { p: first, offset: offsets.start ?? 0 }, end: { p: last, offset: offsets.end ?? last.text.length } };
    return this;
  }

  /** The person puts the cursor in the primary header of the first section. */
  selectInHeader(text = 'Đầu trang'): this {
    const story = this.sections[0]!.header.Primary;
    if (story.paragraphs.length === 0) story.paragraphs.push(this.paragraph(text));
    const p = story.paragraphs[0]!;
    this.selection = { story, start: { p, offset: 0 }, end: { p, offset: p.text.length } };
    return this;
  }

  currentSelection(): MSelection {
    if (this.selection && this.selection.story.paragraphs.includes(this.selection.start.p) && this.selection.story.paragraphs.includes(this.selection.end.p)) {
      return this.selection;
    }
    const p = this.body.paragraphs[0]!;
    return { story: this.body, start: { p, offset: 0 }, end: { p, offset: 0 } };
  }

  selectionParagraphs(selection: MSelection): MParagraph[] {
    const ps = selection.story.paragraphs;
    return ps.slice(ps.indexOf(selection.start.p), ps.indexOf(selection.end.p) + 1);
  }

  /** Word's text of a selection: paragraphs joined by "\r". */
  selectionText(selection: MSelection): string {
    const ps = this.selectionParagraphs(selection);
    return ps
      .map((p, i) => p.text.slice(i === 0 ? selection.start.offset : 0, i === ps.length - 1 ? selection.end.offset : undefined))
      .join('\r');
  }

  /** Carries out a select(): the selection moves there and is logged. */
  selectRange(selection: MSelection): void {
    this.selection = selection;
    this.selections.push({ text: this.selectionText(selection), from: this.index(selection.start.p), to: this.index(selection.end.p) });
  }

  // ---- queries

  bodyTexts(): string[] {
    return this.body.paragraphs.map((p) => p.text);
  }

  liveControls(): MControl[] {
    const index = this.indexMap();
    return this.controls
      .filter((c) => !c.deleted)
      .sort((x, y) => {
        const [xa, xb] = [index.get(x.first)!, index.get(x.last)!];
        const [ya, yb] = [index.get(y.first)!, index.get(y.last)!];
        if (xa !== ya) return xa - ya;
        if ((x.inlineText === null) !== (y.inlineText === null)) return x.inlineText === null ? -1 : 1;
        if (xb - xa !== yb - ya) return yb - ya - (xb - xa);
        return x.created - y.created;
      });
  }

  controlByTag(tag: string): MControl | undefined {
    return this.liveControls().find((c) => c.tag === tag);
  }

  /** 1-based paragraph numbers a control covers. */
  span(control: MControl): [number, number] {
    const index = this.indexMap();
    return [index.get(control.first)!, index.get(control.last)!];
  }

  // ---- model internals used by the proxies

  touch(): void {
    this.version++;
  }

  indexMap(): Map<MParagraph, number> {
    if (!this.indexCache || this.indexCache.version !== this.version) {
      this.indexCache = { version: this.version, map: new Map(this.body.paragraphs.map((p, i) => [p, i + 1])) };
    }
    return this.indexCache.map;
  }

  index(p: MParagraph): number {
    const i = this.indexMap().get(p);
    if (i === undefined) throw new FakeOfficeError('ItemNotFound', 'The paragraph is not in the body.');
    return i;
  }

  newControl(first: MParagraph, last: MParagraph, inlineText: string | null): MControl {
    const control: MControl = {
      id: 1000 + ++this.serial,
      tag: '',
      title: '',
      color: '',
      appearance: 'BoundingBox',
      first,
      last,
      inlineText,
      cannotEdit: false,
      cannotDelete: false,
      deleted: false,
      created: this.serial,
      onDataChanged: [],
      onDeleted: [],
    };
    this.controls.push(control);
    this.touch();
    return control;
  }

  /** Does `outer` contain `inner` (block containment; equal spans: the older one is outside)? */
  contains(outer: MControl, inner: MControl): boolean {
    if (outer === inner || outer.inlineText !== null) return false;
    const [oa, ob] = this.span(outer);
    const [ia, ib] = this.span(inner);
    if (oa > ia || ib > ob) return false;
    if (inner.inlineText !== null) return true;
    return ob - oa > ib - ia || outer.created < inner.created;
  }

  private innermost(candidates: MControl[]): MControl | null {
    let best: MControl | null = null;
    for (const c of candidates) if (!best || this.contains(best, c)) best = c;
    return best;
  }

  parentOfParagraph(p: MParagraph): MControl | null {
    if (!this.indexMap().has(p)) return null; // header/footer paragraphs: controls are modelled in the body only
    const at = this.index(p);
    return this.innermost(this.liveControls().filter((c) => c.inlineText === null && this.span(c)[0] <= at && at <= this.span(c)[1]));
  }

  parentOfControl(control: MControl): MControl | null {
    return this.innermost(this.liveControls().filter((c) => this.contains(c, control)));
  }

  controlText(control: MControl): string {
    if (control.inlineText !== null) return control.inlineText;
    const [a, b] = this.span(control);
    return this.body.paragraphs
      .slice(a - 1, b)
      .map((p) => p.text)
      .join('\r');
  }

  assertWritable(): void {
    if (this.readOnly) throw new FakeOfficeError('AccessDenied', 'The document is read-only.');
  }

  requireApi(minor: number, what: string): void {
    if (this.wordApi < minor) throw new FakeOfficeError('ApiNotFound', `The API you are trying to use could not be found (${what}).`, what);
  }

  /** Refuses an edit inside a control locked against editing. */
  assertEditableAt(p: MParagraph): void {
    for (let c = this.parentOfParagraph(p); c; c = this.parentOfControl(c)) {
      if (c.cannotEdit) throw new FakeOfficeError('InvalidArgument', `The content control "${c.title}" cannot be edited.`);
    }
  }

  /**
   * Inserts a paragraph next to `anchor` in the body. `grow` lists the controls whose range takes
   * the new paragraph in (those it lands inside, as Word decides for each insertion kind).
   */
  insertBeside(anchor: MParagraph, where: 'before' | 'after', text: string, grow: MControl[]): MParagraph {
    for (const c of grow) if (c.cannotEdit) throw new FakeOfficeError('InvalidArgument', `The content control "${c.title}" cannot be edited.`);
    const created = this.paragraph(text, { table: anchor.table ? { ...anchor.table } : null, style: anchor.styleBuiltIn });
    const at = this.index(anchor) - 1 + (where === 'after' ? 1 : 0);
    this.body.paragraphs.splice(at, 0, created);
    for (const c of grow) {
      if (where === 'after' && c.last === anchor) c.last = created;
      if (where === 'before' && c.first === anchor) c.first = created;
    }
    this.touch();
    return created;
  }

  /** Block controls ending (or starting) at paragraph `p`. */
  blockControlsAt(p: MParagraph, edge: 'first' | 'last'): MControl[] {
    return this.liveControls().filter((c) => c.inlineText === null && c[edge] === p);
  }

  // ---- events, as Word would fire them after a user's edit

  async userEditsControl(control: MControl, newText?: string): Promise<void> {
    if (newText !== undefined) {
      if (control.inlineText !== null) control.inlineText = newText;
      else control.first.text = newText;
    }
    for (const h of control.onDataChanged) await h({ ids: [control.id], eventType: 'ContentControlDataChanged', source: 'Local' });
  }

  async userDeletesControl(control: MControl): Promise<void> {
    control.deleted = true;
    this.touch();
    for (const h of control.onDeleted) await h({ ids: [control.id], eventType: 'ContentControlDeleted', source: 'Local' });
  }

  async userAddsControl(spec: ControlSpec): Promise<MControl> {
    const control = this.addControl(spec);
    for (const h of this.documentAddedHandlers) await h({ ids: [control.id], eventType: 'ContentControlAdded', source: 'Local' });
    return control;
  }

  defaultOoxml(story: MStory): string {
    return flatOpc(story.paragraphs.map((p) => paragraphXml(p.text)).join(''));
  }

  namespaceOf(xml: string): string {
    let namespace: string | null | undefined;
    try {
      namespace = new DOMParser({ onError: () => undefined }).parseFromString(xml, 'application/xml').documentElement?.namespaceURI;
    } catch {
      namespace = undefined;
    }
    if (namespace === undefined) throw new FakeOfficeError('InvalidArgument', 'The XML is not well-formed.');
    return namespace ?? '';
  }

  nextPartId(): string {
    return `{00000000-0000-0000-0000-${String(++this.serial).padStart(12, '0')}}`;
  }
}

function minorOf(version: string | undefined): number {
  const match = /^1\.(\d+)$/.exec(version ?? '1.1');
  return match ? Number(match[1]) : Number.POSITIVE_INFINITY;
}

// ----------------------------------------------------------------------------------------------
// Request context and proxy objects

type LoadTree = { [key: string]: LoadTree | true } | 'all';

function parseLoad(select: unknown, collection: boolean): LoadTree {
  if (select === undefined) return 'all';
  if (typeof select !== 'string' && !Array.isArray(select)) throw new Error('fake: only string load paths are supported');
  const paths = (Array.isArray(select) ? select : select.split(',')).map((s: string) => s.trim()).filter(Boolean);
  const tree: { [key: string]: LoadTree | true } = {};
  for (let path of paths) {
    if (collection) {
      if (path === 'items') return 'all';
      path = path.replace(/^items\//, '');
    }
    const keys = path.split('/');
    let node = tree;
    keys.forEach((key, i) => {
      if (i === keys.length - 1) {
        if (!(key in node)) node[key] = true;
      } else {
        if (node[key] === true || node[key] === undefined) node[key] = {};
        node = node[key] as { [key: string]: LoadTree | true };
      }
    });
  }
  return tree;
}

export class FakeContext {
  readonly document: FakeDocument;
  private queue: (() => void)[] = [];

  constructor(readonly word: FakeWord) {
    this.document = new FakeDocument(this);
  }

  enqueue(op: () => void): void {
    this.queue.push(op);
  }

  enqueueWrite(op: () => void): void {
    this.queue.push(() => {
      this.word.assertWritable();
      op();
    });
  }

  async sync(): Promise<void> {
    this.word.syncCount++;
    this.word.beforeSync?.(this.word.syncCount);
    const ops = this.queue.splice(0);
    for (const op of ops) op();
  }
}

class FakeClientResult<T> {
  private loaded = false;
  private result: T | undefined;

  set(value: T): void {
    this.result = value;
    this.loaded = true;
  }

  get value(): T {
    if (!this.loaded) throw notLoaded('value');
    return this.result as T;
  }
}

type Scalars<T> = Record<string, (target: T) => unknown>;

interface Loadable {
  applyLoad(tree: LoadTree): void;
}

abstract class FakeObject<T> {
  private readonly values = new Map<string, unknown>();
  private readonly navCache = new Map<string, unknown>();

  constructor(
    readonly context: FakeContext,
    protected readonly resolve: () => T | null,
    protected readonly nullable = false,
  ) {}

  protected get word(): FakeWord {
    return this.context.word;
  }

  protected abstract scalars(): Scalars<T>;

  protected navigations(): Record<string, () => Loadable> {
    return {};
  }

  /** The model object, or an ItemNotFound failure (this runs inside a sync). */
  protected target(): T {
    const t = this.resolve();
    if (t === null) throw new FakeOfficeError('ItemNotFound', `${this.constructor.name}: the item does not exist.`);
    return t;
  }

  /** Navigation properties return the same proxy each time, so what was loaded on it stays. */
  protected nav<N>(key: string, make: () => N): N {
    if (!this.navCache.has(key)) this.navCache.set(key, make());
    return this.navCache.get(key) as N;
  }

  load(select?: string | string[]): this {
    const tree = parseLoad(select, false);
    this.context.enqueue(() => this.applyLoad(tree));
    return this;
  }

  applyLoad(tree: LoadTree): void {
    const t = this.resolve();
    if (t === null) {
      if (!this.nullable) throw new FakeOfficeError('ItemNotFound', `${this.constructor.name}: the item does not exist.`);
      this.values.set('isNullObject', true);
      return;
    }
    this.values.set('isNullObject', false);
    const scalars = this.scalars();
    const navigations = this.navigations();
    const entries: [string, LoadTree | true][] = tree === 'all' ? Object.keys(scalars).map((k) => [k, true]) : Object.entries(tree);
    for (const [key, sub] of entries) {
      const scalar = scalars[key];
      const navigation = navigations[key];
      if (scalar && sub === true) this.values.set(key, scalar(t));
      else if (navigation) navigation().applyLoad(sub === true ? 'all' : sub);
      else throw new Error(`fake: ${this.constructor.name} cannot load "${key}"`);
    }
  }

  protected read<V>(key: string): V {
    if (key !== 'isNullObject' && this.values.get('isNullObject') === true) {
      throw new Error(`fake: reading '${key}' of a null object; check isNullObject first`);
    }
    if (!this.values.has(key)) throw notLoaded(key);
    return this.values.get(key) as V;
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    return this.read<boolean>('isNullObject');
  }

  protected write(op: (target: T) => void): void {
    this.context.enqueueWrite(() => op(this.target()));
  }
}

class FakeCollection<T, P extends FakeObject<T>> {
  private loadedItems: P[] | null = null;

  constructor(
    readonly context: FakeContext,
    private readonly targets: () => T[],
    private readonly makeItem: (target: T) => P,
  ) {}

  load(select?: string | string[]): this {
    const tree = parseLoad(select, true);
    this.context.enqueue(() => {
      this.loadedItems = this.targets().map((t) => {
        const item = this.makeItem(t);
        item.applyLoad(tree);
        return item;
      });
    });
    return this;
  }

  get items(): P[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }
}

interface Position {
  p: MParagraph;
  edge: 'start' | 'end';
}

interface RangeModel {
  start: Position;
  end: Position;
}

function positionKey(word: FakeWord, pos: Position): number {
  return word.index(pos.p) * 2 + (pos.edge === 'end' ? 1 : 0);
}

class FakeDocument {
  readonly body: FakeBody;
  readonly sections: FakeCollection<MSection, FakeSection>;
  readonly customXmlParts: FakeCustomXmlPartCollection;
  readonly properties: { customProperties: FakeCustomPropertyCollection };
  readonly onContentControlAdded: FakeEventHandlers;

  constructor(readonly context: FakeContext) {
    const word = context.word;
    this.body = new FakeBody(context, () => word.body, true);
    this.sections = new FakeCollection(context, () => word.sections, (s) => new FakeSection(context, () => s));
    this.customXmlParts = new FakeCustomXmlPartCollection(context);
    this.properties = { customProperties: new FakeCustomPropertyCollection(context) };
    this.onContentControlAdded = new FakeEventHandlers(context, () => word.documentAddedHandlers);
  }

  /** The selection as it is when the queued load runs. */
  getSelection(): FakeSelectionRange {
    return new FakeSelectionRange(this.context, () => this.context.word.currentSelection());
  }
}

class FakeSelectionRange extends FakeObject<MSelection> {
  protected scalars(): Scalars<MSelection> {
    return { text: (s) => this.word.selectionText(s) };
  }

  protected override navigations(): Record<string, () => Loadable> {
    return { parentBody: () => this.parentBody, paragraphs: () => this.paragraphs as unknown as Loadable };
  }

  get text(): string {
    return this.read('text');
  }

  get paragraphs(): FakeParagraphCollection {
    return this.nav('paragraphs', () => new FakeParagraphCollection(this.context, () => this.word.selectionParagraphs(this.target())));
  }

  get parentBody(): FakeBody {
    return this.nav('parentBody', () => {
      const story = () => this.target().story;
      return new FakeBody(this.context, story, false, () => (story() === this.word.body ? 'MainDoc' : 'Header'));
    });
  }

  /** Only 'End' is modelled (as the end of the selection's last paragraph, which is what counting needs). */
  getRange(_location: 'End'): FakeRange {
    return new FakeRange(this.context, () => {
      const p = this.target().end.p;
      return { start: { p, edge: 'end' }, end: { p, edge: 'end' } };
    });
  }
}

/** A search hit: a stretch of one paragraph's text. */
interface MHit {
  p: MParagraph;
  offset: number;
  length: number;
}

class FakeTextRange extends FakeObject<MHit> {
  protected scalars(): Scalars<MHit> {
    return { text: (h) => h.p.text.slice(h.offset, h.offset + h.length) };
  }
  get text(): string {
    return this.read('text');
  }
  select(): void {
    this.context.enqueue(() => {
      const h = this.target();
      this.word.selectRange({ story: this.word.body, start: { p: h.p, offset: h.offset }, end: { p: h.p, offset: h.offset + h.length } });
    });
  }
}

class FakeBody extends FakeObject<MStory> {
  constructor(
    context: FakeContext,
    resolve: () => MStory,
    private readonly main: boolean,
    private readonly kind: () => string = () => (main ? 'MainDoc' : 'Header'),
  ) {
    super(context, resolve);
  }

  protected scalars(): Scalars<MStory> {
    return { text: (s) => s.paragraphs.map((p) => p.text).join('\r'), type: () => this.kind() };
  }

  get type(): string {
    return this.read('type');
  }

  get paragraphs(): FakeParagraphCollection {
    return this.nav('paragraphs', () => new FakeParagraphCollection(this.context, () => this.target().paragraphs));
  }

  get contentControls(): FakeContentControlCollection {
    return this.nav('contentControls', () => new FakeContentControlCollection(this.context, () => (this.main ? this.word.liveControls() : [])));
  }

  getRange(location: 'Whole' | 'Start' | 'End' = 'Whole'): FakeRange {
    return new FakeRange(this.context, () => {
      const ps = this.target().paragraphs;
      const first = ps[0]!;
      const last = ps[ps.length - 1]!;
      if (location === 'Start') return { start: { p: first, edge: 'start' }, end: { p: first, edge: 'start' } };
      if (location === 'End') return { start: { p: last, edge: 'end' }, end: { p: last, edge: 'end' } };
      return { start: { p: first, edge: 'start' }, end: { p: last, edge: 'end' } };
    });
  }

  insertParagraph(text: string, location: 'Start' | 'End'): FakeParagraph {
    let created: MParagraph | null = null;
    this.write((story) => {
      created = this.word.paragraph(text);
      if (location === 'Start') story.paragraphs.unshift(created);
      else story.paragraphs.push(created);
      this.word.touch();
    });
    return new FakeParagraph(this.context, () => created);
  }

  getOoxml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.context.enqueue(() => {
      const story = this.target();
      result.set(story.ooxml ?? this.word.defaultOoxml(story));
    });
    return result;
  }
}

class FakeParagraphCollection extends FakeCollection<MParagraph, FakeParagraph> {
  constructor(context: FakeContext, targets: () => MParagraph[]) {
    super(context, targets, (p) => new FakeParagraph(context, () => p));
  }
}

class FakeParagraph extends FakeObject<MParagraph> {
  protected scalars(): Scalars<MParagraph> {
    return {
      text: (p) => p.text,
      tableNestingLevel: (p) => p.table?.level ?? 0,
      styleBuiltIn: (p) => p.styleBuiltIn,
      style: (p) => p.styleName ?? p.styleBuiltIn,
      uniqueLocalId: (p) => {
        this.word.requireApi(6, 'Paragraph.uniqueLocalId');
        return p.uid;
      },
    };
  }

  protected override navigations(): Record<string, () => Loadable> {
    return {
      parentContentControlOrNullObject: () => this.parentContentControlOrNullObject ,
      parentTableCellOrNullObject: () => this.parentTableCellOrNullObject ,
    };
  }

  get text(): string {
    return this.read('text');
  }
  get tableNestingLevel(): number {
    return this.read('tableNestingLevel');
  }
  get uniqueLocalId(): string {
    return this.read('uniqueLocalId');
  }
  get styleBuiltIn(): string {
    return this.read('styleBuiltIn');
  }
  set styleBuiltIn(value: string) {
    this.write((p) => {
      p.styleBuiltIn = value;
      delete p.styleName;
    });
  }
  get style(): string {
    return this.read('style');
  }
  /** As Word does for a name it does not know as built-in: the custom style, styleBuiltIn "Other". */
  set style(value: string) {
    this.write((p) => {
      p.styleBuiltIn = 'Other';
      p.styleName = value;
    });
  }

  get parentContentControlOrNullObject(): FakeContentControl {
    return this.nav(
      'parentContentControlOrNullObject',
      () =>
        new FakeContentControl(
          this.context,
          () => {
            const p = this.resolve();
            return p ? this.word.parentOfParagraph(p) : null;
          },
          true,
        ),
    );
  }

  get parentTableCellOrNullObject(): FakeTableCell {
    return this.nav('parentTableCellOrNullObject', () => new FakeTableCell(this.context, () => this.resolve()?.table ?? null, true));
  }

  getRange(location: 'Whole' | 'Start' | 'End' | 'Content' = 'Whole'): FakeRange {
    return new FakeRange(this.context, () => {
      const p = this.target();
      return {
        start: { p, edge: location === 'End' ? 'end' : 'start' },
        end: { p, edge: location === 'Start' ? 'start' : 'end' },
      };
    });
  }

  /** Like Word, a paragraph inserted after the last paragraph of a control lands inside it. */
  insertParagraph(text: string, location: 'Before' | 'After'): FakeParagraph {
    let created: MParagraph | null = null;
    this.write((p) => {
      this.word.assertEditableAt(p);
      const where = location === 'After' ? 'after' : 'before';
      created = this.word.insertBeside(p, where, text, this.word.blockControlsAt(p, where === 'after' ? 'last' : 'first'));
    });
    return new FakeParagraph(this.context, () => created);
  }

  insertText(text: string, location: 'Start' | 'End' | 'Replace'): void {
    this.write((p) => {
      this.word.assertEditableAt(p);
      p.text = location === 'Start' ? text + p.text : location === 'End' ? p.text + text : text;
    });
  }

  insertContentControl(): FakeContentControl {
    let created: MControl | null = null;
    this.write((p) => {
      this.word.assertEditableAt(p);
      created = this.word.newControl(p, p, null);
    });
    return new FakeContentControl(this.context, () => created);
  }
}

class FakeTableCell extends FakeObject<NonNullable<MParagraph['table']>> {
  protected scalars(): Scalars<NonNullable<MParagraph['table']>> {
    return { rowIndex: (c) => c.row, cellIndex: (c) => c.cell };
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get cellIndex(): number {
    return this.read('cellIndex');
  }
}

class FakeRange extends FakeObject<RangeModel> {
  protected scalars(): Scalars<RangeModel> {
    return {};
  }

  expandTo(other: FakeRange): FakeRange {
    return new FakeRange(this.context, () => {
      const a = this.target();
      const b = other.target();
      const key = (pos: Position) => positionKey(this.word, pos);
      return {
        start: key(a.start) <= key(b.start) ? a.start : b.start,
        end: key(a.end) >= key(b.end) ? a.end : b.end,
      };
    });
  }

  get paragraphs(): FakeParagraphCollection {
    return this.nav(
      'paragraphs',
      () =>
        new FakeParagraphCollection(this.context, () => {
          const r = this.target();
          return this.word.body.paragraphs.slice(this.word.index(r.start.p) - 1, this.word.index(r.end.p));
        }),
    );
  }

  /** Deletes whole paragraphs (start of one to end of another), and the controls inside them; refuses a range that cuts a control. */
  delete(): void {
    this.write((r) => {
      const word = this.word;
      if (r.start.edge !== 'start' || r.end.edge !== 'end') throw new Error('fake: only whole-paragraph deletes are modelled');
      const [a, b] = [word.index(r.start.p), word.index(r.end.p)];
      if (b - a + 1 >= word.body.paragraphs.length) throw new FakeOfficeError('InvalidArgument', 'The body must keep a paragraph.');
      const live = word.liveControls();
      for (const c of live) {
        const [ca, cb] = word.span(c);
        const cut = (ca < a && cb >= a && cb < b) || (ca > a && ca <= b && cb > b);
        if (cut) throw new FakeOfficeError('InvalidArgument', 'The range cuts across a content control.');
      }
      word.assertEditableAt(r.start.p);
      const inside = live.filter((c) => {
        const [ca, cb] = word.span(c);
        return ca >= a && cb <= b;
      });
      for (const c of live) {
        const [ca, cb] = word.span(c);
        // A control around the range (not inside it) shrinks; its edges move off the deleted paragraphs.
        if (!inside.includes(c) && ca <= a && cb >= b) {
          if (c.first === r.start.p) c.first = word.body.paragraphs[b]!;
          if (c.last === r.end.p) c.last = word.body.paragraphs[a - 2]!;
        }
      }
      for (const c of inside) c.deleted = true;
      word.body.paragraphs.splice(a - 1, b - a + 1);
      word.touch();
    });
  }

  /**
   * Whole paragraphs (start of one to end of another) become a block control, anything else an
   * inline one. Like Word, refuses a range that half covers another control or lies in a locked one.
   */
  insertContentControl(): FakeContentControl {
    let created: MControl | null = null;
    this.write((r) => {
      const word = this.word;
      const [a, b] = [word.index(r.start.p), word.index(r.end.p)];
      for (const c of word.liveControls()) {
        if (c.inlineText !== null) continue;
        const [ca, cb] = word.span(c);
        if ((ca < a && cb >= a && cb < b) || (ca > a && ca <= b && cb > b)) {
          throw new FakeOfficeError('InvalidArgument', 'The range cuts across a content control.');
        }
      }
      word.assertEditableAt(r.start.p);
      const block = r.start.edge === 'start' && r.end.edge === 'end';
      created = word.newControl(r.start.p, r.end.p, block ? null : '');
    });
    return new FakeContentControl(this.context, () => created);
  }
}

class FakeEventHandlerResult {
  constructor(
    readonly context: FakeContext,
    private readonly list: () => Handler[],
    private readonly handler: Handler,
  ) {}

  remove(): void {
    this.context.enqueue(() => {
      const list = this.list();
      const at = list.indexOf(this.handler);
      if (at >= 0) list.splice(at, 1);
    });
  }
}

class FakeEventHandlers {
  constructor(
    private readonly context: FakeContext,
    private readonly list: () => Handler[],
  ) {}

  add(handler: Handler): FakeEventHandlerResult {
    this.context.enqueue(() => {
      this.context.word.requireApi(5, 'content control events');
      this.list().push(handler);
    });
    return new FakeEventHandlerResult(this.context, this.list, handler);
  }
}

class FakeContentControl extends FakeObject<MControl> {
  constructor(context: FakeContext, resolve: () => MControl | null, nullable = false) {
    super(context, () => {
      const c = resolve();
      return c && !c.deleted ? c : null;
    }, nullable);
  }

  protected scalars(): Scalars<MControl> {
    return {
      id: (c) => c.id,
      tag: (c) => c.tag,
      title: (c) => c.title,
      color: (c) => c.color,
      appearance: (c) => c.appearance,
      text: (c) => this.word.controlText(c),
      cannotEdit: (c) => c.cannotEdit,
      cannotDelete: (c) => c.cannotDelete,
      type: () => 'RichText',
    };
  }

  protected override navigations(): Record<string, () => Loadable> {
    return { parentContentControlOrNullObject: () => this.parentContentControlOrNullObject };
  }

  get id(): number {
    return this.read('id');
  }
  get text(): string {
    return this.read('text');
  }
  get cannotEdit(): boolean {
    return this.read('cannotEdit');
  }
  get cannotDelete(): boolean {
    return this.read('cannotDelete');
  }
  get tag(): string {
    return this.read('tag');
  }
  set tag(value: string) {
    this.write((c) => {
      c.tag = value;
    });
  }
  get title(): string {
    return this.read('title');
  }
  set title(value: string) {
    this.write((c) => {
      c.title = value;
    });
  }
  get color(): string {
    return this.read('color');
  }
  set color(value: string) {
    this.write((c) => {
      if (!/^#[0-9a-fA-F]{6}$/.test(value)) throw new FakeOfficeError('InvalidArgument', `Invalid colour ${value}`);
      c.color = value.toUpperCase();
    });
  }
  get appearance(): string {
    return this.read('appearance');
  }
  set appearance(value: string) {
    this.write((c) => {
      c.appearance = value;
    });
  }

  get parentContentControlOrNullObject(): FakeContentControl {
    return this.nav(
      'parentContentControlOrNullObject',
      () =>
        new FakeContentControl(
          this.context,
          () => {
            const c = this.resolve();
            return c ? this.word.parentOfControl(c) : null;
          },
          true,
        ),
    );
  }

  get paragraphs(): FakeParagraphCollection {
    return this.nav(
      'paragraphs',
      () =>
        new FakeParagraphCollection(this.context, () => {
          const [a, b] = this.word.span(this.target());
          return this.word.body.paragraphs.slice(a - 1, b);
        }),
    );
  }

  get onDataChanged(): FakeEventHandlers {
    return new FakeEventHandlers(this.context, () => this.target().onDataChanged);
  }

  get onDeleted(): FakeEventHandlers {
    return new FakeEventHandlers(this.context, () => this.target().onDeleted);
  }

  getRange(location: 'Whole' | 'Start' | 'End' | 'Content' = 'Whole'): FakeRange {
    return new FakeRange(this.context, () => {
      const c = this.target();
      if (location === 'Start') return { start: { p: c.first, edge: 'start' }, end: { p: c.first, edge: 'start' } };
      if (location === 'End') return { start: { p: c.last, edge: 'end' }, end: { p: c.last, edge: 'end' } };
      return { start: { p: c.first, edge: 'start' }, end: { p: c.last, edge: 'end' } };
    });
  }

  /**
   * 'Start'/'End' put the paragraph inside this control (and inside its ancestors); 'Before'/'After'
   * put it outside this control (but still inside ancestors it shares the edge with).
   */
  insertParagraph(text: string, location: 'Before' | 'After' | 'Start' | 'End'): FakeParagraph {
    let created: MParagraph | null = null;
    this.write((c) => {
      const word = this.word;
      const after = location === 'After' || location === 'End';
      const edge = after ? 'last' : 'first';
      const inside = location === 'Start' || location === 'End';
      const ancestors = word.blockControlsAt(c[edge], edge).filter((x) => word.contains(x, c));
      const grow = inside ? [c, ...ancestors] : ancestors;
      created = word.insertBeside(c[edge], after ? 'after' : 'before', text, grow);
    });
    return new FakeParagraph(this.context, () => created);
  }

  select(): void {
    this.context.enqueue(() => {
      const c = this.target();
      this.word.selectRange({ story: this.word.body, start: { p: c.first, offset: 0 }, end: { p: c.last, offset: c.last.text.length } });
    });
  }

  /** Plain search (no wildcards), within the control's paragraphs, in order; "^^" stands for a caret. */
  search(text: string, options: { matchCase?: boolean } = {}): FakeCollection<MHit, FakeTextRange> {
    return new FakeCollection(
      this.context,
      () => {
        const c = this.target();
        const needle = text.replace(/\^\^/g, '^');
        if (/\^[^^]/.test(text.replace(/\^\^/g, ''))) throw new Error(`fake: special characters are not modelled in "${text}"`);
        const fold = (s: string) => (options.matchCase ? s : s.toLowerCase());
        const [a, b] = this.word.span(c);
        const hits: MHit[] = [];
        for (const p of this.word.body.paragraphs.slice(a - 1, b)) {
          for (let at = fold(p.text).indexOf(fold(needle)); at >= 0 && needle; at = fold(p.text).indexOf(fold(needle), at + needle.length)) {
            hits.push({ p, offset: at, length: needle.length });
          }
        }
        return hits;
      },
      (h) => new FakeTextRange(this.context, () => h),
    );
  }

  delete(keepContent: boolean): void {
    this.write((c) => {
      if (c.cannotDelete) throw new FakeOfficeError('InvalidArgument', `The content control "${c.title}" cannot be deleted.`);
      if (!keepContent) throw new Error('fake: delete(false) is not modelled');
      c.deleted = true;
      this.word.touch();
    });
  }
}

class FakeContentControlCollection extends FakeCollection<MControl, FakeContentControl> {
  constructor(
    context: FakeContext,
    private readonly all: () => MControl[],
  ) {
    super(context, all, (c) => new FakeContentControl(context, () => c));
  }

  getByTag(tag: string): FakeContentControlCollection {
    return new FakeContentControlCollection(this.context, () => this.all().filter((c) => c.tag === tag));
  }
}

class FakeSection extends FakeObject<MSection> {
  protected scalars(): Scalars<MSection> {
    return {};
  }

  getHeader(type: HeaderFooterType): FakeBody {
    return new FakeBody(this.context, () => this.target().header[type], false);
  }

  getFooter(type: HeaderFooterType): FakeBody {
    return new FakeBody(this.context, () => this.target().footer[type], false);
  }
}

class FakeCustomXmlPart extends FakeObject<MXmlPart> {
  protected scalars(): Scalars<MXmlPart> {
    return { id: (p) => p.id, namespaceUri: (p) => p.namespace };
  }

  get id(): string {
    return this.read('id');
  }

  get namespaceUri(): string {
    return this.read('namespaceUri');
  }

  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.context.enqueue(() => result.set(this.target().xml));
    return result;
  }

  setXml(xml: string): void {
    this.write((part) => {
      part.namespace = this.word.namespaceOf(xml);
      part.xml = xml;
    });
  }

  delete(): void {
    this.write((part) => {
      const parts = this.word.xmlParts;
      parts.splice(parts.indexOf(part), 1);
    });
  }
}

/** `document.customXmlParts`: loadable as a whole (every part, in document order) or by exact namespace. */
class FakeCustomXmlPartCollection extends FakeCollection<MXmlPart, FakeCustomXmlPart> {
  constructor(context: FakeContext) {
    const word = context.word;
    super(
      context,
      () => {
        word.requireApi(4, 'customXmlParts');
        return [...word.xmlParts];
      },
      (p) => new FakeCustomXmlPart(context, () => (word.xmlParts.includes(p) ? p : null)),
    );
  }

  getByNamespace(namespace: string): FakeCollection<MXmlPart, FakeCustomXmlPart> {
    const word = this.context.word;
    return new FakeCollection(
      this.context,
      () => {
        word.requireApi(4, 'customXmlParts');
        return word.xmlParts.filter((p) => p.namespace === namespace);
      },
      (p) => new FakeCustomXmlPart(this.context, () => (word.xmlParts.includes(p) ? p : null)),
    );
  }

  add(xml: string): FakeCustomXmlPart {
    const word = this.context.word;
    let created: MXmlPart | null = null;
    this.context.enqueueWrite(() => {
      word.requireApi(4, 'customXmlParts');
      created = { id: word.nextPartId(), xml, namespace: word.namespaceOf(xml) };
      word.xmlParts.push(created);
    });
    return new FakeCustomXmlPart(this.context, () => created);
  }
}

interface MProperty {
  key: string;
  value: string;
}

class FakeCustomProperty extends FakeObject<MProperty> {
  protected scalars(): Scalars<MProperty> {
    return { key: (p) => p.key, value: (p) => p.value, type: () => 'String' };
  }
  get key(): string {
    return this.read('key');
  }
  get value(): string {
    return this.read('value');
  }
}

class FakeCustomPropertyCollection extends FakeCollection<MProperty, FakeCustomProperty> {
  constructor(context: FakeContext) {
    super(context, () => context.word.properties, (p) => new FakeCustomProperty(context, () => p));
  }

  /** Creates the property, or sets it if one exists with that name in any case (keeping its name). */
  add(key: string, value: string): FakeCustomProperty {
    let target: MProperty | null = null;
    this.context.enqueueWrite(() => {
      if (String(value).length > 255) throw new FakeOfficeError('InvalidArgument', 'The value is too long.');
      const props = this.context.word.properties;
      target = props.find((p) => p.key.toLowerCase() === key.toLowerCase()) ?? null;
      if (target) target.value = value;
      else props.push((target = { key, value }));
    });
    return new FakeCustomProperty(this.context, () => target);
  }

  getItemOrNullObject(key: string): FakeCustomProperty {
    return new FakeCustomProperty(this.context, () => this.context.word.properties.find((p) => p.key.toLowerCase() === key.toLowerCase()) ?? null, true);
  }
}

// ----------------------------------------------------------------------------------------------
// Office common API (custom XML parts without WordApi 1.4)

type Callback<T> = (result: { status: string; value: T; error?: { code: number; name: string; message: string } }) => void;

function lastFunction<T>(args: unknown[]): Callback<T> {
  const cb = [...args].reverse().find((a) => typeof a === 'function');
  if (!cb) throw new Error('fake: the common API needs a callback');
  return cb as Callback<T>;
}

function commonCustomXmlParts(word: FakeWord) {
  const answer = <T>(cb: Callback<T>, produce: () => T) => {
    word.commonApiCalls++;
    queueMicrotask(() => {
      try {
        cb({ status: 'succeeded', value: produce() });
      } catch (error) {
        const code = error instanceof FakeOfficeError && error.code === 'AccessDenied' ? 7000 : 5001;
        cb({ status: 'failed', value: undefined as T, error: { code, name: code === 7000 ? 'Permission Denied' : 'Internal Error', message: (error as Error).message } });
      }
    });
  };
  const wrap = (part: MXmlPart) => ({
    id: part.id,
    namespaceUri: part.namespace,
    getXmlAsync: (...args: unknown[]) =>
      answer(lastFunction<string>(args), () => {
        if (!word.xmlParts.includes(part)) throw new Error('The part was deleted.');
        return part.xml;
      }),
    deleteAsync: (...args: unknown[]) =>
      answer(lastFunction<void>(args), () => {
        word.assertWritable();
        const at = word.xmlParts.indexOf(part);
        if (at >= 0) word.xmlParts.splice(at, 1);
      }),
  });
  return {
    getByNamespaceAsync: (namespace: string, ...args: unknown[]) =>
      answer(lastFunction<unknown[]>(args), () => word.xmlParts.filter((p) => p.namespace === namespace).map(wrap)),
    addAsync: (xml: string, ...args: unknown[]) =>
      answer(lastFunction<unknown>(args), () => {
        word.assertWritable();
        const part = { id: word.nextPartId(), xml, namespace: word.namespaceOf(xml) };
        word.xmlParts.push(part);
        return wrap(part);
      }),
  };
}
