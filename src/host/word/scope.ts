/**
 * A batch (`WordHost.batch`): one Word.run in which a whole pane action reads and writes the document
 * in at most three `context.sync()` calls, however many passages it touches.
 *
 * 1. One read of everything the workflow may ask for: the body's paragraphs (text, containing
 *    controls, table cell, style, locator), every content control, the list of custom XML parts,
 *    the custom properties and the sections (and the body's OOXML when text stories will be read).
 * 2. Only when needed: the record part's XML (for the namespace the batch was told about), the
 *    headers and footers (when text stories will be read), and the position of passage controls
 *    the first read could not place (inline ones, or nested deeper than two).
 * 3. At the end, every write queued inside, in the order they were made, in one sync.
 *
 * Between 2 and 3 every host call is served from this model, which each queued write updates the way
 * Word will (see the fake in tests/host-word, which models the same rules): a new passage control
 * covers the paragraphs it was put over, a new paragraph lands where Word puts it and grows the
 * controls Word grows, titles, colours, tags, the record and the properties change in place. New
 * controls are dressed through the proxy `insertContentControl` returns, so no sync is needed first.
 *
 * A read the batch was not told about (the record under another namespace, text stories without
 * `withText`) still works: it costs one more sync (which also sends the writes queued so far).
 */
import { PASSAGE_TAG_PREFIX } from '../port';
import type {
  BatchOptions,
  ClaimTarget,
  DeleteParagraphsRequest,
  HostParagraph,
  HostSelection,
  HostPassage,
  InsertParagraphRequest,
  InsertPassageRequest,
  MarkPassageRequest,
  RebindTarget,
  TextSegment,
  UpdatePassageRequest,
} from '../port';
import { pickRebindTarget, validateRecordXml } from '../record-xml';
import { toUserError, wordErrors } from './errors';
import type { ErrorContext } from './errors';
import { pickRecordParts, readRecordCommon, stripBom, writeRecordCommon } from './record';
import {
  HEADER_FOOTER_TYPES,
  HEADING_STYLE,
  assembleSegments,
  checkDelete,
  checkMark,
  checkPropertyLengths,
  dressPassageControl,
  insertAt,
  insertionPoint,
  passageExists,
  passageNotFound,
  styleLikeTemplate,
  propertiesOf,
  refuseExisting,
  splitLines,
  toHostPassage,
} from './rules';
import type { Anchor, StoryText } from './rules';
import { colorFromWord, isPassageControl, passageIdOfTag, queueBodySnapshot, queueResolvePassages } from './snapshot';
import type { BodySnapshot, ControlInfo, ControlRef, ParagraphInfo, PassageInfo } from './snapshot';
import { queueClaimSelection, queueSelectionRead } from './selection';
import type { SelectionSpan, SelectionStep } from './selection';
import type { OfficeLike } from './types';

interface ScopeParagraph {
  text: string;
  /** Word's uniqueLocalId (WordApi 1.6); null for a paragraph made in this batch until the flush. */
  uid: string | null;
  tableLevel: number;
  cell: { row: number; cell: number } | null;
  style: string;
  /** Paragraph.style (a custom style's name), as read or as set in this batch. */
  styleName: string;
  proxy: Word.Paragraph;
}

interface ScopeControl {
  /** Word's id; negative for a control made in this batch (Word gives it one at the flush). */
  id: number;
  tag: string | null;
  title: string;
  color: string | null;
  cannotEdit: boolean;
  cannotDelete: boolean;
  proxy: Word.ContentControl;
  /** The paragraphs it covers; null when the first read could not place it (not a passage). */
  first: ScopeParagraph | null;
  last: ScopeParagraph | null;
  /** Covers whole paragraphs (false: inline in one paragraph). */
  block: boolean;
  /** Word's text of the control (what an inline passage reports). */
  text: string;
  /** Equal spans nest by age: the older control is outside. */
  order: number;
  deleted: boolean;
}

/** The selection as read: the paragraphs it touches (followed through the batch's writes). */
interface ScopeSelection {
  first: ScopeParagraph;
  last: ScopeParagraph;
  text: string;
}

interface ScopePart {
  proxy: Word.CustomXmlPart;
  namespaceUri: string;
  /** undefined until read. */
  xml: string | undefined;
}

