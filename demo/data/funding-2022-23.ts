/**
 * Warwickshire Safeguarding budget for 2022/23, as discussed at the WSEB on 10 May 2022
 * (item 10, WS Resources). All money is integer pence.
 *
 * Trap (sums that don't add up): the shortfall is "approx. £21,649", but the three statutory
 * partners each underwrite "up to £7k": 3 x £7,000 = £21,000, £649 short of the shortfall.
 * Figures are recorded as stated and the gap is noted rather than silently corrected.
 */
import { SOURCE_DOCUMENTS } from './sources';
import type { FundingYear } from './types';

const M = 'wseb-2022-05-10';

/** Item 10's words: the board's collective in-principle agreement, the only record of the police's and council's part. */
const collectively = {
  document: SOURCE_DOCUMENTS.wseb20220510,
  where: "item 10 'WS Resources'",
  words:
    'NM suggested that the three statutory partners collectively agree to underwrite this shortfall sum in principle. ' +
    'NM added that it is likely to cost up to £7k each.',
};

export const funding202223: FundingYear = {
  id: 'ws-funding-2022-23',
  boardId: 'wseb',
  financialYear: '2022/23',
  budgetPence: 32100000,
  lines: [
    {
      id: 'ws-2022-23-reviews',
      label: 'Safeguarding reviews (4-5 SAR/CSPR a year)',
      amountPence: 3500000,
      derived: false,
    },
    {
      id: 'ws-2022-23-website-projects-training',
      label: 'Website, commissioned projects and training',
      amountPence: 500000,
      derived: false,
    },
    {
      id: 'ws-2022-23-staffing',
      label: 'Staffing and related costs',
      amountPence: 28100000,
      derived: true,
      notes:
        'The minutes say only that "the majority" is staffing; £281,000 is the remainder of £321,000 after the two stated lines.',
    },
  ],
  shortfallPence: 2164900,
  shortfallApproximate: true,
  pledges: [
    {
      id: 'ws-2022-23-underwrite-wcc',
      partnerId: 'warwickshire-county-council',
      kind: 'underwrite',
      capPence: 700000,
      inPrinciple: true,
      decisionId: `${M}-d-underwrite-shortfall`,
      notes: 'Proposed by the council (Nigel Minns).',
      source: collectively,
    },
    {
      id: 'ws-2022-23-underwrite-police',
      partnerId: 'warwickshire-police',
      kind: 'underwrite',
      capPence: 700000,
      inPrinciple: true,
      decisionId: `${M}-d-underwrite-shortfall`,
      notes:
        "Part of the collective in-principle agreement; the police representative's individual assent is not minuted.",
      source: collectively,
    },
    {
      id: 'ws-2022-23-underwrite-health',
      partnerId: 'coventry-warwickshire-ccg',
      kind: 'underwrite',
      capPence: 700000,
      inPrinciple: true,
      decisionId: `${M}-d-underwrite-shortfall`,
      notes:
        'Agreed by Jo Galloway for the CCG, which asked for the contribution details in writing. Passes to the ICB from 1 July 2022 (succession-cw-ccg-to-icb).',
      source: collectively,
      pledgedBy: { personId: 'jo-galloway', words: 'JG agreed to underwrite and split the costs.' },
    },
  ],
  allocations: [
    {
      id: 'ws-2022-23-training-programme',
      label: 'Bitesize training programme: external speakers',
      amountPence: 400000,
      decisionId: `${M}-d-training-proposal`,
    },
  ],
  sourceMeetingId: M,
  notes: [
    'Budget £321,000 = reviews £35,000 + website/projects/training £5,000 + staffing £281,000 (derived remainder).',
    'Shortfall about £21,649; underwriting caps total £21,000 (3 x £7,000), leaving £649 not covered if the shortfall is as stated.',
    'The minutes do not say whether the £4,000 training allocation falls within the £5,000 line.',
    'The 2020 cabinet report says the Executive Board meets costs the pooled budget cannot cover, which is the basis for underwriting.',
  ],
};
