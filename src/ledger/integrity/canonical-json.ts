/**
 * Deterministic JSON: object keys sorted at every depth, no whitespace, undefined members dropped.
 * The same value always serialises to the same bytes, whichever engine stored it, so a hash
 * computed at append time can be recomputed offline by anyone holding the events.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('Non-finite number cannot be hashed');
    if (typeof value === 'bigint') throw new TypeError('bigint cannot be hashed; use a string');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}
