import type { Actor } from './event-envelope';
import { evolveBy, type Decider, type DomainEvent, type Evolutions } from '../shared/decider';
import { eventCodec, v1, type EventCodec, type EventTypeSpec } from './event-codec';

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

/** What names an aggregate: its stream category and the human name its errors use. */
export interface AggregateName {
  category: string;
  name: string;
}

/**
 * Declares an aggregate whose evolve is a table keyed by event type: the table's keys are the
 * aggregate's event types (the compiler requires one entry per type of the union), so they are
 * written once. Every type is at version 1 unless `specs` says otherwise (upcasters, personal fields).
 */
export function aggregateOf<C extends DomainCommand, E extends DomainEvent, S>(
  { category, name }: AggregateName,
  {
    initialState,
    decide,
    evolutions,
  }: { initialState: S; decide: Decider<C, E, S>['decide']; evolutions: Evolutions<E, S> },
  specs: Partial<Record<NoInfer<E['type']>, EventTypeSpec>> = {},
): Aggregate<C, E, S> {
  const types = Object.keys(evolutions) as E['type'][];
  const table = { ...v1(...types), ...specs } as Record<E['type'], EventTypeSpec>;
  return {
    category,
    name,
    decider: { initialState, decide, evolve: evolveBy(evolutions) },
    codec: eventCodec<E>(table),
  };
}
