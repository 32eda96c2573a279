import { deciderSpec } from '../../shared/testing/decider-spec';
import { CASE_REFERENCE_PATTERN, Escalation, type EscalationEvent } from './escalation';

const spec = deciderSpec(Escalation, { occurredAt: '2022-09-22T09:00:00.000Z' });

const escalationId = 'wsep-2022-001';
const stages = [
  { name: 'Practitioner to practitioner', timescaleWorkingDays: 2 },
  { name: 'Manager to manager', timescaleWorkingDays: 5 },
  { name: 'Senior manager / designated safeguarding lead', timescaleWorkingDays: 10 },
];
const raiseData = {
  escalationId,
  protocolId: 'ws-escalation-protocol',
  raisedByAgency: 'warwickshire-cc',
  concerningAgency: 'cw-icb',
  subject: 'Delay in a health assessment for a child in care',
  caseReference: 'LCS-104233',
  raisedByPersonId: 'amrita-sharma',
};
const raiseCmd = (over: Record<string, unknown> = {}) => ({
  type: 'raise-escalation' as const,
  data: {
    ...raiseData,
    protocol: { defined: true, version: 2, stages },
    raisedByAgencyRegistered: true,
    concerningAgencyRegistered: true,
    raisedByPersonRegistered: true,
    ...over,
  },
});
const raised: EscalationEvent = {
  type: 'escalation-raised',
  data: {
    ...raiseData,
    protocolVersion: 2,
    stages,
    stage: 1,
    stageName: 'Practitioner to practitioner',
    timescaleWorkingDays: 2,
  },
};
const ack = { type: 'acknowledge-escalation' as const, data: { escalationId } };
const respond = (respondingAgency = 'cw-icb') => ({
  type: 'record-escalation-response' as const,
  data: { escalationId, respondingAgency, response: 'Assessment booked within 10 days' },
});
const escalate = {
  type: 'escalate-escalation' as const,
  data: { escalationId, reason: 'No agreement within 2 working days' },
};
const resolve = {
  type: 'resolve-escalation' as const,
  data: { escalationId, outcome: 'agreed' as const, summary: 'Assessment date agreed' },
};
const close = { type: 'close-escalation' as const, data: { escalationId } };

describe('Escalation decider: raising', () => {
  it('given nothing, when raised, then it starts at stage 1 with the stages of the protocol version it was raised under', () => {
    spec.given().when(raiseCmd()).then([raised]);
    expect(spec.given([raised]).state()).toMatchObject({
      status: 'open',
      protocolVersion: 2,
      current: { stage: 1, stageName: 'Practitioner to practitioner', timescaleWorkingDays: 2 },
    });
  });

  it.each([
    ['an escalation that exists', spec.given([raised]), {}, 'escalation-exists', 409],
    [
      'the same raising and concerning agency',
      spec.given(),
      { concerningAgency: 'warwickshire-cc' },
      'same-agency',
      422,
    ],
    [
      'a protocol never defined',
      spec.given(),
      { protocol: { defined: false, version: 0, stages: [] } },
      'protocol-not-defined',
      422,
    ],
    [
      'an unregistered raising agency',
      spec.given(),
      { raisedByAgencyRegistered: false },
      'raising-agency-not-registered',
      422,
    ],
    [
      'an unregistered concerning agency',
      spec.given(),
      { concerningAgencyRegistered: false },
      'concerning-agency-not-registered',
      422,
    ],
    [
      'an unregistered raising person',
      spec.given(),
      { raisedByPersonRegistered: false },
      'raising-person-not-registered',
      422,
    ],
  ])('refuses %s', (_, state, over, code, status) => {
    state.when(raiseCmd(over)).thenRefuses(code, status);
  });

  it('accepts pseudonymous case references and refuses names', () => {
    for (const ok of ['LCS-104233', '2022-0001', 'A1']) expect(CASE_REFERENCE_PATTERN.test(ok)).toBe(true);
    for (const bad of ['Jane Smith', 'JaneSmith', '-123', 'x'.repeat(40) + '1', 'ref 12', 'ref_12'])
      expect(CASE_REFERENCE_PATTERN.test(bad)).toBe(false);
  });
});

