import type { Projection } from '../../../projections/projection';
import type { EventStore } from '../../ledger/event-store.port';

/** Events read per page when a resuming stream looks for what changed since its Last-Event-ID. */
export const RESUME_PAGE = 500;

/**
 * The documents a projection changed after position `after` (a position the store returned;
 * undefined: from the start of the log), up to and including `upTo` (the
 * projection's checkpoint), each with the position of the last event that changed it (the id a
 * stream sends it with). Positions are only compared, never computed: each page starts after the
 * last position the store returned.
 */
export async function changedKeys(
  events: Pick<EventStore, 'readAll'>,
  projection: Projection<unknown>,
  after: number | undefined,
  upTo: number,
  pageSize = RESUME_PAGE,
): Promise<Map<string, number>> {
  const keys = new Map<string, number>();
  let from = after;
  for (;;) {
    const page = await events.readAll({ after: from, maxCount: pageSize });
    for (const event of page) {
      if (event.position > upTo) return keys;
      if (projection.canHandle(event)) for (const key of projection.keysOf(event)) keys.set(key, event.position);
    }
    if (page.length < pageSize) return keys;
    from = page[page.length - 1].position;
  }
}