export interface ScopeSettings {
  options: BatchOptions;
  stableLocators: boolean;
  /** The record goes through WordApi 1.4; otherwise through the common API (`office`). */
  recordApi: boolean;
  office: OfficeLike | undefined;
}

export interface BodyView {
  snapshot: BodySnapshot;
  passages: PassageInfo[];
}

const CONTROLS: ErrorContext = { touchesControls: true };
const RECORD: ErrorContext = { feature: 'customXmlParts' };

export class WordScope {
  private readonly paragraphs: ScopeParagraph[];
  private readonly controls: ScopeControl[];
  private readonly parts: ScopePart[];
  private readonly properties: { key: string; value: string }[];
  private readonly sections: Word.SectionCollection;
  private bodyOoxml: string | null;
  private stories: StoryText[] | null;
  /** Writes queued since the last sync. */
  private queued = 0;
  private serial = 0;
  private nextId = -1;
  /** Record writes through the common API, made after the flush (it cannot join a sync). */
  private readonly commonWrites: { namespace: string; root: string; xml: string }[] = [];
  private readonly commonReads = new Map<string, string | null>();
  /** Paragraphs handed out before Word gave them their uniqueLocalId: their locator is set at the flush. */
  private readonly pendingLocators: { handed: HostParagraph; paragraph: ScopeParagraph }[] = [];
  /** undefined until read (up front with `selection`, else when first asked). */
  private selection: ScopeSelection | null | undefined = undefined;

  private constructor(
    private readonly context: Word.RequestContext,
    private readonly settings: ScopeSettings,
    init: {
      paragraphs: ScopeParagraph[];
      controls: ScopeControl[];
      parts: ScopePart[];
      properties: { key: string; value: string }[];
      sections: Word.SectionCollection;
      bodyOoxml: string | null;
      stories: StoryText[] | null;
      selection?: ScopeSelection | null;
    },
  ) {
    if (init.selection !== undefined) this.selection = init.selection;
    this.paragraphs = init.paragraphs;
    this.controls = init.controls;
    this.parts = init.parts;
    this.properties = init.properties;
    this.sections = init.sections;
    this.bodyOoxml = init.bodyOoxml;
    this.stories = init.stories;
  }

  /** Reads the document (1 sync, 2 when the record, the headers or hard-to-place passages are needed). */
  static async open(context: Word.RequestContext, settings: ScopeSettings): Promise<WordScope> {
    const { options, recordApi, stableLocators } = settings;
    const read = queueBodySnapshot(context, { locators: stableLocators, tables: true, formatting: true });
    const parts = recordApi ? context.document.customXmlParts.load('items/namespaceUri,items/id') : null;
    const properties = context.document.properties.customProperties.load('items/key,items/value');
    const sections = context.document.sections.load('items');
    const bodyOoxml = options.withText ? context.document.body.getOoxml() : null;
    const readSelection = options.selection ? queueSelectionRead(context, stableLocators) : null;
    await context.sync();

    const snapshot = read();
    const numbers = new Map(snapshot.paragraphs.map((p) => [p.locator, p.index]));
    const selectionStep = readSelection?.(stableLocators ? (uid) => numbers.get(`word:${uid}`) : null);
    const resolve = queueResolvePassages(context, snapshot);
    const record = parts && options.record !== undefined ? pickRecordParts(parts.items, options.record)[0] : undefined;
    const recordXml = record ? record.getXml() : null;
    const stories = options.withText ? queueStories(sections) : null;
    const selectionNeedsSync = !!selectionStep && 'finish' in selectionStep;
    if (resolve.needsSync || recordXml || stories || selectionNeedsSync) await context.sync();

    const model = modelOf(snapshot, resolve.passages());
    const span = selectionStep ? finishSelection(selectionStep) : undefined;
    return new WordScope(context, settings, {
      ...model,
      parts: (parts?.items ?? []).map((proxy) => ({
        proxy,
        namespaceUri: proxy.namespaceUri,
        xml: proxy === record && recordXml ? stripBom(recordXml.value) : undefined,
      })),
      properties: Object.entries(propertiesOf(properties.items)).map(([key, value]) => ({ key, value })),
      sections,
      bodyOoxml: bodyOoxml?.value ?? null,
      stories: stories?.() ?? null,
      ...(span === undefined ? {} : { selection: span && selectionOf(model.paragraphs, span) }),
    });
  }

