/**
 * The canonical JSON formulation as it was first written, kept verbatim for tests: every hash
 * already stored was computed with it, so canonicalJson and the hash chain's fast paths must
 * reproduce it byte for byte. Test support only (the specs of canonical-json and hash-chain).
 */
export function referenceCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('Non-finite number cannot be hashed');
    if (typeof value === 'bigint') throw new TypeError('bigint cannot be hashed; use a string');
    return JSON.stringify(value);
  }
  if (Array.isArray(value))
    return `[${value.map((v) => referenceCanonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${referenceCanonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}
