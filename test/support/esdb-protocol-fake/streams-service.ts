/**
 * TEST SUPPORT — the Streams service of the EventStoreDB PROTOCOL FAKE (see ./index.ts):
 * Read (stream, $all, $all catch-up subscription), Append (client streaming) and BatchAppend
 * (bidirectional). Delete and Tombstone answer UNIMPLEMENTED.
 */
import {
  Metadata,
  status,
  type sendUnaryData,
  type ServerDuplexStream,
  type ServerReadableStream,
  type ServerWritableStream,
} from '@grpc/grpc-js';
import type { IStreamsServer } from '@eventstore/db-client/generated/streams_grpc_pb';
import * as streams from '@eventstore/db-client/generated/streams_pb';
import { randomUUID } from 'node:crypto';
import { appendSizeOf, type FakeLog, type LoggedEvent, type ProposedEvent } from './fake-log';
import {
  appendResponse,
  batchAppendResponse,
  batchAppendTimeout,
  batchAppendTooLarge,
  expectedFromAppend,
  expectedFromBatch,
  proposedEvent,
  readEventResponse,
  streamNameOf,
  streamNotFound,
  uuidString,
} from './wire';

type Options = streams.ReadReq.Options;
const { ReadDirection, StreamOptions, AllOptions } = streams.ReadReq.Options;

export interface StreamsServiceConfig {
  log: FakeLog;
  batchAppend: boolean;
  /** The server's MaxAppendSize (bytes, its Event.SizeOnDisk summed over one append). */
  maxAppendSize: number;
  /** A live subscription this many events behind its consumer is dropped (undefined: never). */
  slowConsumerLimit?: number;
  /** The server's clock, for BatchAppend deadlines. */
  now: () => number;
  count: (rpc: string) => void;
}

/** What a 23.10+ node answers for a $all read or subscription from a position that is not a record's start. */
export const INVALID_POSITION = { code: status.UNKNOWN, details: 'Trying to read from an invalid position.' };
/** What a node answers when a live subscription's consumer falls too far behind. */
export const CONSUMER_TOO_SLOW = {
  code: status.ABORTED,
  details: 'Operation timed out: Consumer too slow to handle event while live. Client resubscription required.',
};
/** Checkpoint cadence of a filtered subscription: multiplier x search window (default window 32). */
const DEFAULT_SEARCH_WINDOW = 32;

