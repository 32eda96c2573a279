import { expectProblem, send } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';

/** A deputy recorded at a meeting acts with the deputised member's authority, for that meeting only. */
describe('deputising authority (e2e)', () => {
  let t: TestApp;
  const hash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
  const deputyHeaders = { 'x-deputising-meeting': 'wseb-2022-05-10', 'x-deputising-for': 'pete-hill' };

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.token({ role: 'admin', userId: 'admin-1' });
    const setup: [string, unknown, string?][] = [
      ['/partners', { partnerId: 'warwickshire-police', name: 'Warwickshire Police', kind: 'police' }, admin],
      ['/people', { personId: 'pete-hill', name: 'Pete Hill', partnerId: 'warwickshire-police' }, admin],
      ['/people', { personId: 'dana-deputy', name: 'Dana Deputy', partnerId: 'warwickshire-police' }, admin],
      [
        '/boards',
        { boardId: 'wseb', name: 'Warwickshire Safeguarding Executive Board', kind: 'executive-board' },
        admin,
      ],
      ['/meetings', { meetingId: 'wseb-2022-05-10', boardId: 'wseb', scheduledFor: '2022-05-10T10:00:00Z' }],
      [
        '/meetings/wseb-2022-05-10/attendance',
        { entries: [{ personId: 'dana-deputy', status: 'deputising', deputisingForPersonId: 'pete-hill' }] },
      ],
      [
        '/signoffs',
        {
          signoffId: 'carers-pack',
          artefact: {
            artefactId: 'cic-carers-pack',
            kind: 'other',
            title: 'CiC Carers Information Pack',
            version: 'v1',
            contentHash: hash,
          },
          requiredPartnerIds: ['warwickshire-police'],
        },
      ],
    ];
    for (const [url, body, token] of setup) expect((await send(t, url, body, { token })).status).toBeLessThan(300);
  });
  afterAll(async () => {
    await t.close();
  });

  const signAs = async (userId: string, occurredAt: string, headers: Record<string, string> = deputyHeaders) => {
    const token = await t.token({ role: 'member', userId, agency: 'warwickshire-police' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/signoffs/carers-pack/sign',
      payload: { partnerId: 'warwickshire-police', occurredAt },
      headers: { authorization: `Bearer ${token}`, ...headers },
    });
    return { status: res.statusCode, body: res.json(), headers: res.headers };
  };

  it('refuses a member without the deputy headers (403)', async () => {
    expectProblem(await signAs('dana-deputy', '2022-05-10T11:00:00Z', {}), 403, 'forbidden');
  });

  it('refuses someone not recorded as the deputy, and the deputy outside the meeting date', async () => {
    expectProblem(await signAs('someone-else', '2022-05-10T11:00:00Z'), 403, 'not-recorded-as-deputy');
    expectProblem(await signAs('dana-deputy', '2022-05-11T11:00:00Z'), 403, 'deputy-authority-outside-meeting');
    expect(await t.store.readStream('signoff-carers-pack')).toHaveLength(1);
  });

  it('lets the recorded deputy sign for the member at that meeting, and the event names both', async () => {
    const res = await signAs('dana-deputy', '2022-05-10T11:00:00Z');
    expect(res.status).toBe(200);
    const signed = (await t.store.readStream('signoff-carers-pack')).find((e) => e.type === 'signoff-signed')!;
    expect(signed.metadata.actor).toEqual({
      userId: 'dana-deputy',
      role: 'partner-representative',
      agency: 'warwickshire-police',
      onBehalfOf: {
        userId: 'pete-hill',
        role: 'partner-representative',
        agency: 'warwickshire-police',
        meetingId: 'wseb-2022-05-10',
      },
    });
  });

  it('refuses half a set of deputy headers with 400', async () => {
    expectProblem(
      await signAs('dana-deputy', '2022-05-10T11:00:00Z', { 'x-deputising-for': 'pete-hill' }),
      400,
      'invalid-deputy-headers',
    );
  });
});
