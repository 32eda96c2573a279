/**
 * TEST SUPPORT — the Streams service of the EventStoreDB PROTOCOL FAKE (see ./index.ts):
 * Read (stream, $all, $all catch-up subscription), Append (client streaming) and BatchAppend
 * (bidirectional). Delete and Tombstone answer UNIMPLEMENTED.
 */
import { status, type sendUnaryData, type ServerDuplexStream, type ServerReadableStream, type ServerWritableStream } from '@grpc/grpc-js';
import type { IStreamsServer } from '@eventstore/db-client/generated/streams_grpc_pb';
import * as streams from '@eventstore/db-client/generated/streams_pb';
import { randomUUID } from 'node:crypto';
import type { FakeLog, LoggedEvent, ProposedEvent } from './fake-log';
import {
  appendResponse, batchAppendResponse, expectedFromAppend, expectedFromBatch, proposedEvent,
  readEventResponse, streamNameOf, streamNotFound, uuidString,
} from './wire';

type Options = streams.ReadReq.Options;
const { ReadDirection, StreamOptions, AllOptions } = streams.ReadReq.Options;

export interface StreamsServiceConfig {
  log: FakeLog;
  batchAppend: boolean;
  count(rpc: string): void;
}

export function streamsService(cfg: StreamsServiceConfig): IStreamsServer {
  const { log, count } = cfg;
  return {
    read(call: ServerWritableStream<streams.ReadReq, streams.ReadResp>) {
      const options = call.request.getOptions();
      if (!options) return fail(call, status.INVALID_ARGUMENT, 'missing options');
      if (options.hasSubscription()) {
        count('Streams.Read(subscribe $all)');
        if (!options.hasAll()) return fail(call, status.UNIMPLEMENTED, 'the fake only subscribes to $all');
        return subscribeToAll(call, options, log);
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
        for (const e of streamSlice(events, so, backwards, max)) call.write(readEventResponse(e, { structuredIds, fromAll: false }));
        return call.end();
      }
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

    append(call: ServerReadableStream<streams.AppendReq, streams.AppendResp>, callback: sendUnaryData<streams.AppendResp>) {
      count('Streams.Append');
      let options: streams.AppendReq.Options | undefined;
      const proposed: ProposedEvent[] = [];
      call.on('data', (req: streams.AppendReq) => {
        if (req.hasOptions()) options = req.getOptions();
        else if (req.hasProposedMessage()) proposed.push(proposedEvent(req.getProposedMessage()!));
      });
      call.on('error', () => undefined);
      call.on('end', () => {
        if (!options) return callback({ code: status.INVALID_ARGUMENT, details: 'first message must carry options' });
        const name = streamNameOf(options.getStreamIdentifier());
        callback(null, appendResponse(log.append(name, expectedFromAppend(options), proposed)));
      });
    },

    batchAppend(call: ServerDuplexStream<streams.BatchAppendReq, streams.BatchAppendResp>) {
      count('Streams.BatchAppend');
      if (!cfg.batchAppend) {
        // A server that does not advertise BatchAppend (before 21.10) does not implement it.
        call.on('error', () => undefined);
        return call.emit('error', { code: status.UNIMPLEMENTED, details: 'BatchAppend is not advertised by this fake' });
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
        call.write(batchAppendResponse(correlation, name, log.append(name, expectedFromBatch(options), batch.proposed)));
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

function streamSlice(events: readonly LoggedEvent[], so: streams.ReadReq.Options.StreamOptions, backwards: boolean, max: number): LoggedEvent[] {
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
 * $all from a position: forwards, every event whose PREPARE position is at or after the requested
 * prepare position (inclusive, like a real read); backwards, every event strictly before it.
 * The commit component of the requested position is not used (see "not reproduced" in index.ts).
 */
function* allSlice(all: readonly LoggedEvent[], ao: streams.ReadReq.Options.AllOptions, backwards: boolean): Generator<LoggedEvent> {
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
 */
function subscribeToAll(call: ServerWritableStream<streams.ReadReq, streams.ReadResp>, options: Options, log: FakeLog): void {
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
  let caughtUp = false;
  let waitingForDrain = false;
  let done = false;

  const pump = (): void => {
    if (done || waitingForDrain) return;
    while (next < log.all.length) {
      const e = log.all[next++];
      if (!matches(e)) continue;
      if (!call.write(readEventResponse(e, { structuredIds, fromAll: true }))) return waitForDrain();
    }
    if (!caughtUp) {
      caughtUp = true;
      const last = log.all.at(-1);
      if (options.hasFilter() && last) {
        call.write(new streams.ReadResp().setCheckpoint(new streams.ReadResp.Checkpoint()
          .setCommitPosition(last.commitPosition.toString()).setPreparePosition(last.preparePosition.toString())));
      }
      if (!call.write(new streams.ReadResp().setCaughtUp(new streams.ReadResp.CaughtUp()))) waitForDrain();
    }
  };
  const waitForDrain = (): void => {
    waitingForDrain = true;
    call.once('drain', () => { waitingForDrain = false; pump(); });
  };
  const unsubscribe = log.onWrite(pump);
  const stop = (): void => { done = true; unsubscribe(); };
  call.on('cancelled', stop);
  call.on('close', stop);
  call.on('error', stop);

  call.write(new streams.ReadResp().setConfirmation(new streams.ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID())));
  pump();
}
