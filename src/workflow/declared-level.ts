/**
 * Issue 13/16: a level a person declares while drafting (the pane's step 3, `aiprov draft --level`)
 * is saved in the document through declareLevel — who, when, which level — so reopening the document,
 * `aiprov inspect` and every later check see it. Decided here once for every face: a level is
 * recorded only when it is stricter than the one the record already holds (it is never lowered, and
 * the same level is not recorded twice).
 */
import type { SensitivityLevel } from '../checks/types';
import { inBatch, type DocumentHost } from '../host/port';
import { batchOptions, loadRecord, type WorkflowContext } from './document';
import { recordedLevel } from './level';
import { insertPassage, insertAtSelection, replaceSelection, type GenerationData } from './passages';
import { declareLevel } from './status';

/** Records `level` as declared unless the record already holds it or a stricter one; returns it when recorded. */
export async function recordDeclaredLevel(host: DocumentHost, context: WorkflowContext, level: SensitivityLevel | undefined): Promise<SensitivityLevel | undefined> {
  if (level === undefined) return undefined;
  const loaded = await loadRecord(host);
  const before = loaded.status === 'ok' ? recordedLevel(loaded.state).declared : undefined;
  if (before !== undefined && before >= level) return undefined;
  await declareLevel(host, context, level);
  return level;
}

/** Where the pane puts a draft: after a paragraph, after the cursor's paragraph, or over the selected paragraphs. */
export type DraftPlacement = { afterParagraph: number } | 'at-selection' | 'replace-selection';

export interface InsertDraftInput {
  at: DraftPlacement;
  text: string;
  generation: GenerationData;
  /** The level the person declared for this draft (step 3), recorded with it. */
  declaredLevel?: SensitivityLevel;
}

/** Inserts a draft the person accepted as a marked passage, and records the level they declared for it. */
export function insertDraft(host: DocumentHost, context: WorkflowContext, input: InsertDraftInput): Promise<string> {
  const { at, text, generation } = input;
  return inBatch(
    host,
    async () => {
      const passageId =
        at === 'at-selection'
          ? await insertAtSelection(host, context, { text, generation })
          : at === 'replace-selection'
            ? await replaceSelection(host, context, { text, generation })
            : await insertPassage(host, context, { afterParagraph: at.afterParagraph, text, generation });
      await recordDeclaredLevel(host, context, input.declaredLevel);
      return passageId;
    },
    // declareLevel reads the level back (every text story): fetched up front when a level is recorded.
    { ...batchOptions(input.declaredLevel !== undefined), ...(typeof at === 'object' ? {} : { selection: true }) },
  );
}
