import type { DecisionEvent } from '../../src/decisions/domain/decision';
import type { SignoffEvent } from '../../src/signoffs/domain/signoff.messages';
import { formatPounds } from '../../src/shared/money';

const suffix = (text: string | undefined) => (text ? `: ${text}` : '');
const list = (ids: string[]) => (ids.length ? ids.join(', ') : 'nobody');

/** One plain-English line per decision event, for the history an inspector reads. */
export function summariseDecision(event: DecisionEvent): string {
  switch (event.type) {
    case 'decision-recorded': {
      const { meetingId, itemNumber, outcome, budgetPence, conditions, responsiblePartnerIds } = event.data;
      const parts = [
        `Recorded as ${outcome} at ${meetingId} item ${itemNumber}`,
        budgetPence !== undefined && `budget ${formatPounds(budgetPence)}`,
        conditions.length > 0 && `${conditions.length} condition${conditions.length === 1 ? '' : 's'}`,
        responsiblePartnerIds.length > 0 && `responsible: ${list(responsiblePartnerIds)}`,
      ];
      return parts.filter(Boolean).join('; ');
    }
    case 'decision-condition-satisfied':
      return `Condition ${event.data.conditionId} satisfied${suffix(event.data.note)}`;
    case 'decision-rescinded':
      return `Rescinded${suffix(event.data.reason)}`;
    case 'decision-superseded':
      return `Superseded by ${event.data.supersededByDecisionId}${suffix(event.data.reason)}`;
  }
}

/** The line the superseding decision's own history shows. */
export const summariseSupersession = (supersededId: string, reason: string) =>
  `Supersedes ${supersededId}${suffix(reason)}`;

export function summariseSignoff(event: SignoffEvent): string {
  switch (event.type) {
    case 'signoff-requested': {
      const { signoffId, artefact, requiredPartnerIds } = event.data;
      return `Sign-off ${signoffId} requested for ${artefact.title} (${artefact.version}) from ${list(requiredPartnerIds)}`;
    }
    case 'signoff-signed': {
      const { partnerId, version, signedByPersonId, conditions } = event.data;
      const by = signedByPersonId ? ` by ${signedByPersonId}` : '';
      const subject = conditions?.length ? `, subject to: ${conditions.join('; ')}` : '';
      return `Signed for ${partnerId}${by} (${version})${subject}`;
    }
    case 'signoff-completed':
      return `Sign-off complete on ${event.data.version} by ${list(event.data.partnerIds)}${event.data.subjectToConditions ? ', subject to conditions' : ''}`;
    case 'signoff-artefact-revised': {
      const { previousVersion, version, invalidatedPartnerIds, reopened } = event.data;
      const lost = invalidatedPartnerIds.length ? `; signatures no longer valid: ${list(invalidatedPartnerIds)}` : '';
      return `Artefact revised from ${previousVersion} to ${version}${lost}${reopened ? '; sign-off reopened' : ''}`;
    }
    case 'signoff-signature-withdrawn':
      return `Signature of ${event.data.partnerId} on ${event.data.version} withdrawn${suffix(event.data.reason)}${event.data.reopened ? '; sign-off reopened' : ''}`;
    case 'signoff-request-withdrawn':
      return `Sign-off request withdrawn${suffix(event.data.reason)}`;
  }
}
