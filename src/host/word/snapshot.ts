/**
 * One read of the body: every paragraph with the content controls that contain it, and every
 * content control, in a single `context.sync()`. Paragraph numbers follow the port (1-based, body
 * only, table-cell paragraphs included), which is what `body.paragraphs` enumerates.
 *
 * Word has no "index of this paragraph" API and a control's paragraphs are fresh proxies with no
 * identity, so a control's paragraph range is found the other way round: each paragraph loads its
 * parent control and that control's parent (`parentContentControlOrNullObject`, two levels, as
 * navigation properties of the same load). A passage met in a paragraph's chain covers that
 * paragraph. Controls not reached that way (inline controls, or block controls nested more than
 * two deep) cost one more sync, for all of them together: see `resolvePassages`.
 */
import { isPassageMark as isPassageControl, passageIdOfTag } from '../rules';

export interface ControlRef {
  id: number;
  /** null when the control has no tag. */
  tag: string | null;
  title: string;
  cannotEdit: boolean;
  cannotDelete: boolean;
}

export interface ParagraphInfo {
  index: number;
  text: string;
  locator: string;
  /** Controls containing the paragraph, innermost first (at most two levels). */
  chain: ControlRef[];
  tableLevel: number;
  /** The table cell holding the paragraph (row, cell), when `tables` was asked for. */
  cell: { row: number; cell: number } | null;
  /** Word's built-in style name (e.g. "Heading1", "Normal"; "Other" for a custom style), when `formatting` was asked for. */
  style: string;
  /** The style's name as the document names it (Paragraph.style), when `formatting` was asked for. */
  styleName: string;
  proxy: Word.Paragraph;
}

export interface ControlInfo extends ControlRef {
  color: string | null;
  text: string;
  /** The passage id from an `aiprov:` tag, else null. */
  passageId: string | null;
  /** Ours by tag, or tag lost but titled "AI · …" (as LibreOffice leaves it). */
  isPassage: boolean;
  proxy: Word.ContentControl;
}

export interface BodySnapshot {
  paragraphs: ParagraphInfo[];
  /** All body content controls in document order. */
  controls: ControlInfo[];
  /** For each control met in a paragraph chain: the first and last paragraph it covers. */
  blockRanges: Map<number, [number, number]>;
}

export interface PassageInfo {
  control: ControlInfo;
  range: [number, number];
  text: string;
  /** Covers whole paragraphs (false: an inline control inside one paragraph, or unknown). */
  block: boolean;
}

export interface SnapshotOptions {
  /** Load `uniqueLocalId` for stable locators (WordApi 1.6). */
  locators?: boolean;
  /** Load table nesting and the table cell of each paragraph (for range checks). */
  tables?: boolean;
  /** Load the built-in style (for new paragraphs modelled on an anchor). */
  formatting?: boolean;
}

const CONTROL_REF_FIELDS = ['id', 'tag', 'title', 'cannotEdit', 'cannotDelete'] as const;
export const CONTROL_FIELDS = 'items/id,items/tag,items/title,items/color,items/text,items/cannotEdit,items/cannotDelete';

/** The shared passage-control rules (src/host/rules.ts), under the names this module has always exported. */
export { passageIdOfTag, isPassageMark as isPassageControl } from '../rules';

