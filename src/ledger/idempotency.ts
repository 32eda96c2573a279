import type { NewEvent, StoredEvent } from './event-envelope';
import { DuplicateEventIdError } from './errors';
import type { AppendResult } from './event-store.port';

/**
 * A retried append (same event ids, same stream, in the same order) returns the first result
 * and writes nothing. Ids reused for anything else are refused rather than silently dropped.
 * `stored` holds the stream's events; engines that index ids pass just the matches.
 */
export function findPriorAppend(stored: StoredEvent[], events: NewEvent[]): AppendResult | undefined {
  if (events.length === 0) return undefined;
  const byId = new Map(stored.map((e) => [e.id, e]));
  const matches = events.map((e) => byId.get(e.id));
  if (matches.every((m) => m === undefined)) return undefined;
  const consecutive = matches.every((m, i) => m && (i === 0 || m.revision === matches[i - 1]!.revision + 1));
  if (!consecutive) throw new DuplicateEventIdError(events[matches.findIndex((m) => m !== undefined)].id);
  const last = matches.at(-1)!;
  return { nextRevision: last.revision, position: last.position };
}
