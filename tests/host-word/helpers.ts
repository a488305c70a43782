/** Shared set-up for the Word host tests. */
import { WordHost } from '../../src/host/word';
import { FakeWord } from './fake-word';

export function hostOver(word: FakeWord): WordHost {
  return new WordHost({ run: word.run, office: word.office });
}

/** Runs one host operation and reports how many `context.sync()` calls it made. */
export async function measured<T>(word: FakeWord, operation: () => Promise<T>): Promise<{ result: T; syncs: number }> {
  const before = word.syncCount;
  const result = await operation();
  return { result, syncs: word.syncCount - before };
}

/** Everything a failed operation could have changed, to prove it changed nothing. */
export function documentState(word: FakeWord): string {
  return JSON.stringify({
    body: word.body.paragraphs.map((p) => [p.text, p.styleBuiltIn]),
    controls: word.liveControls().map((c) => [c.id, c.tag, c.title, c.color, word.span(c)]),
    parts: word.xmlParts,
    properties: word.properties,
  });
}

export async function failure(promise: Promise<unknown>): Promise<Error & { code?: string; bilingual?: { vi: string; en: string } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string; bilingual?: { vi: string; en: string } };
  }
  throw new Error('expected the operation to fail');
}
