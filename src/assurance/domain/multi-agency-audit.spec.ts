import { deciderSpec } from '../../shared/testing/decider-spec';
import { MultiAgencyAudit, type MultiAgencyAuditEvent } from './multi-agency-audit';

const spec = deciderSpec(MultiAgencyAudit);
const auditId = 'mash-front-door-2022';
const id = { auditId };

const opened: MultiAgencyAuditEvent = {
  type: 'audit-opened',
  data: { ...id, title: 'MASH/Front Door audit', openedOn: '2022-09-22', themes: ['Information sharing'] },
};
const asked = (...partnerIds: string[]): MultiAgencyAuditEvent => ({
  type: 'audit-returns-requested',
  data: { ...id, partnerIds, askedOn: '2022-10-01', dueOn: '2022-10-31' },
});
const returned = (partnerId: string): MultiAgencyAuditEvent => ({
  type: 'audit-return-received',
  data: { ...id, partnerId, returnedOn: '2022-10-20' },
});
const finding: MultiAgencyAuditEvent = {
  type: 'audit-finding-recorded',
  data: { ...id, findingId: 'f1', text: 'Think family: the adults social worker', actionIds: ['a1'] },
};

describe('MultiAgencyAudit decider: partners asked, returns received, findings and closure', () => {
  it('given four partners asked and one return outstanding, when closed with the reason, then the closure names who did not return', () => {
    spec
      .given([
        opened,
        asked('police', 'health', 'la', 'education'),
        returned('police'),
        returned('health'),
        returned('la'),
      ])
      .when({ type: 'close-audit', data: { ...id, closedOn: '2022-11-30', outstandingReason: 'Schools on holiday' } })
      .then([
        {
          type: 'audit-closed',
          data: {
            ...id,
            closedOn: '2022-11-30',
            outstandingPartnerIds: ['education'],
            outstandingReason: 'Schools on holiday',
          },
        },
      ]);
  });

  it('given every return in, when closed, then nothing is outstanding and no reason is kept', () => {
    spec
      .given([opened, asked('police'), returned('police')])
      .when({ type: 'close-audit', data: { ...id, closedOn: '2022-11-30', outstandingReason: 'unused' } })
      .then([{ type: 'audit-closed', data: { ...id, closedOn: '2022-11-30', outstandingPartnerIds: [] } }]);
  });

  it('given a finding, when a further action is linked, then the finding is answered by both', () => {
    const state = spec
      .given([opened, finding])
      .and({ type: 'link-audit-finding-action', data: { ...id, findingId: 'f1', actionId: 'a2', actionExists: true } })
      .state();
    expect(state.findings).toEqual({ f1: ['a1', 'a2'] });
  });

  const ask = (extra: object = {}) => ({
    type: 'request-audit-returns',
    data: { ...id, partnerIds: ['police'], askedOn: '2022-10-01', unregisteredPartnerIds: [], ...extra },
  });
  const ret = (partnerId: string, returnedOn = '2022-10-20') => ({
    type: 'record-audit-return',
    data: { ...id, partnerId, returnedOn },
  });
  const record = (extra: object) => ({
    type: 'record-audit-finding',
    data: { ...id, findingId: 'f2', text: 't', actionIds: [], missingActionIds: [], ...extra },
  });
  const linkIt = (extra: object) => ({
    type: 'link-audit-finding-action',
    data: { ...id, findingId: 'f1', actionId: 'a2', actionExists: true, ...extra },
  });
  const closed: MultiAgencyAuditEvent = {
    type: 'audit-closed',
    data: { ...id, closedOn: '2022-11-30', outstandingPartnerIds: [] },
  };
  it.each([
    ['audit-exists', 409, [opened], { type: 'open-audit', data: { ...opened.data, boardRegistered: true } }],
    [
      'board-not-registered',
      422,
      [],
      { type: 'open-audit', data: { ...opened.data, boardId: 'x', boardRegistered: false } },
    ],
    ['audit-not-found', 404, [], ret('police')],
    ['no-partner-asked', 422, [opened], ask({ partnerIds: [] })],
    ['duplicate-partner', 422, [opened], ask({ partnerIds: ['police', 'police'] })],
    ['partner-not-registered', 422, [opened], ask({ partnerIds: ['x'], unregisteredPartnerIds: ['x'] })],
    ['partner-already-asked', 409, [opened, asked('police')], ask()],
    ['due-before-asked', 422, [opened], ask({ dueOn: '2022-09-30' })],
    ['date-before-opening', 422, [opened], ask({ askedOn: '2022-09-01' })],
    ['partner-not-asked', 422, [opened, asked('police')], ret('health')],
    ['return-already-received', 409, [opened, asked('police'), returned('police')], ret('police')],
    ['finding-exists', 409, [opened, finding], record({ findingId: 'f1' })],
    ['action-not-found', 422, [opened], record({ actionIds: ['n'], missingActionIds: ['n'] })],
    ['duplicate-action', 422, [opened], record({ actionIds: ['a1', 'a1'] })],
    ['finding-not-found', 422, [opened], linkIt({})],
    ['action-already-linked', 409, [opened, finding], linkIt({ actionId: 'a1' })],
    [
      'returns-outstanding',
      422,
      [opened, asked('police')],
      { type: 'close-audit', data: { ...id, closedOn: '2022-11-30' } },
    ],
    ['audit-closed', 409, [opened, closed], ret('police')],
  ])('refuses %s (%i) and writes nothing', (code, status, given, command) => {
    spec
      .given(given)
      .when(command as never)
      .thenRefuses(code, status);
  });
});
