// What a reviewer or signer needs to know about a document, read without changing it: the record's
// integrity, the state brought in step with the current text (in memory), readiness and the level.
import { scanParts } from '../checks';
import type { Bilingual, LevelSuggestion, SensitivityLevel } from '../checks/types';
import { inBatch, segmentLabel, type DocumentHost } from '../host/port';
import type { ProvenanceRecord, RecordState } from '../provenance';
import { possibleSecretsIn, secrecyStampsIn, type PossibleSecret } from '../policy';
import { RecordSession, WorkflowError, asOneBatch, batchOptions, loadRecord, profileOf, type RecordProblemCode, type WorkflowContext } from './document';
import { reconcile } from './passages';
import { readinessOf, type Readiness } from './signoff';

export const LEVEL_PROPERTY = 'AIProvenanceLevel';

export interface DocumentLevel {
  /** From stamps, marks, personal data and topics in every part of the document. */
  detected: LevelSuggestion;
  /** Declared by a person (the record, or the custom property). */
  declared?: SensitivityLevel;
  /** The stricter of both. */
  effective: SensitivityLevel;
  /**
   * Text that may be a secrecy stamp (lower/mixed case alone on a line), with its place. While it is
   * not empty and nothing is declared, no request leaves (decide → `possibly-secret`).
   */
  possiblySecret: PossibleSecret[];
  /** Certain secrecy stamps, with their place. */
  secrecyStamps: PossibleSecret[];
}

export interface DocumentStatus {
  record:
    | { status: 'none' }
    | { status: 'ok'; intact: true }
    | { status: 'tampered'; message: Bilingual }
    | { status: 'unusable'; code: RecordProblemCode; message: Bilingual };
  /** The record as stored in the document, when it could be read (tampered included). */
  storedRecord?: ProvenanceRecord;
  /** Present when the record could be read (tampered records are still folded, to show what they say). */
  state?: RecordState;
  /** Passages whose text changed, was re-bound or removed since the record last saw them. */
  pending: { edited: string[]; rebound: string[]; removed: string[] };
  readiness: Readiness;
  /** Left out when asked (`level: false`): scanning every part is the costliest read of a long document. */
  level?: DocumentLevel;
}

export interface StatusOptions {
  /** Detect the document's level too (default true). The signer's gate does not need it. */
  level?: boolean;
}

export async function documentLevel(host: DocumentHost, declaredInRecord?: SensitivityLevel): Promise<DocumentLevel> {
  const segments = await host.readAllText();
  const scanned = scanParts(segments.map((segment) => ({ part: segmentLabel(segment), text: segment.text })));
  const detected = scanned.level;
  const possiblySecret = scanned.findings.flatMap((f) => possibleSecretsIn([f], f.part));
  const property = Number((await host.readProperties())[LEVEL_PROPERTY]);
  const fromProperty = [1, 2, 3, 4].includes(property) ? (property as SensitivityLevel) : undefined;
  const declared = Math.max(declaredInRecord ?? 0, fromProperty ?? 0) as SensitivityLevel | 0;
  return {
    detected,
    possiblySecret,
    secrecyStamps: scanned.findings.flatMap((f) => secrecyStampsIn([f], f.part)),
    ...(declared ? { declared } : {}),
    effective: Math.max(detected.level, declared) as SensitivityLevel,
  };
}

export async function documentStatus(host: DocumentHost, context: WorkflowContext, options: StatusOptions = {}): Promise<DocumentStatus> {
  return inBatch(host, () => statusOf(host, context, options), batchOptions(options.level !== false));
}

async function statusOf(host: DocumentHost, context: WorkflowContext, options: StatusOptions): Promise<DocumentStatus> {
  const levelOf = async (declared?: SensitivityLevel) => (options.level === false ? {} : { level: await documentLevel(host, declared) });
  const loaded = await loadRecord(host);
  const pending = { edited: [] as string[], rebound: [] as string[], removed: [] as string[] };
  if (loaded.status === 'unusable') {
    return {
      record: { status: 'unusable', code: loaded.code, message: loaded.message },
      pending,
      readiness: readinessOf(undefined, false, profileOf(context)),
      ...(await levelOf()),
    };
  }
  if (loaded.status === 'ok' && !loaded.chain.ok) {
    return {
      record: { status: 'tampered', message: loaded.chain.reason },
      storedRecord: loaded.record,
      state: loaded.state,
      pending,
      readiness: readinessOf(loaded.state, false, profileOf(context, loaded.state)),
      ...(await levelOf(loaded.state.declaredLevel?.level)),
    };
  }
  if (loaded.status === 'none') {
    return { record: { status: 'none' }, pending, readiness: readinessOf(undefined, true, profileOf(context)), ...(await levelOf()) };
  }
  const session = await RecordSession.fromLoaded(host, context, loaded);
  const changes = await reconcile(session, { readOnly: true });
  const state = session.state;
  return {
    record: { status: 'ok', intact: true },
    storedRecord: loaded.record,
    state,
    pending: changes,
    readiness: readinessOf(state, true, profileOf(context, state)),
    ...(await levelOf(state.declaredLevel?.level)),
  };
}

/**
 * Records the level a person declares for the document (QC-PB Điều 8) in the record and in the
 * custom property, so every later check, the pane and a reader without the add-in see it. The
 * detected level still applies when it is stricter.
 */
export const declareLevel = asOneBatch(async function declareLevel(host: DocumentHost, context: WorkflowContext, level: SensitivityLevel): Promise<DocumentLevel> {
  if (![1, 2, 3, 4].includes(level)) {
    throw new WorkflowError('invalid-level', { vi: `Mức độ ${level} không có (chỉ có 1 đến 4).`, en: `There is no level ${level} (only 1 to 4).` });
  }
  const session = await RecordSession.open(host, context);
  await session.append('level-declared', { level });
  await session.commit();
  await host.writeProperties({ [LEVEL_PROPERTY]: String(level) });
  return documentLevel(host, level);
}, true);
