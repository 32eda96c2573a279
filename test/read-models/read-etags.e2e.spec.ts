import { ProjectionRunner } from '../../src/read-models/projection-runner';
import { newEvent } from '../support/events';
import { expectProblem, send } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';
import { budgetSet, budgetStream, pledged } from './support/budget-events';
import { startProjectionsApp, type ProjectionsTestApp } from './support/projections-app';

/** A GET as a front end sends it, with If-None-Match when it holds an ETag. */
async function read(t: TestApp, url: string, ifNoneMatch?: string) {
  const res = await t.app.inject({
    method: 'GET',
    url,
    headers: { authorization: `Bearer ${await t.token()}`, ...(ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {}) },
  });
  return { status: res.statusCode, text: res.body, headers: res.headers, body: res.body ? res.json() : undefined };
}

const ACTION = 'wseb-2022-05-10-a1';

/**
 * Reads carry validators a front end can use: the ETag of one record is its stream revision (the
 * document says it too), good as If-Match on that record's commands and as If-None-Match on the
 * next read; a list's ETag moves with the read model's position.
 */
describe('ETags on reads (e2e)', () => {
  let t: TestApp;
  const settle = async (res: { body: { position?: number } }) =>
    t.app.get(ProjectionRunner).waitFor(res.body.position!);
  const get = (url: string, ifNoneMatch?: string) => read(t, url, ifNoneMatch);

  beforeAll(async () => {
    t = await startTestApp();
    const admin = { token: await t.token({ userId: 'admin-1', role: 'admin' }) };
    const steps: [string, object, object?][] = [
      ['/partners', { partnerId: 'warwickshire-police', name: 'Warwickshire Police', kind: 'police' }, admin],
      [
        '/boards',
        { boardId: 'wseb', name: 'Warwickshire Safeguarding Executive Board', kind: 'executive-board' },
        admin,
      ],
      ['/meetings', { meetingId: 'wseb-2022-05-10', boardId: 'wseb', scheduledFor: '2022-05-10T10:00:00Z' }],
      ['/meetings/wseb-2022-05-10/agenda-items', { itemNumber: 1, title: 'Item 1' }],
    ];
    for (const [url, body, o] of steps) {
      const r = await send(t, url, body, o);
      if (r.status >= 300) throw new Error(`${url}: ${JSON.stringify(r.body)}`);
    }
    const raised = await send(t, '/actions', {
      actionId: ACTION,
      meetingId: 'wseb-2022-05-10',
      itemNumber: 1,
      text: 'Add escalation to the June agenda for an update.',
      owners: [{ kind: 'team', name: 'WS Business Team' }],
      dueDate: '2022-06-01',
    });
    expect(raised.status).toBe(201);
    await settle(raised);
  });
  afterAll(() => t.close());

  describe('one record: GET /action-log/{id}', () => {
    it('carries the revision in the document and in a strong ETag', async () => {
      const res = await get(`/action-log/${ACTION}`);
      expect(res.status).toBe(200);
      expect(res.body.revision).toBe(0);
      expect(res.headers.etag).toMatch(/^"0\.[0-9a-f]{16}"$/);
    });

    it('answers If-None-Match with the current ETag by 304, no body, the ETag again', async () => {
      const { headers } = await get(`/action-log/${ACTION}`);
      const res = await get(`/action-log/${ACTION}`, headers.etag);
      expect({ status: res.status, text: res.text, etag: res.headers.etag }).toEqual({
        status: 304,
        text: '',
        etag: headers.etag,
      });
      expect(res.headers['content-type']).toBeUndefined();
    });

    it('takes the ETag read as If-Match on the commands: accepted while current, 412 once the record moved on', async () => {
      const etag = (await get(`/action-log/${ACTION}`)).headers.etag as string;

      const accepted = await send(t, `/actions/${ACTION}/progress`, { note: 'Drafted' }, { ifMatch: etag });
      expect({ status: accepted.status, revision: accepted.body.revision }).toEqual({ status: 200, revision: 1 });
      await settle(accepted);

      expectProblem(await send(t, `/actions/${ACTION}/progress`, { note: 'Again' }, { ifMatch: etag }), 412);
      const after = await get(`/action-log/${ACTION}`, etag);
      expect(after.status).toBe(200);
      expect(after.body.revision).toBe(1);
      expect(after.headers.etag).toMatch(/^"1\./);
    });

    it('gives no ETag with a refusal', async () => {
      const res = await get('/action-log/no-such-action');
      expect(res.status).toBe(404);
      expect(res.headers.etag).toBeUndefined();
    });
  });

  describe('a list: GET /action-log', () => {
    it('has an ETag at the read model position: 304 while nothing changed, a new one after a change', async () => {
      const first = await get('/action-log?asOf=2022-07-01');
      expect(first.headers.etag).toMatch(/^"p\d+\.[0-9a-f]{16}"$/);
      expect((await get('/action-log?asOf=2022-07-01', first.headers.etag as string)).status).toBe(304);

      await settle(await send(t, `/actions/${ACTION}/progress`, { note: 'Sent' }));
      const changed = await get('/action-log?asOf=2022-07-01', first.headers.etag);
      expect(changed.status).toBe(200);
      expect(changed.headers.etag).not.toBe(first.headers.etag);
    });

    it('is not an If-Match a command takes: a list ETag is no record revision (400)', async () => {
      const etag = (await get('/action-log')).headers.etag as string;
      expectProblem(
        await send(t, `/actions/${ACTION}/progress`, { note: 'x' }, { ifMatch: etag }),
        400,
        'invalid-if-match',
      );
    });
  });
});

/**
 * A document shows more than its own stream: a decision its sign-offs, a year its partners' names.
 * Their changes leave the record's revision as it was, yet the body changed: the ETag must change
 * too, or a client holding the old body would be told 304 and keep showing it.
 */
describe('ETags on documents that join other records (e2e)', () => {
  let t: ProjectionsTestApp;
  const get = (url: string, ifNoneMatch?: string) => read(t, url, ifNoneMatch);
  const append = async (streamId: string, type: string, data: unknown) =>
    t.runner.waitFor((await t.store.append(streamId, [newEvent(type, data)], 'any')).position);
  const M = 'wseb-2022-05-10';
  const D = `${M}-d-cspr`;
  const SO = `${M}-so-cspr`;
  const artefact = {
    artefactId: 'cspr',
    kind: 'report',
    title: 'CSPR James',
    version: 'v1',
    contentHash: 'a'.repeat(64),
  };

  beforeAll(async () => {
    t = await startProjectionsApp();
    await append(`meeting-${M}`, 'meeting-scheduled', {
      meetingId: M,
      boardId: 'wseb',
      scheduledFor: '2022-05-10T10:00:00.000Z',
    });
    await append(`decision-${D}`, 'decision-recorded', {
      decisionId: D,
      meetingId: M,
      itemNumber: 4,
      outcome: 'agreed',
      text: 'Sign off the report',
      conditions: [],
      responsiblePartnerIds: [],
    });
    await append(`signoff-${SO}`, 'signoff-requested', {
      signoffId: SO,
      artefact,
      requiredPartnerIds: ['warwickshire-police'],
      meetingId: M,
      decisionId: D,
    });
    await append('partner-wcc', 'partner-registered', {
      partnerId: 'wcc',
      name: 'Warwickshire County Council',
      kind: 'local-authority',
      statutory: true,
    });
    for (const e of [budgetSet('2022-23', 1_000_000), pledged('2022-23', 'p1', 'wcc', 600_000)])
      await append(budgetStream(e), e.type, e.data);
  });
  afterAll(() => t.close());

  it('given a decision whose sign-off is then signed, then its revision stays and its ETag changes (200, not 304)', async () => {
    const before = await get(`/decision-register/${D}`);
    expect(before.body.revision).toBe(0);
    expect((await get(`/decision-register/${D}/history`, before.headers.etag as string)).body.revision).toBe(0);

    await append(`signoff-${SO}`, 'signoff-signed', {
      signoffId: SO,
      partnerId: 'warwickshire-police',
      version: 'v1',
      contentHash: 'a'.repeat(64),
      signedByPersonId: 'pete-hill',
    });
    const after = await get(`/decision-register/${D}`, before.headers.etag);
    expect(after.status).toBe(200);
    expect(after.body.revision).toBe(0);
    expect(after.body.signoffs[0]).toMatchObject({ signoffId: SO, revision: 1 });
    expect(after.headers.etag).toMatch(/^"0\./);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect((await get(`/decision-register/${D}`, after.headers.etag as string)).status).toBe(304);
  });

  it("given a year whose partner is then renamed, then the year's ETag changes with the name it shows", async () => {
    const before = await get('/budgets/2022-23/contributions');
    expect([before.status, before.body.revision]).toEqual([200, 1]);
    await append('partner-wcc', 'partner-renamed', {
      partnerId: 'wcc',
      name: 'Warwickshire CC',
      effectiveFrom: '2022-06-01',
    });
    const after = await get('/budgets/2022-23/contributions', before.headers.etag);
    expect([after.status, after.body.revision]).toEqual([200, 1]);
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it('given an as-of read of one record, then its ETag is the revision it had then, and 304 on a repeat', async () => {
    const url = `/as-of/decision-register/${D}?asOf=2099-01-01`;
    const first = await get(url);
    expect(first.headers.etag).toMatch(new RegExp(`^"${first.body.revision}\\.`));
    expect((await get(url, first.headers.etag as string)).status).toBe(304);
    const list = await get('/as-of/decision-register?asOf=2099-01-01');
    expect(list.headers.etag).toMatch(/^"p\d+\./);
  });
});
