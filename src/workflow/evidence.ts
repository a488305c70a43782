// issue 10 — evidence. What a verification rests on, decided here once: the CLI and the pane only
// collect the input and render the result. A claim turns green only on evidence that holds it —
// the passage the grounding located, a registry entry, a source document or a pasted excerpt in which
// the claim's figure or citation is found again by code — or on a "checked elsewhere" confirmation
// with a named source and a note, which is kept and shown as the weaker kind. Typing a name is not
// evidence. Under a profile asking for it, a claim the grounding found contradicted needs a note.
import { scanText } from '../checks';
import { lookupCitation, type Registry } from '../checks/registry/lookup';
import { loadCoreRegistry } from './registry';
import type { Bilingual } from '../checks/types';
import { groundClaimIn } from '../ai/grounding';
import type { Profile } from '../policy';
import { evidenceKindLabel, groundingLabels, sha256Hex, type ClaimGrounding, type ClaimState, type Evidence, type PassageState } from '../provenance';
import { WorkflowError } from './document';
import { sourceText } from './source-text';
import { bilingual } from '../i18n';

/** What the person gives as evidence (the pane's form, the CLI's options). */
export type EvidenceInput =
  /** Confirms the passage the grounding located in a source given at generation. */
  | { kind: 'grounding' }
  /** The claim's citation as the legal-document registry lists it (core registry unless given). */
  | { kind: 'registry'; registry?: Registry }
  /** A source document read by the caller (.docx, .txt, .pdf text): name, text, and the SHA-256 of its bytes if known. */
  | { kind: 'document'; name: string; text: string; sha256?: string }
  /** An excerpt the person pasted; it is kept in the record. */
  | { kind: 'excerpt'; name?: string; text: string }
  /** Checked elsewhere: a named source and a note (the weaker kind). */
  | { kind: 'manual'; source: string; note: string };

export interface ResolvedEvidence {
  evidence: Evidence;
  /** One line naming the source, for the record's `source` field and older readers. */
  source: string;
  note?: string;
  grounding?: ClaimGrounding;
}

const MAX_EXCERPT = 20_000;
const MAX_NAME = 500;

const refuse = (code: string, vi: string, en: string, reasons: Bilingual[] = []) => new WorkflowError(code, { vi, en }, reasons);

/** The claim's grounding result, `not-checked` when the passage was made without sources. */
export function groundingOf(claim: ClaimState): ClaimGrounding {
  return claim.grounding ?? { claimId: claim.claimId, result: 'not-checked' };
}