  /** Sends the writes queued inside the batch (1 sync, none when nothing was written). */
  async flush(): Promise<void> {
    if (this.queued > 0) await this.sync(CONTROLS);
    for (const write of this.commonWrites.splice(0)) {
      try {
        await writeRecordCommon(this.settings.office!, write.namespace, write.xml);
      } catch (error) {
        throw toUserError(error, RECORD);
      }
    }
  }

  private async sync(errors: ErrorContext): Promise<void> {
    this.queued = 0;
    try {
      await this.context.sync();
    } catch (error) {
      throw toUserError(error, errors);
    }
    if (!this.settings.stableLocators) return;
    // Paragraphs made in the batch have their uniqueLocalId now (loaded when they were queued).
    for (const p of this.paragraphs) p.uid ??= p.proxy.uniqueLocalId;
    for (const pending of this.pendingLocators.splice(0)) pending.handed.locator = `word:${pending.paragraph.uid}`;
  }

  // ---- the model as the rules read it

  /** The body as a fresh read would report it now, writes made in the batch included. */
  view(): BodyView {
    const index = new Map(this.paragraphs.map((p, i) => [p, i + 1]));
    const live = this.controls.filter((c) => !c.deleted);
    const rangeOf = (c: ScopeControl): [number, number] | null => (c.first && c.last ? [index.get(c.first)!, index.get(c.last)!] : null);
    const textOf = ([a, b]: [number, number]) =>
      this.paragraphs
        .slice(a - 1, b)
        .map((p) => p.text)
        .join('\n');

    const blockRanges = new Map<number, [number, number]>();
    for (const c of live) {
      const range = c.block ? rangeOf(c) : null;
      if (range) blockRanges.set(c.id, range);
    }
    const chains: ControlRef[][] = this.paragraphs.map(() => []);
    const innermostFirst = live
      .filter((c) => blockRanges.has(c.id))
      .sort((x, y) => spanOf(blockRanges.get(x.id)!) - spanOf(blockRanges.get(y.id)!) || y.order - x.order);
    for (const c of innermostFirst) {
      const [a, b] = blockRanges.get(c.id)!;
      const ref: ControlRef = { id: c.id, tag: c.tag, title: c.title, cannotEdit: c.cannotEdit, cannotDelete: c.cannotDelete };
      for (let i = a; i <= b; i++) chains[i - 1]!.push(ref);
    }

    const paragraphs = this.paragraphs.map(
      (p, i): ParagraphInfo => ({
        index: i + 1,
        text: p.text,
        locator: this.locatorOf(p, i + 1),
        chain: chains[i]!,
        tableLevel: p.tableLevel,
        cell: p.cell,
        style: p.style,
        styleName: p.styleName,
        proxy: p.proxy,
      }),
    );
    const infos = new Map<ScopeControl, ControlInfo>();
    for (const c of live) {
      const block = blockRanges.get(c.id);
      infos.set(c, {
        id: c.id,
        tag: c.tag,
        title: c.title,
        cannotEdit: c.cannotEdit,
        cannotDelete: c.cannotDelete,
        color: c.color,
        text: block ? textOf(block) : c.text,
        passageId: passageIdOfTag(c.tag),
        isPassage: isPassageControl(c.tag, c.title),
        proxy: c.proxy,
      });
    }
    const passages = live.flatMap((c): PassageInfo[] => {
      const control = infos.get(c)!;
      const range = rangeOf(c);
      if (!control.isPassage || !range) return [];
      return [{ control, range, text: c.block ? textOf(range) : c.text, block: c.block }];
    });
    return { snapshot: { paragraphs, controls: [...infos.values()], blockRanges }, passages };
  }

  private locatorOf(p: ScopeParagraph, index: number): string {
    if (!this.settings.stableLocators) return `word-p${index}`;
    return p.uid === null ? `word:pending-${this.paragraphs.indexOf(p) + 1}` : `word:${p.uid}`;
  }

  // ---- reads

