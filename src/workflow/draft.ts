// Drafting with AI under the rules: gate → redact → stream → restore → ground → (insert).
// The policy decision is made here, in code, before any byte leaves the machine (QC-PB Điều 8;
// KAI-CB Điều 7): a refusal makes no network request at all. When the decision asks for redaction,
// only placeholders are sent and the real values are put back into the answer on this machine.
// Every figure and citation of the answer is then checked against the sources the user gave
// (QC-PB 4.2, 10.1), and nothing is inserted or recorded unless every step succeeded.
import { scanText, setAsideTopics } from '../checks';
import type { Bilingual, Finding, SensitivityLevel } from '../checks/types';
import {
  AiError,
  buildMessages,
  groundAnswer,
  redactParts,
  scrub,
  streamChat,
  type DraftKind,
  type GroundingResult,
} from '../ai';
import type { DocumentHost } from '../host/port';
import { bilingual, translate } from '../i18n';
import { decide, isPurposeId, possibleSecretsIn, secrecyStampsIn, type Decision, type PossibleSecret, type Profile, type ProviderConfig, type Reason } from '../policy';
import { SECRET_PATTERNS, findSecretLike, sha256Hex, type PositionedGrounding, type ProviderInfo, type SourceInfo } from '../provenance';
import { leftoverPlaceholders } from '../ai/redact';
import { sourceText } from './source-text';
import { loadRecord, RecordUnusableError, WorkflowError, type WorkflowContext } from './document';
import { claimsOfText, insertPassage, type GenerationData } from './passages';
import { documentLevel, recordedLevel, topicsSetAsideIn } from './level';
import { recordDeclaredLevel } from './declared-level';

export interface DraftSource {
  /** Shown to the model as the source's title and kept in the record (file name, not a path). */
  name: string;
  text: string;
}

export interface DraftStatus {
  /** `sending`: the decision allowed the call and the request is about to leave the machine. */
  phase: 'sending';
  provider: ProviderInfo;
  model: string;
  decision: Decision;
  redactionCounts: Record<string, number>;
}

export interface GenerateDraftOptions {
  /** A purpose id; a forbidden or unknown purpose is refused by the policy. */
  purpose: string;
  /** The user's request, as typed. */
  instruction: string;
  sources?: readonly DraftSource[];
  /** The selected text to summarise, translate, proofread or analyse. */
  input?: string;
  /**
   * The open document as context (workflow/document-context.ts). Scanned, gated and redacted like
   * everything else sent; its level counts, so a level-4 context sends nothing.
   */
  context?: string;
  provider: ProviderConfig;
  /** Kept in memory for this call only; never in results, errors or the record. */
  apiKey?: string;
  profile: Profile;
  /**
   * `detected` is the document's level when drafting into a document; the texts to be sent are
   * scanned as well, and the stricter of everything wins.
   */
  level?: {
    declared?: SensitivityLevel;
    detected?: SensitivityLevel;
    possiblySecret?: readonly PossibleSecret[];
    secrecyStamps?: readonly PossibleSecret[];
    /**
     * issue 9 — level: topics the person set aside for the document (it is published). They no
     * longer raise the level of the instruction and the input (text of this document); sources are
     * other documents and keep their topic suggestions.
     */
    topicsSetAside?: readonly string[];
  };
  /** The user has read the warnings of a `confirm` decision and goes ahead. */
  acknowledgeWarnings?: boolean;
  signal?: AbortSignal;
  /** Text as it arrives, with real values already restored in place of placeholders. */
  onToken?: (token: string, textSoFar: string) => void;
  /** Called once the request is about to be sent (never on a refusal). */
  onStatus?: (status: DraftStatus) => void;
  fetch?: typeof fetch;
  now?: () => Date;
  timeoutMs?: number;
  idleTimeoutMs?: number;
  draftKind?: DraftKind;
  targetLanguage?: 'vi' | 'en';
}

