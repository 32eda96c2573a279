import type { TokenClaims } from '../../src/auth/mint-token';
import { expectProblem, send } from '../support/http';
import { messages, openStream, readUntil } from '../support/sse';
import { startLoadedTrailApp, type TrailApp } from './support/escalation-trail-app';

/**
 * The data subjects register: what the data protection officer answers access, rectification and
 * erasure requests from, and what an auditor checks the process with. Both see who is named where,
 * and every rectification and erasure; only the DPO (with the chair and the business manager) sees
 * the values, and an erased value reads "[erased]" to them too.
 */
const CHILD = 'Robin Zebedee-Example';
const FIXED = 'Robin Zebedee-Exemplar';
const DOB = '2016-07-08';
const WITHHELD = '[personal data withheld]';
const dpo: Partial<TokenClaims> = { userId: 'dpo-1', role: 'data-protection-officer' };
const auditor: Partial<TokenClaims> = { userId: 'audit-1', role: 'auditor' };

describe('data subjects register (GET /data-subjects)', () => {
  let s: TrailApp;
  beforeAll(async () => {
    s = await startLoadedTrailApp();
    const raised = await send(s, '/escalations', {
      escalationId: 'wsep-2022-005',
      protocolId: 'ws-escalation-protocol',
      raisedByAgency: 'warwickshire-cc',
      concerningAgency: 'cw-icb',
      subject: 'Missed strategy meeting',
      dataSubjects: [
        { subjectId: 'child-5', relation: 'child', name: CHILD, dateOfBirth: DOB },
        { subjectId: 'carer-5', relation: 'carer', name: 'Alex Example' },
      ],
      occurredAt: '2022-10-03T09:00:00Z',
    });
    expect(raised.status).toBe(201);
    const fixed = await send(s, '/escalations/wsep-2022-005/data-subjects/child-5/rectification', {
      name: FIXED,
      reason: 'Spelling corrected',
    });
    expect(fixed.status).toBe(200);
    await settled();
  });
  afterAll(() => s.close());

  const settled = async () => s.runner.waitFor((await s.store.readAll()).at(-1)!.position);
  const get = async (url: string, claims: Partial<TokenClaims>, headers: Record<string, string> = {}) => {
    const res = await s.app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${await s.token(claims)}`, ...headers },
    });
    return { status: res.statusCode, headers: res.headers, body: res.body ? res.json() : undefined, text: res.body };
  };

  it('given a named and rectified child, when the DPO lists and opens them, then status, references, rectification and the corrected values show', async () => {
    const list = await get('/data-subjects?escalation=wsep-2022-005', dpo);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { subjectId: string; status: string }) => [i.subjectId, i.status])).toEqual([
      ['carer-5', 'sealed'],
      ['child-5', 'rectified'],
    ]);
    const child = await get('/data-subjects/child-5', dpo);
    expect(child.body).toMatchObject({
      subjectId: 'child-5',
      status: 'rectified',
      name: FIXED,
      dateOfBirth: DOB,
      references: [
        {
          escalationId: 'wsep-2022-005',
          streamId: 'escalation-wsep-2022-005',
          relation: 'child',
          raisedByAgency: 'warwickshire-cc',
          concerningAgency: 'cw-icb',
        },
      ],
      rectifications: [{ escalationId: 'wsep-2022-005', fields: ['name'], reason: 'Spelling corrected' }],
      erasures: [],
      revision: -1,
    });
    // The record's ETag answers a conditional read.
    expect(child.headers.etag).toMatch(/^"-1\./);
    const again = await get('/data-subjects/child-5', dpo, { 'if-none-match': String(child.headers.etag) });
    expect(again.status).toBe(304);
  });

  it('given an auditor, when they read the list, the record and its history, then every personal value is withheld', async () => {
    for (const url of ['/data-subjects', '/data-subjects/child-5', '/data-subjects/child-5/history']) {
      const res = await get(url, auditor);
      expect(res.status).toBe(200);
      expect(res.text).not.toContain('Zebedee');
      expect(res.text).not.toContain(DOB);
    }
    expect((await get('/data-subjects/child-5', auditor)).body).toMatchObject({
      name: WITHHELD,
      dateOfBirth: WITHHELD,
      status: 'rectified',
    });
  });

  it('given the DPO erases the child, then the record reads erased with the erasure, its history lists every step, and the filter finds it', async () => {
    const erased = await send(
      s,
      '/data-subjects/child-5/erasure',
      { reason: 'DPR-2023-099 upheld' },
      {
        token: await s.token(dpo),
      },
    );
    expect(erased.status).toBe(200);
    await settled();
    const child = await get('/data-subjects/child-5', dpo);
    expect(child.body).toMatchObject({
      status: 'erased',
      name: '[erased]',
      dateOfBirth: '[erased]',
      erasures: [{ basis: 'request', reason: 'DPR-2023-099 upheld', actor: { userId: 'dpo-1' } }],
      revision: 0,
    });
    const history = await get('/data-subjects/child-5/history', dpo);
    expect(history.body.entries.map((e: { type: string }) => e.type)).toEqual([
      'escalation-raised',
      'escalation-data-subject-rectified',
      'data-subject-erased',
    ]);
    const erasedOnly = await get('/data-subjects?status=erased', dpo);
    expect(erasedOnly.body.items.map((i: { subjectId: string }) => i.subjectId)).toEqual(['child-5']);
  });

  it('given the erasure, when the DPO asks as known before and after it, then the subject was rectified then erased; the values read "[erased]" in both', async () => {
    const now = await get('/data-subjects/child-5', dpo);
    const beforeErasure = String(now.body.rectifications[0].position);
    const before = await get(`/as-of/data-subjects/child-5?knownAt=${beforeErasure}`, dpo);
    expect(before.status).toBe(200);
    // The key is destroyed now: even the register as it stood then cannot show the name again.
    expect(before.body).toMatchObject({ status: 'rectified', erasures: [], name: '[erased]', dateOfBirth: '[erased]' });
    expect(before.body.asOf).toMatchObject({ basis: 'position', position: Number(beforeErasure) });
    const after = await get(`/as-of/data-subjects/child-5?knownAt=${now.body.erasures[0].position}`, dpo);
    expect(after.body).toMatchObject({ status: 'erased', erasures: [{ reason: 'DPR-2023-099 upheld' }] });
    const list = await get(`/as-of/data-subjects?escalation=wsep-2022-005&knownAt=${beforeErasure}`, dpo);
    expect(list.body.items.map((i: { subjectId: string; status: string }) => [i.subjectId, i.status])).toEqual([
      ['carer-5', 'sealed'],
      ['child-5', 'rectified'],
    ]);
    const history = await get(`/as-of/data-subjects/child-5/history?knownAt=${beforeErasure}`, dpo);
    expect(history.body.entries.map((e: { type: string }) => e.type)).toEqual([
      'escalation-raised',
      'escalation-data-subject-rectified',
    ]);
  });

  it('given validAt, then the subject is as it was on that business date: named on 3 October 2022, not yet rectified, and unknown the day before', async () => {
    const named = await get('/as-of/data-subjects/child-5?validAt=2022-10-04', dpo);
    expect(named.status).toBe(200);
    expect(named.body).toMatchObject({ status: 'sealed', rectifications: [], erasures: [] });
    expect(named.body.asOf.validAt).toMatchObject({ requested: '2022-10-04' });
    expectProblem(
      await send(s, '/as-of/data-subjects/child-5?validAt=2022-10-02', undefined, {
        method: 'GET',
        token: await s.token(dpo),
      }),
      404,
      'data-subject-not-found',
    );
  });

  it('given an auditor, when they read as of a past point, then every personal value is withheld', async () => {
    const carer = await get('/data-subjects/carer-5', dpo);
    expect(carer.body.name).toBe('Alex Example');
    for (const url of ['/as-of/data-subjects?validAt=2022-10-04', '/as-of/data-subjects/carer-5?validAt=2022-10-04']) {
      const res = await get(url, auditor);
      expect(res.status).toBe(200);
      expect(res.text).not.toContain('Alex Example');
      expect(res.text).toContain(WITHHELD);
    }
  });

  it('given a DPO and an auditor following the stream, when the carer is rectified then erased, then the DPO receives the corrected then the erased document and the auditor only withheld values', async () => {
    const follow = async (claims: Partial<TokenClaims>) =>
      openStream(s.app, '/data-subjects/stream', await s.token(claims));
    const [forDpo, forAuditor] = await Promise.all([follow(dpo), follow(auditor)]);
    // One change at a time: the runner may apply two events in one batch and send only the latest document.
    const nextCarerDoc = () =>
      Promise.all([forDpo, forAuditor].map((res) => readUntil(res, (text) => text.includes('"subjectId":"carer-5"'))));
    const corrected = nextCarerDoc();
    const fixed = await send(s, '/escalations/wsep-2022-005/data-subjects/carer-5/rectification', {
      name: 'Alex Exemplar',
      reason: 'Spelling corrected',
    });
    expect(fixed.status).toBe(200);
    const [dpoFirst, auditorFirst] = await corrected;
    const erasedDocs = nextCarerDoc();
    const erased = await send(
      s,
      '/data-subjects/carer-5/erasure',
      { reason: 'DPR-2023-100 upheld' },
      { token: await s.token(dpo) },
    );
    expect(erased.status).toBe(200);
    const [dpoSecond, auditorSecond] = await erasedDocs;
    forDpo.destroy();
    forAuditor.destroy();
    const [dpoText, auditorText] = [dpoFirst + dpoSecond, auditorFirst + auditorSecond];
    const carerDocs = (text: string) =>
      messages(text)
        .filter((m) => m.event === 'data-subject')
        .map((m) => JSON.parse(m.data!) as { subjectId: string; status: string; name: string })
        .filter((d) => d.subjectId === 'carer-5');
    expect(carerDocs(dpoText).map((d) => [d.status, d.name])).toEqual([
      ['rectified', 'Alex Exemplar'],
      ['erased', '[erased]'],
    ]);
    expect(carerDocs(auditorText).map((d) => [d.status, d.name])).toEqual([
      ['rectified', WITHHELD],
      ['erased', WITHHELD],
    ]);
    expect(auditorText).not.toContain('Alex');
  });

  it('given a subject the ledger never named, then it is a 404 problem', async () => {
    expectProblem(
      await send(s, '/data-subjects/nobody-1', undefined, { method: 'GET', token: await s.token(dpo) }),
      404,
      'data-subject-not-found',
    );
  });
});