/** Word reports colours as "#RRGGBB"; the port wants "RRGGBB" or null. */
export function colorFromWord(color: string | null | undefined): string | null {
  const hex = (color ?? '').trim().replace(/^#/, '');
  return /^[0-9a-fA-F]{6}$/.test(hex) ? hex.toUpperCase() : null;
}

function refOf(control: Word.ContentControl): ControlRef | null {
  if (control.isNullObject) return null;
  return {
    id: control.id,
    tag: control.tag || null,
    title: control.title ?? '',
    cannotEdit: !!control.cannotEdit,
    cannotDelete: !!control.cannotDelete,
  };
}

/** Queues the loads of one snapshot; call the returned function after the next `context.sync()`. */
export function queueBodySnapshot(context: Word.RequestContext, options: SnapshotOptions = {}): () => BodySnapshot {
  const body = context.document.body;
  const paths = ['items/text'];
  for (const field of CONTROL_REF_FIELDS) {
    paths.push(`items/parentContentControlOrNullObject/${field}`);
    paths.push(`items/parentContentControlOrNullObject/parentContentControlOrNullObject/${field}`);
  }
  if (options.locators) paths.push('items/uniqueLocalId');
  if (options.tables) {
    paths.push('items/tableNestingLevel', 'items/parentTableCellOrNullObject/rowIndex', 'items/parentTableCellOrNullObject/cellIndex');
  }
  if (options.formatting) paths.push('items/styleBuiltIn', 'items/style');
  const paragraphs = body.paragraphs.load(paths.join(','));
  const controls = body.contentControls.load(CONTROL_FIELDS);

  return () => {
    const infos = paragraphs.items.map((p, i): ParagraphInfo => {
      const chain: ControlRef[] = [];
      const parent = p.parentContentControlOrNullObject;
      const inner = refOf(parent);
      if (inner) {
        chain.push(inner);
        const outer = refOf(parent.parentContentControlOrNullObject);
        if (outer) chain.push(outer);
      }
      let cell: ParagraphInfo['cell'] = null;
      let tableLevel = 0;
      if (options.tables) {
        tableLevel = p.tableNestingLevel;
        const c = p.parentTableCellOrNullObject;
        if (!c.isNullObject) cell = { row: c.rowIndex, cell: c.cellIndex };
      }
      return {
        index: i + 1,
        text: p.text,
        locator: options.locators ? `word:${p.uniqueLocalId}` : `word-p${i + 1}`,
        chain,
        tableLevel,
        cell,
        style: options.formatting ? String(p.styleBuiltIn) : '',
        styleName: options.formatting ? String(p.style) : '',
        proxy: p,
      };
    });
    const blockRanges = new Map<number, [number, number]>();
    for (const p of infos) {
      for (const ref of p.chain) {
        const range = blockRanges.get(ref.id);
        if (range) range[1] = p.index;
        else blockRanges.set(ref.id, [p.index, p.index]);
      }
    }
    const controlInfos = controls.items.map((c): ControlInfo => {
      const tag = c.tag || null;
      return {
        id: c.id,
        tag,
        title: c.title ?? '',
        cannotEdit: !!c.cannotEdit,
        cannotDelete: !!c.cannotDelete,
        color: colorFromWord(c.color),
        text: c.text ?? '',
        passageId: passageIdOfTag(tag),
        isPassage: isPassageControl(tag, c.title),
        proxy: c,
      };
    });
    return { paragraphs: infos, controls: controlInfos, blockRanges };
  };
}

/**
 * Every passage control with its paragraph range, in document order. Uses the snapshot alone when
 * every passage was met in a paragraph chain (the usual case: this add-in only makes block-level
 * controls); otherwise one more sync locates the rest, however many there are: for each, the
 * paragraphs from the start of the body through the control, and the control's own paragraphs.
 */
export async function resolvePassages(context: Word.RequestContext, snapshot: BodySnapshot): Promise<PassageInfo[]> {
  const resolve = queueResolvePassages(context, snapshot);
  if (resolve.needsSync) await context.sync();
  return resolve.passages();
}

/**
 * The loads `resolvePassages` needs, queued without syncing (`needsSync` says whether any were), so
 * a caller can sync them together with other reads; call `passages()` after that sync.
 */
export function queueResolvePassages(context: Word.RequestContext, snapshot: BodySnapshot): { needsSync: boolean; passages: () => PassageInfo[] } {
  const passages = snapshot.controls.filter((c) => c.isPassage);
  const unresolved = passages.filter((c) => !snapshot.blockRanges.has(c.id));
  const located = new Map<number, { through: Word.ParagraphCollection; own: Word.ParagraphCollection }>();
  if (unresolved.length) {
    const bodyStart = context.document.body.getRange('Start');
    for (const c of unresolved) {
      // A small scalar is selected only to make Word return the items (their number is what counts).
      const through = bodyStart.expandTo(c.proxy.getRange('Whole')).paragraphs.load('items/tableNestingLevel');
      const own = c.proxy.paragraphs.load('items/tableNestingLevel');
      located.set(c.id, { through, own });
    }
  }
  const textOf = (range: [number, number]) =>
    snapshot.paragraphs
      .slice(range[0] - 1, range[1])
      .map((p) => p.text)
      .join('\n');
  const resolved = (): PassageInfo[] =>
    passages.flatMap((control): PassageInfo[] => {
      const block = snapshot.blockRanges.get(control.id);
      if (block) return [{ control, range: [block[0], block[1]], text: textOf(block), block: true }];
      const found = located.get(control.id)!;
      const last = found.through.items.length;
      const count = Math.max(1, found.own.items.length);
      if (last < 1) return [];
      const range: [number, number] = [Math.max(1, last - count + 1), last];
      return [{ control, range, text: count > 1 ? textOf(range) : control.text, block: count > 1 }];
    });
  return { needsSync: unresolved.length > 0, passages: resolved };
}
