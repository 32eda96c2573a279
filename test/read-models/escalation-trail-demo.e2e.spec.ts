import { loadDemo } from '../../demo/load/load-demo';
import { send } from '../support/http';
import { startTrailApp, type TrailApp } from './support/escalation-trail-app';

/**
 * The trail over the demo governance record. The minutes record discussions about escalation but no
 * inter-agency case, so the demo loader raises three ILLUSTRATIVE escalations (labelled as such);
 * then one more is raised here under the loaded protocol, whose stages the data marks as assumed.
 */
describe('escalation trail over the demo data', () => {
  let t: TrailApp;
  const as = (claims: Record<string, string>) => t.token(claims);
  const manager = { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' };
  const icb = { userId: 'jackie-channell', role: 'partner-representative', agency: 'coventry-warwickshire-icb' };
  const get = async (url: string) =>
    send(t, url, undefined, {
      method: 'GET',
      token: await as({ userId: 'audit-1', role: 'auditor', agency: 'ofsted' }),
    });
  const ok = async (url: string, body: Record<string, unknown>, claims: Record<string, string>) => {
    const res = await send(t, url, body, { token: await as(claims) });
    expect(res.status).toBeLessThan(300);
  };
  const caughtUp = async () => t.runner.waitFor(Math.max(0, ...(await t.store.readAll()).map((e) => e.position)));

  beforeAll(async () => {
    t = await startTrailApp();
    await loadDemo(t.app);
    await caughtUp();
  });
  afterAll(() => t.close());

  it('reads the whole demo ledger without stopping, and finds only the three illustrative escalations', async () => {
    const { items } = (await get('/escalation-trail?asOf=2022-12-31')).body;
    expect(items.map((e: { escalationId: string }) => e.escalationId).sort()).toEqual([
      'ill-2022-camhs-threshold',
      'ill-2022-education-placement',
      'ill-2022-strategy-attendance',
    ]);
    for (const e of items) expect(e.subject).toMatch(/^\(illustrative\)/);
    expect(await t.runner.lag()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ projection: 'escalation-trail', state: 'running', behind: 0 }),
      ]),
    );
  });

  it('measures an escalation raised under the loaded protocol, naming its assumed stages', async () => {
    const E = '/escalations/wsep-2022-illustrative';
    await ok(
      '/escalations',
      {
        escalationId: 'wsep-2022-illustrative',
        protocolId: 'ws-escalation-protocol',
        raisedByAgency: 'warwickshire-county-council',
        concerningAgency: 'coventry-warwickshire-icb',
        subject: 'Illustrative: health assessment not booked',
        occurredAt: '2022-10-03T09:00:00Z',
      },
      manager,
    );
    await ok(`${E}/acknowledge`, { occurredAt: '2022-10-04T09:00:00Z' }, icb);
    await ok(
      `${E}/escalate`,
      { reason: 'No date offered within two working days', occurredAt: '2022-10-10T09:00:00Z' },
      manager,
    );
    await caughtUp();

    const { body } = await get('/escalation-trail/wsep-2022-illustrative?asOf=2022-10-14');
    expect(body).toMatchObject({
      protocolId: 'ws-escalation-protocol',
      protocolVersion: 1,
      status: 'open',
      currentStage: 2,
      breachedStages: [1],
    });
    expect(body.stages).toEqual([
      expect.objectContaining({
        stageName: 'Practitioner to practitioner (assumed)',
        workingDays: 5,
        breachedOn: '2022-10-06',
        acknowledgedAt: '2022-10-04T09:00:00.000Z',
      }),
      expect.objectContaining({
        stageName: 'Manager to manager (assumed)',
        open: true,
        workingDays: 4,
        dueBy: '2022-10-17',
        breached: false,
      }),
    ]);
    expect(body.timeline.map((e: { actor: { userId: string } }) => e.actor.userId)).toEqual([
      'amrita-sharma',
      'jackie-channell',
      'amrita-sharma',
    ]);
  });
});
