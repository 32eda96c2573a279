import { escalationTrailProjection as p } from './escalation-trail.projection';
import {
  acknowledgedEvent,
  closedEvent,
  escalatedEvent,
  given,
  icbRep,
  manager,
  raisedEvent,
  resolvedEvent,
  responseEvent,
  STAGES,
  stored,
  trail,
} from './testing/trail-events';

const id = 'wsep-2022-001';
const raised = raisedEvent(id, '2022-05-10T10:00:00.000Z');

describe('escalation-trail projection: which events it reads', () => {
  it.each([
    ['an escalation being raised: read', raised, true],
    ['an escalation closing: read', closedEvent(id, 1, '2022-06-01T10:00:00.000Z'), true],
    [
      'a protocol being defined: ignored',
      stored(
        { type: 'escalation-protocol-defined', data: { escalationId: 'x', protocolId: 'p' } },
        '2022-05-01T00:00:00Z',
        manager,
        'protocol-p',
      ),
      false,
    ],
    [
      'an unknown escalation event type: ignored',
      stored({ type: 'escalation-renamed', data: { escalationId: id } }, '2022-05-01T00:00:00Z'),
      false,
    ],
    [
      'an escalation type in another stream: ignored',
      stored({ type: 'escalation-raised', data: { escalationId: id } }, '2022-05-01T00:00:00Z', manager, 'action-x'),
      false,
    ],
  ])('%s', (_, event, handled) => {
    expect(p.canHandle(event)).toBe(handled);
  });

  it('keys each event by its escalation', () => {
    expect(p.keysOf(raised)).toEqual([`escalation:${id}`]);
  });
});

