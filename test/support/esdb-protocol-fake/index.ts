/**
 * ============================================================================================
 *  TEST SUPPORT — EventStoreDB PROTOCOL FAKE. THIS IS NOT EVENTSTOREDB.
 * ============================================================================================
 * An in-process gRPC server (@grpc/grpc-js `Server.addService`) registered with the client
 * package's OWN generated service definitions (@eventstore/db-client/generated/*), so the real
 * `@eventstore/db-client` and our `EsdbEventStore` adapter talk to it over a real HTTP/2 socket
 * with real protobuf bytes. It exists because no EventStoreDB server (nor Docker) can run where
 * these tests run; test/contract/esdb-real.contract.spec.ts runs the same suite against a real
 * server in CI.
 *
 * What it implements:
 * - ServerFeatures.GetSupportedMethods, advertising Streams.BatchAppend or not (`batchAppend`).
 *   The client asks this once per connection and uses BatchAppend only when advertised; when not
 *   advertised the fake answers BatchAppend with UNIMPLEMENTED, like a pre-21.10 server.
 *   Nothing else is called at connect for a single-node `esdb://host:port?tls=false` string
 *   (no gossip: the client only discovers for `esdb+discover://` or several hosts).
 * - Streams.Append (client streaming) and Streams.BatchAppend (bidirectional, multi-request
 *   batches joined by correlation id until is_final), with the server's expected-revision checks
 *   (any / no_stream / stream_exists / exact) and WrongExpectedVersion details in both shapes
 *   (AppendResp.WrongExpectedVersion; google.rpc.Status packing shared.WrongExpectedVersion).
 * - The server's idempotent-write rule by event id (see FakeLog.append).
 * - MaxAppendSize (default 1,048,576 bytes, `maxAppendSize`): an append whose events' sizes
 *   (data + metadata + 2 x type length, the server's Event.SizeOnDisk) sum to more is refused and
 *   nothing is written: Streams.Append with INVALID_ARGUMENT and the `exception:
 *   maximum-append-size-exceeded` trailers, BatchAppend with a Status packing
 *   MaximumAppendSizeExceeded; the client raises MaxAppendSizeExceededError either way.
 * - BatchAppend deadlines: a batch whose Options.deadline is at or before the server's clock is
 *   answered with a Status packing shared.Timeout (DEADLINE_EXCEEDED) and not written; the client
 *   raises DeadlineExceededError. `advanceClock(ms)` moves the fake's clock ahead to pass one.
 * - Streams.Read of one stream (forwards/backwards, from start/end/revision, count, the
 *   StreamNotFound message), of $all (forwards/backwards, from start/end/position, count, filter
 *   on stream name or event type by prefixes or regex) and a catch-up subscription to $all
 *   (confirmation, history, checkpoint + caught-up, live events, back-pressure via drain).
 * - Positions as a real node reports them: each record's position is its byte offset in the log,
 *   growing by the record's size (so positions have gaps), commit == prepare for every event of
 *   an ordinary append, and the node's own records fill the first 4 KiB, so the first user event
 *   is past 4096 (never 0 or 1).
 * - Invalid positions: a $all read (forwards or backwards) or subscription from a position that is
 *   not the start of a record (nor the end of the log), or whose commit ≠ prepare, is refused with
 *   gRPC UNKNOWN "Trying to read from an invalid position." as 23.10-24.x nodes answer (newer
 *   KurrentDB answers INVALID_ARGUMENT with the same text; older ones an opaque UNKNOWN). So
 *   `position - 1` or `checkpoint + 20000` fails here as on a real server.
 * - Filtered subscriptions send a checkpoint every (checkpoint interval multiplier x search window,
 *   32 when the client sends `count`) events considered, and one when caught up.
 * - Slow consumers: with `slowConsumerLimit` set, a live subscription that has more than that many
 *   events it could not send (the consumer is not reading) is dropped with ABORTED "Consumer too
 *   slow to handle event while live. Client resubscription required.", as a node drops it.
 * - System events: the log starts with `$settings`, `$users`, `$scavenges` and `$stats` records,
 *   and after every user append the fake writes either a `$statsCollected` event in
 *   `$stats-127.0.0.1:2113` or a `$>` link event in the non-$ stream `fakeEmitted-links`
 *   (binary data), so they sit between user events in $all and the adapter's skipping is exercised.
 * - Per-RPC call counters (`rpcCalls()`), so tests can prove which append path the client took.
 * - Outages for fault tests: `hang()` keeps every answer (or only those of the RPCs named) until
 *   `resume()` while still applying what it receives, as a server that committed a write and then
 *   stalled does; `down()` closes the port (connections refused) and `up()` serves the same log
 *   on the same port again (a server restart: connections drop, clients must reconnect and
 *   resubscribe); stop() then restart() does the same. dropSubscriptions() ends every live $all
 *   subscription from the server side with a gRPC error status (as a leader change, a restart or
 *   "consumer too slow" does), keeping the server up.
 *
 * What it does NOT reproduce (do not trust a green fake run for these):
 * - Real storage, persistence, chunks, scavenging, truncation; the log lives in memory (kept
 *   across stop()/restart(), lost with the fake).
 * - Explicit (TCP-era) transactions, whose events have commit ≠ prepare; the fake never writes one.
 * - ACLs, authentication and users (credentials are ignored), stream metadata ($maxCount,
 *   $maxAge, $tb, $acl), soft delete and tombstones (Delete/Tombstone are UNIMPLEMENTED),
 *   `resolveLinkTos` (links are never resolved), persistent subscriptions, projections
 *   (no `$ce-`, `$et-`, `$by_category` streams except the fixed noise above), operations, users,
 *   monitoring and gossip services.
 * - Clusters: gossip, node preference, leader redirects (NotLeader), read-only replicas,
 *   `requires-leader` headers; TLS and certificates (insecure plaintext only).
 * - gRPC call deadlines on Append/Read (grpc-js enforces the client's own deadline), maximum
 *   message sizes, keep-alives, the exact point at which a real node decides a consumer is too slow
 *   (it depends on its live buffer; newer nodes fall back to catch-up instead), `fell_behind`.
 * - The server's idempotency cache limits: a real server checks `any` appends against a bounded
 *   cache of recent ids; the fake searches the whole stream.
 * - Filtered reads of $all over the full .NET regex dialect (JS RegExp is used) and the `max`
 *   search window of filtered reads.
 * - Server version specifics (the fake reports version "0.0.0-protocol-fake").
 */
