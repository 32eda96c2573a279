import type { TokenClaims } from '../../src/auth/mint-token';
import { PersonalDataCipher } from '../../src/privacy';
import { ProjectionRunner } from '../../src/read-models/projection-runner';
import { ESCALATION_PARTNERS } from '../support/escalation-partners';
import { send, sendOk } from '../support/http';
import type { TestApp } from '../support/test-app';
import { startInstances, type Instances } from '../support/two-instances';

const CHILD = 'Jamie Zebedee-Example';
const TRAIL = '/escalation-trail/wsep-2022-001?asOf=2022-11-21';

/**
 * Three service instances behind a load balancer, one EventStoreDB and one PostgreSQL holding the
 * data subjects' keys: a subject sealed through one instance is revealed on the others, and an
 * erasure through any instance holds on every instance at once (no instance keeps the key).
 */
describe('three instances sharing personal-data keys in PostgreSQL', () => {
  let instances: Instances;
  let a: TestApp;
  let b: TestApp;
  let c: TestApp;

  const admin: Partial<TokenClaims> = { userId: 'admin-1', role: 'admin' };
  const manager: Partial<TokenClaims> = {};
  const dpo: Partial<TokenClaims> = { userId: 'dpo-1', role: 'data-protection-officer' };

  beforeAll(async () => {
    instances = await startInstances(3, { sharedState: true, env: { DIGEST_INTERVAL_MINUTES: '0' } });
    [a, b, c] = instances.all;
  });
  afterAll(async () => {
    // Each instance checks on close that every event's actor is a token it verified: show it each one.
    for (const app of instances?.all ?? [])
      for (const claims of [admin, manager, dpo])
        await send(app, '/partners', undefined, { method: 'GET', token: await app.token(claims) });
    await instances?.stop();
  });

  const caughtUp = async (app: TestApp) =>
    app.app.get(ProjectionRunner).waitFor((await app.store.readAll()).at(-1)!.position);
  const childName = async (app: TestApp) => {
    await caughtUp(app);
    const res = await send(app, TRAIL, undefined, { method: 'GET' });
    expect(res.status).toBe(200);
    return (res.body as { dataSubjects: { name: string }[] }).dataSubjects[0].name;
  };
  /** The name as the instance's cipher reveals it straight from the log: no read model in between. */
  const revealedFromLog = async (app: TestApp) => {
    const raised = (await app.store.readAll()).find((e) => e.type === 'escalation-raised')!;
    const data = await app.app.get(PersonalDataCipher).reveal(raised.data as { dataSubjects: { name: string }[] });
    return data.dataSubjects[0].name;
  };

  it('given a child named in an escalation raised through A, then B and C reveal the name; after an erasure through B, A and C show it erased at once', async () => {
    for (const partner of ESCALATION_PARTNERS) await sendOk(a, '/partners', partner, await a.token(admin));
    await sendOk(
      a,
      '/escalation-protocols',
      {
        protocolId: 'ws-escalation-protocol',
        name: 'WS Escalation Protocol',
        stages: [{ name: 'Practitioner to practitioner', timescaleWorkingDays: 2 }],
      },
      await a.token(admin),
    );
    await sendOk(
      a,
      '/escalations',
      {
        escalationId: 'wsep-2022-001',
        protocolId: 'ws-escalation-protocol',
        raisedByAgency: 'warwickshire-cc',
        concerningAgency: 'cw-icb',
        subject: 'Delay in a health assessment for a child in care',
        dataSubjects: [{ subjectId: 'child-1', relation: 'child', name: CHILD, dateOfBirth: '2015-03-04' }],
      },
      await a.token(manager),
    );

    expect(await childName(b)).toBe(CHILD);
    expect(await childName(c)).toBe(CHILD);
    expect(await childName(a)).toBe(CHILD); // A has read it too: nothing it may hold survives the erasure

    await sendOk(
      b,
      '/data-subjects/child-1/erasure',
      { reason: 'Erasure request DPR-2023-014 upheld' },
      await b.token(dpo),
    );

    // At once: before A or C has applied the erasure to a read model, their key reads find no key.
    expect([await revealedFromLog(a), await revealedFromLog(c)]).toEqual(['[erased]', '[erased]']);
    expect([await childName(a), await childName(c)]).toEqual(['[erased]', '[erased]']);
  });

  it('given the key store in PostgreSQL, then the wrapped key rows are gone after the erasure and the version is kept', async () => {
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
