export { WordHost } from './adapter';
export { watchPassages } from './watch';
export type { PassageChange, PassageWatch } from './watch';
export { WordHostError, isHostUserError, toUserError } from './errors';
export type { WordHostErrorCode, ErrorContext } from './errors';
export type { WordRunner, OfficeLike, WordHostOptions } from './types';
export { textboxesInFlatOpc } from './ooxml';
