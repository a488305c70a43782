/**
 * Getting a .docx into the workbench and back out: a file the user picks, a sample shipped with the
 * pane (dist/assets/samples/), and a download of the edited bytes. Browser only (File, Blob, DOM).
 */

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The samples copied to assets/samples/ by the build (see scripts/make-samples.ts). */
export const SAMPLE_NAMES = ['bao-cao-chuyen-doi-so.docx', 'ke-hoach-trien-khai-ai.docx', 'bao-cao-toi-mat.docx'] as const;
export type SampleName = (typeof SAMPLE_NAMES)[number];

/** A refusal or failure the user sees, in both languages. */
export class WorkbenchFileError extends Error {
  readonly bilingual: { vi: string; en: string };

  constructor(vi: string, en: string, options?: { cause?: unknown }) {
    super(`${en} / ${vi}`, options);
    this.name = 'WorkbenchFileError';
    this.bilingual = { vi, en };
  }
}

/** Larger than any real administrative document; refuses a wrong pick before it is read into memory. */
export const MAX_DOCX_BYTES = 50 * 1024 * 1024;

function checkZip(bytes: Uint8Array, name: string): void {
  // Every .docx is a zip ("PK\x03\x04"); a .doc, a PDF or a renamed text file is not.
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    throw new WorkbenchFileError(
      `Tệp «${name}» không phải tài liệu Word .docx (có thể là .doc cũ hoặc PDF). Hãy lưu lại dưới dạng .docx rồi mở lại.`,
      `"${name}" is not a Word .docx document (it may be an old .doc or a PDF). Save it as .docx and open it again.`,
    );
  }
}

/** The bytes of a .docx the user picked (an <input type="file"> or a drop). */
export async function readDocxFile(file: File): Promise<Uint8Array> {
  if (!/\.(docx|docm|dotx)$/i.test(file.name) && file.type !== DOCX_MIME) {
    throw new WorkbenchFileError(
      `Tệp «${file.name}» không phải tài liệu Word .docx.`,
      `"${file.name}" is not a Word .docx document.`,
    );
  }
  if (file.size > MAX_DOCX_BYTES) {
    throw new WorkbenchFileError(
      `Tệp «${file.name}» quá lớn (${Math.round(file.size / 1048576)} MB; tối đa ${MAX_DOCX_BYTES / 1048576} MB).`,
      `"${file.name}" is too large (${Math.round(file.size / 1048576)} MB; at most ${MAX_DOCX_BYTES / 1048576} MB).`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    throw new WorkbenchFileError(`Không đọc được tệp «${file.name}».`, `Could not read "${file.name}".`, { cause: error });
  }
  checkZip(bytes, file.name);
  return bytes;
}

/**
 * Where a sample is served: `assets/samples/<name>` next to taskpane.html. Resolved against the
 * page, so the pane works when hosted below a path (https://intranet/aiprov/taskpane.html).
 */
export function sampleUrl(name: SampleName, base: string = globalThis.location?.href ?? 'http://localhost/'): string {
  if (!(SAMPLE_NAMES as readonly string[]).includes(name)) throw new Error(`Unknown sample "${name}"`);
  return new URL(`assets/samples/${encodeURIComponent(name)}`, base).href;
}

/** Fetches a shipped sample's bytes. */
export async function fetchSample(name: SampleName, fetchFn: typeof fetch = fetch): Promise<Uint8Array> {
  const url = sampleUrl(name);
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (error) {
    throw new WorkbenchFileError(`Không tải được tài liệu mẫu «${name}».`, `Could not load the sample "${name}".`, { cause: error });
  }
  if (!response.ok) {
    throw new WorkbenchFileError(
      `Không tải được tài liệu mẫu «${name}» (HTTP ${response.status}).`,
      `Could not load the sample "${name}" (HTTP ${response.status}).`,
    );
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  checkZip(bytes, name);
  return bytes;
}

/** "bao-cao.docx" → "bao-cao.docx"; "a/b:c?.docx" → "a_b_c_.docx"; adds .docx when missing. */
export function safeDocxName(name: string): string {
  const cleaned = name.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || 'van-ban';
  return /\.docx$/i.test(cleaned) ? cleaned : `${cleaned}.docx`;
}

/** Saves the bytes as a .docx download (Blob + object URL + a temporary <a download>). */
export function downloadDocx(bytes: Uint8Array, name: string, doc: Document = document): void {
  // Copy into a fresh ArrayBuffer: the Blob must not see later changes to a shared buffer.
  const blob = new Blob([bytes.slice().buffer as ArrayBuffer], { type: DOCX_MIME });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = safeDocxName(name);
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoking at once can cancel the download in some browsers; a tick later is enough.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
