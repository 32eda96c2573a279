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

/**
 * The data a slice sends for one member of a command union: what the domain declares, less the
 * fields its handler loads from other streams (`facts`, `missingOwners`...) and adds before deciding.
 * Slices derive their data from here, so a field added to a command reaches every sender at once.
 */
export type CommandData<
  C extends DomainCommand,
  T extends C['type'],
  Loaded extends keyof Extract<C, { type: T }>['data'] = never,
> = [Loaded] extends [never] ? Extract<C, { type: T }>['data'] : Omit<Extract<C, { type: T }>['data'], Loaded>;

/** An aggregate is a stream category, its pure decider and the codec for its events. */
export interface Aggregate<C extends DomainCommand, E extends DomainEvent, S> {
  category: string;
  /** Human name used in errors: "Meeting", "Action"... */
  name: string;
  decider: Decider<C, E, S>;
  codec: EventCodec<E>;
}
