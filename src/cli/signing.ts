// What the review and check commands add to the workflow context for signatures (issue 11): the
// person's key from the key file, when there is one, and the trust list from org-settings.json
// (--settings FILE or AIPROV_SETTINGS).
import type { TrustedKey } from '../provenance';
import type { WorkflowContext } from '../workflow';
import { type CliContext, CliError } from './context';
import { loadCliSigner } from './keys-file';
import { messages } from './messages';
import { loadSettings } from './settings';

export async function trustListOf(context: CliContext, settingsPath?: string): Promise<TrustedKey[]> {
  const loaded = await loadSettings(settingsPath, context.env);
  if (loaded.warning) context.stderr(`${loaded.warning[context.lang]}\n`);
  return loaded.settings.trustedKeys;
}

/** The signer (refused when its owner is not the person named by --by) and the trust list. */
export async function signingContext(context: CliContext, actor: string): Promise<Pick<WorkflowContext, 'signer' | 'trustedKeys'>> {
  const trustedKeys = await trustListOf(context);
  const key = await loadCliSigner(context.env);
  if (!key) return { trustedKeys };
  const same = (a: string) => a.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
  if (same(key.owner) !== same(actor)) {
    throw new CliError({ vi: messages('vi').keys.actorMismatch(actor, key.owner), en: messages('en').keys.actorMismatch(actor, key.owner) }, 2);
  }
  return { signer: key.signer, trustedKeys };
}
