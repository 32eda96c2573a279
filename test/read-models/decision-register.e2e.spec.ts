import { randomUUID } from 'node:crypto';
import type { DecisionEvent } from '../../src/decisions';
import type { Actor } from '../../src/ledger/event-envelope';
import type { MeetingEvent } from '../../src/meetings';
import type { SignoffEvent } from '../../src/signoffs';
import { expectProblem, send } from '../support/http';
import { messages, openStream as openSse, readUntil } from '../support/sse';
import { startProjectionsApp, type ProjectionsTestApp } from './support/projections-app';
import {
  CSPR_DECISION,
  csprDecisionRecorded,
  MAY_2022_MEETING,
} from '../../projections/decision-register/testing/cspr-decision';

/** The app with every projection; `caughtUp` waits until the runner has applied the whole log. */
async function startRegisterApp(): Promise<ProjectionsTestApp & { caughtUp(): Promise<void> }> {
  const t = await startProjectionsApp({});
  return {
    ...t,
    caughtUp: async () => t.runner.waitFor(Math.max(0, ...(await t.store.readAll()).map((e) => e.position))),
  };
}

const manager: Actor = { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' };
const repOf = (userId: string, agency: string): Actor => ({ userId, role: 'partner-representative', agency });
const STATUTORY = ['warwickshire-county-council', 'warwickshire-police', 'coventry-warwickshire-ccg'];
const SIGNERS = [
  repOf('nigel-minns', STATUTORY[0]),
  repOf('pete-hill', STATUTORY[1]),
  repOf('jackie-channell', STATUTORY[2]),
];

describe('decision register over the HTTP API (synthetic ledger)', () => {
  let t: Awaited<ReturnType<typeof startRegisterApp>>;
  const get = (url: string, o: { token?: string | null } = {}) => send(t, url, undefined, { method: 'GET', ...o });
  async function append(
    streamId: string,
    type: string,
    data: unknown,
    occurredAt: string,
    actor = manager,
  ): Promise<number> {
    const id = randomUUID();
    return (
      await t.store.append(
        streamId,
        [{ id, type, schemaVersion: 1, data, metadata: { actor, correlationId: id, causationId: id, occurredAt } }],
        'any',
      )
    ).position;
  }
  const meeting = (e: MeetingEvent, at: string) => append(`meeting-${e.data.meetingId}`, e.type, e.data, at);
  const decision = (e: DecisionEvent, at: string) => append(`decision-${e.data.decisionId}`, e.type, e.data, at);
  const signoff = (e: SignoffEvent, at: string, actor = manager) =>
    append(`signoff-${e.data.signoffId}`, e.type, e.data, at, actor);

  const MAY = MAY_2022_MEETING;
  const SEP = 'wseb-2022-09-22';
  const WORCS = 'worcs-2019-03-13';
  const CSPR = CSPR_DECISION;
  const TRAINING = `${MAY}-d-training`;
  const TRAINING2 = `${SEP}-d-training`;
  const DASH = `${WORCS}-d-dashboard`;
  const SO = `${MAY}-so-cspr`;
  const artefact = {
    artefactId: 'cspr-james',
    kind: 'report' as const,
    title: 'CSPR James',
    version: 'v1',
    contentHash: 'a'.repeat(64),
  };
  const may = (time = '10:00') => `2022-05-10T${time}:00.000Z`;

  beforeAll(async () => {
    t = await startRegisterApp();
    await meeting({ type: 'meeting-scheduled', data: { meetingId: MAY, boardId: 'wseb', scheduledFor: may() } }, may());
    await meeting(
      {
        type: 'agenda-item-added',
        data: { meetingId: MAY, itemNumber: 4, label: '4', title: 'Child Safeguarding Practice Review (James)' },
      },
      may(),
    );
    await meeting(
      { type: 'agenda-item-added', data: { meetingId: MAY, itemNumber: 5, label: '5', title: 'Training Proposal' } },
      may(),
    );
    await meeting(
      {
        type: 'meeting-scheduled',
        data: { meetingId: SEP, boardId: 'wseb', scheduledFor: '2022-09-22T10:00:00.000Z' },
      },
      may(),
    );
    await meeting(
      {
        type: 'meeting-scheduled',
        data: { meetingId: WORCS, boardId: 'worcs-scb', scheduledFor: '2019-03-13T14:00:00.000Z' },
      },
      '2019-03-13T14:00:00.000Z',
    );
    await decision(csprDecisionRecorded, may('11:00'));
    await decision(
      {
        type: 'decision-recorded',
        data: {
          decisionId: TRAINING,
          meetingId: MAY,
          itemNumber: 5,
          outcome: 'endorsed',
          text: 'Training endorsed',
          budgetPence: 400_000,
          conditions: [],
          responsiblePartnerIds: [],
        },
      },
      may('11:30'),
    );
    await decision(
      {
        type: 'decision-recorded',
        data: {
          decisionId: DASH,
          meetingId: WORCS,
          itemNumber: 2,
          outcome: 'noted',
          text: 'Dashboard noted',
          conditions: [],
          responsiblePartnerIds: ['warwickshire-police'],
        },
      },
      '2019-03-13T14:30:00.000Z',
    );
    await signoff(
      {
        type: 'signoff-requested',
        data: { signoffId: SO, artefact, requiredPartnerIds: STATUTORY, meetingId: MAY, decisionId: CSPR },
      },
      may('11:05'),
    );
    await signoff(
      {
        type: 'signoff-signed',
        data: {
          signoffId: SO,
          partnerId: STATUTORY[1],
          version: 'v1',
          contentHash: 'a'.repeat(64),
          signedByPersonId: 'pete-hill',
        },
      },
      may('11:10'),
      SIGNERS[1],
    );
    await signoff(
      {
        type: 'signoff-artefact-revised',
        data: {
          signoffId: SO,
          previousVersion: 'v1',
          version: 'v2',
          contentHash: 'b'.repeat(64),
          invalidatedPartnerIds: [STATUTORY[1]],
          reopened: false,
        },
      },
      '2022-05-20T09:00:00.000Z',
    );
    for (const [i, partnerId] of STATUTORY.entries()) {
      await signoff(
        {
          type: 'signoff-signed',
          data: {
            signoffId: SO,
            partnerId,
            version: 'v2',
            contentHash: 'b'.repeat(64),
            signedByPersonId: SIGNERS[i].userId,
            conditions: ['Publish in June'],
          },
        },
        '2022-05-24T09:00:00.000Z',
        SIGNERS[i],
      );
    }
    await signoff(
      {
        type: 'signoff-completed',
        data: {
          signoffId: SO,
          version: 'v2',
          contentHash: 'b'.repeat(64),
          partnerIds: STATUTORY,
          subjectToConditions: true,
        },
      },
      '2022-05-24T09:00:00.000Z',
      SIGNERS[2],
    );
    await decision(
      { type: 'decision-condition-satisfied', data: { decisionId: CSPR, conditionId: 'c1', note: 'Report updated' } },
      '2022-05-24T10:00:00.000Z',
    );
    await decision(
      {
        type: 'decision-recorded',
        data: {
          decisionId: TRAINING2,
          meetingId: SEP,
          itemNumber: 3,
          outcome: 'approved',
          text: 'Revised training plan',
          conditions: [],
          responsiblePartnerIds: [],
        },
      },
      '2022-09-22T11:00:00.000Z',
    );
    await decision(
      {
        type: 'decision-superseded',
        data: { decisionId: TRAINING, supersededByDecisionId: TRAINING2, reason: 'Revised plan' },
      },
      '2022-09-22T11:00:00.000Z',
    );
    await decision(
      { type: 'decision-rescinded', data: { decisionId: DASH, reason: 'Dashboard withdrawn' } },
      '2019-06-12T14:00:00.000Z',
    );
    await t.caughtUp();
    await t.app.listen(0, '127.0.0.1'); // for the SSE stream, which inject cannot read
  });
  afterAll(() => t.close());

  const ids = (res: { body: { items: { decisionId: string }[] } }) => res.body.items.map((i) => i.decisionId);

  describe('GET /decision-register', () => {
    it('lists every recorded decision in id order with its meeting, status, outstanding conditions and sign-offs at a glance', async () => {
      const res = await get('/decision-register');
      expect(res.status).toBe(200);
      expect(ids(res)).toEqual([DASH, CSPR, TRAINING, TRAINING2]);
      expect(res.body.nextCursor).toBeNull();
      expect(res.body.items[1]).toMatchObject({
        decisionId: CSPR,
        outcome: 'agreed',
        status: 'in-force',
        unsatisfiedConditions: 1,
        historyLength: 2,
        meeting: {
          meetingId: MAY,
          boardId: 'wseb',
          date: may(),
          itemNumber: 4,
          itemLabel: '4',
          itemTitle: 'Child Safeguarding Practice Review (James)',
        },
        signoffs: [
          { signoffId: SO, status: 'completed', version: 'v2', signed: 3, required: 3, subjectToConditions: true },
        ],
      });
      expect(res.body.items[1]).not.toHaveProperty('history');
      expect(res.body.items[2]).toMatchObject({
        decisionId: TRAINING,
        status: 'superseded',
        budgetPence: 400_000,
        superseded: { byDecisionId: TRAINING2, reason: 'Revised plan' },
      });
    });

    it.each([
      ['board=wseb', [CSPR, TRAINING, TRAINING2]],
      ['board=worcs-scb', [DASH]],
      [`meeting=${MAY}`, [CSPR, TRAINING]],
      ['outcome=endorsed', [TRAINING]],
      ['status=in-force', [CSPR, TRAINING2]],
      ['status=rescinded', [DASH]],
      ['status=superseded', [TRAINING]],
      ['hasUnsatisfiedConditions=true', [CSPR]],
      ['hasUnsatisfiedConditions=false&board=wseb', [TRAINING, TRAINING2]],
      ['from=2022-05-10&to=2022-05-10', [CSPR, TRAINING]],
      ['from=2022-06-01', [TRAINING2]],
      ['to=2021-12-31', [DASH]],
      ['board=wseb&status=in-force&outcome=agreed&hasUnsatisfiedConditions=true', [CSPR]],
      ['board=nobody', []],
    ])('filters by %s', async (query, expected) => {
      const res = await get(`/decision-register?${query}`);
      expect(res.status).toBe(200);
      expect(ids(res)).toEqual(expected);
    });

    it('pages with an opaque cursor: every decision once, in a stable order, with the filters resent', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await get(`/decision-register?board=wseb&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        seen.push(...ids(res));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor);
      expect(seen).toEqual([CSPR, TRAINING, TRAINING2]);
      expect(pages).toBe(2);
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['outcome=decided', 'outcome'],
      ['status=void', 'status'],
      ['hasUnsatisfiedConditions=yes', 'hasUnsatisfiedConditions'],
      ['from=2022-13-45', 'from'],
      ['to=last-week', 'to'],
      ['board=Not_A_Slug', 'board'],
      ['meeting=x%20y', 'meeting'],
      ['cursor=not%20a%20cursor', 'cursor'],
      ['colour=red', 'colour'],
    ])('refuses %s with a 400 naming %s', async (query, field) => {
      const res = await get(`/decision-register?${query}`);
      expectProblem(res, 400, 'validation-failed');
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it('refuses a well-formed cursor it never issued', async () => {
      expectProblem(
        await get(`/decision-register?cursor=${Buffer.from('{"k":"meeting:x"}').toString('base64url')}`),
        400,
        'invalid-cursor',
      );
      expectProblem(await get('/decision-register?cursor=abc'), 400, 'invalid-cursor');
    });

    it('reads for any role with ledger:read, e.g. an auditor', async () => {
      expect(
        (await get('/decision-register?limit=1', { token: await t.token({ role: 'auditor', userId: 'audit-1' }) }))
          .status,
      ).toBe(200);
    });
  });

  describe('GET /decision-register/:decisionId', () => {
    it('shows conditions (satisfied when and by whom) and the sign-off with each partner on the current version and its invalidations', async () => {
      const res = await get(`/decision-register/${CSPR}`);
      expect(res.status).toBe(200);
      expect(res.body.conditions).toEqual([
        {
          conditionId: 'c1',
          text: 'Reviewer updates the report',
          satisfied: true,
          note: 'Report updated',
          satisfiedAt: {
            occurredAt: '2022-05-24T10:00:00.000Z',
            recordedAt: '2022-11-21T12:00:00.000Z',
            actor: manager,
          },
        },
        { conditionId: 'c2', text: 'Publication in June', satisfied: false },
      ]);
      const [so] = res.body.signoffs;
      expect(so).toMatchObject({
        signoffId: SO,
        status: 'completed',
        artefact: { version: 'v2', contentHash: 'b'.repeat(64) },
        completed: { version: 'v2', subjectToConditions: true },
      });
      expect(so.signatures).toEqual(
        STATUTORY.map((partnerId, i) => ({
          partnerId,
          status: 'signed',
          signedByPersonId: SIGNERS[i].userId,
          conditions: ['Publish in June'],
          signedAt: expect.objectContaining({ occurredAt: '2022-05-24T09:00:00.000Z', actor: SIGNERS[i] }),
        })),
      );
      expect(so.invalidations).toEqual([
        expect.objectContaining({
          kind: 'artefact-revised',
          previousVersion: 'v1',
          version: 'v2',
          invalidatedPartnerIds: [STATUTORY[1]],
          actor: manager,
        }),
      ]);
      expect(so).not.toHaveProperty('history');
    });

    it('shows a superseded decision with its successor, and the successor with what it replaced', async () => {
      expect((await get(`/decision-register/${TRAINING}`)).body).toMatchObject({
        status: 'superseded',
        superseded: { byDecisionId: TRAINING2, occurredAt: '2022-09-22T11:00:00.000Z' },
      });
      expect((await get(`/decision-register/${TRAINING2}`)).body).toMatchObject({
        status: 'in-force',
        supersedes: [TRAINING],
      });
      expect((await get(`/decision-register/${DASH}`)).body).toMatchObject({
        status: 'rescinded',
        rescinded: { reason: 'Dashboard withdrawn' },
        responsiblePartnerIds: ['warwickshire-police'],
      });
    });

    it.each([
      ['/decision-register/nope', 404, 'decision-not-found'],
      ['/decision-register/Not_An_Id', 400, 'invalid-id'],
      ['/decision-register/nope/history', 404, 'decision-not-found'],
      ['/decision-register/Not_An_Id/history', 400, 'invalid-id'],
    ])('GET %s -> %s %s', async (url, status, code) => {
      expectProblem(await get(url), status, code);
    });
  });

  describe('GET /decision-register/:decisionId/history', () => {
    it('lists the decision and its sign-off events in ledger order, each with actor, business and recorded time, and its record', async () => {
      const res = await get(`/decision-register/${CSPR}/history`);
      expect(res.status).toBe(200);
      expect(res.body.decisionId).toBe(CSPR);
      const entries = res.body.entries as {
        type: string;
        actor: Actor;
        occurredAt: string;
        recordedAt: string;
        record: object;
        summary: string;
        position: number;
        streamId: string;
      }[];
      expect(entries.map((e) => [e.type, e.actor.userId])).toEqual([
        ['decision-recorded', 'amrita-sharma'],
        ['signoff-requested', 'amrita-sharma'],
        ['signoff-signed', 'pete-hill'],
        ['signoff-artefact-revised', 'amrita-sharma'],
        ['signoff-signed', 'nigel-minns'],
        ['signoff-signed', 'pete-hill'],
        ['signoff-signed', 'jackie-channell'],
        ['signoff-completed', 'jackie-channell'],
        ['decision-condition-satisfied', 'amrita-sharma'],
      ]);
      expect(entries.map((e) => e.position)).toEqual([...entries.map((e) => e.position)].sort((a, b) => a - b));
      expect(entries[0]).toMatchObject({
        occurredAt: may('11:00'),
        recordedAt: '2022-11-21T12:00:00.000Z',
        streamId: `decision-${CSPR}`,
        record: { kind: 'decision', decisionId: CSPR },
        summary: `Recorded as agreed at ${MAY} item 4; 2 conditions`,
      });
      expect(entries[3]).toMatchObject({
        record: { kind: 'signoff', signoffId: SO },
        summary: `Artefact revised from v1 to v2; signatures no longer valid: ${STATUTORY[1]}`,
      });
    });
  });

  describe('read model in the platform', () => {
    it('documents the endpoints, their permission and the list filters in OpenAPI', async () => {
      const doc = (await get('/openapi.json', { token: null })).body;
      expect(doc.paths['/decision-register'].get).toMatchObject({
        operationId: 'listDecisionRegister',
        'x-required-permission': 'ledger:read',
      });
      expect(doc.paths['/decision-register'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining([
          'board',
          'meeting',
          'outcome',
          'status',
          'hasUnsatisfiedConditions',
          'from',
          'to',
          'limit',
          'cursor',
        ]),
      );
      expect(doc.paths['/decision-register/{decisionId}'].get).toMatchObject({
        operationId: 'getDecisionRegisterEntry',
        'x-required-permission': 'ledger:read',
      });
      expect(doc.paths['/decision-register/{decisionId}/history'].get).toMatchObject({
        operationId: 'getDecisionRegisterHistory',
        'x-required-permission': 'ledger:read',
      });
      expect(doc.paths['/decision-register/stream'].get).toMatchObject({
        operationId: 'streamDecisionRegister',
        'x-required-permission': 'ledger:read',
      });
    });

    it('reports no lag once caught up', async () => {
      expect(await t.runner.lag()).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ projection: 'decision-register', state: 'running', behind: 0 }),
        ]),
      );
    });
  });

  /** Runs last: it appends to the ledger the other tests read. */
  describe('GET /decision-register/stream (Server-Sent Events)', () => {
    const openStream = (token: string) => openSse(t.app, '/decision-register/stream', token);

    it("sends each decision and each decision's sign-off as applied, with the ledger position of its last change as id, and never meeting documents", async () => {
      const res = await openStream(await t.token({ role: 'auditor', userId: 'audit-1' }));
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/event-stream');
      const text = readUntil(res, (s) => s.includes('"kind":"signoff","signoffId":"so-late"'));
      await meeting(
        { type: 'agenda-item-added', data: { meetingId: SEP, itemNumber: 7, title: 'Late item' } },
        '2022-09-22T12:00:00.000Z',
      );
      // The decision is applied (and sent) before its sign-off is requested: the request then lands
      // in a batch of its own, as on a loaded machine; batched together they were always in order.
      const recorded = await decision(
        {
          type: 'decision-recorded',
          data: {
            decisionId: 'late',
            meetingId: SEP,
            itemNumber: 7,
            outcome: 'noted',
            text: 'Late',
            conditions: [],
            responsiblePartnerIds: [],
          },
        },
        '2022-09-22T12:00:00.000Z',
      );
      await t.runner.waitFor(recorded);
      const requested = await signoff(
        {
          type: 'signoff-requested',
          data: { signoffId: 'so-late', artefact, requiredPartnerIds: STATUTORY, decisionId: 'late' },
        },
        '2022-09-22T12:00:00.000Z',
      );
      const received = await text;
      res.destroy();
      const sent = messages(received)
        .filter((m) => m.data !== undefined)
        .map((m) => ({ event: m.event, id: Number(m.id), doc: JSON.parse(m.data!) as { signoffIds?: string[] } }));
      expect(received).not.toContain('"kind":"meeting"');
      // The request names the decision, so it was the last change to both: the sign-off, sent after
      // the decision, carries its position; the decision repeats the id before it (whether or not it
      // was batched with its recording), so a client cut between the two resumes before both.
      const [decisionSent, signoffSent] = sent.slice(-2);
      expect(sent.map((m) => m.event).slice(-2)).toEqual(['decision', 'signoff']);
      expect(decisionSent.doc.signoffIds).toEqual(['so-late']);
      expect(decisionSent.id).toBeLessThan(requested);
      expect(signoffSent.id).toBe(requested);
      // Ids never go down.
      expect(sent.every((m, i) => i === 0 || m.id >= sent[i - 1].id)).toBe(true);
    });
  });
});
