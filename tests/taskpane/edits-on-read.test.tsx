// @vitest-environment happy-dom
// Issue 13 — no rule in the UI: the pane reads through the workflow's readDocument, which records the
// person's edits since the record last saw them (under their name); without a name nothing is written.
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/i18n';
import { loadRecord } from '../../src/workflow';
import { editPassage } from '../workflow/helpers';
import { USER, hostWithPassage, renderPane, waitFor } from './helpers';

beforeEach(() => {
  localStorage.clear();
  setLanguage('vi');
});
afterEach(() => cleanup());

const lastEvent = async (host: Parameters<typeof loadRecord>[0]) => {
  const loaded = await loadRecord(host);
  return loaded.status === 'ok' ? loaded.record.events.at(-1) : undefined;
};

describe('edits found when the pane reads', () => {
  it('are recorded under the person’s name', async () => {
    const { host, passageId } = await hostWithPassage();
    editPassage(host, passageId, '1.234', '1.240');
    await renderPane(host);
    await waitFor(async () => expect(await lastEvent(host)).toMatchObject({ type: 'passage-edited', actor: USER }));
  });

  it('are not written while the pane has no name', async () => {
    const { host, passageId } = await hostWithPassage();
    editPassage(host, passageId, '1.234', '1.240');
    await renderPane(host, { name: null });
    expect(await lastEvent(host)).toMatchObject({ type: 'passage-generated' });
  });
});
