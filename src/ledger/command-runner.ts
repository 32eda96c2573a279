import { Inject, Injectable, Optional } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { DomainEvent } from '../shared/decider';
import { CLOCK, type Clock } from '../shared/clock';
import { RuleViolation } from '../shared/domain-errors';
import type { Aggregate, DomainCommand } from './aggregate';
import { AggregateStateCache } from './aggregate-state-cache';
import type { Actor, NewEvent, StoredEvent } from './event-envelope';
import { EVENT_STORE, type EventStore } from './event-store.port';
import { WrongExpectedRevisionError } from './errors';
import { IntegrityGate } from './integrity/integrity-gate';
import { PERSONAL_DATA_SEALER, type PersonalDataSealer } from './personal-data-sealer.port';
import { personalSlots } from './personal-paths';
import { streamName } from './stream-name';

/** What the HTTP edge knows about a request, handed to every command. */
export interface CommandContext {
  actor: Actor;
  correlationId: string;
  /** Business time; defaults to the clock's now. */
  occurredAt?: string;
  /** From If-Match: the revision the client last saw. */
  expectedRevision?: number;
  /** From Idempotency-Key: makes event ids deterministic, so a retry writes nothing twice. */
  idempotencyKey?: string;
  /**
   * What the keyed request was (its method, URL and body, hashed), also in the event ids: the HTTP
   * edge forgets a key after IDEMPOTENCY_RETENTION_HOURS, and a later, different request with that
   * key must then be recorded, not taken for a retry of the first.
   */
  requestFingerprint?: string;
}

export interface CommandResult {
  id: string;
  streamId: string;
  revision: number;
  position?: number;
  events: string[];
}

