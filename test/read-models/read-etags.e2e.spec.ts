import { ProjectionRunner } from '../../src/read-models/projection-runner';
import { expectProblem, send } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';

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
  const read = async (url: string, ifNoneMatch?: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${await t.token()}`, ...(ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {}) },
    });
    return { status: res.statusCode, text: res.body, headers: res.headers, body: res.body ? res.json() : undefined };
  };

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
      const res = await read(`/action-log/${ACTION}`);
      expect(res.status).toBe(200);
      expect(res.body.revision).toBe(0);
      expect(res.headers.etag).toMatch(/^"0\.[0-9a-f]{16}"$/);
    });

    it('answers If-None-Match with the current ETag by 304, no body, the ETag again', async () => {
      const { headers } = await read(`/action-log/${ACTION}`);
      const res = await read(`/action-log/${ACTION}`, headers.etag as string);
      expect({ status: res.status, text: res.text, etag: res.headers.etag }).toEqual({
        status: 304,
        text: '',
        etag: headers.etag,
      });
      expect(res.headers['content-type']).toBeUndefined();
    });

    it('takes the ETag read as If-Match on the commands: accepted while current, 412 once the record moved on', async () => {
      const etag = (await read(`/action-log/${ACTION}`)).headers.etag as string;

      const accepted = await send(t, `/actions/${ACTION}/progress`, { note: 'Drafted' }, { ifMatch: etag });
      expect({ status: accepted.status, revision: accepted.body.revision }).toEqual({ status: 200, revision: 1 });
      await settle(accepted);

      expectProblem(await send(t, `/actions/${ACTION}/progress`, { note: 'Again' }, { ifMatch: etag }), 412);
      const after = await read(`/action-log/${ACTION}`, etag);
      expect(after.status).toBe(200);
      expect(after.body.revision).toBe(1);
      expect(after.headers.etag).toMatch(/^"1\./);
    });

    it('gives no ETag with a refusal', async () => {
      const res = await read('/action-log/no-such-action');
      expect(res.status).toBe(404);
      expect(res.headers.etag).toBeUndefined();
    });
  });

  describe('a list: GET /action-log', () => {
    it('has an ETag at the read model position: 304 while nothing changed, a new one after a change', async () => {
      const first = await read('/action-log?asOf=2022-07-01');
      expect(first.headers.etag).toMatch(/^"p\d+\.[0-9a-f]{16}"$/);
      expect((await read('/action-log?asOf=2022-07-01', first.headers.etag as string)).status).toBe(304);

      await settle(await send(t, `/actions/${ACTION}/progress`, { note: 'Sent' }));
      const changed = await read('/action-log?asOf=2022-07-01', first.headers.etag as string);
      expect(changed.status).toBe(200);
      expect(changed.headers.etag).not.toBe(first.headers.etag);
    });

    it('is not an If-Match a command takes: a list ETag is no record revision (400)', async () => {
      const etag = (await read('/action-log')).headers.etag as string;
      expectProblem(
        await send(t, `/actions/${ACTION}/progress`, { note: 'x' }, { ifMatch: etag }),
        400,
        'invalid-if-match',
      );
    });
  });
});
