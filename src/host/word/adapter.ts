/**
 * The DocumentHost port over the document open in Word, through Office.js. Behaves like the .docx
 * host (same paragraph numbers, same passage rules, same HostError codes for refused requests);
 * failures that come from Word itself become WordHostError.
 *
 * Round trips: every method costs at most 3 `context.sync()` calls, whatever the size of the
 * document: collections are loaded once (with their navigation properties in the same load), all
 * writes are queued, and the batch is synced once. No sync runs inside a loop.
 *
 * "Nothing half-done": every check that can be made from the read (range, tables, overlaps, locks,
 * an existing passage) is made before any write is queued, and the writes of one operation go out
 * in one sync. Word runs a batch's queued operations in order and stops at the first failure; it
 * does not roll back the ones before it. So the order of the writes matters where an operation has
 * several: `insertPassage` creates the (empty) marked control first and fills it afterwards, so a
 * failure can leave an empty paragraph but never AI text without its mark.
 */
import { HostError, PASSAGE_TAG_PREFIX, normalizeColor } from '../port';
import type {
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
import { toUserError, wordErrors } from './errors';
import type { ErrorContext } from './errors';
import { textboxesInFlatOpc } from './ooxml';
import { pickRebindTarget, validateRecordXml } from '../record-xml';
import { readRecordBatched, readRecordCommon, writeRecordBatched, writeRecordCommon } from './record';
import { CONTROL_FIELDS, isPassageControl, passageIdOfTag, queueBodySnapshot, resolvePassages } from './snapshot';
import type { BodySnapshot, ControlInfo, ParagraphInfo, PassageInfo } from './snapshot';
import { resolveRuntime, supports } from './types';
import type { OfficeLike, WordHostOptions, WordRunner } from './types';
import { watchPassages } from './watch';
import type { PassageChange, PassageWatch } from './watch';

/** Word's limit for a string custom property. */
const MAX_PROPERTY_LENGTH = 255;
const HEADER_FOOTER_TYPES = ['Primary', 'FirstPage', 'EvenPages'] as const;
/** Built-in styles not carried over to new body text (as the .docx host drops heading styles). */
const HEADING_STYLE = /^(Heading\d|Title|Subtitle|Toc\d|TocHeading|Caption)$/;

type Anchor =
  | { kind: 'body-start' }
  | { kind: 'body-end' }
  | { kind: 'after-paragraph'; paragraph: ParagraphInfo }
  | { kind: 'after-control' | 'before-control'; control: ControlInfo };

export class WordHost implements DocumentHost {
  private readonly run: WordRunner;
  private readonly office: OfficeLike | undefined;

  constructor(options: WordHostOptions = {}) {
    const runtime = resolveRuntime(options);
    this.run = runtime.run;
    this.office = runtime.office;
  }

  /** One Word.run; anything Word throws reaches the caller as a user-facing error. */
  private async batch<T>(work: (context: Word.RequestContext) => Promise<T>, errors: ErrorContext = { touchesControls: true }): Promise<T> {
    try {
      return await this.run(work);
    } catch (error) {
      throw toUserError(error, errors);
    }
  }

  /** Paragraph.uniqueLocalId (WordApi 1.6) keeps locators stable across insertions. */
  private get stableLocators(): boolean {
    return supports(this.office, 'WordApi', '1.6');
  }

  /** Subscribes to content control events (WordApi 1.5); `supported: false` and a no-op elsewhere. */
  watchPassages(onChange: (change: PassageChange) => void): Promise<PassageWatch> {
    return watchPassages(onChange, { run: this.run, office: this.office });
  }

  // 1 sync.
  async readParagraphs(): Promise<HostParagraph[]> {
    return this.batch(
      async (context) => {
        const read = queueBodySnapshot(context, { locators: this.stableLocators });
        await context.sync();
        return read().paragraphs.map((p) => {
          const paragraph: HostParagraph = { index: p.index, text: p.text, locator: p.locator };
          const passageId = p.chain.map((c) => passageIdOfTag(c.tag)).find((id) => id);
          if (passageId) paragraph.passageId = passageId;
          return paragraph;
        });
      },
      { touchesControls: false },
    );
  }

  // 2 syncs: the body, the sections' paragraphs and the OOXML of the body; then every header and footer.
  async readAllText(): Promise<TextSegment[]> {
    return this.batch(
      async (context) => {
        const body = context.document.body;
        const bodyParagraphs = body.paragraphs.load('items/text');
        const bodyOoxml = body.getOoxml();
        const sections = context.document.sections.load('items');
        await context.sync();

        const stories = sections.items.flatMap((section, i) =>
          HEADER_FOOTER_TYPES.flatMap((type) =>
            (['header', 'footer'] as const).map((kind) => {
              const story = kind === 'header' ? section.getHeader(type) : section.getFooter(type);
              return {
                kind,
                part: `section${i + 1}/${kind}-${type.toLowerCase()}`,
                paragraphs: story.paragraphs.load('items/text'),
                ooxml: story.getOoxml(),
              };
            }),
          ),
        );
        await context.sync();

        const seen = new Set<string>();
        const storySegments = (part: string, kind: 'body' | 'header' | 'footer', texts: string[], ooxml: string): TextSegment[] => {
          const boxes = textboxesInFlatOpc(ooxml, part);
          if (kind !== 'body') {
            // Sections linked to the previous one report the same header again; empty ones are noise.
            const key = JSON.stringify([kind, texts, boxes]);
            if (seen.has(key) || (texts.every((t) => t === '') && boxes.length === 0)) return [];
            seen.add(key);
          }
          return [
            segment(part, kind, texts.map((text, k) => ({ text, locator: `${part}#p${k + 1}` }))),
            ...boxes.map((box, n) => segment(part, 'textbox', box.map((text, k) => ({ text, locator: `${part}#textbox${n + 1}/p${k + 1}` })))),
          ];
        };
        const ofKind = (kind: 'header' | 'footer') =>
          stories.filter((s) => s.kind === kind).flatMap((s) => storySegments(s.part, kind, s.paragraphs.items.map((p) => p.text), s.ooxml.value));
        return [
          ...ofKind('header'),
          ...storySegments('body', 'body', bodyParagraphs.items.map((p) => p.text), bodyOoxml.value),
          ...ofKind('footer'),
        ];
      },
      { touchesControls: false },
    );
  }

  // 1 sync (2 when a passage control is inline or nested more than two controls deep).
  async listPassages(): Promise<HostPassage[]> {
    return this.batch(async (context) => {
      const read = queueBodySnapshot(context);
      await context.sync();
      const passages = await resolvePassages(context, read());
      return passages.map(toHostPassage);
    });
  }

  // 2 syncs (3 with inline passages): read, then the control and its properties.
  async markPassage(request: MarkPassageRequest): Promise<void> {
    const color = normalizeColor(request.color);
    return this.batch(async (context) => {
      const read = queueBodySnapshot(context, { tables: true });
      await context.sync();
      const snapshot = read();
      refuseExisting(snapshot, request.passageId);
      const passages = await resolvePassages(context, snapshot);
      const { fromParagraph: from, toParagraph: to } = request;
      const first = paragraphAt(snapshot, from);
      const last = paragraphAt(snapshot, to);
      if (to < from) {
        throw new HostError('paragraph-out-of-range', `Khoảng đoạn ${from}–${to} không hợp lệ.`, `Paragraph range ${from}–${to} is invalid.`);
      }
      refuseBrokenStructure(snapshot, from, to);
      if (passages.some((p) => p.range[0] <= to && p.range[1] >= from)) {
        throw new HostError(
          'overlaps-passage',
          `Đoạn ${from}–${to} đã nằm trong (hoặc chứa) một đoạn AI khác.`,
          `Paragraphs ${from}–${to} are already inside (or contain) another AI passage.`,
        );
      }
      const locked = snapshot.paragraphs.slice(from - 1, to).flatMap((p) => p.chain).find((c) => c.cannotEdit);
      if (locked) throw wordErrors.controlLocked({ title: locked.title });

      // 'Whole' takes in the paragraph marks, so Word makes a block-level control even for one paragraph.
      const range = first.proxy.getRange('Whole').expandTo(last.proxy.getRange('Whole'));
      dressPassageControl(range.insertContentControl('RichText'), request.passageId, request.title, color);
      await context.sync();
    });
  }

  // 2 syncs (3 with inline passages).
  async insertPassage(request: InsertPassageRequest): Promise<void> {
    const color = normalizeColor(request.color);
    return this.batch(async (context) => {
      const read = queueBodySnapshot(context, { formatting: true });
      await context.sync();
      const snapshot = read();
      refuseExisting(snapshot, request.passageId);
      const passages = await resolvePassages(context, snapshot);
      const { anchor, template } = insertionPoint(snapshot, passages, request.afterParagraph);
      const lines = splitLines(request.text);
      // Mark first, fill after: see the note at the top of this file.
      const first = insertAt(context, anchor, '');
      const control = first.insertContentControl('RichText');
      dressPassageControl(control, request.passageId, request.title, color);
      if (lines[0]) first.insertText(lines[0], 'Start');
      const created = [first, ...lines.slice(1).map((line) => control.insertParagraph(line, 'End'))];
      for (const p of created) plainBodyStyle(p, template);
      await context.sync();
    });
  }

  // 2 syncs.
  async updatePassage(request: UpdatePassageRequest): Promise<void> {
    const color = request.color === undefined ? undefined : normalizeColor(request.color);
    return this.batch(async (context) => {
      const control = await findPassage(context, request.passageId);
      if (request.title !== undefined) control.title = request.title;
      if (color !== undefined) control.color = `#${color}`;
      await context.sync();
    });
  }

  // 2 syncs.
  async removeMark(passageId: string): Promise<void> {
    return this.batch(async (context) => {
      const control = await findPassage(context, passageId);
      if (control.cannotDelete) throw wordErrors.controlLocked({ title: control.title });
      control.delete(true);
      await context.sync();
    });
  }

  // 2 syncs.
  async rebindPassage(passageId: string, target: RebindTarget): Promise<void> {
    return this.batch(async (context) => {
      const controls = context.document.body.contentControls.load(CONTROL_FIELDS);
      await context.sync();
      const tag = PASSAGE_TAG_PREFIX + passageId;
      if (controls.items.some((c) => c.tag === tag)) throw passageExists(passageId);
      const untagged = controls.items.filter((c) => !c.tag && isPassageControl(null, c.title));
      const control = pickRebindTarget(untagged, target, (c) => `untagged:${c.id}`);
      control.tag = tag;
      await context.sync();
    });
  }

  // 2 syncs (3 with inline passages).
  async insertParagraph(request: InsertParagraphRequest): Promise<number> {
    return this.batch(async (context) => {
      const read = queueBodySnapshot(context, { formatting: true });
      await context.sync();
      const snapshot = read();
      const passages = await resolvePassages(context, snapshot);
      const { anchor, template } = insertionPoint(snapshot, passages, request.afterParagraph);
      let paragraph: Word.Paragraph | undefined;
      for (const line of splitLines(request.text)) {
        paragraph = paragraph ? paragraph.insertParagraph(line, 'After') : insertAt(context, anchor, line);
        plainBodyStyle(paragraph, template);
      }
      await context.sync();
      return request.afterParagraph === 'end' ? snapshot.paragraphs.length + 1 : request.afterParagraph + 1;
    });
  }

  // 2 syncs (WordApi 1.4), or the common API's callbacks (no sync).
  async readRecord(namespace: string): Promise<string | null> {
    const errors = { feature: 'customXmlParts' };
    if (this.recordThroughWordApi) return this.batch((context) => readRecordBatched(context, namespace), errors);
    try {
      return await readRecordCommon(this.office!, namespace);
    } catch (error) {
      throw toUserError(error, errors);
    }
  }

  // 2 syncs (WordApi 1.4), or the common API's callbacks (no sync).
  async writeRecord(namespace: string, xml: string): Promise<void> {
    validateRecordXml(namespace, xml);
    const errors = { feature: 'customXmlParts' };
    if (this.recordThroughWordApi) return this.batch((context) => writeRecordBatched(context, namespace, xml), errors);
    try {
      await writeRecordCommon(this.office!, namespace, xml);
    } catch (error) {
      throw toUserError(error, errors);
    }
  }

  /** WordApi 1.4 when Word has it (or when there is no Office object to ask, as in a bare Word.run). */
  private get recordThroughWordApi(): boolean {
    return !this.office || supports(this.office, 'WordApi', '1.4');
  }

  // 1 sync.
  async readProperties(): Promise<Record<string, string>> {
    return this.batch(
      async (context) => {
        const properties = context.document.properties.customProperties.load('items/key,items/value');
        await context.sync();
        const out: Record<string, string> = {};
        for (const p of properties.items) out[p.key] = p.value instanceof Date ? p.value.toISOString() : String(p.value ?? '');
        return out;
      },
      { touchesControls: false },
    );
  }

  // 1 sync. `add` sets an existing property (Word matches names without regard to case) and leaves others alone.
  async writeProperties(props: Record<string, string>): Promise<void> {
    const entries = Object.entries(props);
    for (const [name, value] of entries) {
      if (value.length > MAX_PROPERTY_LENGTH) throw wordErrors.valueTooLong(name, value.length);
    }
    if (entries.length === 0) return;
    return this.batch(
      async (context) => {
        const properties = context.document.properties.customProperties;
        for (const [name, value] of entries) properties.add(name, value);
        await context.sync();
      },
      { touchesControls: false },
    );
  }
}

function toHostPassage(p: PassageInfo): HostPassage {
  const { control } = p;
  return {
    id: control.passageId ?? `untagged:${control.id}`,
    tag: control.passageId !== null ? control.tag : null,
    title: control.title,
    color: control.color,
    text: p.text,
    paragraphRange: p.range,
  };
}

function segment(part: string, kind: TextSegment['kind'], paragraphs: TextParagraph[]): TextSegment {
  return { part, kind, text: paragraphs.map((p) => p.text).join('\n'), paragraphs };
}

function splitLines(text: string): string[] {
  return text.split('\n').map((line) => line.replace(/\r$/, ''));
}

function passageExists(passageId: string): HostError {
  return new HostError('passage-exists', `Đoạn AI ${passageId} đã được đánh dấu.`, `AI passage ${passageId} is already marked.`);
}

function refuseExisting(snapshot: BodySnapshot, passageId: string): void {
  if (snapshot.controls.some((c) => c.passageId === passageId)) throw passageExists(passageId);
}

function paragraphAt(snapshot: BodySnapshot, index: number): ParagraphInfo {
  const p = Number.isInteger(index) ? snapshot.paragraphs[index - 1] : undefined;
  if (!p) {
    const count = snapshot.paragraphs.length;
    throw new HostError(
      'paragraph-out-of-range',
      `Không có đoạn văn số ${index} (tài liệu có ${count} đoạn).`,
      `There is no paragraph ${index} (the document has ${count}).`,
    );
  }
  return p;
}

/** The first passage control in the document with the tag `aiprov:<id>` (1 sync). */
async function findPassage(context: Word.RequestContext, passageId: string): Promise<Word.ContentControl> {
  const found = context.document.body.contentControls.getByTag(PASSAGE_TAG_PREFIX + passageId).load('items/id,items/title,items/cannotDelete');
  await context.sync();
  const control = found.items[0];
  if (!control) {
    throw new HostError('passage-not-found', `Không tìm thấy đoạn AI ${passageId} trong tài liệu.`, `AI passage ${passageId} was not found in the document.`);
  }
  return control;
}

function dressPassageControl(control: Word.ContentControl, passageId: string, title: string, hex: string): void {
  // The tag first: it is what binds the control to the record.
  control.tag = PASSAGE_TAG_PREFIX + passageId;
  control.title = title;
  control.color = `#${hex}`;
  control.appearance = 'BoundingBox';
}

/**
 * Refuses a range Word would cut across: a table entered or left part-way, or a content control
 * (not ours) that the range half covers. Mirrors the .docx host's `crosses-table` rule. Within
 * tables, both ends must be paragraphs of one cell at the same nesting level (a range ending
 * inside a table nested in that cell is refused, a little stricter than the .docx host).
 */
function refuseBrokenStructure(snapshot: BodySnapshot, from: number, to: number): void {
  const ps = snapshot.paragraphs;
  const level = (i: number) => ps[i - 1]!.tableLevel;
  let lowest = Infinity;
  for (let i = from; i <= to; i++) lowest = Math.min(lowest, level(i));
  let whole: boolean;
  if (lowest === 0) {
    // Outside tables at the common level: a table may be included only from its first to its last paragraph.
    const startsClean = level(from) === 0 || from === 1 || level(from - 1) === 0;
    const endsClean = level(to) === 0 || to === ps.length || level(to + 1) === 0;
    whole = startsClean && endsClean;
  } else {
    const home = ps[from - 1]!.cell;
    const sameCell = (i: number) => {
      const cell = ps[i - 1]!.cell;
      return !!cell && !!home && cell.row === home.row && cell.cell === home.cell;
    };
    whole = level(from) === lowest && level(to) === lowest;
    for (let i = from; whole && i <= to; i++) if (level(i) === lowest && !sameCell(i)) whole = false;
  }
  if (!whole) {
    throw new HostError(
      'crosses-table',
      `Không thể đánh dấu đoạn ${from}–${to}: khoảng này cắt ngang một bảng. Hãy chọn trọn bảng hoặc chỉ các đoạn trong cùng một ô.`,
      `Cannot mark paragraphs ${from}–${to}: the range cuts across a table. Select the whole table or paragraphs within one cell.`,
    );
  }
  for (const [id, [a, b]] of snapshot.blockRanges) {
    const halfCovered = (a < from && b >= from && b < to) || (a > from && a <= to && b > to);
    if (!halfCovered) continue;
    // Half covering a passage is refused here too, as the .docx host does (a whole one is an overlap).
    const control = snapshot.controls.find((c) => c.id === id);
    throw new HostError(
      'crosses-table',
      `Không thể đánh dấu đoạn ${from}–${to}: khoảng này cắt ngang vùng nội dung "${control?.title ?? ''}" (đoạn ${a}–${b}). Hãy chọn trọn vùng đó hoặc chỉ các đoạn bên trong nó.`,
      `Cannot mark paragraphs ${from}–${to}: the range cuts across the content control "${control?.title ?? ''}" (paragraphs ${a}–${b}). Select all of it or only paragraphs inside it.`,
    );
  }
}

/**
 * Where new paragraphs go after body paragraph `after` (0 = start of the body), as the .docx host
 * decides it: never inside a passage; after a passage's last paragraph means after the passage.
 */
function insertionPoint(snapshot: BodySnapshot, passages: PassageInfo[], after: number | 'end'): { anchor: Anchor; template: ParagraphInfo | undefined } {
  const ps = snapshot.paragraphs;
  const outermostPassageAt = (index: number) =>
    passages
      .filter((p) => p.block && p.range[0] <= index && p.range[1] >= index)
      .sort((x, y) => y.range[1] - y.range[0] - (x.range[1] - x.range[0]))[0];
  if (after === 'end') return { anchor: { kind: 'body-end' }, template: ps[ps.length - 1] };
  if (after === 0) {
    const around = ps.length ? outermostPassageAt(1) : undefined;
    return { anchor: around ? { kind: 'before-control', control: around.control } : { kind: 'body-start' }, template: ps[0] };
  }
  const paragraph = paragraphAt(snapshot, after);
  const outer = outermostPassageAt(after);
  const lockedBy = paragraph.chain.find((c) => c.cannotEdit && c.id !== outer?.control.id);
  if (lockedBy) throw wordErrors.controlLocked({ title: lockedBy.title });
  if (outer) {
    if (outer.range[1] !== after) {
      throw new HostError(
        'overlaps-passage',
        `Không thể chèn sau đoạn ${after}: vị trí này nằm giữa một đoạn AI.`,
        `Cannot insert after paragraph ${after}: that point is in the middle of an AI passage.`,
      );
    }
    return { anchor: { kind: 'after-control', control: outer.control }, template: paragraph };
  }
  return { anchor: { kind: 'after-paragraph', paragraph }, template: paragraph };
}

function insertAt(context: Word.RequestContext, anchor: Anchor, text: string): Word.Paragraph {
  switch (anchor.kind) {
    case 'body-start':
      return context.document.body.insertParagraph(text, 'Start');
    case 'body-end':
      return context.document.body.insertParagraph(text, 'End');
    case 'after-paragraph':
      return anchor.paragraph.proxy.insertParagraph(text, 'After');
    case 'after-control':
      return anchor.control.proxy.insertParagraph(text, 'After');
    case 'before-control':
      return anchor.control.proxy.insertParagraph(text, 'Before');
  }
}

/** New text after a heading is body text, not another heading (Word copies the anchor's style). */
function plainBodyStyle(paragraph: Word.Paragraph, template: ParagraphInfo | undefined): void {
  if (template && HEADING_STYLE.test(template.style)) paragraph.styleBuiltIn = 'Normal';
}
