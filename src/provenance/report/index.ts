export { reportJson, checkIntegrity, REPORT_FORMAT, REPORT_FORMAT_VERSION, type ProvenanceReportJson, type ReportOptions, type ReportIntegrity } from './json';
export { reportHtml } from './html';
export { reportProv, type ProvJson } from './prov';
export { reportStrings, type ReportLanguage } from './strings';
export { escapeHtml, formatVietnamTime, shortId } from './format';
