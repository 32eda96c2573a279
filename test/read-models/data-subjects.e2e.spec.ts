import type { TokenClaims } from '../../src/auth/mint-token';
import { expectProblem, send } from '../support/http';
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

  it('given a subject the ledger never named, then it is a 404 problem', async () => {
    expectProblem(
      await send(s, '/data-subjects/nobody-1', undefined, { method: 'GET', token: await s.token(dpo) }),
      404,
      'data-subject-not-found',
    );
  });
});
