import type { DecisionEvent } from '../../src/decisions';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import { storedEventFactory } from '../../src/ledger/testing/stored-events';
import type { MeetingEvent } from '../../src/meetings';
import type { SignoffEvent } from '../../src/signoffs';
import type { DecisionDoc, DecisionRegisterDoc, MeetingDoc, SignoffDoc } from './decision-register-doc';
import { decisionRegisterProjection as p } from './decision-register.projection';
import { CSPR_DECISION, csprDecisionRecorded, MAY_2022_MEETING } from './testing/cspr-decision';

const manager = { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' };
const police = { userId: 'pete-hill', role: 'partner-representative', agency: 'warwickshire-police' };
const stored = storedEventFactory({ step: 2, actor: manager }); // increasing, not dense
const M = MAY_2022_MEETING;
const D = CSPR_DECISION;
const S = `${M}-so-cspr`;
const STATUTORY = ['warwickshire-county-council', 'warwickshire-police', 'coventry-warwickshire-ccg'];
const dec = (e: DecisionEvent, at?: string) => stored(`decision-${e.data.decisionId}`, e.type, e.data, at);
const so = (e: SignoffEvent, at?: string, actor = manager) =>
  stored(`signoff-${e.data.signoffId}`, e.type, e.data, at, actor);
const mtg = (e: MeetingEvent) => stored(`meeting-${e.data.meetingId}`, e.type, e.data);

const recorded = dec(csprDecisionRecorded);
const artefact = {
  artefactId: 'cspr',
  kind: 'report' as const,
  title: 'CSPR James',
  version: 'v1',
  contentHash: 'a'.repeat(64),
};
const requested = so({
  type: 'signoff-requested',
  data: { signoffId: S, artefact, requiredPartnerIds: STATUTORY, meetingId: M, decisionId: D },
});
const signed = (partnerId: string, version = 'v1', conditions?: string[]) =>
  so(
    {
      type: 'signoff-signed',
      data: {
        signoffId: S,
        partnerId,
        version,
        contentHash: 'a'.repeat(64),
        signedByPersonId: 'pete-hill',
        ...(conditions ? { conditions } : {}),
      },
    },
    undefined,
    police,
  );

/** Every statutory partner signed v1: the sign-off completes. */
const completedV1 = ({ subjectToConditions }: { subjectToConditions: boolean }) =>
  so({
    type: 'signoff-completed',
    data: { signoffId: S, version: 'v1', contentHash: 'a'.repeat(64), partnerIds: STATUTORY, subjectToConditions },
  });

/** Given these events, the documents the projection holds, by key. */
function given(...events: StoredEvent[]): Map<string, DecisionRegisterDoc> {
  const docs = new Map<string, DecisionRegisterDoc>();
  for (const e of events.filter((e) => p.canHandle(e))) {
    for (const key of p.keysOf(e)) docs.set(key, p.evolve(docs.get(key) ?? p.initialState(key), e));
  }
  return docs;
}
const decision = (id: string, ...events: StoredEvent[]) => given(...events).get(`decision:${id}`) as DecisionDoc;
const signoff = (...events: StoredEvent[]) => given(...events).get(`signoff:${S}`) as SignoffDoc;

describe('decision-register projection: which events it reads', () => {
  it.each([
    ['a decision event', true, recorded],
    ['a sign-off event', true, requested],
    [
      'a meeting being scheduled',
      true,
      mtg({
        type: 'meeting-scheduled',
        data: { meetingId: M, boardId: 'wseb', scheduledFor: '2022-05-10T10:00:00.000Z' },
      }),
    ],
    [
      'an agenda item',
      true,
      mtg({ type: 'agenda-item-added', data: { meetingId: M, itemNumber: 4, label: '4', title: 'CSPR (James)' } }),
    ],
    ['other meeting business', false, mtg({ type: 'meeting-closed', data: { meetingId: M } })],
    ['an unknown decision event type', false, stored(`decision-${D}`, 'decision-renamed', { decisionId: D })],
    ['a decision-like type in another stream', false, stored('action-x', 'decision-recorded', { decisionId: 'x' })],
    ['a sign-off-like type in another stream', false, stored('escalation-x', 'signoff-signed', { signoffId: 'x' })],
  ] as const)('%s -> %s', (_, handled, event) => {
    expect(p.canHandle(event)).toBe(handled);
  });

  it('routes a sign-off request to its decision, then the sign-off (the order a live stream sends them in), later sign-off events to the sign-off only', () => {
    expect(p.keysOf(requested)).toEqual([`decision:${D}`, `signoff:${S}`]);
    expect(p.keysOf(signed('warwickshire-police'))).toEqual([`signoff:${S}`]);
    const { decisionId: _d, ...unlinked } = requested.data as { decisionId: string };
    expect(p.keysOf({ ...requested, data: unlinked })).toEqual([`signoff:${S}`]);
  });

  it('routes a supersession to both ends', () => {
    expect(
      p.keysOf(
        dec({ type: 'decision-superseded', data: { decisionId: D, supersededByDecisionId: 'd2', reason: 'r' } }),
      ),
    ).toEqual([`decision:${D}`, 'decision:d2']);
  });
});

describe('decision-register projection: decisions', () => {
  it('given a decision recorded, then it is in force with its outcome, text, budget, conditions unsatisfied and who recorded it', () => {
    const budget = dec({
      type: 'decision-recorded',
      data: {
        decisionId: 'd6',
        meetingId: M,
        itemNumber: 5,
        outcome: 'endorsed',
        text: 'Training',
        budgetPence: 400_000,
        conditions: [],
        responsiblePartnerIds: ['warwickshire-police'],
      },
    });
    expect(decision('d6', budget)).toMatchObject({
      recorded: true,
      status: 'in-force',
      outcome: 'endorsed',
      budgetPence: 400_000,
      responsiblePartnerIds: ['warwickshire-police'],
      meetingId: M,
      itemNumber: 5,
    });
    const doc = decision(D, recorded);
    expect(doc.conditions).toEqual([
      { conditionId: 'c1', text: 'Reviewer updates the report', satisfied: false },
      { conditionId: 'c2', text: 'Publication in June', satisfied: false },
    ]);
    expect(doc.recordedAt).toEqual({
      occurredAt: '2022-05-10T10:00:00.000Z',
      recordedAt: '2022-11-21T12:00:00.000Z',
      actor: manager,
    });
    expect(doc.history).toEqual([
      expect.objectContaining({
        type: 'decision-recorded',
        actor: manager,
        streamId: `decision-${D}`,
        eventId: recorded.id,
        position: recorded.position,
        summary: `Recorded as agreed at ${M} item 4; 2 conditions`,
      }),
    ]);
    expect(doc).not.toHaveProperty('budgetPence');
  });

  it('given a condition satisfied, then that condition (only) shows when, by whom and the note', () => {
    const doc = decision(
      D,
      recorded,
      dec(
        { type: 'decision-condition-satisfied', data: { decisionId: D, conditionId: 'c1', note: 'Report updated' } },
        '2022-06-01T09:00:00.000Z',
      ),
    );
    expect(doc.conditions).toEqual([
      {
        conditionId: 'c1',
        text: 'Reviewer updates the report',
        satisfied: true,
        note: 'Report updated',
        satisfiedAt: { occurredAt: '2022-06-01T09:00:00.000Z', recordedAt: '2022-11-21T12:00:00.000Z', actor: manager },
      },
      { conditionId: 'c2', text: 'Publication in June', satisfied: false },
    ]);
    expect(doc.history[1].summary).toBe('Condition c1 satisfied: Report updated');
  });

  it('given a rescission, then it is rescinded with the reason, date and actor', () => {
    const doc = decision(
      D,
      recorded,
      dec(
        { type: 'decision-rescinded', data: { decisionId: D, reason: 'Funding withdrawn' } },
        '2022-09-22T10:00:00.000Z',
      ),
    );
    expect(doc).toMatchObject({
      status: 'rescinded',
      rescinded: { reason: 'Funding withdrawn', occurredAt: '2022-09-22T10:00:00.000Z', actor: manager },
    });
  });

  it('given a supersession, then the old decision names its successor and the successor names what it replaced', () => {
    const successor = dec({
      type: 'decision-recorded',
      data: {
        decisionId: 'd2',
        meetingId: 'wseb-2022-09-22',
        itemNumber: 3,
        outcome: 'approved',
        text: 'Revised',
        conditions: [],
        responsiblePartnerIds: [],
      },
    });
    const superseded = dec(
      {
        type: 'decision-superseded',
        data: { decisionId: D, supersededByDecisionId: 'd2', reason: 'Revised proposal' },
      },
      '2022-09-22T10:00:00.000Z',
    );
    const docs = given(recorded, successor, superseded);
    expect(docs.get(`decision:${D}`)).toMatchObject({
      status: 'superseded',
      superseded: { byDecisionId: 'd2', reason: 'Revised proposal', actor: manager },
    });
    const next = docs.get('decision:d2') as DecisionDoc;
    expect(next).toMatchObject({ status: 'in-force', supersedes: [D] });
    expect(next.history.map((h) => h.summary)).toEqual([
      expect.stringContaining('Recorded as approved'),
      `Supersedes ${D}: Revised proposal`,
    ]);
  });

  it("given events of its own stream and others', then each record's revision is its own stream's last applied", () => {
    const at = (e: StoredEvent, revision: number) => ({ ...e, revision });
    const successor = dec({
      type: 'decision-recorded',
      data: {
        decisionId: 'd2',
        meetingId: M,
        itemNumber: 5,
        outcome: 'approved',
        text: 'Revised',
        conditions: [],
        responsiblePartnerIds: [],
      },
    });
    const superseded = dec({
      type: 'decision-superseded',
      data: { decisionId: D, supersededByDecisionId: 'd2', reason: 'r' },
    });
    const docs = given(
      at(recorded, 0),
      at(successor, 0),
      at(requested, 0),
      at(signed('warwickshire-police'), 1),
      at(superseded, 1),
    );
    expect([docs.get(`decision:${D}`)?.kind, (docs.get(`decision:${D}`) as DecisionDoc).revision]).toEqual([
      'decision',
      1,
    ]);
    // Touched by D's superseding event and linked by nothing of its own since: still its recording.
    expect((docs.get('decision:d2') as DecisionDoc).revision).toBe(0);
    expect((docs.get(`signoff:${S}`) as SignoffDoc).revision).toBe(1);
    // Before any event of its own stream (a sign-off request naming it arrives first): none.
    expect(decision(D, at(requested, 0)).revision).toBe(-1);
  });

  it('given a sign-off requested for it, then the decision lists the sign-off id once, without a history line of its own', () => {
    const doc = decision(D, recorded, requested, requested);
    expect(doc.signoffIds).toEqual([S]);
    expect(doc.history).toHaveLength(1);
  });

  it('never mutates the document it is given', () => {
    const before = decision(D, recorded);
    const frozen = structuredClone(before);
    p.evolve(before, dec({ type: 'decision-condition-satisfied', data: { decisionId: D, conditionId: 'c1' } }));
    p.evolve(before, requested);
    expect(before).toEqual(frozen);
  });
});

describe('decision-register projection: sign-offs', () => {
  it('given a request, then every required partner is awaiting on the current version', () => {
    expect(signoff(requested)).toMatchObject({
      requested: true,
      decisionId: D,
      meetingId: M,
      status: 'open',
      artefact,
      signatures: STATUTORY.map((partnerId) => ({ partnerId, status: 'awaiting' })),
      invalidations: [],
    });
  });

  it('given signatures and completion, then each partner shows signed, by whom, when and subject to what', () => {
    const cond = ['Report updated (a3)'];
    const completed = completedV1({ subjectToConditions: true });
    const doc = signoff(requested, ...STATUTORY.map((x) => signed(x, 'v1', cond)), completed);
    expect(doc.status).toBe('completed');
    expect(doc.completed).toMatchObject({ version: 'v1', subjectToConditions: true });
    expect(doc.signatures).toEqual(
      STATUTORY.map((partnerId) => ({
        partnerId,
        status: 'signed',
        signedByPersonId: 'pete-hill',
        conditions: cond,
        signedAt: expect.objectContaining({ actor: police }),
      })),
    );
    expect(doc.history.map((h) => h.summary)).toContain(
      'Signed for warwickshire-police by pete-hill (v1), subject to: Report updated (a3)',
    );
  });

  it('given a revision, then every signature is awaiting on the new version and the invalidation (who lost a signature) is kept', () => {
    const doc = signoff(
      requested,
      signed('warwickshire-police'),
      so(
        {
          type: 'signoff-artefact-revised',
          data: {
            signoffId: S,
            previousVersion: 'v1',
            version: 'v2',
            contentHash: 'b'.repeat(64),
            invalidatedPartnerIds: ['warwickshire-police'],
            reopened: false,
          },
        },
        '2022-06-01T00:00:00.000Z',
      ),
    );
    expect(doc.artefact).toMatchObject({ version: 'v2', contentHash: 'b'.repeat(64), title: 'CSPR James' });
    expect(doc.signatures.every((s) => s.status === 'awaiting')).toBe(true);
    expect(doc.invalidations).toEqual([
      {
        kind: 'artefact-revised',
        previousVersion: 'v1',
        version: 'v2',
        contentHash: 'b'.repeat(64),
        invalidatedPartnerIds: ['warwickshire-police'],
        reopened: false,
        occurredAt: '2022-06-01T00:00:00.000Z',
        recordedAt: expect.any(String),
        actor: manager,
      },
    ]);
  });

  it('given a completed sign-off whose signature is withdrawn, then only that partner awaits and it is open again', () => {
    const completed = completedV1({ subjectToConditions: false });
    const doc = signoff(
      requested,
      ...STATUTORY.map((x) => signed(x)),
      completed,
      so({
        type: 'signoff-signature-withdrawn',
        data: { signoffId: S, partnerId: 'warwickshire-police', version: 'v1', reason: 'Error found', reopened: true },
      }),
    );
    expect(doc.status).toBe('open');
    expect(doc).not.toHaveProperty('completed');
    expect(doc.signatures.map((s) => [s.partnerId, s.status])).toEqual([
      [STATUTORY[0], 'signed'],
      [STATUTORY[1], 'awaiting'],
      [STATUTORY[2], 'signed'],
    ]);
    expect(doc.invalidations).toEqual([
      expect.objectContaining({
        kind: 'signature-withdrawn',
        partnerId: 'warwickshire-police',
        reason: 'Error found',
        reopened: true,
      }),
    ]);
  });

  it('given the request withdrawn, then it is withdrawn with the reason', () => {
    expect(
      signoff(requested, so({ type: 'signoff-request-withdrawn', data: { signoffId: S, reason: 'Wrong report' } })),
    ).toMatchObject({ status: 'withdrawn', withdrawn: { reason: 'Wrong report', actor: manager } });
  });
});

describe('decision-register projection: meetings', () => {
  it('given a meeting scheduled and its items, then the document has its board, date and item labels and titles', () => {
    const docs = given(
      mtg({
        type: 'meeting-scheduled',
        data: { meetingId: M, boardId: 'wseb', scheduledFor: '2022-05-10T10:00:00.000Z' },
      }),
      mtg({ type: 'agenda-item-added', data: { meetingId: M, itemNumber: 4, label: '4', title: 'CSPR (James)' } }),
      mtg({ type: 'agenda-item-added', data: { meetingId: M, itemNumber: 5, title: 'Training' } }),
    );
    expect(docs.get(`meeting:${M}`)).toEqual<MeetingDoc>({
      kind: 'meeting',
      meetingId: M,
      boardId: 'wseb',
      scheduledFor: '2022-05-10T10:00:00.000Z',
      items: { 4: { label: '4', title: 'CSPR (James)' }, 5: { title: 'Training' } },
    });
  });
});
