/**
 * The pane's view of the document, always obtained through the workflow: the status (record
 * integrity, passages, claims, readiness, level), the record's events, and the paragraphs (for
 * "insert after" and "declare" pickers). Actions go through `run`, which serialises them (one
 * document operation at a time), reports errors bilingually and reloads the state afterwards.
 *
 * One click is one batch (`inBatch`): on Word the action and the re-read after it share one
 * Word.run of at most 3 round trips, however many passages the document holds.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { inBatch, type DocumentHost, type HostParagraph } from '../host/port';
import type { ProvenanceRecord } from '../provenance';
import { batchOptions, readDocument, type DocumentStatus, type InsertionPoint, type WorkflowContext } from '../workflow';
import { paneMessage, type PaneMessage } from './errors';
import type { PaneServices } from './services';

export interface DocumentSnapshot {
  status: DocumentStatus;
  /** The record's events (null when the document has none or it cannot be read). */
  record: ProvenanceRecord | null;
  paragraphs: HostParagraph[];
  /** Where a new passage goes by default (workflow: the cursor in Word, else before the signature block). */
  insertionPoint: InsertionPoint;
}

export interface DocumentState {
  snapshot: DocumentSnapshot | null;
  busy: boolean;
  error: PaneMessage | null;
  clearError: () => void;
  /** Brings the record in step with the document (when a name is set) and re-reads everything. */
  reload: () => Promise<void>;
  /**
   * Runs a use case; returns its result, or undefined when it failed (the error is shown). With
   * `selection`, the batch reads the person's selection up front (for use cases that ask for it).
   */
  run: <T>(action: (context: WorkflowContext) => Promise<T>, options?: { selection?: boolean }) => Promise<T | undefined>;
  /**
   * Runs a host call that changes nothing the pane shows (read the selection, select a passage):
   * one at a time with the actions, errors shown, no re-read. Undefined when it failed.
   */
  call: <T>(work: (host: DocumentHost) => Promise<T>) => Promise<T | undefined>;
}

/**
 * The pane's reads scan every text story (for the document's level) and the record, and take the
 * cursor (the default insertion point in Word) in the same round trips.
 */
export const PANE_READS = { ...batchOptions(true), selection: true };

/**
 * Everything the pane shows, read through the workflow (inside the caller's batch, if any). The
 * workflow's readDocument records the person's edits since the record last saw them (when a name is
 * set and the record is intact) and returns the state the record then holds.
 */
export async function readPaneSnapshot(host: DocumentHost, ctx: WorkflowContext): Promise<DocumentSnapshot> {
  // issue 11 — signatures: readiness as it stands for this person signing (their key, the trust list).
  const { status, paragraphs, insertionPoint } = await readDocument(host, ctx, { asSigner: true, recordEdits: true, cursor: true });
  return { status, record: status.storedRecord ?? null, paragraphs, insertionPoint };
}

export function useDocumentState(services: PaneServices, context: WorkflowContext): DocumentState {
  const { host } = services;
  const [snapshot, setSnapshot] = useState<DocumentSnapshot | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PaneMessage | null>(null);
  const contextRef = useRef(context);
  contextRef.current = context;
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const enqueue = useCallback(<T,>(work: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(work, work);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const collect = useCallback((): Promise<DocumentSnapshot> => readPaneSnapshot(host, contextRef.current), [host]);

  const read = useCallback(async (): Promise<void> => {
    const next = await inBatch(host, collect, PANE_READS);
    if (mounted.current) setSnapshot(next);
  }, [host, collect]);

  const reload = useCallback(
    () =>
      enqueue(async () => {
        try {
          await read();
        } catch (e) {
          if (mounted.current) setError(paneMessage(e));
        }
      }),
    [enqueue, read],
  );

  const run = useCallback(
    <T,>(action: (ctx: WorkflowContext) => Promise<T>, options: { selection?: boolean } = {}): Promise<T | undefined> =>
      enqueue(async () => {
        const reads = options.selection ? { ...PANE_READS, selection: true } : PANE_READS;
        setBusy(true);
        setError(null);
        let result: T | undefined;
        let actionFailed = false;
        let next: DocumentSnapshot | undefined;
        let readError: unknown;
        try {
          await inBatch(
            host,
            async () => {
              try {
                result = await action(contextRef.current);
              } catch (e) {
                actionFailed = true;
                if (mounted.current) setError(paneMessage(e));
              }
              try {
                next = await collect();
              } catch (e) {
                readError = e;
              }
            },
            reads,
          );
        } catch (e) {
          // Word refused the writes sent at the end of the batch: the action did not take effect,
          // and what was read inside assumed it had. Show why, and read the document as it is.
          result = undefined;
          next = undefined;
          if (!actionFailed && mounted.current) setError(paneMessage(e));
          try {
            next = await inBatch(host, collect, PANE_READS);
            readError = undefined;
          } catch (again) {
            readError = again;
          }
        }
        if (next && mounted.current) setSnapshot(next);
        if (readError !== undefined && mounted.current) setError((current) => current ?? paneMessage(readError));
        if (mounted.current) setBusy(false);
        return result;
      }),
    [enqueue, host, collect],
  );

  // First read, and again whenever the pane gets focus (the person may have edited the document).
  useEffect(() => {
    void reload();
    const onFocus = (): void => void reload();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [reload]);

  const call = useCallback(
    <T,>(work: (host: DocumentHost) => Promise<T>): Promise<T | undefined> =>
      enqueue(async () => {
        setError(null);
        try {
          return await work(host);
        } catch (e) {
          if (mounted.current) setError(paneMessage(e));
          return undefined;
        }
      }),
    [enqueue, host],
  );

  const clearError = useCallback(() => setError(null), []);
  return { snapshot, busy, error, clearError, reload, run, call };
}