describe('Escalation decider: acknowledging and responding', () => {
  it('given a raised escalation, when acknowledged, then the concerning agency acknowledges stage 1', () => {
    spec
      .given([raised])
      .when({ type: 'acknowledge-escalation', data: { escalationId, note: 'Seen' } })
      .then([{ type: 'escalation-acknowledged', data: { escalationId, agency: 'cw-icb', stage: 1, note: 'Seen' } }]);
  });

  it('refuses a second acknowledgement at the same stage but asks for a new one at the next stage', () => {
    const acknowledged = spec.given([raised]).and(ack);
    acknowledged.when(ack).thenRefuses('already-acknowledged', 409);
    const escalated = acknowledged.and(escalate);
    expect(escalated.when(ack).decided()[0].data).toMatchObject({ stage: 2 });
  });

  it('records a response from either party at the current stage', () => {
    spec
      .given([raised])
      .when(respond())
      .then([
        {
          type: 'escalation-response-recorded',
          data: { escalationId, respondingAgency: 'cw-icb', stage: 1, response: 'Assessment booked within 10 days' },
        },
      ]);
    expect(spec.given([raised]).when(respond('warwickshire-cc')).decided()[0].data).toMatchObject({
      respondingAgency: 'warwickshire-cc',
    });
  });

  it('refuses a response from an agency that is not a party', () => {
    spec.given([raised]).when(respond('warwickshire-police')).thenRefuses('agency-not-party', 422);
  });

  it('refuses every command on an escalation never raised', () => {
    for (const c of [ack, respond(), escalate, resolve, close])
      spec.given().when(c).thenRefuses('escalation-not-raised', 422);
  });
});

describe('Escalation decider: stages, resolution and closure', () => {
  it('escalates stage by stage with the stage name and timescale from its protocol version, and never past the last', () => {
    const second = spec.given([raised]).and(escalate);
    expect(second.state().current).toEqual({ stage: 2, stageName: 'Manager to manager', timescaleWorkingDays: 5 });
    second.when(escalate).then([
      {
        type: 'escalation-stage-escalated',
        data: {
          escalationId,
          fromStage: 2,
          stage: 3,
          stageName: 'Senior manager / designated safeguarding lead',
          timescaleWorkingDays: 10,
          reason: escalate.data.reason,
        },
      },
    ]);
    second.and(escalate).when(escalate).thenRefuses('no-further-stage', 422);
  });

  it('resolves with an outcome at the current stage', () => {
    spec
      .given([raised])
      .when(resolve)
      .then([
        {
          type: 'escalation-resolved',
          data: { escalationId, stage: 1, outcome: 'agreed', summary: 'Assessment date agreed' },
        },
      ]);
  });

  it('after resolution refuses all but closing, and closing needs a resolution first', () => {
    spec.given([raised]).when(close).thenRefuses('escalation-not-resolved', 422);
    const resolved = spec.given([raised]).and(resolve);
    for (const c of [ack, respond(), escalate]) resolved.when(c).thenRefuses('escalation-resolved', 422);
    resolved.when(resolve).thenRefuses('escalation-already-resolved', 409);
    resolved.when(close).then([{ type: 'escalation-closed', data: { escalationId, stage: 1 } }]);
  });

  it('after closure refuses everything', () => {
    const closed = spec.given([raised]).and(resolve).and(close);
    expect(closed.state().status).toBe('closed');
    for (const c of [ack, respond(), escalate, resolve]) closed.when(c).thenRefuses('escalation-closed', 422);
    closed.when(close).thenRefuses('escalation-already-closed', 409);
  });
});
