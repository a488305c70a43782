// The short summary mirrored into custom document properties, so that someone without the add-in
// sees the state in File › Properties (DESIGN.md "The record").
import type { RecordState } from '../provenance';

export const SUMMARY_PROPERTY_NAMES = {
  status: 'AIProvenanceStatus',
  passages: 'AIProvenancePassages',
  claims: 'AIProvenanceClaimsVerified',
  signedOff: 'AIProvenanceSignedOff',
  integrity: 'AIProvenanceIntegrity',
  documentId: 'AIProvenanceDocumentId',
} as const;

export function summaryProperties(state: RecordState, intact: boolean): Record<string, string> {
  const { passages, claims, verified } = state.totals;
  const signOff = state.signOffs.filter((s) => s.current).at(-1);
  return {
    [SUMMARY_PROPERTY_NAMES.status]:
      `${passages} đoạn AI; ${verified}/${claims} nội dung đã kiểm chứng · ` +
      `${passages} AI passage(s); ${verified}/${claims} claims verified`,
    [SUMMARY_PROPERTY_NAMES.passages]: String(passages),
    [SUMMARY_PROPERTY_NAMES.claims]: `${verified}/${claims}`,
    [SUMMARY_PROPERTY_NAMES.signedOff]: signOff ? `${signOff.by}${signOff.role ? ` (${signOff.role})` : ''}, ${signOff.at}` : '',
    [SUMMARY_PROPERTY_NAMES.integrity]: intact ? 'ok' : 'broken',
    [SUMMARY_PROPERTY_NAMES.documentId]: state.documentId,
  };
}
