/** watchPassages: content control events where Word has them (WordApi 1.5), a no-op elsewhere. */
import { describe, expect, it } from 'vitest';
import type { PassageChange } from '../../src/host/word';
import { watchPassages } from '../../src/host/word';
import { FakeWord } from './fake-word';
import { hostOver, measured } from './helpers';

describe('watchPassages', () => {
  it('reports edits and deletions of passages, and controls added, until unsubscribed', async () => {
    const word = FakeWord.withPassages(3);
    const mine = word.addControl({ from: 1, title: 'Trích yếu', tag: 'form:summary' });
    const changes: PassageChange[] = [];
    const { result: watch, syncs } = await measured(word, () => hostOver(word).watchPassages((c) => changes.push(c)));
    expect(watch.supported).toBe(true);
    expect(syncs).toBe(2);

    const p2 = word.controlByTag('aiprov:p-2')!;
    await word.userEditsControl(p2, 'Đoạn AI 2 đã sửa');
    await word.userEditsControl(mine, 'không phải đoạn AI');
    await word.userDeletesControl(word.controlByTag('aiprov:p-3')!);
    const pasted = await word.userAddsControl({ from: 1, title: 'AI · dán vào', tag: 'aiprov:pasted' });
    expect(changes).toEqual([
      { kind: 'changed', controlIds: [p2.id] },
      { kind: 'deleted', controlIds: [word.controls.find((c) => c.tag === 'aiprov:p-3')!.id] },
      { kind: 'added', controlIds: [pasted.id] },
    ]);

    await watch.unsubscribe();
    await word.userEditsControl(p2, 'lại sửa');
    await word.userAddsControl({ from: 2, title: 'AI · nữa', tag: 'aiprov:again' });
    expect(changes).toHaveLength(3);
  });

  it('the same two round trips for 200 passages', async () => {
    const word = FakeWord.withPassages(200);
    const { syncs } = await measured(word, () => watchPassages(() => undefined, { run: word.run, office: word.office }));
    expect(syncs).toBe(2);
  });

  it('a listener that throws does not break Word’s event dispatch', async () => {
    const word = FakeWord.withPassages(1);
    await hostOver(word).watchPassages(() => {
      throw new Error('listener bug');
    });
    await expect(word.userEditsControl(word.controlByTag('aiprov:p-1')!, 'x')).resolves.toBeUndefined();
  });

  it('without WordApi 1.5: supported false, no round trip, unsubscribe is harmless', async () => {
    const word = new FakeWord({ wordApi: 4 }).addParagraphs('a');
    const { result: watch, syncs } = await measured(word, () => hostOver(word).watchPassages(() => undefined));
    expect(watch.supported).toBe(false);
    expect(syncs).toBe(0);
    await expect(watch.unsubscribe()).resolves.toBeUndefined();
  });
});