export interface DraftGrounding extends GroundingResult {
  /** Names of the texts the claims were checked against; `match.sourceIndex` indexes this list. */
  sourceNames: string[];
  /** issue 10 — evidence: SHA-256 of each of those texts (kept in the record with each claim's result). */
  sourceHashes: string[];
}

export interface DraftResult {
  /** The answer with real values restored. */
  text: string;
  grounding: DraftGrounding;
  decision: Decision;
  /** Distinct values replaced per personal-data kind (counts only, never values). */
  redactionCounts: Record<string, number>;
  provider: ProviderInfo;
  model: string;
  finishReason: string;
  /** The instruction exactly as it left the machine (placeholders when redacted; no key). */
  sentInstruction: string;
  timings: { startedAt: string; firstTokenMs: number | null; totalMs: number };
  sources: SourceInfo[];
  level: SensitivityLevel;
  /**
   * Placeholder-shaped tokens still in `text` (echoed or invented by the model). Never inserted
   * silently: insertPassage refuses such text; remove them (removePlaceholders) or ask the person.
   */
  leftoverPlaceholders: string[];
}

/** The policy refused: no request was made. Reasons carry the articles, in both languages. */
export class DraftRefusedError extends WorkflowError {
  constructor(readonly decision: Decision) {
    super(
      'draft-refused',
      bilingual('draft.refused'),
      reasonLines(decision.reasons.filter((r) => r.severity === 'deny')),
    );
    this.name = 'DraftRefusedError';
  }
}

/** The policy warns and asks the user to confirm before anything is sent. */
export class DraftNeedsConfirmationError extends WorkflowError {
  constructor(readonly decision: Decision) {
    super(
      'draft-needs-confirmation',
      bilingual('draft.needsConfirmation'),
      reasonLines(decision.reasons.filter((r) => r.severity === 'warn')),
    );
    this.name = 'DraftNeedsConfirmationError';
  }
}

/** A draft that cannot go ahead for a reason other than the rules (no key, unusable answer…). */
export class DraftError extends WorkflowError {
  constructor(
    code: 'missing-api-key' | 'redaction-incomplete' | 'empty-answer' | 'paragraph-range' | 'secret-in-request' | 'placeholder-leftover',
    bilingual: Bilingual,
  ) {
    super(code, bilingual);
    this.name = 'DraftError';
  }
}

function reasonLines(reasons: readonly Reason[]): Bilingual[] {
  return reasons.map((r) => (bilingual('workflow.draft.reasonLines', { message: r.message, article: r.article })));
}

const maxLevel = (...levels: (SensitivityLevel | undefined)[]): SensitivityLevel =>
  Math.max(1, ...levels.filter((l): l is SensitivityLevel => l !== undefined)) as SensitivityLevel;

export function endpointHostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host || baseUrl;
  } catch {
    return baseUrl;
  }
}

export function providerInfo(provider: ProviderConfig): ProviderInfo {
  return { id: provider.id, name: provider.name, tier: provider.tier, endpointHost: endpointHostOf(provider.baseUrl) };
}

interface ScannedPart {
  text: string;
  findings: Finding[];
  level: SensitivityLevel;
}

function scanPart(text: string, topicsSetAside: readonly string[] = []): ScannedPart {
  const { findings, level } = scanText(text);
  return { text, findings, level: setAsideTopics(level, topicsSetAside).level };
}

