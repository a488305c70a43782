// One .docx → its summary, read the way `aiprov inspect` reads it (documentStatus over a DocxHost):
// integrity, the state in step with the current text, the level. Never throws for a bad file: the
// summary says why it could not be read.
import { scanParts } from '../checks';
import type { Bilingual } from '../checks/types';
import { DocxError, DocxHost } from '../host/docx';
import { HostError } from '../host/port';
import { passageFingerprint, shortId, type ClaimState, type PassageState, type SignatureStatus, type TrustedKey } from '../provenance';
import { documentStatus, type DocumentStatus } from '../workflow';
import { bilingual } from './strings';
import { EVIDENCE_KINDS, type DocumentSummary, type EvidenceCounts, type EvidenceKindKey, type PassageSummary } from './types';

export interface SummariseOptions {
  /** The organisation's trust list (org-settings `trustedKeys`): which signatures are trusted, and the signer's unit. */
  trustedKeys?: readonly TrustedKey[];
}

const noEvidence = (): EvidenceCounts => Object.fromEntries(EVIDENCE_KINDS.map((k) => [k, 0])) as EvidenceCounts;
const noSignatures = (): Record<SignatureStatus, number> => ({ trusted: 0, 'name-mismatch': 0, 'not-valid-then': 0, 'unknown-key': 0, invalid: 0, unsigned: 0 });

/** The kind of evidence a verified claim rests on, as src/workflow/evidence.ts recorded it. */
export function evidenceKindOf(claim: ClaimState): EvidenceKindKey {
  const evidence = claim.evidence;
  if (!evidence) return 'none';
  if (evidence.kind === 'document' && evidence.fromGrounding) return 'grounding';
  return evidence.kind;
}

/** Paragraphs shorter than this are too common ("Tiếp tục triển khai.") to say text was copied. */
export const MIN_FINGERPRINT_WORDS = 12;

/** JavaScript's \s (WhiteSpace and LineTerminator). */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** The number of runs of non-space characters (`text.split(/\s+/).filter(Boolean).length`), in one pass (issue 15). */
export function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

export function paragraphFingerprints(text: string): string[] {
  return text
    .split('\n')
    .filter((paragraph) => wordCount(paragraph) >= MIN_FINGERPRINT_WORDS)
    .map(passageFingerprint);
}

function personalDataIn(prompt: string | undefined): number {
  if (!prompt) return 0;
  return scanParts([{ part: 'prompt', text: prompt }]).findings.filter((finding) => finding.kind === 'personal-data').length;
}

function passageSummary(passage: PassageState): PassageSummary {
  const claims = { verified: 0, rejected: 0, lapsed: 0, unverified: 0 };
  const verifiers = new Set<string>();
  const evidence = noEvidence();
  for (const claim of passage.claims) {
    claims[claim.status]++;
    if (claim.status === 'verified') evidence[evidenceKindOf(claim)]++;
    if (claim.verifiedBy) verifiers.add(claim.verifiedBy);
    if (claim.rejectedBy) verifiers.add(claim.rejectedBy);
  }
  return {
    id: passage.passageId,
    shortId: shortId(passage.passageId),
    origin: passage.origin,
    purpose: passage.purpose,
    providerName: passage.provider?.name ?? null,
    providerTier: passage.provider?.tier ?? null,
    tool: passage.tool ?? null,
    model: passage.model ?? null,
    createdAt: passage.createdAt,
    createdBy: passage.createdBy,
    month: passage.createdAt.slice(0, 7),
    removed: passage.removed,
    verbatim: passage.verbatim,
    claims,
    verifiers: [...verifiers],
    evidence,
    personalDataSent: personalDataIn(passage.prompt),
    redactions: Object.values(passage.redactions ?? {}).reduce((sum, n) => sum + n, 0),
    fingerprints: passage.removed ? [] : paragraphFingerprints(passage.currentText),
  };
}

function coreTitle(host: DocxHost): string | null {
  if (!host.pkg.has('docProps/core.xml')) return null;
  const title = host.pkg.xml('docProps/core.xml').getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'title')[0];
  const text = title?.textContent?.trim();
  return text ? text : null;
}

const base = (path: string, folder: string, size: number): DocumentSummary => ({
  path,
  unit: folder,
  unitSource: 'folder',
  folder,
  size,
  condition: 'unreadable',
  reason: null,
  title: null,
  level: null,
  passages: [],
  disclosure: null,
  signOffs: [],
  pendingChanges: 0,
  evidence: noEvidence(),
  signedByTrustedKey: null,
  textChangedSinceSignOff: null,
  signatures: noSignatures(),
  signaturesSummary: null,
  unmarkedFingerprints: [],
});

