import type { EventStore } from '../event-store.port';
import { eventLeafHash, sameHash, toHex } from '../integrity/merkle';
import { LogTreeMismatchError } from './log-tree-errors';
import type { LogTreeCheckpoint, LogTreeStore } from './log-tree-store';

/**
 * The event at the last stored leaf must still be there, at the same position, hashing the same:
 * a log cut short (a lost tail, an older backup) or rewritten at its end is caught before a
 * single leaf is added. Reading after the previous leaf's position keeps positions opaque.
 * Throws LogTreeMismatchError; the follower never retries that one.
 */
export async function checkTreeTail(
  events: EventStore,
  store: LogTreeStore,
  committed: LogTreeCheckpoint,
): Promise<void> {
  const { range, lastPosition, prevPosition } = committed;
  if (range.size === 0 || lastPosition === null) return;
  const leafIndex = range.size - 1;
  const [event] = await events.readAll({ after: prevPosition ?? undefined, maxCount: 1 });
  const expected = store.read([{ level: 0, index: leafIndex }])[0]!;
  const found = event?.position === lastPosition ? eventLeafHash(event) : undefined;
  if (found && sameHash(found, expected)) return;
  const what = !event
    ? 'is gone'
    : event.position !== lastPosition
      ? `is gone (the next event is at position ${event.position})`
      : 'hashes differently';
  throw new LogTreeMismatchError(
    `The log tree does not match the log: the event at position ${lastPosition} (leaf ${leafIndex}) ${what}`,
    {
      leafIndex,
      position: lastPosition,
      expected: toHex(expected),
      found: found ? toHex(found) : null,
    },
  );
}
