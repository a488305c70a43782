/**
 * Any error a use case throws, as the person should read it. WorkflowError, HostError, AiError,
 * DocxError and RecordUnusableError all carry `bilingual`; refusals also carry `reasons`.
 */
import type { Bilingual } from '../checks/types';
import { bilingual } from '../i18n';

export interface PaneMessage {
  message: Bilingual;
  reasons: Bilingual[];
}

const isBilingual = (value: unknown): value is Bilingual =>
  typeof value === 'object' && value !== null && typeof (value as Bilingual).vi === 'string' && typeof (value as Bilingual).en === 'string';

export function paneMessage(error: unknown): PaneMessage {
  const e = error as { bilingual?: unknown; reasons?: unknown; message?: unknown } | null;
  const reasons = Array.isArray(e?.reasons) ? e.reasons.filter(isBilingual) : [];
  if (e && isBilingual(e.bilingual)) return { message: e.bilingual, reasons };
  const detail = error instanceof Error ? error.message : String(error);
  return {
    message: bilingual('taskpane.errors.paneMessage.message', { detail }),
    reasons,
  };
}
