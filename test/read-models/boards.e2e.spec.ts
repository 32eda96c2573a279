import { expectProblem } from '../support/http';
import { messages, openStream, readUntil } from '../support/sse';
import { readModelSuite } from './support/registry-suite';

/** The boards read model over the HTTP API: each board, what it reports to and the groups under it. */
describe('boards read model (e2e)', () => {
  const { s, get, post } = readModelSuite(async (post) => {
    await post('/boards', {
      boardId: 'wseb',
      name: 'Warwickshire Safeguarding Executive Board',
      kind: 'executive-board',
    });
    await post('/boards', { boardId: 'wsp', name: 'Warwickshire Safeguarding Partnership', kind: 'partnership-board' });
    await post('/boards', {
      boardId: 'wseb-training',
      name: 'Training subgroup',
      kind: 'subgroup',
      parentBoardId: 'wseb',
    });
  });
  const ids = (res: { body: { items: { boardId: string }[] } }) => res.body.items.map((b) => b.boardId);

  it('given a subgroup registered under the executive board, then each names the other', async () => {
    const res = await get('/boards/wseb');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Warwickshire Safeguarding Executive Board',
      kind: 'executive-board',
      subgroups: [{ boardId: 'wseb-training', name: 'Training subgroup', kind: 'subgroup' }],
      registered: { actor: { userId: 'admin-1' } },
    });
    expect((await get('/boards/wseb-training')).body).toMatchObject({ parentBoardId: 'wseb', subgroups: [] });
    const history = await get('/boards/wseb/history');
    expect(history.body.entries.map((e: { streamId: string }) => e.streamId)).toEqual([
      'board-wseb',
      'board-wseb-training',
    ]);
  });

  it('lists boards by kind or parent, paged by cursor', async () => {
    const first = await get('/boards?limit=2');
    expect(ids(first)).toEqual(['wseb', 'wseb-training']);
    expect(ids(await get(`/boards?limit=2&cursor=${first.body.nextCursor}`))).toEqual(['wsp']);
    expect(ids(await get('/boards?parent=wseb'))).toEqual(['wseb-training']);
    expect(ids(await get('/boards?kind=partnership-board'))).toEqual(['wsp']);
  });

  it('given a bad filter or an unknown board, then a problem', async () => {
    expectProblem(await get('/boards?kind=committee'), 400, 'validation-failed');
    expectProblem(await get('/boards/nope'), 404, 'board-not-found');
    expectProblem(await get('/boards?cursor=eyJrIjoicGFydG5lcjp4In0'), 400, 'invalid-cursor');
  });

  it('answers as of a position: before the subgroup, the board had none', async () => {
    const [wseb] = await s.t.store.readStream('board-wseb');
    expect((await get(`/as-of/boards/wseb?asOf=${wseb.position}`)).body).toMatchObject({
      subgroups: [],
      asOf: { basis: 'position', position: wseb.position },
    });
    expect(ids(await get(`/as-of/boards?asOf=${wseb.position}`))).toEqual(['wseb']);
    expect((await get(`/as-of/boards/wseb/history?asOf=${wseb.position}`)).body.entries).toHaveLength(1);
    expectProblem(await get('/as-of/boards/wseb?asOf=not-a-date'), 400, 'validation-failed');
    // The list's filters are validated as the live list's are (its query DTO reaches the validation pipe).
    expectProblem(await get(`/as-of/boards?asOf=${wseb.position}&kind=committee-of-one`), 400, 'validation-failed');
  });

  /** Runs last: it appends to the ledger the other tests read. */
  it('streams the new group and its parent as they are applied', async () => {
    const res = await openStream(s.t.app, '/boards/stream', s.auditor);
    expect(res.statusCode).toBe(200);
    const text = readUntil(res, (s) => s.includes('"boardId":"wseb"') && s.includes('wseb-qa'));
    await post('/boards', { boardId: 'wseb-qa', name: 'Quality assurance', kind: 'subgroup', parentBoardId: 'wseb' });
    const sent = messages(await text).filter((m) => m.event === 'board');
    res.destroy();
    const docs = sent.map((m) => JSON.parse(m.data!) as { boardId: string; subgroups: unknown[] });
    expect(docs.map((d) => d.boardId).sort()).toEqual(['wseb', 'wseb-qa']);
    expect(docs.find((d) => d.boardId === 'wseb')!.subgroups).toHaveLength(2);
  });
});