/** Generates a draft under the policy. Throws DraftRefusedError (no request made), AiError, DraftError. */
export async function generateDraft(options: GenerateDraftOptions): Promise<DraftResult> {
  const { provider, profile } = options;
  // Sources and the input are read as the document is: one line-ending form, markup taken off.
  const sources = (options.sources ?? []).map((s) => ({ name: s.name, text: sourceText(s.text) }));
  const input = options.input !== undefined && options.input.trim() !== '' ? sourceText(options.input) : undefined;
  const context = options.context !== undefined && options.context.trim() !== '' ? sourceText(options.context) : undefined;
  refuseSecrets(options.instruction, input, sources, options.apiKey, context);

  // 1. Everything that would leave the machine, scanned part by part: instruction, input, context, source names, source texts.
  // The topics a person set aside (the document confirmed published) apply to the document's own text:
  // the instruction, the input taken from it and its context; sources keep theirs.
  const setAside = options.level?.topicsSetAside ?? [];
  const instruction = scanPart(options.instruction, setAside);
  const inputPart = input !== undefined ? scanPart(input, setAside) : undefined;
  const contextPart = context !== undefined ? scanPart(context, setAside) : undefined;
  const names = sources.map((s) => scanPart(s.name));
  const texts = sources.map((s) => scanPart(s.text));
  const parts = [instruction, ...(inputPart ? [inputPart] : []), ...(contextPart ? [contextPart] : []), ...names, ...texts];

  // 2. The decision, before anything else: the stricter of the document's level and the texts' level.
  const decision = decide({
    level: {
      ...(options.level?.declared !== undefined ? { declared: options.level.declared } : {}),
      detected: maxLevel(options.level?.detected, ...parts.map((p) => p.level)),
    },
    providerTier: provider.tier,
    findings: parts.flatMap((p) => p.findings),
    purpose: options.purpose,
    profile,
    text: parts.map((p) => p.text).join('\n\n'),
    // Possible stamps of the document and of each source, named by place (sources go through the same gate).
    secrecyStamps: [
      ...(options.level?.secrecyStamps ?? []),
      ...(contextPart ? secrecyStampsIn(contextPart.findings, CONTEXT_NAME.vi) : []),
      ...sources.flatMap((s, i) => secrecyStampsIn(texts[i]!.findings, s.name)),
    ],
    possiblySecret: [
      ...(options.level?.possiblySecret ?? []),
      ...(contextPart ? possibleSecretsIn(contextPart.findings, CONTEXT_NAME.vi) : []),
      ...sources.flatMap((s, i) => possibleSecretsIn(texts[i]!.findings, s.name)),
    ],
  });
  if (decision.outcome === 'deny') throw new DraftRefusedError(decision);
  if (decision.confirm && !options.acknowledgeWarnings) throw new DraftNeedsConfirmationError(decision);
  const purpose = options.purpose;
  // decide() refuses any purpose that is not offered, so this only narrows the type.
  if (!isPurposeId(purpose)) throw new DraftRefusedError(decision);

  if (provider.apiKeyRequired && !options.apiKey) {
    throw new DraftError('missing-api-key', bilingual('draft.missingApiKey', { provider: provider.name }));
  }

  // 3. Pseudonymise what the decision names; the mapping stays in this closure.
  const redactKinds = decision.outcome === 'allow-after-redaction' ? decision.redact?.kinds ?? [] : undefined;
  const redaction = redactKinds ? redactParts(parts, { kinds: redactKinds }) : undefined;
  const outgoing = redaction ? redaction.texts : parts.map((p) => p.text);
  const redactionCounts = redaction?.counts ?? {};
  if (redactKinds) assertNothingLeaks(parts, redactKinds, outgoing);

  let cursor = 0;
  const sentInstruction = outgoing[cursor++]!;
  const sentInput = inputPart ? outgoing[cursor++] : undefined;
  const sentContext = contextPart ? outgoing[cursor++] : undefined;
  const sentNames = sources.map(() => outgoing[cursor++]!);
  const sentTexts = sources.map(() => outgoing[cursor++]!);

  const messages = buildMessages({
    purpose,
    instruction: sentInstruction,
    sources: sentTexts.map((text, i) => ({ title: sentNames[i]!, text })),
    ...(sentInput !== undefined ? { input: sentInput } : {}),
    ...(sentContext !== undefined ? { context: sentContext } : {}),
    ...(options.draftKind ? { draftKind: options.draftKind } : {}),
    ...(options.targetLanguage ? { targetLanguage: options.targetLanguage } : {}),
  });

  // 4. Stream; tokens are shown with real values, never a half-restored placeholder.
  const info = providerInfo(provider);
  options.onStatus?.({ phase: 'sending', provider: info, model: provider.model, decision, redactionCounts });
  const startedAt = (options.now?.() ?? new Date()).toISOString();
  const restore = redaction?.restore ?? ((text: string) => text);
  const relay = options.onToken ? tokenRelay(restore, options.onToken, Object.keys(redactionCounts).length > 0) : undefined;
  const chat = await streamChat({
    provider,
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    messages,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.idleTimeoutMs !== undefined ? { idleTimeoutMs: options.idleTimeoutMs } : {}),
    ...(relay ? { onToken: (_token: string, soFar: string) => relay.push(soFar) } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const text = restore(chat.text).trim();
  relay?.finish(chat.text);
  const leftovers = leftoverPlaceholders(text);
  if (options.signal?.aborted) throw new AiError('cancelled', { provider: info.name, model: provider.model });
  if (text === '') {
    throw new DraftError('empty-answer', bilingual('draft.emptyAnswer', { provider: provider.name }));
  }

  // 5. Ground every figure and citation against the original texts (not the placeholders).
  // The open document given as context counts too: a figure taken from it is found there.
  const groundingTexts = [...sources.map((s) => s.text), ...(input !== undefined ? [input] : []), ...(context !== undefined ? [context] : [])];
  const sourceNames = [...sources.map((s) => s.name), ...(input !== undefined ? [INPUT_NAME.vi] : []), ...(context !== undefined ? [CONTEXT_NAME.vi] : [])];
  const grounding = groundAnswer({
    answer: text,
    sources: groundingTexts,
    sourceFindings: [...texts, ...(inputPart ? [inputPart] : []), ...(contextPart ? [contextPart] : [])].map((p) => p.findings),
  });

  const sourceHashes = await Promise.all(groundingTexts.map((t) => sha256Hex(t)));
  return {
    text,
    grounding: { ...grounding, sourceNames, sourceHashes },
    decision,
    redactionCounts,
    provider: info,
    model: chat.model,
    finishReason: chat.finishReason,
    sentInstruction: scrub(sentInstruction, [options.apiKey]),
    timings: { startedAt, firstTokenMs: chat.timings.firstTokenMs, totalMs: chat.timings.totalMs },
    sources: await Promise.all(sources.map(async (s) => ({ name: s.name.slice(0, 500) || '?', sha256: await sha256Hex(s.text), chars: s.text.length }))),
    level: decision.effectiveLevel,
    leftoverPlaceholders: leftovers,
  };
}

/**
 * Key-shaped strings never leave the machine (the record already refuses to store them): the
 * request, the input and the sources are checked before the decision, and nothing is sent.
 */
function refuseSecrets(instruction: string, input: string | undefined, sources: readonly DraftSource[], apiKey?: string, context?: string): void {
  const where: [string, string][] = [
    ['prompt', instruction],
    ...(input !== undefined ? ([['input', input]] as [string, string][]) : []),
    ...(context !== undefined ? ([['context', context]] as [string, string][]) : []),
    ...sources.flatMap((s, i): [string, string][] => [[`sources[${i}].name`, s.name], [`sources[${i}]`, s.text]]),
  ];
  for (const [path, text] of where) {
    const hit = findSecretLike(text, path) ?? (apiKey && apiKey.length >= 8 && text.includes(apiKey) ? { path, kind: 'API key' } : undefined);
    if (!hit) continue;
    const part =
      hit.path === 'prompt' ? bilingual('draft.partPrompt') : hit.path === 'input' ? bilingual('draft.partInput') : hit.path === 'context' ? bilingual('draft.partContext') : bilingual('draft.partSource', { path: hit.path });
    throw new DraftError('secret-in-request', {
      vi: translate('vi', 'draft.secretInRequest', { part: part.vi, kind: hit.kind }),
      en: translate('en', 'draft.secretInRequest', { part: part.en, kind: hit.kind }),
    });
  }
}

/** How the selected text is named among the grounding sources. */
export const INPUT_NAME: Bilingual = bilingual('draft.partInput');
/** How the open document given as context is named (grounding sources, stamps found in it). */
export const CONTEXT_NAME: Bilingual = bilingual('draft.partContext');

/**
 * Fails closed: if a value the decision said must be replaced is still in what would be sent (the
 * checks found it but the replacement missed it), nothing is sent.
 */
function assertNothingLeaks(parts: readonly ScannedPart[], kinds: readonly string[], outgoing: readonly string[]): void {
  const wanted = new Set(kinds);
  const values = new Set(parts.flatMap((p) => p.findings).filter((f) => f.kind === 'personal-data' && wanted.has(f.subtype)).map((f) => f.text));
  const all = outgoing.join('\n');
  if ([...values].some((v) => v.trim() !== '' && all.includes(v))) {
    throw new DraftError('redaction-incomplete', bilingual('draft.redactionIncomplete'));
  }
}

/**
 * Relays streamed text with placeholders restored. A placeholder may arrive split over several
 * tokens, so while values were replaced, text is released only up to the last whitespace outside
 * an open bracket.
 */
function tokenRelay(restore: (text: string) => string, onToken: (token: string, textSoFar: string) => void, holdBack: boolean) {
  let released = '';
  const emit = (restored: string) => {
    if (restored.length <= released.length || !restored.startsWith(released)) return;
    const token = restored.slice(released.length);
    released = restored;
    onToken(token, released);
  };
  return {
    push(rawSoFar: string) {
      if (!holdBack) return emit(rawSoFar);
      let safe = Math.max(rawSoFar.lastIndexOf(' '), rawSoFar.lastIndexOf('\n'));
      const open = rawSoFar.lastIndexOf('[');
      if (open > rawSoFar.lastIndexOf(']') && open < safe) safe = open;
      if (safe <= 0) return;
      emit(restore(rawSoFar.slice(0, safe)));
    },
    finish(rawText: string) {
      emit(restore(rawText));
    },
  };
}

export interface DraftIntoDocumentOptions extends GenerateDraftOptions {
  /** 0 = at the start of the body. */
  afterParagraph: number;
}

export interface DraftIntoDocumentResult {
  passageId: string;
  draft: DraftResult;
  /** Figures and citations in the passage: each needs a person's tick, grounded or not. */
  claims: number;
  /** Set when this call recorded the level the person declared (a `level-declared` event). */
  declaredLevel?: SensitivityLevel;
}

const MAX_PROMPT = 50_000;

/** Keys never enter the record: the API key and anything shaped like a credential are masked. */
function recordablePrompt(prompt: string, apiKey?: string): string {
  let out = scrub(prompt, [apiKey]);
  for (const { pattern } of SECRET_PATTERNS) out = out.replace(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'), '[khóa ẩn]');
  return out.length > MAX_PROMPT ? `${out.slice(0, MAX_PROMPT - 1)}…` : out;
}

/**
 * The generation data the record keeps for a draft: what left the machine (placeholders where values
 * were replaced, so the record holds no value kept from the AI, and never a key), timings in whole ms.
 */
export function generationOf(draft: DraftResult, purpose: GenerationData['purpose'], apiKey?: string): GenerationData {
  return {
    purpose,
    provider: draft.provider,
    model: draft.model.slice(0, 200),
    prompt: recordablePrompt(draft.sentInstruction, apiKey),
    sources: draft.sources,
    redactions: draft.redactionCounts,
    timings: {
      startedAt: draft.timings.startedAt,
      ...(draft.timings.firstTokenMs !== null ? { firstTokenMs: Math.round(draft.timings.firstTokenMs) } : {}),
      totalMs: Math.round(draft.timings.totalMs),
    },
    level: draft.level,
    grounding: groundingOfDraft(draft.grounding),
  };
}

// issue 10 — evidence
const RESULT_OF: Record<GroundingResult['claims'][number]['status'], 'found' | 'partial' | 'contradicted' | 'not-found'> = {
  grounded: 'found',
  partial: 'partial',
  contradicted: 'contradicted',
  ungrounded: 'not-found',
};

/** The grounding as the record keeps it, by the claim's place in the answer (claim ids are given on insertion). */
export function groundingOfDraft(grounding: DraftGrounding): PositionedGrounding[] {
  return grounding.claims.map((c) => {
    const m = c.match;
    const name = m ? grounding.sourceNames[m.sourceIndex] : undefined;
    const sha256 = m ? grounding.sourceHashes[m.sourceIndex] : undefined;
    return {
      start: c.finding.start,
      end: c.finding.end,
      result: RESULT_OF[c.status],
      ...(m && name && sha256 ? { source: { name: name.slice(0, 500) || '?', sha256 } } : {}),
      ...(m && m.snippet ? { at: { start: m.start, end: m.end, snippet: m.snippet.slice(0, 2_000) } } : {}),
      ...(c.sourceValue ? { sourceValue: c.sourceValue.slice(0, 2_000) } : {}),
    };
  });
}

/**
 * Drafts into a document: the document's level (stamps in headers and text boxes included) gates
 * the call; on success the answer is inserted as a marked passage after paragraph `afterParagraph`
 * and the record says how it was made. On any refusal, error or cancel nothing is changed.
 */
export async function draftIntoDocument(
  host: DocumentHost,
  context: WorkflowContext,
  options: DraftIntoDocumentOptions,
): Promise<DraftIntoDocumentResult> {
  // Everything that could stop the insertion is checked before the request, so no answer is wasted.
  const loaded = await loadRecord(host);
  if (loaded.status === 'unusable') throw new RecordUnusableError(loaded.code, loaded.message);
  if (loaded.status === 'ok' && !loaded.chain.ok) {
    throw new RecordUnusableError('tampered', {
      vi: translate('vi', 'draft.recordAltered', { reason: loaded.chain.reason.vi }),
      en: translate('en', 'draft.recordAltered', { reason: loaded.chain.reason.en }),
    });
  }
  const paragraphs = await host.readParagraphs();
  const after = options.afterParagraph;
  if (!Number.isInteger(after) || after < 0 || after > paragraphs.length) {
    throw new DraftError('paragraph-range', bilingual('draft.paragraphRange', { after, count: paragraphs.length }));
  }

  const docLevel = await documentLevel(host, recordedLevel(loaded.status === 'ok' ? loaded.state : undefined));
  const declared = options.level?.declared ?? docLevel.declared;
  const draft = await generateDraft({
    ...options,
    level: {
      ...(declared !== undefined ? { declared: maxLevel(declared, docLevel.declared) } : {}),
      detected: maxLevel(docLevel.detected.level, options.level?.detected),
      ...(docLevel.setAside ? { topicsSetAside: topicsSetAsideIn({ setAside: docLevel.setAside }) } : {}),
      possiblySecret: [...docLevel.possiblySecret, ...(options.level?.possiblySecret ?? [])],
      secrecyStamps: [...docLevel.secrecyStamps, ...(options.level?.secrecyStamps ?? [])],
    },
  });
  if (options.signal?.aborted) throw new AiError('cancelled', { provider: draft.provider.name, model: draft.model });

  const purpose = options.purpose;
  if (!isPurposeId(purpose)) throw new DraftRefusedError(draft.decision);
  if (draft.leftoverPlaceholders.length > 0) {
    throw new DraftError('placeholder-leftover', bilingual('draft.placeholderLeftover', { placeholders: draft.leftoverPlaceholders.join(', ') }));
  }
  const generation = generationOf(draft, purpose, options.apiKey);
  const passageId = await insertPassage(host, context, { afterParagraph: after, text: draft.text, generation });
  // issue 16 — gate: a level the person declared for this draft is recorded (who, when) through
  // declareLevel, so every later command and the pane see it; one already recorded is not repeated.
  const newlyDeclared = await recordDeclaredLevel(host, context, options.level?.declared);
  return { passageId, draft, claims: claimsOfText(draft.text).length, ...(newlyDeclared !== undefined ? { declaredLevel: newlyDeclared } : {}) };
}
