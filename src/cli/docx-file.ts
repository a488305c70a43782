// Opening a .docx for a command and writing the result: the input is never modified unless
// --in-place, and the output is written atomically only after the whole command succeeded.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DocxError, DocxHost } from '../host/docx';
import { HostError } from '../host/port';
import { RecordUnusableError, WorkflowError } from '../workflow';
import { CliError } from './context';
import { assertWritableFolder, sha256Of, writeAtomically } from './io';
import { readBytes } from './load';
import { messages } from './messages';
import { bilingual } from '../i18n';

/** What each opened document was read from, so an in-place save can check nobody wrote it since. */
const openedFrom = new WeakMap<DocxHost, { path: string; sha256: string }>();

/** `readOnly` (issue 14 — performance): for commands that never write the document (light parse). */
export async function openDocxFile(path: string, options: { readOnly?: boolean } = {}): Promise<DocxHost> {
  const bytes = await readBytes(path);
  try {
    const host = DocxHost.open(bytes, { readOnly: options.readOnly });
    openedFrom.set(host, { path: resolve(path), sha256: sha256Of(bytes) });
    return host;
  } catch (error) {
    throw asCliError(error);
  }
}

export interface OutputOptions {
  output?: string;
  inPlace?: boolean;
  /** Replace an existing -o file (without it, an existing file is refused: never overwritten without a word). */
  force?: boolean;
}

/** Refuses to replace a file that exists unless --force was given. */
export function refuseExisting(path: string, force: boolean | undefined): void {
  if (!force && existsSync(path)) throw new CliError({ vi: messages('vi').outputExists(path), en: messages('en').outputExists(path) }, 2);
}

/** Where the command writes: `-o OUT`, or the input itself with --in-place; one of them is required. */
export function outputPath(input: string, options: OutputOptions): string {
  if (options.inPlace && options.output) {
    throw new CliError(bilingual('cli.docx-file.outputPath'), 2);
  }
  if (options.inPlace) return input;
  if (!options.output) {
    throw new CliError(
      bilingual('cli.docx-file.outputPath2'),
      2,
    );
  }
  if (resolve(options.output) === resolve(input)) {
    throw new CliError(
      bilingual('cli.docx-file.outputPath3'),
      2,
    );
  }
  assertWritableFolder(options.output);
  refuseExisting(options.output, options.force);
  return options.output;
}

/** Saves; over the file it was opened from only if that file is unchanged since (no lost update). */
export async function saveDocx(host: DocxHost, path: string): Promise<void> {
  const source = openedFrom.get(host);
  const bytes = (() => {
    try {
      return host.save();
    } catch (error) {
      throw asCliError(error);
    }
  })();
  await writeAtomically(path, bytes, source && source.path === resolve(path) ? { expectedSha256: source.sha256 } : {});
}

/** Errors from the layers below, as one-line CLI errors (exit 2: unreadable/unusable, 1: refused). */
export function asCliError(error: unknown): unknown {
  if (error instanceof DocxError || error instanceof RecordUnusableError) return new CliError(error.bilingual, 2);
  if (error instanceof HostError) return new CliError(error.bilingual, 2);
  if (error instanceof WorkflowError) {
    const reasons = error.reasons;
    if (reasons.length === 0) return new CliError(error.bilingual, 1);
    return new CliError(
      {
        vi: [error.bilingual.vi, ...reasons.map((r) => `  - ${r.vi}`)].join('\n'),
        en: [error.bilingual.en, ...reasons.map((r) => `  - ${r.en}`)].join('\n'),
      },
      1,
    );
  }
  return error;
}
