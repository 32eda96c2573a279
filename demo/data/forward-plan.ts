/**
 * Forward-plan items the minutes name with a month (issue 17 item 2). "Item to be added to WSEB
 * forward plan for April 2023 meeting" gives a month, not a meeting: the item is planned for the
 * month and no meeting is invented for it.
 */
import { SOURCE_DOCUMENTS } from './types-case-reviews';
import type { DemoForwardPlanItem } from './types-members';

export const forwardPlan: DemoForwardPlanItem[] = [
  {
    itemId: 'wseb-fp-2023-04-police-inspection',
    boardId: 'wseb',
    month: '2023-04',
    title: 'Police inspection report: progress on the recommendations (Pete Hill)',
    fromActionId: 'wseb-2022-09-22-a7',
    source: {
      document: SOURCE_DOCUMENTS.wseb20220922,
      where: 'item 9: "Item to be added to WSEB forward plan for April 2023 meeting"',
    },
  },
];