  readParagraphs(): HostParagraph[] {
    const { paragraphs } = this.view().snapshot;
    return paragraphs.map((p, i) => {
      const paragraph: HostParagraph = { index: p.index, text: p.text, locator: p.locator };
      const passageId = p.chain.map((c) => passageIdOfTag(c.tag)).find((id) => id);
      if (passageId) paragraph.passageId = passageId;
      const own = this.paragraphs[i]!;
      if (this.settings.stableLocators && own.uid === null) this.pendingLocators.push({ handed: paragraph, paragraph: own });
      return paragraph;
    });
  }

  listPassages(): HostPassage[] {
    return this.view().passages.map(toHostPassage);
  }

  /** Headers and footers as read at the start; the body as it is now (new paragraphs hold no text boxes). */
  async readAllText(): Promise<TextSegment[]> {
    if (this.bodyOoxml === null || this.stories === null) {
      const ooxml = this.bodyOoxml === null ? this.context.document.body.getOoxml() : null;
      const stories = this.stories === null ? queueStories(this.sections) : null;
      await this.sync({ touchesControls: false });
      if (ooxml) this.bodyOoxml = ooxml.value;
      if (stories) this.stories = stories();
    }
    return assembleSegments(
      this.paragraphs.map((p) => p.text),
      this.bodyOoxml!,
      this.stories!,
    );
  }

  async readRecord(namespace: string): Promise<string | null> {
    if (!this.settings.recordApi) {
      const written = this.commonWrites.filter((w) => w.root.startsWith(namespace)).pop();
      if (written) return written.xml;
      if (!this.commonReads.has(namespace)) {
        try {
          this.commonReads.set(namespace, await readRecordCommon(this.settings.office!, namespace));
        } catch (error) {
          throw toUserError(error, RECORD);
        }
      }
      return this.commonReads.get(namespace)!;
    }
    const [part] = pickRecordParts(this.parts, namespace);
    if (!part) return null;
    if (part.xml === undefined) {
      const xml = part.proxy.getXml();
      await this.sync(RECORD);
      part.xml = stripBom(xml.value);
    }
    return part.xml;
  }

  readProperties(): Record<string, string> {
    return Object.fromEntries(this.properties.map((p) => [p.key, p.value]));
  }

  /** Free when the batch was told (`selection`); else one sync (two without WordApi 1.6). */
  async readSelection(): Promise<HostSelection | null> {
    if (this.selection === undefined) {
      const read = queueSelectionRead(this.context, this.settings.stableLocators);
      await this.sync({ touchesControls: false });
      const step = read((uid) => {
        const at = this.paragraphs.findIndex((p) => p.uid === uid);
        return at < 0 ? undefined : at + 1;
      });
      if ('finish' in step) await this.sync({ touchesControls: false });
      const span = finishSelection(step);
      this.selection = span && selectionOf(this.paragraphs, span);
    }
    const selection = this.selection;
    if (!selection) return null;
    const from = this.paragraphs.indexOf(selection.first) + 1;
    const to = this.paragraphs.indexOf(selection.last) + 1;
    // Its paragraphs were deleted in this batch: it is no longer anywhere in the body.
    if (from < 1 || to < from) return null;
    return { fromParagraph: from, toParagraph: to, text: selection.text };
  }

  /** Queued to the flush; with a claim, its search costs one sync first. */
  async selectPassage(passageId: string, claim?: ClaimTarget): Promise<void> {
    const control = this.passage(passageId);
    if (claim) {
      const select = queueClaimSelection(control.proxy, claim);
      await this.sync(CONTROLS);
      select();
    } else {
      control.proxy.select('Select');
    }
    this.queued++;
  }

  // ---- writes: checked as the unbatched host checks them, queued, and applied to the model

  markPassage(request: MarkPassageRequest, color: string): void {
    const { snapshot, passages } = this.view();
    const { first, last } = checkMark(snapshot, passages, request);
    const range = first.proxy.getRange('Whole').expandTo(last.proxy.getRange('Whole'));
    const proxy = range.insertContentControl('RichText');
    dressPassageControl(proxy, request.passageId, request.title, color);
    this.queued++;
    this.addControl(proxy, request, color, this.paragraphs[first.index - 1]!, this.paragraphs[last.index - 1]!);
  }

