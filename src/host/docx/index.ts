export { openDocx, DocxPackage, REL } from './package';
export type { OpenDocxOptions, Relationship } from './package';
export { DocxError, isDocxError } from './errors';
export type { DocxErrorCode, BilingualMessage } from './errors';
export { DEFAULT_ZIP_LIMITS } from './zip';
export type { ZipLimits } from './zip';
export { extractText } from './text';
export { DocxHost } from './adapter';
export { readRecord, writeRecord, findRecordPart, readProperties, writeProperties } from './parts';
