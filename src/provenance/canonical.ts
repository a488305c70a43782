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
export function isAlreadyCanonical(value: unknown): boolean {
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

/** canonicalJson of each value, or the CanonicalJsonError of a value that has no JSON form. */
export function canonicalJsonOfEach(values: readonly unknown[]): Array<string | CanonicalJsonError> {
  return values.map((value) => {
    try {
      return canonicalJson(value);
    } catch (error) {
      return error instanceof CanonicalJsonError ? error : new CanonicalJsonError(String(error));
    }
  });
}

const utf8 = new TextEncoder();

/**
 * The UTF-8 bytes of canonicalJson(value) for each value, or the CanonicalJsonError of a value that
 * has no JSON form. Same bytes as encoding each canonicalJson(value) on its own, but made for
 * verifying thousands of events: the values already in canonical order (every decoded record) go
 * through one JSON.stringify and one UTF-8 encoding together, which is about twice as fast as one
 * call per value, and are then cut apart at the array's top-level commas.
 */
export function canonicalJsonBytesOfEach(values: readonly unknown[]): Array<Uint8Array | CanonicalJsonError> {
  const out: Array<Uint8Array | CanonicalJsonError> = new Array(values.length);
  const ready: number[] = [];
  values.forEach((value, index) => {
    try {
      if (isAlreadyCanonical(value)) ready.push(index);
      else out[index] = utf8.encode(write(value, '$'));
    } catch (error) {
      // Also a cycle's stack overflow or a throwing getter: the value simply has no JSON form.
      out[index] = error instanceof CanonicalJsonError ? error : new CanonicalJsonError(String(error));
    }
  });
  const joined = utf8.encode(JSON.stringify(ready.map((index) => values[index])));
  const parts = splitJsonArray(joined);
  ready.forEach((valueIndex, partIndex) => {
    out[valueIndex] = parts[partIndex]!;
  });
  return out;
}

/** Bytes of compact JSON's structure (shared with canonical-bytes.ts). */
export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const COMMA = 0x2c;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;

/** The elements of a compact JSON array (as JSON.stringify writes it), as views into its bytes. */
function splitJsonArray(bytes: Uint8Array): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let depth = 0;
  let start = 1;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === QUOTE) {
      // Jump to the closing quote: one not preceded by an odd number of backslashes. UTF-8
      // continuation bytes are all ≥ 0x80, so they never look like a quote or a bracket.
      let end = bytes.indexOf(QUOTE, i + 1);
      while (end > 0 && isEscaped(bytes, end)) end = bytes.indexOf(QUOTE, end + 1);
      if (end < 0) throw new CanonicalJsonError('unterminated string');
      i = end;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth++;
    else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--;
      if (depth === 0 && i > start) parts.push(bytes.subarray(start, i));
    } else if (byte === COMMA && depth === 1) {
      parts.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  return parts;
}

function isEscaped(bytes: Uint8Array, quoteAt: number): boolean {
  let backslashes = 0;
  for (let i = quoteAt - 1; bytes[i] === BACKSLASH; i--) backslashes++;
  return backslashes % 2 === 1;
}