/** Decides whether `input` verifies the claim; throws a WorkflowError saying why not. Pure apart from hashing. */
export async function resolveEvidence(
  passage: PassageState,
  claim: ClaimState,
  input: EvidenceInput | undefined,
  noteInput: string | undefined,
  profile: Profile,
): Promise<ResolvedEvidence> {
  const note = noteInput?.trim() || undefined;
  const grounding = groundingOf(claim);
  if (grounding.result === 'contradicted' && profile.verification?.contradictedNeedsNote && !note && input?.kind !== 'manual') {
    throw refuse(
      'note-required',
      `Nguồn đã cho ghi giá trị khác (${grounding.sourceValue ?? '?'}) cho «${claim.text}»: cần ghi chú giải thích vì sao vẫn xác nhận.`,
      `The source given gives another value (${grounding.sourceValue ?? '?'}) for "${claim.text}": a note explaining why it is still right is required.`,
    );
  }
  const base = { ...(note ? { note } : {}), grounding };
  if (!input) {
    throw refuse(
      'evidence-required',
      `Chưa có bằng chứng cho «${claim.text}»: chỉ ghi tên nguồn không đủ. Hãy gắn tài liệu nguồn, dán đoạn trích có nội dung này, xác nhận theo danh mục văn bản, hoặc ghi "đã đối chiếu nơi khác" kèm nguồn và ghi chú.`,
      `No evidence for "${claim.text}": a source name alone is not enough. Attach the source document, paste an excerpt holding it, confirm it against the document registry, or record "checked elsewhere" with a source and a note.`,
    );
  }
  switch (input.kind) {
    case 'grounding': {
      if (grounding.result !== 'found' || !grounding.source || !grounding.at) {
        throw refuse(
          'not-grounded',
          `Khi tạo đoạn, không tìm thấy «${claim.text}» trong nguồn đã cho (${resultLabel(grounding.result).vi}); không thể xác nhận theo kết quả đối chiếu. Hãy gắn tài liệu hoặc dán đoạn trích có nội dung này.`,
          `When the passage was made, "${claim.text}" was not found in the sources given (${resultLabel(grounding.result).en}); it cannot be confirmed from the grounding. Attach a document or paste an excerpt holding it.`,
        );
      }
      const chars = passage.sources.find((s) => s.sha256 === grounding.source!.sha256)?.chars;
      return {
        ...base,
        evidence: { kind: 'document', name: grounding.source.name, sha256: grounding.source.sha256, ...(chars !== undefined ? { chars } : {}), at: grounding.at, fromGrounding: true },
        source: grounding.source.name,
      };
    }
    case 'document':
    case 'excerpt': {
      // A document is read as the draft's sources are (one line-ending form, markup taken off).
      const text = input.kind === 'document' ? sourceText(input.text) : input.text.normalize('NFC');
      const name = (input.name ?? '').trim().slice(0, MAX_NAME) || (input.kind === 'excerpt' ? EXCERPT_NAME.vi : '');
      if (!text.trim()) throw refuse('evidence-empty', 'Tài liệu hoặc đoạn trích đối chiếu đang trống.', 'The document or excerpt to compare with is empty.');
      if (!name) throw refuse('evidence-name-required', 'Cần ghi tên tài liệu nguồn.', 'Name the source document.');
      if (input.kind === 'excerpt' && text.length > MAX_EXCERPT) {
        throw refuse('excerpt-too-long', `Đoạn trích dài quá ${MAX_EXCERPT} ký tự; hãy gắn cả tài liệu thay vì dán.`, `The excerpt is longer than ${MAX_EXCERPT} characters; attach the document instead.`);
      }
      const located = groundClaimIn(passage.currentText, claim, text);
      if (!located || located.status !== 'grounded' || !located.match) {
        const what = input.kind === 'excerpt' ? bilingual('workflow.evidence.what') : bilingual('workflow.evidence.what2', { name });
        const other = located?.status === 'contradicted' && located.sourceValue ? bilingual('workflow.evidence.other', { sourceValue: located.sourceValue }) : { vi: '', en: '' };
        throw refuse(
          'evidence-does-not-contain',
          `${what.vi} không chứa «${claim.text}»${other.vi}${located?.note ? `: ${located.note.vi}` : ''}; không ghi nhận kiểm chứng.`,
          `${what.en} does not contain "${claim.text}"${other.en}${located?.note ? `: ${located.note.en}` : ''}; nothing was recorded.`,
        );
      }
      const at = { start: located.match.start, end: located.match.end, snippet: located.match.snippet.slice(0, 2_000) || claim.text };
      const sha256 = input.kind === 'document' && input.sha256 && /^[0-9a-f]{64}$/.test(input.sha256) ? input.sha256 : await sha256Hex(text);
      const evidence: Evidence =
        input.kind === 'document' ? { kind: 'document', name, sha256, chars: text.length, at } : { kind: 'excerpt', name, sha256, text, at };
      return { ...base, evidence, source: name };
    }
    case 'registry': {
      const finding = scanText(passage.currentText).findings.find((f) => f.kind === 'citation' && f.start === claim.start && f.end === claim.end);
      if (claim.kind !== 'citation' || !finding || finding.kind !== 'citation' || !finding.citation.symbol) {
        throw refuse('registry-citation-only', `Danh mục văn bản chỉ xác nhận được trích dẫn có số, ký hiệu; «${claim.text}» thì không.`, `The document registry only confirms citations with a number and symbol; "${claim.text}" is not one.`);
      }
      const c = finding.citation;
      const lookup = lookupCitation(input.registry ?? (await loadCoreRegistry()), { symbol: c.symbol!, typeName: c.typeName, issuerName: c.issuerName, date: c.date, title: c.title, year: c.year });
      if (lookup.result !== 'found' || lookup.mismatches.length > 0) {
        const why =
          lookup.result === 'found'
            ? bilingual('workflow.evidence.why', { value: lookup.mismatches.map((m) => `${m.field}: ${m.registry}`).join('; ') })
            : lookup.result === 'ambiguous'
              ? bilingual('workflow.evidence.why2')
              : bilingual('workflow.evidence.why3');
        throw refuse('registry-not-found', `Không xác nhận được «${claim.text}» theo danh mục văn bản: ${why.vi}.`, `"${claim.text}" cannot be confirmed against the document registry: ${why.en}.`);
      }
      const e = lookup.entry;
      return {
        ...base,
        evidence: { kind: 'registry', symbol: e.symbol, type: e.type, issued: e.issued, status: lookup.statusAt, ...(e.title ? { title: e.title.slice(0, 2_000) } : {}) },
        source: `${e.type} ${e.symbol}`.slice(0, 2_000),
      };
    }
    case 'manual': {
      const source = input.source.trim();
      const manualNote = input.note.trim() || note;
      if (!source || !manualNote) {
        throw refuse(
          'manual-needs-source-and-note',
          'Xác nhận thủ công (không có tài liệu đối chiếu) cần cả tên nguồn và ghi chú đã đối chiếu thế nào.',
          'A manual confirmation (no document to compare with) needs both the source and a note on how it was checked.',
        );
      }
      return { ...base, note: manualNote, evidence: { kind: 'manual', source: source.slice(0, 2_000), note: manualNote.slice(0, 2_000) }, source: source.slice(0, 2_000) };
    }
  }
}

export const EXCERPT_NAME: Bilingual = bilingual('workflow.evidence.EXCERPT_NAME');

/** How a grounding result is named everywhere (the reports' catalog). */
export function resultLabel(result: ClaimGrounding['result']): Bilingual {
  return groundingLabels[result];
}

/** How a kind of evidence is named everywhere; `manual` always says it is the weaker kind. */
export const evidenceLabel = evidenceKindLabel;
