// One .docx → its summary, read the way `aiprov inspect` reads it (documentStatus over a DocxHost):
// integrity, the state in step with the current text, the level. Never throws for a bad file: the
// summary says why it could not be read.
import { scanParts } from '../checks';
import type { Bilingual } from '../checks/types';
import { DocxError, DocxHost } from '../host/docx';
import { HostError } from '../host/port';
import { passageFingerprint, shortId, type PassageState } from '../provenance';
import { documentStatus } from '../workflow';
import type { DocumentSummary, PassageSummary } from './types';

/** Paragraphs shorter than this are too common ("Tiếp tục triển khai.") to say text was copied. */
export const MIN_FINGERPRINT_WORDS = 12;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
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
  for (const claim of passage.claims) {
    claims[claim.status]++;
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

const base = (path: string, unit: string, size: number): DocumentSummary => ({
  path,
  unit,
  size,
  condition: 'unreadable',
  reason: null,
  title: null,
  level: null,
  passages: [],
  disclosure: null,
  signOffs: [],
  pendingChanges: 0,
  evidenceKinds: null,
  signedByTrustedKey: null,
  unmarkedFingerprints: [],
});

function unreadable(path: string, unit: string, size: number, reason: Bilingual): DocumentSummary {
  return { ...base(path, unit, size), condition: 'unreadable', reason };
}

export async function summariseDocx(bytes: Uint8Array, path: string, unit: string): Promise<DocumentSummary> {
  let host: DocxHost;
  try {
    host = DocxHost.open(bytes, { readOnly: true });
  } catch (error) {
    if (error instanceof DocxError) return unreadable(path, unit, bytes.length, error.bilingual);
    const detail = error instanceof Error ? error.message : String(error);
    return unreadable(path, unit, bytes.length, { vi: `không mở được tệp: ${detail}`, en: `cannot open the file: ${detail}` });
  }
  try {
    const status = await documentStatus(host, { actor: 'aiprov', lang: 'vi' });
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
      summary.signOffs = state.signOffs.map(({ by, role, at, current, summary: counted }) => ({
        by,
        role: role ?? null,
        at,
        current,
        claimsAtSignOff: counted.claims,
        verifiedAtSignOff: counted.verified,
      }));
    }
    summary.pendingChanges = status.pending.edited.length + status.pending.rebound.length + status.pending.removed.length;
    return summary;
  } catch (error) {
    const bilingual = error instanceof HostError || error instanceof DocxError ? error.bilingual : null;
    const detail = error instanceof Error ? error.message : String(error);
    return unreadable(path, unit, bytes.length, bilingual ?? { vi: `không đọc được tài liệu: ${detail}`, en: `cannot read the document: ${detail}` });
  }
}
