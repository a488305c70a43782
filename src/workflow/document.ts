// A document's provenance as the use cases see it: the record read from the host (or none yet), its
// derived state and its integrity. Every use case loads it, appends events, and commits: the record
// part, the summary properties and the look of the marks are written together, only after the
// document change they describe succeeded — so no half-written record is ever saved.
import type { Bilingual } from '../checks/types';
import { inBatch, type BatchOptions, type DocumentHost } from '../host/port';
import { DEFAULT_PROFILE_ID, getProfile, type BuiltInProfileId, type Profile } from '../policy';
import {
  RECORD_NAMESPACE,
  RECORD_NAMESPACE_PREFIX,
  appendEvent,
  createRecord,
  decodeAndVerifyRecord,
  encodeRecord,
  foldRecord,
  type AppendInput,
  type ChainAnchor,
  type ChainResult,
  type EventSigner,
  type KnownEventType,
  type TrustedKey,
  type ProvenanceRecord,
  type RecordState,
} from '../provenance';
import { passageLooks } from './looks';
import { summaryProperties } from './summary';
import { missingAnchor, removedRecord } from './tamper';
import { bilingual } from '../i18n';

export const APP_VERSION = '0.1.0';

export interface WorkflowContext {
  /** The person acting (the record names them). */
  actor: string;
  /** The language of titles shown in the document (marks) — the user's language. */
  lang?: 'vi' | 'en';
  profile?: Profile;
  /** Injected clock, for tests and for one timestamp across one action. */
  now?: () => Date;
  /**
   * Issue 11: the person's key, passed in by the caller (the pane's key store, the CLI's key file).
   * Verifications, rejections, the disclosure and the sign-off are signed with it.
   */
  signer?: EventSigner;
  /** Issue 11: the organisation's trust list, to tell trusted signatures apart. */
  trustedKeys?: readonly TrustedKey[];
}

export type RecordProblemCode = 'malformed' | 'newer-version' | 'wrong-namespace' | 'tampered';

/** A record that exists but must not be touched (newer version, damaged, or altered). */
export class RecordUnusableError extends Error {
  constructor(
    readonly code: RecordProblemCode,
    readonly bilingual: Bilingual,
  ) {
    super(bilingual.en);
    this.name = 'RecordUnusableError';
  }
}

/** A use case refused with reasons the user can act on (not ready to sign, unknown claim…). */
export class WorkflowError extends Error {
  constructor(
    readonly code: string,
    readonly bilingual: Bilingual,
    readonly reasons: Bilingual[] = [],
  ) {
    super(bilingual.en);
    this.name = 'WorkflowError';
  }
}

export type LoadedRecord =
  | { status: 'none' }
  | { status: 'ok'; record: ProvenanceRecord; state: RecordState; chain: ChainResult; anchor?: ChainAnchor }
  | { status: 'unusable'; code: RecordProblemCode; message: Bilingual };

/** Reads and checks the record; never throws for a bad record, it reports it. */
export async function loadRecord(host: DocumentHost): Promise<LoadedRecord> {
  const xml = await host.readRecord(RECORD_NAMESPACE_PREFIX);
  if (xml === null) {
    const removed = await removedRecord(host);
    return removed ? { status: 'unusable', code: 'tampered', message: removed } : { status: 'none' };
  }
  const decoded = await decodeAndVerifyRecord(xml);
  if (!decoded.ok) return { status: 'unusable', code: decoded.code, message: decoded.message };
  const verified = decoded.chain;
  const anchorGone = verified.ok ? missingAnchor(decoded.record, decoded.anchor) : undefined;
  const chain: ChainResult = anchorGone ? { ok: false, brokenAt: decoded.record.events.length, reason: anchorGone } : verified;
  return { status: 'ok', record: decoded.record, state: foldRecord(decoded.record), chain, ...(decoded.anchor ? { anchor: decoded.anchor } : {}) };
}

/**
 * What a use case reads up front when it runs as one batch: the record, and every text story when
 * it will scan them (`withText`, for the document's level).
 */
