import { Inject, Injectable, type MessageEvent } from '@nestjs/common';
import { EMPTY, Observable } from 'rxjs';
import type { Projection } from '../../../projections/projection';
import { EVENT_STORE, type EventStore } from '../../ledger/event-store.port';
import { CLOCK, type Clock } from '../../shared/clock';
import { ProjectionRunner, type ProjectionChange } from '../projection-runner';
import { ReadModelStore } from '../read-model-store';
import { changedKeys } from './changed-keys';
import { lastEventId, type ResumeRequest } from './last-event-id';
import { LiveFeed } from './live-feed';
import { SseHeartbeat } from './sse-heartbeat';
import { tokenExpiry } from './token-expiry';

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

type Selected = StreamedEvent | StreamedEvent[] | undefined;

const eventsOf = (selected: Selected): StreamedEvent[] =>
  selected === undefined ? [] : Array.isArray(selected) ? selected : [selected];

/** setTimeout's longest delay (about 24.8 days): a later expiry is checked again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** A re-armed expiry timer waits at least this long, so a clock a moment short of expiry cannot spin it. */
const REARM_MS = 1_000;

/**
 * The one Server-Sent Events mechanism behind every projection's /stream: the documents a
 * projection commits, as they are committed, each with id = the position of the last event that
 * changed it, in ascending order. A client holding id q has therefore received every document
 * whose latest change is at or before q, even when its connection was cut inside a batch. (When
 * one event changed several documents, those before the last of them repeat the previous id: q
 * only advances once all of them are sent, so a cut among them resends them rather than loses one.)
 * - resume: given Last-Event-ID p, first the current document of every key changed after p, then
 *   live changes, without a gap (changes are held from before the log is read) or a repeat;
 * - keepalive: a comment (": keepalive") on every SseHeartbeat beat (15 s);
 * - expiry: once the bearer token's exp has passed (by the injected clock), an `auth-expired`
 *   event and the end of the stream; nothing is sent after expiry. The token was verified against
 *   wall time, which CLOCK is in production; tests move their ManualClock past exp instead of
 *   waiting. Expiry is checked before every event, on every beat, and by a timer set for exp.
 */
