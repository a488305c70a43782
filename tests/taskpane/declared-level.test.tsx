// @vitest-environment happy-dom
// Issue 13: a level declared in the pane's step 3 is saved in the document through the workflow's
// declareLevel (a `level-declared` event under the person's name), as `aiprov draft --level` does:
// the document reopened shows it, and `aiprov inspect` lists the event.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groundAnswer } from '../../src/ai';
import { DocxHost } from '../../src/host/docx';
import { setLanguage } from '../../src/i18n';
import type { GenerateFn } from '../../src/taskpane/generate';
import { documentStatus, insertDraft, loadRecord } from '../../src/workflow';
import { aiprov, tempDir } from '../cli/run';
import { AI_TEXT, GENERATION, USER, fireEvent, openHost, openStep, radio, renderPane, screen, type, waitFor } from './helpers';

beforeEach(() => {
  localStorage.clear();
  setLanguage('vi');
});
afterEach(() => cleanup());

const generate: GenerateFn = async (request) => ({
  text: AI_TEXT,
  generation: { ...GENERATION, prompt: request.prompt, level: request.level.declared ?? 1, redactions: {} },
  grounding: groundAnswer({ answer: AI_TEXT, sources: [] }),
});

async function draftWithDeclaredLevel(level: string) {
  const pane = await renderPane(openHost(), { generate });
  openStep(1);
  fireEvent.click(radio(/Soạn thảo văn bản/));
  openStep(2);
  fireEvent.click(radio(/Ollama/));
  openStep(3);
  type(screen.getByLabelText('Mức độ do người soạn khai báo'), level);
  type(screen.getByLabelText(/Yêu cầu gửi cho AI/), 'Viết đoạn kết quả chuyển đổi số năm 2025');
  openStep(4);
  fireEvent.click(screen.getByRole('button', { name: 'Tạo nội dung' }));
  await waitFor(() => expect(screen.getByRole('button', { name: 'Chèn vào văn bản' })).toBeTruthy());
  type(screen.getByLabelText('Chèn sau đoạn'), '5');
  fireEvent.click(screen.getByRole('button', { name: 'Chèn vào văn bản' }));
  await waitFor(async () => expect((await pane.host.listPassages()).length).toBe(1));
  return pane;
}

describe('the level declared in the pane', () => {
  it('is recorded with the inserted draft (level-declared, by the person), seen on reopening and by inspect', async () => {
    const pane = await draftWithDeclaredLevel('2');
    await waitFor(async () => {
      const loaded = await loadRecord(pane.host);
      expect(loaded.status).toBe('ok');
      const events = loaded.status === 'ok' ? loaded.record.events : [];
      expect(events.map((e) => e.type)).toEqual(['record-created', 'passage-generated', 'level-declared']);
      expect(events[2]).toMatchObject({ actor: USER, data: { level: 2 } });
    });
    // Reopened from its bytes: the declared level is the document's, without the pane's memory.
    const bytes = pane.host.save();
    const reopened = DocxHost.open(bytes);
    const status = await documentStatus(reopened, { actor: 'aiprov', lang: 'vi' });
    expect(status.level?.declared).toBe(2);
    expect(status.state?.declaredLevel).toMatchObject({ level: 2, by: USER });

    const file = join(tempDir(), 'khai-muc.docx');
    writeFileSync(file, bytes);
    const inspect = await aiprov('inspect', file, '--json');
    expect(inspect.code).toBe(0);
    const json = JSON.parse(inspect.stdout) as { record: { events: number }; level: { declared?: number } };
    expect(json.record.events).toBe(3);
    expect(json.level.declared).toBe(2);
  });

  it('a second draft at the same level, or a lower one, records no second event (workflow insertDraft)', async () => {
    const pane = await draftWithDeclaredLevel('2');
    await waitFor(async () => expect((await documentStatus(pane.host, { actor: USER, lang: 'vi' })).state?.declaredLevel?.level).toBe(2));
    const ctx = { actor: USER, lang: 'vi' as const };
    await insertDraft(pane.host, ctx, { at: { afterParagraph: 2 }, text: AI_TEXT, generation: GENERATION, declaredLevel: 2 });
    await insertDraft(pane.host, ctx, { at: { afterParagraph: 1 }, text: AI_TEXT, generation: GENERATION, declaredLevel: 1 });
    const loaded = await loadRecord(pane.host);
    const types = loaded.status === 'ok' ? loaded.record.events.map((e) => e.type) : [];
    expect(types.filter((t) => t === 'passage-generated')).toHaveLength(3);
    expect(types.filter((t) => t === 'level-declared')).toHaveLength(1);
    await insertDraft(pane.host, ctx, { at: { afterParagraph: 1 }, text: AI_TEXT, generation: GENERATION, declaredLevel: 3 });
    expect((await documentStatus(pane.host, ctx)).level?.declared).toBe(3);
  });
});
