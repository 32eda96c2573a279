/**
 * The Warwickshire Safeguarding Escalation Protocol.
 *
 * What the sources say: the WSCB published a revised escalation procedure in 2016-17 requiring
 * agencies to have arrangements for escalating internal disagreements about safeguarding
 * decisions; on 22 Sep 2022 the WSEB agreed the protocol is to be implemented and that health
 * escalations go through the formal process to Jackie Channell. On 10 May 2022 the board heard
 * that confidence in escalation was low.
 *
 * ASSUMPTION: the sources give no stage names or timescales. The three stages and the
 * working-day timescales below are a typical English multi-agency resolution protocol, used for
 * demo purposes only, and every stage is flagged `assumed: true`.
 */
import type { EscalationProtocol } from './types';

export const wsEscalationProtocol: EscalationProtocol = {
  id: 'ws-escalation-protocol',
  boardId: 'wseb',
  title: 'Warwickshire Safeguarding Escalation Protocol',
  stagesAssumed: true,
  stages: [
    {
      stage: 1,
      name: 'Practitioner to practitioner',
      who: 'The practitioner with the concern raises it directly with their counterpart in the other agency.',
      timescaleWorkingDays: 2,
      assumed: true,
    },
    {
      stage: 2,
      name: 'Manager to manager',
      who: 'Line managers or designated safeguarding leads of both agencies.',
      timescaleWorkingDays: 5,
      assumed: true,
    },
    {
      stage: 3,
      name: 'Senior manager, then the partnership',
      who: 'Heads of service / named safeguarding leads; if unresolved, referred to the Business Manager and Independent Chair.',
      timescaleWorkingDays: 10,
      assumed: true,
    },
  ],
  sourcedFacts: [
    'Revised escalation procedure published by the WSCB in 2016-17; agencies must have internal escalation arrangements.',
    'WSEB 10 May 2022: escalation a significant issue with low confidence internally and externally; escalation added to the June agenda.',
    'WSEB 22 Sep 2022: health to use the formal escalation process with all escalations to Jackie Channell; the WS Escalation Protocol to be implemented.',
  ],
  adoptedByDecisionIds: ['wseb-2022-09-22-d-health-escalation-route'],
  routes: [
    {
      partnerId: 'coventry-warwickshire-icb',
      toPersonId: 'jackie-channell',
      decisionId: 'wseb-2022-09-22-d-health-escalation-route',
    },
  ],
};
