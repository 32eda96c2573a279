/**
 * Deterministic JSON: object keys sorted at every depth, no whitespace, undefined members dropped.
 * The same value always serialises to the same bytes, whichever engine stored it, so a hash
 * computed at append time can be recomputed offline by anyone holding the events.
 *
 * It runs once per event on every append and on every verification, so it is written for speed;
 * the output must stay byte-identical to the original map/filter/join formulation, which
 * canonical-json.spec.ts keeps as a reference and compares against on generated values
 * (edge cases included: sparse arrays, undefined and function members, lone surrogates).
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('Non-finite number cannot be hashed');
    if (typeof value === 'bigint') throw new TypeError('bigint cannot be hashed; use a string');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    const parts = new Array<string>(value.length);
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) continue; // a hole: the reference's map() skips it and join() prints nothing
      const v: unknown = value[i];
      parts[i] = canonicalJson(v === undefined ? null : v);
    }
    return `[${parts.join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  for (const key of keys) {
    const v = record[key];
    if (v === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}${quotedKey(key)}${canonicalJson(v)}`;
  }
  return `${out}}`;
}

/**
 * canonicalJson(value), but only when that text is also a faithful JSON encoding of the value:
 * parsing it back gives what parsing JSON.stringify(value) would (keys in sorted order), so the
 * one text can be both hashed and stored. Returns undefined instead when JSON.stringify would
 * write something else: a function or symbol member, a hole in an array, an object that is not a
 * plain object or array (a Date's toJSON, a boxed primitive, a class instance), or a top-level
 * undefined. The caller then falls back to canonicalJson for the hash and JSON.stringify for storage.
 * Throws where canonicalJson throws (non-finite numbers, bigint).
 */
export function storableCanonicalJson(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('Non-finite number cannot be hashed');
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('bigint cannot be hashed; use a string');
    case 'object':
      break;
    default:
      return undefined; // undefined, function, symbol
  }
  if (value === null) return 'null';
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Array.prototype) {
    const array = value as unknown[];
    const parts = new Array<string>(array.length);
    for (let i = 0; i < array.length; i++) {
      if (!(i in array)) return undefined; // a hole: canonicalJson prints nothing, JSON.stringify null
      const v = array[i];
      const text = v === undefined ? 'null' : storableCanonicalJson(v);
      if (text === undefined) return undefined;
      parts[i] = text;
    }
    return `[${parts.join(',')}]`;
  }
  if (proto !== Object.prototype && proto !== null) return undefined;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  const parts: string[] = [];
  for (const key of keys) {
    const v = record[key];
    if (v === undefined) continue;
    const text = storableCanonicalJson(v);
    if (text === undefined) return undefined;
    parts.push(quotedKey(key) + text);
  }
  // join, not +=: a flat string, which hashing and SQLite's binding read in one pass (a deep rope
  // of concatenations has to be flattened by each of them).
  return `{${parts.join(',')}}`;
}

/** Strings JSON.stringify would copy verbatim: no quote, backslash, control character or surrogate. */
// eslint-disable-next-line no-control-regex -- control characters are what JSON.stringify escapes
const VERBATIM = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/** JSON.stringify(s), without the native call for the common case of nothing to escape. */
export function quote(s: string): string {
  return VERBATIM.test(s) ? `"${s}"` : JSON.stringify(s);
}

/** The same few keys recur in every event: quote each once. Bounded, as data can bring any keys. */
const keyCache = new Map<string, string>();
function quotedKey(key: string): string {
  let quoted = keyCache.get(key);
  if (quoted === undefined) {
    quoted = `${quote(key)}:`;
    if (keyCache.size < 4096) keyCache.set(key, quoted);
  }
  return quoted;
}
