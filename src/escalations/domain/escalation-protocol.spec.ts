import { deciderSpec } from '../../shared/testing/decider-spec';
import { EscalationProtocol, type EscalationProtocolEvent, type ProtocolStage } from './escalation-protocol';

const spec = deciderSpec(EscalationProtocol, {
  meta: {
    actor: { userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' },
    occurredAt: '2022-09-22T09:00:00.000Z',
  },
});

const stages: ProtocolStage[] = [
  { name: 'Practitioner to practitioner', timescaleWorkingDays: 2 },
  { name: 'Manager to manager', timescaleWorkingDays: 5 },
  { name: 'Senior manager / designated safeguarding lead', timescaleWorkingDays: 10 },
];
const defined: EscalationProtocolEvent = {
  type: 'escalation-protocol-defined',
  data: { protocolId: 'ws-escalation-protocol', name: 'WS Escalation Protocol', version: 1, stages },
};
const define = (s: ProtocolStage[]) => ({
  type: 'define-escalation-protocol' as const,
  data: { protocolId: 'ws-escalation-protocol', name: 'WS Escalation Protocol', stages: s },
});
const revise = (s: ProtocolStage[], name?: string) => ({
  type: 'revise-escalation-protocol' as const,
  data: { protocolId: 'ws-escalation-protocol', name, stages: s, reason: 'Annual review' },
});

describe('Escalation protocol decider', () => {
  it('given nothing, when a three-stage protocol is defined, then it is version 1 with its stages', () => {
    spec.given().when(define(stages)).then([defined]);
    expect(spec.given([defined]).state()).toEqual({ exists: true, name: 'WS Escalation Protocol', version: 1, stages });
  });

  it('given a defined protocol, when defined again, then it is refused as a conflict', () => {
    spec.given([defined]).when(define(stages)).thenRefuses('protocol-exists', 409);
  });

  it.each([
    ['no stages', [], 'stage-count-out-of-range'],
    [
      'seven stages',
      Array.from({ length: 7 }, (_, i) => ({ name: `Stage ${i + 1}`, timescaleWorkingDays: 5 })),
      'stage-count-out-of-range',
    ],
    ['a zero-day timescale', [{ name: 'A', timescaleWorkingDays: 0 }], 'timescale-out-of-range'],
    ['a 61-day timescale', [{ name: 'A', timescaleWorkingDays: 61 }], 'timescale-out-of-range'],
    ['a fractional timescale', [{ name: 'A', timescaleWorkingDays: 2.5 }], 'timescale-out-of-range'],
    [
      'two stages with the same name',
      [
        { name: 'Manager', timescaleWorkingDays: 5 },
        { name: 'manager ', timescaleWorkingDays: 5 },
      ],
      'duplicate-stage-name',
    ],
  ])('refuses a protocol with %s', (_, bad, code) => {
    spec.given().when(define(bad)).thenRefuses(code, 422);
    spec.given([defined]).when(revise(bad)).thenRefuses(code);
  });

  it('allows the limits: six stages, 1 and 60 working days', () => {
    const six = Array.from({ length: 6 }, (_, i) => ({
      name: `Stage ${i + 1}`,
      timescaleWorkingDays: i === 0 ? 1 : 60,
    }));
    expect(spec.given().when(define(six)).decided()[0].data).toMatchObject({ stages: six });
  });

  it('given version 1, when revised, then version 2 carries the new stages and keeps the name', () => {
    const longer = stages.map((s) => ({ ...s, timescaleWorkingDays: s.timescaleWorkingDays + 1 }));
    const events = spec.given([defined]).when(revise(longer)).decided();
    expect(events).toEqual([
      {
        type: 'escalation-protocol-revised',
        data: {
          protocolId: 'ws-escalation-protocol',
          name: 'WS Escalation Protocol',
          version: 2,
          stages: longer,
          reason: 'Annual review',
        },
      },
    ]);
    expect(spec.given([defined, ...events]).state()).toMatchObject({ version: 2, stages: longer });
  });

  it('given version 1, when only renamed, then it is a new version', () => {
    expect(
      spec.given([defined]).when(revise(stages, 'Warwickshire Safeguarding Escalation Protocol')).decided()[0].data,
    ).toMatchObject({ version: 2, name: 'Warwickshire Safeguarding Escalation Protocol' });
  });

  it('refuses a revision that changes nothing, and a revision of a protocol never defined', () => {
    spec.given([defined]).when(revise(stages)).thenRefuses('protocol-unchanged', 422);
    spec.given().when(revise(stages)).thenRefuses('protocol-not-defined', 422);
  });
});
