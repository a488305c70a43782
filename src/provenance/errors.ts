// Errors and messages the provenance layer reports. Every message reaches people, so both languages.
import type { Bilingual } from '../checks/types';
import { bilingual } from '../i18n';

export type ProvenanceErrorCode =
  | 'invalid-event'
  | 'secret-in-data'
  | 'content-hash-mismatch'
  | 'bad-sequence'
  | 'corrupt-chain';

/** Thrown by appendEvent / createRecord when the caller asks for something the record refuses. */
export class ProvenanceError extends Error {
  readonly code: ProvenanceErrorCode;
  readonly bilingual: Bilingual;
  constructor(code: ProvenanceErrorCode, bilingual: Bilingual) {
    super(bilingual.en);
    this.name = 'ProvenanceError';
    this.code = code;
    this.bilingual = bilingual;
  }
}

export const chainMessages = {
  empty: (): Bilingual => (bilingual('provenance.errors.empty')),
  invalidEvent: (seq: number, issue: string): Bilingual => (bilingual('provenance.errors.invalidEvent', { seq, issue })),
  seqOrder: (index: number, found: unknown): Bilingual => (bilingual('provenance.errors.seqOrder', { index, found: String(found) })),
  firstNotCreated: (): Bilingual => (bilingual('provenance.errors.firstNotCreated')),
  prevMismatch: (seq: number): Bilingual => (bilingual('provenance.errors.prevMismatch', { seq })),
  hashMismatch: (seq: number): Bilingual => (bilingual('provenance.errors.hashMismatch', { seq })),
  contentHashMismatch: (seq: number, field: string): Bilingual => (bilingual('provenance.errors.contentHashMismatch', { seq, field })),
  truncated: (expected: number, found: number): Bilingual => (bilingual('provenance.errors.truncated', { expected, found })),
  headMismatch: (): Bilingual => (bilingual('provenance.errors.headMismatch')),
  invalidData: (type: string, issue: string): Bilingual => (bilingual('provenance.errors.invalidData', { type, issue })),
  unknownType: (type: string): Bilingual => (bilingual('provenance.errors.unknownType', { type })),
  secret: (path: string, kind: string): Bilingual => (bilingual('provenance.errors.secret', { path, kind })),
  firstMustBeCreated: (): Bilingual => (bilingual('provenance.errors.firstMustBeCreated')),
  // issue 17 — tamper (1.3)
  documentIdChanged: (recorded: string, found: string): Bilingual => (bilingual('provenance.errors.documentIdChanged', { recorded, found })),
  notAppendable: (): Bilingual => (bilingual('provenance.errors.notAppendable')),
};
