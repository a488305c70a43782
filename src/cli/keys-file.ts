// The CLI's personal signing key (issue 11): one JSON file in the user's configuration directory
// ($AIPROV_CONFIG_DIR, else $XDG_CONFIG_HOME/aiprov, else ~/.config/aiprov), directory 0700, file
// 0600, written atomically. It holds the private key as JWK and is read only to sign; the private
// part is never printed, never put in a document, a log or a report.
import { randomUUID } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { keyIdOf, signerFromKeys, spkiBase64, type EventSigner } from '../provenance';
import { CliError } from './context';
import { messages } from './messages';

const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;

export interface KeyFile {
  version: 1;
  name: string;
  unit: string;
  role?: string;
  createdAt: string;
  keyId: string;
  publicKey: JsonWebKey;
  privateKey: JsonWebKey;
}

export interface PublicKeyInfo {
  name: string;
  unit: string;
  role?: string;
  createdAt: string;
  keyId: string;
  publicKeyJwk: JsonWebKey;
  publicKeySpki: string;
}

export function configDir(env: NodeJS.ProcessEnv): string {
  if (env.AIPROV_CONFIG_DIR?.trim()) return env.AIPROV_CONFIG_DIR.trim();
  const base = env.XDG_CONFIG_HOME?.trim() || join(homedir(), '.config');
  return join(base, 'aiprov');
}

export function keyFilePath(env: NodeJS.ProcessEnv): string {
  return join(configDir(env), 'signing-key.json');
}

function publicOnly(jwk: JsonWebKey): JsonWebKey {
  const { kty, crv, x, y } = jwk;
  return { kty, crv, x, y };
}

export async function createKeyFile(env: NodeJS.ProcessEnv, owner: { name: string; unit: string; role?: string }, force: boolean): Promise<PublicKeyInfo> {
  const file = keyFilePath(env);
  if (!force && (await readFile(file).then(() => true, () => false))) {
    throw new CliError({ vi: messages('vi').keys.exists(file), en: messages('en').keys.exists(file) }, 1);
  }
  const pair = (await crypto.subtle.generateKey(ECDSA, true, ['sign', 'verify'])) as CryptoKeyPair;
  const content: KeyFile = {
    version: 1,
    ...owner,
    createdAt: new Date().toISOString(),
    keyId: await keyIdOf(pair.publicKey),
    publicKey: publicOnly(await crypto.subtle.exportKey('jwk', pair.publicKey)),
    privateKey: await crypto.subtle.exportKey('jwk', pair.privateKey),
  };
  const dir = configDir(env);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temporary = join(dir, `.signing-key.${randomUUID()}.tmp`);
  try {
    await writeFile(temporary, JSON.stringify(content, null, 2) + '\n', { flag: 'wx', mode: 0o600 });
    await chmod(temporary, 0o600); // the umask cannot widen it, but be explicit
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return publicInfo(content, await spkiBase64(pair.publicKey));
}

async function readKeyFile(env: NodeJS.ProcessEnv): Promise<KeyFile | undefined> {
  const file = keyFilePath(env);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as KeyFile;
    if (parsed.version !== 1 || typeof parsed.name !== 'string' || !parsed.privateKey || !parsed.publicKey) throw new Error('shape');
    return parsed;
  } catch {
    throw new CliError({ vi: messages('vi').keys.unreadable(file), en: messages('en').keys.unreadable(file) }, 2);
  }
}

function publicInfo(content: KeyFile, spki: string): PublicKeyInfo {
  const { name, unit, role, createdAt, keyId, publicKey } = content;
  return { name, unit, ...(role ? { role } : {}), createdAt, keyId, publicKeyJwk: publicOnly(publicKey), publicKeySpki: spki };
}

/** The public half, for `keys show`; undefined when there is no key file. */
export async function readPublicKey(env: NodeJS.ProcessEnv): Promise<PublicKeyInfo | undefined> {
  const content = await readKeyFile(env);
  if (!content) return undefined;
  const publicKey = await crypto.subtle.importKey('jwk', publicOnly(content.publicKey), ECDSA, true, ['verify']);
  return publicInfo(content, await spkiBase64(publicKey));
}

/** A signer over the key file's private key (imported non-extractable), or undefined with no key file. */
export async function loadCliSigner(env: NodeJS.ProcessEnv): Promise<{ signer: EventSigner; owner: string } | undefined> {
  const content = await readKeyFile(env);
  if (!content) return undefined;
  try {
    const privateKey = await crypto.subtle.importKey('jwk', content.privateKey, ECDSA, false, ['sign']);
    const publicKey = await crypto.subtle.importKey('jwk', publicOnly(content.publicKey), ECDSA, true, ['verify']);
    return { signer: await signerFromKeys({ privateKey, publicKey }), owner: content.name };
  } catch {
    const file = keyFilePath(env);
    throw new CliError({ vi: messages('vi').keys.unreadable(file), en: messages('en').keys.unreadable(file) }, 2);
  }
}
