// The passage use cases: insert an AI passage, declare pasted AI text, and refresh (keep the record
// in step with what people did to the document since).
import { scanText } from '../checks';
import { leftoverPlaceholders } from '../ai/redact';
import type { SensitivityLevel } from '../checks/types';
import { inBatch, type DocumentHost, type HostPassage, type HostSelection } from '../host/port';
import {
  claimsFromFindings,
  editedPassageData,
  fingerprintMatches,
  generatedPassageData,
  type GeneratedPassageInput,
  type PositionedGrounding,
  type PassageState,
  type ProviderInfo,
  type Purpose,
  type RecordState,
  type SourceInfo,
} from '../provenance';
import { RecordSession, WorkflowError, asOneBatch, batchOptions, type WorkflowContext } from './document';
import { passageLooks, shortId } from './looks';
import { bilingual } from '../i18n';

/** The figures and citations in a text: what a person must verify. */
export function claimsOfText(text: string) {
  return claimsFromFindings(scanText(text).findings);
}

export interface GenerationData {
  purpose: Purpose;
  provider: ProviderInfo;
  model?: string;
  prompt?: string;
  sources?: SourceInfo[];
  redactions?: Record<string, number>;
  timings?: { startedAt: string; firstTokenMs?: number; totalMs: number };
  level: SensitivityLevel;
  /** issue 10 — evidence: each claim's grounding result, by its place in the text (kept in the record). */
  grounding?: PositionedGrounding[];
}

export interface InsertPassageInput {
  /** 0 = at the start of the body. */
  afterParagraph: number;
  text: string;
  generation: GenerationData;
}

/**
 * Issue 13/17: placeholders left in an answer (echoed or invented by the model) never go into a
 * document silently; the person removes them (removePlaceholders) or edits the text first.
 */
export function refuseLeftoverPlaceholders(text: string): void {
  const left = leftoverPlaceholders(text);
  if (left.length === 0) return;
  throw new WorkflowError('placeholder-leftover', bilingual('workflow.passages.refuseLeftoverPlaceholders', { left: left.join(', ') }));
}

/** Inserts AI output as a new marked passage and records how it was made. Returns the passage id. */
export const insertPassage = asOneBatch(async function insertPassage(host: DocumentHost, context: WorkflowContext, input: InsertPassageInput): Promise<string> {
  refuseLeftoverPlaceholders(input.text);
  const session = await RecordSession.open(host, context);
  const passageId = globalThis.crypto.randomUUID();
  const data = await passageData(passageId, input.text, { origin: 'generated', ...input.generation });
  // Validate the event before touching the document; write the record only after the document changed.
  await session.append('passage-generated', data);
  const look = initialLook(session.state, passageId, context);
  await host.insertPassage({ passageId, afterParagraph: input.afterParagraph, text: input.text, ...look });
  await session.commit();
  return passageId;
});

export interface ReplaceWithPassageInput {
  fromParagraph: number;
  toParagraph: number;
  text: string;
  generation: GenerationData;
}

/**
 * Puts AI output in place of paragraphs `from`..`to` (e.g. the selection the person asked to
 * rewrite): those paragraphs are deleted, the output goes in as a marked passage where they were,
 * and the record says how it was made. The delete goes first because it is the step the host may
 * refuse (a passage inside, a table cut); once it is done, inserting where it was cannot be refused.
 */
export const replaceWithPassage = asOneBatch(async function replaceWithPassage(host: DocumentHost, context: WorkflowContext, input: ReplaceWithPassageInput): Promise<string> {
  if (!host.deleteParagraphs) {
    throw new WorkflowError('cannot-replace', bilingual('workflow.passages.replaceWithPassage'));
  }
  refuseLeftoverPlaceholders(input.text);
  const { fromParagraph: from, toParagraph: to } = input;
  const paragraphs = await host.readParagraphs();
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < from || to > paragraphs.length) {
    throw new WorkflowError('paragraph-range', bilingual('workflow.passages.replaceWithPassage2', { from, to, length: paragraphs.length }));
  }
  const session = await RecordSession.open(host, context);
  const passageId = globalThis.crypto.randomUUID();
  const data = await passageData(passageId, input.text, { origin: 'generated', ...input.generation });
  await session.append('passage-generated', data);
  const look = initialLook(session.state, passageId, context);
  await host.deleteParagraphs({ from, to });
  await host.insertPassage({ passageId, afterParagraph: from - 1, text: input.text, ...look });
  await session.commit();
  return passageId;
});

