/** Failures from Word reach the user as a plain, bilingual message, and leave nothing half-done. */
import { describe, expect, it } from 'vitest';
import { HostError } from '../../src/host/port';
import { WordHost, WordHostError, isHostUserError, toUserError } from '../../src/host/word';
import { FakeOfficeError, FakeWord } from './fake-word';
import { documentState, failure, hostOver, measured } from './helpers';

const NS = 'urn:aiprov:record:1';

describe('a read-only document', () => {
  it('refuses a new mark with a read-only message in both languages, and changes nothing', async () => {
    const word = FakeWord.withPassages(3, { readOnly: true });
    const before = documentState(word);
    const error = await failure(hostOver(word).markPassage({ passageId: 'x', fromParagraph: 4, toParagraph: 4, title: 'AI · x', color: '#FFC000' }));
    expect(error).toBeInstanceOf(WordHostError);
    expect(error.code).toBe('read-only');
    expect(error.bilingual!.vi).toContain('chỉ đọc');
    expect(error.bilingual!.en).toContain('read-only');
    expect((error as WordHostError).officeCode).toBe('AccessDenied');
    expect(documentState(word)).toBe(before);
  });

  it('refuses every kind of write the same way, and reading still works', async () => {
    const word = FakeWord.withPassages(2, { readOnly: true });
    const host = hostOver(word);
    const writes = [
      host.insertPassage({ passageId: 'y', afterParagraph: 1, text: 'x', title: 'AI · y', color: '#FFC000' }),
      host.updatePassage({ passageId: 'p-1', title: 'AI · đã kiểm chứng' }),
      host.removeMark('p-1'),
      host.insertParagraph({ afterParagraph: 'end', text: 'x' }),
      host.writeProperties({ AIProvenanceStatus: '1/1' }),
      host.writeRecord(NS, `<r xmlns="${NS}"/>`),
    ];
    for (const write of writes) expect((await failure(write)).code).toBe('read-only');
    expect(await host.listPassages()).toHaveLength(2);
  });

  it('is reported as read-only on the common API path too (Office error 7000)', async () => {
    const word = new FakeWord({ wordApi: 3, readOnly: true }).addParagraphs('a');
    const error = await failure(hostOver(word).writeRecord(NS, `<r xmlns="${NS}"/>`));
    expect(error.code).toBe('read-only');
    expect(word.xmlParts).toHaveLength(0);
  });
});

describe('a Word without the needed API', () => {
  it('reports "not supported by this Word version" in both languages', async () => {
    // An Office object that claims WordApi 1.4 while the host lacks it: Word answers ApiNotFound.
    const word = new FakeWord({ wordApi: 3 }).addParagraphs('a');
    const host = new WordHost({ run: word.run, office: { ...word.office, context: { ...word.office.context, requirements: { isSetSupported: () => true } } } });
    const error = await failure(host.readRecord(NS));
    expect(error.code).toBe('api-not-supported');
    expect(error.bilingual!.vi).toContain('Phiên bản Word này chưa hỗ trợ');
    expect(error.bilingual!.en).toContain('This version of Word does not support');
  });

  it('maps NotImplemented the same way', () => {
    const mapped = toUserError(new FakeOfficeError('NotImplemented', 'not implemented'));
    expect(mapped).toMatchObject({ code: 'api-not-supported', officeCode: 'NotImplemented' });
  });
});