import { Server, ServerCredentials, status, type ServerWritableStream } from '@grpc/grpc-js';
import {
  ServerFeaturesService,
  type IServerFeaturesServer,
} from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { StreamsService, type IStreamsServer } from '@eventstore/db-client/generated/streams_grpc_pb';
import type { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { FakeLog } from './fake-log';
import { streamsService } from './streams-service';

export { FakeLog } from './fake-log';
export type { LoggedEvent } from './fake-log';

export interface EsdbProtocolFakeOptions {
  /** Advertise Streams.BatchAppend in ServerFeatures.GetSupportedMethods (and implement it). */
  batchAppend: boolean;
  /** The server's MaxAppendSize in bytes; a real node's default is 1,048,576 (1 MiB). */
  maxAppendSize?: number;
  /** Drop a live subscription once this many events wait behind its consumer (default: never). */
  slowConsumerLimit?: number;
}

/** A real node's default MaxAppendSize. */
export const DEFAULT_MAX_APPEND_SIZE = 1_048_576;

export interface EsdbProtocolFake {
  /** `esdb://127.0.0.1:PORT?tls=false` */
  readonly connectionString: string;
  readonly log: FakeLog;
  /** How many times each RPC was called, e.g. { 'Streams.Append': 3, 'Streams.BatchAppend(batch)': 0 }. */
  rpcCalls(): Record<string, number>;
  /**
   * From now on, answers (read results, append acknowledgements) are held until resume(); requests
   * are still received and applied, so an append sent while hung is committed but never
   * acknowledged in time. `rpcs` limits the hang to those methods (e.g. ['append', 'batchAppend']).
   */
  hang(rpcs?: HangableRpc[]): void;
  /** Sends every held answer (to callers still waiting) and answers normally again. */
  resume(): void;
  /** Stops serving: the port is closed and new connections are refused. The log is kept. */
  down(): Promise<void>;
  /** Serves the same log on the same port again after down(). */
  up(): Promise<void>;
  /** Moves the fake server's clock `ms` ahead, so BatchAppend deadlines closer than that have passed. */
  advanceClock(ms: number): void;
  /** Resumes any hang and stops serving (every connection and call is dropped); the log is kept for restart(). */
  stop(): Promise<void>;
  /** Serves the same log again on the same port after stop() or down(), as a restarted server would. */
  restart(): Promise<void>;
  /**
   * Ends every live $all subscription from the server side with this gRPC status (default
   * UNAVAILABLE), leaving the server up; returns how many were dropped.
   */
  dropSubscriptions(fault?: { code: status; details: string }): number;
  /** How many $all subscriptions the server is serving now. */
  liveSubscriptions(): number;
}

export type HangableRpc = 'read' | 'append' | 'batchAppend';

export async function startEsdbProtocolFake(options: EsdbProtocolFakeOptions): Promise<EsdbProtocolFake> {
  const log = new FakeLog();
  const calls: Record<string, number> = {};
  const count = (rpc: string) => {
    calls[rpc] = (calls[rpc] ?? 0) + 1;
  };

  let clockAheadMs = 0;
  const gate = new AnswerGate();
  const live = new Set<ServerWritableStream<ReadReq, ReadResp>>();
  const service = tracked(
    gate.wrap(
      streamsService({
        log,
        batchAppend: options.batchAppend,
        count,
        maxAppendSize: options.maxAppendSize ?? DEFAULT_MAX_APPEND_SIZE,
        slowConsumerLimit: options.slowConsumerLimit,
        now: () => Date.now() + clockAheadMs,
      }),
    ),
    live,
  );
  const serve = (port: number) =>
    new Promise<{ server: Server; port: number }>((resolve, reject) => {
      const server = new Server();
      server.addService(StreamsService, service);
      server.addService(ServerFeaturesService, serverFeatures(options, count));
      server.bindAsync(`127.0.0.1:${port}`, ServerCredentials.createInsecure(), (err, p) =>
        err ? reject(err) : resolve({ server, port: p }),
      );
    });
  let { server, port } = await serve(0);
  let serving = true;
  const up = async (): Promise<void> => {
    if (serving) return;
    ({ server, port } = await serve(port));
    serving = true;
  };

  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    log,
    rpcCalls: () => ({ ...calls }),
    advanceClock(ms) {
      clockAheadMs += ms;
    },
    hang: (rpcs) => gate.hang(rpcs),
    resume: () => gate.resume(),
    async down() {
      if (!serving) return;
      serving = false;
      live.clear();
      server.forceShutdown();
    },
    up,
    async stop() {
      gate.resume();
      // Clients are disposed by the tests first; force-close anything left (live subscriptions).
      if (serving) server.forceShutdown();
      serving = false;
      live.clear();
    },
    restart: up,
    dropSubscriptions(
      fault = { code: status.UNAVAILABLE, details: 'Subscription dropped by the server (leader change)' },
    ) {
      const dropped = [...live];
      live.clear();
      for (const call of dropped) call.emit('error', fault);
      return dropped.length;
    },
    liveSubscriptions: () => live.size,
  };
}