  insertPassage(request: InsertPassageRequest, color: string): void {
    const { snapshot, passages } = this.view();
    refuseExisting(snapshot, request.passageId);
    const { anchor, template } = insertionPoint(snapshot, passages, request.afterParagraph);
    const lines = splitLines(request.text);
    // Mark first, fill after, as the unbatched host does.
    const first = this.insertAtAnchor(anchor, '');
    const proxy = first.proxy.insertContentControl('RichText');
    dressPassageControl(proxy, request.passageId, request.title, color);
    const control = this.addControl(proxy, request, color, first, first);
    if (lines[0]) {
      first.proxy.insertText(lines[0], 'Start');
      first.text = lines[0];
    }
    const created = [first];
    for (const line of lines.slice(1)) {
      const grow = [control, ...this.controlsAround(control, 'last')];
      created.push(this.insertBeside(control.last!, 'after', line, grow, proxy.insertParagraph(line, 'End')));
    }
    for (const p of created) this.plainStyle(p, template);
    this.queued++;
  }

  insertParagraph(request: InsertParagraphRequest): number {
    const { snapshot, passages } = this.view();
    const { anchor, template } = insertionPoint(snapshot, passages, request.afterParagraph);
    let paragraph: ScopeParagraph | undefined;
    for (const line of splitLines(request.text)) {
      paragraph = paragraph
        ? this.insertBeside(paragraph, 'after', line, this.blockControlsAt(paragraph, 'last'), paragraph.proxy.insertParagraph(line, 'After'))
        : this.insertAtAnchor(anchor, line);
      this.plainStyle(paragraph, template);
    }
    this.queued++;
    return request.afterParagraph === 'end' ? snapshot.paragraphs.length + 1 : request.afterParagraph + 1;
  }

  deleteParagraphs(request: DeleteParagraphsRequest): void {
    const { snapshot, passages } = this.view();
    const { first, last } = checkDelete(snapshot, passages, request.from, request.to);
    first.proxy.getRange('Whole').expandTo(last.proxy.getRange('Whole')).delete();
    this.queued++;
    const gone = new Set(this.paragraphs.splice(request.from - 1, request.to - request.from + 1));
    // Controls inside the range go with it (the checks refused any the range cuts); one that shares
    // an edge with the range from outside shrinks to what is left of it.
    for (const c of this.controls) {
      if (c.deleted || !c.first || !c.last) continue;
      const firstGone = gone.has(c.first);
      const lastGone = gone.has(c.last);
      if (firstGone && lastGone) c.deleted = true;
      else if (lastGone) c.last = this.paragraphs[request.from - 2]!;
      else if (firstGone) c.first = this.paragraphs[request.from - 1]!;
    }
  }

  updatePassage(request: UpdatePassageRequest, color: string | undefined): void {
    const control = this.passage(request.passageId);
    if (request.title !== undefined) {
      control.proxy.title = request.title;
      control.title = request.title;
    }
    if (color !== undefined) {
      control.proxy.color = `#${color}`;
      control.color = color;
    }
    this.queued++;
  }

  removeMark(passageId: string): void {
    const control = this.passage(passageId);
    if (control.cannotDelete) throw wordErrors.controlLocked({ title: control.title });
    control.proxy.delete(true);
    control.deleted = true;
    this.queued++;
  }

  rebindPassage(passageId: string, target: RebindTarget): void {
    const live = this.controls.filter((c) => !c.deleted);
    const tag = PASSAGE_TAG_PREFIX + passageId;
    if (live.some((c) => c.tag === tag)) throw passageExists(passageId);
    const untagged = live.filter((c) => !c.tag && isPassageControl(null, c.title));
    const control = pickRebindTarget(untagged, target, (c) => `untagged:${c.id}`);
    control.proxy.tag = tag;
    control.tag = tag;
    this.queued++;
  }

