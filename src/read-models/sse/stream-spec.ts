import type { Projection } from '../../../projections/projection';

/** One Server-Sent Event's name and body; the id (a ledger position) is added here. */
export interface StreamedEvent {
  type: string;
  data: object;
}

/** What an endpoint streams: a projection's documents, as it chooses to show them. */
export interface StreamSpec<D> {
  projection: Projection<D>;
  /**
   * The event for a committed document, or undefined for a document the endpoint does not send; or
   * several, when the document changes how others read (an erasure re-sends every escalation naming
   * the subject). Several events share the document's id: it only advances with the last of them.
   * A promise when showing the document needs a store (shared personal-data keys): the stream
   * still sends in commit order, each change once the ones before it are sent.
   */
  select(key: string, doc: D): Selected | Promise<Selected>;
}

/** What a selection gives: no event, one, or several (see StreamSpec.select). */
export type Selected = StreamedEvent | StreamedEvent[] | undefined;

export const eventsOf = (selected: Selected): StreamedEvent[] =>
  selected === undefined ? [] : Array.isArray(selected) ? selected : [selected];
