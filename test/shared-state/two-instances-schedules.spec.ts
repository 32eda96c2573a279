import type { Pool } from 'pg';
import { DigestScheduler } from '../../src/ledger/digests/digest-scheduler';
import { SCHEDULE_LEADERSHIP } from '../../src/shared/schedule-leadership';
import { openSharedStatePool } from '../../src/shared-state/postgres/pg-pool';
import type { PgScheduleLeadership } from '../../src/shared-state/postgres/pg-schedule-leadership';
import { send } from '../support/http';
import type { ThrowawayPostgres } from '../support/postgres/throwaway-postgres';
import type { TestApp } from '../support/test-app';
import { startTwoInstances, type TwoInstances } from '../support/two-instances';

/**
 * The digest schedule on two instances of one ledger (the EventStoreDB protocol fake) whose leases
 * live in one real PostgreSQL: each interval's round fires on both, and only the leader records.
 * Rounds are driven by tick() (what the interval timer calls), so no test waits for an hour.
 */
describe('two instances sharing state in PostgreSQL: one digest per interval, and leadership that moves', () => {
  const LEASE_SECONDS = 4;
  let instances: TwoInstances;
  let pg: ThrowawayPostgres;
  let a: TestApp;
  let b: TestApp;
  let db: Pool;

  beforeAll(async () => {
    instances = await startTwoInstances({
      sharedState: true,
      // The interval timer off: the test is the clock of rounds. The lease is then this margin alone.
      env: { DIGEST_INTERVAL_MINUTES: '0', LEADER_LEASE_SECONDS: String(LEASE_SECONDS) },
    });
    ({ a, b } = instances);
    pg = instances.pg!;
    db = openSharedStatePool(pg.url, () => undefined);
  });
  afterAll(async () => {
    await db?.end();
    await instances?.stop();
  });

  const admin = { userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' } as const;
  let partners = 0;
  /** Something written since the last digest, so the round has a reason to record one. */
  const write = async (app: TestApp) => {
    partners += 1;
    const body = { partnerId: `partner-${partners}`, name: `Partner ${partners}`, kind: 'other' };
    const res = await send(app, '/partners', body, { token: await app.token(admin) });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 }); // a refusal shows its reason
  };
  /**
   * The digests in the ledger, read from the fake's own log: a read of $all through an instance's
   * store is bounded by STORE_DEADLINE_MS, which a busy machine can outrun (a speed check, not a test).
   */
  const digests = () =>
    Promise.resolve(
      instances.esdb.log.all
        .filter((e) => e.type === 'ledger-digest-recorded')
        .map(
          (e) =>
            JSON.parse(Buffer.from(e.customMetadata).toString('utf8')) as { metadata: { actor: { userId: string } } },
        ),
    );
  const holder = async () =>
    (await db.query<{ holder: string }>("SELECT holder FROM leases WHERE name = 'ledger-digests'")).rows[0]?.holder;
  const instanceId = (t: TestApp) => t.app.get<PgScheduleLeadership>(SCHEDULE_LEADERSHIP).instanceId;

  it('given ten intervals, each firing on both instances at once, then exactly one digest is recorded per interval', async () => {
    for (let round = 1; round <= 10; round++) {
      await write(round % 2 ? a : b);
      await Promise.all([a.app.get(DigestScheduler).tick(), b.app.get(DigestScheduler).tick()]);
      expect(await digests()).toHaveLength(round);
    }
    expect(new Set((await digests()).map((d) => d.metadata.actor.userId))).toEqual(
      new Set(['ledger-digest-scheduler']),
    );
  });

  it('given the leader is killed, when its lease has lapsed, then the other instance takes the schedule at its next round', async () => {
    const leaderId = await holder();
    const [leader, standby] = instanceId(a) === leaderId ? [a, b] : [b, a];
    expect(instanceId(leader)).toBe(leaderId);
    // Killed: its rounds stop, so it neither renews nor gives up its lease.
    await leader.app.get(DigestScheduler).onApplicationShutdown();
    await write(standby);
    const before = (await digests()).length;

    // The standby's rounds keep coming; the first after the lease lapses (LEASE_SECONDS) records.
    const rounds = standby.app.get(DigestScheduler);
    const giveUpAt = Date.now() + 120_000; // a hang guard, far beyond the lease
    while ((await digests()).length === before && Date.now() < giveUpAt) {
      await new Promise((r) => setTimeout(r, 250));
      await rounds.tick();
    }
    expect(await digests()).toHaveLength(before + 1);
    expect(await holder()).toBe(instanceId(standby));
  });
});