@Injectable()
export class ProjectionStreams {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly store: ReadModelStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly heartbeat: SseHeartbeat,
  ) {}

  /**
   * Validates Last-Event-ID (400 before anything is streamed) and prepares the resume; `signal`
   * (Nest's @SseSignal) releases the live subscription if the client leaves during that.
   */
  async open<D>(spec: StreamSpec<D>, request: ResumeRequest, signal?: AbortSignal): Promise<Observable<MessageEvent>> {
    const resumeFrom = lastEventId(request);
    const expiresAt = tokenExpiry(request.headers.authorization);
    const live = new LiveFeed(this.runner.changesOf<D>(spec.projection.name));
    // A fresh stream, or one resumed from past the checkpoint, starts at the checkpoint read now
    // (every live change comes after it): the id a client may resume from before any document
    // has been sent, and the one auth-expired carries then.
    const checkpoint = this.store.checkpoint(spec.projection.name)?.position;
    const startId =
      resumeFrom === undefined || (checkpoint !== undefined && resumeFrom > checkpoint) ? checkpoint : resumeFrom;
    const release = () => live.close();
    signal?.addEventListener('abort', release, { once: true });
    let resumed: MessageEvent[];
    try {
      resumed = resumeFrom === undefined ? [] : await this.resume(spec, resumeFrom, live);
    } catch (err) {
      release();
      throw err;
    }
    if (signal?.aborted) {
      release();
      return EMPTY;
    }
    return this.stream(spec, live, resumed, startId === undefined ? '' : String(startId), expiresAt);
  }

  /**
   * The current document of every key changed after `after`, in ascending order of its latest
   * change, each with that position as id (the previous id while a later one shares it).
   */
  private async resume<D>(
    spec: StreamSpec<D>,
    after: number,
    live: LiveFeed<ProjectionChange<D>>,
  ): Promise<MessageEvent[]> {
    const { name } = spec.projection;
    const upTo = this.store.checkpoint(name)?.position;
    // An id at or past the checkpoint (or past the head) has nothing applied after it yet: live follows.
    const latest =
      upTo !== undefined && after < upTo
        ? await changedKeys(this.events, spec.projection, after, upTo)
        : new Map<string, number>();
    // Synchronous from here: a commit writes the store and emits its changes in one step, so the
    // documents read now are at this checkpoint, and every change held so far is in them (and is
    // dropped, not sent again, its position kept as the document's latest); every change that
    // follows comes after it, so its id is above every id sent here.
    const at = this.store.checkpoint(name)?.position;
    for (const { key, position } of live.drain()) {
      const known = latest.get(key);
      if (known === undefined || known < position) latest.set(key, position);
    }
    if (at === undefined) return [];
    // Every document is read (and selected) now, at this checkpoint; only then are any awaited.
    const selected = [...latest].map(([key, position]) => {
      const doc = this.store.get<D>(name, key);
      return { position, events: doc === undefined ? undefined : spec.select(key, doc) };
    });
    const found: { event: StreamedEvent; position: number }[] = [];
    for (const { position, events } of selected)
      for (const event of eventsOf(await events)) found.push({ event, position });
    // Stable: several events of one document keep their order.
    found.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
    let id = String(after);
    return found.map(({ event, position }, i) => {
      if (found[i + 1]?.position !== position) id = String(position);
      return { ...event, id };
    });
  }

  private stream<D>(
    spec: StreamSpec<D>,
    live: LiveFeed<ProjectionChange<D>>,
    resumed: MessageEvent[],
    resumeId: string,
    expiresAt: number | undefined,
  ): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      // The id a reconnecting client will send; auth-expired repeats it (an event without one
      // would get a counter from Nest, which the client would then send back as a position).
      let lastId = resumeId;
      let timer: NodeJS.Timeout | undefined;
      const expired = () => expiresAt !== undefined && this.clock.now().getTime() >= expiresAt;
      const end = () => {
        subscriber.next({
          type: 'auth-expired',
          id: lastId,
          data: {
            code: 'auth-expired',
            title: 'Your token has expired: reconnect with a new one and this Last-Event-ID to carry on',
            expiredAt: new Date(expiresAt!).toISOString(),
          },
        });
        subscriber.complete();
      };
      const send = (message: MessageEvent) => {
        if (subscriber.closed) return;
        if (expired()) return end();
        subscriber.next(message);
        lastId = message.id ?? lastId;
      };
      const arm = (minMs: number) => {
        if (expiresAt === undefined || subscriber.closed) return;
        const delay = Math.min(Math.max(expiresAt - this.clock.now().getTime(), minMs), MAX_TIMER_MS);
        timer = setTimeout(() => (expired() ? end() : arm(REARM_MS)), delay);
        timer.unref();
      };
      if (expired()) {
        end();
        return () => live.close();
      }
      for (const message of resumed) send(message);
      const beats = this.heartbeat.beats.subscribe(() => {
        if (expired()) end();
        else if (!subscriber.closed) subscriber.next({ comment: 'keepalive' });
      });
      // Changes are sent in the order they came, even when one's selection waits for a store.
      let pending: Promise<void> | undefined;
      const sendChange = (change: ProjectionChange<D>, selected: Selected) => {
        const events = eventsOf(selected);
        // Until the batch's last event at this position is sent, the id stays where it was.
        events.forEach((event, i) =>
          send({ ...event, id: change.lastAtPosition && i === events.length - 1 ? String(change.position) : lastId }),
        );
      };
      live.attach({
        next: (change) => {
          const selected = spec.select(change.key, change.doc);
          if (!pending && !(selected instanceof Promise)) return sendChange(change, selected);
          const after: Promise<void> = (pending ?? Promise.resolve())
            .then(() => selected)
            .then((s) => sendChange(change, s))
            .catch((err: unknown) => {
              if (!subscriber.closed) subscriber.error(err);
            })
            .finally(() => {
              if (pending === after) pending = undefined;
            });
          pending = after;
        },
        complete: () => (pending ? void pending.then(() => subscriber.complete()) : subscriber.complete()),
      });
      arm(0);
      return () => {
        live.close();
        beats.unsubscribe();
        clearTimeout(timer);
      };
    });
  }
}
