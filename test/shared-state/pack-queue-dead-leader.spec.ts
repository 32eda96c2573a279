import { Client } from 'pg';
import { PACK_QUEUE_LEASE } from '../../src/evidence/services';
import { send } from '../support/http';
import type { TestApp } from '../support/test-app';
import { startInstances, type Instances } from '../support/two-instances';
import { FINANCIAL_YEAR_2022_23 as SCOPE } from '../evidence/support/pack-files';

/**
 * Two service instances, one EventStoreDB and one PostgreSQL: while the pack queue's leader is dead
 * with its lease still running nothing is built, and once it lapses another instance builds what is
 * queued. (A pack requested on one instance, built once and downloaded from another is in the
 * acceptance suite, three-instances.e2e.spec.ts, on three processes; this case needs a lease row
 * written by hand, which is simpler beside in-process instances.)
 */
describe('instances sharing the evidence-pack queue in PostgreSQL', () => {
  let instances: Instances;
  let a: TestApp;
  let b: TestApp;
  let db: Client;

  beforeAll(async () => {
    instances = await startInstances(2, {
      sharedState: true,
      env: { DIGEST_INTERVAL_MINUTES: '0', LEADER_LEASE_SECONDS: '8' },
    });
    [a, b] = instances.all;
    db = new Client({ connectionString: instances.pg!.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await instances?.stop();
  });

  const status = async (app: TestApp, packId: string) =>
    ((await send(app, `/evidence-packs/${packId}`, undefined, { method: 'GET' })).body as { status?: string }).status;
  const settled = async (app: TestApp, packId: string) => {
    // Under a hang guard (2 min), not a count of polls: a loaded machine's build is slower, not wrong.
    for (const end = Date.now() + 120_000; Date.now() < end;) {
      const s = await status(app, packId);
      if (s === 'completed' || s === 'failed') return s;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`Evidence pack ${packId} was not built in time`);
  };
  const startedBuilds = async (app: TestApp, packId: string) =>
    (await app.store.readStream(`evidencepack-${packId}`)).filter((e) => e.type === 'evidence-pack-generation-started')
      .length;
  const queueLease = async () =>
    (await db.query('SELECT holder, token::text AS token FROM leases WHERE name = $1', [PACK_QUEUE_LEASE])).rows[0] as
      { holder: string; token: string } | undefined;

  it('given the queue’s leader dead (its lease still running), then nothing is built until the lease lapses, and then another instance builds it', async () => {
    // A leader that died holding the lease: the row stays until its time runs out.
    await db.query(
      `INSERT INTO leases (name, holder, token, acquired_at, expires_at) VALUES ($1, 'dead-instance', 100, now(), now() + interval '1 hour')
       ON CONFLICT (name) DO UPDATE SET holder = 'dead-instance', token = 100, expires_at = now() + interval '1 hour'`,
      [PACK_QUEUE_LEASE],
    );
    expect((await send(b, '/evidence-packs', { packId: 'jtai-2023', scope: SCOPE })).status).toBe(202);
    // Two looks or more (one each quarter lease, 2 s) while the dead leader's lease runs: nobody builds.
    await new Promise((r) => setTimeout(r, 5_000));
    expect(await status(a, 'jtai-2023')).toBe('queued');

    await db.query('UPDATE leases SET expires_at = now() WHERE name = $1', [PACK_QUEUE_LEASE]); // its time is up
    expect(await settled(a, 'jtai-2023')).toBe('completed');
    expect(await startedBuilds(a, 'jtai-2023')).toBe(1);
    const taken = await queueLease();
    expect(taken?.holder).not.toBe('dead-instance');
    expect(BigInt(taken!.token)).toBeGreaterThan(100n);
  });
});
