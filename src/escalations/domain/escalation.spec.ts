import type { CommandMeta } from '../../ledger/aggregate';
import { fold } from '../../shared/decider';
import { CASE_REFERENCE_PATTERN, Escalation, type EscalationCommand, type EscalationEvent } from './escalation';

const meta: CommandMeta = {
  actor: { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' },
  occurredAt: '2022-09-22T09:00:00.000Z',
};
const given = (...events: EscalationEvent[]) => fold(Escalation.decider, events);
const when = (state: ReturnType<typeof given>, c: Omit<EscalationCommand, 'meta'>) =>
  Escalation.decider.decide({ ...c, meta } as EscalationCommand, state);
const refuses = (state: ReturnType<typeof given>, c: Omit<EscalationCommand, 'meta'>, code: string, status = 422) =>
  expect(() => when(state, c)).toThrow(expect.objectContaining({ code, status }));

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
/** Decides and folds the result: the state after a command is accepted. */
const apply = (state: ReturnType<typeof given>, c: Omit<EscalationCommand, 'meta'>) =>
  when(state, c).reduce(Escalation.decider.evolve, state);

describe('Escalation decider: raising', () => {
  it('given nothing, when raised, then it starts at stage 1 with the stages of the protocol version it was raised under', () => {
    expect(when(given(), raiseCmd())).toEqual([raised]);
    expect(given(raised)).toMatchObject({
      status: 'open',
      protocolVersion: 2,
      current: { stage: 1, stageName: 'Practitioner to practitioner', timescaleWorkingDays: 2 },
    });
  });

  it.each([
    ['an escalation that exists', given(raised), {}, 'escalation-exists', 409],
    ['the same raising and concerning agency', given(), { concerningAgency: 'warwickshire-cc' }, 'same-agency', 422],
    [
      'a protocol never defined',
      given(),
      { protocol: { defined: false, version: 0, stages: [] } },
      'protocol-not-defined',
      422,
    ],
    [
      'an unregistered raising agency',
      given(),
      { raisedByAgencyRegistered: false },
      'raising-agency-not-registered',
      422,
    ],
    [
      'an unregistered concerning agency',
      given(),
      { concerningAgencyRegistered: false },
      'concerning-agency-not-registered',
      422,
    ],
    [
      'an unregistered raising person',
      given(),
      { raisedByPersonRegistered: false },
      'raising-person-not-registered',
      422,
    ],
  ])('refuses %s', (_, state, over, code, status) => refuses(state, raiseCmd(over), code, status));

  it('accepts pseudonymous case references and refuses names', () => {
    for (const ok of ['LCS-104233', '2022-0001', 'A1']) expect(CASE_REFERENCE_PATTERN.test(ok)).toBe(true);
    for (const bad of ['Jane Smith', 'JaneSmith', '-123', 'x'.repeat(40) + '1', 'ref 12', 'ref_12'])
      expect(CASE_REFERENCE_PATTERN.test(bad)).toBe(false);
  });
});

describe('Escalation decider: acknowledging and responding', () => {
  it('given a raised escalation, when acknowledged, then the concerning agency acknowledges stage 1', () => {
    expect(when(given(raised), { type: 'acknowledge-escalation', data: { escalationId, note: 'Seen' } })).toEqual([
      { type: 'escalation-acknowledged', data: { escalationId, agency: 'cw-icb', stage: 1, note: 'Seen' } },
    ]);
  });

  it('refuses a second acknowledgement at the same stage but asks for a new one at the next stage', () => {
    const acknowledged = apply(given(raised), ack);
    refuses(acknowledged, ack, 'already-acknowledged', 409);
    const escalated = apply(acknowledged, escalate);
    expect(when(escalated, ack)[0].data).toMatchObject({ stage: 2 });
  });

  it('records a response from either party at the current stage', () => {
    expect(when(given(raised), respond())).toEqual([
      {
        type: 'escalation-response-recorded',
        data: { escalationId, respondingAgency: 'cw-icb', stage: 1, response: 'Assessment booked within 10 days' },
      },
    ]);
    expect(when(given(raised), respond('warwickshire-cc'))[0].data).toMatchObject({
      respondingAgency: 'warwickshire-cc',
    });
  });

  it('refuses a response from an agency that is not a party', () =>
    refuses(given(raised), respond('warwickshire-police'), 'agency-not-party'));

  it('refuses every command on an escalation never raised', () => {
    for (const c of [ack, respond(), escalate, resolve, close]) refuses(given(), c, 'escalation-not-raised');
  });
});

describe('Escalation decider: stages, resolution and closure', () => {
  it('escalates stage by stage with the stage name and timescale from its protocol version, and never past the last', () => {
    const second = apply(given(raised), escalate);
    expect(second.current).toEqual({ stage: 2, stageName: 'Manager to manager', timescaleWorkingDays: 5 });
    expect(when(second, escalate)).toEqual([
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
    refuses(apply(second, escalate), escalate, 'no-further-stage');
  });

  it('resolves with an outcome at the current stage', () => {
    expect(when(given(raised), resolve)).toEqual([
      {
        type: 'escalation-resolved',
        data: { escalationId, stage: 1, outcome: 'agreed', summary: 'Assessment date agreed' },
      },
    ]);
  });

  it('after resolution refuses all but closing, and closing needs a resolution first', () => {
    refuses(given(raised), close, 'escalation-not-resolved');
    const resolved = apply(given(raised), resolve);
    for (const c of [ack, respond(), escalate]) refuses(resolved, c, 'escalation-resolved');
    refuses(resolved, resolve, 'escalation-already-resolved', 409);
    expect(when(resolved, close)).toEqual([{ type: 'escalation-closed', data: { escalationId, stage: 1 } }]);
  });

  it('after closure refuses everything', () => {
    const closed = apply(apply(given(raised), resolve), close);
    expect(closed.status).toBe('closed');
    for (const c of [ack, respond(), escalate, resolve]) refuses(closed, c, 'escalation-closed');
    refuses(closed, close, 'escalation-already-closed', 409);
  });
});
