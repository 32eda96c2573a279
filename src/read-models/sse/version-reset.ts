import type { Selected, StreamedEvent, StreamSpec } from './stream-spec';

/** The event that opens a reset: the read model now has `version`'s documents. */
export function resetEvent(version: number): StreamedEvent {
  return {
    type: 'reset',
    data: {
      code: 'reset',
      title: 'The read model changed version: drop the documents you hold, the current ones follow',
      version,
    },
  };
}

/**
 * A reset, as a stream sends it after a blue-green switch-over (live, or to a client resuming from
 * an id the replaced version sent): the reset event, then every document the endpoint shows, in key
 * order. Selections are made now (some may still wait for a store), so they show the documents given.
 */
export function resetSelections<D>(
  spec: StreamSpec<D>,
  version: number,
  docs: Iterable<[string, D]>,
): (Selected | Promise<Selected>)[] {
  const selections: (Selected | Promise<Selected>)[] = [resetEvent(version)];
  for (const [key, doc] of docs) selections.push(spec.select(key, doc));
  return selections;
}