  writeRecord(namespace: string, xml: string): void {
    const root = validateRecordXml(namespace, xml);
    if (!this.settings.recordApi) {
      this.commonWrites.push({ namespace, root, xml });
      return;
    }
    const [first, ...duplicates] = pickRecordParts(this.parts, namespace);
    if (first) {
      first.proxy.setXml(xml);
      Object.assign(first, { namespaceUri: root, xml });
    } else {
      this.parts.push({ proxy: this.context.document.customXmlParts.add(xml), namespaceUri: root, xml });
    }
    for (const part of duplicates) {
      part.proxy.delete();
      this.parts.splice(this.parts.indexOf(part), 1);
    }
    this.queued++;
  }

  writeProperties(props: Record<string, string>): void {
    checkPropertyLengths(props);
    const collection = this.context.document.properties.customProperties;
    for (const [key, value] of Object.entries(props)) {
      collection.add(key, value);
      // Word matches names without regard to case and keeps the existing name.
      const existing = this.properties.find((p) => p.key.toLowerCase() === key.toLowerCase());
      if (existing) existing.value = value;
      else this.properties.push({ key, value });
      this.queued++;
    }
  }

  // ---- bookkeeping: where Word puts what was queued

  private passage(passageId: string): ScopeControl {
    const control = this.controls.find((c) => !c.deleted && c.tag === PASSAGE_TAG_PREFIX + passageId);
    if (!control) throw passageNotFound(passageId);
    return control;
  }

  private addControl(proxy: Word.ContentControl, request: { passageId: string; title: string }, color: string, first: ScopeParagraph, last: ScopeParagraph): ScopeControl {
    const control: ScopeControl = {
      id: this.nextId--,
      tag: PASSAGE_TAG_PREFIX + request.passageId,
      title: request.title,
      color,
      cannotEdit: false,
      cannotDelete: false,
      proxy,
      first,
      last,
      block: true,
      text: '',
      order: this.controls.length + ++this.serial,
      deleted: false,
    };
    // Document order: by start, the outer (longer, older) control first, block before inline.
    const index = new Map(this.paragraphs.map((p, i) => [p, i]));
    const [a, b] = [index.get(first)!, index.get(last)!];
    const at = this.controls.findIndex((c) => {
      if (c.deleted || !c.first || !c.last) return false;
      const [ca, cb] = [index.get(c.first)!, index.get(c.last)!];
      return ca > a || (ca === a && (!c.block || cb < b));
    });
    this.controls.splice(at < 0 ? this.controls.length : at, 0, control);
    return control;
  }

  /** Block controls that start (or end) at `p`: Word grows them when a paragraph goes in before (after) it. */
  private blockControlsAt(p: ScopeParagraph, edge: 'first' | 'last'): ScopeControl[] {
    return this.controls.filter((c) => !c.deleted && c.block && c[edge] === p);
  }

  /** The controls around `control` that share its first (or last) paragraph. */
  private controlsAround(control: ScopeControl, edge: 'first' | 'last'): ScopeControl[] {
    const index = new Map(this.paragraphs.map((p, i) => [p, i]));
    const span = (c: ScopeControl) => index.get(c.last!)! - index.get(c.first!)!;
    return this.blockControlsAt(control[edge]!, edge).filter((c) => {
      if (c === control || !c.first || !c.last || !control.first || !control.last) return false;
      const inside = index.get(c.first)! <= index.get(control.first)! && index.get(c.last)! >= index.get(control.last)!;
      return inside && (span(c) > span(control) || c.order < control.order);
    });
  }

  /** Queues the first new paragraph at `anchor` (as `insertAt`) and puts it in the model. */
  private insertAtAnchor(anchor: Anchor, text: string): ScopeParagraph {
    const proxy = insertAt(this.context, anchor, text);
    switch (anchor.kind) {
      case 'body-start':
      case 'body-end': {
        const created = this.newParagraph(proxy, text, null);
        if (anchor.kind === 'body-start') this.paragraphs.unshift(created);
        else this.paragraphs.push(created);
        return created;
      }
      case 'after-paragraph': {
        const p = this.paragraphs[anchor.paragraph.index - 1]!;
        return this.insertBeside(p, 'after', text, this.blockControlsAt(p, 'last'), proxy);
      }
      case 'after-control':
      case 'before-control': {
        const control = this.controls.find((c) => c.id === anchor.control.id)!;
        const edge = anchor.kind === 'after-control' ? 'last' : 'first';
        return this.insertBeside(control[edge]!, edge === 'last' ? 'after' : 'before', text, this.controlsAround(control, edge), proxy);
      }
    }
  }

