// The guard that keeps credentials out of the record (QC-PB 17.2, KAI-CB 7.4: no keys or passwords
// in documents). appendEvent runs it on every string (values and keys) of the data and on the actor,
// and refuses the event when one looks like a credential. The error names the field and the kind of
// credential, never the value. Patterns are chosen so that ordinary Vietnamese or English prose,
// hashes and UUIDs do not match; they cover the common key shapes, not every possible secret.

interface SecretPattern {
  kind: string;
  pattern: RegExp;
}

export const SECRET_PATTERNS: readonly SecretPattern[] = [
  { kind: 'sk- API key', pattern: /(?<![A-Za-z0-9])sk-[A-Za-z0-9_-]{16,}/ },
  { kind: 'Bearer token', pattern: /\bBearer\s+[A-Za-z0-9._~+/=-]{12,}/i },
  { kind: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{30,}/ },
  { kind: 'GitHub token', pattern: /\b(?:ghp|gho|ghu|ghs|ghr|github_pat)_[A-Za-z0-9_]{20,}/ },
  { kind: 'Slack token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  { kind: 'AWS access key', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { kind: 'private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { kind: 'JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
  {
    kind: 'key or password assignment',
    pattern: /(?:api[_-]?key|x-api-key|client[_-]?secret|password|passwd|mật khẩu)\s*[:=]\s*["']?[^\s"']{8,}/i,
  },
];

export interface SecretHit {
  /** Where, e.g. `data.prompt` or `data.sources[2].name`. */
  path: string;
  kind: string;
}

/** The first string inside `value` that looks like a credential, or undefined. */
export function findSecretLike(value: unknown, path = 'data'): SecretHit | undefined {
  if (typeof value === 'string') {
    for (const { kind, pattern } of SECRET_PATTERNS) if (pattern.test(value)) return { path, kind };
    return undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findSecretLike(value[i], `${path}[${i}]`);
      if (hit) return hit;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const keyHit = findSecretLike(key, `${path} (key)`);
      if (keyHit) return keyHit;
      const hit = findSecretLike(item, `${path}.${key}`);
      if (hit) return hit;
    }
  }
  return undefined;
}