export function streamsService(cfg: StreamsServiceConfig): IStreamsServer {
  const { log, count } = cfg;
  return {
    read(call: ServerWritableStream<streams.ReadReq, streams.ReadResp>) {
      const options = call.request.getOptions();
      if (!options) return fail(call, status.INVALID_ARGUMENT, 'missing options');
      if (options.hasSubscription()) {
        count('Streams.Read(subscribe $all)');
        if (!options.hasAll()) return fail(call, status.UNIMPLEMENTED, 'the fake only subscribes to $all');
        if (!readablePosition(options.getAll()!, log))
          return fail(call, INVALID_POSITION.code, INVALID_POSITION.details);
        return subscribeToAll(call, options, cfg);
      }
      count(options.hasAll() ? 'Streams.Read($all)' : 'Streams.Read(stream)');
      const structuredIds = options.getUuidOption()?.hasStructured() ?? false;
      const max = Number(options.getCount());
      const backwards = options.getReadDirection() === ReadDirection.BACKWARDS;
      if (options.hasStream()) {
        const so = options.getStream()!;
        const name = streamNameOf(so.getStreamIdentifier());
        const events = log.stream(name);
        if (!events) {
          call.write(streamNotFound(name));
          return call.end();
        }
        for (const e of streamSlice(events, so, backwards, max))
          call.write(readEventResponse(e, { structuredIds, fromAll: false }));
        return call.end();
      }
      if (!readablePosition(options.getAll()!, log)) return fail(call, INVALID_POSITION.code, INVALID_POSITION.details);
      const matches = filterOf(options);
      let left = max;
      for (const e of allSlice(log.all, options.getAll()!, backwards)) {
        if (left <= 0) break;
        if (!matches(e)) continue;
        call.write(readEventResponse(e, { structuredIds, fromAll: true }));
        left--;
      }
      return call.end();
    },

    append(
      call: ServerReadableStream<streams.AppendReq, streams.AppendResp>,
      callback: sendUnaryData<streams.AppendResp>,
    ) {
      count('Streams.Append');
      let options: streams.AppendReq.Options | undefined;
      const proposed: ProposedEvent[] = [];
      let size = 0;
      call.on('data', (req: streams.AppendReq) => {
        if (req.hasOptions()) options = req.getOptions();
        if (!req.hasProposedMessage()) return;
        const e = proposedEvent(req.getProposedMessage()!);
        proposed.push(e);
        size += appendSizeOf(e);
      });
      call.on('error', () => undefined);
      call.on('end', () => {
        if (!options) return callback({ code: status.INVALID_ARGUMENT, details: 'first message must carry options' });
        if (size > cfg.maxAppendSize) return callback(maxAppendSizeExceeded(cfg.maxAppendSize));
        const name = streamNameOf(options.getStreamIdentifier());
        callback(null, appendResponse(log.append(name, expectedFromAppend(options), proposed)));
      });
    },

    batchAppend(call: ServerDuplexStream<streams.BatchAppendReq, streams.BatchAppendResp>) {
      count('Streams.BatchAppend');
      if (!cfg.batchAppend) {
        // A server that does not advertise BatchAppend (before 21.10) does not implement it.
        call.on('error', () => undefined);
        return call.emit('error', {
          code: status.UNIMPLEMENTED,
          details: 'BatchAppend is not advertised by this fake',
        });
      }
      const pending = new Map<string, { options?: streams.BatchAppendReq.Options; proposed: ProposedEvent[] }>();
      call.on('data', (req: streams.BatchAppendReq) => {
        const correlation = req.getCorrelationId()!;
        const key = uuidString(correlation);
        const batch = pending.get(key) ?? { proposed: [] };
        if (req.hasOptions()) batch.options = req.getOptions();
        batch.proposed.push(...req.getProposedMessagesList().map(proposedEvent));
        pending.set(key, batch);
        if (!req.getIsFinal()) return;
        pending.delete(key);
        count('Streams.BatchAppend(batch)');
        const options = batch.options!;
        const name = streamNameOf(options.getStreamIdentifier());
        // The server refuses (and writes nothing) when the batch's deadline has passed or it is too large.
        const deadline = options.getDeadline()?.toDate().getTime();
        if (deadline !== undefined && deadline <= cfg.now()) return call.write(batchAppendTimeout(correlation, name));
        if (batch.proposed.reduce((n, e) => n + appendSizeOf(e), 0) > cfg.maxAppendSize) {
          return call.write(batchAppendTooLarge(correlation, name, cfg.maxAppendSize));
        }
        call.write(
          batchAppendResponse(correlation, name, log.append(name, expectedFromBatch(options), batch.proposed)),
        );
      });
      call.on('error', () => undefined);
      call.on('end', () => call.end());
    },

    delete(_call, callback) {
      count('Streams.Delete');
      callback({ code: status.UNIMPLEMENTED, details: 'not in the protocol fake' });
    },

    tombstone(_call, callback) {
      count('Streams.Tombstone');
      callback({ code: status.UNIMPLEMENTED, details: 'not in the protocol fake' });
    },
  };
}

function fail(call: ServerWritableStream<streams.ReadReq, streams.ReadResp>, code: status, details: string): void {
  call.emit('error', { code, details });
}

/** Streams.Append over MaxAppendSize: InvalidArgument with the trailers the client reads. */
function maxAppendSizeExceeded(max: number): { code: status; details: string; metadata: Metadata } {
  const metadata = new Metadata();
  metadata.set('exception', 'maximum-append-size-exceeded');
  metadata.set('maximum-append-size', String(max));
  return { code: status.INVALID_ARGUMENT, details: `Maximum Append Size of ${max} Exceeded.`, metadata };
}

/** START, END, or a position a real node can read from (a record's start, or the end of the log). */
function readablePosition(ao: streams.ReadReq.Options.AllOptions, log: FakeLog): boolean {
  if (ao.getAllOptionCase() !== AllOptions.AllOptionCase.POSITION) return true;
  const p = ao.getPosition()!;
  return log.isReadablePosition(BigInt(p.getCommitPosition()), BigInt(p.getPreparePosition()));
}

function streamSlice(
  events: readonly LoggedEvent[],
  so: streams.ReadReq.Options.StreamOptions,
  backwards: boolean,
  max: number,
): LoggedEvent[] {
  const last = events.length - 1;
  const C = StreamOptions.RevisionOptionCase;
  const kind = so.getRevisionOptionCase();
  if (!backwards) {
    if (kind === C.END) return [];
    const from = kind === C.REVISION ? Number(so.getRevision()) : 0;
    return events.slice(from, from + Math.min(max, events.length));
  }
  if (kind === C.START) return events.length ? [events[0]].slice(0, max) : [];
  // A backwards read from a revision past the end starts at the end, like the server's index read.
  const from = kind === C.REVISION ? Math.min(Number(so.getRevision()), last) : last;
  const out: LoggedEvent[] = [];
  for (let r = from; r >= 0 && out.length < max; r--) out.push(events[r]);
  return out;
}

/**
 * $all from a position (already checked to be a record's start or the end): forwards, the record
 * there and everything after it (inclusive, like a real read); backwards, everything before it.
 */
