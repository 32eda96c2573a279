import type { StoredEvent } from './event-envelope';
import type { ReadStreamOptions } from './event-store.port';

/** Forwards from `fromRevision` (inclusive) or backwards from it, at most `maxCount`. */
export function readStreamSlice(stream: StoredEvent[], o: ReadStreamOptions): StoredEvent[] {
  const max = o.maxCount ?? Infinity;
  if (o.direction === 'backwards') {
    const start = Math.min(o.fromRevision ?? stream.length - 1, stream.length - 1);
    const out: StoredEvent[] = [];
    for (let r = start; r >= 0 && out.length < max; r--) out.push(stream[r]);
    return out;
  }
  const from = o.fromRevision ?? 0;
  return stream.slice(from, from + Math.min(max, stream.length));
}
