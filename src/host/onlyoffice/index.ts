export { OnlyOfficeHost, SUMMARY_PROPERTY_NAMES } from './adapter';
export type { OnlyOfficeHostOptions } from './adapter';
export { OnlyOfficeHostError, isOnlyOfficeUserError, onlyOfficeErrors } from './errors';
export type { OoAsc, OoPlugin } from './api';
