import { eventCount, expectFieldsRefused, expectProblem, send } from './http';
import type { TestApp } from './test-app';

/**
 * One row per command endpoint: a good body, a bad one (fields named), and, where the handler loads a
 * fact from another stream, a rule that fact breaks (the aggregates' own rules are the decider specs',
 * the role matrix access-control's).
 */
export interface CommandEndpoint {
  name: string;
  url: string;
  status: number;
  event: string;
  stream: string;
  good: object;
  bad: object;
  badFields: string[];
  brokenBecause?: string;
  broken?: object;
  brokenStatus?: number;
  brokenCode?: string;
}

export interface CommandEndpointSuite {
  app: () => TestApp;
  /** Sends a command as the suite's actor. */
  post: (url: string, body: unknown, o?: { ifMatch?: string; idempotencyKey?: string }) => ReturnType<typeof send>;
  /** Writes what every row builds on: `seeded` events. */
  seed: () => Promise<void>;
  seeded: number;
  /** Who the token names: the actor the event must carry. */
  actorUserId: string;
  /** The first case's title (which stream the event lands on). */
  recordsTitle: string;
}

/** The cases every command endpoint answers alike: recorded, invalid, stale If-Match, retried, broken fact. */
export function describeCommandEndpoints(endpoints: CommandEndpoint[], s: CommandEndpointSuite) {
  const { post, seed, seeded } = s;
  const count = () => eventCount(s.app());

  describe.each(endpoints)('$name', (e) => {
    it(s.recordsTitle, async () => {
      await seed();
      const res = await post(e.url, e.good);
      expect(res.status).toBe(e.status);
      expect(res.body).toMatchObject({ streamId: e.stream, events: [e.event] });
      expect((await s.app().store.readStream(e.stream)).at(-1)).toMatchObject({
        type: e.event,
        metadata: { actor: { userId: s.actorUserId } },
      });
      expect(await count()).toBe(seeded + 1);
    });

    it('refuses invalid fields with 400 naming each, and writes nothing', async () => {
      await seed();
      const res = await post(e.url, e.bad);
      expectFieldsRefused(res, e.badFields);
      expect(await count()).toBe(seeded);
    });

    it('answers 412 to a stale If-Match and writes nothing', async () => {
      await seed();
      expectProblem(await post(e.url, e.good, { ifMatch: '"7"' }), 412, 'wrong-expected-revision');
      expect(await count()).toBe(seeded);
    });

    it('returns the first result for a retried Idempotency-Key and writes once', async () => {
      await seed();
      const first = await post(e.url, e.good, { idempotencyKey: `retry-${e.event}` });
      const retry = await post(e.url, e.good, { idempotencyKey: `retry-${e.event}` });
      expect(first.status).toBe(e.status);
      expect(retry.status).toBe(first.status);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.etag).toBe(first.headers.etag);
      expect(await count()).toBe(seeded + 1);
    });
  });

  describe.each(endpoints.filter((e) => e.broken))('$name', (e) => {
    it(`refuses ${e.brokenBecause} with ${e.brokenCode}, and writes nothing`, async () => {
      await seed();
      expectProblem(await post(e.url, e.broken), e.brokenStatus!, e.brokenCode);
      expect(await count()).toBe(seeded);
    });
  });
}
