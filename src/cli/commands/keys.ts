// `aiprov keys init --name "…" --unit "…"` and `aiprov keys show` (issue 11): the person's signing key
// and, for the unit's administrator, the public key and its fingerprint as a trust-list entry.
import { type CliContext, CliError, parseCommandArgs } from '../context';
import { createKeyFile, keyFilePath, readPublicKey, type PublicKeyInfo } from '../keys-file';
import { messages } from '../messages';

export async function keysCommand(args: string[], context: CliContext): Promise<number> {
  const [sub, ...rest] = args;
  const m = messages(context.lang).keys;
  if (sub === 'init') {
    const { values } = parseCommandArgs(rest, { name: { type: 'string' }, unit: { type: 'string' }, role: { type: 'string' }, force: { type: 'boolean' } }, false);
    const name = values.name?.normalize('NFC').trim();
    const unit = values.unit?.normalize('NFC').trim();
    if (!name || !unit) throw new CliError({ vi: messages('vi').required(!name ? '--name' : '--unit'), en: messages('en').required(!name ? '--name' : '--unit') }, 2);
    const role = values.role?.normalize('NFC').trim();
    const info = await createKeyFile(context.env, { name, unit, ...(role ? { role } : {}) }, values.force === true);
    context.stdout(`${m.created(keyFilePath(context.env))}\n${describe(info, context)}`);
    return 0;
  }
  if (sub === 'show') {
    const { values } = parseCommandArgs(rest, { json: { type: 'boolean' } }, false);
    const info = await readPublicKey(context.env);
    if (!info) throw new CliError({ vi: messages('vi').keys.none(keyFilePath(context.env)), en: messages('en').keys.none(keyFilePath(context.env)) }, 1);
    context.stdout(values.json ? JSON.stringify({ keyId: info.keyId, trustedKey: trustEntry(info) }, null, 2) + '\n' : describe(info, context));
    return 0;
  }
  context.stderr(m.usage + '\n');
  return 2;
}

/** The entry as org-settings.json `trustedKeys` takes it. */
function trustEntry(info: PublicKeyInfo) {
  return { name: info.name, unit: info.unit, ...(info.role ? { role: info.role } : {}), publicKey: info.publicKeyJwk, validFrom: info.createdAt };
}

function describe(info: PublicKeyInfo, context: CliContext): string {
  const m = messages(context.lang).keys;
  const pem = `-----BEGIN PUBLIC KEY-----\n${info.publicKeySpki.replace(/(.{64})/g, '$1\n').trim()}\n-----END PUBLIC KEY-----`;
  return [m.owner(info.name, info.unit), m.fingerprint(info.keyId), pem, m.forAdmin, JSON.stringify(trustEntry(info), null, 2), ''].join('\n');
}