const RETRIES_WITHOUT_IF_MATCH = 3;
/** Minutes may be entered after a meeting, not before: allow a little clock skew, no more. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** Load, decide, append with the expected revision: the whole of every command handler. */
@Injectable()
export class CommandRunner {
  /** Folded states per stream, so a command on a long stream reads only its tail (see AggregateStateCache). */
  private readonly states = new AggregateStateCache();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    /** Seals declared personal values before append (provided by src/privacy); absent only where no event carries any. */
    @Optional() @Inject(PERSONAL_DATA_SEALER) private readonly sealer?: PersonalDataSealer,
    /** Refuses every write once the ledger failed its integrity check (absent in unit tests that build a runner by hand). */
    @Optional() private readonly gate?: IntegrityGate,
  ) {}

  async load<E extends DomainEvent, S>(
    aggregate: Aggregate<never, E, S>,
    id: string,
  ): Promise<{ state: S; revision: number }> {
    const { state, revision } = await this.loadStream(aggregate, id);
    return { state, revision };
  }

  /**
   * The state from the cached fold plus the stream's tail (the events after its revision); the
   * whole stream when `whole` (an idempotent retry looks its events up by id). `stored` holds
   * only the events read.
   */
  private async loadStream<E extends DomainEvent, S>(
    aggregate: Aggregate<never, E, S>,
    id: string,
    whole = false,
  ): Promise<{ state: S; revision: number; stored: StoredEvent[] }> {
    const streamId = streamName(aggregate.category, id);
    const hit = whole ? undefined : this.states.get(streamId);
    const cached = hit?.aggregate === aggregate ? hit : undefined;
    const stored = await this.store.readStream(streamId, cached && { fromRevision: cached.revision + 1 });
    const state = stored.reduce(
      (s, e) => aggregate.decider.evolve(s, aggregate.codec.decode(e)),
      cached ? (cached.state as S) : aggregate.decider.initialState,
    );
    const revision = stored.at(-1)?.revision ?? cached?.revision ?? -1;
    if (revision >= 0) this.states.set(streamId, { aggregate, state, revision });
    return { state, revision, stored };
  }

  /** Whether another aggregate's stream exists: for references a decider must not see dangling. */
  async exists(category: string, id: string): Promise<boolean> {
    return (await this.store.readStream(streamName(category, id), { direction: 'backwards', maxCount: 1 })).length > 0;
  }

  async run<C extends DomainCommand, E extends DomainEvent, S>(
    aggregate: Aggregate<C, E, S>,
    id: string,
    command: Omit<C, 'meta'>,
    ctx: CommandContext,
  ): Promise<CommandResult> {
    await this.gate?.assertWritable();
    const streamId = streamName(aggregate.category, id);
    const meta = { actor: ctx.actor, occurredAt: this.occurredAt(ctx) };
    for (let attempt = 1; ; attempt++) {
      const { state, revision, stored } = await this.loadStream(aggregate, id, ctx.idempotencyKey !== undefined);
      const prior = this.priorWrite(id, streamId, stored, ctx);
      if (prior) return prior;
      if (ctx.expectedRevision !== undefined && ctx.expectedRevision !== revision) {
        throw new WrongExpectedRevisionError(streamId, ctx.expectedRevision, revision < 0 ? 'no_stream' : revision);
      }
      const events = aggregate.decider.decide({ ...command, meta } as C, state);
      if (events.length === 0) return { id, streamId, revision, events: [] };
      const expected = revision < 0 ? 'no_stream' : revision;
      // Sealed before the append is tried: a key-store fault is a 503 with nothing written.
      const newEvents = await this.toNewEvents(aggregate, streamId, events, meta, ctx);
      try {
        const result = await this.store.append(streamId, newEvents, expected);
        return {
          id,
          streamId,
          revision: result.nextRevision,
          position: result.position,
          events: events.map((e) => e.type),
        };
      } catch (err) {
        // Forget the fold: should it have been ahead of the stream, the retry reads it whole.
        if (err instanceof WrongExpectedRevisionError) this.states.delete(streamId);
        // A concurrent writer got there first: decide again on fresh state unless the client pinned a revision.
        const retry =
          err instanceof WrongExpectedRevisionError &&
          ctx.expectedRevision === undefined &&
          attempt < RETRIES_WITHOUT_IF_MATCH;
        if (!retry) throw err;
      }
    }
  }

  /**
   * A retry of a write that was recorded although its answer was lost (a store deadline passed:
   * 503 outcome-unknown) is answered with that write's result, not decided again on the state it
   * changed (which would refuse it, e.g. "already exists"). Its events are found by the ids the
   * Idempotency-Key derives (see toNewEvents).
   */
  private priorWrite(
    id: string,
    streamId: string,
    stored: StoredEvent[],
    ctx: CommandContext,
  ): CommandResult | undefined {
    if (!ctx.idempotencyKey || stored.length === 0) return undefined;
    const idOf = (i: number) => keyedEventId(ctx, streamId, i);
    const first = stored.findIndex((e) => e.id === idOf(0));
    if (first < 0) return undefined;
    let last = first;
    while (last + 1 < stored.length && stored[last + 1].id === idOf(last + 1 - first)) last++;
    const written = stored.slice(first, last + 1);
    return {
      id,
      streamId,
      revision: written.at(-1)!.revision,
      position: written.at(-1)!.position,
      events: written.map((e) => e.type),
    };
  }

  private occurredAt(ctx: CommandContext): string {
    const now = this.clock.now();
    if (!ctx.occurredAt) return now.toISOString();
    if (Date.parse(ctx.occurredAt) > now.getTime() + FUTURE_TOLERANCE_MS) {
      throw new RuleViolation('occurred-in-future', `occurredAt ${ctx.occurredAt} is later than now`, {
        occurredAt: ctx.occurredAt,
      });
    }
    return new Date(ctx.occurredAt).toISOString();
  }

  private async toNewEvents<E extends DomainEvent>(
    aggregate: Aggregate<never, E, unknown>,
    streamId: string,
    events: E[],
    meta: { actor: Actor; occurredAt: string },
    ctx: CommandContext,
  ): Promise<NewEvent[]> {
    const causationId = randomUUID();
    const out: NewEvent[] = [];
    // One event after another: key versions a rectification makes follow the events' order.
    for (const [i, e] of events.entries())
      out.push({
        id: ctx.idempotencyKey ? keyedEventId(ctx, streamId, i) : randomUUID(),
        type: e.type,
        schemaVersion: aggregate.codec.versionOf(e.type),
        data: await this.sealed(aggregate, e),
        metadata: { actor: meta.actor, occurredAt: meta.occurredAt, correlationId: ctx.correlationId, causationId },
      });
    return out;
  }

  /** The event's data with its declared personal values sealed: plaintext must never reach the log. */
  private async sealed<E extends DomainEvent>(aggregate: Aggregate<never, E, unknown>, e: E): Promise<unknown> {
    const fields = aggregate.codec.personalOf(e.type);
    if (fields.length === 0) return e.data;
    if (this.sealer) return this.sealer.sealEvent(e.type, e.data, fields);
    // Without a sealer only events that happen to hold no personal value may pass (e.g. an escalation naming nobody).
    if (fields.some((f) => personalSlots(e.data, f).length > 0))
      throw new Error(`${e.type} carries personal data and no PersonalDataCipher is configured`);
    return e.data;
  }
}

/** The id of the i-th event a keyed request writes to a stream: the same for every retry of it. */
function keyedEventId(ctx: CommandContext, streamId: string, i: number): string {
  const request = ctx.requestFingerprint === undefined ? '' : `\n${ctx.requestFingerprint}`;
  return uuidFrom(`${ctx.actor.userId}\n${ctx.idempotencyKey}${request}\n${streamId}\n${i}`);
}

/** A name-based (v5-style) UUID: the same key always gives the same event id. */
export function uuidFrom(key: string): string {
  const b = createHash('sha256').update(key).digest().subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