/**
 * The person's selection, or a clear refusal when there is none in the body (or, with `withText`,
 * when it is only a cursor and no text is selected).
 */
export async function requireSelection(host: DocumentHost, options: { withText?: boolean } = {}): Promise<HostSelection> {
  const selection = host.readSelection ? await host.readSelection() : null;
  if (!selection) {
    throw new WorkflowError('no-selection', bilingual('workflow.passages.requireSelection'));
  }
  if (options.withText && !selection.text.trim()) {
    throw new WorkflowError('empty-selection', bilingual('workflow.passages.requireSelection2'));
  }
  return selection;
}

/** Does the selection take in its paragraphs whole (what "replace the selection" replaces)? */
export function coversWholeParagraphs(selection: HostSelection, paragraphs: readonly { text: string }[]): boolean {
  const selected = selection.text.replace(/\n$/, '');
  const whole = paragraphs
    .slice(selection.fromParagraph - 1, selection.toParagraph)
    .map((p) => p.text)
    .join('\n');
  return selected.trim() !== '' && selected === whole;
}

/** The batch a selection use case runs in: the record, and the selection read up front. */
const SELECTION_BATCH = { ...batchOptions(), selection: true };

export interface SelectionPassageInput {
  text: string;
  generation: GenerationData;
}

/** Inserts AI output as a marked passage after the paragraph holding the cursor (the selection's last). */
export function insertAtSelection(host: DocumentHost, context: WorkflowContext, input: SelectionPassageInput): Promise<string> {
  return inBatch(
    host,
    async () => {
      const selection = await requireSelection(host);
      return insertPassage(host, context, { afterParagraph: selection.toParagraph, ...input });
    },
    SELECTION_BATCH,
  );
}

/** Replaces the selected paragraphs with AI output; refuses a selection that takes in part of a paragraph. */
export function replaceSelection(host: DocumentHost, context: WorkflowContext, input: SelectionPassageInput): Promise<string> {
  return inBatch(
    host,
    async () => {
      const selection = await requireSelection(host);
      if (!coversWholeParagraphs(selection, await host.readParagraphs())) {
        throw new WorkflowError('partial-selection', bilingual('workflow.passages.replaceSelection'));
      }
      return replaceWithPassage(host, context, { fromParagraph: selection.fromParagraph, toParagraph: selection.toParagraph, ...input });
    },
    SELECTION_BATCH,
  );
}

export interface DeclarePassageInput {
  fromParagraph: number;
  toParagraph: number;
  /** The outside AI tool the text was pasted from (a chatbot in the browser…). */
  tool: string;
  model?: string;
  purpose: Purpose;
  level: SensitivityLevel;
}

/** Marks existing text (pasted from an outside AI tool) as an AI passage. Returns the passage id. */
export const declarePassage = asOneBatch(async function declarePassage(host: DocumentHost, context: WorkflowContext, input: DeclarePassageInput): Promise<string> {
  const paragraphs = await host.readParagraphs();
  const { fromParagraph: from, toParagraph: to } = input;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < from || to > paragraphs.length) {
    throw new WorkflowError('paragraph-range', bilingual('workflow.passages.declarePassage', { from, to, length: paragraphs.length }));
  }
  const selected = paragraphs.slice(from - 1, to);
  const taken = selected.find((p) => p.passageId);
  if (taken) {
    throw new WorkflowError('already-marked', bilingual('workflow.passages.declarePassage2', { index: taken.index, value: shortId(taken.passageId!) }));
  }
  const text = selected.map((p) => p.text).join('\n');
  if (!text.trim()) {
    throw new WorkflowError('empty-passage', bilingual('workflow.passages.declarePassage3', { from, to }));
  }
  const session = await RecordSession.open(host, context);
  const passageId = globalThis.crypto.randomUUID();
  const { tool, model, purpose, level } = input;
  const data = await passageData(passageId, text, { origin: 'declared', tool, model, purpose, level });
  await session.append('passage-generated', data);
  await host.markPassage({ passageId, fromParagraph: from, toParagraph: to, ...initialLook(session.state, passageId, context) });
  await session.commit();
  return passageId;
});

export interface RefreshResult {
  state: RecordState;
  edited: string[];
  rebound: string[];
  removed: string[];
}

/**
 * Re-reads the marks: a passage whose text changed gets its edit ratio and its claims again (a
 * verification whose claim text changed lapses, in the fold); a passage whose tag was lost (e.g. after
 * LibreOffice 7.4) is bound again by its title and text fingerprint; a passage gone is recorded removed.
 */
