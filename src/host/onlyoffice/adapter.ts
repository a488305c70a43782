/**
 * The DocumentHost port over the document open in an ONLYOFFICE editor, through the plugin API
 * (`window.Asc.plugin`). Same paragraph numbers, passage rules and HostError refusals as the other
 * hosts: every check is made here, with src/host/rules.ts, on a plain-data outline the editor sends
 * back; the editor only carries out the writes (command.ts).
 *
 * Round trips (one `callCommand` each): a read costs 1; a write costs 2 (read, then write-and-read-
 * back, which refuses to write if the document changed in between). Inside `batch`, the outline is
 * read once and every write returns the fresh one, so a pane action costs 1 + its number of writes.
 * `roundTrips` counts them (tests bound it).
 *
 * Versions: passages (block content controls) work on any editor with the plugin API; the record
 * (custom XML parts, found by namespace) needs 9.0 — on older editors readRecord/writeRecord refuse
 * with `api-not-supported` rather than keep the record anywhere else. Colours need SetColor (9.x):
 * without it the passage is marked and titled but keeps the editor's colour.
 */
import { normalizeColor } from '../port';
import type {
  BatchOptions,
  ClaimTarget,
  DeleteParagraphsRequest,
  DocumentHost,
  HostParagraph,
  HostPassage,
  InsertParagraphRequest,
  InsertPassageRequest,
  MarkPassageRequest,
  RebindTarget,
  TextParagraph,
  TextSegment,
  UpdatePassageRequest,
} from '../port';
import { pickRebindTarget, validateRecordXml } from '../record-xml';
import { checkDeleteRange, checkRange, hostErrors, insertionTarget, isPassageMark, passageIdOfTag, passageTag, splitLines } from '../rules';
import type { DocumentOutline, OutlinePassage } from '../rules';
import type { OoAsc } from './api';
import { editorCommand } from './command';
import type { EditorAnchor, EditorControl, EditorOp, EditorOutline, EditorRequest, EditorResult } from './command';
import { onlyOfficeErrors } from './errors';

/** The custom properties the workflow writes (src/workflow/summary.ts); ONLYOFFICE cannot list them. */
export const SUMMARY_PROPERTY_NAMES = [
  'AIProvenanceStatus',
  'AIProvenancePassages',
  'AIProvenanceClaimsVerified',
  'AIProvenanceSignedOff',
  'AIProvenanceIntegrity',
  'AIProvenanceDocumentId',
  'AIProvenanceLevel',
] as const;

export interface OnlyOfficeHostOptions {
  /** Defaults to `window.Asc`. */
  asc?: OoAsc;
  /** Property names `readProperties` asks for (plus any written through this host). */
  propertyNames?: readonly string[];
}

interface OutlineParagraph {
  text: string;
  tableLevel: number;
  cell: { row: number; cell: number } | null;
  index: number;
}
interface OutlinePassageOf extends OutlinePassage {
  control: EditorControl;
}

