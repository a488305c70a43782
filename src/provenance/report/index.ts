export { reportJson, checkIntegrity, peopleAndRoles, REPORT_FORMAT, REPORT_FORMAT_VERSION, type ProvenanceReportJson, type ReportOptions, type ReportIntegrity, type ReportStatusView } from './json';
export { reportHtml } from './html';
export { reportProv, type ProvJson } from './prov';
export { reportStrings, evidenceKindLabel, groundingLabels, type ReportLanguage } from './strings';
export { escapeHtml, formatVietnamTime, shortId } from './format';