function unreadable(path: string, unit: string, size: number, reason: Bilingual): DocumentSummary {
  return { ...base(path, unit, size), condition: 'unreadable', reason };
}

/**
 * Sign-offs with their signature state, and the document's unit, from what statusView decided for
 * `aiprov check` / `inspect` (per signed event, the signed text): nothing re-derived here.
 */
function signatureFacts(summary: DocumentSummary, status: DocumentStatus): void {
  const view = status.view.signatures;
  const bySeq = new Map(view.events.map((e) => [e.seq, e]));
  summary.signOffs = (status.state?.signOffs ?? []).map(({ by, role, at, current, seq, summary: counted }) => {
    const event = bySeq.get(seq);
    return {
      by,
      role: role ?? null,
      at,
      current,
      signature: event?.kind ?? 'unsigned',
      signatureLabel: event?.label ?? bilingual((s) => s.unsigned),
      keyOwner: event?.owner ?? null,
      claimsAtSignOff: counted.claims,
      verifiedAtSignOff: counted.verified,
    };
  });
  if (status.state) {
    summary.signaturesSummary = view.summary.kind;
    for (const event of view.events) summary.signatures[event.kind]++;
  }
  const latest = summary.signOffs.at(-1);
  if (latest) {
    summary.signedByTrustedKey = latest.signature === 'trusted';
    summary.textChangedSinceSignOff = view.signedText ? view.signedText.kind === 'changed' : !latest.current;
  }
  // The unit a key's owner belongs to, per the organisation's trust list: the latest trusted sign-off,
  // else the latest trusted signed event; a folder name is only the fallback.
  const owner = latest?.signature === 'trusted' ? latest.keyOwner : ([...view.events].reverse().find((e) => e.kind === 'trusted' && e.owner)?.owner ?? null);
  if (owner) {
    summary.unit = owner.unit;
    summary.unitSource = 'trust-list';
  }
}

export async function summariseDocx(bytes: Uint8Array, path: string, unit: string, options: SummariseOptions = {}): Promise<DocumentSummary> {
  let host: DocxHost;
  try {
    host = DocxHost.open(bytes, { readOnly: true });
  } catch (error) {
    if (error instanceof DocxError) return unreadable(path, unit, bytes.length, error.bilingual);
    const detail = error instanceof Error ? error.message : String(error);
    return unreadable(path, unit, bytes.length, bilingual((s) => s.cannotOpenFile, detail));
  }
  try {
    const status = await documentStatus(host, { actor: 'aiprov', lang: 'vi', trustedKeys: options.trustedKeys ?? [] });
    const paragraphs = await host.readParagraphs();
    const summary = base(path, unit, bytes.length);
    summary.level = status.level?.effective ?? null;
    summary.title = coreTitle(host) ?? paragraphs.find((p) => p.text.trim() && !p.passageId)?.text.trim().slice(0, 200) ?? null;
    summary.unmarkedFingerprints = paragraphs
      .filter((p) => !p.passageId && wordCount(p.text) >= MIN_FINGERPRINT_WORDS)
      .map((p) => ({ paragraph: p.index, fingerprint: passageFingerprint(p.text) }));
    const record = status.record;
    if (record.status === 'none') summary.condition = 'no-record';
    else if (record.status === 'ok') summary.condition = 'ok';
    else if (record.status === 'tampered') {
      summary.condition = 'altered';
      summary.reason = record.message;
    } else {
      summary.condition = record.code === 'newer-version' ? 'newer-version' : 'unusable';
      summary.reason = record.message;
    }
    const state = status.state;
    if (state) {
      summary.passages = state.passages.map(passageSummary);
      summary.disclosure = state.disclosure ? { at: state.disclosure.at, by: state.disclosure.by } : null;
      for (const passage of summary.passages) if (!passage.removed) for (const kind of EVIDENCE_KINDS) summary.evidence[kind] += passage.evidence[kind];
    }
    signatureFacts(summary, status);
    summary.pendingChanges = status.pending.edited.length + status.pending.rebound.length + status.pending.removed.length;
    return summary;
  } catch (error) {
    const known = error instanceof HostError || error instanceof DocxError ? error.bilingual : null;
    const detail = error instanceof Error ? error.message : String(error);
    return unreadable(path, unit, bytes.length, known ?? bilingual((s) => s.cannotReadDocument, detail));
  }
}
