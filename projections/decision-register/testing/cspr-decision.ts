import type { DecisionEvent } from '../../../src/decisions';

/**
 * The register's worked example, shared by its projection spec and its HTTP suite: at the May 2022
 * meeting the board agreed to sign off the CSPR (James) report, subject to two conditions.
 */
export const MAY_2022_MEETING = 'wseb-2022-05-10';
export const CSPR_DECISION = `${MAY_2022_MEETING}-d-cspr`;
export const csprDecisionRecorded: Extract<DecisionEvent, { type: 'decision-recorded' }> = {
  type: 'decision-recorded',
  data: {
    decisionId: CSPR_DECISION,
    meetingId: MAY_2022_MEETING,
    itemNumber: 4,
    outcome: 'agreed',
    text: 'Sign off the report, subject to the changes agreed',
    conditions: [
      { conditionId: 'c1', text: 'Reviewer updates the report' },
      { conditionId: 'c2', text: 'Publication in June' },
    ],
    responsiblePartnerIds: [],
  },
};