describe('escalation-trail projection: one document per escalation', () => {
  it('given an escalation raised, then it is open at stage 1 with the protocol version, parties and a first timeline entry', () => {
    expect(trail(id, raised)).toMatchObject({
      escalationId: id,
      raised: true,
      status: 'open',
      protocolId: 'ws-escalation-protocol',
      protocolVersion: 1,
      protocolStages: STAGES,
      raisedByAgency: 'warwickshire-cc',
      concerningAgency: 'cw-icb',
      raisedByPersonId: 'amrita-sharma',
      caseReference: 'LCS-104233',
      raisedAt: '2022-05-10T10:00:00.000Z',
      stages: [
        {
          stage: 1,
          stageName: 'Practitioner to practitioner',
          timescaleWorkingDays: 2,
          startedAt: '2022-05-10T10:00:00.000Z',
          responses: 0,
        },
      ],
    });
    expect(trail(id, raised).timeline).toEqual([
      {
        type: 'escalation-raised',
        stage: 1,
        occurredAt: '2022-05-10T10:00:00.000Z',
        recordedAt: '2022-11-21T12:00:00.000Z',
        actor: manager,
        summary:
          'Raised by warwickshire-cc concerning cw-icb under ws-escalation-protocol v1; stage 1 (Practitioner to practitioner, 2 working days)',
        eventId: raised.id,
        position: raised.position,
      },
    ]);
  });

  it('given an acknowledgement and a response, then the stage records the first acknowledgement and counts responses; the timeline keeps who said what', () => {
    const doc = trail(
      id,
      raised,
      acknowledgedEvent(id, 1, '2022-05-11T09:00:00.000Z'),
      responseEvent(id, 1, '2022-05-12T09:00:00.000Z'),
      responseEvent(id, 1, '2022-05-13T09:00:00.000Z', 'Transport arranged'),
    );
    expect(doc.stages).toEqual([
      expect.objectContaining({ stage: 1, acknowledgedAt: '2022-05-11T09:00:00.000Z', responses: 2 }),
    ]);
    expect(doc.timeline.slice(1)).toEqual([
      expect.objectContaining({
        type: 'escalation-acknowledged',
        stage: 1,
        agency: 'cw-icb',
        note: 'Received',
        actor: icbRep,
        summary: 'Acknowledged by cw-icb at stage 1: Received',
      }),
      expect.objectContaining({
        type: 'escalation-response-recorded',
        stage: 1,
        agency: 'cw-icb',
        response: 'Assessment booked for 14 June',
        summary: 'Response from cw-icb at stage 1',
      }),
      expect.objectContaining({
        type: 'escalation-response-recorded',
        response: 'Transport arranged',
        occurredAt: '2022-05-13T09:00:00.000Z',
      }),
    ]);
  });

  it('given a stage escalated, then the old stage ends when the new one starts, with the new timescale', () => {
    const doc = trail(id, raised, escalatedEvent(id, 1, '2022-05-13T15:00:00.000Z'));
    expect(doc.stages).toEqual([
      expect.objectContaining({
        stage: 1,
        startedAt: '2022-05-10T10:00:00.000Z',
        endedAt: '2022-05-13T15:00:00.000Z',
        endedBy: 'escalated',
      }),
      {
        stage: 2,
        stageName: 'Manager to manager',
        timescaleWorkingDays: 5,
        startedAt: '2022-05-13T15:00:00.000Z',
        responses: 0,
      },
    ]);
    expect(doc.timeline[1]).toMatchObject({
      stage: 2,
      reason: 'No reply in time',
      summary: 'Escalated from stage 1 to stage 2 (Manager to manager, 5 working days): No reply in time',
    });
  });

  it('given an acknowledgement at a later stage, then only that stage is acknowledged', () => {
    const doc = trail(
      id,
      raised,
      escalatedEvent(id, 1, '2022-05-13T15:00:00.000Z'),
      acknowledgedEvent(id, 2, '2022-05-16T09:00:00.000Z'),
    );
    expect(doc.stages.map((s) => s.acknowledgedAt)).toEqual([undefined, '2022-05-16T09:00:00.000Z']);
  });

  it('given resolved then closed, then the clock stops at resolution and both dates and the outcome are kept', () => {
    const doc = trail(
      id,
      raised,
      resolvedEvent(id, 1, '2022-05-11T16:00:00.000Z'),
      closedEvent(id, 1, '2022-05-20T10:00:00.000Z'),
    );
    expect(doc).toMatchObject({
      status: 'closed',
      resolvedAt: '2022-05-11T16:00:00.000Z',
      closedAt: '2022-05-20T10:00:00.000Z',
      outcome: 'agreed',
      resolution: 'Assessment date agreed',
    });
    expect(doc.stages).toEqual([
      expect.objectContaining({ stage: 1, endedAt: '2022-05-11T16:00:00.000Z', endedBy: 'resolved' }),
    ]);
    expect(doc.timeline.map((e) => e.summary).slice(1)).toEqual(['Resolved at stage 1: agreed', 'Closed at stage 1']);
  });

  it('given only a resolution, then it is resolved but not closed', () => {
    expect(trail(id, raised, resolvedEvent(id, 1, '2022-05-11T16:00:00.000Z'))).toMatchObject({ status: 'resolved' });
    expect(trail(id, raised, resolvedEvent(id, 1, '2022-05-11T16:00:00.000Z'))).not.toHaveProperty('closedAt');
  });

  it('given events of two escalations, then each has its own document', () => {
    const docs = given(
      raised,
      raisedEvent('wsep-2022-002', '2022-05-12T10:00:00.000Z'),
      escalatedEvent(id, 1, '2022-05-13T15:00:00.000Z'),
    );
    expect([...docs.keys()]).toEqual([`escalation:${id}`, 'escalation:wsep-2022-002']);
    expect(
      trail('wsep-2022-002', ...[raised, raisedEvent('wsep-2022-002', '2022-05-12T10:00:00.000Z')]).stages,
    ).toHaveLength(1);
  });

  it('given a later event without its raise (never, through the decider), then the document says it was not raised', () => {
    expect(trail(id, acknowledgedEvent(id, 1, '2022-05-11T09:00:00.000Z'))).toMatchObject({
      raised: false,
      stages: [],
      timeline: [expect.any(Object)],
    });
  });

  it('never mutates the document it is given, and survives a JSON round trip unchanged', () => {
    const before = trail(id, raised);
    const frozen = structuredClone(before);
    const after = p.evolve(before, escalatedEvent(id, 1, '2022-05-13T15:00:00.000Z'));
    expect(before).toEqual(frozen);
    expect(JSON.parse(JSON.stringify(after))).toEqual(after);
  });
});
