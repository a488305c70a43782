/**
 * The fake must behave like Office.js where it matters, or the host tests prove nothing: reading
 * before load + sync throws, writes wait for sync, a failing operation stops the batch.
 */
import { describe, expect, it } from 'vitest';
import { FakeWord } from './fake-word';

describe('the fake Word API', () => {
  it('throws when a property is read before load() and sync(), like Office.js', async () => {
    const word = new FakeWord().addParagraphs('a', 'b');
    await word.run(async (context) => {
      const paragraphs = context.document.body.paragraphs;
      expect(() => paragraphs.items).toThrow(/PropertyNotLoaded/);
      paragraphs.load('items/text');
      expect(() => paragraphs.items).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(paragraphs.items.map((p) => p.text)).toEqual(['a', 'b']);
      // Loaded text, not loaded style:
      expect(() => paragraphs.items[0]!.styleBuiltIn).toThrow(/PropertyNotLoaded/);
    });
  });

  it('a ClientResult has no value before sync', async () => {
    const word = new FakeWord().addParagraphs('a');
    await word.run(async (context) => {
      const xml = context.document.body.getOoxml();
      expect(() => xml.value).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(xml.value).toContain('pkg:package');
    });
  });

  it('null objects: isNullObject after sync; their properties are not to be read', async () => {
    const word = new FakeWord().addParagraphs('a', 'b');
    word.addControl({ from: 2, title: 'x' });
    await word.run(async (context) => {
      const paragraphs = context.document.body.paragraphs.load('items/parentContentControlOrNullObject/title');
      await context.sync();
      const [first, second] = paragraphs.items.map((p) => p.parentContentControlOrNullObject);
      expect(first!.isNullObject).toBe(true);
      expect(() => first!.title).toThrow(/null object/);
      expect(second!.isNullObject).toBe(false);
      expect(second!.title).toBe('x');
    });
  });

  it('queues writes until sync, counts syncs, and drops the rest of a batch after a failure', async () => {
    const word = new FakeWord().addParagraphs('a');
    const control = word.addControl({ from: 1, title: 'old', cannotDelete: true });
    await expect(
      word.run(async (context) => {
        const controls = context.document.body.contentControls.load('items/id');
        await context.sync();
        const proxy = controls.items[0]!;
        proxy.title = 'new';
        expect(control.title).toBe('old');
        proxy.delete(true); // fails: cannot be deleted
        proxy.tag = 'never';
        await context.sync();
      }),
    ).rejects.toMatchObject({ name: 'RichApi.Error', code: 'InvalidArgument' });
    expect(word.syncCount).toBe(2);
    expect(control).toMatchObject({ title: 'new', tag: '', deleted: false });
  });
});
