import type { TokenClaims } from '../../src/auth/mint-token';
import { PersonalDataCipher } from '../../src/privacy';
import { ESCALATION_PARTNERS, escalationNamingChild, ONE_STAGE_PROTOCOL } from '../support/escalation-partners';
import { send, sendOk } from '../support/http';
import type { TestApp } from '../support/test-app';
import { startInstances, type Instances } from '../support/two-instances';

const CHILD = 'Jamie Zebedee-Example';

/**
 * Two service instances, one EventStoreDB and one PostgreSQL holding the data subjects' keys. That
 * a subject sealed through one instance is revealed on the others and shown erased on all of them
 * after an erasure through any is the acceptance suite's (three-instances.e2e.spec.ts, on three
 * processes). This shows what only an in-process instance lets a test see: the other instance's
 * cipher, straight from the log with no read model in between, finds no key; and the rows.
 */
describe('an erasure through one instance, seen from another', () => {
  let instances: Instances;
  let a: TestApp;
  let b: TestApp;

  const admin: Partial<TokenClaims> = { userId: 'admin-1', role: 'admin' };
  const manager: Partial<TokenClaims> = {};
  const dpo: Partial<TokenClaims> = { userId: 'dpo-1', role: 'data-protection-officer' };

  beforeAll(async () => {
    instances = await startInstances(2, { sharedState: true, env: { DIGEST_INTERVAL_MINUTES: '0' } });
    [a, b] = instances.all;
  });
  afterAll(async () => {
    // Each instance checks on close that every event's actor is a token it verified: show it each one.
    for (const app of instances?.all ?? [])
      for (const claims of [admin, manager, dpo])
        await send(app, '/partners', undefined, { method: 'GET', token: await app.token(claims) });
    await instances?.stop();
  });

  /** The name as the instance's cipher reveals it straight from the log: no read model in between. */
  const revealedFromLog = async (app: TestApp) => {
    const raised = (await app.store.readAll()).find((e) => e.type === 'escalation-raised')!;
    const data = await app.app.get(PersonalDataCipher).reveal(raised.data as { dataSubjects: { name: string }[] });
    return data.dataSubjects[0].name;
  };

  it('given a child named in an escalation raised through A, when B erases them, then A’s cipher reveals "[erased]" from the log at once, and PostgreSQL keeps no key row but keeps the version', async () => {
    for (const partner of ESCALATION_PARTNERS) await sendOk(a, '/partners', partner, await a.token(admin));
    await sendOk(a, '/escalation-protocols', ONE_STAGE_PROTOCOL, await a.token(admin));
    await sendOk(
      a,
      '/escalations',
      escalationNamingChild({ name: CHILD, dateOfBirth: '2015-03-04' }),
      await a.token(manager),
    );
    expect(await revealedFromLog(a)).toBe(CHILD); // A has unwrapped the key: nothing it may hold survives the erasure

    await sendOk(
      b,
      '/data-subjects/child-1/erasure',
      { reason: 'Erasure request DPR-2023-014 upheld' },
      await b.token(dpo),
    );

    expect(await revealedFromLog(a)).toBe('[erased]');
    const { Client } = await import('pg');
    const client = new Client({ connectionString: instances.pg!.url });
    await client.connect();
    try {
      const keys = await client.query("SELECT count(*)::int AS n FROM subject_keys WHERE subject_id = 'child-1'");
      const versions = await client.query("SELECT latest FROM subject_versions WHERE subject_id = 'child-1'");
      expect({ keys: keys.rows[0], versions: versions.rows }).toEqual({ keys: { n: 0 }, versions: [{ latest: 1 }] });
    } finally {
      await client.end();
    }
  });
});
