// Issue 13 — no rule in the UI: recording edits on read and the drafting levels are decided in the
// workflow (readDocument, draftingLevel); the pane and the CLI's read commands call them.
import { describe, expect, it } from 'vitest';
import { DocxHost } from '../../src/host/docx';
import { resolveProfile } from '../../src/policy';
import { documentLevel, documentStatus, draftingLevel, insertPassage, loadRecord, providerAllowed, readDocument } from '../../src/workflow';
import { AI_TEXT, GENERATION, context, editPassage, reportDocx } from './helpers';

async function editedDocument() {
  const host = DocxHost.open(reportDocx());
  const passageId = await insertPassage(host, context('Nguyễn Văn An'), { afterParagraph: 5, text: AI_TEXT, generation: GENERATION });
  editPassage(host, passageId, '1.234', '1.240');
  return { host, passageId };
}

const eventTypes = async (host: DocxHost) => {
  const loaded = await loadRecord(host);
  return loaded.status === 'ok' ? loaded.record.events.map((e) => `${e.type}:${e.actor}`) : [];
};

describe('readDocument', () => {
  it('records the edits found on read under the reader’s name when asked, then shows the state after', async () => {
    const { host, passageId } = await editedDocument();
    const reading = await readDocument(host, context('Trần Thị Bình'), { recordEdits: true });
    expect(reading.recorded?.edited).toEqual([passageId]);
    expect(reading.status.pending.edited).toEqual([]);
    expect(reading.paragraphs.some((p) => p.text.includes('1.240'))).toBe(true);
    expect((await eventTypes(host)).at(-1)).toMatch(/^passage-edited:Trần Thị Bình$/u);
  });

  it('changes nothing without recordEdits (the CLI read), or without a name', async () => {
    const { host, passageId } = await editedDocument();
    const before = await eventTypes(host);
    const cli = await readDocument(host, { actor: 'aiprov', lang: 'vi' });
    expect(cli.status.pending.edited).toEqual([passageId]);
    expect(cli.recorded).toBeUndefined();
    const nameless = await readDocument(host, { actor: '  ', lang: 'vi' }, { recordEdits: true });
    expect(nameless.recorded).toBeUndefined();
    expect(await eventTypes(host)).toEqual(before);
    // Same as documentStatus for the state shown.
    expect(cli.status.view).toEqual((await documentStatus(host, { actor: 'aiprov', lang: 'vi' })).view);
  });
});

describe('draftingLevel', () => {
  it('takes the stricter of detected, recorded and declared-now; opens providers by the profile', async () => {
    const host = DocxHost.open(reportDocx());
    const level = await documentLevel(host);
    const strict = resolveProfile({ profile: 'strict' });
    const plain = draftingLevel(level, null, strict);
    expect(plain.effective).toBe(level.effective);
    expect(plain.declared).toBeUndefined();
    const two = draftingLevel(level, 2, strict);
    expect(two).toMatchObject({ declared: 2, effective: Math.max(2, level.effective) });
    expect(providerAllowed(two, 'public')).toBe(false);
    expect(providerAllowed(two, 'internal')).toBe(true);
    expect(providerAllowed(two, undefined)).toBe(false);
    const four = draftingLevel(level, 4, strict);
    expect(four.effective).toBe(4);
    expect(four.permissions.some((p) => p.allowed)).toBe(false);
    expect(draftingLevel(undefined, null, strict)).toMatchObject({ detected: 1, effective: 1, canConfirmPublished: false, raisedByTopics: false });
  });

  it('offers "published" for a topic suggestion, but not while a possible secrecy stamp is unanswered', async () => {
    const strict = resolveProfile({ profile: 'strict' });
    const bidding = 'Nghị định này quy định chi tiết một số điều và biện pháp thi hành Luật Đấu thầu về lựa chọn nhà thầu.';
    const topicOnly = await documentLevel(DocxHost.open(reportDocx([bidding])));
    expect(draftingLevel(topicOnly, null, strict)).toMatchObject({ canConfirmPublished: true, raisedByTopics: true });
    const withPossibleStamp = await documentLevel(DocxHost.open(reportDocx(['Tối Mật', bidding])));
    expect(withPossibleStamp.possiblySecret.length).toBeGreaterThan(0);
    expect(draftingLevel(withPossibleStamp, null, strict).canConfirmPublished).toBe(false);
  });
});
