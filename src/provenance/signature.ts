// Personal signatures on the events a person answers for (issue 11): verifications, rejections,
// the disclosure and the sign-off. ECDSA P-256 with SHA-256 through WebCrypto ("ES256"), the one
// signature scheme that Node 20, Chromium, Edge WebView2 (Word on Windows) and Safari all have —
// Ed25519 is missing from older WebView2/Safari builds. Pure: keys come in as CryptoKeys, nothing is
// stored here. The signature covers the event's canonical form without its own `sig` (so it
// includes `prev`, the hash of everything before); the event hash then covers the signature too.
import { canonicalJson } from './canonical';
import { sha256Hex } from './hash';
import type { EventSignature, KnownEventType, ProvenanceEvent } from './schema';

export const SIGNATURE_ALG = 'ES256' as const;
export const SIGNED_EVENT_TYPES: ReadonlySet<string> = new Set<KnownEventType>([
  'claim-verified',
  'claim-rejected',
  'disclosure-inserted',
  'signed-off',
]);
const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;
/** Domain separation: these bytes are never a valid signing input for anything else. */
const SIGNING_PREFIX = 'aiprov-event-signature-v1\n';
const utf8 = new TextEncoder();

/** What appendEvent needs to sign: the key's id and a signing function. Never the private key bytes. */
export interface EventSigner {
  keyId: string;
  sign(bytes: Uint8Array): Promise<Uint8Array>;
}

export interface KeyPairLike {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

/** A new P-256 key pair; the private key is non-extractable unless asked (the CLI stores it as JWK). */
export async function generateSigningKeyPair(extractable = false): Promise<KeyPairLike> {
  const pair = (await globalThis.crypto.subtle.generateKey(ECDSA, extractable, ['sign', 'verify'])) as CryptoKeyPair;
  return pair;
}

/** The key id: SHA-256 (hex) of the public key's SPKI DER bytes — what the trust list is matched on. */
export async function keyIdOf(publicKey: CryptoKey): Promise<string> {
  return sha256Hex(new Uint8Array(await globalThis.crypto.subtle.exportKey('spki', publicKey)));
}

export async function spkiBase64(publicKey: CryptoKey): Promise<string> {
  return toBase64(new Uint8Array(await globalThis.crypto.subtle.exportKey('spki', publicKey)));
}

export async function signerFromKeys(keys: KeyPairLike): Promise<EventSigner> {
  const keyId = await keyIdOf(keys.publicKey);
  return {
    keyId,
    sign: async (bytes) => new Uint8Array(await globalThis.crypto.subtle.sign(ECDSA_SHA256, keys.privateKey, bytes as Uint8Array<ArrayBuffer>)),
  };
}

/** A public key from the trust list: a JWK object, or SPKI DER in base64 (PEM armour allowed). */
export async function importPublicKey(key: JsonWebKey | string): Promise<CryptoKey> {
  const subtle = globalThis.crypto.subtle;
  if (typeof key === 'string') {
    const body = key.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '');
    return subtle.importKey('spki', fromBase64(body) as Uint8Array<ArrayBuffer>, ECDSA, true, ['verify']);
  }
  const { kty, crv, x, y } = key;
  return subtle.importKey('jwk', { kty, crv, x, y, ext: true }, ECDSA, true, ['verify']);
}

type EventCore = Pick<ProvenanceEvent, 'seq' | 'type' | 'at' | 'actor' | 'prev'> & { data: unknown };

/** The exact bytes a signature covers: the event's hashed fields with `data.sig` left out. */
export function signingBytes(event: EventCore): Uint8Array {
  const { seq, type, at, actor, prev } = event;
  const data = withoutSig(event.data);
  return utf8.encode(SIGNING_PREFIX + canonicalJson({ actor, at, data, prev, seq, type }));
}

export function withoutSig(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data) || !('sig' in data)) return data;
  const { sig: _sig, ...rest } = data as Record<string, unknown>;
  return rest;
}

export function signatureOf(event: { data: unknown }): EventSignature | undefined {
  const data = event.data as { sig?: EventSignature } | null;
  return data && typeof data === 'object' && data.sig && typeof data.sig === 'object' ? data.sig : undefined;
}

export async function signEvent(event: EventCore, signer: EventSigner): Promise<EventSignature> {
  const signature = await signer.sign(signingBytes(event));
  return { keyId: signer.keyId, alg: SIGNATURE_ALG, value: toBase64Url(signature) };
}

/** True when `event`'s signature is valid for `publicKey` (false for a malformed one, never throws). */
export async function verifyEventSignature(event: EventCore, publicKey: CryptoKey): Promise<boolean> {
  const sig = signatureOf(event);
  if (!sig || sig.alg !== SIGNATURE_ALG) return false;
  try {
    const bytes = fromBase64(sig.value.replace(/-/g, '+').replace(/_/g, '/'));
    return await globalThis.crypto.subtle.verify(ECDSA_SHA256, publicKey, bytes as Uint8Array<ArrayBuffer>, signingBytes(event) as Uint8Array<ArrayBuffer>);
  } catch {
    return false;
  }
}

// base64 without Buffer (the pane has none).
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return btoa(binary);
}
function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function fromBase64(text: string): Uint8Array {
  const binary = atob(text.padEnd(Math.ceil(text.length / 4) * 4, '='));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
