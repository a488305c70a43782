/**
 * The DocumentHost port over the document open in Word, through Office.js. Behaves like the .docx
 * host (same paragraph numbers, same passage rules, same HostError codes for refused requests);
 * failures that come from Word itself become WordHostError.
 *
 * Round trips: every method costs at most 3 `context.sync()` calls, whatever the size of the
 * document: collections are loaded once (with their navigation properties in the same load), all
 * writes are queued, and the batch is synced once. No sync runs inside a loop. Inside `batch`, a
 * whole sequence of calls costs at most 3 together (see scope.ts): the methods then read from the
 * batch's snapshot and queue their writes without syncing.
 *
 * "Nothing half-done": every check that can be made from the read (range, tables, overlaps, locks,
 * an existing passage) is made before any write is queued, and the writes of one operation go out
 * in one sync. Word runs a batch's queued operations in order and stops at the first failure; it
 * does not roll back the ones before it. So the order of the writes matters where an operation has
 * several: `insertPassage` creates the (empty) marked control first and fills it afterwards, so a
 * failure can leave an empty paragraph but never AI text without its mark.
 */
import { PASSAGE_TAG_PREFIX, normalizeColor } from '../port';
import type {
  BatchOptions,
  ClaimTarget,
  DeleteParagraphsRequest,
  DocumentHost,
  HostSelection,
  HostParagraph,
  HostPassage,
  InsertParagraphRequest,
  InsertPassageRequest,
  MarkPassageRequest,
  RebindTarget,
  TextSegment,
  UpdatePassageRequest,
} from '../port';
import { toUserError, wordErrors } from './errors';
import type { ErrorContext } from './errors';
import { pickRebindTarget, validateRecordXml } from '../record-xml';
import { readRecordBatched, readRecordCommon, writeRecordBatched, writeRecordCommon } from './record';
import {
  HEADER_FOOTER_TYPES,
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
import { WordScope } from './scope';
import { readSelectionAlone, selectPassageAlone } from './selection';
import { CONTROL_FIELDS, isPassageControl, passageIdOfTag, queueBodySnapshot, resolvePassages } from './snapshot';
import { resolveRuntime, supports } from './types';
import type { OfficeLike, WordHostOptions, WordRunner } from './types';
import { watchPassages } from './watch';
import type { PassageChange, PassageWatch } from './watch';

export class WordHost implements DocumentHost {
  private readonly run: WordRunner;
  private readonly office: OfficeLike | undefined;
  /** The batch in progress: every call made while it runs joins it (the pane runs one action at a time). */
  private scope: WordScope | null = null;

  constructor(options: WordHostOptions = {}) {
    const runtime = resolveRuntime(options);
    this.run = runtime.run;
    this.office = runtime.office;
  }

  /** One Word.run; anything Word throws reaches the caller as a user-facing error. */
  private async runWord<T>(work: (context: Word.RequestContext) => Promise<T>, errors: ErrorContext = { touchesControls: true }): Promise<T> {
    try {
      return await this.run(work);
    } catch (error) {
      throw toUserError(error, errors);
    }
  }

  /**
   * Runs `work` as one Word.run of at most 3 syncs: the document is read up front (1–2 syncs, see
   * scope.ts), every host call inside is served from that read and queues its writes, and the writes
   * go out together at the end (1 sync). A batch started inside another joins it. When `work` fails,
   * the writes it had already made are still sent (as they would have been without the batch), then
   * its error is rethrown as it was.
   */
  async batch<T>(work: () => Promise<T>, options: BatchOptions = {}): Promise<T> {
    if (this.scope) return work();
    const outcome: { failed: boolean; error?: unknown } = { failed: false };
    const result = await this.runWord(async (context) => {
      const scope = await WordScope.open(context, {
        options,
        stableLocators: this.stableLocators,
        recordApi: this.recordThroughWordApi,
        office: this.office,
      });
      this.scope = scope;
      let value: T | undefined;
      try {
        value = await work();
      } catch (error) {
        Object.assign(outcome, { failed: true, error });
      } finally {
        this.scope = null;
      }
      try {
        await scope.flush();
      } catch (error) {
        if (!outcome.failed) throw error;
      }
      return value as T;
    });
    if (outcome.failed) throw outcome.error;
    return result;
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
    if (this.scope) return this.scope.readParagraphs();
    return this.runWord(
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

  // 1 sync (WordApi 1.6), else 2.
  async readSelection(): Promise<HostSelection | null> {
    if (this.scope) return this.scope.readSelection();
    return this.runWord((context) => readSelectionAlone(context, this.stableLocators), { touchesControls: false });
  }

  // 2 syncs, 3 with a claim (find the control; search its text; select).
  async selectPassage(passageId: string, claim?: ClaimTarget): Promise<void> {
    if (this.scope) return this.scope.selectPassage(passageId, claim);
    return this.runWord((context) => selectPassageAlone(context, passageId, claim));
  }

  // 2 syncs (3 with inline passages).
  async deleteParagraphs(request: DeleteParagraphsRequest): Promise<void> {
    if (this.scope) return this.scope.deleteParagraphs(request);
    return this.runWord(async (context) => {
      const read = queueBodySnapshot(context, { tables: true });
      await context.sync();
      const snapshot = read();
      const passages = await resolvePassages(context, snapshot);
      const { first, last } = checkDelete(snapshot, passages, request.from, request.to);
      first.proxy.getRange('Whole').expandTo(last.proxy.getRange('Whole')).delete();
      await context.sync();
    });
  }

  // 2 syncs: the body, the sections' paragraphs and the OOXML of the body; then every header and footer.
  async readAllText(): Promise<TextSegment[]> {
    if (this.scope) return this.scope.readAllText();
    return this.runWord(
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
        return assembleSegments(
          bodyParagraphs.items.map((p) => p.text),
          bodyOoxml.value,
          stories.map((s) => ({ kind: s.kind, part: s.part, texts: s.paragraphs.items.map((p) => p.text), ooxml: s.ooxml.value })),
        );
      },
      { touchesControls: false },
    );
  }

  // 1 sync (2 when a passage control is inline or nested more than two controls deep).
  async listPassages(): Promise<HostPassage[]> {
    if (this.scope) return this.scope.listPassages();
    return this.runWord(async (context) => {
      const read = queueBodySnapshot(context);
      await context.sync();
      const passages = await resolvePassages(context, read());
      return passages.map(toHostPassage);
    });
  }

  // 2 syncs (3 with inline passages): read, then the control and its properties.
  async markPassage(request: MarkPassageRequest): Promise<void> {
    const color = normalizeColor(request.color);
    if (this.scope) return this.scope.markPassage(request, color);
    return this.runWord(async (context) => {
      const read = queueBodySnapshot(context, { tables: true });
      await context.sync();
      const snapshot = read();
      refuseExisting(snapshot, request.passageId);
      const passages = await resolvePassages(context, snapshot);
      const { first, last } = checkMark(snapshot, passages, request);
      // 'Whole' takes in the paragraph marks, so Word makes a block-level control even for one paragraph.
      const range = first.proxy.getRange('Whole').expandTo(last.proxy.getRange('Whole'));
      dressPassageControl(range.insertContentControl('RichText'), request.passageId, request.title, color);
      await context.sync();
    });
  }

  // 2 syncs (3 with inline passages).
  async insertPassage(request: InsertPassageRequest): Promise<void> {
    const color = normalizeColor(request.color);
    if (this.scope) return this.scope.insertPassage(request, color);
    return this.runWord(async (context) => {
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
      for (const p of created) styleLikeTemplate(p, template);
      await context.sync();
    });
  }

  // 2 syncs.
  async updatePassage(request: UpdatePassageRequest): Promise<void> {
    const color = request.color === undefined ? undefined : normalizeColor(request.color);
    if (this.scope) return this.scope.updatePassage(request, color);
    return this.runWord(async (context) => {
      const control = await findPassage(context, request.passageId);
      if (request.title !== undefined) control.title = request.title;
      if (color !== undefined) control.color = `#${color}`;
      await context.sync();
    });
  }

  // 2 syncs.
  async removeMark(passageId: string): Promise<void> {
    if (this.scope) return this.scope.removeMark(passageId);
    return this.runWord(async (context) => {
      const control = await findPassage(context, passageId);
      if (control.cannotDelete) throw wordErrors.controlLocked({ title: control.title });
      control.delete(true);
      await context.sync();
    });
  }

  // 2 syncs.
  async rebindPassage(passageId: string, target: RebindTarget): Promise<void> {
    if (this.scope) return this.scope.rebindPassage(passageId, target);
    return this.runWord(async (context) => {
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
    if (this.scope) return this.scope.insertParagraph(request);
    return this.runWord(async (context) => {
      const read = queueBodySnapshot(context, { formatting: true });
      await context.sync();
      const snapshot = read();
      const passages = await resolvePassages(context, snapshot);
      const { anchor, template } = insertionPoint(snapshot, passages, request.afterParagraph);
      let paragraph: Word.Paragraph | undefined;
      for (const line of splitLines(request.text)) {
        paragraph = paragraph ? paragraph.insertParagraph(line, 'After') : insertAt(context, anchor, line);
        styleLikeTemplate(paragraph, template);
      }
      await context.sync();
      return request.afterParagraph === 'end' ? snapshot.paragraphs.length + 1 : request.afterParagraph + 1;
    });
  }

  // 2 syncs (WordApi 1.4), or the common API's callbacks (no sync).
  async readRecord(namespace: string): Promise<string | null> {
    if (this.scope) return this.scope.readRecord(namespace);
    const errors = { feature: 'customXmlParts' };
    if (this.recordThroughWordApi) return this.runWord((context) => readRecordBatched(context, namespace), errors);
    try {
      return await readRecordCommon(this.office!, namespace);
    } catch (error) {
      throw toUserError(error, errors);
    }
  }

  // 2 syncs (WordApi 1.4), or the common API's callbacks (no sync).
  async writeRecord(namespace: string, xml: string): Promise<void> {
    validateRecordXml(namespace, xml);
    if (this.scope) return this.scope.writeRecord(namespace, xml);
    const errors = { feature: 'customXmlParts' };
    if (this.recordThroughWordApi) return this.runWord((context) => writeRecordBatched(context, namespace, xml), errors);
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
    if (this.scope) return this.scope.readProperties();
    return this.runWord(
      async (context) => {
        const properties = context.document.properties.customProperties.load('items/key,items/value');
        await context.sync();
        return propertiesOf(properties.items);
      },
      { touchesControls: false },
    );
  }

  // 1 sync. `add` sets an existing property (Word matches names without regard to case) and leaves others alone.
  async writeProperties(props: Record<string, string>): Promise<void> {
    checkPropertyLengths(props);
    const entries = Object.entries(props);
    if (entries.length === 0) return;
    if (this.scope) return this.scope.writeProperties(props);
    return this.runWord(
      async (context) => {
        const properties = context.document.properties.customProperties;
        for (const [name, value] of entries) properties.add(name, value);
        await context.sync();
      },
      { touchesControls: false },
    );
  }
}

/** The first passage control in the document with the tag `aiprov:<id>` (1 sync). */
async function findPassage(context: Word.RequestContext, passageId: string): Promise<Word.ContentControl> {
  const found = context.document.body.contentControls.getByTag(PASSAGE_TAG_PREFIX + passageId).load('items/id,items/title,items/cannotDelete');
  await context.sync();
  const control = found.items[0];
  if (!control) throw passageNotFound(passageId);
  return control;
}

