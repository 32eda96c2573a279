import {
  BACKWARDS,
  DeadlineExceededError,
  END,
  EventStoreDBClient,
  FORWARDS,
  MaxAppendSizeExceededError,
  START,
  jsonEvent,
  streamNameFilter,
  type AllStreamSubscription,
  type Position,
} from '@eventstore/db-client';
import { startEsdbProtocolFake, type EsdbProtocolFake } from '../support/esdb-protocol-fake';

/**
 * What the protocol fake (test support) answers where a real EventStoreDB/KurrentDB node is strict,
 * through the real client only (no adapter): each rule here is one the ledger's adapter and its
 * callers must live with on a real server (see test/support/esdb-protocol-fake/index.ts).
 */
let seq = 0;
const stream = (category: string) => `${category}-${process.pid}x${++seq}x${Date.now()}`;
const events = (n: number, bytes = 10) =>
  Array.from({ length: n }, (_, i) => jsonEvent({ type: 'test-rule', data: { i, pad: 'x'.repeat(bytes) } }));

async function collect<T>(read: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const e of read) out.push(e);
  return out;
}

async function positionsOf(client: EventStoreDBClient, s: string): Promise<Position[]> {
  return (await collect(client.readStream(s))).map((r) => r.event!.position!);
}

for (const batchAppend of [true, false]) {
  describe(`EventStoreDB protocol fake (test support) answers as a real node, ${batchAppend ? 'BatchAppend' : 'Streams.Append'}`, () => {
    let fake: EsdbProtocolFake;
    let client: EventStoreDBClient;
    beforeAll(async () => {
      fake = await startEsdbProtocolFake({ batchAppend, slowConsumerLimit: 20 });
      client = EventStoreDBClient.connectionString(fake.connectionString);
    });
    afterAll(async () => {
      await client.dispose();
      await fake.stop();
    });

    it('given a position one byte into a record, when $all is read forwards, backwards or subscribed from it, then the node refuses it', async () => {
      const s = stream('invalid');
      await client.appendToStream(s, events(2));
      const [first] = await positionsOf(client, s);
      const inside = { commit: first.commit + 1n, prepare: first.prepare + 1n };
      const refused = expect.objectContaining({
        message: expect.stringContaining('Trying to read from an invalid position.'),
      });
      await expect(collect(client.readAll({ fromPosition: inside, direction: FORWARDS, maxCount: 1 }))).rejects.toEqual(
        refused,
      );
      await expect(
        collect(client.readAll({ fromPosition: inside, direction: BACKWARDS, maxCount: 1 })),
      ).rejects.toEqual(refused);
      const sub = client.subscribeToAll({ fromPosition: inside });
      await expect(collect(sub)).rejects.toEqual(refused);
    });

    it('given the exact position of a record, when $all is read from it, then forwards includes it and backwards starts before it', async () => {
      const s = stream('exact');
      await client.appendToStream(s, events(3));
      const [, second] = await positionsOf(client, s);
      const forwards = await collect(client.readAll({ fromPosition: second, direction: FORWARDS, maxCount: 1 }));
      expect(forwards[0].event?.position).toEqual(second);
      const backwards = await collect(client.readAll({ fromPosition: second, direction: BACKWARDS, maxCount: 1 }));
      expect(backwards[0].event!.position.prepare).toBeLessThan(second.prepare);
    });

    it('given a filtered subscription, then it sends a checkpoint every multiplier x 32 events considered', async () => {
      const checkpoints: Position[] = [];
      const [tail] = await collect(client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 }));
      const sub = client.subscribeToAll({
        fromPosition: tail.event!.position,
        filter: streamNameFilter({
          prefixes: ['nothing-matches-this'],
          checkpointInterval: 2,
          checkpointReached: (_s, p) => {
            checkpoints.push(p);
          },
        }),
      });
      const before = fake.log.all.length;
      for (let i = 0; i < 70; i++) await client.appendToStream(stream('cadence'), events(1));
      const considered = fake.log.all.length - before; // user events and the system noise between them
      const deadline = Date.now() + 60_000; // a hang guard
      // One when caught up, then one per 64 events considered.
      while (checkpoints.length < 1 + Math.floor(considered / 64) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      await sub.unsubscribe();
      expect(checkpoints).toHaveLength(1 + Math.floor(considered / 64));
      for (let i = 1; i < checkpoints.length; i++)
        expect(checkpoints[i].prepare).toBeGreaterThan(checkpoints[i - 1].prepare);
    });

    it('given a live subscription whose consumer stops reading, when the log runs far ahead, then the node drops it as too slow', async () => {
      const [tail] = await collect(client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 }));
      const sub: AllStreamSubscription = client.subscribeToAll({ fromPosition: tail.event!.position });
      const dropped = new Promise<Error>((resolve) => sub.once('error', resolve));
      await new Promise((resolve) => sub.once('caughtUp', resolve));
      sub.pause(); // the consumer stops reading: HTTP/2 flow control soon holds the server's writes
      for (let i = 0; i < 300; i++) await client.appendToStream(stream('slow'), events(1, 8192));
      // The drop is sent after what the server had already sent: the consumer reads that, then the error.
      let delivered = 0;
      sub.on('data', () => {
        delivered++;
      });
      sub.resume();
      await expect(dropped).resolves.toEqual(
        expect.objectContaining({ message: expect.stringContaining('Consumer too slow') }),
      );
      expect(delivered).toBeLessThan(300);
    });

    it('given events over 1 MiB in one append, then the node refuses the append (MaxAppendSizeExceededError) and writes nothing', async () => {
      const s = stream('large');
      const err = await client.appendToStream(s, events(2, 600_000)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MaxAppendSizeExceededError);
      expect((err as MaxAppendSizeExceededError).maxAppendSize).toBe(1_048_576);
      expect(fake.log.stream(s)).toBeUndefined();
      await expect(client.appendToStream(s, events(1, 900_000))).resolves.toMatchObject({ success: true });
    });

    if (batchAppend) {
      it('given a BatchAppend whose deadline has passed on the server, then it answers a timeout and writes nothing', async () => {
        const s = stream('deadline');
        fake.advanceClock(60_000);
        const err = await client.appendToStream(s, events(1), { deadline: 30_000 }).catch((e: unknown) => e);
        fake.advanceClock(-60_000);
        expect(err).toBeInstanceOf(DeadlineExceededError);
        expect(fake.log.stream(s)).toBeUndefined();
        await expect(client.appendToStream(s, events(1), { deadline: 30_000 })).resolves.toMatchObject({
          success: true,
        });
      });
    }

    it("given START, then $all is read from the node's first record", async () => {
      const [first] = await collect(client.readAll({ fromPosition: START, direction: FORWARDS, maxCount: 1 }));
      expect(first.event?.position).toEqual({ commit: 0n, prepare: 0n });
    });
  });
}
