// Shared set-up for the task pane component tests: the real App over a real DocxHost (a .docx in
// memory), the organisation's settings, the user's name in localStorage, and an injected generator.
import { configure, fireEvent, render, screen, waitFor, within, type RenderResult } from '@testing-library/react';
import { expect } from 'vitest';
import { DocxHost } from '../../src/host/docx';
import { parseOrgSettings } from '../../src/policy';
import { App } from '../../src/taskpane/App';
import type { GenerateFn } from '../../src/taskpane/generate';
import type { KeyStorage, StoredPersonalKey } from '../../src/taskpane/keyStore';
import type { PaneServices } from '../../src/taskpane/services';
import { saveUserSettings } from '../../src/taskpane/userSettings';
import { documentStatus, insertPassage, type DocumentStatus } from '../../src/workflow';
import { AI_TEXT, GENERATION, context, reportDocx, REPORT_PARAGRAPHS } from '../workflow/helpers';
import { TEST_UNIT, TEST_VALID_FROM, testKey, testTrustList } from '../fixtures/test-keys';

export { AI_TEXT, GENERATION, REPORT_PARAGRAPHS, context, reportDocx };

// Two cores shared with other test files: give the document reads time before a wait gives up.
configure({ asyncUtilTimeout: 5000 });

// happy-dom's Web Animations reject when Fluent's accordion motion is cancelled on unmount; Fluent
// falls back to no animation when elements cannot animate, as in a browser without the API.
Object.defineProperty(Element.prototype, 'animate', { value: undefined, configurable: true, writable: true });

export const USER = 'Trần Thị Bình';

export interface PaneOptions {
  paragraphs?: string[];
  org?: unknown;
  name?: string | null;
  generate?: GenerateFn;
  saveFile?: PaneServices['saveFile'];
  /**
   * issue 11 — signatures: by default the user has their personal key in the pane's key store and the
   * organisation's trust list has every test person (the default strict profile counts only a
   * sign-off made with a trusted key). `false`: no key in the store and no trust list.
   */
  keys?: boolean;
  /** issue 9 — registry: serves the organisation's registry files. */
  fetch?: PaneServices['fetch'];
}

/** The pane's key store (in memory) holding `name`'s test key, as "Tạo khóa cá nhân" would have left it. */
export async function keyStorageWith(name: string): Promise<KeyStorage> {
  const key = testKey(name);
  const subtle = globalThis.crypto.subtle;
  const ecdsa = { name: 'ECDSA', namedCurve: 'P-256' };
  let stored: StoredPersonalKey | undefined = {
    name,
    unit: TEST_UNIT,
    createdAt: TEST_VALID_FROM,
    keyId: key.keyId,
    privateKey: await subtle.importKey('jwk', key.privateJwk as JsonWebKey, ecdsa, false, ['sign']),
    publicKey: await subtle.importKey('jwk', key.publicJwk as JsonWebKey, ecdsa, true, ['verify']),
  };
  return { get: async () => stored, put: async (next) => void (stored = next) };
}

function withTrustList(org: unknown): unknown {
  if (org === undefined) return { trustedKeys: testTrustList() };
  if (org && typeof org === 'object' && !('trustedKeys' in org)) return { ...org, trustedKeys: testTrustList() };
  return org;
}

export interface Pane extends RenderResult {
  host: DocxHost;
}

export function openHost(paragraphs: string[] = REPORT_PARAGRAPHS): DocxHost {
  return DocxHost.open(reportDocx(paragraphs));
}

/** A host with one generated passage (three claims: 1.234, 87,5%, Nghị định 13/2023/NĐ-CP). */
export async function hostWithPassage(): Promise<{ host: DocxHost; passageId: string }> {
  const host = openHost();
  const passageId = await insertPassage(host, context('Nguyễn Văn An'), { afterParagraph: 5, text: AI_TEXT, generation: GENERATION });
  return { host, passageId };
}

/** Renders the pane over `host` and waits until the document has been read. */
export async function renderPane(host: DocxHost, options: PaneOptions = {}): Promise<Pane> {
  if (options.name !== null) saveUserSettings(localStorage, { name: options.name ?? USER, role: '', providers: [] });
  const keys = options.keys !== false;
  const services: PaneServices = {
    host,
    org: parseOrgSettings(keys ? withTrustList(options.org) : options.org),
    storage: localStorage,
    keyStorage: keys ? await keyStorageWith(options.name ?? USER) : null,
    ...(options.generate ? { generate: options.generate } : {}),
    ...(options.saveFile ? { saveFile: options.saveFile } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  const result = render(<App environment={{ kind: 'office', host: 'Word', platform: 'PC', wordApi: '1.4', displayLanguage: 'vi-VN' }} services={services} />);
  await waitFor(() => expect(screen.getAllByRole('button', { name: /^(Bước|Step) \d/ }).length).toBeGreaterThan(0), { timeout: 5000 });
  return Object.assign(result, { host });
}

/** Opens the accordion step whose header starts with "Bước n." / "Step n." (if not open yet). */
export function openStep(n: number): HTMLElement {
  const header = screen.getByRole('button', { name: new RegExp(`^(Bước|Step) ${n}\\.`) });
  if (header.getAttribute('aria-expanded') !== 'true') fireEvent.click(header);
  expect(header.getAttribute('aria-expanded')).toBe('true');
  return header;
}

export function stepHeaders(): string[] {
  return screen.getAllByRole('button', { name: /^(Bước|Step) \d/ }).map((b) => b.textContent ?? '');
}

export async function statusOf(host: DocxHost): Promise<DocumentStatus> {
  return documentStatus(host, { actor: USER, lang: 'vi' });
}

export function radio(name: RegExp | string): HTMLInputElement {
  return screen.getByRole('radio', { name }) as HTMLInputElement;
}

export function type(element: HTMLElement, value: string): void {
  fireEvent.change(element, { target: { value } });
}

export { fireEvent, screen, waitFor, within };
