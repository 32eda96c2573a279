import { eventCount, expectProblem, expectSameAnswer, send } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';

const H1 = '1'.repeat(64);
const H2 = '2'.repeat(64);
const artefact = {
  artefactId: 'wsp-annual-report-2021-22',
  kind: 'report',
  title: 'Annual Report 2021-22',
  version: 'v1',
  contentHash: H1,
};
const partners = [
  ['wcc', 'local-authority'],
  ['police', 'police'],
  ['icb', 'health'],
];
const request = {
  signoffId: 's1',
  artefact,
  requiredPartnerIds: ['wcc', 'police', 'icb'],
  meetingId: 'wseb-2022-09-22',
  occurredAt: '2022-09-22T10:00:00Z',
};

describe('sign-offs (e2e)', () => {
  let t: TestApp;
  const rep = (agency: string) => t.token({ userId: `rep-${agency}`, role: 'partner-representative', agency });
  const chair = () => t.token({ userId: 'chair-1', role: 'chair' });
  beforeEach(async () => {
    t = await startTestApp();
    const admin = await t.token({ userId: 'admin-1', role: 'admin' });
    for (const [partnerId, kind] of partners)
      await send(t, '/partners', { partnerId, name: partnerId.toUpperCase(), kind }, { token: admin });
    expect(
      (
        await send(
          t,
          '/people',
          { personId: 'wcc-chief-exec', name: 'Chief Executive', partnerId: 'wcc' },
          { token: admin },
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await send(
          t,
          '/boards',
          { boardId: 'wseb', name: 'Executive Board', kind: 'executive-board' },
          { token: admin },
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await send(t, '/meetings', {
          meetingId: 'wseb-2022-09-22',
          boardId: 'wseb',
          scheduledFor: '2022-09-22T09:30:00Z',
        })
      ).status,
    ).toBe(201);
  });
  afterEach(async () => {
    await t.close();
  });
  /** s1 requested of three partners, police already signed: revision 1. */
  const requestedAndPoliceSigned = async () => {
    expect((await send(t, '/signoffs', request)).status).toBe(201);
    expect((await send(t, '/signoffs/s1/sign', { partnerId: 'police' }, { token: await rep('police') })).status).toBe(
      200,
    );
  };

  it('requests a sign-off: 201, ETag, the artefact version and hash, the token actor and business time', async () => {
    const res = await send(t, '/signoffs', request);
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"0"');
    expect(res.body).toMatchObject({ id: 's1', revision: 0, events: ['signoff-requested'] });
    const [event] = await t.store.readStream('signoff-s1');
    expect(event.data).toEqual({
      signoffId: 's1',
      artefact,
      requiredPartnerIds: ['wcc', 'police', 'icb'],
      meetingId: 'wseb-2022-09-22',
    });
    expect(event.metadata).toMatchObject({
      actor: { role: 'business-manager' },
      occurredAt: '2022-09-22T10:00:00.000Z',
    });
  });

  it('links a sign-off to the recorded decision it follows from', async () => {
    expect(
      (await send(t, '/meetings/wseb-2022-09-22/agenda-items', { itemNumber: 3, title: 'Annual report' })).status,
    ).toBe(200);
    const decision = {
      decisionId: 'd3',
      meetingId: 'wseb-2022-09-22',
      itemNumber: 3,
      outcome: 'approved',
      text: 'Annual report approved for sign-off',
    };
    expect((await send(t, '/decisions', decision)).status).toBe(201);
    const res = await send(t, '/signoffs', { ...request, decisionId: 'd3' });
    expect(res.status).toBe(201);
    expect((await t.store.readStream('signoff-s1'))[0].data).toMatchObject({
      meetingId: 'wseb-2022-09-22',
      decisionId: 'd3',
    });
  });

  it('completes when every required partner has signed the current version, and a revision reopens it', async () => {
    await requestedAndPoliceSigned();
    await send(
      t,
      '/signoffs/s1/sign',
      { partnerId: 'wcc', signedByPersonId: 'wcc-chief-exec' },
      { token: await rep('wcc') },
    );
    const last = await send(
      t,
      '/signoffs/s1/sign',
      { partnerId: 'icb', conditions: ['Subject to a typo fix'] },
      { token: await chair() },
    );
    expect(last.body.events).toEqual(['signoff-signed', 'signoff-completed']);
    const revised = await send(t, '/signoffs/s1/revise', { version: 'v2', contentHash: H2 });
    expect(revised.body.events).toEqual(['signoff-artefact-revised']);
    const events = await t.store.readStream('signoff-s1');
    expect(events.map((e) => e.type)).toEqual([
      'signoff-requested',
      'signoff-signed',
      'signoff-signed',
      'signoff-signed',
      'signoff-completed',
      'signoff-artefact-revised',
    ]);
    expect(events[2].data).toEqual({
      signoffId: 's1',
      partnerId: 'wcc',
      version: 'v1',
      contentHash: H1,
      signedByPersonId: 'wcc-chief-exec',
    });
    expect(events[4].data).toEqual({
      signoffId: 's1',
      version: 'v1',
      contentHash: H1,
      partnerIds: ['wcc', 'police', 'icb'],
      subjectToConditions: true,
    });
    expect(events[5].data).toEqual({
      signoffId: 's1',
      previousVersion: 'v1',
      version: 'v2',
      contentHash: H2,
      invalidatedPartnerIds: ['wcc', 'police', 'icb'],
      reopened: true,
    });
    // The earlier signature no longer counts: police signs again, this time for v2.
    const again = await send(t, '/signoffs/s1/sign', { partnerId: 'police' }, { token: await rep('police') });
    expect(again.body.events).toEqual(['signoff-signed']);
    expect((await t.store.readStream('signoff-s1')).at(-1)!.data).toMatchObject({ version: 'v2', contentHash: H2 });
  });

  it.each([
    ['sign', 'signoff-signed', { partnerId: 'wcc', conditions: ['Subject to the data check'] }, 'wcc'],
    ['revise', 'signoff-artefact-revised', { version: 'v2', contentHash: H2 }, undefined],
    ['withdraw-signature', 'signoff-signature-withdrawn', { partnerId: 'police', reason: 'Figures changed' }, 'police'],
    ['withdraw', 'signoff-request-withdrawn', { reason: 'Replaced by a joint report' }, undefined],
  ])('POST /signoffs/s1/%s answers 200 with the next revision and records %s', async (path, type, body, agency) => {
    await requestedAndPoliceSigned();
    const res = await send(t, `/signoffs/s1/${path}`, body, agency ? { token: await rep(agency) } : {});
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.body.events).toEqual([type]);
    expect((await t.store.readStream('signoff-s1'))[2]).toMatchObject({ type, data: { signoffId: 's1', ...body } });
  });

  it.each([
    [
      '/signoffs',
      {
        signoffId: 'S 1',
        artefact: { ...artefact, kind: 'poem', contentHash: 'XYZ', version: '' },
        requiredPartnerIds: [],
        meetingId: 'Bad',
      },
      ['artefact.contentHash', 'artefact.kind', 'artefact.version', 'meetingId', 'requiredPartnerIds', 'signoffId'],
    ],
    [
      '/signoffs',
      { ...request, requiredPartnerIds: ['wcc', 'wcc'], artefact: { title: 'x'.repeat(301) }, extra: 1 },
      [
        'artefact.artefactId',
        'artefact.contentHash',
        'artefact.kind',
        'artefact.title',
        'artefact.version',
        'extra',
        'requiredPartnerIds',
      ],
    ],
    [
      '/signoffs/s1/sign',
      { partnerId: 'Police', signedByPersonId: 'A B', conditions: [''] },
      ['conditions', 'partnerId', 'signedByPersonId'],
    ],
    [
      '/signoffs/s1/revise',
      { version: 'x'.repeat(51), contentHash: H1.toUpperCase().replace(/1/g, 'A') },
      ['contentHash', 'version'],
    ],
    ['/signoffs/s1/withdraw-signature', { reason: '' }, ['partnerId', 'reason']],
    ['/signoffs/s1/withdraw', { reason: 42, occurredAt: 'yesterday' }, ['occurredAt', 'reason']],
  ])('POST %s refuses invalid fields with 400 naming each one, and writes nothing', async (url, body, fields) => {
    await requestedAndPoliceSigned();
    const before = await eventCount(t);
    const res = await send(t, url, body, { token: await chair() });
    expectProblem(res, 400, 'validation-failed');
    expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(fields);
    expect(await eventCount(t)).toBe(before);
  });

  // Only refusals that rest on facts the handler loads (partners, meeting, decision, the signer's person
  // record) or on the agency check; the sign-off's own rules are the decider spec's (signoff.spec.ts).
  it.each([
    [
      'an unregistered required partner',
      'partner-not-registered',
      422,
      '/signoffs',
      { ...request, signoffId: 's2', requiredPartnerIds: ['wcc', 'probation'] },
      'chair',
    ],
    [
      'an unrecorded meeting',
      'meeting-not-found',
      422,
      '/signoffs',
      { ...request, signoffId: 's2', meetingId: 'no-meeting' },
      'chair',
    ],
    [
      'an unrecorded decision',
      'decision-not-recorded',
      422,
      '/signoffs',
      { ...request, signoffId: 's2', decisionId: 'no-decision' },
      'chair',
    ],
    [
      'an unregistered signer',
      'person-not-registered',
      422,
      '/signoffs/s1/sign',
      { partnerId: 'wcc', signedByPersonId: 'someone' },
      'wcc',
    ],
    [
      'a signer the loaded person record puts at another partner',
      'signer-not-of-partner',
      422,
      '/signoffs/s1/sign',
      { partnerId: 'icb', signedByPersonId: 'wcc-chief-exec' },
      'chair',
    ],
    [
      'a representative signing for another agency',
      'not-your-agency',
      403,
      '/signoffs/s1/sign',
      { partnerId: 'wcc' },
      'police',
    ],
    [
      "a representative withdrawing another agency's signature",
      'not-your-agency',
      403,
      '/signoffs/s1/withdraw-signature',
      { partnerId: 'police', reason: 'x' },
      'wcc',
    ],
  ])('refuses %s with %s (%i), and writes nothing', async (_, code, status, url, body, who) => {
    await requestedAndPoliceSigned();
    const before = await eventCount(t);
    expectProblem(await send(t, url, body, { token: who === 'chair' ? await chair() : await rep(who) }), status, code);
    expect(await eventCount(t)).toBe(before);
  });

  const endpoints: [string, object, string | undefined][] = [
    ['/signoffs/s1/sign', { partnerId: 'wcc' }, 'wcc'],
    ['/signoffs/s1/revise', { version: 'v2', contentHash: H2 }, undefined],
    ['/signoffs/s1/withdraw-signature', { partnerId: 'police', reason: 'x' }, 'police'],
    ['/signoffs/s1/withdraw', { reason: 'x' }, undefined],
  ];

  it.each([['/signoffs', { ...request, signoffId: 's2' }, undefined], ...endpoints])(
    'POST %s answers 412 when If-Match is stale, writes nothing, and applies with the current ETag',
    async (url, body, agency) => {
      await requestedAndPoliceSigned();
      const token = agency ? await rep(agency) : undefined;
      const before = await eventCount(t);
      expectProblem(await send(t, url, body, { token, ifMatch: '"0"' }), 412, 'wrong-expected-revision');
      expect(await eventCount(t)).toBe(before);
      // A create on a new stream has no current revision: it goes through without If-Match.
      const ok = await send(t, url, body, { token, ifMatch: url === '/signoffs' ? undefined : '"1"' });
      expect(ok.status).toBe(url === '/signoffs' ? 201 : 200);
    },
  );

  it.each([['/signoffs', { ...request, signoffId: 's2' }, undefined], ...endpoints])(
    'POST %s returns the first result for a retried Idempotency-Key and writes nothing twice',
    async (url, body, agency) => {
      await requestedAndPoliceSigned();
      const token = agency ? await rep(agency) : undefined;
      const before = await eventCount(t);
      const first = await send(t, url, body, { token, idempotencyKey: 'retry-1' });
      const retry = await send(t, url, body, { token, idempotencyKey: 'retry-1' });
      expect(first.status).toBeLessThan(300);
      expectSameAnswer(retry, first);
      expect(await eventCount(t)).toBe(before + 1);
    },
  );
});