  private insertBeside(anchor: ScopeParagraph, where: 'before' | 'after', text: string, grow: ScopeControl[], proxy: Word.Paragraph): ScopeParagraph {
    const created = this.newParagraph(proxy, text, anchor);
    const at = this.paragraphs.indexOf(anchor) + (where === 'after' ? 1 : 0);
    this.paragraphs.splice(at, 0, created);
    for (const c of grow) {
      if (where === 'after' && c.last === anchor) c.last = created;
      if (where === 'before' && c.first === anchor) c.first = created;
    }
    return created;
  }

  private newParagraph(proxy: Word.Paragraph, text: string, like: ScopeParagraph | null): ScopeParagraph {
    // Its uniqueLocalId comes back with the flush.
    if (this.settings.stableLocators) proxy.load('uniqueLocalId');
    return {
      text,
      uid: null,
      tableLevel: like?.tableLevel ?? 0,
      cell: like?.cell ? { ...like.cell } : null,
      style: like?.style ?? 'Normal',
      styleName: like?.styleName ?? '',
      proxy,
    };
  }

  private plainStyle(p: ScopeParagraph, template: ParagraphInfo | undefined): void {
    styleLikeTemplate(p.proxy, template);
    if (!template || template.style === '') return;
    const heading = HEADING_STYLE.test(template.style);
    p.style = heading ? 'Normal' : template.style;
    p.styleName = heading ? '' : template.styleName;
  }
}

function finishSelection(step: SelectionStep): SelectionSpan | null {
  return 'done' in step ? step.done : step.finish();
}

function selectionOf(paragraphs: ScopeParagraph[], span: SelectionSpan): ScopeSelection | null {
  const first = paragraphs[span.from - 1];
  const last = paragraphs[span.to - 1];
  return first && last ? { first, last, text: span.text } : null;
}

function spanOf([a, b]: [number, number]): number {
  return b - a;
}

/** Queues the loads of every header and footer (sections must be loaded). */
function queueStories(sections: Word.SectionCollection): () => StoryText[] {
  const queued = sections.items.flatMap((section, i) =>
    HEADER_FOOTER_TYPES.flatMap((type) =>
      (['header', 'footer'] as const).map((kind) => {
        const story = kind === 'header' ? section.getHeader(type) : section.getFooter(type);
        return { kind, part: `section${i + 1}/${kind}-${type.toLowerCase()}`, paragraphs: story.paragraphs.load('items/text'), ooxml: story.getOoxml() };
      }),
    ),
  );
  return () => queued.map((s) => ({ kind: s.kind, part: s.part, texts: s.paragraphs.items.map((p) => p.text), ooxml: s.ooxml.value }));
}

/** The scope's model from the first read: paragraphs, and every control placed where it can be. */
function modelOf(snapshot: BodySnapshot, passages: PassageInfo[]): { paragraphs: ScopeParagraph[]; controls: ScopeControl[] } {
  const paragraphs = snapshot.paragraphs.map(
    (p): ScopeParagraph => ({
      text: p.text,
      uid: p.locator.startsWith('word:') ? p.locator.slice('word:'.length) : null,
      tableLevel: p.tableLevel,
      cell: p.cell,
      style: p.style,
      styleName: p.styleName,
      proxy: p.proxy,
    }),
  );
  const placed = new Map(passages.map((p) => [p.control.id, p]));
  const controls = snapshot.controls.map((c, order): ScopeControl => {
    const block = snapshot.blockRanges.get(c.id);
    const passage = placed.get(c.id);
    const range = block ?? passage?.range ?? null;
    return {
      id: c.id,
      tag: c.tag,
      title: c.title,
      color: colorFromWord(c.color),
      cannotEdit: c.cannotEdit,
      cannotDelete: c.cannotDelete,
      proxy: c.proxy,
      first: range ? paragraphs[range[0] - 1]! : null,
      last: range ? paragraphs[range[1] - 1]! : null,
      block: block ? true : (passage?.block ?? false),
      text: c.text,
      order,
      deleted: false,
    };
  });
  return { paragraphs, controls };
}
