import { EVENT_REGISTRY } from '../../src/aggregates';
import { apiSpec, existingStream } from '../support/api-spec';
import { startTestApp, type TestApp } from '../support/test-app';

/** GET /ledger/streams/{streamId}: one stream's events as stored, for auditors. */
describe('ledger streams (e2e)', () => {
  let t: TestApp;
  const api = apiSpec(() => t);
  const auditor = { role: 'auditor', userId: 'auditor-1', agency: 'ofsted' } as const;
  const registered = {
    type: 'board-registered',
    data: { boardId: 'wseb', name: 'Warwickshire Safeguarding Executive Board', kind: 'executive' },
  };
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  it('given a stream with events, when an auditor reads it, then 200 with its events in order', async () => {
    const res = await api
      .given(existingStream('board-wseb', [registered]))
      .when({ url: '/ledger/streams/board-wseb', as: auditor })
      .then(200, { streamId: 'board-wseb' });
    expect(res.body.events.map((e: { type: string; revision: number }) => [e.type, e.revision])).toEqual([
      ['board-registered', 0],
    ]);
  });

  it('given no event in a stream, when it is read, then 404 stream-not-found (not an empty 200)', async () => {
    const res = await api
      .given()
      .when({ url: '/ledger/streams/board-nobody', as: auditor })
      .thenProblem(404, 'stream-not-found');
    expect(res.body.detail ?? res.body.title).toContain('board-nobody');
  });

  it('given a stream, when it is read from past its last revision, then 200 with no events (the stream exists)', async () => {
    await api
      .given(existingStream('board-wseb', [registered]))
      .when({ url: '/ledger/streams/board-wseb?fromRevision=5', as: auditor })
      .then(200, { streamId: 'board-wseb', events: [] });
  });

  it('documents the stream naming: the streamId pattern takes <category>-<id> for every aggregate category, and the 404', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const op = doc.paths['/ledger/streams/{streamId}'].get;
    const param = op.parameters.find((p: { name: string }) => p.name === 'streamId');
    const pattern = new RegExp(param.schema.pattern);
    for (const category of EVENT_REGISTRY.categories) {
      expect(pattern.test(`${category}-wseb-2022-05-10`)).toBe(true);
      expect(op.description).toContain(`\`${category}\``);
    }
    expect(['unknown-x', 'board', 'board-', 'Board-x'].filter((id) => pattern.test(id))).toEqual([]);
    expect(op.responses['404'].content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/Problem',
    });
  });
});
