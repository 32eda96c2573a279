import { Inject, Injectable, type MessageEvent } from '@nestjs/common';
import { EMPTY, Observable } from 'rxjs';
import { EVENT_STORE, type EventStore } from '../../ledger/event-store.port';
import { CLOCK, type Clock } from '../../shared/clock';
import { isSwitchOver, type ProjectionFeed } from '../projection-feed';
import { ProjectionRunner } from '../projection-runner';
import { ReadModelStore } from '../read-model-store';
import { changedKeys } from './changed-keys';
import { lastEventId, type ResumeRequest } from './last-event-id';
import { LiveFeed } from './live-feed';
import { SseHeartbeat } from './sse-heartbeat';
import { eventsOf, type Selected, type StreamedEvent, type StreamSpec } from './stream-spec';
import { tokenExpiry } from './token-expiry';
import { resetSelections } from './version-reset';

export type { StreamedEvent, StreamSpec } from './stream-spec';

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
    const live = new LiveFeed(this.runner.feedOf<D>(spec.projection.name));
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
   * change, each with that position as id (the previous id while a later one shares it). After a
   * blue-green switch-over that `after` predates (an id the replaced version sent): a reset instead.
   */
  private async resume<D>(
    spec: StreamSpec<D>,
    after: number,
    live: LiveFeed<ProjectionFeed<D>>,
  ): Promise<MessageEvent[]> {
    const { name } = spec.projection;
    const upTo = this.store.checkpoint(name)?.position;
    // An id at or past the checkpoint (or past the head) has nothing applied after it yet: live follows.
    // (Nor need the log be read when a reset is due: switch-overs only move replacedAt forward.)
    const latest =
      upTo !== undefined && after < upTo && !this.predates(name, after)
        ? await changedKeys(this.events, spec.projection, await this.logPositionAtOrBefore(after), upTo)
        : new Map<string, number>();
    // Synchronous from here: a commit writes the store and emits its changes in one step, so the
    // documents read now are at this checkpoint, and every change held so far is in them (and is
    // dropped, not sent again, its position kept as the document's latest); every change that
    // follows comes after it, so its id is above every id sent here.
    const at = this.store.checkpoint(name);
    const held = live.drain();
    if (at?.position !== undefined && (this.predates(name, after) || held.some(isSwitchOver))) {
      const docs = [...this.store.scan<D>(name, '')].map(({ key, doc }): [string, D] => [key, doc]);
      return this.numbered(
        resetSelections(spec, at.version, docs).map((events) => ({ position: at.position!, events })),
        after,
      );
    }
    for (const change of held) {
      if (isSwitchOver(change)) continue;
      const known = latest.get(change.key);
      if (known === undefined || known < change.position) latest.set(change.key, change.position);
    }
    if (at === undefined) return [];
    // Every document is read (and selected) now, at this checkpoint; only then are any awaited.
    const selected = [...latest].map(([key, position]) => {
      const doc = this.store.get<D>(name, key);
      return { position, events: doc === undefined ? undefined : spec.select(key, doc) };
    });
    return this.numbered(selected, after);
  }

  /**
   * The client's id as a position the log can be read after: the last event's at or before it
   * (undefined: none, read from the start). An id comes from outside, and a store may refuse to read
   * after a number it never returned (EventStoreDB does: its positions are byte offsets), so it goes
   * through lastEventAtOrBefore, as the event store's port asks; the same events follow either way.
   */
  private async logPositionAtOrBefore(id: number): Promise<number | undefined> {
    return (await this.events.lastEventAtOrBefore(id))?.position;
  }

  /** Whether a stream id was sent by a version that a blue-green switch-over has since replaced. */
  private predates(projection: string, id: number): boolean {
    const replacedAt = this.store.replacedAt(projection);
    return replacedAt !== undefined && id <= replacedAt;
  }

  /**
   * Selections awaited in order, sorted by position (stable: several events of one document keep
   * their order), each event with its position as id, or the previous id while a later one shares it.
   */
  private async numbered(
    selected: { position: number; events: Selected | Promise<Selected> }[],
    after: number,
  ): Promise<MessageEvent[]> {
    const found: { event: StreamedEvent; position: number }[] = [];
    for (const { position, events } of selected)
      for (const event of eventsOf(await events)) found.push({ event, position });
    found.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
    let id = String(after);
    return found.map(({ event, position }, i) => {
      if (found[i + 1]?.position !== position) id = String(position);
      return { ...event, id };
    });
  }

  private stream<D>(
    spec: StreamSpec<D>,
    live: LiveFeed<ProjectionFeed<D>>,
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
      // Until the last event of a change (or of a reset) is sent, the id stays where it was.
      const sendAll = (selections: Selected[], finalId: string | undefined) => {
        const events = selections.flatMap(eventsOf);
        events.forEach((event, i) => send({ ...event, id: i === events.length - 1 ? (finalId ?? lastId) : lastId }));
      };
      live.attach({
        next: (item) => {
          let selections: (Selected | Promise<Selected>)[];
          let finalId: string | undefined;
          if (!isSwitchOver(item)) {
            selections = [spec.select(item.key, item.doc)];
            finalId = item.lastAtPosition ? String(item.position) : undefined;
          } else if (item.switchedOver.docs !== undefined) {
            selections = resetSelections(spec, item.switchedOver.version, item.switchedOver.docs);
            finalId = item.position === undefined ? undefined : String(item.position);
          } else {
            // The new version's documents could not be read: end, so the client reconnects with its id,
            // which predates the switch-over (its resume is sent them).
            return pending ? void pending.then(() => subscriber.complete()) : subscriber.complete();
          }
          if (!pending && !selections.some((x) => x instanceof Promise))
            return sendAll(selections as Selected[], finalId);
          const after: Promise<void> = (pending ?? Promise.resolve())
            .then(() => Promise.all(selections.map(async (selected) => selected)))
            .then((s) => sendAll(s, finalId))
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
