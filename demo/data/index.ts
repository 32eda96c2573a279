/**
 * The project's demo data: derived (paraphrased) from public safeguarding partnership minutes
 * and reports. Import `demoData` for the whole set, or `keyRecordIds` for the ids of the
 * records demos and tests usually start from.
 */
import { caseReviews } from './case-reviews';
import { wsEscalationProtocol } from './escalation-protocol';
import { carryForward201617 } from './funding-2016-17';
import { funding202223 } from './funding-2022-23';
import { assuranceRecords } from './assurance';
import { boardMembers, quorumRules } from './board-members';
import { forwardPlan } from './forward-plan';
import { boards, partnerSuccessions, partners } from './partners';
import { people } from './people';
import { referencedMeetings } from './referenced-meetings';
import { reviewActivity201920 } from './review-activity-2019-20';
import type { DemoData } from './types';
import { wseb20220510 } from './warwickshire-2022-05-10';
import { wseb20220922 } from './warwickshire-2022-09-22';
import { worcsScb20190313 } from './worcestershire-2019-03-13';

export * from './types';
export * from './collect';

export const demoData: DemoData = {
  partners,
  partnerSuccessions,
  people,
  boards,
  boardMembers,
  quorumRules,
  meetings: [worcsScb20190313, wseb20220510, wseb20220922],
  assuranceRecords,
  referencedMeetings,
  funding: [funding202223],
  carryForwards: [carryForward201617],
  reviewActivity: [reviewActivity201920],
  escalationProtocols: [wsEscalationProtocol],
  caseReviews,
  forwardPlan,
};

/** Ids of the records most demos start from. */
export const keyRecordIds = {
  meetings: {
    warwickshireMay2022: 'wseb-2022-05-10',
    warwickshireSep2022: 'wseb-2022-09-22',
    worcestershireMar2019: 'worcs-scb-2019-03-13',
  },
  csprJamesSignOff: 'wseb-2022-05-10-so-cspr-james',
  csprJamesDecision: 'wseb-2022-05-10-d-cspr-james-signoff',
  trainingDecision: 'wseb-2022-05-10-d-training-proposal',
  carersPackSignOff: 'wseb-2022-05-10-so-cic-carers-pack',
  jtaiDecision: 'wseb-2022-05-10-d-jtai-responsibility',
  mashAssuranceDecision: 'wseb-2022-05-10-d-mash-assurance-visit',
  strategicThematicReview2022: 'ws-str-core-practice-2022',
  mashFrontDoorAudit: 'ws-mash-front-door-2022',
  worcsSchoolsAudit2019: 'worcs-s157-175-schools-audit-2019',
  underwriteDecision: 'wseb-2022-05-10-d-underwrite-shortfall',
  funding202223: 'ws-funding-2022-23',
  fundingPledges: ['ws-2022-23-underwrite-wcc', 'ws-2022-23-underwrite-police', 'ws-2022-23-underwrite-health'],
  ccgToIcbSuccession: 'succession-cw-ccg-to-icb',
  escalationProtocol: 'ws-escalation-protocol',
  healthEscalationRouteDecision: 'wseb-2022-09-22-d-health-escalation-route',
  worcsScrOverviewSignOff: 'worcs-scb-2019-03-13-so-scr-overview-report',
  csprJamesReview: 'ws-cspr-james',
  worcsScrReview: 'worcs-scr-2019',
} as const;