describe('a locked or deleted content control', () => {
  it('removeMark on a control that cannot be deleted: refused before any write', async () => {
    const word = FakeWord.withPassages(2);
    word.controlByTag('aiprov:p-2')!.cannotDelete = true;
    const before = documentState(word);
    const { result: error, syncs } = await measured(word, () => failure(hostOver(word).removeMark('p-2')));
    expect(syncs).toBe(1);
    expect(error.code).toBe('control-locked-or-deleted');
    expect(error.bilingual!.vi).toContain('"AI · chưa kiểm chứng · 2" đã bị khoá hoặc đã bị xoá');
    expect(error.bilingual!.en).toContain('"AI · chưa kiểm chứng · 2" is locked or was deleted');
    expect(documentState(word)).toBe(before);
  });

  it('marking paragraphs inside a control locked against editing is refused before any write', async () => {
    const word = new FakeWord().addParagraphs('a', 'b', 'c');
    word.addControl({ from: 1, to: 3, title: 'Mẫu cố định', cannotEdit: true });
    const before = documentState(word);
    const error = await failure(hostOver(word).markPassage({ passageId: 'x', fromParagraph: 2, toParagraph: 2, title: 'AI · x', color: '#FFC000' }));
    expect(error.code).toBe('control-locked-or-deleted');
    expect(error.bilingual!.en).toContain('Mẫu cố định');
    expect(documentState(word)).toBe(before);
  });

  it('a control locked by the user between the read and the write: Word refuses, the user is told', async () => {
    const word = FakeWord.withPassages(2);
    const control = word.controlByTag('aiprov:p-1')!;
    word.beforeSync = (n) => {
      if (n === 2) control.cannotDelete = true;
    };
    const error = await failure(hostOver(word).removeMark('p-1'));
    expect(error).toMatchObject({ code: 'control-locked-or-deleted', officeCode: 'InvalidArgument' });
    expect(control.deleted).toBe(false);
  });

  it('a control deleted by the user between the read and the write: reported as deleted', async () => {
    const word = FakeWord.withPassages(2);
    const control = word.controlByTag('aiprov:p-1')!;
    word.beforeSync = (n) => {
      if (n === 2) control.deleted = true;
    };
    const error = await failure(hostOver(word).updatePassage({ passageId: 'p-1', title: 'AI · đã kiểm chứng' }));
    expect(error).toMatchObject({ code: 'control-locked-or-deleted', officeCode: 'ItemNotFound' });
  });
});

describe('insertPassage never leaves AI text unmarked', () => {
  it('when Word fails after the control exists, the text that did land is inside the control', async () => {
    const word = new FakeWord().addParagraphs('Tiêu đề', 'Thân');
    // The user locks... nothing we checked: simulate Word failing on the third line's insertion.
    let calls = 0;
    const realInsert = word.insertBeside.bind(word);
    word.insertBeside = (anchor, where, text, grow) => {
      if (++calls === 3) throw new FakeOfficeError('GeneralException', 'Word could not insert the paragraph.');
      return realInsert(anchor, where, text, grow);
    };
    const error = await failure(hostOver(word).insertPassage({ passageId: 'p', afterParagraph: 1, text: 'một\nhai\nba', title: 'AI · x', color: '#FFC000' }));
    expect(error.code).toBe('word-failed');
    expect(error.bilingual!.vi).toContain('Word báo lỗi');
    const control = word.controlByTag('aiprov:p')!;
    const [from, to] = word.span(control);
    const unmarked = word.bodyTexts().filter((_, i) => i + 1 < from || i + 1 > to);
    expect(unmarked).toEqual(['Tiêu đề', 'Thân']);
  });
});

describe('toUserError', () => {
  it('passes errors already meant for the user through unchanged', () => {
    const refused = new HostError('passage-not-found', 'vi', 'en');
    expect(toUserError(refused)).toBe(refused);
    expect(isHostUserError(refused)).toBe(true);
  });

  it('maps EditModeNotAllowed to read-only', () => {
    expect(toUserError(new FakeOfficeError('EditModeNotAllowed', 'x')).code).toBe('read-only');
  });

  it('keeps InvalidArgument as Word’s own error where no content control is involved', () => {
    const mapped = toUserError(new FakeOfficeError('InvalidArgument', 'bad xml'), { touchesControls: false });
    expect(mapped).toMatchObject({ code: 'word-failed', officeCode: 'InvalidArgument' });
    expect((mapped as WordHostError).bilingual.en).toContain('bad xml');
  });

  it('wraps anything else with its message, never "[object Object]"', () => {
    const mapped = toUserError(new TypeError('boom')) as WordHostError;
    expect(mapped.code).toBe('word-failed');
    expect(mapped.message).toContain('boom');
    expect(mapped.cause).toBeInstanceOf(TypeError);
  });
});
