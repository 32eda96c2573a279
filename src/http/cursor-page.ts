import { BadRequestException } from '@nestjs/common';
import { problem } from './problem';

/** A page of a cursor-paged list: `nextCursor` is null on the last page. */
export interface Page<I> {
  items: I[];
  nextCursor: string | null;
}

/**
 * Where the next page starts, as an opaque string: base64url of a one-member JSON object naming the
 * last item returned (`{"k":key}` for read-model documents, `{"p":position}` for packs). Clients hold
 * these between requests, so the bytes must never change. A cursor that does not decode, or names
 * something this list never returns, is a 400 `invalid-cursor`.
 */
export interface Cursor<P> {
  encode(at: P): string;
  decode(cursor: string): P;
}

function cursorOf<P>(member: string, accepts: (value: unknown) => value is P): Cursor<P> {
  return {
    encode: (at) => Buffer.from(JSON.stringify({ [member]: at })).toString('base64url'),
    decode(cursor) {
      try {
        const value = (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>)[
          member
        ];
        if (accepts(value)) return value;
      } catch {
        /* falls through to the 400 below */
      }
      throw new BadRequestException(problem(400, 'invalid-cursor', 'The cursor is not one this API returned'));
    },
  };
}

/** The key of the last document returned; only keys under `prefix` (the list's documents) are accepted. */
export const keyCursor = (prefix: string): Cursor<string> =>
  cursorOf('k', (k): k is string => typeof k === 'string' && k.startsWith(prefix));

/** The ledger position of the last item returned (opaque: compared, never added to). */
export const positionCursor: Cursor<number> = cursorOf(
  'p',
  (p): p is number => typeof p === 'number' && Number.isSafeInteger(p) && p >= 0,
);

/**
 * Fills one page from `source`, read in cursor order and already past the cursor: `select` turns an
 * entry into an item or skips it (undefined: a filter said no), `at` says where an entry stands. The
 * source is read lazily until one more item than fits, so a selective filter reads further, never
 * more than the list, and a full last page is not followed by an empty one.
 */
export function fillPage<S, I, P>(
  source: Iterable<S>,
  limit: number,
  cursor: Cursor<P>,
  at: (entry: S) => P,
  select: (entry: S) => I | undefined,
): Page<I> {
  const items: I[] = [];
  let last: S | undefined;
  for (const entry of source) {
    const item = select(entry);
    if (item === undefined) continue;
    if (items.length === limit) return { items, nextCursor: last === undefined ? null : cursor.encode(at(last)) };
    items.push(item);
    last = entry;
  }
  return { items, nextCursor: null };
}

/**
 * A condition on a read model's JSON document (the `doc` column) that SQLite can answer, with its
 * bound parameters; written by code, never from request text. A store that cannot apply it (an
 * as-of view) may ignore it: readers still apply their filters in pure code to every document a
 * scan returns, so the condition only narrows what is read and parsed.
 */
export interface DocumentFilter {
  sql: string;
  params: readonly (string | number)[];
}

/** What a read-model reader pages over: the live store or an as-of view of it. */
export interface KeyedDocuments {
  scan<D>(
    projection: string,
    prefix: string,
    afterKey?: string,
    where?: DocumentFilter,
  ): Iterable<{ key: string; doc: D }>;
}

/**
 * One page of a read model's documents under `prefix`, in key order after the cursor's key; the
 * filters are sent again with each cursor and applied by `select` (undefined: skip the document).
 */
export function documentPage<D, I>(
  store: KeyedDocuments,
  projection: string,
  prefix: string,
  page: { limit: number; cursor?: string; where?: DocumentFilter },
  select: (doc: D) => I | undefined,
): Page<I> {
  const keys = keyCursor(prefix);
  const after = page.cursor === undefined ? undefined : keys.decode(page.cursor);
  return fillPage(
    store.scan<D>(projection, prefix, after, page.where),
    page.limit,
    keys,
    (e) => e.key,
    (e) => select(e.doc),
  );
}
