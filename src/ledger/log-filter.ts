import type { StoredEvent } from './event-envelope';
import type { LogFilter } from './event-store.port';
import { streamCategory } from './stream-name';

/** The same filter semantics for every engine: type prefix OR-ed, category OR-ed, the two AND-ed. */
export function matchesFilter(event: Pick<StoredEvent, 'type' | 'streamId'>, filter?: LogFilter): boolean {
  if (!filter) return true;
  const { eventTypePrefixes: prefixes, streamCategories: categories } = filter;
  if (prefixes?.length && !prefixes.some((p) => event.type.startsWith(p))) return false;
  if (categories?.length && !categories.includes(streamCategory(event.streamId))) return false;
  return true;
}