export const refresh = asOneBatch(async function refresh(host: DocumentHost, context: WorkflowContext): Promise<RefreshResult> {
  const session = await RecordSession.open(host, context);
  const changes = await reconcile(session);
  return { state: await session.commit(), ...changes };
});

/**
 * Brings the session's record in step with the document (the body of refresh, shared by every use
 * case). With `readOnly`, lost tags are not written back to the document (a check must not modify).
 */
export async function reconcile(session: RecordSession, options: { readOnly?: boolean } = {}): Promise<Omit<RefreshResult, 'state'>> {
  const host = session.host;
  const marks = await host.listPassages();
  const tagged = new Map(marks.filter((m) => m.tag !== null).map((m) => [m.id, m]));
  const untagged = marks.filter((m) => m.tag === null);
  const result: Omit<RefreshResult, 'state'> = { edited: [], rebound: [], removed: [] };

  for (const passage of session.state.passages.filter((p) => !p.removed)) {
    let mark = tagged.get(passage.passageId);
    if (!mark) {
      const candidate = findLostMark(passage, untagged);
      if (candidate) {
        if (!options.readOnly) await host.rebindPassage(passage.passageId, { controlId: candidate.id });
        untagged.splice(untagged.indexOf(candidate), 1);
        await session.append('passage-rebound', { passageId: passage.passageId, how: 'title-fingerprint' });
        result.rebound.push(passage.passageId);
        mark = candidate;
      }
    }
    if (!mark) {
      await session.append('passage-removed', { passageId: passage.passageId });
      result.removed.push(passage.passageId);
      continue;
    }
    if (mark.text !== passage.currentText && (await restoreExtent(session, passage, mark, options.readOnly ?? false))) {
      mark = { ...mark, text: passage.currentText };
    }
    if (mark.text !== passage.currentText) {
      await session.append('passage-edited', await editedPassageData(passage, mark.text, claimsOfText(mark.text)));
      result.edited.push(passage.passageId);
    }
  }
  return result;
}

/**
 * LibreOffice keeps only the first paragraph of a multi-paragraph content control inside it; the
 * other paragraphs stay in the body, unchanged, right after it. When exactly that happened, the mark
 * is stretched back over them, so the passage is bound again whole rather than recorded as cut.
 */
async function restoreExtent(session: RecordSession, passage: PassageState, mark: HostPassage, readOnly: boolean): Promise<boolean> {
  if (!passage.currentText.startsWith(`${mark.text}\n`)) return false;
  const rest = passage.currentText.slice(mark.text.length + 1).split('\n');
  const [from, to] = mark.paragraphRange;
  const following = (await session.host.readParagraphs()).slice(to, to + rest.length);
  const intact = following.length === rest.length && following.every((p, i) => p.text === rest[i] && !p.passageId);
  if (!intact || readOnly) return intact;
  const look = passageLooks(session.state, session.context.lang ?? 'vi').find((l) => l.passageId === passage.passageId)!;
  await session.host.removeMark(passage.passageId);
  await session.host.markPassage({ passageId: passage.passageId, fromParagraph: from, toParagraph: to + rest.length, title: look.title, color: look.color });
  return true;
}

/**
 * A mark whose tag was lost is ours again when its title carries the passage's short id, or (title
 * changed too) when its text still has the passage's fingerprint, original or current.
 */
function findLostMark(passage: PassageState, untagged: HostPassage[]): HostPassage | undefined {
  const sameText = (mark: HostPassage) =>
    fingerprintMatches(passage.fingerprint, mark.text) || mark.text === passage.currentText;
  const byTitle = untagged.filter((m) => m.title.includes(shortId(passage.passageId)));
  if (byTitle.length === 1) return byTitle[0];
  if (byTitle.length > 1) return byTitle.find(sameText);
  const byText = untagged.filter(sameText);
  return byText.length === 1 ? byText[0] : undefined;
}

async function passageData(
  passageId: string,
  text: string,
  rest: Omit<GeneratedPassageInput, 'passageId' | 'originalText' | 'claims'>,
) {
  return generatedPassageData({ passageId, originalText: text, claims: claimsOfText(text), ...dropUndefined(rest) });
}

function initialLook(state: RecordState, passageId: string, context: WorkflowContext) {
  const { title, color } = passageLooks(state, context.lang ?? 'vi').find((look) => look.passageId === passageId)!;
  return { title, color };
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
