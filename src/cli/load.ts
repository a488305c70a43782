// Reads the file a command was given: a .docx through the docx host (all text parts, in document
// order), anything else as UTF-8 text. Every failure becomes a CliError with exit code 2.
import { segmentLabel } from '../host/port';
import { CliError } from './context';
import { readInput } from './io';
import { bilingual } from '../i18n';

export interface DocumentPart {
  part: string;
  text: string;
}

const ZIP_MAGIC = [0x50, 0x4b];

export async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readInput(path);
  } catch (error) {
    const detail = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'ENOENT' : String((error as Error).message);
    throw new CliError(
      bilingual('cli.load.cannotRead', { path, detail: detail === 'ENOENT' ? bilingual('cli.load.noSuchFile') : `: ${detail}` }),
      2,
    );
  }
}

export function looksLikeDocx(path: string, bytes: Uint8Array): boolean {
  return /\.(docx|docm|dotx)$/i.test(path) || (bytes[0] === ZIP_MAGIC[0] && bytes[1] === ZIP_MAGIC[1]);
}

export async function readDocumentParts(path: string): Promise<DocumentPart[]> {
  const bytes = await readBytes(path);
  if (!looksLikeDocx(path, bytes)) return [{ part: 'body', text: decodeText(bytes) }];
  // issue 14 — performance: the docx host (zip, XML) is loaded only for a .docx; a text file needs none of it.
  const { DocxError, extractText, openDocx } = await import('../host/docx');
  try {
    return extractText(openDocx(bytes, { readOnly: true })).map((segment) => ({ part: segmentLabel(segment), text: segment.text }));
  } catch (error) {
    if (error instanceof DocxError) throw new CliError(error.bilingual, 2);
    throw error;
  }
}

function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}
