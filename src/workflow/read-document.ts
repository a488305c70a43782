/**
 * Reading a document for a person: its status (documentStatus) and its paragraphs, and — when asked
 * (the pane) — the edits, removals and lost tags found since the record last saw them recorded under
 * the person's name first, then the state the record holds after that. Whether edits are recorded
 * on read is decided here, once: only with a name to record them under and an intact record (a
 * tampered or unreadable record is never written to). The CLI's read commands take documentStatus
 * alone, which is this read without recording (a reader changes nothing; `aiprov refresh` records).
 */
import type { DocumentHost, HostParagraph } from '../host/port';
import type { WorkflowContext } from './document';
import { defaultInsertionPoint, type InsertionPoint } from './insertion-point';
import { refresh, type RefreshResult } from './passages';
import { documentStatus, type DocumentStatus, type StatusOptions } from './status';

export interface ReadDocumentOptions extends StatusOptions {
  /** Record the changes found since the record last saw them, under `context.actor` (the pane). */
  recordEdits?: boolean;
  /** Read the person's cursor (hosts with one, e.g. Word) for the default insertion point. */
  cursor?: boolean;
}

export interface DocumentReading {
  status: DocumentStatus;
  paragraphs: HostParagraph[];
  /** Where a new passage goes by default: the cursor (Word) or before the signature block. */
  insertionPoint: InsertionPoint;
  /** Set when this read recorded changes (who edited is the person reading: the pane's user). */
  recorded?: Omit<RefreshResult, 'state'>;
}

/** Whether a read by `actor` records the changes the status found. */
export function editsToRecord(status: DocumentStatus, actor: string): boolean {
  const { edited, rebound, removed } = status.pending;
  return actor.trim() !== '' && status.record.status === 'ok' && edited.length + rebound.length + removed.length > 0;
}

export async function readDocument(host: DocumentHost, context: WorkflowContext, options: ReadDocumentOptions = {}): Promise<DocumentReading> {
  const { recordEdits, cursor, ...statusOptions } = options;
  let status = await documentStatus(host, context, statusOptions);
  let recorded: DocumentReading['recorded'];
  if (recordEdits && editsToRecord(status, context.actor)) {
    const { state: _state, ...changes } = await refresh(host, context);
    recorded = changes;
    status = await documentStatus(host, context, statusOptions);
  }
  const paragraphs = await host.readParagraphs();
  const selection = cursor && host.readSelection ? await host.readSelection() : null;
  return { status, paragraphs, insertionPoint: defaultInsertionPoint(paragraphs, selection), ...(recorded ? { recorded } : {}) };
}
