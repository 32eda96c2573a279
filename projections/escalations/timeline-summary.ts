import type { EscalationEvent } from '../../src/escalations/domain/escalation.messages';

const suffix = (text: string | undefined) => (text ? `: ${text}` : '');

/** One plain-English line per event, for the timeline an inspector reads. */
export function summarise(event: EscalationEvent): string {
  switch (event.type) {
    case 'escalation-raised': {
      const { raisedByAgency, concerningAgency, protocolId, protocolVersion, stageName, timescaleWorkingDays } =
        event.data;
      return `Raised by ${raisedByAgency} concerning ${concerningAgency} under ${protocolId} v${protocolVersion}; stage 1 (${stageName}, ${timescaleWorkingDays} working days)`;
    }
    case 'escalation-acknowledged':
      return `Acknowledged by ${event.data.agency} at stage ${event.data.stage}${suffix(event.data.note)}`;
    case 'escalation-response-recorded':
      return `Response from ${event.data.respondingAgency} at stage ${event.data.stage}`;
    case 'escalation-stage-escalated': {
      const { fromStage, stage, stageName, timescaleWorkingDays, reason } = event.data;
      return `Escalated from stage ${fromStage} to stage ${stage} (${stageName}, ${timescaleWorkingDays} working days)${suffix(reason)}`;
    }
    case 'escalation-resolved':
      return `Resolved at stage ${event.data.stage}: ${event.data.outcome}`;
    case 'escalation-closed':
      return `Closed at stage ${event.data.stage}`;
    // Never the corrected values themselves: a summary is plain text, outside any seal.
    case 'escalation-data-subject-rectified':
      return `Personal details of data subject ${event.data.subjectId} rectified${suffix(event.data.reason)}`;
  }
}
