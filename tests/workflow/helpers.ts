// Test helpers for the workflow: a realistic Vietnamese document, and edits "a person made in Word"
// applied to the document XML of a DocxHost (the way an editor would change the text in place).
import { DocxHost } from '../../src/host/docx';
import type { GenerationData, WorkflowContext } from '../../src/workflow';
import { buildDocx, p } from '../fixtures/docx-builder';
import { testKey, testTrustList } from '../fixtures/test-keys';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export const REPORT_PARAGRAPHS = [
  'ỦY BAN NHÂN DÂN TỈNH CAO BẰNG',
  'BÁO CÁO',
  'Kết quả thực hiện chuyển đổi số năm 2025',
  'Căn cứ Quyết định số 2081/QĐ-UBND ngày 05/12/2025 của Ủy ban nhân dân tỉnh Cao Bằng ban hành Khung AI tin cậy;',
  'I. KẾT QUẢ ĐẠT ĐƯỢC',
  '',
  'II. PHƯƠNG HƯỚNG NĂM 2026',
  'Tiếp tục triển khai các nhiệm vụ theo kế hoạch.',
];

/** An AI answer with two figures and a citation: three claims to verify. */
export const AI_TEXT =
  'Năm 2025, toàn tỉnh đã cung cấp 1.234 dịch vụ công trực tuyến, đạt 87,5% kế hoạch. ' +
  'Việc triển khai bám sát Nghị định số 13/2023/NĐ-CP ngày 17 tháng 4 năm 2023 của Chính phủ.';

export function reportDocx(paragraphs = REPORT_PARAGRAPHS): Uint8Array {
  return buildDocx({ body: paragraphs.map((text) => p(text)).join('') + '<w:sectPr/>' });
}

export const GENERATION: GenerationData = {
  purpose: 'draft',
  provider: { id: 'ollama-local', name: 'Ollama (máy này)', tier: 'internal', endpointHost: 'localhost' },
  model: 'qwen2.5:7b',
  prompt: 'Viết đoạn kết quả chuyển đổi số năm 2025',
  redactions: { cccd: 1 },
  level: 2,
};

/**
 * A person acting on the document, with a clock. By default they sign with their own test key and
 * read with the test trust list (issue 11: the default `strict` profile counts a sign-off only when it
 * is signed with a trusted key); `{ keys: false }` is a person with no key and no trust list.
 */
export function context(actor = 'Nguyễn Văn An', at = '2026-11-22T09:00:00.000Z', options: { keys?: boolean } = {}): WorkflowContext {
  let tick = Date.parse(at);
  const keys = options.keys === false ? {} : { signer: testKey(actor).signer, trustedKeys: testTrustList() };
  return { actor, lang: 'vi', now: () => new Date((tick += 1000)), ...keys };
}

/** A person with no personal key and no trust list (records made before issue 11, or untrusted cases). */
export function unsignedContext(actor = 'Nguyễn Văn An', at = '2026-11-22T09:00:00.000Z'): WorkflowContext {
  return context(actor, at, { keys: false });
}

/** Replaces text inside the content control tagged aiprov:<id>, run by run, as a person typing would. */
export function editPassage(host: DocxHost, passageId: string, from: string, to: string): void {
  const doc = host.pkg.xml(host.pkg.mainDocumentPath);
  const sdt = Array.from(doc.getElementsByTagNameNS(W, 'sdt')).find((element) =>
    Array.from(element.getElementsByTagNameNS(W, 'tag')).some((tag) => tag.getAttributeNS(W, 'val') === `aiprov:${passageId}`),
  );
  if (!sdt) throw new Error(`no passage ${passageId}`);
  let changed = false;
  for (const t of Array.from(sdt.getElementsByTagNameNS(W, 't'))) {
    if (t.textContent?.includes(from)) {
      t.textContent = t.textContent.replace(from, to);
      changed = true;
    }
  }
  if (!changed) throw new Error(`"${from}" not found in passage ${passageId}`);
  host.pkg.touch(host.pkg.mainDocumentPath);
}

/** Deletes the content control tagged aiprov:<id> with its content. */
export function deletePassage(host: DocxHost, passageId: string): void {
  const doc = host.pkg.xml(host.pkg.mainDocumentPath);
  const sdt = Array.from(doc.getElementsByTagNameNS(W, 'sdt')).find((element) =>
    Array.from(element.getElementsByTagNameNS(W, 'tag')).some((tag) => tag.getAttributeNS(W, 'val') === `aiprov:${passageId}`),
  );
  if (!sdt) throw new Error(`no passage ${passageId}`);
  sdt.parentNode!.removeChild(sdt);
  host.pkg.touch(host.pkg.mainDocumentPath);
}

/** Removes every aiprov tag (as LibreOffice 7.4 does), keeping titles. */
export function dropTags(host: DocxHost): void {
  const doc = host.pkg.xml(host.pkg.mainDocumentPath);
  for (const tag of Array.from(doc.getElementsByTagNameNS(W, 'tag'))) {
    if (tag.getAttributeNS(W, 'val')?.startsWith('aiprov:')) tag.parentNode!.removeChild(tag);
  }
  host.pkg.touch(host.pkg.mainDocumentPath);
}

export function reopen(host: DocxHost): DocxHost {
  return DocxHost.open(host.save());
}

/** Appends words at the end of a passage's last run (a person finishing a sentence). */
export function appendToPassage(host: DocxHost, passageId: string, words: string): void {
  const doc = host.pkg.xml(host.pkg.mainDocumentPath);
  const sdt = Array.from(doc.getElementsByTagNameNS(W, 'sdt')).find((element) =>
    Array.from(element.getElementsByTagNameNS(W, 'tag')).some((tag) => tag.getAttributeNS(W, 'val') === `aiprov:${passageId}`),
  );
  const texts = sdt ? Array.from(sdt.getElementsByTagNameNS(W, 't')) : [];
  const last = texts.at(-1);
  if (!last) throw new Error(`no text in passage ${passageId}`);
  last.textContent = `${last.textContent ?? ''}${words}`;
  last.setAttribute('xml:space', 'preserve');
  host.pkg.touch(host.pkg.mainDocumentPath);
}