/** FNV-1a over the paragraph texts; command.ts computes the same to detect a changed document. */
export function textsHash(texts: readonly string[]): number {
  let hash = 0x811c9dc5;
  const joined = texts.join('\n');
  for (let i = 0; i < joined.length; i++) {
    hash ^= joined.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

function colorOf(hex: string | null): string | null {
  const value = (hex ?? '').trim().replace(/^#/, '');
  return /^[0-9a-fA-F]{6}$/.test(value) ? value.toUpperCase() : null;
}

export class OnlyOfficeHost implements DocumentHost {
  private readonly ascOption: OoAsc | undefined;
  private readonly propertyNames: Set<string>;
  /** The outline inside a batch, current with the batch's writes; null outside one. */
  private cached: { outline: EditorOutline; record: string | undefined; withText: boolean } | null = null;
  private batchDepth = 0;
  private queue: Promise<unknown> = Promise.resolve();
  /** callCommand and executeMethod calls made so far. */
  roundTrips = 0;

  constructor(options: OnlyOfficeHostOptions = {}) {
    this.ascOption = options.asc;
    this.propertyNames = new Set(options.propertyNames ?? SUMMARY_PROPERTY_NAMES);
  }

  private get asc(): OoAsc {
    const asc = this.ascOption ?? (globalThis as { Asc?: OoAsc }).Asc;
    if (!asc?.plugin) throw onlyOfficeErrors.notInEditor();
    return asc;
  }

  /** One callCommand; calls are sent one at a time (Asc.scope is shared). */
  private send(request: EditorRequest): Promise<EditorOutline> {
    const run = async (): Promise<EditorOutline> => {
      const asc = this.asc;
      this.roundTrips++;
      const result = await new Promise<EditorResult | undefined>((resolve, reject) => {
        try {
          asc.scope.request = request;
          asc.plugin.callCommand(editorCommand, false, true, (value) => resolve(value as EditorResult | undefined));
        } catch (error) {
          reject(onlyOfficeErrors.failed(error instanceof Error ? error.message : String(error)));
        }
      });
      if (!result) throw onlyOfficeErrors.failed('no answer from the editor');
      if (result.ok) return result.outline;
      switch (result.error) {
        case 'changed':
        case 'not-found':
          throw onlyOfficeErrors.changed();
        case 'no-custom-xml':
          throw onlyOfficeErrors.noCustomXml();
        case 'no-custom-properties':
          throw onlyOfficeErrors.noCustomProperties();
        default:
          throw onlyOfficeErrors.failed(result.detail);
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private baseRequest(): Pick<EditorRequest, 'properties' | 'record' | 'withText'> {
    return { properties: [...this.propertyNames], record: this.cached?.record ?? null, withText: this.cached?.withText ?? false };
  }

  /** The outline: from the batch's cache when it has what is asked, else one read. */
  private async read(need: { record?: string; withText?: boolean } = {}): Promise<EditorOutline> {
    const c = this.cached;
    if (c && (need.record === undefined || need.record === c.record) && (!need.withText || c.withText)) return c.outline;
    const record = need.record ?? c?.record;
    const withText = !!need.withText || !!c?.withText;
    const outline = await this.send({ ops: [], properties: [...this.propertyNames], record: record ?? null, withText });
    if (this.batchDepth > 0) this.cached = { outline, record, withText };
    return outline;
  }

  /** Sends one write, refused by the editor if the body is no longer `basis`; keeps a batch's cache current. */
  private async write(op: EditorOp, basis: EditorOutline | null): Promise<EditorOutline> {
    const texts = basis?.paragraphs.map((p) => p.text);
    const request: EditorRequest = {
      ...this.baseRequest(),
      ops: [op],
      expect: texts ? { count: texts.length, hash: textsHash(texts) } : null,
    };
    const outline = await this.send(request);
    if (this.batchDepth > 0 && this.cached) this.cached = { ...this.cached, outline };
    return outline;
  }

  async batch<T>(work: () => Promise<T>, options: BatchOptions = {}): Promise<T> {
    if (this.batchDepth > 0) return work();
    this.batchDepth++;
    try {
      await this.read({ ...(options.record !== undefined ? { record: options.record } : {}), withText: !!options.withText });
      return await work();
    } finally {
      this.batchDepth--;
      this.cached = null;
    }
  }

  // ---- the outline as the shared rules see it

  private rulesOutline(outline: EditorOutline): DocumentOutline<OutlineParagraph, OutlinePassageOf> {
    const paragraphs = outline.paragraphs.map((p, i) => ({ ...p, index: i + 1, cell: p.cell ? { row: p.cell[0], cell: p.cell[1] } : null }));
    const placed = outline.controls.filter((c): c is EditorControl & { range: [number, number] } => c.range !== null);
    return {
      paragraphs,
      controls: placed.map((c) => ({ title: c.alias, range: c.range })),
      passages: placed.filter((c) => isPassageMark(c.tag, c.alias)).map((control) => ({ range: control.range, block: true, control })),
    };
  }

  private passages(outline: EditorOutline): OutlinePassageOf[] {
    return this.rulesOutline(outline).passages;
  }

  private findPassage(outline: EditorOutline, passageId: string): EditorControl {
    const control = outline.controls.find((c) => passageIdOfTag(c.tag) === passageId);
    if (!control) throw hostErrors.passageNotFound(passageId);
    return control;
  }

  private refuseExisting(outline: EditorOutline, passageId: string): void {
    if (outline.controls.some((c) => passageIdOfTag(c.tag) === passageId)) throw hostErrors.passageExists(passageId);
  }

  private anchorFor(outline: EditorOutline, after: number | 'end'): EditorAnchor {
    const target = insertionTarget(this.rulesOutline(outline), after);
    switch (target.kind) {
      case 'body-start':
      case 'body-end':
        return { kind: target.kind };
      case 'before-passage':
        return { kind: 'before-control', id: target.passage.control.id };
      case 'after-passage':
        return { kind: 'after-control', id: target.passage.control.id };
      case 'after-paragraph':
        return { kind: 'after-paragraph', index: target.paragraph.index };
    }
  }

  // ---- reads

  async readParagraphs(): Promise<HostParagraph[]> {
    const outline = await this.read();
    const passages = this.passages(outline);
    return outline.paragraphs.map((p, i) => {
      const index = i + 1;
      const paragraph: HostParagraph = { index, text: p.text, locator: `onlyoffice-p${index}` };
      // The innermost passage holding the paragraph (controls come outer first, in document order).
      const inner = passages.filter((s) => s.range[0] <= index && s.range[1] >= index && s.control.tag).pop();
      const passageId = inner ? passageIdOfTag(inner.control.tag) : null;
      if (passageId) paragraph.passageId = passageId;
      return paragraph;
    });
  }

  async listPassages(): Promise<HostPassage[]> {
    const outline = await this.read();
    return this.passages(outline).map(({ control, range }) => {
      const passageId = passageIdOfTag(control.tag);
      return {
        id: passageId ?? `untagged:${control.id}`,
        tag: passageId !== null ? control.tag : null,
        title: control.alias,
        color: colorOf(control.color),
        text: outline.paragraphs.slice(range[0] - 1, range[1]).map((p) => p.text).join('\n'),
        paragraphRange: range,
      };
    });
  }

  async readAllText(): Promise<TextSegment[]> {
    const outline = await this.read({ withText: true });
    const segment = (part: string, kind: TextSegment['kind'], texts: string[]): TextSegment => {
      const paragraphs: TextParagraph[] = texts.map((text, k) => ({ text, locator: `${part}#p${k + 1}` }));
      return { part, kind, text: texts.join('\n'), paragraphs };
    };
    const seen = new Set<string>();
    const stories = (outline.stories ?? []).filter((s) => {
      const key = JSON.stringify([s.kind, s.texts]);
      if (s.texts.every((t) => t === '') || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const of = (kinds: string[]) => stories.filter((s) => kinds.includes(s.kind)).map((s) => segment(s.part, s.kind, s.texts));
    return [
      ...of(['header']),
      segment('body', 'body', outline.paragraphs.map((p) => p.text)),
      ...of(['textbox']),
      ...of(['footer']),
      ...of(['footnotes', 'endnotes']),
    ];
  }

  async readRecord(namespace: string): Promise<string | null> {
    const outline = await this.read({ record: namespace });
    if (!outline.customXml) throw onlyOfficeErrors.noCustomXml();
    return outline.record;
  }

  async readProperties(): Promise<Record<string, string>> {
    return { ...(await this.read()).properties };
  }

  // ---- writes: every check first (shared rules), then one write command

  async markPassage(request: MarkPassageRequest): Promise<void> {
    const color = normalizeColor(request.color);
    const outline = await this.read();
    this.refuseExisting(outline, request.passageId);
    checkRange(this.rulesOutline(outline), request.fromParagraph, request.toParagraph, 'mark');
    await this.write(
      { kind: 'mark', from: request.fromParagraph, to: request.toParagraph, tag: passageTag(request.passageId), alias: request.title, color },
      outline,
    );
  }

  async insertPassage(request: InsertPassageRequest): Promise<void> {
    const color = normalizeColor(request.color);
    const outline = await this.read();
    this.refuseExisting(outline, request.passageId);
    const anchor = this.anchorFor(outline, request.afterParagraph);
    await this.write(
      { kind: 'insert-passage', anchor, lines: splitLines(request.text), tag: passageTag(request.passageId), alias: request.title, color },
      outline,
    );
  }

  async insertParagraph(request: InsertParagraphRequest): Promise<number> {
    const outline = await this.read();
    const anchor = this.anchorFor(outline, request.afterParagraph);
    await this.write({ kind: 'insert-paragraphs', anchor, lines: splitLines(request.text) }, outline);
    return request.afterParagraph === 'end' ? outline.paragraphs.length + 1 : request.afterParagraph + 1;
  }

  async deleteParagraphs(request: DeleteParagraphsRequest): Promise<void> {
    const outline = await this.read();
    checkDeleteRange(this.rulesOutline(outline), request.from, request.to);
    await this.write({ kind: 'delete', from: request.from, to: request.to }, outline);
  }

  async updatePassage(request: UpdatePassageRequest): Promise<void> {
    const color = request.color === undefined ? undefined : normalizeColor(request.color);
    const outline = await this.read();
    const control = this.findPassage(outline, request.passageId);
    await this.write(
      { kind: 'update', id: control.id, ...(request.title !== undefined ? { alias: request.title } : {}), ...(color !== undefined ? { color } : {}) },
      outline,
    );
  }

  async removeMark(passageId: string): Promise<void> {
    const outline = await this.read();
    const control = this.findPassage(outline, passageId);
    await this.write({ kind: 'unwrap', id: control.id }, outline);
  }

  async rebindPassage(passageId: string, target: RebindTarget): Promise<void> {
    const outline = await this.read();
    this.refuseExisting(outline, passageId);
    const untagged = outline.controls.filter((c) => !c.tag && isPassageMark(null, c.alias)).map((c) => ({ ...c, title: c.alias }));
    const control = pickRebindTarget(untagged, target, (c) => `untagged:${c.id}`);
    await this.write({ kind: 'retag', id: control.id, tag: passageTag(passageId) }, outline);
  }

  // 1 round trip: the editor finds the part by namespace itself.
  async writeRecord(namespace: string, xml: string): Promise<void> {
    validateRecordXml(namespace, xml);
    await this.write({ kind: 'record', namespace, xml }, null);
  }

  // 1 round trip.
  async writeProperties(props: Record<string, string>): Promise<void> {
    const entries = Object.entries(props);
    if (entries.length === 0) return;
    for (const [name] of entries) this.propertyNames.add(name);
    await this.write({ kind: 'properties', entries }, null);
  }

  /** Selects the passage's control (the whole control: the plugin API selects controls, not text in them). */
  async selectPassage(passageId: string, _claim?: ClaimTarget): Promise<void> {
    const control = this.findPassage(await this.read(), passageId);
    const asc = this.asc;
    this.roundTrips++;
    await new Promise<void>((resolve) => {
      asc.plugin.executeMethod('SelectContentControl', [control.id], () => resolve());
    });
  }
}
