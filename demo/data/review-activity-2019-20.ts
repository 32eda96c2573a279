/**
 * Warwickshire Safeguarding review activity for 2019-20, from the county council cabinet
 * report of 12 November 2020 on the annual report. The pooled budget is described there but no
 * figures are given, so no money is recorded for 2019-20.
 *
 * Trap (figures that don't agree): the executive summary speaks of "15 Rapid Reviews" while the
 * detailed figures give 14 (8 adult + 6 children). Both are kept; the breakdown total is used.
 */
import { SOURCE_DOCUMENTS, type ReviewActivity } from './types';

export const reviewActivity201920: ReviewActivity = {
  id: 'ws-review-activity-2019-20',
  boardId: 'wseb',
  period: '2019-20',
  reportedOn: '2020-11-12',
  referrals: { total: 21, adult: 11, children: 10 },
  rapidReviews: { total: 14, adult: 8, children: 6, statedElsewhere: 15 },
  fullReviews: { total: 4, adult: 1, children: 2, joint: 1 },
  source: 'Warwickshire County Council cabinet report, 12 November 2020 (annual report 2019-20)',
  cites: [
    {
      document: SOURCE_DOCUMENTS.cabinetReport201920,
      where:
        'Safeguarding Reviews: "No. of Rapid Reviews conducted = 14 (8 Adult cases, 6 Children\'s cases)", with the referral and review totals',
    },
    {
      document: SOURCE_DOCUMENTS.cabinetReport201920,
      where: 'executive summary, Safeguarding Reviews: "the introduction of 15 Rapid Reviews"',
    },
  ],
  notes: [
    'Rapid reviews: 14 in the breakdown, 15 in the executive summary.',
    'Referrals (11 + 10 = 21) and full reviews (1 + 2 + 1 = 4) add up.',
  ],
};
