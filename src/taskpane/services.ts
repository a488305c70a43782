/**
 * What the pane needs from outside: the document (any DocumentHost: Word in the add-in, a .docx in
 * tests), the draft workflow, the organisation's settings and where to keep the user's own.
 */
import type { ClaimTarget, DocumentHost } from '../host/port';
import type { ParsedOrgSettings } from '../policy';
import type { GenerateFn } from './generate';
import type { KeyStorage } from './keyStore';

export interface PaneServices {
  readonly host: DocumentHost;
  /** The draft workflow; absent where AI cannot be reached (the pane says so). */
  readonly generate?: GenerateFn;
  /** org-settings.json, parsed (defaults when there is none). */
  readonly org: ParsedOrgSettings;
  /** issue 9 — registry: fetches the organisation's registry files (default: the browser's fetch). */
  readonly fetch?: (url: string, init?: RequestInit) => Promise<Response>;
  /** Where the user's name, own providers and keys live: this computer only. */
  readonly storage?: Storage | null;
  /** Saves an exported file (a download in the browser). */
  readonly saveFile?: (name: string, blob: Blob) => void;
  /**
   * Shows a passage (or a claim in it) where the host has no selection of its own: the workbench
   * scrolls its document view there. Where the host has `selectPassage`, that is used instead.
   */
  readonly selectPassage?: (passageId: string, claim?: ClaimTarget) => void;
  /**
   * The claim whose card became current in step 5 (focus moved into it): the workbench marks it in
   * its document view. Not used over a host with a selection (Word selects on "Chọn trong văn bản"
   * only, so walking the cards never takes focus out of the pane).
   */
  readonly showClaim?: (passageId: string, claim: ClaimTarget) => void;
  // issue 11 — signatures
  /** Where the personal signing key lives (default: IndexedDB of this origin; null: none). */
  readonly keyStorage?: KeyStorage | null;
}

/** Downloads a Blob through a temporary link (works in the browser and in Office's web view). */
export function downloadFile(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
