import type { StoredEvent } from '../src/ledger/event-envelope';

/**
 * A read model as a pure definition: the runner (src/read-models) owns storage, checkpoints and
 * subscriptions. Documents are keyed, so a large read model is many small documents, each loaded
 * and rewritten only when an event touches it.
 *
 * Bump `version` whenever `evolve` or the document shape changes: the runner then rebuilds the
 * projection from the start of the log beside the served documents, which keep answering queries,
 * and replaces them in one transaction once the new version is caught up (blue-green).
 */
export interface Projection<D> {
  /** Stable name: the table key for documents and checkpoint. */
  name: string;
  version: number;
  canHandle(event: StoredEvent): boolean;
  /** The documents an event changes (only asked when canHandle is true). */
  keysOf(event: StoredEvent): string[];
  /** A document before its first event. */
  initialState(key: string): D;
  /** Pure: returns a new document and never mutates `doc`. */
  evolve(doc: D, event: StoredEvent): D;
}