export function batchOptions(withText = false): BatchOptions {
  return { record: RECORD_NAMESPACE_PREFIX, ...(withText ? { withText } : {}) };
}

/**
 * The use case run as one unit against the document (`DocumentHost.batch`): on Word, one Word.run
 * of at most 3 round trips however many passages it reads or marks; elsewhere, just the use case.
 */
export function asOneBatch<A extends unknown[], R>(
  useCase: (host: DocumentHost, ...args: A) => Promise<R>,
  withText = false,
): (host: DocumentHost, ...args: A) => Promise<R> {
  return (host, ...args) => inBatch(host, () => useCase(host, ...args), batchOptions(withText));
}

export function profileOf(context: WorkflowContext, record?: ProvenanceRecord | RecordState): Profile {
  if (context.profile) return context.profile;
  const id = record && 'profileId' in record ? record.profileId : undefined;
  try {
    return getProfile((id ?? DEFAULT_PROFILE_ID) as BuiltInProfileId);
  } catch {
    return getProfile(DEFAULT_PROFILE_ID);
  }
}

/** A record the use case may append to: the existing intact one, or a new one. */
export class RecordSession {
  /** Events appended since the record was read (or created), not yet written. */
  private unwritten = 0;

  private constructor(
    readonly host: DocumentHost,
    readonly context: WorkflowContext,
    private record: ProvenanceRecord,
  ) {}

  static async open(host: DocumentHost, context: WorkflowContext): Promise<RecordSession> {
    return RecordSession.fromLoaded(host, context, await loadRecord(host));
  }

  /** A session over a record the caller has already read (so it is not decoded and checked twice). */
  static async fromLoaded(host: DocumentHost, context: WorkflowContext, loaded: LoadedRecord): Promise<RecordSession> {
    if (loaded.status === 'unusable') throw new RecordUnusableError(loaded.code, loaded.message);
    if (loaded.status === 'ok') {
      if (!loaded.chain.ok) throw new RecordUnusableError('tampered', tamperedMessage(loaded.chain.reason));
      return new RecordSession(host, context, loaded.record);
    }
    const profileId = context.profile?.id ?? DEFAULT_PROFILE_ID;
    const record = await createRecord({ profileId, appVersion: APP_VERSION, actor: context.actor, at: now(context) });
    return new RecordSession(host, context, record);
  }

  get state(): RecordState {
    return foldRecord(this.record);
  }

  /** The record with the events appended so far (written or not). */
  get currentRecord(): ProvenanceRecord {
    return this.record;
  }

  /** Queues an event; nothing is written until commit(). */
  async append<K extends KnownEventType>(type: K, data: AppendInput<K>['data']): Promise<void> {
    // Appending validates the event at once, so a bad event fails before the document is touched.
    this.record = await appendEvent(this.record, { type, data, actor: this.context.actor, at: now(this.context), signer: this.context.signer } as AppendInput<K>);
    this.unwritten++;
  }

  /** Writes the record, the summary properties and the marks' titles and colours. */
  async commit(): Promise<RecordState> {
    const state = this.state;
    if (this.unwritten === 0) return state;
    const host = this.host;
    await host.writeRecord(RECORD_NAMESPACE, encodeRecord(this.record));
    await host.writeProperties(summaryProperties(state, true));
    const wanted = passageLooks(state, this.context.lang ?? 'vi');
    const present = new Map((await host.listPassages()).filter((p) => p.tag).map((p) => [p.id, p]));
    for (const look of wanted) {
      const mark = present.get(look.passageId);
      if (!mark) continue;
      if (mark.title !== look.title || (mark.color ?? '').toUpperCase() !== look.color.replace('#', '')) {
        await host.updatePassage({ passageId: look.passageId, title: look.title, color: look.color });
      }
    }
    this.unwritten = 0;
    return state;
  }
}

export function now(context: WorkflowContext): string {
  return (context.now?.() ?? new Date()).toISOString();
}

function tamperedMessage(reason: Bilingual): Bilingual {
  return bilingual('workflow.document.tamperedMessage', { reason });
}
