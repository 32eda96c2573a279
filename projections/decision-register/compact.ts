import { withoutUndefined as drop } from '../../src/shared/without-undefined';

const isPlainObject = (v: unknown): v is object => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Drops undefined members (at the top and in the objects of its arrays) so a document looks the
 * same freshly evolved as after the store's JSON round trip, and equality checks in tests hold.
 * Arrays whose objects have nothing to drop are kept as they are (no copy).
 */
export function compact<T extends object>(doc: T): T {
  const out: Record<string, unknown> = {};
  for (const k in doc) {
    const v: unknown = doc[k];
    if (v === undefined) continue;
    out[k] =
      Array.isArray(v) && v.some((x: unknown) => isPlainObject(x) && hasUndefined(x))
        ? v.map((x: unknown) => (isPlainObject(x) ? drop(x) : x))
        : v;
  }
  return out as T;
}

function hasUndefined(o: object): boolean {
  for (const k in o) if ((o as Record<string, unknown>)[k] === undefined) return true;
  return false;
}
