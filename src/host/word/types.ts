/** The slices of Office.js the Word host depends on, so tests can hand in a fake. */

/** `Word.run` as this host calls it (one batch function); `Word.run` itself fits. */
export type WordRunner = <T>(batch: (context: Word.RequestContext) => Promise<T>) => Promise<T>;

/** The part of the `Office` namespace used: requirement checks and the common custom XML API. */
export interface OfficeLike {
  context: {
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    document: { customXmlParts: Office.CustomXmlParts };
  };
}

export interface WordHostOptions {
  /** Defaults to the global `Word.run`. */
  run?: WordRunner;
  /** Defaults to the global `Office`. */
  office?: OfficeLike;
}

/** Resolves the defaults lazily, so importing this module outside Office (Node, tests) is harmless. */
export function resolveRuntime(options: WordHostOptions): { run: WordRunner; office: OfficeLike | undefined } {
  const run: WordRunner =
    options.run ??
    ((batch) => {
      if (typeof Word === 'undefined') throw new Error('Word.run is not available: the add-in is not running inside Word.');
      return Word.run(batch);
    });
  const office = options.office ?? (typeof Office === 'undefined' ? undefined : (Office as unknown as OfficeLike));
  return { run, office };
}

/** True when Word reports the API set at that version; false when it cannot tell (no Office). */
export function supports(office: OfficeLike | undefined, set: string, version: string): boolean {
  try {
    return !!office?.context?.requirements?.isSetSupported(set, version);
  } catch {
    return false;
  }
}
