// Canonical JSON: the exact byte form that event hashes are computed over.
//
// Rules (for the values the record stores they give the same output as RFC 8785, JCS):
// - objects: keys sorted by UTF-16 code units (JavaScript's default string order), no whitespace;
//   keys whose value is `undefined` are left out (as JSON.stringify does), so an optional field that
//   is absent and one that is `undefined` hash the same;
// - arrays: in order; an `undefined` element is an error (JSON.stringify would silently write null);
// - strings: JSON.stringify escaping (ECMAScript), no Unicode normalisation: the hash is over the
//   exact text, normalising is the writer's job;
// - numbers: finite only, written by ECMAScript Number-to-String (1.0 → "1", 1e21 → "1e+21");
// - booleans and null as JSON; anything else (functions, bigint, symbols, Dates, Maps) is an error.
// The result is then hashed as UTF-8.

export class CanonicalJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CanonicalJsonError';
  }
}

export function canonicalJson(value: unknown): string {
  // Fast path: values read back from canonical JSON (every decoded record) already have their keys
  // in order, and then the engine's own JSON.stringify writes exactly the canonical text.
  return isAlreadyCanonical(value) ? JSON.stringify(value) : write(value, '$');
}

/** True when JSON.stringify(value) is the canonical text: sorted keys, no undefined, finite numbers. */
function isAlreadyCanonical(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      break;
    default:
      return false;
  }
  if (value === null) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!isAlreadyCanonical(value[i])) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  let previous: string | undefined;
  for (const key in value as Record<string, unknown>) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) return false;
    if (previous !== undefined && !(previous < key)) return false;
    if (!isAlreadyCanonical((value as Record<string, unknown>)[key])) return false;
    previous = key;
  }
  return true;
}

// String building with `+=` (ropes in V8) and `path` only used on error: this runs over every event
// whenever a chain is verified, so it is kept lean.
function write(value: unknown, path: string): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${path}: number is not finite`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(`${path}: ${typeof value} cannot be written as JSON`);
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === undefined) throw new CanonicalJsonError(`${path}[${i}]: undefined in an array`);
      out += (i > 0 ? ',' : '') + write(item, path);
    }
    return out + ']';
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    throw new CanonicalJsonError(`${path}: only plain objects can be written as JSON`);
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(key) + ':' + write(item, path + '.' + key);
    first = false;
  }
  return out + '}';
}
