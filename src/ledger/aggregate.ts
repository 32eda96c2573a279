import type { Actor } from './event-envelope';
import type { Decider, DomainEvent } from '../shared/decider';
import type { EventCodec } from './event-codec';

/** Who and when, added to every domain command by the infrastructure (never by a request body). */
export interface CommandMeta {
  actor: Actor;
  /** Business time of the command (e.g. the meeting date), ISO-8601. */
  occurredAt: string;
}

/** The uniform shape of a domain command. */
export interface DomainCommand<T extends string = string, D = unknown> {
  type: T;
  data: D;
  meta: CommandMeta;
}

/** An aggregate is a stream category, its pure decider and the codec for its events. */
export interface Aggregate<C extends DomainCommand, E extends DomainEvent, S> {
  category: string;
  /** Human name used in errors: "Meeting", "Action"... */
  name: string;
  decider: Decider<C, E, S>;
  codec: EventCodec<E>;
}
