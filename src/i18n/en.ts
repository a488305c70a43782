import type { MessageKey } from './vi';

/**
 * English messages. Typed as exactly the Vietnamese keys: a missing key or an extra key is a
 * compile error, so the two catalogs cannot drift apart.
 */
export const en: { readonly [K in MessageKey]: string } = {
  'app.name': 'AI Provenance – Verified drafting',
  'app.shortName': 'AI Provenance',
  'app.tagline': 'Draft with AI while the document keeps the proof of how AI was used.',

  'common.unknown': 'unknown',

  'language.label': 'Language',
  'language.vi': 'Tiếng Việt (Vietnamese)',
  'language.en': 'English',

  'environment.heading': 'Environment',
  'environment.connecting': 'Connecting to Office…',
  'environment.host': 'Application',
  'environment.platform': 'Platform',
  'environment.wordApi': 'Word API set',
  'environment.notInOffice': 'Not running inside Office',
  'environment.standaloneNote':
    'This is the standalone view in a browser. Features that work on a Word document are only available when this pane is opened in Word.',
  'environment.unsupportedHost': 'This add-in is made for Word; {host} is not supported yet.',
  'environment.oldWordApi':
    'This version of Word does not support WordApi 1.3 or later. Update Office to use the add-in.',

  'platform.PC': 'Windows',
  'platform.Mac': 'macOS',
  'platform.OfficeOnline': 'Office on the web',
  'platform.iOS': 'iOS',
  'platform.Android': 'Android',
  'platform.Universal': 'Windows (Universal)',

  'document.heading': 'Document',
  'document.emptyTitle': 'No document analysed yet',
  'document.emptyBody':
    'Once the document is analysed, AI-written passages and the figures and citations to verify appear here.',

  'error.title': 'Something went wrong',
  'error.body': 'The task pane hit an error and cannot be shown. Close the pane and open it again. Details: {detail}',
};