/** The Streams service, remembering each live $all subscription call so dropSubscriptions() can end it. */
function tracked(service: IStreamsServer, live: Set<ServerWritableStream<ReadReq, ReadResp>>): IStreamsServer {
  return {
    ...service,
    read(call: ServerWritableStream<ReadReq, ReadResp>) {
      if (call.request.getOptions()?.hasSubscription()) {
        live.add(call);
        const forget = () => live.delete(call);
        call.on('cancelled', forget);
        call.on('close', forget);
        call.on('error', forget);
        call.on('finish', forget);
      }
      return service.read(call);
    },
  };
}

/**
 * Holds the answers of hung RPCs: the handlers run as usual (so an append is applied to the log),
 * but what they write back (stream messages, the end of a stream, a unary callback) waits in a
 * queue until resume(). A held answer to a call the client has meanwhile cancelled is dropped by
 * grpc-js, as a real server's late answer would be.
 */
class AnswerGate {
  private hung: Set<HangableRpc> | undefined;
  private readonly held: (() => void)[] = [];

  hang(rpcs: HangableRpc[] = ['read', 'append', 'batchAppend']): void {
    this.hung = new Set(rpcs);
  }

  resume(): void {
    this.hung = undefined;
    for (const answer of this.held.splice(0)) {
      try {
        answer();
      } catch {
        /* the call is gone */
      }
    }
  }

  wrap(service: IStreamsServer): IStreamsServer {
    return {
      ...service,
      read: (call) => service.read(this.gateCall(call, 'read')),
      append: (call, callback) => {
        const order = { held: 0 };
        service.append(call, (...a: Parameters<typeof callback>) => this.pass('append', order, () => callback(...a)));
      },
      batchAppend: (call) => service.batchAppend(this.gateCall(call, 'batchAppend')),
    };
  }

  /** Answers now, or holds it; a call's later answers queue behind its held ones, so each call keeps its order. */
  private pass<T>(rpc: HangableRpc, order: { held: number }, answer: () => T, whenHeld?: T): T | undefined {
    if (!this.hung?.has(rpc) && order.held === 0) return answer();
    order.held++;
    this.held.push(() => {
      order.held--;
      answer();
    });
    return whenHeld;
  }

  /** The same call object, its write and end passing through the gate (writes report no back-pressure while held). */
  private gateCall<C extends { write: (...a: never[]) => boolean; end: (...a: never[]) => unknown }>(
    call: C,
    rpc: HangableRpc,
  ): C {
    const order = { held: 0 };
    const write = call.write.bind(call) as (...a: unknown[]) => boolean;
    const end = call.end.bind(call) as (...a: unknown[]) => unknown;
    (call as { write: unknown }).write = (...a: unknown[]) => this.pass(rpc, order, () => write(...a), true);
    (call as { end: unknown }).end = (...a: unknown[]) => this.pass(rpc, order, () => end(...a));
    return call;
  }
}

function serverFeatures(options: EsdbProtocolFakeOptions, count: (rpc: string) => void): IServerFeaturesServer {
  const method = (service: string, name: string) => new SupportedMethod().setServiceName(service).setMethodName(name);
  return {
    getSupportedMethods(_call, callback) {
      count('ServerFeatures.GetSupportedMethods');
      const streams = 'event_store.client.streams.streams';
      const methods = [
        method(streams, 'read'),
        method(streams, 'append'),
        ...(options.batchAppend ? [method(streams, 'batchappend')] : []),
        method('event_store.client.server_features.serverfeatures', 'getsupportedmethods'),
      ];
      callback(null, new SupportedMethods().setMethodsList(methods).setEventStoreServerVersion('0.0.0-protocol-fake'));
    },
  };
}