function* allSlice(
  all: readonly LoggedEvent[],
  ao: streams.ReadReq.Options.AllOptions,
  backwards: boolean,
): Generator<LoggedEvent> {
  const C = AllOptions.AllOptionCase;
  const kind = ao.getAllOptionCase();
  const p = kind === C.POSITION ? BigInt(ao.getPosition()!.getPreparePosition()) : undefined;
  if (!backwards) {
    if (kind === C.END) return;
    for (const e of all) if (p === undefined || e.preparePosition >= p) yield e;
    return;
  }
  if (kind === C.START) return;
  for (let i = all.length - 1; i >= 0; i--) if (p === undefined || all[i].preparePosition < p) yield all[i];
}

/** Server-side filter: on stream name or event type, by prefix list or regex (JS RegExp, which agrees with .NET for simple patterns). */
function filterOf(options: Options): (e: LoggedEvent) => boolean {
  if (!options.hasFilter()) return () => true;
  const f = options.getFilter()!;
  const onType = f.hasEventType();
  const expr = onType ? f.getEventType()! : f.getStreamIdentifier()!;
  const prefixes = expr.getPrefixList();
  const regex = expr.getRegex() ? new RegExp(expr.getRegex()) : undefined;
  return (e) => {
    const subject = onType ? e.type : e.streamName;
    if (prefixes.length) return prefixes.some((p) => subject.startsWith(p));
    return regex ? regex.test(subject) : true;
  };
}

/**
 * Catch-up subscription to $all: confirmation, then every matching event after the checkpoint
 * (exclusive) from history, then a checkpoint + caught-up message, then live events — one cursor
 * over one log, so no gap and no duplicate between history and live. Writes stop whenever
 * grpc-js reports back-pressure (write() === false) and resume on 'drain'.
 * - A filtered subscription also gets a checkpoint every (checkpoint interval multiplier x search
 *   window) events considered, matching or not, at the last considered event's position, as a
 *   real node sends them so a consumer of a sparse filter can save its place.
 * - Live, a consumer that leaves more than `slowConsumerLimit` events unsent is dropped with
 *   ABORTED "Consumer too slow ...", as a real node drops it; the client must resubscribe.
 */
function subscribeToAll(
  call: ServerWritableStream<streams.ReadReq, streams.ReadResp>,
  options: Options,
  cfg: StreamsServiceConfig,
): void {
  const { log } = cfg;
  const structuredIds = options.getUuidOption()?.hasStructured() ?? false;
  const matches = filterOf(options);
  const ao = options.getAll()!;
  const C = AllOptions.AllOptionCase;
  let next = 0;
  if (ao.getAllOptionCase() === C.END) next = log.all.length;
  if (ao.getAllOptionCase() === C.POSITION) {
    const p = BigInt(ao.getPosition()!.getPreparePosition());
    next = log.all.findIndex((e) => e.preparePosition > p);
    if (next === -1) next = log.all.length;
  }
  const filter = options.hasFilter() ? options.getFilter()! : undefined;
  const checkpointEvery = filter
    ? Math.max(1, filter.getCheckpointintervalmultiplier()) * (filter.getMax() || DEFAULT_SEARCH_WINDOW)
    : Infinity;
  let considered = 0;
  let caughtUp = false;
  let waitingForDrain = false;
  let done = false;

  const checkpointAt = (e: LoggedEvent) =>
    new streams.ReadResp().setCheckpoint(
      new streams.ReadResp.Checkpoint()
        .setCommitPosition(e.commitPosition.toString())
        .setPreparePosition(e.preparePosition.toString()),
    );
  const pump = (): void => {
    if (done) return;
    if (waitingForDrain) return dropIfTooSlow();
    while (next < log.all.length) {
      const e = log.all[next++];
      const send = matches(e) ? call.write(readEventResponse(e, { structuredIds, fromAll: true })) : true;
      if (++considered >= checkpointEvery) {
        considered = 0;
        if (!call.write(checkpointAt(e))) return waitForDrain();
      }
      if (!send) return waitForDrain();
    }
    if (!caughtUp) {
      caughtUp = true;
      const last = log.all.at(-1);
      if (filter && last) call.write(checkpointAt(last));
      if (!call.write(new streams.ReadResp().setCaughtUp(new streams.ReadResp.CaughtUp()))) waitForDrain();
    }
  };
  const dropIfTooSlow = (): void => {
    if (!caughtUp || cfg.slowConsumerLimit === undefined || log.all.length - next <= cfg.slowConsumerLimit) return;
    stop();
    call.emit('error', CONSUMER_TOO_SLOW);
  };
  const waitForDrain = (): void => {
    waitingForDrain = true;
    call.once('drain', () => {
      waitingForDrain = false;
      pump();
    });
  };
  const unsubscribe = log.onWrite(pump);
  const stop = (): void => {
    done = true;
    unsubscribe();
  };
  call.on('cancelled', stop);
  call.on('close', stop);
  call.on('error', stop);

  call.write(
    new streams.ReadResp().setConfirmation(
      new streams.ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID()),
    ),
  );
  pump();
}
