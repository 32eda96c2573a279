const isPlainObject = (v: unknown): v is object => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Drops undefined members (at the top and in the objects of its arrays) so a document looks the
 * same freshly evolved as after the store's JSON round trip, and equality checks in tests hold.
 */
export function compact<T extends object>(doc: T): T {
  const drop = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  return Object.fromEntries(Object.entries(doc)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => [k, Array.isArray(v) ? v.map((x: unknown) => (isPlainObject(x) ? drop(x) : x)) : v])) as T;
}
