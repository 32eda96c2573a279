/** The partners the escalation examples name: the council raises, the ICB and the police are raised about. */
export const ESCALATION_PARTNERS = [
  { partnerId: 'warwickshire-cc', name: 'Warwickshire County Council', kind: 'local-authority' },
  { partnerId: 'cw-icb', name: 'Coventry and Warwickshire ICB', kind: 'health' },
  { partnerId: 'warwickshire-police', name: 'Warwickshire Police', kind: 'police' },
] as const;

/** A protocol of one stage: enough to raise an escalation under. */
export const ONE_STAGE_PROTOCOL = {
  protocolId: 'ws-escalation-protocol',
  name: 'WS Escalation Protocol',
  stages: [{ name: 'Practitioner to practitioner', timescaleWorkingDays: 2 }],
};

/**
 * The body raising an escalation from the council to the ICB under ONE_STAGE_PROTOCOL that names a
 * child: the personal-data suites seal, reveal and erase that name.
 */
export function escalationNamingChild(
  child: { name: string; dateOfBirth: string },
  ids: { escalationId: string; subjectId: string } = { escalationId: 'wsep-2022-001', subjectId: 'child-1' },
) {
  return {
    escalationId: ids.escalationId,
    protocolId: ONE_STAGE_PROTOCOL.protocolId,
    raisedByAgency: 'warwickshire-cc',
    concerningAgency: 'cw-icb',
    subject: 'Delay in a health assessment for a child in care',
    dataSubjects: [{ subjectId: ids.subjectId, relation: 'child', ...child }],
  };
}
