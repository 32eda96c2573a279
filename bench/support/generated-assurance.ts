import type { MultiAgencyAuditEvent, ThematicReviewEvent } from '../../src/assurance';

type Appends = [streamId: string, events: (ThematicReviewEvent | MultiAgencyAuditEvent)[]][];

/**
 * One round of partnership assurance for the generated ledger: a multi-agency audit (themes, every
 * partner asked, all but one returning, a finding answered by the meeting's first action, closed with
 * the reason) and a thematic review (a finding to three partners, a plan action, each plan reported).
 */
export function assuranceRound(meetingId: string, partnerIds: string[], day: string): Appends {
  const auditId = `${meetingId}-audit`;
  const thematicReviewId = `${meetingId}-str`;
  const actionId = `${meetingId}-a0`;
  const a = { auditId };
  const r = { thematicReviewId };
  const [late, ...returning] = partnerIds;
  const three = partnerIds.slice(0, 3);
  return [
    [
      `multiagencyaudit-${auditId}`,
      [
        { type: 'audit-opened', data: { ...a, title: 'Front door audit', openedOn: day, themes: ['Think family'] } },
        { type: 'audit-returns-requested', data: { ...a, partnerIds, askedOn: day } },
        ...returning.map((partnerId): MultiAgencyAuditEvent => ({
          type: 'audit-return-received',
          data: { ...a, partnerId, returnedOn: day },
        })),
        { type: 'audit-finding-recorded', data: { ...a, findingId: 'f1', text: 'Referrals', actionIds: [actionId] } },
        {
          type: 'audit-closed',
          data: { ...a, closedOn: day, outstandingPartnerIds: [late], outstandingReason: 'Late' },
        },
      ],
    ],
    [
      `thematicreview-${thematicReviewId}`,
      [
        {
          type: 'thematic-review-opened',
          data: { ...r, title: 'Thematic review', openedOn: day, areas: ['Training'] },
        },
        { type: 'thematic-finding-recorded', data: { ...r, findingId: 'f1', text: 'Training', partnerIds: three } },
        { type: 'partner-plan-action-linked', data: { ...r, partnerId: three[0], findingId: 'f1', actionId } },
        ...three.map((partnerId): ThematicReviewEvent => ({
          type: 'partner-plan-progress-recorded',
          data: { ...r, partnerId, reportedOn: day, status: 'in-progress', summary: 'Reported to the board' },
        })),
      ],
    ],
  ];
}
