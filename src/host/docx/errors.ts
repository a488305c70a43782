import { bilingual } from '../../i18n';
/**
 * Typed failures of the .docx layer. Each carries a stable `code` for programs and a message in
 * Vietnamese and English for the person who chose the file.
 */
export type DocxErrorCode =
  | 'not-zip'
  | 'corrupt-zip'
  | 'missing-part'
  | 'invalid-xml'
  | 'invalid-character'
  | 'too-large'
  | 'entity-refused'
  | 'too-deep';

export interface BilingualMessage {
  vi: string;
  en: string;
}

export class DocxError extends Error {
  readonly code: DocxErrorCode;
  readonly bilingual: BilingualMessage;
  /** The package part the problem was found in, when there is one. */
  readonly part: string | undefined;

  constructor(code: DocxErrorCode, bilingual: BilingualMessage, part?: string) {
    super(`${bilingual.en} / ${bilingual.vi}`);
    this.name = 'DocxError';
    this.code = code;
    this.bilingual = bilingual;
    this.part = part;
  }
}

export function isDocxError(value: unknown): value is DocxError {
  return value instanceof DocxError;
}

export const docxErrors = {
  notZip: () =>
    new DocxError('not-zip', bilingual('host.docx.errors.notZip')),
  corruptZip: (detail: string, part?: string) =>
    new DocxError(
      'corrupt-zip',
      bilingual('host.docx.errors.corruptZip', { detail }),
      part,
    ),
  missingPart: (what: string, part?: string) =>
    new DocxError(
      'missing-part',
      bilingual('host.docx.errors.missingPart', { what }),
      part,
    ),
  invalidXml: (part: string, detail: string) =>
    new DocxError(
      'invalid-xml',
      bilingual('host.docx.errors.invalidXml', { part, detail }),
      part,
    ),
  tooLarge: (detail: string, part?: string) =>
    new DocxError(
      'too-large',
      bilingual('host.docx.errors.tooLarge', { detail }),
      part,
    ),
  // Issue 17: characters XML 1.0 forbids (NUL, other C0 controls, lone surrogates), raw or as &#…;.
  invalidCharacter: (part: string, what: string) =>
    new DocxError(
      'invalid-character',
      bilingual('host.docx.errors.invalidCharacter', { part, what }),
      part,
    ),
  tooDeep: (part: string, limit: number) =>
    new DocxError(
      'too-deep',
      bilingual('host.docx.errors.tooDeep', { part, limit }),
      part,
    ),
  entityRefused: (part: string) =>
    new DocxError(
      'entity-refused',
      bilingual('host.docx.errors.entityRefused', { part }),
      part,
    ),
};
