import { expectProblem, send } from '../support/http';
import { messages, openStream, readUntil } from '../support/sse';
import { startListeningProjectionsApp, type ProjectionsTestApp } from './support/projections-app';

const H1 = '1'.repeat(64);
const H2 = '2'.repeat(64);
const artefact = (artefactId: string) => ({
  artefactId,
  kind: 'report',
  title: `Report ${artefactId}`,
  version: 'v1',
  contentHash: H1,
});

/** The sign-offs read model over the HTTP API: the artefact's versions, who was asked, who signed which version. */
describe('signoffs read model (e2e)', () => {
  let t: ProjectionsTestApp;
  let manager: string;
  let auditor: string;
  const get = (url: string) => send(t, url, undefined, { method: 'GET', token: auditor });
  const post = async (url: string, body: object, token = manager) => {
    const res = await send(t, url, body, { token });
    if (res.status >= 300) throw new Error(`${url}: ${JSON.stringify(res.body)}`);
    return res;
  };
  const rep = (agency: string) => t.token({ userId: `rep-${agency}`, role: 'partner-representative', agency });
  const caughtUp = async () => t.runner.waitFor(Math.max(0, ...(await t.store.readAll()).map((e) => e.position)));
  const ids = (res: { body: { items: { signoffId: string }[] } }) => res.body.items.map((s) => s.signoffId);

  beforeAll(async () => {
    t = await startListeningProjectionsApp();
    const admin = await t.token({ userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' });
    manager = await t.token({ userId: 'bm-1', role: 'business-manager', agency: 'warwickshire-safeguarding' });
    auditor = await t.token({ userId: 'inspector-1', role: 'auditor', agency: 'ofsted' });
    for (const [partnerId, kind] of [
      ['wcc', 'local-authority'],
      ['police', 'police'],
    ])
      await post('/partners', { partnerId, name: partnerId.toUpperCase(), kind }, admin);
    await post('/boards', { boardId: 'wseb', name: 'Executive Board', kind: 'executive-board' }, admin);
    await post('/meetings', { meetingId: 'wseb-2022-09-22', boardId: 'wseb', scheduledFor: '2022-09-22T09:30:00Z' });
    await post('/meetings/wseb-2022-09-22/agenda-items', { itemNumber: 1, title: 'Annual report' });
    await post('/decisions', {
      decisionId: 'd-report',
      meetingId: 'wseb-2022-09-22',
      itemNumber: 1,
      outcome: 'agreed',
      text: 'Sign off the annual report',
    });
    await post('/signoffs', {
      signoffId: 'so-report',
      artefact: artefact('annual-report'),
      requiredPartnerIds: ['wcc', 'police'],
      decisionId: 'd-report',
    });
    await post('/signoffs', { signoffId: 'so-plan', artefact: artefact('plan'), requiredPartnerIds: ['wcc'] });
    await post('/signoffs/so-report/sign', { partnerId: 'police' }, await rep('police'));
    await post('/signoffs/so-report/revise', { version: 'v2', contentHash: H2 });
    await post('/signoffs/so-report/sign', { partnerId: 'police' }, await rep('police'));
    await post('/signoffs/so-report/sign', { partnerId: 'wcc' }, await rep('wcc'));
    await caughtUp();
  });
  afterAll(() => t.close());

  it('given a revision between signatures, then the document shows both versions and who signed which', async () => {
    const res = await get('/signoffs/so-report');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      artefact: { artefactId: 'annual-report', kind: 'report' },
      currentVersion: 'v2',
      versions: [
        { version: 'v1', contentHash: H1, at: { actor: { userId: 'bm-1' } } },
        { version: 'v2', contentHash: H2 },
      ],
      requiredPartnerIds: ['wcc', 'police'],
      decisionId: 'd-report',
      status: 'completed',
      signedPartnerIds: ['police', 'wcc'],
      revision: 5,
    });
    expect(res.headers.etag).toMatch(/^"5\./); // the revision, then a digest of what this reader may see
    expect(
      res.body.signatures.map((s: { partnerId: string; version: string }) => `${s.partnerId}@${s.version}`),
    ).toEqual(['police@v1', 'police@v2', 'wcc@v2']);
    expect(res.body.signatures[0]).toMatchObject({ supersededBy: 'v2', signed: { actor: { userId: 'rep-police' } } });
    const history = await get('/signoffs/so-report/history');
    expect(history.body.entries.map((e: { type: string }) => e.type)).toEqual([
      'signoff-requested',
      'signoff-signed',
      'signoff-artefact-revised',
      'signoff-signed',
      'signoff-signed',
      'signoff-completed',
    ]);
  });

  it('lists sign-offs by decision, status or signer, paged by cursor', async () => {
    const first = await get('/signoffs?limit=1');
    expect(ids(first)).toEqual(['so-plan']);
    expect(ids(await get(`/signoffs?limit=1&cursor=${first.body.nextCursor}`))).toEqual(['so-report']);
    expect(ids(await get('/signoffs?decision=d-report'))).toEqual(['so-report']);
    expect(ids(await get('/signoffs?status=open'))).toEqual(['so-plan']);
    expect(ids(await get('/signoffs?signer=police'))).toEqual(['so-report']);
  });

  it('given a bad filter or an unknown sign-off, then a problem', async () => {
    expectProblem(await get('/signoffs?status=signed'), 400, 'validation-failed');
    expectProblem(await get('/signoffs/nope'), 404, 'signoff-not-found');
  });

  it('answers as of a position: before the revision, v1 was current and police had signed it', async () => {
    const [, signed] = await t.store.readStream('signoff-so-report');
    const res = await get(`/as-of/signoffs/so-report?asOf=${signed.position}`);
    expect(res.body).toMatchObject({
      currentVersion: 'v1',
      status: 'open',
      signedPartnerIds: ['police'],
      asOf: { basis: 'position', position: signed.position },
    });
    expect(ids(await get(`/as-of/signoffs?asOf=${signed.position}&status=completed`))).toEqual([]);
    expect((await get(`/as-of/signoffs/so-report/history?asOf=${signed.position}`)).body.entries).toHaveLength(2);
  });

  /** Runs last: it appends to the ledger the other tests read. */
  it('streams the sign-off as a signature is withdrawn', async () => {
    const res = await openStream(t.app, '/signoffs/stream', auditor);
    expect(res.statusCode).toBe(200);
    const text = readUntil(res, (s) => s.includes('Figures changed'));
    await post(
      '/signoffs/so-report/withdraw-signature',
      { partnerId: 'wcc', reason: 'Figures changed' },
      await rep('wcc'),
    );
    const sent = messages(await text).filter((m) => m.event === 'signoff');
    res.destroy();
    const last = JSON.parse(sent[sent.length - 1].data!) as {
      signoffId: string;
      status: string;
      signedPartnerIds: string[];
    };
    expect(last).toMatchObject({ signoffId: 'so-report', status: 'open', signedPartnerIds: ['police'] });
  });
});
